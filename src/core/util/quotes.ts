/**
 * Text inside quotation marks (“…”, 「…」, 『…』): a passage a draft reproduces from another document or
 * from evidence (a 行政处罚决定书 quoting a statement) is not what the drafter wrote, and form rules never
 * rewrite it. A quoted term or name (“放管服”) is the drafter's own. Pairs are matched within one block (a paragraph, a line, a table cell), innermost first; an
 * unclosed mark quotes nothing.
 */
import type { ZwgkDocument } from '../document';

/** Opening marks (“ 「 『) and their closing ones, as char codes (no one-character string per position). */
const OPEN_CODES = [0x201c, 0x300c, 0x300e];
const CLOSE_CODES = [0x201d, 0x300d, 0x300f];

const cache = new WeakMap<ZwgkDocument, { start: number; end: number }[]>();

/** Ranges of quoted text (inside the marks), sorted by start. */
export function quotedRanges(doc: ZwgkDocument): { start: number; end: number }[] {
  let out = cache.get(doc);
  if (out) return out;
  out = [];
  const text = doc.text;
  for (const b of doc.blocks) {
    const stack: { close: number; at: number }[] = [];
    for (let i = b.start; i < b.end; i++) {
      const c = text.charCodeAt(i);
      // Every mark is above U+2000: ASCII, Latin and most punctuation stop here.
      if (c < 0x201c) continue;
      const open = OPEN_CODES.indexOf(c);
      if (open >= 0) { stack.push({ close: CLOSE_CODES[open], at: i }); continue; }
      // (No read of stack[-1]: an out-of-bounds read is V8's slow path, and most characters get here.)
      if (stack.length === 0) continue;
      const top = stack[stack.length - 1];
      if (c === top.close) {
        stack.pop();
        // The outermost quotation covers the inner ones.
        if (stack.length === 0) out.push({ start: top.at + 1, end: i });
      }
    }
  }
  out.sort((a, b) => a.start - b.start);
  cache.set(doc, out);
  return out;
}

/**
 * A quotation that reproduces text — a sentence (with 、，。；： or their half-width forms) or a long
 * passage — as opposed to a quoted term or name (“放管服”, “信用中国(海南)”), which is the drafter's own
 * writing.
 */
function isPassage(doc: ZwgkDocument, r: { start: number; end: number }): boolean {
  if (r.end - r.start >= 20) return true;
  return r.end - r.start >= 6 && /[，。；：,.;:！？!?]/.test(doc.text.slice(r.start, r.end));
}

const passages = new WeakMap<ZwgkDocument, { start: number; end: number }[]>();

/** True when [start, end) lies inside a quotation that reproduces a passage (see `isPassage`). */
export function isQuoted(doc: ZwgkDocument, start: number, end = start): boolean {
  let rs = passages.get(doc);
  if (!rs) passages.set(doc, (rs = quotedRanges(doc).filter((r) => isPassage(doc, r))));
  let lo = 0, hi = rs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = rs[mid];
    if (r.end < end) lo = mid + 1;
    else if (r.start > start) hi = mid - 1;
    else return r.start <= start && end <= r.end;
  }
  return false;
}
