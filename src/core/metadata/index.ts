/**
 * Catalogue metadata of a draft, with every value's source range:
 * - YAML front matter of a Markdown draft (`front-matter.ts`), what a drafter writes;
 * - the catalogue header of a page saved from a government portal (`header.ts`): `名  称: …` lines, `|`
 *   tables, label and value on separate lines, under breadcrumbs, with the page's byline
 *   (`发布时间：… 信息来源：…`) — what the portal printed.
 * Keys and their portal synonyms are in `../meta-keys.ts` (shared with the editor, which has no engine).
 */
import { parseDate, type DateMatch } from '../dates';
import type { CatalogueKey } from '../meta-keys';

export {
  META_KEYS, PAGE_KEYS, META_ALIASES, DATE_KEYS, DISCLOSURE_VALUES, HEADER_KEY_PATTERN, canonicalKey, catalogueKeysIn, hasCatalogueKeys,
  type MetaKey, type PageKey, type CatalogueKey,
} from '../meta-keys';
export { readFrontMatter, yamlErrorText } from './front-matter';
export { readHeader, headerPairs } from './header';

export interface MetaField {
  /** Canonical key for known keys, else the key as written. */
  key: string;
  known: boolean;
  /** Key as written (e.g. `索 引 号`). */
  rawKey: string;
  /** Value as a string (trimmed; sequences joined with 、). */
  value: string;
  keyStart: number;
  keyEnd: number;
  /** Value range in the document (empty value: start === end, just after the separator). */
  start: number;
  end: number;
  /**
   * Where a portal page printed it: the catalogue header, or the byline under the page's title
   * (`发布时间：2020-12-01 10:46 信息来源：市城管局`). Undefined in front matter.
   */
  from?: 'header' | 'byline';
}

export interface MetaProblem {
  start: number;
  end: number;
  message: string;
}

export interface Metadata {
  source: 'front-matter' | 'header' | 'none';
  /** The whole block (front matter including fences, or the header lines). */
  block?: { start: number; end: number };
  /**
   * A catalogue header only: the page's title when it stands on a line above the header (county portals
   * put 标题, then the “来源: … 发布时间: …” byline). Breadcrumbs and `SOURCE:`/`NOTE:` lines never count.
   */
  titleLine?: { start: number; end: number; text: string };
  fields: MetaField[];
  /**
   * Lines of a saved page that are the portal's, not the document's: breadcrumbs, the byline, 浏览次数 /
   * 字体大小 / 打印 tools, the stored copy's `SOURCE:` lines. They are not body text: no rule reads them
   * as prose. Document offsets, each a whole line without its line break.
   */
  furniture: { start: number; end: number }[];
  /** Problems found while reading front matter (reported as front-matter-invalid). */
  problems: MetaProblem[];
}

/** Looks up a field by canonical key (first occurrence). */
export function getField(meta: Metadata, key: CatalogueKey): MetaField | undefined {
  return meta.fields.find((f) => f.key === key);
}

/** A date-valued field, parsed; undefined when absent or not a date. */
export function getDateField(meta: Metadata, key: CatalogueKey): (DateMatch & { field: MetaField }) | undefined {
  const f = getField(meta, key);
  if (!f || !f.value) return undefined;
  const d = parseDate(f.value);
  return d ? { ...d, field: f } : undefined;
}
