/**
 * The clauses zwgk rules enforce, quoted verbatim from the sources in `../shared`
 * (the seed 海口市2019年政务公开工作要点 and the two State Council regulations).
 *
 * Standards that are not available verbatim (GB/T 9704-2012, GB/T 15834-2011, the 目录系统实施指引,
 * 国办发〔2016〕80号, 个人信息保护法) are marked `summary: true`: their text is the summary given in
 * requirements.md, never an invented quotation.
 */
import type { Clause } from './types';
import type { SourceId } from './sources';

const YAODIAN = '海口市2019年政务公开工作要点（海府办函〔2019〕168号）';
const TIAOLI = '中华人民共和国政府信息公开条例（国务院令第711号）';
const TIAOLI713 = '重大行政决策程序暂行条例（国务院令第713号）';
const TIAOLI2007 = '中华人民共和国政府信息公开条例（国务院令第492号，2008年5月1日起施行，2019年5月15日起由国务院令第711号修订版取代）';

export const CLAUSES = {
  // —— 要点 (the seed) ——
  yaodian_1_1: {
    source: YAODIAN, id: '要点 一（一）', version: 'yaodian2019',
    text: '对涉及公共利益和公众权益的重大事项,除依法应当保密的外,要主动向社会公布决策草案、决策依据等,广泛听取意见。',
  },
  yaodian_1_2: {
    source: YAODIAN, id: '要点 一（二）', version: 'yaodian2019',
    text: '项目安排、资金使用、受惠贫困户的扶持信息要在部门政府网站公开和镇(街)、村(居)进行公示。',
  },
  yaodian_1_3: {
    source: YAODIAN, id: '要点 一（三）', version: 'yaodian2019',
    text: '要通过多种形式及时公开义务教育招生方案、招生范围、招生程序、报名条件、学校情况、录取结果、咨询方式等信息',
  },
  yaodian_1_4: {
    source: YAODIAN, id: '要点 一（四）', version: 'yaodian2019',
    text: '围绕“放管服”改革新任务新举措,着力做好实施更大规模的减税降费、“证照分离”改革、工程建设项目审批制度改革、压缩企业开办时间、优化企业注销办理流程、压减行政许可、市场准入负面清单动态调整、清理规范基层各类涉企乱收费项目、深入推进大众创业万众创新等方面的信息公开工作,助力打造法治化、国际化、便利化的营商环境。',
  },
  yaodian_1_4_jianguan: {
    source: YAODIAN, id: '要点 一（四）', version: 'yaodian2019',
    text: '加快建立健全以“双随机、一公开”监管为基本手段、以重点监管为补充、以信用监管为基础的新型监管机制,将检查处置结果全部通过国家企业信用信息公示系统(海南)和“信用中国(海南)”网站公开。',
  },
  yaodian_1_5: {
    source: YAODIAN, id: '要点 一（五）', version: 'yaodian2019',
    text: '全面公开项目立项依据、实施主体、预算安排、绩效目标、绩效评价结果等情况。',
  },
  yaodian_1_6: {
    source: YAODIAN, id: '要点 一（六）', version: 'yaodian2019',
    text: '按照“谁执法谁公示”原则,严格落实行政执法公示制度,规范行政执法行为。利用统一的执法信息公示平台,集中向社会依法公开行政执法职责、执法依据、执法程序、监督途径和执法结果等信息。',
  },
  yaodian_2_1: {
    source: YAODIAN, id: '要点 二（一）', version: 'yaodian2019',
    text: '按照“谁起草谁解读”原则,切实做到政策性文件与解读方案、解读材料同步组织、同步审签、同步部署。',
  },
  yaodian_2_3: {
    source: YAODIAN, id: '要点 二（三）', version: 'yaodian2019',
    text: '探索运用政策简明问答、网络问政、政策进社区等方式,采用图片图表、音频视频、卡通动漫等群众喜闻乐见的展现形式,多用客观数据、生动案例,进行立体式、多方位解读,真正让群众看得到、能理解。',
  },
  yaodian_3_1: {
    source: YAODIAN, id: '要点 三（一）',
    text: '严格落实网络意识形态责任制,加强政府网站内容建设和信息发布审核,把好政治关、政策关、文字关。',
  },
  yaodian_3_3: {
    source: YAODIAN, id: '要点 三（三）', version: 'yaodian2019',
    text: '市政府各部门规范性文件定期每月汇总一次,下月5日前报送市政府档案馆……各区规范性该季度除了及时在本级政府网站公开外,每季度汇总一次,于次月10日前将文件纸件和电子件报送市档案馆归档管理。',
  },
  yaodian_3_4: {
    source: YAODIAN, id: '要点 三（四）', version: 'yaodian2019',
    text: '结合机构改革后的职责调整变化情况,及时梳理编制并公开进驻办事大厅的政务服务事项、办事指南、办事流程等。',
  },
  yaodian_4_2: {
    source: YAODIAN, id: '要点 四（二）', version: 'yaodian2019',
    text: '按照新修订《条例》规定,市政府部门要在每年1月31日前公布本行政机关上一年度政府信息公开工作年度报告,各区政府要在每年3月31日前公布本级政府上一年度政府信息公开工作年度报告。',
  },
  yaodian_4_2_yishenqing: {
    source: YAODIAN, id: '要点 四（二）', version: 'yaodian2019',
    text: '要进一步做好依申请公开工作,保障公众依法行使知情权、参与权、表达权、监督权。',
  },
  yaodian_4_3: {
    source: YAODIAN, id: '要点 四（三）', version: 'yaodian2019',
    text: '机构改革涉及的政府部门要在符合保密要求的前提下,依法公开本机关的“三定”规定等信息,及时梳理合并部门政府网站信息,确保政府信息公开的连续性。',
  },
  // —— 政府信息公开条例 ——
  tiaoli_5: {
    source: TIAOLI, id: '条例 第五条', version: 'tiaoli2019',
    text: '行政机关公开政府信息，应当坚持以公开为常态、不公开为例外，遵循公正、公平、合法、便民的原则。',
  },
  tiaoli_13: {
    source: TIAOLI, id: '条例 第十三条', version: 'tiaoli2019',
    text: '除本条例第十四条、第十五条、第十六条规定的政府信息外，政府信息应当公开。行政机关公开政府信息，采取主动公开和依申请公开的方式。',
  },
  tiaoli_19: {
    source: TIAOLI, id: '条例 第十九条', version: 'tiaoli2019',
    text: '对涉及公众利益调整、需要公众广泛知晓或者需要公众参与决策的政府信息，行政机关应当主动公开。',
  },
  tiaoli_27: {
    source: TIAOLI, id: '条例 第二十七条', version: 'tiaoli2019',
    text: '除行政机关主动公开的政府信息外，公民、法人或者其他组织可以向地方各级人民政府、对外以自己名义履行行政管理职能的县级以上人民政府部门(含本条例第十条第二款规定的派出机构、内设机构)申请获取相关政府信息。',
  },
  tiaoli_12: {
    source: TIAOLI, id: '条例 第十二条', version: 'tiaoli2019',
    text: '政府信息公开目录包括政府信息的索引、名称、内容概述、生成日期等内容。',
  },
  tiaoli_14: {
    source: TIAOLI, id: '条例 第十四条', version: 'tiaoli2019',
    text: '依法确定为国家秘密的政府信息，法律、行政法规禁止公开的政府信息，以及公开后可能危及国家安全、公共安全、经济安全、社会稳定的政府信息，不予公开。',
  },
  tiaoli_15: {
    source: TIAOLI, id: '条例 第十五条', version: 'tiaoli2019',
    text: '涉及商业秘密、个人隐私等公开会对第三方合法权益造成损害的政府信息，行政机关不得公开。但是，第三方同意公开或者行政机关认为不公开会对公共利益造成重大影响的，予以公开。',
  },
  tiaoli_16: {
    source: TIAOLI, id: '条例 第十六条', version: 'tiaoli2019',
    text: '行政机关的内部事务信息，包括人事管理、后勤管理、内部工作流程等方面的信息，可以不予公开。行政机关在履行行政管理职能过程中形成的讨论记录、过程稿、磋商信函、请示报告等过程性信息以及行政执法案卷信息，可以不予公开。法律、法规、规章规定上述信息应当公开的，从其规定。',
  },
  tiaoli_26: {
    source: TIAOLI, id: '条例 第二十六条', version: 'tiaoli2019',
    text: '属于主动公开范围的政府信息，应当自该政府信息形成或者变更之日起20个工作日内及时公开。法律、法规对政府信息公开的期限另有规定的，从其规定。',
  },
  tiaoli_33: {
    source: TIAOLI, id: '条例 第三十三条', version: 'tiaoli2019',
    text: '行政机关不能当场答复的，应当自收到申请之日起20个工作日内予以答复；需要延长答复期限的，应当经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不得超过20个工作日。',
  },
  tiaoli_49: {
    source: TIAOLI, id: '条例 第四十九条', version: 'tiaoli2019',
    text: '县级以上人民政府部门应当在每年1月31日前向本级政府信息公开工作主管部门提交本行政机关上一年度政府信息公开工作年度报告并向社会公布。县级以上地方人民政府的政府信息公开工作主管部门应当在每年3月31日前向社会公布本级政府上一年度政府信息公开工作年度报告。',
  },
  tiaoli_50: {
    source: TIAOLI, id: '条例 第五十条', version: 'tiaoli2019',
    text: '政府信息公开工作年度报告应当包括下列内容：(一)行政机关主动公开政府信息的情况；(二)行政机关收到和处理政府信息公开申请的情况；(三)因政府信息公开工作被申请行政复议、提起行政诉讼的情况；(四)政府信息公开工作存在的主要问题及改进情况，各级人民政府的政府信息公开工作年度报告还应当包括工作考核、社会评议和责任追究结果情况；(五)其他需要报告的事项。',
  },
  // —— 政府信息公开条例 (2007), in force 2008-05-01 to 2019-05-14 ——
  tiaoli2007_14: {
    source: TIAOLI2007, id: '条例（2007） 第十四条', version: 'tiaoli2007',
    text: '行政机关不得公开涉及国家秘密、商业秘密、个人隐私的政府信息。但是，经权利人同意公开或者行政机关认为不公开可能对公共利益造成重大影响的涉及商业秘密、个人隐私的政府信息，可以予以公开。',
  },
  tiaoli2007_18: {
    source: TIAOLI2007, id: '条例（2007） 第十八条', version: 'tiaoli2007',
    text: '属于主动公开范围的政府信息，应当自该政府信息形成或者变更之日起20个工作日内予以公开。法律、法规对政府信息公开的期限另有规定的，从其规定。',
  },
  tiaoli2007_19: {
    source: TIAOLI2007, id: '条例（2007） 第十九条', version: 'tiaoli2007',
    text: '政府信息公开目录，应当包括政府信息的索引、名称、内容概述、生成日期等内容。',
  },
  tiaoli2007_24: {
    source: TIAOLI2007, id: '条例（2007） 第二十四条', version: 'tiaoli2007',
    text: '行政机关不能当场答复的，应当自收到申请之日起15个工作日内予以答复；如需延长答复期限的，应当经政府信息公开工作机构负责人同意，并告知申请人，延长答复的期限最长不得超过15个工作日。',
  },
  tiaoli2007_31: {
    source: TIAOLI2007, id: '条例（2007） 第三十一条', version: 'tiaoli2007',
    text: '各级行政机关应当在每年3月31日前公布本行政机关的政府信息公开工作年度报告。',
  },
  tiaoli2007_32: {
    source: TIAOLI2007, id: '条例（2007） 第三十二条', version: 'tiaoli2007',
    text: '政府信息公开工作年度报告应当包括下列内容：（一）行政机关主动公开政府信息的情况；（二）行政机关依申请公开政府信息和不予公开政府信息的情况；（三）政府信息公开的收费及减免情况；（四）因政府信息公开申请行政复议、提起行政诉讼的情况；（五）政府信息公开工作存在的主要问题及改进情况；（六）其他需要报告的事项。',
  },
  // —— 重大行政决策程序暂行条例 ——
  tiaoli713_15: {
    source: TIAOLI713, id: '条例713号 第十五条', version: 'tiaoli713',
    text: '决策事项向社会公开征求意见的，决策承办单位应当通过政府网站、政务新媒体以及报刊、广播、电视等便于社会公众知晓的途径，公布决策草案及其说明等材料，明确提出意见的方式和期限。公开征求意见的期限一般不少于30日；因情况紧急等原因需要缩短期限的，公开征求意见时应当予以说明。',
  },
  // —— standards and documents summarised in requirements.md (not verbatim) ——
  gbt9704_7_2_5: {
    source: 'GB/T 9704-2012《党政机关公文格式》', id: '7.2.5 发文字号', summary: true, version: 'gbt9704_2012',
    text: '发文字号由发文机关代字、年份和发文顺序号组成。年份应标全称，用六角括号“〔〕”括入；发文顺序号不加“第”字，不编虚位（即1不编为01），在阿拉伯数字后加“号”字。',
  },
  gbt9704_7_3_5_4: {
    source: 'GB/T 9704-2012《党政机关公文格式》', id: '7.3.5.4 成文日期', summary: true, version: 'gbt9704_2012',
    text: '成文日期用阿拉伯数字将年、月、日标全，年份应标全称，月、日不编虚位（即1不编为01）。',
  },
  // 公文 elements (GB/T 9704-2012 7.2–7.3): the clause numbers beyond 7.2.5 / 7.3.1 / 7.3.5.4 / 7.3.6 are not in
  // ../shared, so these cite the part (7.3 主体) and give the requirement as issue 12 and requirements.md state it.
  gbt9704_title: {
    source: 'GB/T 9704-2012《党政机关公文格式》', id: '7.3.1 标题', summary: true, version: 'gbt9704_2012',
    text: '公文标题由发文机关名称、事由和文种组成（发文机关＋关于＋事由＋的＋文种）；标题不写发文机关的，以发文机关名义印发。',
  },
  gbt9704_recipient: {
    source: 'GB/T 9704-2012《党政机关公文格式》', id: '7.3 主体：主送机关', summary: true, version: 'gbt9704_2012',
    text: '文种需要主送机关的公文写明主送机关（批复、请示、函，以及发给下级机关的通知、意见等；公告、通告、公示不写主送机关）。',
  },
  gbt9704_signature: {
    source: 'GB/T 9704-2012《党政机关公文格式》', id: '7.3 主体：发文机关署名、成文日期', summary: true, version: 'gbt9704_2012',
    text: '公文落款写明发文机关署名和成文日期。',
  },
  gbt9704_attachment: {
    source: 'GB/T 9704-2012《党政机关公文格式》', id: '7.3 主体：附件说明', summary: true, version: 'gbt9704_2012',
    text: '公文有附件的，用“附件：”列明所附文件。',
  },
  // GB/T 9704-1999, in force 2000-01-01 to 2012-06-30 (the issue's own account of it; not in ../shared).
  gbt9704_1999_date: {
    source: 'GB/T 9704-1999《国家行政机关公文格式》（2000年1月1日起实施，2012年7月1日起由GB/T 9704-2012代替）', id: '成文时间', summary: true, version: 'gbt9704_1999',
    text: '成文时间用汉字将年、月、日标全，“零”写为“〇”。',
  },
  gbt9704_1999_number: {
    source: 'GB/T 9704-1999《国家行政机关公文格式》（2000年1月1日起实施，2012年7月1日起由GB/T 9704-2012代替）', id: '发文字号', summary: true, version: 'gbt9704_1999',
    text: '发文字号由发文机关代字、年份和序号组成；年份应标全称，用六角括号“〔〕”括入；序号不编虚位，不加“第”字。',
  },
  gbt15834: {
    source: 'GB/T 15834-2011《标点符号用法》', id: '书名号、全角标点', summary: true,
    text: '中文文本使用全角标点符号；引用法律、法规、文件等的标题用书名号《》标示；并列词语之间用顿号。',
  },
  // The national origin of 同步解读 (requirements.md §1: the local rules implement 国办发〔2016〕80号).
  guoban_2016_80_jiedu: {
    source: '国务院办公厅《〈关于全面推进政务公开工作的意见〉实施细则》（国办发〔2016〕80号）', id: '政策解读', summary: true, version: 'guoban2016_80',
    text: '按照“谁起草谁解读”的原则做好政策解读；政策性文件与解读方案、解读材料同步组织、同步审签、同步部署。',
  },
  guoban_2016_80: {
    source: '国务院办公厅《〈关于全面推进政务公开工作的意见〉实施细则》（国办发〔2016〕80号）', id: '公开属性源头认定', summary: true, version: 'guoban2016_80',
    text: '拟制公文时，要明确主动公开、依申请公开、不予公开等属性，随公文一并报批；拟不公开的，要依法依规说明理由。',
  },
  // requirements.md §5: the fields the portal catalogue lists (the seed's own header), as opposed to what the 指引 makes mandatory.
  mulu_fields: {
    source: '政府信息公开目录（门户网站目录页，如海口市政府门户网站）', id: '目录字段', summary: true,
    text: '门户网站政府信息公开目录列明索引号、分类、发布机构、发文日期（成文日期/发布日期）、名称、文号、主题词；其中索引号、名称为政府信息公开目录系统实施指引（试行）规定的必备元数据。',
  },
  mulu_zhiyin: {
    source: '政府信息公开目录系统实施指引（试行）', id: '索引号', summary: true,
    text: '索引号、名称为必备元数据。索引号由组织机构代码（9位，如00817804-9，或18位统一社会信用代码）、“/”、年份、“-”和顺序号组成，如00817804-9/2019-13123。',
  },
  pipl: {
    source: '中华人民共和国个人信息保护法（2021）', id: '第二十五、二十八、三十四条', summary: true,
    text: '个人信息处理者不得公开其处理的个人信息，取得个人单独同意的除外；身份证件号码、金融账户等属于敏感个人信息。国家机关处理个人信息不得超出履行法定职责所必需的范围和限度。',
  },
  // The masking form comes from a city notice, not from the law (requirements.md §6).
  yongan_2023_masking: {
    source: '永安市通知（2023年）', id: '公示名单脱敏式样', summary: true,
    text: '公示名单中的个人信息应当去标识化：手机号码如138****1234，身份证号码如35*************123，家庭住址只写到乡镇（街道）。',
  },
  // —— 政策解读 (requirements.md §1; the Guangzhou text is in test/fixtures/real-notices/10-…, stored copy's punctuation) ——
  suifu_2017_313_2: {
    source: '广州市人民政府办公厅关于印发广州市政策文件解读工作实施办法的通知（穗府办函〔2017〕313号）', id: '穗府办函〔2017〕313号 第二条',
    text: '政策文件解读工作要坚持“谁起草、谁解读”的原则。文件起草单位是政策解读的责任主体。以市政府或市府办公厅名义印发的政策文件,由文件起草单位组织做好解读工作。以市府直属单位名义印发的政策文件,由制发单位负责做好解读工作。多个单位联合起草、联合发文的,由牵头单位组织做好解读工作,其他单位配合。',
  },
  jiedu_elements: {
    source: '甘政公开办函〔2019〕1号等地方规定（均依据国办发〔2016〕80号）', id: '政策解读内容要素', summary: true, version: 'yaodian2019',
    text: '政策解读应说明背景依据、目标任务、主要内容、适用（涉及）范围、执行标准、注意事项、关键词诠释、惠民（惠企利民）举措、新旧政策差异；政策简明问答形式的解读以问题形式涵盖这些内容。',
  },
} as const satisfies Record<string, Clause & { version?: SourceId }>;

export type ClauseKey = keyof typeof CLAUSES;
