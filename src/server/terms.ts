/**
 * Requirement terms a hover explains anywhere in a draft: what the work points / regulations require of
 * it, with the clauses (from CLAUSES, verbatim or marked 摘要) and the zwgk rules that check it.
 */
import { CLAUSES, type Clause } from '../core';

export interface Term {
  /** Spellings that trigger the hover (longest is tried first). */
  match: string[];
  /** Heading shown in the hover. */
  name: string;
  /** What is required, in a sentence or two (Chinese). */
  requires: string;
  clauses: Clause[];
  /** zwgk rule ids that check it (shown when the rule exists). */
  rules?: string[];
}

export const TERMS: Term[] = [
  {
    match: ['同步解读', '同步组织、同步审签、同步部署', '同步审签', '同步部署', '同步组织'],
    name: '同步解读',
    requires: '政策性文件与解读方案、解读材料同步组织、同步审签、同步部署：解读材料应与政策文件同时发布。',
    clauses: [CLAUSES.yaodian_2_1],
    rules: ['interpretation-missing', 'interpretation-out-of-sync'],
  },
  {
    match: ['谁起草谁解读'],
    name: '谁起草谁解读',
    requires: '政策文件由哪个部门起草，就由哪个部门负责解读；解读材料的起草单位应与政策文件的起草单位一致。',
    clauses: [CLAUSES.yaodian_2_1],
    rules: ['interpretation-drafter'],
  },
  {
    match: ['政策解读', '解读材料', '解读方案'],
    name: '政策解读',
    requires: '重要政策文件应有解读材料，与文件同步发布；解读可采用政策简明问答、图片图表等形式，多用客观数据、生动案例。',
    clauses: [CLAUSES.yaodian_2_1, CLAUSES.yaodian_2_3],
    rules: ['interpretation-missing', 'interpretation-content'],
  },
  {
    match: ['政策简明问答', '简明问答'],
    name: '政策简明问答',
    requires: '探索以政策简明问答等群众喜闻乐见的形式解读政策，让群众看得到、能理解。',
    clauses: [CLAUSES.yaodian_2_3],
    rules: ['interpretation-content'],
  },
  {
    match: ['政府信息公开工作年度报告', '年度报告'],
    name: '政府信息公开工作年度报告',
    requires: '政府部门每年1月31日前、县级以上地方人民政府每年3月31日前公布上一年度的年度报告；报告应包括条例第五十条列出的内容。',
    clauses: [CLAUSES.tiaoli_49, CLAUSES.tiaoli_50, CLAUSES.yaodian_4_2],
    rules: ['annual-report-deadline', 'required-content'],
  },
  {
    match: ['公开征求意见', '征求意见', '决策草案'],
    name: '公开征求意见',
    requires: '重大行政决策向社会征求意见时，应公布决策草案及其说明、决策依据，明确提出意见的方式和期限；期限一般不少于30日，缩短须说明理由。',
    clauses: [CLAUSES.tiaoli713_15, CLAUSES.yaodian_1_1],
    rules: ['comment-period', 'required-content'],
  },
  {
    match: ['双随机、一公开', '双随机一公开', '双随机'],
    name: '“双随机、一公开”监管',
    requires: '以“双随机、一公开”监管为基本手段，检查处置结果全部通过国家企业信用信息公示系统和“信用中国”网站公开。',
    clauses: [CLAUSES.yaodian_1_4_jianguan],
  },
  {
    match: ['放管服'],
    name: '“放管服”改革信息公开',
    requires: '围绕“放管服”改革新任务新举措（减税降费、“证照分离”、工程建设项目审批制度改革等）做好信息公开。',
    clauses: [CLAUSES.yaodian_1_4],
  },
  {
    match: ['依申请公开'],
    name: '依申请公开',
    requires: '主动公开以外的政府信息，公民、法人或者其他组织可以申请获取；不能当场答复的，应自收到申请之日起20个工作日内答复，延长最多20个工作日。',
    clauses: [CLAUSES.tiaoli_27, CLAUSES.tiaoli_33, CLAUSES.yaodian_4_2_yishenqing],
    rules: ['application-reply-deadline'],
  },
  {
    match: ['主动公开'],
    name: '主动公开',
    requires: '涉及公众利益调整、需要公众广泛知晓或参与决策的政府信息应当主动公开，并自形成或变更之日起20个工作日内公开。',
    clauses: [CLAUSES.tiaoli_19, CLAUSES.tiaoli_26],
    rules: ['proactive-disclosure-deadline'],
  },
  {
    match: ['不予公开'],
    name: '不予公开',
    requires: '只有条例第十四、十五、十六条规定的情形可以不予公开；拟不公开的要依法依规说明理由。',
    clauses: [CLAUSES.tiaoli_14, CLAUSES.tiaoli_15, CLAUSES.guoban_2016_80],
  },
  {
    match: ['公开属性'],
    name: '公开属性',
    requires: '拟制公文时要明确主动公开、依申请公开、不予公开等属性，随公文一并报批。',
    clauses: [CLAUSES.guoban_2016_80],
  },
  {
    match: ['政府信息公开', '政务公开'],
    name: '政府信息公开',
    requires: '以公开为常态、不公开为例外；除条例第十四、十五、十六条规定的信息外，政府信息应当公开，方式为主动公开和依申请公开。',
    clauses: [CLAUSES.tiaoli_5, CLAUSES.tiaoli_13],
  },
  {
    match: ['三定规定', '“三定”', '三定'],
    name: '“三定”规定',
    requires: '机构改革涉及的政府部门要依法公开本机关的“三定”规定（职能配置、内设机构、人员编制）等信息。',
    clauses: [CLAUSES.yaodian_4_3],
    rules: ['required-content'],
  },
  {
    match: ['谁执法谁公示', '行政执法公示'],
    name: '行政执法公示',
    requires: '按照“谁执法谁公示”，公开行政执法职责、执法依据、执法程序、监督途径和执法结果等信息。',
    clauses: [CLAUSES.yaodian_1_6],
    rules: ['required-content'],
  },
  {
    match: ['受惠贫困户', '受益贫困户', '扶贫项目'],
    name: '扶贫项目信息公示',
    requires: '项目安排、资金使用、受惠贫困户的扶持信息要在部门政府网站公开并在镇（街）、村（居）公示；公示名单中的个人信息应去标识化。',
    clauses: [CLAUSES.yaodian_1_2, CLAUSES.pipl],
    rules: ['required-content'],
  },
  {
    match: ['义务教育招生'],
    name: '义务教育招生信息',
    requires: '及时公开义务教育招生方案、招生范围、招生程序、报名条件、学校情况、录取结果、咨询方式等信息。',
    clauses: [CLAUSES.yaodian_1_3],
    rules: ['required-content'],
  },
  {
    match: ['规范性文件'],
    name: '规范性文件报送',
    requires: '市政府各部门规范性文件每月汇总、下月5日前报送；各区每季度汇总、次月10日前报送市档案馆。',
    clauses: [CLAUSES.yaodian_3_3],
    rules: ['normative-filing-deadline'],
  },
  {
    match: ['办事指南'],
    name: '办事指南',
    requires: '及时梳理编制并公开进驻办事大厅的政务服务事项、办事指南、办事流程等。',
    clauses: [CLAUSES.yaodian_3_4],
    rules: ['required-content'],
  },
  {
    match: ['政府信息公开目录', '索引号'],
    name: '政府信息公开目录',
    requires: '目录包括政府信息的索引、名称、内容概述、生成日期等；索引号、名称为必备元数据。',
    clauses: [CLAUSES.tiaoli_12, CLAUSES.mulu_zhiyin],
  },
  {
    match: ['去标识化', '个人隐私'],
    name: '个人信息',
    requires: '公开的名单不得含完整的身份证号、手机号、银行账号等个人信息，应去标识化（如138****1234）。',
    clauses: [CLAUSES.pipl, CLAUSES.tiaoli_15],
  },
];

/** Every spelling → its term, longest spelling first (so 政府信息公开工作年度报告 wins over 年度报告). */
const SPELLINGS: { text: string; term: Term }[] = TERMS.flatMap((t) => t.match.map((text) => ({ text, term: t }))).sort(
  (a, b) => b.text.length - a.text.length,
);

/**
 * The term written around `offset` in `line` (offset relative to the line): the longest spelling that
 * covers the offset. Returns the term and its [start, end) in the line.
 */
export function termAt(line: string, offset: number): { term: Term; start: number; end: number } | undefined {
  for (const { text, term } of SPELLINGS) {
    const from = Math.max(0, offset - text.length);
    let i = line.indexOf(text, from);
    while (i >= 0 && i <= offset) {
      if (offset < i + text.length) return { term, start: i, end: i + text.length };
      i = line.indexOf(text, i + 1);
    }
  }
  return undefined;
}
