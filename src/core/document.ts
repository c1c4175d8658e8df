/**
 * The document model every rule shares: parsed once (Markdown through unified + remark-parse, with
 * front matter and GFM; plain text through the same shapes), with metadata, prose segments, blocks,
 * headings, the title and the document type.
 */
import { location } from 'vfile-location';
import type { Root, Nodes, Parents } from 'mdast';
import type * as Remark from './remark';
import { readFrontMatter, readHeader, getField, type Metadata } from './metadata';
import { inferKind, type Kind } from './profile/kind';
import { pickTitleLine, bodyOpening } from './title-line';
import { parseGuarded, parseIncremental, type PieceCache } from './parser-guard';
import { parsePlainFirst } from './plain-markdown';

export type DocFormat = 'markdown' | 'text';

/** A range of prose the text rules scan (raw source; code, HTML, URLs and metadata excluded). */
export interface Segment {
  start: number;
  end: number;
}

export interface Block {
  kind: 'heading' | 'paragraph' | 'tableCell' | 'line';
  /** Plain text of the block (markup removed for Markdown). */
  text: string;
  start: number;
  end: number;
  /** Heading depth (1 = top); Chinese-numbered lines get 1 for 一、, 2 for （一）, 3 for 1. */
  depth?: number;
  /** For headings and Chinese-numbered paragraphs/lines: the heading text (up to the first 。 or ：). */
  heading?: string;
}

export interface Title {
  text: string;
  start: number;
  end: number;
  from: 'metadata' | 'heading' | 'line';
}

/** The Markdown parser (remark.ts), loaded on the first Markdown parse. */
let remark: typeof Remark | undefined;

/** The tree remark-parse alone builds (no guards, no fast path): what parsePlainFirst must equal. */
export function remarkTree(text: string): Root {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (remark ??= require('./remark') as typeof Remark).parseMarkdown(text);
}

/** URLs and e-mail addresses inside prose (bounded quantifiers: linear). */
const URL_OR_EMAIL = /(?:https?:\/\/|ftp:\/\/|www\.)[^\s<>"'\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef“”‘’]{1,2000}|[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,8}/g;

/** Splits [start, end) around URLs/e-mails found in it. */
function withoutUrls(text: string, start: number, end: number, out: Segment[]): void {
  const slice = text.slice(start, end);
  if (!/[/@]|www\./.test(slice)) {
    out.push({ start, end });
    return;
  }
  let pos = 0;
  for (const m of slice.matchAll(URL_OR_EMAIL)) {
    let urlEnd = m.index! + m[0].length;
    // A trailing ASCII sentence mark belongs to the prose, not the URL.
    while (urlEnd > m.index! && /[.,;:!?)]/.test(slice[urlEnd - 1])) urlEnd--;
    if (m.index! > pos) out.push({ start: start + pos, end: start + m.index! });
    pos = urlEnd;
  }
  if (pos < slice.length) out.push({ start: start + pos, end });
}

/** Chinese section numbering at the start of a line: 一、 （一） (一) 第一章 1. 1、 */
const CN_HEADING = /^\s*(?:(第[一二三四五六七八九十百零]+[章节部分条])|([一二三四五六七八九十]+、)|([（(][一二三四五六七八九十]+[）)])|([0-9]{1,2}[、.．](?![0-9])))/;

export function formatOf(filePath: string | undefined): DocFormat {
  // .docx and .html are read into plain text (core/formats).
  return filePath && /\.(txt|docx|html?)$/i.test(filePath) ? 'text' : 'markdown';
}

export class ZwgkDocument {
  readonly text: string;
  readonly filePath: string | undefined;
  readonly format: DocFormat;
  readonly tree: Root;
  readonly metadata: Metadata;
  /** Offset where the body starts (after front matter or the catalogue header). */
  readonly bodyStart: number;
  readonly segments: Segment[];
  readonly blocks: Block[];
  readonly headings: Block[];
  readonly title: Title | undefined;
  /** The document's kind (文档类型), how sure zwgk is, and why (profile/kind.ts). */
  readonly type: Kind;
  /** `\r\n`, `\r` or `\n`: the first line ending in the text (`\n` when none). */
  readonly eol: string;
  private readonly loc: ReturnType<typeof location>;

  /**
   * `pieces`: an editor's cache of this document's last parse — only the pieces of the text that changed
   * are parsed again (parser-guard.ts, parseIncremental); the model is the same as without it.
   */
  constructor(text: string, filePath?: string, format: DocFormat = formatOf(filePath), pieces?: PieceCache) {
    this.text = text;
    this.filePath = filePath;
    this.format = format;
    this.loc = location(text);
    const m = /\r\n|\r|\n/.exec(text);
    this.eol = m ? m[0] : '\n';

    if (format === 'markdown') {
      const parse = (input: string): Root => parsePlainFirst(remarkTree, input, frontMatterLimit(input));
      this.tree = pieces ? parseIncremental(parse, text, pieces, frontMatterLimit(text)) : parseGuarded(parse, text);
      const fm = this.tree.children[0];
      if (fm && fm.type === 'yaml' && fm.position) {
        this.metadata = readFrontMatter(text, fm.position.start.offset!, fm.position.end.offset!);
        this.bodyStart = fm.position.end.offset!;
      } else {
        this.metadata = readHeader(text);
        this.bodyStart = this.metadata.block ? this.metadata.block.end : 0;
        if (/^---[ \t]*(\r?\n|\r)/.test(text)) {
          const nl = text.search(/\r?\n|\r/);
          this.metadata.problems.push({ start: 0, end: nl < 0 ? text.length : nl, message: '前置元数据没有结束的“---”行' });
        }
      }
      const { segments, blocks } = collectMarkdown(this.tree, text, this.bodyStart, this.metadata.furniture);
      this.segments = segments;
      this.blocks = blocks;
    } else {
      this.metadata = readHeader(text);
      this.bodyStart = this.metadata.block ? this.metadata.block.end : 0;
      const { segments, blocks, tree } = collectText(text, this.bodyStart, this.metadata.furniture);
      this.tree = tree;
      this.segments = segments;
      this.blocks = blocks;
    }
    this.headings = this.blocks.filter((b) => b.heading !== undefined);
    this.title = findTitle(this);
    this.type = inferKind({
      title: this.title?.text,
      meta: (k) => getField(this.metadata, k as never)?.value,
      body: () => bodyOpening(text, this.bodyStart, this.metadata.furniture),
    });
  }

  /** 1-based line and column (UTF-16 code units) of an offset; offsets past the end clamp to it. */
  positionAt(offset: number): { line: number; column: number } {
    const o = Math.max(0, Math.min(offset, this.text.length));
    const p = this.loc.toPoint(o);
    if (p) return { line: p.line, column: p.column };
    // vfile-location gives no point for the very end of the text: compute from the last line.
    const before = this.text.slice(0, o);
    const lines = before.split(/\r\n|\r|\n/);
    return { line: lines.length, column: lines[lines.length - 1].length + 1 };
  }

  /** Offset of a 1-based line/column; undefined when outside the text. */
  offsetAt(line: number, column: number): number | undefined {
    return this.loc.toOffset({ line, column });
  }

  /** Text of the segment ranges joined is not needed: rules iterate `segments` and slice `text`. */
  slice(start: number, end: number): string {
    return this.text.slice(start, end);
  }

  /** Value of a metadata field by canonical key ('' when absent). */
  meta(key: Parameters<typeof getField>[1]): string {
    return getField(this.metadata, key)?.value ?? '';
  }
}

/**
 * Where front matter may end at the latest: after its closing fence, or the whole text when a text
 * opening with `---` has none (no piece is cut before it).
 */
function frontMatterLimit(text: string): number {
  const open = /^\ufeff?---[ \t]*(?:\r\n|\r|\n)/.exec(text);
  if (!open) return 0;
  const close = /(?:\r\n|\r|\n)---[ \t]*(?:\r\n|\r|\n|$)/g;
  close.lastIndex = open[0].length - 1;
  const m = close.exec(text);
  return m ? m.index + m[0].length : text.length;
}

function findTitle(doc: ZwgkDocument): Title | undefined {
  const f = getField(doc.metadata, '标题');
  if (f && f.value) return { text: f.value, start: f.start, end: f.end, from: 'metadata' };
  // A portal page's title on the line above its catalogue header (see Metadata.titleLine).
  const tl = doc.metadata.titleLine;
  if (tl) return { text: tl.text, start: tl.start, end: tl.end, from: 'line' };
  const h = doc.blocks.find((b) => b.kind === 'heading' && b.depth === 1) ?? doc.blocks.find((b) => b.kind === 'heading');
  if (h) return { text: h.text, start: h.start, end: h.end, from: 'heading' };
  const line = pickTitleLine(doc.blocks.filter((b) => b.kind !== 'tableCell'));
  return line ? { text: line.text, start: line.start, end: line.end, from: 'line' } : undefined;
}

function cnHeadingDepth(text: string): number | undefined {
  const m = CN_HEADING.exec(text);
  if (!m) return undefined;
  if (m[1]) return 1;
  if (m[2]) return 1;
  if (m[3]) return 2;
  return 3;
}

/** Heading text of a numbered paragraph: up to the first 。 when the paragraph runs on. */
function headingText(text: string): string {
  const stop = text.search(/[。：:]/);
  return stop > 0 && stop < text.length - 1 ? text.slice(0, stop) : text;
}

function toText(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string' && node.type !== 'html' && node.type !== 'yaml') return node.value;
  if ('children' in node) return (node.children as Nodes[]).map(toText).join('');
  return '';
}

function looksLikeUrl(s: string): boolean {
  return /^(https?:\/\/|www\.|mailto:)|@/i.test(s.trim());
}

type Ranges = readonly { start: number; end: number }[];

/** True when [start, end) lies within one of the (few, sorted) page-furniture lines. */
function inRanges(ranges: Ranges, start: number, end = start): boolean {
  for (const r of ranges) {
    if (start < r.start) return false;
    if (start < r.end || (start === r.start && end === r.end)) return end <= r.end;
  }
  return false;
}

function collectMarkdown(tree: Root, text: string, bodyStart: number, furniture: Ranges): { segments: Segment[]; blocks: Block[] } {
  const segments: Segment[] = [];
  const blocks: Block[] = [];
  const visit = (node: Nodes, inAutolink: boolean): void => {
    const pos = node.position;
    if (pos && furniture.length > 0 && inRanges(furniture, pos.start.offset!, pos.end.offset!)) return;
    switch (node.type) {
      case 'yaml': case 'code': case 'inlineCode': case 'html': case 'image': case 'imageReference': case 'definition':
        return;
      case 'text':
        if (!inAutolink && pos && pos.start.offset! >= bodyStart) withoutUrls(text, pos.start.offset!, pos.end.offset!, segments);
        return;
      case 'heading':
        if (pos) {
          const t = toText(node).trim();
          blocks.push({ kind: 'heading', text: t, heading: t, start: pos.start.offset!, end: pos.end.offset!, depth: node.depth });
        }
        break;
      case 'paragraph':
        if (pos && pos.start.offset! >= bodyStart) {
          const t = toText(node).trim();
          const depth = cnHeadingDepth(t);
          blocks.push({ kind: 'paragraph', text: t, heading: depth ? headingText(t) : undefined, start: pos.start.offset!, end: pos.end.offset!, depth });
        }
        break;
      case 'tableCell':
        if (pos && pos.start.offset! >= bodyStart) blocks.push({ kind: 'tableCell', text: toText(node).trim(), start: pos.start.offset!, end: pos.end.offset! });
        break;
      case 'link': {
        const t = toText(node);
        inAutolink = looksLikeUrl(t) || t === node.url;
        break;
      }
    }
    if ('children' in node) for (const c of (node as Parents).children) visit(c as Nodes, inAutolink);
  };
  visit(tree, false);
  return { segments, blocks };
}

/**
 * Plain text: every non-blank line of the body is a block and a segment; `<!-- … -->` lines and the page's
 * furniture (breadcrumbs, byline, page tools) are skipped.
 */
function collectText(text: string, bodyStart: number, furniture: Ranges): { segments: Segment[]; blocks: Block[]; tree: Root } {
  const segments: Segment[] = [];
  const blocks: Block[] = [];
  const tree: Root = { type: 'root', children: [] };
  const re = /[^\r\n]*(\r\n|\r|\n|$)/g;
  re.lastIndex = bodyStart;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) && m.index < text.length) {
    const lineStart = m.index;
    const lineEnd = lineStart + m[0].length - m[1].length;
    const raw = text.slice(lineStart, lineEnd);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed && !/^<!--.*-->$/.test(trimmed) && !(furniture.length > 0 && inRanges(furniture, lineStart + lead))) {
      const start = lineStart + lead;
      const end = start + trimmed.length;
      const depth = cnHeadingDepth(trimmed);
      blocks.push({ kind: 'line', text: trimmed, heading: depth ? headingText(trimmed) : undefined, start, end, depth });
      withoutUrls(text, start, end, segments);
    }
    if (m[0].length === 0) break;
  }
  for (const b of blocks) {
    const ptS = { line: 0, column: 0, offset: b.start };
    tree.children.push({
      type: 'paragraph',
      children: [{ type: 'text', value: text.slice(b.start, b.end), position: { start: ptS, end: { ...ptS, offset: b.end } } }],
      position: { start: ptS, end: { ...ptS, offset: b.end } },
    });
  }
  return { segments, blocks, tree };
}
