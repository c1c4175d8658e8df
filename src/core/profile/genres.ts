/**
 * 文种: the word a title ends with, which sets what the document is. The fifteen 公文 文种 of the
 * 党政机关公文处理工作条例 (决议、决定、命令（令）、公报、公告、通告、意见、通知、通报、报告、请示、批复、
 * 议案、函、纪要), the rule documents a 通知 issues (办法、细则、规定、方案、措施 …), and what portals publish
 * besides (公示, 解读, 问答, 年度报告, 指南, 答复书 …).
 *
 * `family` is what the kind inference (`kind.ts`) reads:
 * - policy: a policy or rule document — 政策文件 with confidence (同步解读 applies);
 * - plan: plans, programmes and regulations that are policy-like but not always 政策性文件 needing a
 *   解读 (规划、计划、要点、纲要、条例、规则): 政策文件 with low confidence, so kind-bound rules stay quiet;
 * - notice: the other 公文 (通知、通报、公告、函、批复、决定 …) — the subject decides (公示 of 扶贫 funds …);
 * - publicity: 公示 and its kin;
 * - interpretation: 解读 and 问答;
 * - report: 报告 / 年报 (年度报告 when the subject is 政府信息公开);
 * - reply: 答复书 / 告知书;
 * - guide: 指南 / 指引 / 导引 (a 办事指南 when the subject is a service);
 * - other: 制度、清单、标准、目录、名单、简章 …
 */
export type GenreFamily = 'policy' | 'plan' | 'notice' | 'publicity' | 'interpretation' | 'report' | 'reply' | 'guide' | 'other';

export interface Genre {
  /** The 文种 as users name it (what `zwgk inspect` prints). */
  name: string;
  /** How titles end with it; the longest form is tried first across all genres. */
  forms: string[];
  family: GenreFamily;
  /** One of the fifteen 公文 文种 (GB/T 9704-2012 applies in full). */
  gongwen?: boolean;
}

const LIST: Genre[] = [
  { name: '指导意见', forms: ['指导意见'], family: 'policy', gongwen: true },
  { name: '实施意见', forms: ['实施意见'], family: 'policy', gongwen: true },
  { name: '若干意见', forms: ['若干意见'], family: 'policy', gongwen: true },
  { name: '意见', forms: ['意见'], family: 'policy', gongwen: true },
  { name: '实施办法', forms: ['实施办法', '暂行办法', '管理办法', '试行办法'], family: 'policy' },
  { name: '办法', forms: ['办法'], family: 'policy' },
  { name: '实施细则', forms: ['实施细则', '细则'], family: 'policy' },
  { name: '规定', forms: ['若干规定', '暂行规定', '管理规定', '实施规定', '规定'], family: 'policy' },
  { name: '实施方案', forms: ['实施方案', '工作方案', '行动方案', '试点方案', '总体方案', '改革方案', '建设方案', '方案'], family: 'policy' },
  { name: '措施', forms: ['若干措施', '政策措施', '实施措施', '具体措施', '措施'], family: 'policy' },
  { name: '规划', forms: ['规划'], family: 'plan' },
  { name: '计划', forms: ['行动计划', '工作计划', '实施计划', '计划'], family: 'plan' },
  { name: '要点', forms: ['工作要点', '要点'], family: 'plan' },
  { name: '纲要', forms: ['纲要'], family: 'plan' },
  { name: '条例', forms: ['实施条例', '条例'], family: 'plan' },
  { name: '规则', forms: ['规则'], family: 'plan' },
  { name: '政策解读', forms: ['政策解读', '解读材料', '解读'], family: 'interpretation' },
  { name: '问答', forms: ['政策问答', '简明问答', '答记者问', '问答'], family: 'interpretation' },
  { name: '年度报告', forms: ['年度报告', '年报'], family: 'report' },
  { name: '报告', forms: ['情况报告', '工作报告', '报告'], family: 'report', gongwen: true },
  { name: '答复书', forms: ['答复书', '告知书', '答复告知书'], family: 'reply' },
  { name: '答复', forms: ['答复', '复函'], family: 'notice', gongwen: true },
  { name: '公示', forms: ['公示公告', '公示'], family: 'publicity' },
  { name: '公开', forms: ['信息公开', '情况公开', '公开'], family: 'publicity' },
  { name: '通知', forms: ['紧急通知', '补充通知', '通知'], family: 'notice', gongwen: true },
  { name: '通报', forms: ['通报'], family: 'notice', gongwen: true },
  { name: '通告', forms: ['通告'], family: 'notice', gongwen: true },
  { name: '公告', forms: ['公告'], family: 'notice', gongwen: true },
  { name: '公报', forms: ['统计公报', '公报'], family: 'notice', gongwen: true },
  { name: '决定', forms: ['决定'], family: 'notice', gongwen: true },
  { name: '决议', forms: ['决议'], family: 'notice', gongwen: true },
  { name: '命令', forms: ['命令', '令'], family: 'notice', gongwen: true },
  { name: '批复', forms: ['批复'], family: 'notice', gongwen: true },
  { name: '请示', forms: ['请示'], family: 'notice', gongwen: true },
  { name: '议案', forms: ['议案'], family: 'notice', gongwen: true },
  { name: '函', forms: ['函'], family: 'notice', gongwen: true },
  { name: '纪要', forms: ['会议纪要', '纪要'], family: 'notice', gongwen: true },
  { name: '指南', forms: ['办事指南', '服务指南', '指南'], family: 'guide' },
  { name: '指引', forms: ['工作指引', '指引', '工作导引', '导引'], family: 'guide' },
  { name: '制度', forms: ['制度'], family: 'other' },
  { name: '清单', forms: ['清单'], family: 'other' },
  { name: '标准', forms: ['收费标准', '标准'], family: 'other' },
  { name: '目录', forms: ['目录'], family: 'other' },
  { name: '名单', forms: ['名单'], family: 'other' },
  { name: '简章', forms: ['招生简章', '简章'], family: 'other' },
  { name: '说明', forms: ['说明'], family: 'other' },
];

/** Every genre. */
export const GENRES: readonly Genre[] = LIST;

/** Every (form, genre), longest form first: 指导意见 is tried before 意见, 实施方案 before 方案. */
export const GENRE_FORMS: readonly { form: string; genre: Genre }[] = LIST
  .flatMap((genre) => genre.forms.map((form) => ({ form, genre })))
  .sort((a, b) => b.form.length - a.form.length);

/** The genre a name (as a catalogue's 公文种类 / 体裁分类 prints it) stands for. */
export function genreNamed(name: string): Genre | undefined {
  const n = name.replace(/[\s\u3000]+/g, '');
  return LIST.find((g) => g.name === n || g.forms.includes(n));
}
