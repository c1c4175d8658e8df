/**
 * 发文字号 (文号) as GB/T 9704-2012 7.2.5 wants it: 机关代字 + year in full inside 六角括号 〔〕 + sequence
 * number without 第 and without leading zeros + 号, e.g. 海府办函〔2019〕168号, 国办发〔2016〕80号.
 *
 * Two entry points:
 *   - `findDocNumbers(text)` scans running text (a line, a paragraph) for every 文号 — well-formed or not —
 *     with exact offsets. It is deliberately conservative so body text stays quiet on things that only
 *     resemble a 文号: “(2019)年”, a bare “〔2019〕”, “（2019年修订）”, phone numbers “(0898)68725613”,
 *     court case numbers “（2019）琼01民初68号”, 令/公告 numbers (“国务院令第711号”, “公告〔2019〕第3号”).
 *   - `parseDocNumber(s)` reads a string that should be exactly one 文号 (a metadata `文号` value, the word
 *     under the cursor for a hover) and is more lenient (any bracket pair, 号 may be missing).
 *
 * Both return `DocNumber`: the parts as written, the problems found, and `canonical` — the corrected form
 * when the correction is mechanical (brackets → 〔〕, drop 第, drop leading zeros, add 号). A damaged number
 * (the closing bracket lost in copying, as in the real `中发〔201926号`) is recognised and flagged
 * `damaged`, with no canonical form: what the digits were cannot be known for sure (`guess` offers the
 * likely reading for messages only).
 *
 * Linear time: one bounded regex pass plus a bounded walk back (≤ 20 characters) for the 机关代字.
 */

export type DocNumberProblem =
  /** The year is not in 六角括号 〔〕 (e.g. [2019], （2019）, 【2019】). */
  | 'brackets'
  /** The year is not written in full (〔19〕). */
  | 'short-year'
  /** 第 before the sequence number (〔2019〕第168号). */
  | 'di'
  /** Leading zero in the sequence number (〔2019〕068号). */
  | 'leading-zero'
  /** The sequence number is zero (〔2019〕0号). */
  | 'zero-number'
  /** No 号 after the number (〔2019〕168). */
  | 'missing-hao'
  /** No sequence number at all (〔2019〕号). */
  | 'missing-number'
  /** The closing bracket is lost: year and number run together (〔201926号, 〔202130). */
  | 'damaged';

/** Chinese description of each problem, for messages and hovers. */
export const DOC_NUMBER_PROBLEM_TEXT: Record<DocNumberProblem, string> = {
  brackets: '年份应使用六角括号“〔〕”',
  'short-year': '年份应标全称（四位）',
  di: '顺序号前不加“第”字',
  'leading-zero': '顺序号不编虚位（1不编为01）',
  'zero-number': '顺序号不能为0',
  'missing-hao': '顺序号后应加“号”字',
  'missing-number': '缺少发文顺序号',
  damaged: '缺少“〕”，年份与顺序号连在一起，文号似乎已损坏',
};

export interface DocNumber {
  /** The 文号 as written. */
  raw: string;
  /** Offsets of `raw` in the searched text (UTF-16 code units). */
  start: number;
  end: number;
  /**
   * Offset of the opening bracket: a correction replaces [bracketStart, end) with
   * `canonical.slice(agency.length)` and so never touches the 机关代字.
   */
  bracketStart: number;
  /** 机关代字 as written, e.g. 海府办函. */
  agency: string;
  /** Year digits as written (2019, 19); for a damaged 文号, the whole run of digits (201926). */
  year: string;
  /** Sequence number as written (168, 068); '' when missing or damaged. */
  number: string;
  /** Opening bracket as written (〔 [ ［ （ ( 【 〖). */
  open: string;
  /** Closing bracket as written; '' when lost (damaged). */
  close: string;
  /** 第 written before the sequence number. */
  hasDi: boolean;
  /** Ends with 号 (or the traditional 號, which is accepted as is). */
  endsWithHao: boolean;
  /** Closing bracket lost (see `DocNumberProblem` 'damaged'). */
  damaged: boolean;
  /** Every problem found, in a fixed order; empty when well-formed. */
  problems: DocNumberProblem[];
  /** True when `problems` is empty. */
  wellFormed: boolean;
  /**
   * The corrected 文号 when the correction is mechanical; equals `raw` when well-formed. Undefined for a
   * damaged number, a missing or zero sequence number, and a short year that cannot be expanded safely
   * (see `DocNumberOptions.issueYear`).
   */
  canonical?: string;
  /** For a damaged 文号 whose digits start with a plausible year: the likely intended form. Never a fix. */
  guess?: string;
}

export interface DocNumberOptions {
  /**
   * Year the document was issued (成文日期). A two-digit year is expanded only when it equals this year's
   * last two digits (a document's own 文号 carries the year it was issued in); otherwise it is left for a
   * person to decide and `canonical` stays undefined.
   */
  issueYear?: number;
}

const OPEN = '〔［[【〖（(';
const CLOSE = '〕］]】〗）)';
/** Brackets whose content in running text is too often not a 文号 year: a 4-digit 19xx/20xx year and 号 are required. */
const PARENS = '（(';

/** Opening bracket, 1–10 digits, optional closing bracket, optional 第, up to 7 digits, optional 号. */
const CORE = /([〔［[【〖（(])([0-9]{1,10})([〕］\]】〗）)]?)(第?)([0-9]{0,7})([号號]?)/g;

/** Compiled once; every use resets lastIndex first and runs to completion synchronously. */
const CORE_SCAN = new RegExp(CORE.source, 'g');
const CORE_STICKY = new RegExp(CORE.source, 'y');

/** 令, 公告 and 通告 numbers follow their own series (国务院令第711号, 公告〔2019〕第3号): not 7.2.5 文号. */
const OWN_SERIES = /(?:令|公告|通告)$/;

/**
 * Words that end the text before a 文号 in running prose (“根据国办发…”, “现将海府办函…”): the 机关代字 starts
 * after the last of them. Single characters are ones that do not occur in 机关代字.
 */
const BOUNDARY_WORDS = [
  '关于', '根据', '依据', '按照', '参照', '对照', '贯彻', '落实', '执行', '印发', '转发', '下发', '发布', '文件',
  '通知', '意见', '精神', '要求', '规定', '办法', '附件', '详见', '参见', '以及', '的', '和', '及', '与', '即', '或',
  '是', '在', '将', '对', '为', '以', '由', '见', '按', '据', '照', '号', '號',
];

/** Longest 机关代字 accepted in running text and in a whole-string parse. */
const AGENCY_MAX_SCAN = 12;
const AGENCY_MAX_WHOLE = 20;

function isHan(ch: string | undefined): boolean {
  if (!ch) return false;
  const c = ch.charCodeAt(0);
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);
}

function isDigit(ch: string | undefined): boolean {
  return !!ch && ch >= '0' && ch <= '9';
}

const BOUNDARY_1 = new Set(BOUNDARY_WORDS.filter((w) => w.length === 1));
const BOUNDARY_2 = new Set(BOUNDARY_WORDS.filter((w) => w.length === 2));

/** Index in `agency` after the last boundary word (0 when none): scans back from the end. */
function boundaryCut(agency: string): number {
  for (let i = agency.length; i > 0; i--) {
    if (BOUNDARY_1.has(agency[i - 1]) || (i >= 2 && BOUNDARY_2.has(agency.slice(i - 2, i)))) return i;
  }
  return 0;
}

function plausibleYear(y: string): boolean {
  return /^(19|20)[0-9]{2}$/.test(y);
}

function stripZeros(n: string): string {
  return n.replace(/^0+/, '');
}

/**
 * Classifies one CORE match whose 机关代字 runs [agencyStart, m.index). Returns undefined when the match is
 * not a 文号 (in `whole` mode the caller has already checked that nothing else surrounds it).
 */
function classify(text: string, m: RegExpExecArray, agencyStart: number, whole: boolean, opts: DocNumberOptions): DocNumber | undefined {
  const all = m[0], open = m[1], digits = m[2], close = m[3], di = m[4], num = m[5], hao = m[6];
  const bracketStart = m.index;
  const end = bracketStart + all.length;
  const agency = text.slice(agencyStart, bracketStart);
  if (!agency || OWN_SERIES.test(agency)) return undefined;
  const problems: DocNumberProblem[] = [];
  const raw = text.slice(agencyStart, end);
  const hasDi = di !== '', endsWithHao = hao !== '';

  if (!close) {
    // Closing bracket lost. Only the distinctive 〔 is trusted; year and number run together.
    if (open !== '〔' || !(digits.length >= 5 || hao)) return undefined;
    const guess = digits.length >= 5 && plausibleYear(digits.slice(0, 4)) && stripZeros(digits.slice(4) + num)
      ? `${agency}〔${digits.slice(0, 4)}〕${stripZeros(digits.slice(4) + num)}${hao || '号'}`
      : undefined;
    return {
      raw, start: agencyStart, end, bracketStart, agency, year: digits, number: '', open, close: '', hasDi, endsWithHao,
      damaged: true, problems: ['damaged'], wellFormed: false, canonical: undefined, guess,
    };
  }

  if (digits.length < 2 || digits.length > 4) return undefined;
  const sixAngle = open === '〔' && close === '〕';
  if (!whole) {
    if (PARENS.includes(open) && !(digits.length === 4 && plausibleYear(digits) && hao && num)) return undefined;
    if (!hao && (!sixAngle || !num)) return undefined;
    if (!num && !sixAngle) return undefined;
    if (!hao) {
      // 〔2019〕168 without 号: only when the number clearly ends there (not 1、2号, 1.5, 168 号, 168项).
      const after = text.slice(end, end + 4);
      if (isHan(after[0]) || /^(?:[、，,\-—–～~至]\s?[0-9]|[.．][0-9]|\s{1,3}[号號])/.test(after)) return undefined;
    }
  } else if (!num && !hao) {
    return undefined;
  }

  if (!sixAngle) problems.push('brackets');
  if (digits.length < 4) problems.push('short-year');
  if (di) problems.push('di');
  if (num.length > 1 && num[0] === '0' && stripZeros(num)) problems.push('leading-zero');
  if (num && !stripZeros(num)) problems.push('zero-number');
  if (num && !hao) problems.push('missing-hao');
  if (!num) problems.push('missing-number');

  let canonical: string | undefined;
  if (num && stripZeros(num)) {
    let year: string | undefined = digits.length === 4 ? digits : undefined;
    if (digits.length === 2 && opts.issueYear !== undefined && opts.issueYear % 100 === Number(digits)) year = String(opts.issueYear);
    if (year) canonical = `${agency}〔${year}〕${stripZeros(num)}${hao || '号'}`;
  }
  // Built field by field: an object spread here costs microseconds per 文号 in V8.
  return {
    raw, start: agencyStart, end, bracketStart, agency, year: digits, number: num, open, close, hasDi, endsWithHao,
    damaged: false, problems, wellFormed: problems.length === 0, canonical, guess: undefined,
  };
}

/**
 * Every 文号 in running text, in order, with offsets relative to `text`. The 机关代字 is the run of up to 12
 * Chinese characters right before the bracket, cut after the last word that cannot belong to it
 * (现将海府办函〔2019〕168号 → 海府办函). Nothing in front of the bracket → not a 文号.
 */
export function findDocNumbers(text: string, opts: DocNumberOptions = {}): DocNumber[] {
  const out: DocNumber[] = [];
  const re = CORE_SCAN;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const end = m.index + m[0].length;
    if (isDigit(text[end])) continue;
    let a = m.index;
    while (a > 0 && isHan(text[a - 1]) && m.index - a < AGENCY_MAX_SCAN) a--;
    if (a === m.index) continue;
    const run = text.slice(a, m.index);
    if (OWN_SERIES.test(run)) continue;
    const cut = boundaryCut(run);
    const n = classify(text, m, a + cut, false, opts);
    if (n) out.push(n);
  }
  return out;
}

/**
 * Reads `s` as exactly one 文号 (surrounding white space allowed; offsets are relative to `s`). Lenient:
 * any bracket pair, a missing 号, a 机关代字 of up to 20 characters. Undefined when `s` is not one 文号
 * — including 令/公告 numbers such as 国务院令第711号, which legitimately use 第.
 */
export function parseDocNumber(s: string, opts: DocNumberOptions = {}): DocNumber | undefined {
  const lead = s.length - s.trimStart().length;
  const trimmedEnd = s.trimEnd().length;
  let b = lead;
  while (b < trimmedEnd && isHan(s[b]) && b - lead < AGENCY_MAX_WHOLE) b++;
  if (b === lead || !OPEN.includes(s[b] ?? '')) return undefined;
  const re = CORE_STICKY;
  re.lastIndex = b;
  const m = re.exec(s);
  if (!m || b + m[0].length !== trimmedEnd) return undefined;
  return classify(s, m, lead, true, opts);
}

/** True for 令/公告/通告 numbers and placeholders, which a 文号 field may hold without being a 7.2.5 文号. */
export function isOtherNumberForm(s: string): boolean {
  const t = s.trim();
  return /^(?:无|暂无|空|—{1,4}|-{1,4}|\/|／)$/.test(t)
    || /令\s{0,2}第\s{0,2}[0-9０-９]{1,6}\s{0,2}[号號]/.test(t)
    || /第\s{0,2}[0-9０-９]{1,6}\s{0,2}[号號]令/.test(t)
    || /(?:令|公告|通告)\s{0,2}(?:[0-9]{4}\s{0,2}年|[〔［[【（(][0-9]{4}[〕］\]】）)])\s{0,2}第?\s{0,2}[0-9]{1,6}\s{0,2}[号號]/.test(t);
}

/** Whether a string the user wrote looks like an attempted 文号 (Chinese, a number, ends in 号). */
export function looksLikeDocNumberAttempt(s: string): boolean {
  const t = s.trim();
  return t.length <= 40 && isHan(t[0]) && /[0-9]/.test(t) && /[号號]$/.test(t);
}

/** The problems of a 文号 as one Chinese phrase: “年份应使用六角括号“〔〕”；顺序号前不加“第”字”. */
export function describeProblems(n: DocNumber): string {
  return n.problems.map((p) => DOC_NUMBER_PROBLEM_TEXT[p]).join('；');
}

export { OPEN as DOC_NUMBER_OPEN_BRACKETS, CLOSE as DOC_NUMBER_CLOSE_BRACKETS };
