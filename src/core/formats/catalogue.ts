/**
 * A portal's catalogue table (gov.cn: `索 引 号： | 000014349/2019-00007 | 主题分类： | …`) and a Word
 * draft's leading table or document properties become catalogue header lines, `键: 值`, at the top of
 * the text — the shape the header reader (metadata.ts) understands, so the same synonyms apply.
 */
import { canonicalKey, type MetaKey } from '../meta-keys';

/**
 * Labels portals print in their catalogue tables that the header reader may not know yet, with the key
 * they mean. Only used when `canonicalKey` does not know the label; the line is then written with the
 * canonical key.
 */
const TABLE_LABELS: Record<string, MetaKey> = {
  主题分类: '分类',
  信息分类: '分类',
  发文机关: '发布机构',
  发布机关: '发布机构',
  信息来源: '发布机构',
  责任部门: '发布机构',
  发布单位: '发布机构',
  文件编号: '文号',
  生效日期: '成文日期',
};

/** A cell or `<th>` text as a catalogue key: `索 引 号：` → its key as written and the key to write. */
export function catalogueLabel(cell: string): { raw: string; key: MetaKey; write: string } | undefined {
  const raw = cell.replace(/[\s\u3000\u00a0]*[:：]?[\s\u3000\u00a0]*$/, '').replace(/^[\s\u3000\u00a0]+/, '');
  if (!raw || raw.length > 12) return undefined;
  const key = canonicalKey(raw);
  if (key) return { raw, key, write: raw.replace(/\u00a0/g, ' ') };
  const alias = TABLE_LABELS[raw.replace(/[\s\u3000\u00a0]+/g, '')];
  return alias ? { raw, key: alias, write: alias } : undefined;
}

/** A value on one header line: line breaks and runs of spaces inside it become one space. */
export function headerValue(s: string): string {
  return s.replace(/[\s\u3000\u00a0]+/g, ' ').trim();
}
