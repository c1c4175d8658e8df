/**
 * Small helpers for Chinese text: character classes and the context checks the wording and punctuation
 * rules share (inside 《》, in the same sentence …). Pure functions on strings; no regex backtracking.
 */

/** A CJK ideograph (basic block, extension A, compatibility ideographs). */
export function isHan(ch: string | undefined): boolean {
  if (!ch) return false;
  const c = ch.charCodeAt(0);
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);
}

/**
 * A character that makes the text around it "Chinese": an ideograph, CJK punctuation (、。《》〔〕…),
 * full-width forms (，：（）) or the curly quotes Chinese text uses.
 */
export function isChineseContext(ch: string | undefined): boolean {
  if (!ch) return false;
  if (isHan(ch)) return true;
  const c = ch.charCodeAt(0);
  return (c >= 0x3000 && c <= 0x303f) || (c >= 0xff01 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6)
    || c === 0x201c || c === 0x201d || c === 0x2026 || c === 0x2014;
}

export function isAsciiAlnum(ch: string | undefined): boolean {
  return !!ch && /^[A-Za-z0-9]$/.test(ch);
}

/**
 * True when `before` (the text preceding a position on the same line) leaves a bracket pair open,
 * e.g. `根据《中华人民共和国` is inside 《》. Works for 《》 and 〈〉 (and any given pair).
 */
export function insidePair(before: string, open: string, close: string): boolean {
  return before.lastIndexOf(open) > before.lastIndexOf(close);
}

/** Inside a book title: 《… or 〈… still open before the position. */
export function insideBookTitle(before: string): boolean {
  return insidePair(before, '《', '》') || insidePair(before, '〈', '〉');
}

/** A character that ends a sentence: 。；！？ or a line break (one UTF-16 code unit). */
function isSentenceEnd(c: number): boolean {
  return c === 0x3002 || c === 0xff1b || c === 0xff01 || c === 0xff1f || c === 0x0d || c === 0x0a;
}

/**
 * The sentence around [start, end) of `text`: from after the previous 。；！？ or line break to the next
 * one (at most `max` characters each side).
 */
export function sentenceAround(text: string, start: number, end: number, max = 300): { before: string; after: string } {
  // Character codes, not a one-character string and a regex run per character.
  let a = start;
  while (a > 0 && start - a < max && !isSentenceEnd(text.charCodeAt(a - 1))) a--;
  let b = end;
  while (b < text.length && b - end < max && !isSentenceEnd(text.charCodeAt(b))) b++;
  return { before: text.slice(a, start), after: text.slice(end, b) };
}

/** The clause before `start`: back to the previous punctuation mark or space (at most `max` characters). */
export function clauseBefore(text: string, start: number, max = 12): string {
  let a = start;
  while (a > 0 && start - a < max && !/[\s，。；：、,;:！？!?（）()“”"《》]/.test(text[a - 1])) a--;
  return text.slice(a, start);
}

/** Escapes a literal for use inside a RegExp. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
