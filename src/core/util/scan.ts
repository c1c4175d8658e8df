/** Scanning the prose of a draft: regex matches inside the document's segments, in document offsets. */
import type { ZwgkDocument, Segment } from '../document';

export interface SegmentMatch {
  /** The match array (indices relative to the segment). */
  match: RegExpExecArray;
  /** Document offsets of the whole match. */
  start: number;
  end: number;
  segment: Segment;
}

/**
 * Every match of `re` (must have the `g` flag) in every prose segment of `doc`. Use bounded
 * quantifiers so each scan stays linear.
 */
export function* scanSegments(doc: ZwgkDocument, re: RegExp): Generator<SegmentMatch> {
  if (!re.global) throw new Error('scanSegments needs a global regex');
  for (const segment of doc.segments) {
    const text = doc.text.slice(segment.start, segment.end);
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      if (m[0].length === 0) { re.lastIndex++; continue; }
      yield { match: m, start: segment.start + m.index, end: segment.start + m.index + m[0].length, segment };
    }
  }
}

const isEol = (c: number) => c === 0x0a || c === 0x0d;

/** The text around [start, end) within its line, for context checks (e.g. “监督电话” before a number). */
export function lineAround(doc: ZwgkDocument, start: number, end: number): { before: string; after: string } {
  const text = doc.text;
  // Character codes, not one-character strings: this runs for every match of several rules.
  let a = start;
  while (a > 0 && !isEol(text.charCodeAt(a - 1)) && start - a < 200) a--;
  let b = end;
  while (b < text.length && !isEol(text.charCodeAt(b)) && b - end < 200) b++;
  return { before: text.slice(a, start), after: text.slice(end, b) };
}

/**
 * Offset where the line holding `offset` starts. Lines end at `\n`, `\r\n` or a lone `\r` (old Mac
 * files) — the same breaks the Markdown parser and `positionAt` know.
 */
export function lineStartAt(text: string, offset: number): number {
  let i = Math.min(offset, text.length);
  while (i > 0 && !isEol(text.charCodeAt(i - 1))) i--;
  return i;
}
