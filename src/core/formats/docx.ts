/**
 * Reading a Word .docx (Office Open XML) into zwgk's text: the shape of a page saved from a portal — a
 * catalogue header (`键: 值` lines, from a leading catalogue table and the document's properties), a
 * blank line, then the text, one paragraph per line, tables as `a | b | c` rows — with a map from every
 * character back to its paragraph, table cell, note or property.
 *
 * What is read, and how (README “Word and web pages” lists it for users):
 *   - paragraphs in document order, with Word's automatic numbering (一、（一）1.) written out;
 *     a line break inside a paragraph (Shift+Enter) starts a new line of the same paragraph;
 *   - tracked changes as if all were accepted (insertions kept, deletions dropped);
 *   - tables row by row; a catalogue table at the top becomes header lines;
 *   - text boxes after the paragraph they are anchored in; footnotes and endnotes at the end;
 *   - field results (not field codes), hyperlink text, content controls, ruby base text;
 *   - not read: comments (a reviewer's notes, not the text), page headers and footers (page furniture:
 *     页码), hidden text, deleted text, images.
 * Pure: bytes in, text and map out.
 */
import type * as Fflate from 'fflate';
import { parseXml, child, childrenNamed, attr, textOf, type XmlElement } from './xml';
import { Numbering } from './numbering';
import { TextBuilder, type DocxOrigin, type SourceMap } from './source-map';
import { catalogueLabel, headerValue } from './catalogue';
import { FormatError } from './errors';
import { isChineseContext } from '../util/cjk';

/** fflate (it builds its inflate tables when loaded), loaded on the first .docx read: most runs read none. */
let fflateLib: typeof Fflate | undefined;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const fflate = (): typeof Fflate => (fflateLib ??= require('fflate') as typeof Fflate);

export interface DocxText {
  format: 'docx';
  /** The text zwgk checks (plain-text draft shape). */
  text: string;
  map: SourceMap<DocxOrigin>;
  /** What the reader noticed that the drafter should know (tracked changes, comments …), Chinese. */
  notes: string[];
}

/** Parts a .docx holds that the reader uses; everything else (images, fonts, themes) is never inflated. */
const PARTS = /^(word\/(document|numbering|styles|footnotes|endnotes|comments)\.xml|docProps\/(core|custom)\.xml|\[Content_Types\]\.xml)$/;
/** The most a part may inflate to (a zip bomb stops here with a clear message). */
const MAX_PART_BYTES = 200 * 1024 * 1024;

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function isOle(b: Uint8Array): boolean {
  return b.length >= 8 && OLE.every((x, i) => b[i] === x);
}

function unzip(bytes: Uint8Array): Record<string, string> {
  if (isOle(bytes)) {
    throw new FormatError('这不是 .docx 文件，而是旧版 Word（.doc）或加密的 Word 文件；请在 Word 或 WPS 中“另存为”.docx（不加密）后再检查');
  }
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new FormatError('不是有效的 .docx 文件（不是 ZIP 压缩包），可能已损坏或只是改了扩展名');
  const { unzipSync, strFromU8 } = fflate();
  let files: Record<string, Uint8Array>;
  let tooBig = '';
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        if (!PARTS.test(f.name)) return false;
        if (f.originalSize > MAX_PART_BYTES) {
          tooBig = f.name;
          return false;
        }
        return true;
      },
    });
  } catch (e) {
    throw new FormatError(`.docx 文件已损坏，无法解压：${(e as Error).message}`);
  }
  if (tooBig) throw new FormatError(`.docx 中的 ${tooBig} 解压后超过 200 MB，未检查`);
  const out: Record<string, string> = {};
  for (const [name, data] of Object.entries(files)) out[name] = strFromU8(data).replace(/^\uFEFF/, '');
  if (!out['word/document.xml']) throw new FormatError('不是 Word 文档：.docx 包中没有 word/document.xml（可能是其他 Office 文件改了扩展名）');
  return out;
}

interface StyleInfo {
  basedOn?: string;
  numId?: string;
  ilvl?: number;
  hidden?: boolean;
}

function readStyles(root: XmlElement | undefined): Map<string, StyleInfo> {
  const out = new Map<string, StyleInfo>();
  const styles = root && child(root, 'w:styles');
  if (!styles) return out;
  for (const s of childrenNamed(styles, 'w:style')) {
    const id = attr(s, 'styleId');
    if (!id) continue;
    const numPr = child(child(s, 'w:pPr'), 'w:numPr');
    const ilvl = attr(child(numPr, 'w:ilvl'), 'val');
    out.set(id, {
      basedOn: attr(child(s, 'w:basedOn'), 'val'),
      numId: attr(child(numPr, 'w:numId'), 'val'),
      ilvl: ilvl !== undefined && /^\d$/.test(ilvl) ? Number(ilvl) : undefined,
      hidden: onOff(child(child(s, 'w:rPr'), 'w:vanish')),
    });
  }
  return out;
}

/** A Word on/off property: present and not `0`/`false`/`off`. */
function onOff(el: XmlElement | undefined): boolean {
  if (!el) return false;
  const v = attr(el, 'val');
  return v === undefined || !/^(0|false|off)$/i.test(v);
}

interface Line {
  pieces: { s: string; origin: DocxOrigin }[];
}

interface Stats {
  insertions: number;
  deletions: number;
  textBoxes: number;
  notes: number;
  altChunks: number;
}

class Reader {
  readonly header: Line[] = [];
  readonly body: Line[] = [];
  readonly stats: Stats = { insertions: 0, deletions: 0, textBoxes: 0, notes: 0, altChunks: 0 };
  private paragraphs = 0;
  private tables = 0;
  /** Non-empty body paragraphs and tables seen (a catalogue table must come first). */
  private blocksSeen = 0;
  private readonly headerKeys = new Set<string>();
  /** Footnote/endnote ids in the order of their first reference. */
  readonly noteOrder: { kind: 'footnote' | 'endnote'; id: string }[] = [];
  private readonly noteSeen = new Set<string>();
  /** Field state per nesting level: true while inside a field's code (before `separate`). */
  private fields: boolean[] = [];

  constructor(private readonly numbering: Numbering, private readonly styles: Map<string, StyleInfo>) {}

  // ——— inline content ———

  /** Text of a paragraph's content; text boxes met on the way are collected into `boxes`. */
  inline(el: XmlElement, out: string[], boxes: XmlElement[], hiddenStyle: boolean): void {
    for (const c of el.children) {
      if (typeof c === 'string') continue;
      switch (c.name) {
        case 'w:r':
          this.run(c, out, boxes, hiddenStyle);
          break;
        case 'w:del': case 'w:moveFrom':
          this.stats.deletions++;
          break;
        case 'w:ins': case 'w:moveTo':
          this.stats.insertions++;
          this.inline(c, out, boxes, hiddenStyle);
          break;
        case 'w:hyperlink': case 'w:smartTag': case 'w:customXml': case 'w:fldSimple': case 'w:dir': case 'w:bdo':
        case 'w:sdtContent': case 'm:oMathPara': case 'm:oMath': case 'm:r': case 'm:e': case 'm:num': case 'm:den':
          this.inline(c, out, boxes, hiddenStyle);
          break;
        case 'w:sdt':
          this.inline(child(c, 'w:sdtContent') ?? c, out, boxes, hiddenStyle);
          break;
        case 'm:t':
          if (!this.inFieldCode()) out.push(textOf(c));
          break;
        default:
          break;
      }
    }
  }

  private inFieldCode(): boolean {
    return this.fields.some((code) => code);
  }

  private run(r: XmlElement, out: string[], boxes: XmlElement[], hiddenStyle: boolean): void {
    const rPr = child(r, 'w:rPr');
    const vanish = child(rPr, 'w:vanish');
    const hidden = vanish ? onOff(vanish) : hiddenStyle;
    for (const c of r.children) {
      if (typeof c === 'string') continue;
      switch (c.name) {
        case 'w:fldChar': {
          const t = attr(c, 'fldCharType');
          if (t === 'begin') this.fields.push(true);
          else if (t === 'separate') { if (this.fields.length) this.fields[this.fields.length - 1] = false; }
          else if (t === 'end') this.fields.pop();
          break;
        }
        case 'w:t':
          if (!hidden && !this.inFieldCode()) out.push(textOf(c));
          break;
        case 'w:tab': case 'w:ptab':
          if (!hidden && !this.inFieldCode()) out.push('\t');
          break;
        case 'w:br': case 'w:cr':
          if (!hidden && !this.inFieldCode()) out.push('\n');
          break;
        case 'w:noBreakHyphen':
          if (!hidden && !this.inFieldCode()) out.push('-');
          break;
        case 'w:footnoteReference': case 'w:endnoteReference': {
          const id = attr(c, 'id');
          const kind = c.name === 'w:footnoteReference' ? 'footnote' : 'endnote';
          if (id !== undefined && !this.noteSeen.has(kind + id)) {
            this.noteSeen.add(kind + id);
            this.noteOrder.push({ kind, id });
          }
          break;
        }
        case 'w:ruby': {
          const base = child(c, 'w:rubyBase');
          if (base && !hidden) this.inline(base, out, boxes, hiddenStyle);
          break;
        }
        case 'w:drawing': case 'w:pict': case 'w:object': case 'mc:AlternateContent':
          this.collectBoxes(c, boxes);
          break;
        default:
          break;
      }
    }
  }

  /** Text box contents below a drawing (the first choice of an mc:AlternateContent only: no doubles). */
  private collectBoxes(el: XmlElement, boxes: XmlElement[]): void {
    if (el.name === 'w:txbxContent') {
      boxes.push(el);
      return;
    }
    if (el.name === 'mc:AlternateContent') {
      const first = el.children.find((c): c is XmlElement => typeof c !== 'string' && (c.name === 'mc:Choice' || c.name === 'mc:Fallback'));
      if (first) this.collectBoxes(first, boxes);
      return;
    }
    for (const c of el.children) if (typeof c !== 'string') this.collectBoxes(c, boxes);
  }

  // ——— paragraphs and tables ———

  private styleChain(id: string | undefined): StyleInfo[] {
    const chain: StyleInfo[] = [];
    const seen = new Set<string>();
    while (id && !seen.has(id) && chain.length < 20) {
      seen.add(id);
      const s = this.styles.get(id);
      if (!s) break;
      chain.push(s);
      id = s.basedOn;
    }
    return chain;
  }

  /** A paragraph's full text: its numbering label, then its content (lines split at breaks). */
  paragraphText(p: XmlElement, boxes: XmlElement[]): string {
    const pPr = child(p, 'w:pPr');
    const chain = this.styleChain(attr(child(pPr, 'w:pStyle'), 'val'));
    const numPr = child(pPr, 'w:numPr');
    let numId = attr(child(numPr, 'w:numId'), 'val');
    const ilvlAttr = attr(child(numPr, 'w:ilvl'), 'val');
    let ilvl = ilvlAttr !== undefined && /^\d$/.test(ilvlAttr) ? Number(ilvlAttr) : undefined;
    if (numId === undefined) {
      const s = chain.find((x) => x.numId !== undefined);
      numId = s?.numId;
      ilvl ??= s?.ilvl;
    }
    const out: string[] = [];
    this.inline(p, out, boxes, chain.some((s) => s.hidden));
    const content = out.join('');
    // The paragraph mark of a deleted paragraph (all its text deleted) leaves no line.
    if (numId && numId !== '0' && content.trim()) {
      const label = this.numbering.next(numId, ilvl ?? 0);
      if (label) return label + (/[、.．)）\]】:：]$/.test(label) ? '' : ' ') + content;
    }
    return content;
  }

  block(el: XmlElement): void {
    switch (el.name) {
      case 'w:p':
        this.paragraph(el);
        break;
      case 'w:tbl':
        this.table(el);
        break;
      case 'w:sdt':
        for (const c of (child(el, 'w:sdtContent') ?? el).children) if (typeof c !== 'string') this.block(c);
        break;
      case 'w:customXml':
        for (const c of el.children) if (typeof c !== 'string') this.block(c);
        break;
      case 'w:altChunk':
        this.stats.altChunks++;
        break;
      default:
        break;
    }
  }

  private paragraph(p: XmlElement): void {
    const boxes: XmlElement[] = [];
    const text = this.paragraphText(p, boxes);
    let anchor = this.paragraphs;
    if (text.trim()) {
      anchor = ++this.paragraphs;
      this.blocksSeen++;
      const origin: DocxOrigin = { part: 'body', paragraph: anchor, text };
      for (const line of text.split('\n')) if (line.trim()) this.body.push({ pieces: [{ s: line, origin }] });
    }
    for (const box of boxes) this.textBox(box, Math.max(1, anchor));
  }

  private textBox(box: XmlElement, anchor: number): void {
    this.stats.textBoxes++;
    const walk = (el: XmlElement): void => {
      for (const c of el.children) {
        if (typeof c === 'string') continue;
        if (c.name === 'w:p') {
          const inner: XmlElement[] = [];
          const text = this.paragraphText(c, inner);
          const origin: DocxOrigin = { part: 'textbox', paragraph: anchor, text };
          for (const line of text.split('\n')) if (line.trim()) this.body.push({ pieces: [{ s: line, origin }] });
          for (const b of inner) walk(b);
        } else if (c.name === 'w:tbl') this.table(c);
        else walk(c);
      }
    };
    walk(box);
  }

  /** The text of one cell: its paragraphs (and nested tables) joined by a space. */
  private cellText(tc: XmlElement): string {
    const parts: string[] = [];
    const walk = (el: XmlElement): void => {
      for (const c of el.children) {
        if (typeof c === 'string') continue;
        if (c.name === 'w:p') {
          const t = this.paragraphText(c, []).replace(/\n/g, ' ').trim();
          if (t) parts.push(t);
        } else if (c.name !== 'w:tcPr') walk(c);
      }
    };
    walk(tc);
    // A narrow column wraps a word over paragraphs (`职位` / `名称`): Chinese joins without a space.
    let out = '';
    for (const part of parts) out += out && !(isChineseContext(out[out.length - 1]) && isChineseContext(part[0])) ? ' ' + part : part;
    return out;
  }

  private table(tbl: XmlElement): void {
    const index = ++this.tables;
    const rows: { cells: string[] }[] = [];
    for (const tr of rowsOf(tbl)) rows.push({ cells: cellsOf(tr).map((tc) => this.cellText(tc)) });
    if (this.blocksSeen === 0 && this.catalogue(rows, index)) return;
    this.blocksSeen++;
    rows.forEach((row, r) => {
      if (!row.cells.some((c) => c.trim())) return;
      const line: Line = { pieces: [] };
      // Empty cells at the end of a row (an empty 备注 column) add nothing to read.
      let last = row.cells.length;
      while (last > 1 && !row.cells[last - 1].trim()) last--;
      row.cells.slice(0, last).forEach((cell, c) => {
        const origin: DocxOrigin = { part: 'table', table: index, row: r + 1, cell: c + 1, text: cell };
        line.pieces.push({ s: (c ? ' | ' : '') + cell, origin });
      });
      this.body.push(line);
    });
  }

  /** A leading table of `key | value` cells becomes header lines; false when it is not one. */
  private catalogue(rows: { cells: string[] }[], index: number): boolean {
    const pairs: { write: string; key: string; value: string; row: number; keyCell: number; cell: number }[] = [];
    rows.forEach((row, r) => {
      for (let c = 0; c + 1 < row.cells.length; c++) {
        const label = catalogueLabel(row.cells[c]);
        if (!label || catalogueLabel(row.cells[c + 1])) continue;
        pairs.push({ write: label.write, key: label.key, value: headerValue(row.cells[c + 1]), row: r + 1, keyCell: c + 1, cell: c + 2 });
        c++;
      }
    });
    if (new Set(pairs.map((p) => p.key)).size < 2) return false;
    for (const p of pairs) {
      if (!p.value || this.headerKeys.has(p.key)) continue;
      this.headerKeys.add(p.key);
      const keyOrigin: DocxOrigin = { part: 'catalogue', table: index, row: p.row, cell: p.keyCell, text: p.write };
      const valueOrigin: DocxOrigin = { part: 'catalogue', table: index, row: p.row, cell: p.cell, text: p.value };
      this.header.push({ pieces: [{ s: `${p.write}: `, origin: keyOrigin }, { s: p.value, origin: valueOrigin }] });
    }
    return true;
  }

  /** A header line from a document property, unless the catalogue table gave that key already. */
  property(name: string, value: string): void {
    const label = catalogueLabel(name);
    const v = headerValue(value);
    if (!label || !v || this.headerKeys.has(label.key)) return;
    this.headerKeys.add(label.key);
    const origin: DocxOrigin = { part: 'property', property: name, text: v };
    this.header.push({ pieces: [{ s: `${label.write}: `, origin }, { s: v, origin }] });
  }

  notesPart(root: XmlElement | undefined, kind: 'footnote' | 'endnote'): void {
    const container = root && child(root, kind === 'footnote' ? 'w:footnotes' : 'w:endnotes');
    if (!container) return;
    const byId = new Map<string, XmlElement>();
    for (const n of childrenNamed(container, kind === 'footnote' ? 'w:footnote' : 'w:endnote')) {
      const type = attr(n, 'type');
      if (type && type !== 'normal') continue;
      const id = attr(n, 'id');
      if (id !== undefined) byId.set(id, n);
    }
    let number = 0;
    for (const ref of this.noteOrder) {
      if (ref.kind !== kind) continue;
      number++;
      const note = byId.get(ref.id);
      if (!note) continue;
      this.stats.notes++;
      for (const p of childrenNamed(note, 'w:p')) {
        const text = this.paragraphText(p, []);
        const origin: DocxOrigin = { part: kind, note: number, text };
        for (const line of text.split('\n')) if (line.trim()) this.body.push({ pieces: [{ s: line, origin }] });
      }
    }
  }

  bodyText(): string {
    return this.body.map((l) => l.pieces.map((p) => p.s).join('')).join('\n');
  }
}

function rowsOf(tbl: XmlElement): XmlElement[] {
  const rows: XmlElement[] = [];
  for (const c of tbl.children) {
    if (typeof c === 'string') continue;
    if (c.name === 'w:tr') rows.push(c);
    else if (c.name === 'w:sdt' || c.name === 'w:customXml' || c.name === 'w:sdtContent') rows.push(...rowsOf(c));
    else if (c.name === 'w:ins') rows.push(...rowsOf(c));
  }
  return rows;
}

function cellsOf(tr: XmlElement): XmlElement[] {
  const cells: XmlElement[] = [];
  for (const c of tr.children) {
    if (typeof c === 'string') continue;
    if (c.name === 'w:tc') cells.push(c);
    else if (c.name === 'w:sdt' || c.name === 'w:customXml' || c.name === 'w:sdtContent') cells.push(...cellsOf(c));
  }
  return cells;
}

function parse(parts: Record<string, string>, name: string): XmlElement | undefined {
  const xml = parts[name];
  return xml === undefined ? undefined : parseXml(xml);
}

/** `dc:title` and the custom properties (name → value) of the package. */
function properties(parts: Record<string, string>): { title?: string; custom: [string, string][] } {
  const core = parse(parts, 'docProps/core.xml');
  const cp = core && child(core, 'cp:coreProperties');
  const titleEl = cp && child(cp, 'dc:title');
  const custom: [string, string][] = [];
  const cust = parse(parts, 'docProps/custom.xml');
  const props = cust && child(cust, 'Properties');
  if (props) {
    for (const p of childrenNamed(props, 'property')) {
      const name = p.attrs.name;
      if (name) custom.push([name, textOf(p)]);
    }
  }
  return { title: titleEl ? textOf(titleEl).trim() : undefined, custom };
}


function squash(s: string): string {
  return s.replace(/[\s\u3000]+/g, '');
}

/** Reads a .docx file; throws FormatError (a Chinese message for the drafter) when it cannot. */
export function readDocx(bytes: Uint8Array): DocxText {
  const parts = unzip(bytes);
  const doc = parse(parts, 'word/document.xml')!;
  const body = child(child(doc, 'w:document'), 'w:body');
  if (!body) throw new FormatError('Word 文档没有正文（word/document.xml 中没有 w:body），文件可能已损坏');
  const reader = new Reader(new Numbering(parse(parts, 'word/numbering.xml')), readStyles(parse(parts, 'word/styles.xml')));
  for (const c of body.children) if (typeof c !== 'string') reader.block(c);
  reader.notesPart(parse(parts, 'word/footnotes.xml'), 'footnote');
  reader.notesPart(parse(parts, 'word/endnotes.xml'), 'endnote');

  const props = properties(parts);
  for (const [name, value] of props.custom) reader.property(name, value);
  // The title property only when the text carries it: templates leave stale titles behind.
  if (props.title) {
    const t = squash(props.title);
    const head = reader.body.slice(0, 12).map((l) => squash(l.pieces.map((p) => p.s).join('')));
    const joined = head.join('');
    if (t.length >= 4 && (head.includes(t) || joined.includes(t))) reader.property('标题', props.title);
  }

  const b = new TextBuilder<DocxOrigin>();
  const br: DocxOrigin = { part: 'body' };
  for (const line of reader.header) {
    for (const p of line.pieces) b.add(p.s, p.origin);
    b.add('\n', line.pieces[line.pieces.length - 1].origin);
  }
  if (reader.header.length) b.add('\n', br);
  reader.body.forEach((line, i) => {
    for (const p of line.pieces) b.add(p.s, p.origin);
    if (i < reader.body.length - 1) b.add('\n', line.pieces[line.pieces.length - 1].origin);
  });

  const notes: string[] = [];
  const s = reader.stats;
  if (s.insertions || s.deletions) notes.push(`含有未接受的修订（插入 ${s.insertions} 处、删除 ${s.deletions} 处），按接受全部修订后的文字检查`);
  const comments = parse(parts, 'word/comments.xml');
  const commentCount = comments ? childrenNamed(child(comments, 'w:comments') ?? comments, 'w:comment').length : 0;
  if (commentCount) notes.push(`含有 ${commentCount} 条批注，批注不属于正文，未检查`);
  if (s.altChunks) notes.push(`含有 ${s.altChunks} 处嵌入的外部内容（altChunk），未检查`);
  return { format: 'docx', text: b.text, map: b.map(), notes };
}
