/**
 * Document types (文档类型). How a draft's type is inferred when it is not declared lives in
 * `profile/kind.ts` (from the 文种 of its title, its 事由 and its catalogue).
 */

export const DOC_TYPES = [
  '政策文件', '规范性文件', '政策解读', '年度报告', '决策草案', '财政信息', '执法公示', '招生公告',
  '扶贫公示', '办事指南', '依申请答复', '三定规定', '其他',
] as const;
export type DocType = (typeof DOC_TYPES)[number];

export function isDocType(s: string): s is DocType {
  return (DOC_TYPES as readonly string[]).includes(s);
}

export type { Kind as DocTypeInfo } from './profile/kind';
