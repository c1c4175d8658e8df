/**
 * The catalogue header of a page saved from a government portal, read the way portals print it:
 *
 *   当前位置：首页 > 政府信息公开 > 通知公告            ← breadcrumbs, SOURCE:/NOTE: lines: page furniture
 *   索 引 号: 00817804-9/2019-13123 分类: 规划计划     ← keys padded with spaces, several pairs a line
 *   信息分类：通知公告                                 ← labels zwgk does not know are skipped, not fatal
 *   | 发文机关 | 国务院办公厅 | 发文字号 | 国办发〔2018〕115号 |   ← a catalogue table
 *   - 成文日期：2018年12月04日                          ← a bulleted list
 *   发布机构                                           ← label and value on separate lines
 *   市政府办公室
 *
 *   关于X的通知                                        ← the title (the body starts here)
 *   发布时间：2020-12-01 10:46 信息来源：市城管局 浏览次数：  ← the byline: read, and page furniture
 *
 * Known keys and their synonyms come from `meta-keys.ts`. A header that does not start the page (after
 * non-furniture lines such as a title) needs two known keys, so a body line like “征求意见期限：…” is
 * not taken for one. All regular expressions use bounded quantifiers (linear time).
 */
import { HEADER_KEY_PATTERN, canonicalKey, type CatalogueKey } from '../meta-keys';
import type { Metadata, MetaField } from './index';

const SP = '[ \\t\\u3000]';

/**
 * Where a label may start: the line start, white space, a table bar, right after an empty field's colon
 * (信息来源:浏览次数:), or glued to a value's digit/bracket.
 */
const LABEL_BOUNDARY = `(?:^|(?<=[ \\t\\u3000|｜:：]|[0-9)）\\]】]))`;
/** A known key (spaces allowed between its characters) and its colon. */
const KNOWN_RE = new RegExp(`${LABEL_BOUNDARY}${HEADER_KEY_PATTERN}`, 'g');
/** A label zwgk does not know: 2–8 CJK characters, or single ones spaced out (`更 新 时 间`), and a colon. */
const UNKNOWN_RE = new RegExp(`${LABEL_BOUNDARY}([\\u4e00-\\u9fff]{2,8}|[\\u4e00-\\u9fff](?:${SP}{1,3}[\\u4e00-\\u9fff]){1,7})${SP}{0,2}[:：]`, 'g');
/** A line that is only a known key (with or without its colon): the value is on the next line. */
const LABEL_ONLY_RE = new RegExp(`^${HEADER_KEY_PATTERN.replace(/\[:：\]$/, '[:：]?')}${SP}{0,4}$`);
/** A known key without a colon, followed by white space: a colon-less catalogue line (`索 引 号 0160… 发布机构 市政府办`). */
const COLONLESS_RE = new RegExp(`(?:^|(?<=${SP}))(${HEADER_KEY_PATTERN.slice(1, HEADER_KEY_PATTERN.lastIndexOf(')'))})(?:${SP}{1,8}(?=[^ \\t\\u3000:：])|${SP}{0,8}$)`, 'g');
/** Bullets of a list (`- `, `* `, `· `, `• `, `● `) and table bars before a label. */
const LEAD_RE = /^[ \t\u3000]{0,4}(?:[-*+·•●▪◆■][ \t\u3000]{1,3}|[|｜][ \t\u3000]{0,3})?/;

/** How many non-furniture lines may stand above a header (a title, a short notice line). */
const MAX_LEADING_LINES = 4;
/** How far down a header may start, and how far the byline may stand below it. */
const MAX_SCAN_LINES = 40;
const BYLINE_LINES = 6;
/** How many cells of a table row are read for catalogue pairs. */
const MAX_TABLE_CELLS = 64;

/**
 * Page furniture: breadcrumbs (`当前位置：首页 > …`, `首页/ 政府信息公开 / …`, `> 政务公开 > …`), the
 * `SOURCE:`/`NOTE:` lines of a stored copy, rules of dashes, a table's `|---|` row, and the page tools
 * (字体大小、打印、关闭、浏览次数、分享 …).
 */
const BREADCRUMB = /^(?:[\u4e00-\u9fff]{0,6}位置[ \t\u3000]{0,2}[:：]|(?:网站)?首页[ \t\u3000]{0,2}(?:[>＞»›/|]|->|—)|[>＞»›][ \t\u3000]{0,3}[\u4e00-\u9fff])/;
const ASCII_KEY = /^[A-Za-z][A-Za-z _-]{0,19}:/;
const RULE = /^(?:[-=*_~]{3,}|[|｜]?[ \t]{0,3}:?-{3,}:?[ \t]{0,3}(?:[|｜][ \t]{0,3}:?-{3,}:?[ \t]{0,3}){0,40}[|｜]?)$/;
const TOOLS = /视力保护色|保护色[:：]|返回主站|<<返回|取消收藏|收藏成功|归档时间[:：]|返回顶部|打印本页|关闭窗口|【打印】|【关闭】|\[打印\]|\[关闭\]|字体[:：]|字号[:：]?[ \t\u3000]{0,3}[【\[]?[ \t\u3000]{0,3}大|字体大小|文字大小|分享到|浏览次数|阅读次数|访问次数|点击数|点击量|阅读量|背景色|扫一扫|【大 中 小】|\[大 中 小\]|【大】|\[大\]|预计阅读时间/;

export function isFurniture(line: string): boolean {
  const t = line.trim();
  if (!t) return false;
  if (BREADCRUMB.test(t) || ASCII_KEY.test(t) || RULE.test(t)) return true;
  return t.length <= 120 && TOOLS.test(t) && !/。/.test(t);
}

interface HeaderPair {
  key: CatalogueKey | undefined;
  rawKey: string;
  value: string;
  keyStart: number;
  keyEnd: number;
  start: number;
  end: number;
}

interface Label {
  rawKey: string;
  key: CatalogueKey | undefined;
  start: number;
  keyEnd: number;
  sepEnd: number;
}

function labelsIn(line: string): Label[] {
  const out: Label[] = [];
  for (const m of line.matchAll(KNOWN_RE)) {
    out.push({ rawKey: m[1], key: canonicalKey(m[1]), start: m.index!, keyEnd: m.index! + m[1].length, sepEnd: m.index! + m[0].length });
  }
  for (const m of line.matchAll(UNKNOWN_RE)) {
    const at = m.index!;
    if (out.some((l) => at < l.sepEnd && l.start < at + m[0].length)) continue; // inside a known key
    const key = canonicalKey(m[1]);
    out.push({ rawKey: m[1], key, start: at, keyEnd: at + m[1].length, sepEnd: at + m[0].length });
  }
  return out.sort((a, b) => a.start - b.start);
}

function trimRange(line: string, start: number, end: number): [number, number] {
  while (start < end && /[\s|｜]/.test(line[start])) start++;
  while (end > start && /[\s|｜]/.test(line[end - 1])) end--;
  return [start, end];
}

/**
 * The `label: value` pairs of one header line (positions relative to the line). The first label must start
 * the line (after a bullet or a table bar). Known keys get their canonical key; other labels (`作者：`,
 * `信息分类：` …) come back with `key` undefined, so that a value ends before them and the header goes on.
 * A label glued to the start of a value is part of the value (`名称: 图解：…` is one title), and a title's
 * value ends only at a known key.
 */
export function headerPairs(line: string): HeaderPair[] {
  const lead = LEAD_RE.exec(line)![0].length;
  const labels = labelsIn(line);
  if (labels.length === 0 || labels[0].start !== lead) return [];
  const kept: Label[] = [labels[0]];
  for (let i = 1; i < labels.length; i++) {
    const l = labels[i];
    const prev = kept[kept.length - 1];
    const valueStart = trimRange(line, prev.sepEnd, line.length)[0];
    if (!l.key && prev.key === '标题') {
      // In a title, an unknown label is text (名称: 图解：…), unless two spaces set it apart.
      if (l.start <= valueStart || !/[ \t\u3000]{2}$/.test(line.slice(0, l.start))) continue;
    } else if (!l.key && l.start <= valueStart && /^[\u4e00-\u9fff]{2,4}$/.test(prev.rawKey.replace(/[\s\u3000]+/g, '')) && !/^(?:浏览|点击|访问|阅读|字体|字号|作者|背景)/.test(l.rawKey)) {
      // 分类: 信息公开：… keeps a colon in its value; page tools (浏览次数：) never do.
      continue;
    }
    kept.push(l);
  }
  return kept.map((l, i) => {
    const limit = i + 1 < kept.length ? kept[i + 1].start : line.length;
    const [start, end] = trimRange(line, l.sepEnd, limit);
    return { key: l.key, rawKey: l.rawKey, value: line.slice(start, end), keyStart: l.start, keyEnd: l.keyEnd, start, end };
  });
}

/** Pairs of a catalogue table row: `| 发文机关 | 国务院办公厅 | 发文字号 | 国办发〔2018〕115号 |`. */
function tablePairs(line: string): HeaderPair[] {
  if (!/[|｜]/.test(line)) return [];
  const cells: { text: string; start: number; end: number }[] = [];
  const re = /[^|｜]+/g;
  for (const m of line.matchAll(re)) {
    // A catalogue row has a few dozen cells at most; a row of 100,000 (a hostile table) is read no further.
    if (cells.length >= MAX_TABLE_CELLS) break;
    const [s, e] = trimRange(line, m.index!, m.index! + m[0].length);
    if (s < e) cells.push({ text: line.slice(s, e), start: s, end: e });
  }
  const out: HeaderPair[] = [];
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    const only = LABEL_ONLY_RE.exec(c.text);
    if (only) {
      const next = cells[i + 1];
      const nextIsLabel = next && (LABEL_ONLY_RE.test(next.text) || headerPairs(next.text).length > 0);
      const v = next && !nextIsLabel ? next : undefined;
      out.push({
        key: canonicalKey(only[1]), rawKey: only[1], value: v ? v.text : '',
        keyStart: c.start, keyEnd: c.start + only[1].length, start: v ? v.start : c.end, end: v ? v.end : c.end,
      });
      if (v) i++;
      continue;
    }
    for (const p of headerPairs(c.text)) out.push({ ...p, keyStart: c.start + p.keyStart, keyEnd: c.start + p.keyEnd, start: c.start + p.start, end: c.start + p.end });
  }
  return out;
}

/** `索 引 号 01606072-9-30/2021-0223004 发布机构 市政府办`: two or more known keys without colons. */
function colonlessPairs(line: string, min = 2): HeaderPair[] {
  const hits: { rawKey: string; start: number; valueStart: number }[] = [];
  for (const m of line.matchAll(COLONLESS_RE)) hits.push({ rawKey: m[1], start: m.index!, valueStart: m.index! + m[0].length });
  if (hits.length < min || hits.length === 0 || hits[0].start !== LEAD_RE.exec(line)![0].length) return [];
  if (new Set(hits.map((h) => canonicalKey(h.rawKey))).size < min) return [];
  return hits.map((h, i) => {
    const [start, end] = trimRange(line, h.valueStart, i + 1 < hits.length ? hits[i + 1].start : line.length);
    return { key: canonicalKey(h.rawKey), rawKey: h.rawKey, value: line.slice(start, end), keyStart: h.start, keyEnd: h.start + h.rawKey.length, start, end };
  });
}

interface Line {
  start: number;
  end: number;
  text: string;
}

function* linesFrom(text: string, from: number): Generator<Line> {
  const re = /[^\r\n]*(?:\r\n|\r|\n|$)/g;
  re.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) && m.index < text.length) {
    const raw = m[0].replace(/[\r\n]+$/, '');
    yield { start: m.index, end: m.index + raw.length, text: raw };
    if (m[0].length === 0) break;
  }
}

type Kind =
  | { kind: 'blank' }
  | { kind: 'furniture' }
  | { kind: 'pairs'; pairs: HeaderPair[]; known: number }
  | { kind: 'label'; key: CatalogueKey; rawKey: string; keyStart: number }
  | { kind: 'other' };

function classify(line: string, inBlock = false): Kind {
  if (!line.trim()) return { kind: 'blank' };
  const t = line.trim();
  // Breadcrumbs, a stored copy's SOURCE:/NOTE: lines and rules are furniture whatever labels they hold.
  if (BREADCRUMB.test(t) || ASCII_KEY.test(t) || RULE.test(t)) return { kind: 'furniture' };
  const lead = LEAD_RE.exec(line)![0].length;
  const only = LABEL_ONLY_RE.exec(line.slice(lead).trim());
  if (only) {
    const key = canonicalKey(only[1]);
    if (key) return { kind: 'label', key, rawKey: only[1], keyStart: line.indexOf(only[1], lead) };
  }
  const furniture = isFurniture(line);
  let pairs = headerPairs(line);
  if (pairs.length === 0 || (/[|｜]/.test(line) && /^[ \t\u3000]{0,4}[|｜]/.test(line))) {
    const tp = tablePairs(line);
    if (tp.some((p) => p.key)) pairs = tp;
  }
  // Colon-less catalogue lines: two keys on the line, or one key inside a colon-less block.
  if (pairs.length === 0) pairs = colonlessPairs(line, inBlock ? 1 : 2);
  if (pairs.length > 0) {
    const known = pairs.filter((p) => p.key).length;
    // A body sentence that happens to start with a label (“说明：本办法自…施行。”) is not a header line,
    // nor is a 主送机关 line (“各区人民政府：”) — a label nobody knows, with nothing after it.
    if (known === 0 && (furniture || /[。！？]/.test(line) || line.trim().length > 80 || pairs.every((p) => !p.value))) return furniture ? { kind: 'furniture' } : { kind: 'other' };
    return { kind: 'pairs', pairs, known };
  }
  if (furniture) return { kind: 'furniture' };
  return { kind: 'other' };
}

/** Byline keys: a line under the title holding one of these is the page's byline, not body text. */
const BYLINE_KEYS = new Set<CatalogueKey>(['发布机构', '发布日期', '成文日期', '文号', '索引号', '分类', '文种']);

/**
 * Reads the catalogue header of a saved page (or a plain-text draft) from `from`: see the file comment.
 * Never fails: a text without a header gives `source: 'none'` and no fields.
 */
export function readHeader(text: string, from = 0): Metadata {
  const none = (): Metadata => ({ source: 'none', fields: [], furniture: [], problems: [] });
  const meta = none();
  const fields: MetaField[] = [];
  const furniture: { start: number; end: number }[] = [];
  const leading: Line[] = [];
  let blockStart = -1, blockEnd = -1;
  let pendingLabel: { key: CatalogueKey; rawKey: string; keyStart: number } | undefined;
  /** Unknown-only pair lines just above the first known key (`信息分类：…` before `发布机构：…`). */
  let pendingUnknown: { line: Line; pairs: HeaderPair[] }[] = [];
  let knownCount = 0;
  let scanned = 0;
  let sawBlankInBlock = false;
  let tooDeep = false;

  const addPairs = (line: Line, pairs: HeaderPair[], from?: MetaField['from']) => {
    for (const p of pairs) {
      fields.push({
        key: p.key ?? p.rawKey.replace(/[\s\u3000]+/g, ''), known: p.key !== undefined, rawKey: p.rawKey, value: p.value,
        keyStart: line.start + p.keyStart, keyEnd: line.start + p.keyEnd, start: line.start + p.start, end: line.start + p.end,
        from: from ?? 'header',
      });
      if (p.key) knownCount++;
    }
  };

  const lines = linesFrom(text, from);
  let next = lines.next();
  for (; !next.done && scanned < MAX_SCAN_LINES; next = lines.next()) {
    const line = next.value;
    scanned++;
    const c = classify(line.text, blockStart >= 0 && !sawBlankInBlock);
    if (pendingLabel) {
      // The value of a label standing alone on its line: the next non-blank line, unless it is a label too.
      if (c.kind === 'blank') continue;
      const p = pendingLabel;
      pendingLabel = undefined;
      if (c.kind === 'other' || c.kind === 'furniture') {
        const lead = line.text.length - line.text.trimStart().length;
        const end = line.text.trimEnd().length;
        fields.push({
          key: p.key, known: true, rawKey: p.rawKey, value: line.text.slice(lead, end),
          keyStart: p.keyStart, keyEnd: p.keyStart + p.rawKey.length, start: line.start + lead, end: line.start + end, from: 'header',
        });
        knownCount++;
        blockEnd = line.end;
        continue;
      }
      fields.push({ key: p.key, known: true, rawKey: p.rawKey, value: '', keyStart: p.keyStart, keyEnd: p.keyStart + p.rawKey.length, start: p.keyStart + p.rawKey.length, end: p.keyStart + p.rawKey.length, from: 'header' });
      knownCount++;
    }
    if (blockStart < 0) {
      if (c.kind === 'blank') { pendingUnknown = []; continue; }
      if (c.kind === 'furniture') { furniture.push({ start: line.start, end: line.end }); pendingUnknown = []; continue; }
      if (c.kind === 'pairs' && c.known === 0) {
        pendingUnknown.push({ line, pairs: c.pairs });
        continue;
      }
      if (c.kind === 'pairs' || c.kind === 'label') {
        const first = pendingUnknown[0]?.line ?? line;
        blockStart = first.start;
        for (const u of pendingUnknown) addPairs(u.line, u.pairs);
        pendingUnknown = [];
        if (c.kind === 'pairs') addPairs(line, c.pairs);
        else pendingLabel = { key: c.key, rawKey: c.rawKey, keyStart: line.start + c.keyStart };
        blockEnd = line.end;
        continue;
      }
      // Prose above any header: a title, a notice's first line.
      for (const u of pendingUnknown) leading.push(u.line);
      pendingUnknown = [];
      leading.push(line);
      if (leading.length > MAX_LEADING_LINES) { tooDeep = true; break; }
      continue;
    }
    // Inside the block.
    if (c.kind === 'blank') { sawBlankInBlock = true; continue; }
    if (c.kind === 'furniture' && RULE.test(line.text.trim())) { furniture.push({ start: line.start, end: line.end }); continue; }
    // After a blank line the header goes on only with a line that starts with a known key.
    if (c.kind === 'pairs' && (!sawBlankInBlock || c.pairs[0].key !== undefined)) {
      addPairs(line, c.pairs);
      blockEnd = line.end;
      sawBlankInBlock = false;
      continue;
    }
    if (c.kind === 'label') {
      pendingLabel = { key: c.key, rawKey: c.rawKey, keyStart: line.start + c.keyStart };
      blockEnd = line.end;
      sawBlankInBlock = false;
      continue;
    }
    break;
  }
  if (pendingLabel) {
    const p = pendingLabel;
    fields.push({ key: p.key, known: true, rawKey: p.rawKey, value: '', keyStart: p.keyStart, keyEnd: p.keyStart + p.rawKey.length, start: p.keyStart + p.rawKey.length, end: p.keyStart + p.rawKey.length, from: 'header' });
    knownCount++;
  }
  const nonFurnitureLeading = leading.filter((l) => !isFurniture(l.text));
  const distinctKnown = new Set(fields.filter((f) => f.known).map((f) => f.key)).size;
  if (blockStart < 0 || knownCount === 0 || (nonFurnitureLeading.length > 0 && distinctKnown < 2)) {
    // No header. A page may still print its byline under the title (`来源：… 发布时间：…`): with two known
    // fields it stands for the header; otherwise only the furniture lines (breadcrumbs) are kept.
    const bare = none();
    // Far down the page there is no header, but the byline may still stand right under the title.
    readByline(text, from, bare, furniture.slice(), tooDeep ? 3 : BYLINE_LINES);
    const read = bare.fields.filter((f) => f.known);
    // A byline: two known fields, or one among other labels on its line (来源：… 作者：… 点击：), or a
    // publication date on a line of page tools.
    const onToolLine = read.some((f) => f.key === '发布日期' && TOOLS.test(lineOf(text, f.keyStart)));
    const amongLabels = read.some((f) => bare.fields.filter((g) => lineStartOf(text, g.keyStart) === lineStartOf(text, f.keyStart)).length >= 2);
    // A lone 发布日期 on a page already known by its furniture (breadcrumbs, page tools) is its byline too.
    const datedPage = furniture.length > 0 && read.some((f) => f.key === '发布日期' && /^(?:19|20)[0-9]{2}/.test(f.value));
    if (new Set(read.map((f) => f.key)).size >= 2 || onToolLine || amongLabels || datedPage) {
      bare.source = 'header';
      bare.block = { start: lineStartOf(text, read[0].keyStart), end: read[read.length - 1].end };
      const above = leading.filter((l) => l.end <= bare.block!.start && !isFurniture(l.text));
      setTitleLine(bare, above[above.length - 1]);
      return bare;
    }
    return { ...none(), furniture: furniture.sort((a, b) => a.start - b.start) };
  }
  meta.source = 'header';
  meta.block = { start: blockStart, end: blockEnd };
  meta.fields = fields;
  setTitleLine(meta, nonFurnitureLeading[nonFurnitureLeading.length - 1]);
  readByline(text, blockEnd, meta, furniture);
  return meta;
}

/** The page's title on the line above its header or byline (a short CJK line that is not a sentence). */
function setTitleLine(meta: Metadata, last: Line | undefined): void {
  if (!last || meta.fields.some((f) => f.key === '标题' && f.value)) return;
  const t0 = last.text.trim();
  if (!/[\u4e00-\u9fff]/.test(t0) || t0.length > 100 || /[。；]$/.test(t0)) return;
  // A Markdown heading (`# 标题`) counts without its marker.
  const lead = /^[ \t\u3000]{0,3}(?:#{1,6}[ \t]+)?/.exec(last.text)![0].length;
  const t = last.text.slice(lead).trim();
  meta.titleLine = { start: last.start + lead, end: last.start + lead + t.length, text: t };
}

function lineStartOf(text: string, at: number): number {
  return Math.max(text.lastIndexOf('\n', at - 1), text.lastIndexOf('\r', at - 1)) + 1;
}

function lineOf(text: string, at: number): string {
  const s = lineStartOf(text, at);
  const e = text.slice(s, s + 400).search(/[\r\n]/);
  return text.slice(s, e < 0 ? s + 400 : s + e);
}

/** In a byline, 日期：/时间：/发表： followed by a date is the page's 发布日期 (elsewhere they are too vague). */
function bylineDate(p: HeaderPair): HeaderPair {
  if (p.key || !/^(?:日期|时间|发表|发布|更新日期)$/.test(p.rawKey.replace(/[\s\u3000]+/g, ''))) return p;
  return /^(?:19|20)[0-9]{2}\s{0,2}[-年/.]\s{0,2}[0-9]{1,2}/.test(p.value) ? { ...p, key: '发布日期' } : p;
}

/**
 * The byline and page tools in the first lines below the header (or at the top of a page without one):
 * lines such as `发布时间:2020-12-01 10:46信息来源:市城管局 浏览次数:` or `来源: 司法局 作者: 司法局`. Their
 * known fields are added when the header does not give them already (the header's value wins), and the lines
 * become furniture. A line that reads as a sentence (。) is never a byline.
 */
function readByline(text: string, from: number, meta: Metadata, furniture: { start: number; end: number }[], maxLines = BYLINE_LINES): void {
  let seen = 0;
  for (const line of linesFrom(text, from)) {
    if (line.start < from) continue;
    if (!line.text.trim()) continue;
    // Page furniture does not count: the byline stands under the title, wherever the breadcrumbs end.
    const stamped = /^[ \t\u3000]{0,4}(?:19|20)[0-9]{2}-[0-9]{1,2}-[0-9]{1,2}[ \t]{1,3}[0-9]{1,2}:[0-9]{2}/.test(line.text);
    if (!stamped && isFurniture(line.text) && !headerPairs(line.text).some((p) => p.key)) { furniture.push({ start: line.start, end: line.end }); continue; }
    if (++seen > maxLines) break;
    if (/。/.test(line.text) || line.text.trim().length > 200) {
      if (seen > 2) break;
      continue;
    }
    if (meta.block && line.end <= meta.block.end) continue;
    let pairs = (headerPairs(line.text).length ? headerPairs(line.text) : colonlessPairs(line.text)).map(bylineDate);
    // A byline that starts with the bare timestamp (2015-11-10 01:51:51信息来源:浏览次数:…).
    const stamp = /^[ \t\u3000]{0,4}((?:19|20)[0-9]{2}-[0-9]{1,2}-[0-9]{1,2}[ \t]{1,3}[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?)/.exec(line.text);
    if (stamp && pairs.length === 0) {
      const rest = line.text.slice(stamp[0].length);
      if (!rest.trim() || TOOLS.test(rest) || labelsIn(rest).length > 0) {
        const at = stamp[0].length - stamp[1].length;
        pairs = [{ key: '发布日期', rawKey: '', value: stamp[1], keyStart: at, keyEnd: at, start: at, end: stamp[0].length },
          ...labelsIn(rest).length ? headerPairs(rest.trimStart()).map((p) => { const off = line.text.length - rest.trimStart().length; return { ...p, keyStart: p.keyStart + off, keyEnd: p.keyEnd + off, start: p.start + off, end: p.end + off }; }).map(bylineDate) : []];
      }
    }
    const known = pairs.filter((p) => p.key && BYLINE_KEYS.has(p.key));
    // A byline starts with one of its fields (or the timestamp): 正文：分类: … is a sentence of the body.
    if (known.length === 0 || !pairs[0].key) continue;
    for (const p of pairs) {
      meta.fields.push({
        key: p.key ?? p.rawKey.replace(/[\s\u3000]+/g, ''), known: p.key !== undefined, rawKey: p.rawKey, value: p.value,
        keyStart: line.start + p.keyStart, keyEnd: line.start + p.keyEnd, start: line.start + p.start, end: line.start + p.end, from: 'byline',
      });
    }
    furniture.push({ start: line.start, end: line.end });
  }
  meta.furniture = furniture.sort((a, b) => a.start - b.start);
}
