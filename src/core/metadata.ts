/**
 * Catalogue metadata of a draft: YAML front matter (Markdown) or the portal's catalogue header block
 * (`索 引 号: 00817804-9/2019-13123 分类: 规划计划`, keys with spaces inside, several pairs a line).
 * Every value keeps its source range.
 */
import { parseDocument, isMap, isScalar, isSeq, type Node as YamlNode } from 'yaml';
import { yamlProblem, MAX_FRONT_MATTER_CHARS } from './parser-guard';
import { parseDate, type DateMatch } from './dates';

export {
  META_KEYS, META_ALIASES, DATE_KEYS, DISCLOSURE_VALUES, HEADER_KEY_PATTERN, canonicalKey, catalogueKeysIn, hasCatalogueKeys,
  type MetaKey,
} from './meta-keys';
import { HEADER_KEY_PATTERN, canonicalKey, type MetaKey } from './meta-keys';

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
  /**
   * A catalogue header only: the page's title when it stands on a line above the header (county portals
   * put 标题, then the “来源: … 发布时间: …” byline). Breadcrumbs and `SOURCE:`/`NOTE:` lines never count.
   */
  titleLine?: { start: number; end: number; text: string };
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

/** The first line break at or after `from` (\r\n, \n or a lone \r): where it is and where the next line starts. */
function nextBreak(text: string, from: number): { at: number; next: number } | undefined {
  const re = /\r\n?|\n/g;
  re.lastIndex = from;
  const m = re.exec(text);
  return m ? { at: m.index, next: m.index + m[0].length } : undefined;
}

/**
 * Reads YAML front matter occupying text[start, end) (fences included).
 */
export function readFrontMatter(text: string, start: number, end: number): Metadata {
  // Line breaks are \n, \r\n or a lone \r (old Mac files): all three end a line.
  const first = nextBreak(text, start);
  const contentStart = !first || first.at >= end ? end : first.next;
  // The closing fence is the last line of the block.
  let contentEnd = end;
  const lastBreak = Math.max(text.lastIndexOf('\n', end - 1), text.lastIndexOf('\r', end - 1));
  if (lastBreak >= contentStart - 1) contentEnd = Math.max(contentStart, lastBreak + 1);
  const yamlText = text.slice(contentStart, contentEnd);
  const meta: Metadata = { source: 'front-matter', block: { start, end }, fields: [], problems: [] };
  const guard = yamlProblem(yamlText, MAX_FRONT_MATTER_CHARS);
  if (guard) {
    meta.problems.push({ start, end: contentStart, message: `前置元数据（YAML）${guard}` });
    return meta;
  }
  let doc;
  try {
    // The YAML parser knows \n and \r\n only: a lone \r becomes \n (one character for one, so every
    // range stays exact).
    doc = parseDocument(yamlText.includes('\r') ? yamlText.replace(/\r(?!\n)/g, '\n') : yamlText, { prettyErrors: false, uniqueKeys: false });
  } catch (e) {
    meta.problems.push({ start, end: contentStart, message: `前置元数据（YAML）无法解析：${(e as Error).message}` });
    return meta;
  }
  for (const err of doc.errors) {
    const [a, b] = err.pos ?? [0, 0];
    meta.problems.push({
      start: contentStart + a,
      end: contentStart + Math.max(a, b),
      message: `前置元数据（YAML）格式错误：${yamlErrorText(err.code, err.message)}`,
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

/** What the `yaml` parser's error codes mean for someone writing `键: 值` lines, with what to do. */
const YAML_ERRORS: Partial<Record<string, string>> = {
  BLOCK_AS_IMPLICIT_KEY: '值中的“: ”或缩进的下一行被当作了嵌套的“键: 值”（值中含冒号时请用引号括起，如 标题: "关于: 印发"；续行不要缩进）',
  MULTILINE_IMPLICIT_KEY: '一个键跨了多行（每个“键: 值”写在一行；值中含冒号时请用引号括起）',
  BAD_INDENT: '缩进不一致（各行的“键:”应从同一列开始，方括号列表要写完整）',
  DUPLICATE_KEY: '键重复（同一个键只写一次）',
  MISSING_CHAR: '缺少配对的引号或括号，或某行缺少“键:”的冒号',
  TAB_AS_INDENT: '不能用制表符（Tab）缩进，请改用空格',
  UNEXPECTED_TOKEN: '引号外还有多余的文字（值要么整个放在引号内，要么不加引号）',
  BAD_SCALAR_START: '值以 @、` 等保留字符开头，请用引号括起',
  BAD_DQ_ESCAPE: '双引号内的反斜杠转义无效（请改用单引号，或去掉反斜杠）',
  MULTIPLE_DOCS: '前置元数据中多了一行“---”（只在开头和结尾各写一行）',
  BLOCK_IN_FLOW: '方括号或花括号列表中不能换行写“键: 值”（请写在一行内）',
  KEY_OVER_1024_CHARS: '键太长（超过1024个字符），可能是漏写了冒号',
};

/** A Chinese explanation of a `yaml` error (by its code); unknown codes keep the parser's words. */
export function yamlErrorText(code: string | undefined, message: string): string {
  return (code && YAML_ERRORS[code]) ?? `无法解析（${firstLine(message)}）；请按“键: 值”逐行书写，值中含冒号时用引号括起`;
}

// ————————————————————————————————— catalogue header —————————————————————————————————

// ————— header parsing (keys: meta-keys.ts) —————

/** A key (spaces allowed between its characters) followed by `:` or `：`. */
const KEY_RE = new RegExp(`(?:^|(?<=[ \\t\\u3000]))${HEADER_KEY_PATTERN}`, 'g');

/**
 * How many non-blank lines may stand above a header: a breadcrumb (`当前位置：首页 > 政府信息公开 > …`),
 * the `SOURCE:`/`NOTE:` lines of a stored copy, or a county portal's title line. A header that does not
 * start the text needs at least two known keys, so a body line like “征求意见期限：…” is not taken for one.
 */
const MAX_LEADING_LINES = 3;
/** Page furniture above a header: breadcrumbs and ASCII `KEY:` lines (SOURCE:, NOTE:, URL:). */
const FURNITURE = /^(?:[\u4e00-\u9fff]{0,5}位置[ \t\u3000]{0,2}[:：]|首页[ \t\u3000]{0,2}[>＞»›]|[A-Za-z][A-Za-z _-]{0,19}:|[-=*_]{3})/;

/**
 * An unknown key in a header line: two or more spaces, then 1–7 CJK characters (spaces allowed) and a colon
 * (`  作  者：`), or one space and 2–4 CJK characters (`2024-07-15 15:32 作者:`). A value ends before it,
 * so a key the parser does not know is never swallowed into the previous value.
 */
const UNKNOWN_KEY_RE = /(?:[ \t\u3000]{2,16}[\u4e00-\u9fff][\u4e00-\u9fff \u3000]{0,6}|[ \t\u3000][\u4e00-\u9fff]{2,4})[:：]/;

/**
 * Reads the catalogue header block at `from` (the first lines of the text). Lines count as header while
 * they start with a known key; the block ends at the first line that does not.
 */
export function readHeader(text: string, from = 0): Metadata {
  const meta: Metadata = { source: 'none', fields: [], problems: [] };
  let pos = from;
  const leading: { start: number; end: number; text: string }[] = [];
  let blockStart = -1, blockEnd = -1;
  while (pos < text.length) {
    const br = nextBreak(text, pos);
    const contentEnd = br ? br.at : text.length;
    const nextLine = br ? br.next : text.length + 1;
    const line = text.slice(pos, contentEnd);
    if (line.trim() === '') {
      if (blockStart >= 0) break;
      pos = nextLine;
      continue;
    }
    const pairs = headerPairs(line);
    if (pairs.length === 0 || pairs[0].keyStart !== line.length - line.trimStart().length) {
      if (blockStart >= 0 || leading.length >= MAX_LEADING_LINES) break;
      leading.push({ start: pos, end: contentEnd, text: line });
      pos = nextLine;
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
    if (!br) break;
    pos = nextLine;
  }
  if (blockStart >= 0 && leading.length > 0 && meta.fields.length < 2) return { source: 'none', fields: [], problems: [] };
  if (blockStart >= 0) {
    meta.source = 'header';
    meta.block = { start: blockStart, end: blockEnd };
    const last = leading[leading.length - 1];
    if (last && !FURNITURE.test(last.text.trim()) && /[\u4e00-\u9fff]/.test(last.text) && last.text.trim().length <= 80 && !meta.fields.some((f) => f.key === '标题')) {
      // A Markdown heading (`# 标题`) counts without its marker.
      const lead = /^[ \t\u3000]{0,3}(?:#{1,6}[ \t]+)?/.exec(last.text)![0].length;
      const text = last.text.slice(lead).trim();
      meta.titleLine = { start: last.start + lead, end: last.start + lead + text.length, text };
    }
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
    let limit = i + 1 < hits.length ? hits[i + 1].keyStart : line.length;
    const unknown = UNKNOWN_KEY_RE.exec(line.slice(h.sepEnd, limit));
    if (unknown) limit = h.sepEnd + unknown.index;
    let start = h.sepEnd, end = limit;
    while (start < end && /\s/.test(line[start])) start++;
    while (end > start && /\s/.test(line[end - 1])) end--;
    return {
      key: canonicalKey(h.rawKey)!, rawKey: h.rawKey, value: line.slice(start, end),
      keyStart: h.keyStart, keyEnd: h.keyEnd, start, end,
    };
  });
}
