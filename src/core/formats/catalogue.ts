/**
 * A portal's catalogue table (gov.cn: `索 引 号： | 000014349/2019-00007 | 主题分类： | …`) and a Word
 * draft's leading table or document properties become catalogue header lines, `键: 值`, at the top of
 * the text — the shape the header reader (metadata/header.ts) understands, so the same synonyms
 * (meta-keys.ts) apply.
 */
import { canonicalKey, type CatalogueKey } from '../meta-keys';

/** A cell or `<th>` text as a catalogue key: `索 引 号：` → its key as written and the key to write. */
export function catalogueLabel(cell: string): { raw: string; key: CatalogueKey; write: string } | undefined {
  const raw = cell.replace(/[\s\u3000\u00a0]*[:：]?[\s\u3000\u00a0]*$/, '').replace(/^[\s\u3000\u00a0]+/, '');
  if (!raw || raw.length > 12) return undefined;
  const key = canonicalKey(raw);
  return key ? { raw, key, write: raw.replace(/\u00a0/g, ' ') } : undefined;
}

/** A value on one header line: line breaks and runs of spaces inside it become one space. */
export function headerValue(s: string): string {
  return s.replace(/[\s\u3000\u00a0]+/g, ' ').trim();
}
