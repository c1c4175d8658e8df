/**
 * Masking personal numbers in whatever zwgk shows or writes besides the draft itself: messages and their
 * data (so every CLI format and every LSP diagnostic), hovers, code action titles, server logs.
 *
 * The privacy rules already mask the number they report; this is the guarantee for everything else — a
 * rule that quotes a title, a 文号 or a link value, an exception message, a log line. Masked the way the
 * rules mask by default:
 *   - an 18-character 身份证号 with a valid GB 11643 check digit, or a 15-digit one with a plausible
 *     province and birth date: first 2 and last 2 kept (`46**************32`);
 *   - a 16–19-digit number that passes Luhn (a bank card): first 4 and last 4 kept;
 *   - a mobile number (1[3-9] + 9 digits, grouped or not, after +86 or not): first 3 and last 4 kept.
 * Separators are kept. Unlike the rules, only a digit glues a number to its neighbours (a path or a URL
 * in a message may hold one), and invisible characters, no-break spaces and character references inside
 * a number are looked through. Text with fewer than 11 digits is returned as it is (the common case, no regex run).
 * Linear time: the candidate regexes of util/privacy.ts use bounded quantifiers only.
 */
import {
  cardCandidates, idCandidates, isPlausibleId15, isValidId18, luhnValid, maskNumber, phoneCandidates, type NumberCandidate,
} from './util/privacy';

function digitCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19)) n++;
  }
  return n;
}

interface Span { start: number; end: number; text: string }

/**
 * Recent answers for texts with enough digits to hold a number: the same message (a deadline with its
 * dates, a masked number) recurs in every draft of a run. Bounded, and emptied when full.
 */
const recent = new Map<string, string>();
const RECENT_MAX = 2048;

/** `text` with every personal number in it masked (see the module comment). */
export function redactPersonalData(text: string): string {
  if (typeof text !== 'string' || digitCount(text) < 11) return text;
  let out = recent.get(text);
  if (out === undefined) {
    if (recent.size >= RECENT_MAX) recent.clear();
    recent.set(text, (out = redact(text)));
  }
  return out;
}

function redact(text: string): string {
  const spans: Span[] = [];
  const free = (c: NumberCandidate) => !spans.some((s) => c.start < s.end && s.start < c.end);
  // As a reader sees the number (invisible characters, odd spaces and character references looked
  // through), and glued only to other digits: a file name `张三460100198001011236.md` is masked too.
  const opts = { entities: true, loose: true };
  for (const c of idCandidates(text, opts)) {
    const valid = c.digits.length === 18 ? isValidId18(c.digits) : isPlausibleId15(c.digits);
    if (valid && free(c)) spans.push({ start: c.start, end: c.end, text: maskNumber(c.raw, 2, 2) });
  }
  for (const c of cardCandidates(text, opts)) {
    if (luhnValid(c.digits) && free(c)) spans.push({ start: c.start, end: c.end, text: maskNumber(c.raw, 4, 4) });
  }
  for (const c of phoneCandidates(text, opts)) {
    if (free(c)) spans.push({ start: c.start, end: c.end, text: maskNumber(c.raw, 3, 4) });
  }
  if (spans.length === 0) return text;
  spans.sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const s of spans) {
    out += text.slice(at, s.start) + s.text;
    at = s.end;
  }
  return out + text.slice(at);
}

/** Strings inside a message's `data` (nested arrays and plain objects, a few levels deep) redacted. */
export function redactData<T>(value: T, depth = 0): T {
  if (typeof value === 'string') return redactPersonalData(value) as T;
  if (depth > 4 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    let changed = false;
    const out = value.map((v) => {
      const r = redactData(v, depth + 1);
      if (r !== v) changed = true;
      return r;
    });
    return (changed ? out : value) as T;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype) return value;
  let out: Record<string, unknown> | undefined;
  const obj = value as Record<string, unknown>;
  for (const k of Object.keys(obj)) {
    const v = obj[k];
    // Numbers, booleans and short strings (an ISO date, a kind) cannot hold a personal number.
    if (typeof v !== 'object' && (typeof v !== 'string' || v.length < 11)) continue;
    const r = redactData(v, depth + 1);
    if (r !== v) (out ??= { ...obj })[k] = r;
  }
  return (out ?? value) as T;
}
