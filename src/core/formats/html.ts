/**
 * Reading a saved portal page (.html/.htm) into zwgk's text — the shape of a page saved from a portal:
 * the title line, catalogue header lines (`键: 值`), a blank line, then the article, one paragraph per
 * line, tables as `a | b | c` rows — with a map from every character back to its offset in the HTML.
 *
 * - Parsed with hast-util-from-html (parse5, the HTML standard's parser, with source positions).
 * - The catalogue block becomes header lines, whatever its markup: a `<td>` or `<label>` or `<b>` whose text is
 *   a catalogue label (`索 引 号：`, `主题分类：`, `发文机关：`, `责任部门：`) followed by the element holding
 *   the value (gov.cn's table, county portals' `<dl><dd><label>…</label><div>…</div>`), and a byline
 *   (`来源：… 发布时间：…`) outside the article.
 * - The article: the portal's content container (gov.cn `#UCAP-CONTENT`, TRS `.TRS_Editor`, `#zoom`,
 *   `#zoomcon`, `.article-content` …), else the element with the most Chinese text in paragraphs.
 *   Navigation, scripts, styles, forms, headers and footers and hidden elements are never read.
 * - Whitespace as a browser shows it: runs collapse to one space; a line break between two Chinese
 *   characters disappears; `<br>` and block elements end lines.
 * Pure: a string in (decodeHtml turns bytes into one, by the page's declared charset), text and map out.
 */
import type { fromHtml as FromHtml } from 'hast-util-from-html';
import type { Element, Nodes, Root, Text } from 'hast';
import { iconv } from '../util/iconv';
import { TextBuilder, type SourceMap } from './source-map';
import { catalogueLabel } from './catalogue';
import { headerPairs } from '../metadata';
import { FormatError } from './errors';
import { isChineseContext } from '../util/cjk';

/** The HTML parser (parse5 and its tables), loaded on the first page read: drafts in Markdown never need it. */
let fromHtmlFn: typeof FromHtml | undefined;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const fromHtml = (): typeof FromHtml => (fromHtmlFn ??= (require('hast-util-from-html') as { fromHtml: typeof FromHtml }).fromHtml);

export interface HtmlText {
  format: 'html';
  text: string;
  /** Map to offsets in `html`. */
  map: SourceMap<undefined>;
  /** The decoded HTML source the map points into. */
  html: string;
  notes: string[];
}

// ————————————————————————————— decoding —————————————————————————————

export interface DecodedHtml {
  html: string;
  /** The encoding used (`utf-8`, `gb18030` …) and where it came from. */
  encoding: string;
  declared?: string;
}

const CHARSET = /<meta[^>]{0,400}?charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]{1,40})/i;

function normalizeCharset(name: string): string {
  const n = name.toLowerCase().replace(/_/g, '-');
  if (/^(gb2312|gbk|gb-2312|x-gbk|gb18030|cp936|windows-936|euc-cn|hz-gb-2312)$/.test(n)) return 'gb18030';
  if (/^(utf-?8|unicode-1-1-utf-8)$/.test(n)) return 'utf-8';
  if (/^(big5|big5-hkscs|cp950)$/.test(n)) return 'big5';
  return n;
}

/**
 * HTML bytes → text as a browser decodes them: a BOM, else the `<meta charset>` (or
 * `http-equiv="Content-Type"`) declared in the first 4 KB (GB2312/GBK read as GB18030, their superset),
 * else UTF-8 when valid, else GB18030.
 */
export function decodeHtml(bytes: Uint8Array): DecodedHtml {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return { html: buf.subarray(3).toString('utf8'), encoding: 'utf-8' };
  if (buf[0] === 0xff && buf[1] === 0xfe) return { html: buf.subarray(2).toString('utf16le'), encoding: 'utf-16le' };
  if (buf[0] === 0xfe && buf[1] === 0xff) return { html: Buffer.from(buf.subarray(2)).swap16().toString('utf16le'), encoding: 'utf-16be' };
  const head = buf.subarray(0, 4096).toString('latin1');
  const m = CHARSET.exec(head);
  const declared = m ? normalizeCharset(m[1]) : undefined;
  const valid = new TextDecoder('utf-8', { fatal: false });
  if (declared && declared !== 'utf-8' && iconv().encodingExists(declared)) {
    return { html: iconv().decode(buf, declared), encoding: declared, declared: m![1] };
  }
  try {
    return { html: new TextDecoder('utf-8', { fatal: true }).decode(buf), encoding: 'utf-8', declared: m?.[1] };
  } catch {
    // Declared UTF-8 (or nothing) but not UTF-8: Chinese portals that lie are GBK.
    const gb = iconv().decode(buf, 'gb18030');
    if (!gb.includes('\ufffd')) return { html: gb, encoding: 'gb18030', declared: m?.[1] };
    return { html: valid.decode(buf), encoding: 'utf-8', declared: m?.[1] };
  }
}

// ————————————————————————————— which elements —————————————————————————————

/** Never text of the page: code, furniture, controls. */
const SKIP_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'canvas', 'math', 'select', 'option',
  'button', 'input', 'textarea', 'form', 'nav', 'header', 'footer', 'aside', 'head', 'map', 'audio', 'video',
]);

const BLOCK_TAGS = new Set([
  'p', 'div', 'section', 'article', 'main', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'dl', 'dt', 'dd',
  'blockquote', 'pre', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'caption', 'center', 'address', 'figure',
  'figcaption', 'hr', 'body', 'html', 'fieldset', 'legend', 'details', 'summary',
]);

/** Content containers of the portal systems in use (gov.cn UCAP, TRS WCM, Hanweb, 政务云 templates). */
const CONTENT_IDS = ['UCAP-CONTENT', 'zoomcon', 'zoom', 'Zoom', 'xxgk_content', 'vw_editor', 'BodyLabel', 'art_content', 'content'];
const CONTENT_CLASSES = ['TRS_Editor', 'trs_editor_view', 'TRS_UEDITOR', 'pages_content', 'article-content', 'art_con', 'view TRS_UEDITOR', 'zw', 'zhengwen', 'content', 'article'];

/** Page furniture by class or id (used only when no content container is found). */
const FURNITURE = /(^|[-_\s])(nav|menu|footer|foot|header|top|bottom|breadcrumb|crumb|position|share|toolbar|copyright|sidebar|side|banner|search|login|related|relevant|fenxiang|print|dayin|ewm|qr|links?|friend|tools?)([-_\s]|$)/i;

function classes(el: Element): string[] {
  const c: unknown = el.properties?.className;
  return Array.isArray(c) ? c.map(String) : typeof c === 'string' ? c.split(/\s+/) : [];
}

function isHidden(el: Element): boolean {
  const style = el.properties?.style;
  if (typeof style === 'string' && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style)) return true;
  return el.properties?.hidden === true || el.properties?.ariaHidden === 'true';
}

function skipped(el: Element): boolean {
  return SKIP_TAGS.has(el.tagName) || isHidden(el);
}


/** The text of an element as one line (whitespace collapsed), for labels and titles. */
function flatText(node: Nodes): string {
  let s = '';
  const walk = (n: Nodes): void => {
    if (n.type === 'text') s += n.value;
    else if (n.type === 'element') {
      if (skipped(n)) return;
      if (n.tagName === 'br') s += ' ';
      for (const c of n.children) walk(c as Nodes);
    } else if (n.type === 'root') for (const c of n.children) walk(c as Nodes);
  };
  walk(node);
  return s.replace(/[\s\u00a0]+/g, ' ').trim();
}

function cjkCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (isChineseContext(s[i])) n++;
  return n;
}

function findAll(root: Nodes, test: (el: Element) => boolean, out: Element[] = [], skip = true): Element[] {
  if (root.type === 'element') {
    if (skip && skipped(root)) return out;
    if (test(root)) out.push(root);
  }
  if ('children' in root) for (const c of root.children) findAll(c as Nodes, test, out, skip);
  return out;
}

function contentContainer(root: Root): Element | undefined {
  for (const id of CONTENT_IDS) {
    const found = findAll(root, (el) => el.properties?.id === id);
    if (found.length && cjkCount(flatText(found[0])) > 0) return found[0];
  }
  for (const cls of CONTENT_CLASSES) {
    const want = cls.split(' ');
    const found = findAll(root, (el) => want.every((w) => classes(el).includes(w)));
    if (found.length && cjkCount(flatText(found[0])) > 0) return found[0];
  }
  // The element whose own paragraphs hold the most Chinese text.
  let best: Element | undefined;
  let bestScore = 0;
  for (const el of findAll(root, (e) => e.tagName === 'div' || e.tagName === 'td' || e.tagName === 'article' || e.tagName === 'section' || e.tagName === 'main')) {
    if (furniture(el)) continue;
    let score = 0;
    for (const c of el.children) if (c.type === 'element' && (c.tagName === 'p' || c.tagName === 'table')) score += cjkCount(flatText(c));
    if (score > bestScore) {
      best = el;
      bestScore = score;
    }
  }
  return best;
}

function furniture(el: Element): boolean {
  const id = el.properties?.id;
  return classes(el).some((c) => FURNITURE.test(c)) || (typeof id === 'string' && FURNITURE.test(id));
}

// ————————————————————————————— text with positions —————————————————————————————

interface Char { ch: string; start: number; end: number }

/** Characters of a text node with their source spans (character references span their source). */
function charsOf(node: Text, html: string): Char[] {
  const value = node.value;
  const s = node.position?.start.offset;
  const e = node.position?.end.offset;
  const out: Char[] = [];
  if (s === undefined || e === undefined) {
    for (const ch of value) out.push({ ch, start: -1, end: -1 });
    return out;
  }
  const raw = html.slice(s, e);
  if (raw === value) {
    for (let i = 0; i < value.length; i++) out.push({ ch: value[i], start: s + i, end: s + i + 1 });
    return out;
  }
  // Align the decoded value with the source: plain characters one to one, a reference `&…;` to the
  // character(s) it decodes to.
  let p = 0;
  let i = 0;
  const ref = /^&(?:#[xX][0-9a-fA-F]{1,6};?|#[0-9]{1,7};?|[A-Za-z][A-Za-z0-9]{0,31};?)/;
  while (i < value.length && p < raw.length) {
    if (raw[p] === value[i] && raw[p] !== '&') {
      out.push({ ch: value[i], start: s + p, end: s + p + 1 });
      i++;
      p++;
      continue;
    }
    if (raw[p] === '\r' && raw[p + 1] === '\n' && value[i] === '\n') {
      out.push({ ch: '\n', start: s + p, end: s + p + 2 });
      i++;
      p += 2;
      continue;
    }
    const m = raw[p] === '&' ? ref.exec(raw.slice(p, p + 40)) : null;
    if (m) {
      const refEnd = p + m[0].length;
      // The reference decodes to the characters up to where the source resumes.
      const resume = raw[refEnd];
      let j = i + 1;
      if (value[i] === '&' && m[0] === '&') j = i + 1;
      else if (value.codePointAt(i)! > 0xffff) j = i + 2;
      while (j < value.length && resume !== undefined && value[j] !== resume && j - i < 2 && !ref.test(raw.slice(refEnd, refEnd + 40))) j++;
      for (let k = i; k < j; k++) out.push({ ch: value[k], start: s + p, end: s + refEnd });
      i = j;
      p = refEnd;
      continue;
    }
    // Out of step (a parser fix-up): map the rest of the node to its whole span.
    break;
  }
  for (; i < value.length; i++) out.push({ ch: value[i], start: s, end: e });
  return out;
}

class Lines {
  readonly lines: Char[][] = [];
  private line: Char[] = [];
  private pendingSpace: Char | undefined;
  private pendingNewline = false;

  text(chars: Char[]): void {
    for (const c of chars) {
      const ch = c.ch;
      if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\f') {
        if (!this.pendingSpace) this.pendingSpace = { ch: ' ', start: c.start, end: c.end };
        if (ch === '\n' || ch === '\r') this.pendingNewline = true;
        continue;
      }
      const ws = this.pendingSpace;
      if (ws && this.line.length) {
        const prev = this.line[this.line.length - 1].ch;
        // A source line break between two Chinese characters is not a space (CSS segment breaks).
        if (!(this.pendingNewline && isChineseContext(prev) && isChineseContext(ch))) this.line.push(ws);
      }
      this.pendingSpace = undefined;
      this.pendingNewline = false;
      this.line.push(ch === '\u00a0' ? { ...c, ch: ' ' } : c);
    }
  }

  /** A literal piece (a cell separator) at a source position. */
  literal(s: string, at: number): void {
    this.pendingSpace = undefined;
    this.pendingNewline = false;
    for (const ch of s) this.line.push({ ch, start: at, end: at });
  }

  get empty(): boolean {
    return this.line.length === 0;
  }

  end(): void {
    this.pendingSpace = undefined;
    this.pendingNewline = false;
    let a = 0, b = this.line.length;
    while (a < b && this.line[a].ch === ' ') a++;
    while (b > a && this.line[b - 1].ch === ' ') b--;
    if (b > a) this.lines.push(this.line.slice(a, b));
    this.line = [];
  }
}

/** Walks an element's content into lines: blocks and `<br>` end lines; a table row is one line. */
function walkBlocks(node: Nodes, html: string, out: Lines, exclude: Set<Element>): void {
  if (node.type === 'text') {
    out.text(charsOf(node, html));
    return;
  }
  if (node.type !== 'element' && node.type !== 'root') return;
  if (node.type === 'element') {
    if (skipped(node) || exclude.has(node)) return;
    if (node.tagName === 'br') {
      out.end();
      return;
    }
    if (node.tagName === 'tr') {
      out.end();
      const cells = node.children.filter((c): c is Element => c.type === 'element' && (c.tagName === 'td' || c.tagName === 'th') && !skipped(c));
      cells.forEach((cell, i) => {
        if (i) out.literal(' | ', cell.position?.start.offset ?? -1);
        walkInline(cell, html, out);
      });
      out.end();
      return;
    }
    if (node.tagName === 'img') return;
  }
  const block = node.type === 'element' && BLOCK_TAGS.has(node.tagName);
  if (block) out.end();
  for (const c of node.children) walkBlocks(c as Nodes, html, out, exclude);
  if (block) out.end();
}

/** A table cell's content on one line: its paragraphs and line breaks become spaces. */
function walkInline(node: Nodes, html: string, out: Lines): void {
  if (node.type === 'text') {
    out.text(charsOf(node, html));
    return;
  }
  if (node.type !== 'element') return;
  if (skipped(node)) return;
  if (node.tagName === 'br' || (BLOCK_TAGS.has(node.tagName) && !out.empty)) out.text([{ ch: ' ', start: node.position?.start.offset ?? -1, end: node.position?.start.offset ?? -1 }]);
  for (const c of node.children) walkInline(c as Nodes, html, out);
}

// ————————————————————————————— catalogue, byline, title —————————————————————————————

interface HeaderEntry {
  write: string;
  key: string;
  chars: Char[];
}

/** Elements' siblings: hast has no parent links, so the walk passes them down. */
function catalogueEntries(root: Root, html: string, article: Element | undefined): { entries: HeaderEntry[]; used: Set<Element> } {
  const entries: HeaderEntry[] = [];
  const used = new Set<Element>();
  const seen = new Set<string>();
  const visit = (parent: Element | Root): void => {
    const kids = (parent.children as Nodes[]).filter((c): c is Element => c.type === 'element');
    for (let i = 0; i < kids.length; i++) {
      const el = kids[i];
      if (skipped(el) || el === article) continue;
      const text = flatText(el);
      const label = text.length <= 14 ? catalogueLabel(text) : undefined;
      const labelLike = !!label && (/[:：]$/.test(text) || ['td', 'th', 'label', 'dt', 'b', 'strong'].includes(el.tagName));
      if (label && labelLike) {
        const valueEl = kids[i + 1];
        const valueText = valueEl ? flatText(valueEl) : '';
        // The next element is the value unless it is a label itself, or another `key：value` (`来源：` left empty).
        if (valueEl && !skipped(valueEl) && !catalogueLabel(valueText) && !/^[\u4e00-\u9fff \u3000]{2,8}[:：]/.test(valueText)) {
          const lines = new Lines();
          walkInline(valueEl, html, lines);
          lines.end();
          const chars = lines.lines[0] ?? [];
          if (chars.length && !seen.has(label.key)) {
            seen.add(label.key);
            entries.push({ write: label.write, key: label.key, chars });
          }
          used.add(el).add(valueEl);
          i++;
          continue;
        }
      }
      visit(el);
    }
  };
  visit(root);
  return { entries, used };
}

/** A byline outside the article (`来源：… 发布时间：…`): its `key: value` pairs. */
function bylineEntries(root: Root, html: string, article: Element | undefined, known: Set<string>): HeaderEntry[] {
  const out: HeaderEntry[] = [];
  const candidates = findAll(root, (el) => (el.tagName === 'div' || el.tagName === 'p' || el.tagName === 'span' || el.tagName === 'td') && el !== article);
  for (const el of candidates) {
    if (article && contains(article, el)) continue;
    const lines = new Lines();
    walkInline(el, html, lines);
    lines.end();
    const chars = lines.lines[0];
    if (!chars || chars.length > 200) continue;
    const text = chars.map((c) => c.ch).join('');
    const pairs = headerPairs(text).filter((p) => p.key);
    if (pairs.length < 2 || pairs[0].keyStart > 2) continue;
    // The innermost element holding the whole byline wins (candidates come outermost first).
    const inner = candidates.find((c) => c !== el && contains(el, c) && headerPairs(flatText(c)).filter((p) => p.key).length === pairs.length);
    if (inner) continue;
    for (const p of pairs) {
      // An empty field runs into the next, unknown one (`来源：访问量：199`): nothing to read.
      const key = p.key!;
      if (known.has(key) || !p.value || /^[\u4e00-\u9fff]{2,6}[:：]/.test(p.value)) continue;
      known.add(key);
      out.push({ write: p.rawKey.replace(/\s+/g, ''), key, chars: chars.slice(p.start, p.end) });
    }
    if (out.length) break;
  }
  return out;
}

function contains(a: Element, b: Element): boolean {
  if (a === b) return true;
  for (const c of a.children) if (c.type === 'element' && contains(c, b)) return true;
  return false;
}

/**
 * The article's title: the `ArticleTitle` meta tag of Chinese portal systems when the page shows it (then
 * the element showing it, for its position), else the most title-like heading outside the article
 * (`<h1 class="article-title">` before a plain `<h1>` before an `<h2>`).
 */
function titleChars(root: Root, html: string, article: Element | undefined): Char[] | undefined {
  const candidates = findAll(root, (el) => /^h[1-3]$/.test(el.tagName) || classes(el).some((c) => TITLE_CLASS.test(c)))
    .filter((el) => !(article && contains(article, el)))
    .map((el, order) => {
      const lines = new Lines();
      walkInline(el, html, lines);
      lines.end();
      const chars = lines.lines[0] ?? [];
      const score = (classes(el).some((c) => TITLE_CLASS.test(c)) ? 3 : 0) + (el.tagName === 'h1' ? 2 : el.tagName === 'h2' ? 1 : 0);
      return { chars, text: squash(chars.map((c) => c.ch).join('')), score, order };
    })
    .filter((c) => cjkCount(c.text) >= 4 && c.chars.length <= 120);
  const meta = findAll(root, (el) => el.tagName === 'meta' && String(el.properties?.name ?? '').toLowerCase() === 'articletitle', [], false)[0];
  const content = meta && typeof meta.properties?.content === 'string' ? meta.properties.content.trim() : '';
  if (content) {
    const shown = candidates.find((c) => c.text === squash(content));
    if (shown) return shown.chars;
  }
  candidates.sort((x, y) => y.score - x.score || x.order - y.order);
  if (candidates.length) return candidates[0].chars;
  if (content && meta) {
    const at = meta.position?.start.offset ?? -1;
    return [...content].map((ch) => ({ ch, start: at, end: meta.position?.end.offset ?? at }));
  }
  return undefined;
}

const TITLE_CLASS = /^(article-?title|artTitle|art_title|detail-?title|xxgk-title|wztit|bt|tit|title)$/i;

function squash(s: string): string {
  return s.replace(/[\s\u3000\u00a0]+/g, '');
}

// ————————————————————————————— reading —————————————————————————————

/** Reads a portal page (HTML text) into zwgk's text and its map into the HTML. */
export function readHtml(html: string): HtmlText {
  let root: Root;
  try {
    root = fromHtml()(html);
  } catch (e) {
    throw new FormatError(`无法解析 HTML：${(e as Error).message}`);
  }
  const article = contentContainer(root);
  const { entries, used } = catalogueEntries(root, html, article);
  const known = new Set(entries.map((e) => e.key));
  entries.push(...bylineEntries(root, html, article, known));
  const title = known.has('标题') ? undefined : titleChars(root, html, article);

  const body = new Lines();
  walkBlocks(article ?? root, html, body, used);

  const b = new TextBuilder<undefined>();
  const addChars = (chars: Char[]): void => {
    const join = (i: number, j: number) => chars.slice(i, j).map((c) => c.ch).join('');
    for (let i = 0; i < chars.length;) {
      const c = chars[i];
      let j = i + 1;
      if (c.start < 0) {
        b.add(c.ch, undefined);
      } else if (c.end - c.start === 1) {
        // A run of characters that stand one for one in the source.
        while (j < chars.length && chars[j].start === chars[j - 1].end && chars[j].end - chars[j].start === 1) j++;
        b.add(join(i, j), undefined, { start: c.start, end: chars[j - 1].end, linear: true });
      } else {
        // Characters of one reference (or a separator zwgk wrote): their whole span.
        while (j < chars.length && chars[j].start === c.start && chars[j].end === c.end) j++;
        b.add(join(i, j), undefined, { start: c.start, end: c.end, linear: false });
      }
      i = j;
    }
  };
  const newline = (): void => b.add('\n', undefined);
  const headerFields = entries.filter((e) => e.key !== '标题').length;
  if (title && headerFields >= 2) {
    // Title on the line above the catalogue (as county portals print it).
    addChars(title);
    newline();
  } else if (title) {
    entries.unshift({ write: '标题', key: '标题', chars: title });
  }
  for (const e of entries) {
    const at = e.chars[0]?.start ?? -1;
    b.add(`${e.write}: `, undefined, at >= 0 ? { start: at, end: at, linear: false } : undefined);
    addChars(e.chars);
    newline();
  }
  if (entries.length) newline();
  body.lines.forEach((line, i) => {
    addChars(line);
    if (i < body.lines.length - 1) newline();
  });
  const notes: string[] = [];
  if (!article) notes.push('没有找到网页的正文区域，已检查整页中除导航、页眉页脚和脚本以外的文字');
  return { format: 'html', text: b.text, map: b.map(), html, notes };
}
