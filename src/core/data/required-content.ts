/**
 * What each document type must carry (requirements.md §3), as data: the items, the words that show an
 * item is there (headings, labelled paragraphs `X：`, table headers), synonyms seen in real notices,
 * and the clause that requires it. The `required-content` rule reads this table; users extend the
 * synonyms through the rule's `synonyms` option.
 *
 * Terms are simplified Chinese; the rule matches them on a copy of the text with traditional
 * characters mapped to simplified. Regexes use bounded quantifiers only.
 */
import type { ClauseKey } from '../clauses';
import type { DocType } from '../doctype';

export interface ContentItem {
  /** Name used in messages, options (`skipItems`, `synonyms`) and the quick-fix heading. */
  name: string;
  /** A label (heading, `X：`, table header) containing any of these shows the item. */
  terms: string[];
  /** Label patterns (for wordings a plain substring cannot express). */
  patterns?: RegExp[];
  /** Evidence in running text (for items normally written as a sentence, e.g. 根据《…》 for 决策依据). */
  prose?: RegExp[];
  /** The title itself shows the item (e.g. the 事项 a 办事指南 is for). */
  title?: RegExp;
  /** A non-empty metadata field shows the item. */
  metaKey?: string;
  /** Heading the quick fix inserts (default: the name). */
  skeleton?: string;
  /** Not required unless listed in the rule's `requireOptional` option. */
  optional?: boolean;
  /** Not required when the title matches (e.g. a 处罚结果公示 has no 执法职责 section). */
  unlessTitle?: RegExp;
  /** Only in a government's (not a department's) report. */
  governmentOnly?: boolean;
  /** Only for a 重大行政决策 (条例713号): 起草说明, 决策依据. */
  majorOnly?: boolean;
  /** Must stand in the notice itself even when it has attachments (how and by when to comment). */
  inNotice?: boolean;
  clause: ClauseKey;
}

export interface TypeContent {
  type: DocType;
  /** What the message calls the document, e.g. 年度报告. */
  label: string;
  items: ContentItem[];
  /**
   * When the type is only inferred from the title, check only titles that match (e.g. a 财政信息
   * title must name a 项目: budget/决算 reports are not project disclosures).
   */
  inferredTitle?: RegExp;
  /** Insert missing items in this order (before the next item present) instead of at the end. */
  ordered?: boolean;
}

/** Results of enforcement (事后公开) — such a notice has no 职责/程序 section. */
const ENFORCEMENT_RESULT = /结果|决定|处罚信息|处罚案件|案件|案例|双随机|抽查/;
/** Before-the-fact enforcement lists (事前公开) — no results yet. */
const ENFORCEMENT_BEFORE = /职责|权责|清单|事项|指南|流程|程序|标准|依据/;

export const REQUIRED_CONTENT: TypeContent[] = [
  {
    type: '年度报告',
    label: '年度报告',
    ordered: true,
    items: [
      { name: '总体情况', skeleton: '一、总体情况', terms: ['总体情况', '概述', '基本情况', '工作概况', '总体工作情况'], clause: 'tiaoli_50' },
      {
        name: '主动公开政府信息情况', skeleton: '二、主动公开政府信息情况',
        terms: ['主动公开政府信息情况', '主动公开政府信息的情况', '主动公开情况'],
        patterns: [/主动公开.{0,8}情况/, /第二十条第[（(]一[）)]项/], clause: 'tiaoli_50',
      },
      {
        name: '收到和处理政府信息公开申请情况', skeleton: '三、收到和处理政府信息公开申请情况',
        terms: ['收到和处理政府信息公开申请情况', '依申请公开情况', '依申请公开政府信息情况'],
        patterns: [/收到和处理.{0,12}申请/, /(政府信息公开|依)申请.{0,8}(情况|办理)/, /新收.{0,12}申请/], clause: 'tiaoli_50',
      },
      {
        name: '政府信息公开行政复议、行政诉讼情况', skeleton: '四、政府信息公开行政复议、行政诉讼情况',
        terms: ['行政复议', '行政诉讼', '复议诉讼'], clause: 'tiaoli_50',
      },
      {
        name: '存在的主要问题及改进情况', skeleton: '五、存在的主要问题及改进情况',
        terms: ['存在的主要问题及改进情况', '主要问题及改进', '问题及改进', '改进情况', '存在的问题', '存在问题', '主要问题'], clause: 'tiaoli_50',
      },
      {
        name: '其他需要报告的事项', skeleton: '六、其他需要报告的事项',
        terms: ['其他需要报告的事项', '其他需要报告', '其他事项'], clause: 'tiaoli_50',
      },
      {
        name: '工作考核、社会评议和责任追究结果情况', skeleton: '工作考核、社会评议和责任追究结果情况',
        terms: ['工作考核', '社会评议', '责任追究'], governmentOnly: true, clause: 'tiaoli_50',
      },
    ],
  },
  {
    type: '决策草案',
    label: '决策草案征求意见公告',
    items: [
      {
        name: '决策草案', terms: ['决策草案', '征求意见稿', '草案', '送审稿'],
        prose: [/征求意见稿|草案|送审稿|讨论稿/], clause: 'tiaoli713_15',
      },
      {
        name: '起草说明', majorOnly: true, terms: ['起草说明', '编制说明', '制定说明', '修订说明', '政策解读', '解读'],
        prose: [/起草说明|编制说明|制定说明|修订说明|关于《[^》]{1,80}》(?:（[^）]{0,12}）)?的说明|草案.{0,4}说明/], clause: 'tiaoli713_15',
      },
      {
        name: '决策依据', majorOnly: true, terms: ['决策依据', '制定依据', '起草依据', '编制依据', '法律依据', '政策依据', '依据'],
        prose: [/(根据|依据|按照|依照|贯彻|落实)[^。]{0,30}《/], clause: 'yaodian_1_1',
      },
      {
        name: '提出意见的方式', inNotice: true, terms: ['意见反馈方式', '反馈方式', '提交方式', '提出意见的方式', '联系方式', '通信地址', '电子邮箱', '邮箱', '传真', '联系电话'],
        prose: [/电子邮件|电子邮箱|邮箱|信函|信件|邮寄|传真|来信|留言|意见箱|[A-Za-z0-9._-]{1,40}@[A-Za-z0-9-]{1,40}\.[A-Za-z.]{2,12}/], clause: 'tiaoli713_15',
      },
      {
        name: '提出意见的期限', inNotice: true, terms: ['提出意见的期限', '征求意见时间', '征求意见期限', '截止时间', '截止日期', '反馈时间', '公告时间', '公示时间', '公示期', '公告期'],
        prose: [/截止|截至|[0-9]{1,2}\s{0,2}月\s{0,2}[0-9]{1,2}\s{0,2}日\s{0,2}(前|之前|以前|止)|[0-9一二三四五六七八九十]{1,3}\s{0,2}(个)?\s{0,2}(日|天|工作日)(内|止|，|,|。)|征求意见.{0,6}(期限|时间)|(公示|公告|征求意见)期/],
        metaKey: '征求意见期限', clause: 'tiaoli713_15',
      },
    ],
  },
  {
    type: '财政信息',
    label: '财政项目信息',
    inferredTitle: /项目/,
    items: [
      { name: '项目立项依据', terms: ['立项依据', '项目依据', '设立依据', '政策依据', '依据'], clause: 'yaodian_1_5' },
      { name: '实施主体', terms: ['实施主体', '实施单位', '项目单位', '承担单位', '责任单位', '建设单位', '主管部门', '项目主管', '执行单位'], clause: 'yaodian_1_5' },
      { name: '预算安排', terms: ['预算安排', '预算金额', '预算资金', '预算数', '资金安排', '项目预算', '安排资金', '资金规模', '总投资', '预算'], clause: 'yaodian_1_5' },
      { name: '绩效目标', terms: ['绩效目标', '绩效指标', '产出指标', '效益指标', '年度目标'], clause: 'yaodian_1_5' },
      {
        name: '绩效评价结果', terms: ['绩效评价', '评价结果', '绩效自评', '自评结果', '评价得分'],
        // A budget / application / plan disclosure comes before the evaluation.
        unlessTitle: /预算|申报|立项|计划|目标/, clause: 'yaodian_1_5',
      },
    ],
  },
  {
    type: '执法公示',
    label: '行政执法公示',
    items: [
      { name: '执法职责', terms: ['执法职责', '职责', '职权', '权责清单', '权力清单', '执法主体', '执法事项'], unlessTitle: ENFORCEMENT_RESULT, clause: 'yaodian_1_6' },
      { name: '执法依据', terms: ['执法依据', '依据', '法律依据', '处罚依据', '法律法规'], clause: 'yaodian_1_6' },
      { name: '执法程序', terms: ['执法程序', '程序', '流程', '执法流程', '办理流程'], unlessTitle: ENFORCEMENT_RESULT, clause: 'yaodian_1_6' },
      {
        name: '监督途径', terms: ['监督途径', '监督电话', '投诉电话', '举报电话', '监督举报', '投诉举报', '监督方式', '监督渠道', '投诉渠道', '救济途径', '救济渠道', '申诉'],
        prose: [/(监督|投诉|举报)电话|(申请|提起)行政复议|提起行政诉讼/], clause: 'yaodian_1_6',
      },
      {
        name: '执法结果', terms: ['执法结果', '处罚结果', '处理结果', '执法决定', '处罚决定', '检查结果', '处理决定', '决定书', '抽查结果'],
        unlessTitle: ENFORCEMENT_BEFORE, clause: 'yaodian_1_6',
      },
    ],
  },
  {
    type: '招生公告',
    label: '招生公告',
    items: [
      {
        name: '招生范围', terms: ['招生范围', '招生区域', '划片', '学区', '施教区', '服务区', '招生片区', '片区', '范围'],
        prose: [/划片|招生片区|学区划分|施教区|服务区域|招生区域|招生范围/], clause: 'yaodian_1_3',
      },
      {
        name: '招生程序', terms: ['招生程序', '入学办法', '招生办法', '报名方式', '报名流程', '入学程序', '招生流程', '报名时间', '时间安排', '招生时间', '报名登记', '程序', '流程'],
        clause: 'yaodian_1_3',
      },
      { name: '报名条件', terms: ['报名条件', '入学条件', '招生对象', '报名对象', '入学对象', '申请条件', '条件', '对象'], clause: 'yaodian_1_3' },
      {
        name: '咨询方式', terms: ['咨询电话', '咨询方式', '联系电话', '咨询热线', '监督电话', '举报电话', '联系方式'],
        prose: [/咨询电话|咨询热线|联系电话|监督电话/], clause: 'yaodian_1_3',
      },
      // Published separately in practice (school profiles; results after admission): required only on request.
      { name: '学校情况', terms: ['学校情况', '学校简介', '学校基本情况', '学校名单', '招生计划', '学位'], optional: true, clause: 'yaodian_1_3' },
      { name: '录取结果', terms: ['录取结果', '录取名单', '录取情况', '派位结果'], optional: true, clause: 'yaodian_1_3' },
    ],
  },
  {
    type: '扶贫公示',
    label: '扶贫公示',
    items: [
      { name: '项目安排', terms: ['项目安排', '项目名称', '项目内容', '建设内容', '建设规模', '项目规模', '扶贫项目', '实施地点', '项目'], clause: 'yaodian_1_2' },
      { name: '资金使用', terms: ['资金使用', '资金安排', '资金规模', '资金来源', '资金用途', '资金', '金额', '补助标准', '投资', '万元'], clause: 'yaodian_1_2' },
      { name: '受惠贫困户', terms: ['受惠贫困户', '受益贫困户', '受益户', '受益对象', '受益人口', '受益群众', '受益人数', '帮扶对象', '带贫', '贫困户', '脱贫户', '受益'], clause: 'yaodian_1_2' },
      {
        name: '监督举报方式', terms: ['监督举报', '监督电话', '举报电话', '投诉电话', '投诉举报', '反映问题', '意见反馈', '联系电话', '异议'],
        prose: [/12317|(监督|举报|投诉)电话|如有异议|有异议的?[^。]{0,20}(反映|联系|来电|拨打)/], clause: 'yaodian_1_2',
      },
    ],
  },
  {
    type: '办事指南',
    label: '办事指南',
    items: [
      {
        name: '办理事项', terms: ['事项名称', '服务事项', '办理事项', '业务名称', '事项'],
        title: /.{2,40}(办事指南|服务指南)/, clause: 'yaodian_3_4',
      },
      { name: '申请材料', terms: ['申请材料', '所需材料', '提交材料', '材料清单', '申报材料', '办理材料', '材料'], clause: 'yaodian_3_4' },
      { name: '办理流程', terms: ['办事流程', '办理流程', '办理程序', '办理步骤', '办理环节', '流程', '程序'], clause: 'yaodian_3_4' },
    ],
  },
  {
    type: '三定规定',
    label: '“三定”规定',
    items: [
      { name: '职能配置', terms: ['职能配置', '主要职责', '职能转变', '职责', '职能'], clause: 'yaodian_4_3' },
      { name: '内设机构', terms: ['内设机构', '机构设置', '内设'], clause: 'yaodian_4_3' },
      { name: '人员编制', terms: ['人员编制', '编制', '领导职数'], clause: 'yaodian_4_3' },
    ],
  },
];

export function contentFor(type: DocType): TypeContent | undefined {
  return REQUIRED_CONTENT.find((t) => t.type === type);
}
