/** Document types (文档类型) and their inference from the title. */

export const DOC_TYPES = [
  '政策文件', '规范性文件', '政策解读', '年度报告', '决策草案', '财政信息', '执法公示', '招生公告',
  '扶贫公示', '办事指南', '依申请答复', '三定规定', '其他',
] as const;
export type DocType = (typeof DOC_TYPES)[number];

export interface DocTypeInfo {
  value: DocType;
  /** True when not declared in metadata but inferred from the title. */
  inferred: boolean;
  /** Chinese explanation for hovers, e.g. 由标题“…年度报告”推断. */
  reason: string;
}

export function isDocType(s: string): s is DocType {
  return (DOC_TYPES as readonly string[]).includes(s);
}

/**
 * 扶贫 notices since 2021 are named after the 衔接 funds (巩固拓展脱贫攻坚成果同乡村振兴有效衔接资金) or
 * 乡村振兴 projects: 乡村振兴衔接资金项目的公示, 防返贫监测对象公示.
 */
const POVERTY = /扶贫|脱贫|贫困|衔接资金|有效衔接|防返贫|乡村振兴.{0,12}(?:资金|项目)/;
/** 政策文件 titles: the policy itself (…管理办法) or the notice that issues it (关于印发…办法的通知). */
const POLICY = /(办法|规定|实施细则|若干措施|实施意见|管理规定)(（试行）|\(试行\))?》?(的通知)?$/;

/** Ordered: the first match wins, so specific types come before general ones. */
const INFERENCE: { type: DocType; test: (t: string) => boolean; why: string | ((t: string) => string) }[] = [
  { type: '政策解读', test: (t) => /解读|政策问答|简明问答|^图解|一图读懂/.test(t), why: '标题含“解读/图解/一图读懂”' },
  { type: '年度报告', test: (t) => /年度报告/.test(t), why: '标题含“年度报告”' },
  { type: '决策草案', test: (t) => /征求.{0,30}意见/.test(t), why: '标题含“征求…意见”' },
  {
    type: '扶贫公示', test: (t) => /公示|公告/.test(t) && POVERTY.test(t),
    why: (t) => `标题含“公示”与“${POVERTY.exec(t)![0]}”`,
  },
  { type: '执法公示', test: (t) => /执法/.test(t) && /公示|公开/.test(t), why: '标题含“执法”与“公示”' },
  { type: '招生公告', test: (t) => /招生/.test(t), why: '标题含“招生”' },
  { type: '办事指南', test: (t) => /办事指南|服务指南/.test(t), why: '标题含“办事指南”' },
  { type: '三定规定', test: (t) => /三定|职能配置、内设机构和人员编制/.test(t), why: '标题含“三定”' },
  { type: '依申请答复', test: (t) => /(依申请公开|信息公开申请).{0,20}(答复|告知)|答复书|告知书/.test(t), why: '标题含“答复书/告知书”' },
  { type: '财政信息', test: (t) => /(预算|决算|财政|专项资金|绩效)/.test(t) && /(公开|信息|说明|报告|情况)/.test(t), why: '标题含财政信息用语' },
  {
    type: '政策文件', test: (t) => POLICY.test(t),
    why: (t) => /的通知$/.test(t) ? '标题为“（印发）…办法/规定/细则/措施/意见的通知”' : '标题以“办法/规定/细则/措施/意见”结尾',
  },
];

export function inferDocType(title: string | undefined): DocTypeInfo {
  const t = (title ?? '').replace(/\s+/g, '');
  if (t) {
    for (const rule of INFERENCE) {
      if (rule.test(t)) return { value: rule.type, inferred: true, reason: `由标题推断（${typeof rule.why === 'string' ? rule.why : rule.why(t)}）` };
    }
  }
  return { value: '其他', inferred: true, reason: t ? '标题不能判断类型，按“其他”处理' : '没有标题，按“其他”处理' };
}
