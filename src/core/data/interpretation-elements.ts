/**
 * What a 政策解读 should cover (requirements.md §1: 甘政公开办函〔2019〕1号 and the local rules that follow
 * 国办发〔2016〕80号): nine elements, each recognised by the words drafters use for it in headings and
 * labelled paragraphs (`terms`, plain substrings, spaces ignored) and, in 政策简明问答, by the question
 * that asks for it (`question`). Config can add words (`synonyms`) and choose the elements (`elements`)
 * of rule `interpretation-content`.
 *
 * Regexes are bounded (linear time).
 */

export interface InterpretationElement {
  /** Name as requirements.md writes it (also what the quick fix inserts). */
  name: string;
  /** Words that name the element in a heading or a label (`出台背景：…`). The name itself always counts. */
  terms: readonly string[];
  /** A question asking for the element (Q&A interpretations: 问：为什么出台…？). */
  question: RegExp;
  /** Examples of headings for messages. */
  hint: string;
  /** An example question for messages on Q&A interpretations. */
  ask: string;
}

export const INTERPRETATION_ELEMENTS: readonly InterpretationElement[] = [
  {
    name: '背景依据',
    terms: ['背景', '依据', '缘由', '必要性', '出台', '修订过程', '由来'],
    question: /为什么.{0,12}(?:出台|制定|印发|修订|修改|起草)|(?:出台|制定|起草|修订).{0,8}(?:背景|依据|原因|必要性|过程)|依据(?:是|有)(?:什么|哪些)|政策依据|法律依据/,
    hint: '“出台背景”“制定依据”',
    ask: '为什么出台……？',
  },
  {
    name: '目标任务',
    terms: ['目标', '任务', '目的', '总体要求', '工作要求'],
    question: /目标|任务|目的|要达到|要实现|解决(?:什么|哪些)问题/,
    hint: '“工作目标”“主要任务”',
    ask: '要达到什么目标？',
  },
  {
    name: '主要内容',
    terms: ['主要内容', '核心内容', '重点内容', '具体内容', '内容', '主要措施', '措施', '条款', '亮点', '重点', '主要规定'],
    question: /主要内容|核心内容|哪些(?:内容|措施|方面|规定|亮点)|主要(?:有|包括|规定)|内容是什么|包括哪些|作了哪些规定/,
    hint: '“主要内容”“主要措施”',
    ask: '主要内容有哪些？',
  },
  {
    name: '适用范围',
    terms: ['适用', '范围', '对象'],
    question: /适用|范围|对象|哪些(?:人|单位|企业|群体|主体|地区|情形)|(?:谁|哪些).{0,8}(?:可以|能够|能)(?:申请|享受|申报|参加|领取)/,
    hint: '“适用范围”“适用对象”',
    ask: '哪些人（单位）适用？',
  },
  {
    name: '执行标准',
    terms: ['标准', '条件', '流程', '程序', '时限', '办理', '申报方式', '申请方式', '如何申请'],
    question: /标准|条件|(?:怎么|如何|怎样)(?:申请|申报|办理|领取|执行|认定)|流程|程序|时限|期限|多少|额度|比例/,
    hint: '“执行标准”“申报条件”“办理流程”',
    ask: '标准是什么？如何申请？',
  },
  {
    name: '注意事项',
    terms: ['注意', '提醒', '须知', '提示'],
    question: /注意|提醒|须知|提示/,
    hint: '“注意事项”“温馨提示”',
    ask: '需要注意什么？',
  },
  {
    name: '关键词诠释',
    terms: ['关键词', '名词解释', '术语', '释义', '诠释', '定义', '概念', '含义'],
    question: /什么是|是指什么|指的是什么|是什么意思|含义|如何理解|怎么理解|怎样理解|名词|关键词|释义|定义/,
    hint: '“名词解释”“关键词释义”',
    ask: '……是指什么？',
  },
  {
    name: '惠民举措',
    terms: ['惠民', '惠企', '利民', '便民', '惠及', '优惠', '红利', '扶持措施', '支持措施', '支持政策', '补贴', '补助', '减免'],
    // “给市民带来哪些便利？”“办事更方便了吗？”“能得到哪些帮助？” — but not “带来哪些变化/影响”.
    question: /惠民|惠企|利民|便民|便利|方便|优惠|好处|实惠|受益|红利|(?:享受|获得|得到)(?:哪些|什么)|带来(?:哪些|什么)(?!变化|改变|影响|问题|风险|挑战)|补贴|补助|扶持|减免/,
    hint: '“惠民举措”“惠企利民措施”',
    ask: '群众（企业）能享受哪些优惠？',
  },
  {
    name: '新旧政策差异',
    terms: ['新旧', '变化', '差异', '对比', '区别', '不同', '修订内容', '修改内容', '调整内容', '主要修改', '主要修订'],
    question: /变化|不同|区别|新旧|相比|对比|差异|调整了|修改了|修订了|有何改变|改变/,
    hint: '“新旧政策对比”“主要变化”',
    ask: '与原政策相比有哪些变化？',
  },
];

/**
 * A first-time policy has no old policy to compare with: a statement like 本办法为首次制定 in the body
 * satisfies 新旧政策差异.
 */
export const FIRST_TIME_POLICY = /首次(?:制定|出台|印发|发布|制发)|新(?:制定|出台)的?(?:政策|文件|办法)|不涉及新旧|无(?:旧|原)政策|此前(?:没有|无|未)(?:出台|制定)?(?:过)?(?:相关|同类|此类)?(?:政策|文件)/;

export const INTERPRETATION_ELEMENT_NAMES: readonly string[] = INTERPRETATION_ELEMENTS.map((e) => e.name);
