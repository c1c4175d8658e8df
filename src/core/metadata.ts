/**
 * Catalogue metadata of a draft: YAML front matter (Markdown) or the portal's catalogue header block
 * (`索 引 号: 00817804-9/2019-13123 分类: 规划计划`, keys with spaces inside, several pairs a line).
 * Every value keeps its source range.
 */
import { parseDocument, isMap, isScalar, isSeq, type Node as YamlNode } from 'yaml';
import { parseDate, type DateMatch } from './dates';

/** Keys the checker knows, canonical form. */
export const META_KEYS = [
  '标题', '文档类型', '索引号', '分类', '发布机构', '起草单位', '文号', '成文日期', '发布日期', '公开属性',
  '不予公开理由', '主题词', '解读材料', '解读对象', '机关层级', '报告年度', '征求意见期限', '收到申请日期',
  '答复日期', '延期答复',
] as const;
export type MetaKey = (typeof META_KEYS)[number];

/** Other spellings → canonical key. */
export const META_ALIASES: Record<string, MetaKey> = {
  名称: '标题',
  发文日期: '发布日期',
  发文字号: '文号',
};

export const DATE_KEYS: readonly MetaKey[] = ['成文日期', '发布日期', '收到申请日期', '答复日期'];

export const DISCLOSURE_VALUES = ['主动公开', '依申请公开', '不予公开'] as const;

export function canonicalKey(raw: string): MetaKey | undefined {
  const k = raw.replace(/[\s\u3000]+/g, '');
  if ((META_KEYS as readonly string[]).includes(k)) return k as MetaKey;
  return META_ALIASES[k];
}

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
  fields: MetaField[];
  /** Problems found while reading front matter (reported as front-matter-invalid). */
  problems: MetaProblem[];
}

/** Looks up a field by canonical key (first occurrence). */
export function getField(meta: Metadata, key: MetaKey): MetaField | undefined {
  return meta.fields.find((f) => f.key === key);
}

/** A date-valued field, parsed; undefined when absent or not a date. */
export function getDateField(meta: Metadata, key: MetaKey): (DateMatch & { field: MetaField }) | undefined {
  const f = getField(meta, key);
  if (!f || !f.value) return undefined;
  const d = parseDate(f.value);
  return d ? { ...d, field: f } : undefined;
}

// ————————————————————————————————— front matter —————————————————————————————————

/**
 * Reads YAML front matter occupying text[start, end) (fences included).
 */
export function readFrontMatter(text: string, start: number, end: number): Metadata {
  const firstBreak = text.indexOf('\n', start);
  const contentStart = firstBreak < 0 || firstBreak >= end ? end : firstBreak + 1;
  // The closing fence is the last line of the block.
  let contentEnd = end;
  const lastBreak = text.lastIndexOf('\n', end - 1);
  if (lastBreak >= contentStart - 1) contentEnd = Math.max(contentStart, lastBreak + 1);
  const yamlText = text.slice(contentStart, contentEnd);
  const meta: Metadata = { source: 'front-matter', block: { start, end }, fields: [], problems: [] };
  let doc;
  try {
    doc = parseDocument(yamlText, { prettyErrors: false, uniqueKeys: false });
  } catch (e) {
    meta.problems.push({ start, end: contentStart, message: `前置元数据（YAML）无法解析：${(e as Error).message}` });
    return meta;
  }
  for (const err of doc.errors) {
    const [a, b] = err.pos ?? [0, 0];
    meta.problems.push({
      start: contentStart + a,
      end: contentStart + Math.max(a, b),
      message: `前置元数据（YAML）格式错误：${firstLine(err.message)}`,
    });
  }
  if (doc.errors.length > 0) return meta;
  const contents = doc.contents;
  if (contents == null) return meta;
  if (!isMap(contents)) {
    const r = (contents as YamlNode).range ?? [0, yamlText.length];
    meta.problems.push({ start: contentStart + r[0], end: contentStart + r[1], message: '前置元数据应为“键: 值”形式的映射' });
    return meta;
  }
  for (const pair of contents.items) {
    const keyNode = pair.key as YamlNode | null;
    if (!keyNode || !isScalar(keyNode)) continue;
    const rawKey = String(keyNode.value ?? '');
    const [ks, ke] = keyNode.range ?? [0, 0];
    const valueNode = pair.value as YamlNode | null;
    let value = '';
    let vs = ke, ve = ke;
    if (valueNode) {
      const r = valueNode.range ?? [ke, ke];
      vs = r[0];
      ve = r[1];
      if (isScalar(valueNode)) value = valueNode.value == null ? '' : String(valueNode.value).trim();
      else if (isSeq(valueNode)) value = valueNode.items.map((i) => (isScalar(i) ? String(i.value ?? '') : '')).filter(Boolean).join('、');
      else value = yamlText.slice(vs, ve).trim();
    }
    const key = canonicalKey(rawKey);
    meta.fields.push({
      key: key ?? rawKey, known: key !== undefined, rawKey, value,
      keyStart: contentStart + ks, keyEnd: contentStart + ke,
      start: contentStart + vs, end: contentStart + ve,
    });
  }
  return meta;
}

function firstLine(s: string): string {
  return s.split('\n')[0];
}

// ————————————————————————————————— catalogue header —————————————————————————————————

const SPACE = '[ \\t\\u3000]{0,3}';
const ALL_KEYS = [...META_KEYS, ...Object.keys(META_ALIASES)].sort((a, b) => b.length - a.length);
/** A key (spaces allowed between its characters) followed by `:` or `：`. */
const KEY_RE = new RegExp(`(?:^|(?<=[ \\t\\u3000]))(${ALL_KEYS.map((k) => [...k].join(SPACE)).join('|')})${SPACE}[:：]`, 'g');

/** How many lines from the top a header may start at (blank lines not counted). */
const MAX_LEADING_LINES = 1;

/**
 * Reads the catalogue header block at `from` (the first lines of the text). Lines count as header while
 * they start with a known key; the block ends at the first line that does not.
 */
export function readHeader(text: string, from = 0): Metadata {
  const meta: Metadata = { source: 'none', fields: [], problems: [] };
  let pos = from;
  let nonBlankSeen = 0;
  let blockStart = -1, blockEnd = -1;
  while (pos < text.length) {
    const nl = text.indexOf('\n', pos);
    const lineEnd = nl < 0 ? text.length : nl;
    const contentEnd = text[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd;
    const line = text.slice(pos, contentEnd);
    if (line.trim() === '') {
      if (blockStart >= 0) break;
      pos = lineEnd + 1;
      continue;
    }
    const pairs = headerPairs(line);
    if (pairs.length === 0 || pairs[0].keyStart !== line.length - line.trimStart().length) {
      if (blockStart >= 0 || ++nonBlankSeen >= MAX_LEADING_LINES) break;
      pos = lineEnd + 1;
      continue;
    }
    if (blockStart < 0) blockStart = pos;
    blockEnd = contentEnd;
    for (const p of pairs) {
      meta.fields.push({
        key: p.key, known: true, rawKey: p.rawKey, value: p.value,
        keyStart: pos + p.keyStart, keyEnd: pos + p.keyEnd, start: pos + p.start, end: pos + p.end,
      });
    }
    if (nl < 0) break;
    pos = nl + 1;
  }
  if (blockStart >= 0) {
    meta.source = 'header';
    meta.block = { start: blockStart, end: blockEnd };
  }
  return meta;
}

interface HeaderPair { key: MetaKey; rawKey: string; value: string; keyStart: number; keyEnd: number; start: number; end: number }

/** The `key: value` pairs of one header line (positions relative to the line). */
export function headerPairs(line: string): HeaderPair[] {
  const hits: { rawKey: string; keyStart: number; keyEnd: number; sepEnd: number }[] = [];
  for (const m of line.matchAll(KEY_RE)) {
    const rawKey = m[1];
    hits.push({ rawKey, keyStart: m.index!, keyEnd: m.index! + rawKey.length, sepEnd: m.index! + m[0].length });
  }
  return hits.map((h, i) => {
    const limit = i + 1 < hits.length ? hits[i + 1].keyStart : line.length;
    let start = h.sepEnd, end = limit;
    while (start < end && /\s/.test(line[start])) start++;
    while (end > start && /\s/.test(line[end - 1])) end--;
    return {
      key: canonicalKey(h.rawKey)!, rawKey: h.rawKey, value: line.slice(start, end),
      keyStart: h.keyStart, keyEnd: h.keyEnd, start, end,
    };
  });
}
