/**
 * Word (.docx) and web pages (.html/.htm): readers turn them into the text the document model knows
 * (a portal page's plain-text shape), zwgk lints that text, and every message is mapped back to where
 * the drafter will look — a paragraph or table cell with an excerpt (.docx), or the HTML source (.html).
 * Pure: bytes or strings in, messages out; the CLI and the server read the files.
 *
 *   docx.ts   .docx → text + map (fflate to unzip, our XML reader over word/document.xml)
 *   html.ts   .html → text + map (hast-util-from-html, with source positions); decodeHtml for bytes
 *   numbering.ts  Word's automatic numbering (一、（一）1.)
 *   catalogue.ts  catalogue labels → header keys; source-map.ts the text ↔ source map; xml.ts the XML reader
 */
import { location } from 'vfile-location';
import { ZwgkDocument } from '../document';
import { lintDocument, type LintOptions } from '../engine';
import { redactPersonalData } from '../redact';
import type { LintMessage } from '../types';
import { readDocx } from './docx';
import { readHtml, decodeHtml } from './html';
import { FormatError } from './errors';
import type { DocxLocation, DocxOrigin, HtmlLocation, SourceLocation, SourceMap } from './source-map';

export { FormatError } from './errors';
export { decodeHtml, readHtml } from './html';
export { readDocx } from './docx';
export type { DocxLocation, HtmlLocation, SourceLocation, DocxPart } from './source-map';

export type SourceFormat = 'docx' | 'html';

/** A .docx or .html file read into zwgk's text, with the way back to the file. */
export interface SourceText {
  format: SourceFormat;
  /** The text zwgk checks (a plain-text draft: catalogue header lines, then one paragraph per line). */
  text: string;
  /** What the reader noticed that the drafter should know (Chinese). */
  notes: string[];
  /** Where text range [start, end) is in the file. */
  locate(start: number, end: number): SourceLocation;
  /** For .html: the decoded HTML and the encoding it was read in. */
  html?: string;
  encoding?: string;
}

/** The file formats zwgk reads besides Markdown and plain text, by file name. */
export function sourceFormatOf(filePath: string | undefined): SourceFormat | undefined {
  if (!filePath) return undefined;
  if (/\.docx$/i.test(filePath)) return 'docx';
  if (/\.html?$/i.test(filePath)) return 'html';
  return undefined;
}

/** Word formats zwgk cannot read (old binary .doc, WPS, macro-enabled, templates): the message to give. */
export function unsupportedFormatMessage(filePath: string): string | undefined {
  const m = /\.(doc|wps|docm|dotx|dot|rtf|odt|pdf)$/i.exec(filePath);
  if (!m) return undefined;
  const ext = m[1].toLowerCase();
  if (ext === 'pdf') return '不支持 PDF 文件：请检查其 Word 原稿（.docx），或另存为文本后检查';
  return `不支持 .${ext} 文件：请在 Word 或 WPS 中“另存为”Word 文档（.docx）后再检查`;
}

const EXCERPT_CONTEXT = 12;
const EXCERPT_MAX = 40;

function excerptOf(text: string, start: number, end: number): string {
  let lineStart = Math.max(text.lastIndexOf('\n', start - 1) + 1, 0);
  let lineEnd = text.indexOf('\n', start);
  if (lineEnd < 0) lineEnd = text.length;
  // In a table row, the excerpt stays within the cell.
  const cellStart = text.lastIndexOf(' | ', start - 1);
  if (cellStart >= lineStart) lineStart = cellStart + 3;
  const cellEnd = text.indexOf(' | ', Math.max(start, end - 1));
  if (cellEnd >= 0 && cellEnd < lineEnd) lineEnd = cellEnd;
  if (start < lineStart || start > lineEnd) return redactPersonalData(text.slice(start, Math.min(end, start + EXCERPT_MAX)));
  const a = Math.max(lineStart, start - EXCERPT_CONTEXT);
  const stop = Math.min(end, start + EXCERPT_MAX, lineEnd);
  const b = Math.min(lineEnd, stop + EXCERPT_CONTEXT);
  const s = (a > lineStart ? '…' : '') + text.slice(a, b).trim() + (b < lineEnd ? '…' : '');
  return redactPersonalData(s);
}

function docxLabel(o: DocxOrigin | undefined): string {
  if (!o) return '文件开头';
  switch (o.part) {
    case 'body': return o.paragraph ? `第${o.paragraph}段` : '正文';
    case 'textbox': return `第${o.paragraph}段的文本框`;
    case 'table': case 'catalogue': return `表${o.table} 第${o.row}行第${o.cell}列`;
    case 'footnote': return `脚注${o.note}`;
    case 'endnote': return `尾注${o.note}`;
    case 'property': return `文档属性“${o.property}”`;
  }
}

function docxSource(read: { text: string; map: SourceMap<DocxOrigin>; notes: string[] }): SourceText {
  return {
    format: 'docx',
    text: read.text,
    notes: read.notes,
    locate(start, end): DocxLocation {
      const o = read.map.originAt(start);
      const { text: _t, ...where } = o ?? ({ part: 'body' } as DocxOrigin);
      void _t;
      return { format: 'docx', ...where, label: docxLabel(o), excerpt: excerptOf(read.text, start, end) };
    },
  };
}

function htmlSource(read: { text: string; map: SourceMap<undefined>; html: string; notes: string[] }, encoding?: string): SourceText {
  return {
    format: 'html',
    text: read.text,
    notes: read.notes,
    html: read.html,
    encoding,
    locate(start, end): HtmlLocation {
      const r = read.map.sourceRange(start, end) ?? { start: 0, end: 0 };
      return { format: 'html', start: r.start, end: r.end };
    },
  };
}

/** Reads a .docx (bytes) or .html (bytes, decoded by the page's charset); throws FormatError. */
export function readSource(format: SourceFormat, bytes: Uint8Array): SourceText {
  if (format === 'docx') return docxSource(readDocx(bytes));
  const decoded = decodeHtml(bytes);
  return htmlSource(readHtml(decoded.html), decoded.encoding);
}

/** Reads an HTML page already decoded (an editor buffer). */
export function readHtmlSource(html: string): SourceText {
  return htmlSource(readHtml(html));
}

/** The document model of a source's text (plain-text shape). */
export function sourceDocument(src: SourceText, filePath?: string): ZwgkDocument {
  return new ZwgkDocument(src.text, filePath, 'text');
}

/**
 * Maps messages on a source's text back to the file: each gets `location`; for .html the offsets, line
 * and column become those of the HTML source. Fixes are dropped: zwgk never rewrites a .docx or .html.
 */
export function locateMessages(src: SourceText, messages: readonly LintMessage[]): LintMessage[] {
  const loc = src.html !== undefined ? location(src.html) : undefined;
  const point = (offset: number) => {
    const p = loc!.toPoint(offset);
    if (p) return { line: p.line, column: p.column };
    const before = src.html!.slice(0, offset).split(/\r\n|\r|\n/);
    return { line: before.length, column: before[before.length - 1].length + 1 };
  };
  return messages.map((m) => {
    const { fix: _fix, ...rest } = m;
    void _fix;
    const where = src.locate(m.start, m.end);
    const out: LintMessage = { ...rest, location: where };
    if (where.format === 'html' && loc) {
      // An .html message's offsets, lines and columns are all in the HTML source.
      out.start = where.start;
      out.end = where.end;
      const a = point(where.start);
      const b = point(where.end);
      out.line = a.line;
      out.column = a.column;
      out.endLine = b.line;
      out.endColumn = b.column;
    }
    return out;
  });
}

export interface SourceLintResult {
  document: ZwgkDocument;
  messages: LintMessage[];
  /** How many messages had a fix that was not applied (zwgk does not rewrite these files). */
  unfixed: number;
}

/** Lints a read source and maps its messages back (see locateMessages). */
export function lintSource(src: SourceText, filePath: string | undefined, options: LintOptions = {}): SourceLintResult {
  const document = sourceDocument(src, filePath);
  const raw = lintDocument(document, options);
  return { document, messages: locateMessages(src, raw), unfixed: raw.filter((m) => m.fix).length };
}

/** Whether an error is a reader's (the file is not what its name says) rather than zwgk's. */
export function isFormatError(e: unknown): e is FormatError {
  return e instanceof FormatError;
}

export { exportDocx, draftBlocks, FONTS, LAYOUT, type ExportOptions } from './export-docx';
export { checkDocxExport, type RoundTrip } from './round-trip';
