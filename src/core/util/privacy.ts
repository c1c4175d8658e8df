/**
 * Personal numbers in a draft — 身份证号 (GB 11643-1999), mobile numbers, bank card numbers — shared by the
 * `personal-id-number`, `personal-phone` and `bank-card-number` rules: validation (check digit, Luhn, birth
 * date), candidate scanning with exact ranges, the label a number stands under (“监督电话：”, a table's
 * “银行卡号” column, a metadata key) and masking.
 *
 * Every scanning regex uses bounded quantifiers only (linear time). Fullwidth digits (０-９) count as digits;
 * they are one UTF-16 code unit each, so ranges stay exact.
 */
import type { Table } from 'mdast';
import type { ZwgkDocument, Segment } from '../document';

// ————————————————————————————————— digits —————————————————————————————————

/** One digit, ASCII or fullwidth. */
export const D = '[0-9\\uFF10-\\uFF19]';

/** ASCII digits (fullwidth folded); other characters removed (separators) except X (ID check digit). */
export function normalizeDigits(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (c >= 0x30 && c <= 0x39) out += ch;
    else if (c >= 0xff10 && c <= 0xff19) out += String.fromCharCode(c - 0xff10 + 0x30);
    else if (ch === 'X' || ch === 'x' || ch === 'Ｘ' || ch === 'ｘ') out += 'X';
  }
  return out;
}

function isDigitChar(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);
}

// ————————————————————————————————— validation —————————————————————————————————

/** First two digits of a 身份证号: province-level division codes (GB/T 2260), incl. 71 台湾, 81 香港, 82 澳门, 83 (台湾居民居住证). */
const PROVINCES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43',
  '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82', '83',
]);

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** GB 11643-1999 check character (ISO 7064 MOD 11-2) of the first 17 digits. */
export function gb11643CheckDigit(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * ID_WEIGHTS[i];
  return ID_CHECK[sum % 11];
}

/** A plausible birth date: a real calendar day between 1900-01-01 and the end of the current year. */
export function plausibleBirthDate(y: number, m: number, d: number, maxYear = new Date().getFullYear()): boolean {
  if (y < 1900 || y > maxYear || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** An 18-character 身份证号 (normalized: 17 digits + digit/X): province code, birth date and check digit. */
export function isValidId18(id: string): boolean {
  if (!/^[0-9]{17}[0-9X]$/.test(id)) return false;
  if (!PROVINCES.has(id.slice(0, 2))) return false;
  if (!plausibleBirthDate(+id.slice(6, 10), +id.slice(10, 12), +id.slice(12, 14))) return false;
  return gb11643CheckDigit(id) === id[17];
}

/**
 * An 18-character number shaped like a 身份证号 — province code and birth date plausible — whatever its check
 * character: a mistyped ID (one wrong digit) still discloses most of a real one.
 */
export function isPlausibleId18(id: string): boolean {
  if (!/^[0-9]{17}[0-9X]$/.test(id)) return false;
  if (!PROVINCES.has(id.slice(0, 2))) return false;
  return plausibleBirthDate(+id.slice(6, 10), +id.slice(10, 12), +id.slice(12, 14));
}

/**
 * A 15-digit 身份证号 (issued before 1999: 6-digit area, YYMMDD in the 1900s, 3-digit sequence). It has no
 * check digit, so only the province code and the birth date can be verified — about 1 in 30 random
 * 15-digit numbers pass, too many for an unlabelled number. Callers require a 身份证 label.
 */
export function isPlausibleId15(id: string): boolean {
  if (!/^[0-9]{15}$/.test(id)) return false;
  if (!PROVINCES.has(id.slice(0, 2))) return false;
  return plausibleBirthDate(1900 + +id.slice(6, 8), +id.slice(8, 10), +id.slice(10, 12), 1999);
}

/** Luhn (ISO/IEC 7812) check over a digit string. */
export function luhnValid(digits: string): boolean {
  if (!/^[0-9]+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let n = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) { n *= 2; if (n > 9) n -= 9; }
    sum += n;
  }
  return sum % 10 === 0;
}

/**
 * Issuer prefixes of the cards a Chinese notice lists: UnionPay 62 (and 60/65/68/69 domestic issuers), Visa 4,
 * Mastercard 51–55/2221–2720, JCB 35, Amex 34/37, and the old domestic 955x cards (95588…, 95599…).
 * Statistical identifiers (统一社会信用代码 start with 1/5/9[1-3], 索引号 with an organisation code) mostly fall outside.
 */
export function hasCardIssuerPrefix(digits: string): boolean {
  return /^(?:6[0-9]|4|5[1-5]|2(?:2[2-9]|[3-6][0-9]|7[01]|720)|3[457]|955)/.test(digits);
}

// ————————————————————————————————— candidates —————————————————————————————————

export type PersonalKind = 'id' | 'phone' | 'card';

export interface NumberCandidate {
  kind: PersonalKind;
  /** Offsets relative to the scanned string: the number itself (a `+86` prefix excluded). */
  start: number;
  end: number;
  /** The number as written (separators kept). */
  raw: string;
  /** Normalized: ASCII digits (and X), no separators. */
  digits: string;
  /** Split by inline Markdown (`139**1234**5678`, `139<span>1234</span>5678`): no fix is offered. */
  markup?: boolean;
}

/** Not glued to a longer alphanumeric code (serials, credit codes, 索引号, URLs like post_2562789). */
const LONG_BEFORE = `(?<![0-9\\uFF10-\\uFF19A-Za-z])(?<![0-9\\uFF10-\\uFF19A-Za-z][\\-_/.．])`;
const LONG_AFTER = `(?![0-9\\uFF10-\\uFF19A-Za-z])(?![\\-_/.．][0-9\\uFF10-\\uFF19A-Za-z])`;
/** Loose (redaction of output): only another digit glues — `张三460100198001011236.md` is masked too. */
const LOOSE_BEFORE = `(?<![0-9\\uFF10-\\uFF19])`;
const LOOSE_AFTER = `(?![0-9\\uFF10-\\uFF19])`;

interface CandidateRes { id: RegExp; phone: RegExp; card: RegExp }

function candidateRes(before: string, after: string): CandidateRes {
  return {
    /** 18 characters (17 digits + digit/X), optionally grouped 6-8-4 by single spaces or hyphens; or 15 digits. */
    id: new RegExp(`${before}(?:${D}{6}([ \\-]?)${D}{8}\\1${D}{3}[0-9\\uFF10-\\uFF19XxＸｘ]|${D}{15})${after}`, 'g'),
    /**
     * Mobile: 1[3-9] + 9 digits, ungrouped or grouped 3-4-4 or 4-3-4 by one kind of separator (space, hyphen,
     * dot, slash), optionally after +86 / 86. A phone may follow a letter or `/` (“Tel:”,
     * “13812345678/13987654321”) but never a digit, `digit-` or `digit.`.
     */
    phone: new RegExp(
      `(?<![0-9\\uFF10-\\uFF19])(?<![0-9\\uFF10-\\uFF19][\\-－.．])` +
      `((?:[+＋]|00)?86[ \\-－]?)?` +
      `([1１][3-9３-９](?:${D}([ \\-－.．/]?)${D}{4}\\3|${D}{2}([ \\-－.．/]?)${D}{3}\\4)${D}{4})` +
      `(?![0-9\\uFF10-\\uFF19])(?![\\-－.．][0-9\\uFF10-\\uFF19])`,
      'g',
    ),
    /** 16–19 digits, ungrouped or grouped in fours by single spaces or hyphens (the last group 1–3 digits). */
    card: new RegExp(`${before}${D}{4}([ \\-]?)${D}{4}\\1${D}{4}\\1${D}{4}(?:\\1${D}{1,3})?${after}`, 'g'),
  };
}

const STRICT = candidateRes(LONG_BEFORE, LONG_AFTER);
const LOOSE = candidateRes(LOOSE_BEFORE, LOOSE_AFTER);

/** The patterns, strict and loose (for tests: what they match must pass the digit-chain filter). */
export function candidatePatterns(): { strict: Readonly<CandidateRes>; loose: Readonly<CandidateRes> } {
  return { strict: STRICT, loose: LOOSE };
}
const ID_RE = STRICT.id;
const PHONE_RE = STRICT.phone;
const CARD_RE = STRICT.card;

// ————————————————————————————————— what a reader sees —————————————————————————————————

/**
 * Characters a published page shows as nothing — zero-width space/joiners, word joiner, soft hyphen,
 * direction marks and embeddings, BOM: a number with one inside still reads as the whole number.
 */
export const INVISIBLE = /[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;
/** Spaces that group digits like a space: no-break, ideographic (U+3000), thin, figure … */
export const SPACE_LIKE = /[\u00a0\u2000-\u200a\u202f\u205f\u3000]/;
/** Dashes that group digits like a hyphen. */
export const DASH_LIKE = /[\u2010-\u2015\u2212\ufe58\ufe63]/;

export const PLAIN = 0;
export const HIDDEN = 1;
export const SPACE = 2;
export const DASH = 3;

/**
 * What one UTF-16 code unit is to a reader of digits: HIDDEN (INVISIBLE), SPACE (a space or SPACE_LIKE),
 * DASH (DASH_LIKE) or PLAIN — by comparisons, as normalise asks it of every character (a test checks it
 * against the patterns for every code unit).
 */
export function charKind(c: number): number {
  if (c < 0xa0) return c === 0x20 ? SPACE : PLAIN;
  if (c === 0xa0 || c === 0x202f || c === 0x205f || c === 0x3000 || (c >= 0x2000 && c <= 0x200a)) return SPACE;
  if (c === 0xad || c === 0x61c || c === 0x180e || c === 0xfeff || (c >= 0x200b && c <= 0x200f) || (c >= 0x202a && c <= 0x202e)
    || (c >= 0x2060 && c <= 0x2064) || (c >= 0x2066 && c <= 0x2069)) return HIDDEN;
  if ((c >= 0x2010 && c <= 0x2015) || c === 0x2212 || c === 0xfe58 || c === 0xfe63) return DASH;
  return PLAIN;
}

/** ASCII that normalise may treat specially: `&` (entities), the inline markup of markupAt, and the space. */
const SPECIAL_ASCII = new Set([...'&*_~`<[] '].map((c) => c.charCodeAt(0)));
/** Something to normalise (checked first: most text has none, and is scanned as it is). */
const NEEDS_NORMALISING = /[\u00a0\u00ad\u061c\u180e\u2000-\u200f\u2010-\u2015\u202a-\u202f\u205f-\u2064\u2066-\u2069\u2212\u3000\ufe58\ufe63\ufeff]| {2}/;
const ENTITY_AT = /&(?:#([0-9]{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));/y;
/** Named entities that matter here (the rest are left as written). */
const NAMED: Record<string, string> = {
  nbsp: '\u00a0', ensp: '\u2002', emsp: '\u2003', thinsp: '\u2009', numsp: '\u2007', puncsp: '\u2008',
  ZeroWidthSpace: '\u200b', zwnj: '\u200c', zwj: '\u200d', lrm: '\u200e', rlm: '\u200f', NoBreak: '\u2060', shy: '\u00ad',
  hyphen: '\u2010', dash: '\u2010', ndash: '\u2013', mdash: '\u2014', minus: '\u2212',
};

/** The character an entity at `i` stands for, and its length; undefined when there is none. */
function entityAt(text: string, i: number): { ch: string; length: number } | undefined {
  ENTITY_AT.lastIndex = i;
  const m = ENTITY_AT.exec(text);
  if (!m) return undefined;
  let ch: string | undefined;
  if (m[3] !== undefined) ch = NAMED[m[3]];
  else {
    const cp = m[1] !== undefined ? parseInt(m[1], 10) : parseInt(m[2], 16);
    if (cp > 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff)) ch = String.fromCodePoint(cp);
  }
  return ch === undefined ? undefined : { ch, length: m[0].length };
}

/** The text as the candidate patterns see it, and where each of its characters came from. */
interface Normalised {
  text: string;
  /** Raw offsets of each character's start and end; undefined when the text is unchanged. */
  starts?: number[];
  ends?: number[];
}

/**
 * `raw` as a reader sees its digits: invisible characters dropped, no-break/ideographic/thin spaces as a
 * space, a run of exactly two spaces as one, every dash as `-`, and (with `entities`, Markdown outside
 * code) character references such as `&#8203;`, `&nbsp;` or `&#49;` as the character they stand for.
 * Each character keeps the raw range it came from, so ranges map back exactly.
 */
function normalise(raw: string, entities: boolean, markup = false): Normalised {
  if (!markup && !NEEDS_NORMALISING.test(raw) && !(entities && raw.includes('&'))) return { text: raw };
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  // spaces seen but not yet written (a run of two becomes one)
  let pending: [number, number][] = [];
  const flush = (): void => {
    const run = pending.length === 2 ? [[pending[0][0], pending[1][1]] as [number, number]] : pending;
    for (const [a, b] of run) {
      text += ' ';
      starts.push(a);
      ends.push(b);
    }
    pending = [];
  };
  for (let i = 0; i < raw.length;) {
    // A run of ordinary characters (most of the text) is copied as it is.
    let j = i;
    for (let c = raw.charCodeAt(j); j < raw.length && ((c < 0xa0 && !SPECIAL_ASCII.has(c)) || (c >= 0x3001 && c < 0xd800)); c = raw.charCodeAt(++j));
    if (j > i) {
      if (pending.length) flush();
      text += raw.slice(i, j);
      for (let k = i; k < j; k++) {
        starts.push(k);
        ends.push(k + 1);
      }
      i = j;
      continue;
    }
    let ch = raw[i];
    let len = 1;
    const code = raw.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < raw.length) {
      ch = raw.slice(i, i + 2);
      len = 2;
    } else if (ch === '&' && entities) {
      const e = entityAt(raw, i);
      if (e) {
        ch = e.ch;
        len = e.length;
      }
    }
    const kind = ch.length === 1 ? charKind(ch.charCodeAt(0)) : PLAIN;
    if (kind === HIDDEN) {
      i += len;
      continue;
    }
    if (markup) {
      const skip = markupAt(raw, i);
      if (skip) {
        i += skip;
        continue;
      }
    }
    if (kind === SPACE) {
      pending.push([i, i + len]);
      i += len;
      continue;
    }
    if (pending.length) flush();
    text += kind === DASH ? '-' : ch;
    for (let k = 0; k < ch.length; k++) {
      starts.push(i);
      ends.push(i + len);
    }
    i += len;
  }
  if (pending.length) flush();
  return { text, starts, ends };
}

/** An inline HTML tag (`<span>`, `</b>`, `<font color="red">`). */
const TAG_AT = /<\/?[A-Za-z][A-Za-z0-9-]{0,20}(?:[ \t][^<>\n]{0,200})?\/?>/y;
/** The destination of a link or image, `](…)`. */
const DESTINATION_AT = /\]\([^()\n]{0,300}\)/y;
/** The `[` of a link: its text, then `](`. */
const LINK_OPEN_AT = /\[[^[\]\n]{0,300}\]\(/y;

/**
 * How many characters of inline Markdown start at `i` (0: none) — what a page does not show between the
 * digits of a number: emphasis and code marks, an HTML tag, a link's brackets and destination. Brackets
 * that open no link (海府办函[2019]、编号[138]…) are shown as written.
 */
function markupAt(raw: string, i: number): number {
  const ch = raw[i];
  if (ch === '*' || ch === '_' || ch === '~' || ch === '`') return 1;
  const re = ch === '<' ? TAG_AT : ch === '[' ? LINK_OPEN_AT : ch === ']' ? DESTINATION_AT : undefined;
  if (!re) return 0;
  re.lastIndex = i;
  if (!re.test(raw)) return 0;
  // `[` alone is the markup; the link text after it is shown.
  return ch === '[' ? 1 : re.lastIndex - i;
}

/** A written number holds some inline Markdown (see markupAt). */
const HOLDS_MARKUP = /[*_~`[\]<]/;

/** How a text is scanned: with Markdown character references decoded, and/or with loose boundaries. */
export interface CandidateOptions {
  /** Decode `&#8203;`, `&nbsp;` … (Markdown prose; not code, not plain text). */
  entities?: boolean;
  /**
   * The Markdown source of a block: inline markup between digits is looked through, and only the numbers
   * it splits are yielded (the others are found in the prose segments).
   */
  markup?: boolean;
  /** Only digits glue a number to its neighbours (for masking output, where a path or URL may hold one). */
  loose?: boolean;
}

/** The fewest digits (ASCII or full-width) a match of each pattern holds: 15-digit 身份证号, 11-digit mobile, 16-digit card. */
export const MIN_DIGITS: Readonly<Record<PersonalKind, number>> = { id: 15, phone: 11, card: 16 };

/** True when `text` holds at least `min` digits (ASCII or full-width), wherever they are. */
function hasDigits(text: string, min: number): boolean {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19)) {
      if (++n >= min) return true;
    }
  }
  return false;
}

/**
 * The longest digit chain of a scan target as a reader sees it, worked out once for the three kinds of
 * number (a target is the options object its text is scanned with: see scanTargets). Only the number is
 * kept, not the normalised text: kept until the document goes, that would add up across a large run.
 */
const targetChains = new WeakMap<CandidateOptions, { raw: string; chain: number }>();

const isDigitCode = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19);
/** The separators a pattern allows between two groups of digits (space, hyphens, dots, slash). */
const isGroupSeparator = (c: number): boolean => c === 0x20 || c === 0x2d || c === 0xff0d || c === 0x2e || c === 0xff0e || c === 0x2f;

/**
 * The most digits in one chain of `text`: digits with at most one separator (isGroupSeparator) between
 * two of them. Every number the patterns match is such a chain (a 身份证号 of 15 digits or 17 and X, a
 * mobile of 11, a card of 16 or more), so a text whose longest chain is shorter holds none of that kind.
 */
export function longestDigitChain(text: string): number {
  let best = 0;
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isDigitCode(c)) {
      if (++run > best) best = run;
    } else if (!(run > 0 && isGroupSeparator(c) && i + 1 < text.length && isDigitCode(text.charCodeAt(i + 1)))) run = 0;
  }
  return best;
}

function* candidates(kind: PersonalKind, raw: string, opts: CandidateOptions = {}): Generator<NumberCandidate> {
  // Text with too few digits for any match is not run through the patterns (their lookbehinds try every
  // position). Normalising never adds digits (a character reference spells its digit with more), so the
  // raw text tells first.
  if (!hasDigits(raw, MIN_DIGITS[kind])) return;
  let n: Normalised | undefined;
  let known = targetChains.get(opts);
  if (known?.raw !== raw) {
    n = normalise(raw, opts.entities ?? false, opts.markup ?? false);
    targetChains.set(opts, (known = { raw, chain: longestDigitChain(n.text) }));
  }
  if (known.chain < MIN_DIGITS[kind]) return;
  n ??= normalise(raw, opts.entities ?? false, opts.markup ?? false);
  const res = opts.loose ? LOOSE : STRICT;
  const re = kind === 'id' ? res.id : kind === 'phone' ? res.phone : res.card;
  for (const m of matches(re, n.text)) {
    // a phone's +86 prefix is not part of the number
    const skip = kind === 'phone' ? m[1]?.length ?? 0 : 0;
    const body = kind === 'phone' ? m[2] : m[0];
    const a = m.index + skip;
    const b = a + body.length;
    const start = n.starts ? n.starts[a] : a;
    const end = n.ends ? n.ends[b - 1] : b;
    const written = raw.slice(start, end);
    if (opts.markup) {
      if (HOLDS_MARKUP.test(written)) yield { kind, start, end, raw: written, digits: normalizeDigits(body), markup: true };
      continue;
    }
    yield { kind, start, end, raw: written, digits: normalizeDigits(body) };
  }
}

function* matches(re: RegExp, text: string): Generator<RegExpExecArray> {
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    if (m[0].length === 0) { re.lastIndex++; continue; }
    yield m;
  }
}

/** 18-character and 15-digit ID-shaped numbers (not validated); ranges in `text` (see CandidateOptions). */
export function idCandidates(text: string, opts?: CandidateOptions): NumberCandidate[] {
  return [...candidates('id', text, opts)];
}

/** Mobile-number-shaped numbers (range without the +86 prefix). */
export function phoneCandidates(text: string, opts?: CandidateOptions): NumberCandidate[] {
  return [...candidates('phone', text, opts)];
}

/** 16–19 digit numbers (not validated). */
export function cardCandidates(text: string, opts?: CandidateOptions): NumberCandidate[] {
  return [...candidates('card', text, opts)];
}

/** True when `start` sits inside a URL-like run of ASCII (http://…, www.…) — those numbers are page ids. */
export function insideUrl(text: string, start: number): boolean {
  let a = start;
  while (a > 0 && start - a < 300 && /[!-~]/.test(text[a - 1])) a--;
  return /:\/\/|www\./i.test(text.slice(a, start));
}

// ————————————————————————————————— where to scan —————————————————————————————————

export interface ScanTarget extends CandidateOptions {
  /** Document offset of `text`. */
  offset: number;
  text: string;
  /** For metadata values: the key (it labels the value). */
  key?: string;
}

/** Metadata keys whose values are identifiers, not personal data (索引号 may hold an 18-digit credit code). */
const SKIP_KEYS = /索引号|文号|信用代码|机构代码|标识码|备案号|注册号/;

/**
 * The targets of the document scanned last. The rules that scan them run one after another on a
 * document, so one entry is enough; a WeakMap by document kept every linted document's targets until the
 * next full collection (+130 MB on a 10,000-draft run), and a WeakRef keeps its document alive until the
 * event loop turns, which a lint run's loop of resolved awaits never lets it do.
 */
let lastTargets: { doc: ZwgkDocument; targets: readonly ScanTarget[] } | undefined;

/**
 * The prose segments of the body, then the metadata values (front matter or catalogue header). Worked out
 * once per document for the rules that scan it (read-only).
 */
export function scanTargets(doc: ZwgkDocument): readonly ScanTarget[] {
  if (lastTargets?.doc === doc) return lastTargets.targets;
  const targets = makeScanTargets(doc);
  lastTargets = { doc, targets };
  return targets;
}

function makeScanTargets(doc: ZwgkDocument): ScanTarget[] {
  const entities = doc.format === 'markdown';
  const out: ScanTarget[] = doc.segments.map((s) => ({ offset: s.start, text: doc.text.slice(s.start, s.end), entities }));
  // Code is shown on the published page as written: its numbers are as public as the prose's.
  for (const c of codeRanges(doc)) out.push({ offset: c.start, text: doc.text.slice(c.start, c.end) });
  // A number split by inline markup (139**1234**5678) is in no one segment, yet the page shows it whole:
  // the source of each block is scanned through its markup too (only such numbers are taken from it).
  if (doc.format === 'markdown') {
    for (const b of doc.blocks) {
      if (b.start < doc.bodyStart || b.kind === 'line') continue;
      const text = doc.text.slice(b.start, b.end);
      if (HOLDS_MARKUP.test(text) && hasDigits(text, 11)) out.push({ offset: b.start, text, entities: true, markup: true });
    }
  }
  for (const f of doc.metadata.fields) {
    if (f.end <= f.start || SKIP_KEYS.test(f.rawKey.replace(/[\s\u3000]/g, ''))) continue;
    out.push({ offset: f.start, text: doc.text.slice(f.start, f.end), key: f.rawKey.replace(/[\s\u3000]/g, '') });
  }
  return out;
}

const codeCache = new WeakMap<ZwgkDocument, Segment[]>();
const codeStarts = new WeakMap<Segment[], number[]>();

/** Ranges of inline code and code blocks in a Markdown body, in document order (walked without recursion). */
export function codeRanges(doc: ZwgkDocument): Segment[] {
  if (doc.format !== 'markdown') return [];
  let out = codeCache.get(doc);
  if (!out) {
    out = [];
    const stack: { type: string; children?: unknown[]; position?: { start: { offset?: number }; end: { offset?: number } } }[] = [doc.tree];
    while (stack.length) {
      const node = stack.pop()!;
      if ((node.type === 'inlineCode' || node.type === 'code') && node.position) {
        const start = node.position.start.offset!;
        if (start >= doc.bodyStart) out.push({ start, end: node.position.end.offset! });
        continue;
      }
      const kids = node.children ?? [];
      for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i] as typeof node);
    }
    codeCache.set(doc, out);
  }
  return out;
}

// ————————————————————————————————— labels —————————————————————————————————

/**
 * The label a number stands under, nearest first: the text before it in its metadata value (or the key),
 * in its table cell, the column header of a Markdown table (or a `|`/tab/space-aligned table in plain text),
 * and finally the rest of its line before it. `labelRe` (global) lists every label the caller cares about,
 * positive and negative; the last match in the first place that has one wins, so
 * “监督电话：0898-12345，手机：13812345678” labels the mobile “手机”.
 */
export function findLabel(doc: ZwgkDocument, target: ScanTarget, start: number, labelRe: RegExp): string | undefined {
  const abs = target.offset + start;
  if (target.key !== undefined) return lastMatch(labelRe, target.text.slice(0, start)) ?? lastMatch(labelRe, target.key);
  const cell = cellAt(doc, abs);
  if (cell) {
    const inCell = lastMatch(labelRe, doc.text.slice(cell.start, abs));
    if (inCell) return inCell;
    if (cell.header) {
      const h = lastMatch(labelRe, cell.header);
      if (h) return h;
    }
  }
  return lastMatch(labelRe, lineBefore(doc.text, abs));
}

/** The column header of the table cell (Markdown or plain-text table) holding document offset `at`, if any. */
export function columnHeaderAt(doc: ZwgkDocument, at: number): string | undefined {
  return cellAt(doc, at)?.header;
}

function lastMatch(re: RegExp, s: string): string | undefined {
  if (!s) return undefined;
  re.lastIndex = 0;
  let last: string | undefined;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) {
    if (m[0].length === 0) { re.lastIndex++; continue; }
    last = m[0];
  }
  return last;
}

function lineBefore(text: string, at: number): string {
  let a = at;
  while (a > 0 && text[a - 1] !== '\n' && text[a - 1] !== '\r' && at - a < 200) a--;
  return text.slice(a, at);
}

interface Cell { start: number; end: number; header?: string }

const cellCache = new WeakMap<ZwgkDocument, Cell[]>();

/** The Markdown table cell containing `offset` (with its column header), or a plain-text table cell. */
function cellAt(doc: ZwgkDocument, offset: number): Cell | undefined {
  if (doc.format === 'text') return textCellAt(doc, offset);
  let cells = cellCache.get(doc);
  if (!cells) {
    cells = [];
    const visit = (node: { type: string; children?: unknown[] }): void => {
      if (node.type === 'table') {
        const table = node as Table;
        const [head, ...rows] = table.children;
        const headers = head ? head.children.map((c) => c.position ? doc.text.slice(c.position.start.offset!, c.position.end.offset!) : '') : [];
        for (const row of rows) {
          row.children.forEach((c, i) => {
            if (c.position) cells!.push({ start: c.position.start.offset!, end: c.position.end.offset!, header: headers[i] });
          });
        }
        return;
      }
      for (const c of node.children ?? []) visit(c as { type: string; children?: unknown[] });
    };
    visit(doc.tree);
    cellCache.set(doc, cells);
  }
  return cells.find((c) => c.start <= offset && offset < c.end);
}

/**
 * Plain text: a line with `|` or tabs is a table row; otherwise a line of several space-separated fields is
 * one when a header line above has the same number of fields. The header is the nearest line above (in the
 * same run of non-blank lines, at most 60 up) whose field in this column holds no number of 5+ digits.
 *
 * What depends on the line only (its fields and separators, and each column's header) is worked out once
 * per line and document, and a number's column is found by binary search: a line with thousands of
 * numbers costs no more than its length (it used to cost its length once per number).
 */
interface TextRow {
  lineEnd: number;
  /** The line without a final \r; undefined when it has fewer than two fields (not a table row). */
  line?: string;
  sep: RegExp;
  fieldCount: number;
  /** Separator matches in the whole line (starts and ends, in order). */
  sepStarts: number[];
  sepEnds: number[];
  /** First non-white-space character of the line (its length when none). */
  firstNonWs: number;
  headers: Map<number, string | undefined>;
}

interface TextTable {
  /** Offsets of every \n. */
  newlines: number[];
  rows: Map<number, TextRow>;
}

const textTables = new WeakMap<ZwgkDocument, TextTable>();

/** Index of the first element of sorted `a` that is ≥ x. */
function lowerBound(a: readonly number[], x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function fieldsOf(l: string, sep: RegExp): string[] {
  return l.trim().replace(/^\|/, '').replace(/\|$/, '').split(sep);
}

function textRow(text: string, lineStart: number, lineEnd: number): TextRow {
  const line = text.slice(lineStart, lineEnd).replace(/\r$/, '');
  const sep = line.includes('|') ? /\|/ : line.includes('\t') ? /\t/ : /[ \u3000]+/;
  const fieldCount = fieldsOf(line, sep).length;
  const row: TextRow = { lineEnd, sep, fieldCount, sepStarts: [], sepEnds: [], firstNonWs: line.length, headers: new Map() };
  if (fieldCount < 2) return row;
  row.line = line;
  for (const m of line.matchAll(new RegExp(sep.source, 'g'))) {
    row.sepStarts.push(m.index!);
    row.sepEnds.push(m.index! + m[0].length);
  }
  const nonWs = line.search(/\S/);
  if (nonWs >= 0) row.firstNonWs = nonWs;
  return row;
}

/** The header of column `col` of the row at `lineStart` (see textCellAt). */
function textHeader(text: string, lineStart: number, row: TextRow, col: number): string | undefined {
  const whitespaceTable = row.sep.source !== '\\|' && row.sep.source !== '\\t';
  let pos = lineStart;
  for (let n = 0; n < 60 && pos > 0; n++) {
    const prevEnd = pos - 1;
    const prevStart = text.lastIndexOf('\n', prevEnd - 1) + 1;
    const prev = text.slice(prevStart, prevEnd).replace(/\r$/, '');
    if (prev.trim() === '') break;
    // A Markdown-style delimiter row (|---|:--:|) is not a header.
    if (/^[\s|:\-—]+$/.test(prev)) { pos = prevStart; continue; }
    const pf = fieldsOf(prev, row.sep);
    if (!whitespaceTable || pf.length === row.fieldCount) {
      const h = pf[col];
      if (h !== undefined && !new RegExp(`${D}{5}`).test(h)) return h.trim();
    }
    pos = prevStart;
  }
  return undefined;
}

export function textCellAt(doc: ZwgkDocument, offset: number): Cell | undefined {
  const text = doc.text;
  let table = textTables.get(doc);
  if (!table) {
    const newlines: number[] = [];
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) newlines.push(i);
    textTables.set(doc, (table = { newlines, rows: new Map() }));
  }
  const { newlines } = table;
  // lineStart = text.lastIndexOf('\n', offset - 1) + 1 and lineEnd = text.indexOf('\n', offset), by bisection.
  const before = lowerBound(newlines, Math.max(offset - 1, 0) + 1) - 1;
  const lineStart = before >= 0 ? newlines[before] + 1 : 0;
  const after = lowerBound(newlines, offset);
  const lineEnd = after < newlines.length ? newlines[after] : text.length;
  let row = table.rows.get(lineStart);
  if (!row || row.lineEnd !== lineEnd) {
    row = textRow(text, lineStart, lineEnd);
    table.rows.set(lineStart, row);
  }
  const line = row.line;
  if (line === undefined) return undefined;
  // Column of the offset: the separators in line.slice(0, rel) after its leading white space (and, in
  // a | table, after a leading |); the cell starts after the last separator before the offset.
  const rel = offset - lineStart;
  const below = lowerBound(row.sepStarts, rel); // separators starting before rel
  const w = Math.min(row.firstNonWs, Math.max(rel, 0));
  let col = below - lowerBound(row.sepStarts, w);
  if (row.sep.source === '\\|' && w < rel && line[w] === '|') col--;
  const lastSep = below > 0 ? Math.min(row.sepEnds[below - 1], rel) : 0;
  const cell: Cell = { start: lineStart + lastSep, end: lineEnd };
  let header: string | undefined;
  if (row.headers.has(col)) header = row.headers.get(col);
  else row.headers.set(col, (header = textHeader(text, lineStart, row, col)));
  if (header !== undefined) cell.header = header;
  return cell;
}

// ————————————————————————————————— masking —————————————————————————————————

/** `raw` cut into what a reader sees as one character each: a character reference counts as the character it stands for. */
function tokens(raw: string): { text: string; ch: string }[] {
  const out: { text: string; ch: string }[] = [];
  for (let i = 0; i < raw.length;) {
    const e = raw[i] === '&' ? entityAt(raw, i) : undefined;
    if (e) {
      out.push({ text: raw.slice(i, i + e.length), ch: e.ch });
      i += e.length;
      continue;
    }
    const cp = raw.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    out.push({ text: ch, ch });
    i += ch.length;
  }
  return out;
}

/**
 * Masks every digit (and a trailing X) of `raw` except the first `keepStart` and the last `keepEnd`,
 * keeping separators: `138-1234-5678` → `138-****-5678`. Invisible characters are kept where they are;
 * a character reference for a digit (`&#49;`) is a digit and is masked whole.
 */
export function maskNumber(raw: string, keepStart: number, keepEnd: number, star = '*'): string {
  const parts = tokens(raw);
  const isDigitish = (ch: string) => isDigitChar(ch) || /^[XxＸｘ]$/.test(ch);
  const total = parts.filter((t) => isDigitish(t.ch)).length;
  let i = 0;
  let out = '';
  for (const t of parts) {
    if (isDigitish(t.ch)) {
      out += i >= keepStart && i < total - keepEnd ? star : t.text;
      i++;
    } else out += t.text;
  }
  return out;
}

/**
 * The fix text for a masked number at document range [start, end).
 *
 * Markdown finding (checked with the document's parser, remark-parse + GFM tables; emphasis is plain
 * CommonMark, so full remark-gfm behaves the same): a run of `*` between two digits is both
 * left- and right-flanking, so it can open AND close emphasis. Alone in a paragraph, `138****1234` stays
 * literal text. But two masked numbers in one paragraph pair up — `张三 138****1234，李四 139****5678`
 * parses as `138` + strong(strong(`1234，李四 139`)) + `5678`: the asterisks vanish from the rendered page
 * and the text turns bold. (A 14-star ID mask next to a 4-star phone mask happens not to pair — 4 + 14 is a
 * multiple of 3 — but nothing should rely on that.) Table cells are parsed separately, so one masked number
 * per cell is safe, and runs with spaces around them (`138 **** 5678`) never flank.
 * So in a Markdown body the fix writes `\*` when the paragraph/heading/cell holds any other `*` or another
 * personal number that may be masked too; `138\*\*\*\*1234` renders as 138****1234, is parsed as one text
 * node whose source range covers the backslashes, and is recognised as masked (its digits are split).
 * Plain text, metadata values and lone numbers get plain `*`.
 */
export function maskFixText(doc: ZwgkDocument, start: number, end: number, keepStart: number, keepEnd: number): string {
  const raw = doc.text.slice(start, end);
  return maskNumber(raw, keepStart, keepEnd, needsEscape(doc, start, end) ? '\\*' : '*');
}

/** Blocks sorted by start (stable), the running maximum of their ends, and where the `*`s are. */
interface BlockIndex {
  order: number[];
  starts: number[];
  maxEnd: number[];
  stars: number[];
}

const blockIndexes = new WeakMap<ZwgkDocument, BlockIndex>();

function blockIndex(doc: ZwgkDocument): BlockIndex {
  let ix = blockIndexes.get(doc);
  if (!ix) {
    const order = doc.blocks.map((_, i) => i).sort((a, b) => doc.blocks[a].start - doc.blocks[b].start);
    const starts = order.map((i) => doc.blocks[i].start);
    const maxEnd: number[] = [];
    let m = -Infinity;
    for (const i of order) maxEnd.push((m = Math.max(m, doc.blocks[i].end)));
    const stars: number[] = [];
    for (let i = doc.text.indexOf('*'); i >= 0; i = doc.text.indexOf('*', i + 1)) stars.push(i);
    blockIndexes.set(doc, (ix = { order, starts, maxEnd, stars }));
  }
  return ix;
}

/** The smallest block holding [start, end) (the first in document order among equally small ones). */
function containingBlock(doc: ZwgkDocument, start: number, end: number): { start: number; end: number } | undefined {
  const ix = blockIndex(doc);
  let best = -1;
  let bestLen = Infinity;
  for (let k = lowerBound(ix.starts, start + 1) - 1; k >= 0; k--) {
    if (ix.maxEnd[k] < end) break; // no block from here back reaches `end`
    const i = ix.order[k];
    const b = doc.blocks[i];
    if (end - b.start > bestLen) break; // blocks further back are longer than the best one
    const len = b.end - b.start;
    if (b.end >= end && (len < bestLen || (len === bestLen && i < best))) {
      best = i;
      bestLen = len;
    }
  }
  return best >= 0 ? doc.blocks[best] : undefined;
}

/** Any match of `re` in `text` (the first one is enough); `re` is left as `matches` leaves it. */
function anyMatch(re: RegExp, text: string): boolean {
  const found = !matches(re, text).next().done;
  re.lastIndex = 0;
  return found;
}

/**
 * Whether the rest of the number's block — its text before and after the number, joined by a NUL — holds
 * a `*` or another personal number. Worked out without building that text: the `*`s by bisection, and the
 * candidate patterns on the two parts, stopping at the first match. (No candidate can span the NUL, and
 * their look-arounds only exclude digits and digit separators, which a NUL and the ends of a string are
 * not — so matching the parts apart finds exactly what matching them joined would.) A paragraph holding
 * thousands of numbers thus costs its length, not its length once per number.
 */
function needsEscape(doc: ZwgkDocument, start: number, end: number): boolean {
  if (doc.format !== 'markdown' || start < doc.bodyStart) return false;
  // In code a backslash is shown as written, and `*` is never emphasis.
  const code = codeRanges(doc);
  let starts = codeStarts.get(code);
  if (!starts) codeStarts.set(code, (starts = code.map((c) => c.start)));
  const k = lowerBound(starts, start + 1) - 1;
  if (k >= 0 && end <= code[k].end) return false;
  const block = containingBlock(doc, start, end);
  if (!block) return false;
  const { stars } = blockIndex(doc);
  const starsIn = (a: number, b: number) => lowerBound(stars, b) - lowerBound(stars, a);
  if (starsIn(block.start, start) + starsIn(end, block.end) > 0) return true;
  // A match in the whole block that ends before the number is a match in the part before it, and one
  // that starts after it a match in the part after (cutting the text only makes the negative
  // look-arounds easier to pass): with two numbers in a block, that settles it at once.
  const spans = blockMatches(doc, block);
  if (spans.firstEnd <= start || spans.lastStart >= end) return true;
  const parts = [doc.text.slice(block.start, start), doc.text.slice(end, block.end)];
  return [ID_RE, PHONE_RE, CARD_RE].some((re) => parts.some((part) => anyMatch(re, part)));
}

const blockSpans = new WeakMap<object, { firstEnd: number; lastStart: number }>();

/** Over the candidate patterns' matches in a block's text: the smallest end and the largest start. */
function blockMatches(doc: ZwgkDocument, block: { start: number; end: number }): { firstEnd: number; lastStart: number } {
  let spans = blockSpans.get(block);
  if (!spans) {
    spans = { firstEnd: Infinity, lastStart: -Infinity };
    const text = doc.text.slice(block.start, block.end);
    for (const re of [ID_RE, PHONE_RE, CARD_RE]) {
      for (const m of matches(re, text)) {
        spans.firstEnd = Math.min(spans.firstEnd, block.start + m.index + m[0].length);
        spans.lastStart = Math.max(spans.lastStart, block.start + m.index);
      }
    }
    blockSpans.set(block, spans);
  }
  return spans;
}
