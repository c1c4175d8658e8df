/**
 * The text a reader makes from a .docx or .html file, and the way back: every piece of the text knows
 * where it came from (a Word paragraph, a table cell, a note; a span of the HTML source), so a message
 * found in the text can be reported where the drafter will look for it.
 */

/** Where a Word text came from. */
export type DocxPart = 'body' | 'table' | 'footnote' | 'endnote' | 'textbox' | 'catalogue' | 'property';

export interface DocxOrigin {
  part: DocxPart;
  /** Body paragraphs, 1-based, counting the non-empty ones outside tables (what a reader counts). */
  paragraph?: number;
  /** Tables 1-based in document order; row and cell 1-based. */
  table?: number;
  row?: number;
  cell?: number;
  /** Footnote or endnote number as shown (1-based, in order of first reference). */
  note?: number;
  /** A document property (`标题`, a custom property name). */
  property?: string;
  /** The paragraph's text (for excerpts). */
  text?: string;
}

/** A message's place in a .docx: a paragraph, a table cell, a note or a property, with an excerpt. */
export interface DocxLocation extends Omit<DocxOrigin, 'text'> {
  format: 'docx';
  /** Chinese label: `第12段`, `表1 第2行第3列`, `脚注2`, `文档属性“标题”`, `目录表“文号”`. */
  label: string;
  /** The reported text with a little context, masked like messages (personal numbers never appear whole). */
  excerpt: string;
}

/** A message's place in an .html file: UTF-16 offsets into the decoded HTML source. */
export interface HtmlLocation {
  format: 'html';
  start: number;
  end: number;
}

export type SourceLocation = DocxLocation | HtmlLocation;

interface Piece<O> {
  /** Offset of the piece in the text. */
  at: number;
  origin: O;
  /** Source span (HTML offsets); `linear`: the piece's text is the source slice, character for character. */
  src?: number;
  srcEnd?: number;
  linear?: boolean;
}

/** Builds the text and its map, piece by piece. */
export class TextBuilder<O> {
  text = '';
  private readonly pieces: Piece<O>[] = [];

  add(s: string, origin: O, src?: { start: number; end: number; linear: boolean }): void {
    if (!s) return;
    const last = this.pieces[this.pieces.length - 1];
    // Consecutive linear pieces of one contiguous source span merge (keeps the map small).
    if (last && src && last.linear && src.linear && last.origin === origin && last.srcEnd === src.start && this.text.length - last.at === last.srcEnd - last.src!) {
      last.srcEnd = src.end;
    } else {
      this.pieces.push({ at: this.text.length, origin, ...(src ? { src: src.start, srcEnd: src.end, linear: src.linear } : {}) });
    }
    this.text += s;
  }

  /** The last character written ('' at the start). */
  lastChar(): string {
    return this.text.length ? this.text[this.text.length - 1] : '';
  }

  map(): SourceMap<O> {
    return new SourceMap(this.text, this.pieces);
  }
}

export class SourceMap<O> {
  constructor(readonly text: string, private readonly pieces: readonly Piece<O>[]) {}

  /** Index of the piece holding text offset `t` (the last piece starting at or before it). */
  private indexAt(t: number): number {
    let lo = 0, hi = this.pieces.length - 1, found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.pieces[mid].at <= t) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }

  /** The origin of the character at text offset `t` (undefined before the first piece). */
  originAt(t: number): O | undefined {
    const i = this.indexAt(t);
    return i >= 0 ? this.pieces[i].origin : undefined;
  }

  /** The source range of text range [start, end), for readers that record source spans (HTML). */
  sourceRange(start: number, end: number): { start: number; end: number } | undefined {
    const a = this.sourceOffset(start, false);
    const b = end > start ? this.sourceOffset(end, true) : a;
    if (a === undefined || b === undefined) return undefined;
    return { start: a, end: Math.max(a, b) };
  }

  /**
   * Source offset of text offset `t`. As a start (`isEnd` false): where the character at `t` begins; as
   * an end: just after the character before `t`. Synthetic text (a line break between blocks) maps to
   * the nearest real source.
   */
  private sourceOffset(t: number, isEnd: boolean): number | undefined {
    let i = this.indexAt(isEnd ? t - 1 : t);
    if (i < 0) i = 0;
    // Skip pieces without a source span (line breaks), forwards for a start and backwards for an end.
    while (i >= 0 && i < this.pieces.length && this.pieces[i].src === undefined) i += isEnd ? -1 : 1;
    const p = this.pieces[i];
    if (!p || p.src === undefined) return undefined;
    const next = this.pieces[i + 1];
    const pieceEnd = next ? next.at : this.text.length;
    if (isEnd) {
      if (t - 1 >= pieceEnd || t - 1 < p.at) return p.srcEnd;
      return p.linear ? p.src + (t - p.at) : p.srcEnd;
    }
    if (t < p.at) return p.src;
    if (t >= pieceEnd) return p.srcEnd;
    return p.linear ? p.src + (t - p.at) : p.src;
  }
}
