/**
 * 索引号 of the 政府信息公开目录 (目录系统实施指引): organisation code + “/” + year + “-” + serial number,
 * e.g. 00817804-9/2019-13123 (9-character 组织机构代码) or 11341702486344515H/2021-00013 (18-character
 * 统一社会信用代码). Two widespread portal variants are recognised and marked as such: the organisation
 * code written without its hyphen (中国政府网: 000014349/2016-00176) and a year-and-month part
 * (11341702486344515H/202110-00013).
 */
import { isValidOrgCode, isValidCreditCode, orgCodeCheckChar, creditCodeCheckChar } from './org-code';

export type IndexNumberProblem =
  /** Full-width characters, spaces, lower case or dash variants: fixed by `normalized`. */
  | 'characters'
  /** Not organisation code / year - serial at all. */
  | 'shape'
  /** The organisation code is neither 8+1 characters nor 18 characters. */
  | 'org-length'
  /** The 组织机构代码 check character (GB 11714) does not match. */
  | 'org-check'
  /** The 统一社会信用代码 check character (GB 32100) does not match. */
  | 'credit-check'
  /** The year is outside the plausible range. */
  | 'year'
  /** Variant: organisation code without its hyphen (000014349). */
  | 'compact-org'
  /** Variant: year and month (202110) instead of the year. */
  | 'year-month'
  /**
   * Variant: a portal's sub-catalogue suffix after a valid 组织机构代码 — 01606072-9-30 (商洛), 014742224A
   * (江西). The catalogue system assigns these; they are not typing errors.
   */
  | 'org-suffix';

export interface IndexNumber {
  /** The value as written. */
  raw: string;
  /** Half-width, upper-case, without white space; dash and slash variants unified. */
  normalized: string;
  /** Organisation code part of `normalized` ('' when the shape is wrong). */
  org: string;
  orgKind?: 'org-code' | 'credit-code';
  /** Year as a number (undefined when the shape is wrong). */
  year?: number;
  /** Serial number as written. */
  serial: string;
  problems: IndexNumberProblem[];
  /** The expected check character when it does not match. */
  expectedCheck?: string;
}

const SHAPE = /^([0-9A-Z-]{1,24})\/([0-9]{4}|[0-9]{6})-([0-9]{1,12})$/;

/** Half-width, upper-case, no white space, dashes and slashes unified. */
export function normalizeIndexNumber(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (/\s/.test(ch) || c === 0x3000) continue;
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if ('‐‑‒–—―－'.includes(ch)) out += '-';
    else if (ch === '∕') out += '/';
    else out += ch;
  }
  // After folding, ＼ and ／ are ASCII already.
  return out.toUpperCase();
}

/**
 * Parses and checks a 索引号. `years` bounds the plausible year (inclusive).
 * Variants (`compact-org`, `year-month`) are listed in `problems`; the caller decides whether they count.
 */
export function parseIndexNumber(raw: string, years: { min: number; max: number }): IndexNumber {
  const normalized = normalizeIndexNumber(raw);
  const problems: IndexNumberProblem[] = [];
  if (normalized !== raw.trim()) problems.push('characters');
  const m = SHAPE.exec(normalized);
  if (!m) return { raw, normalized, org: '', serial: '', problems: [...problems, 'shape'] };
  const [, org, yearPart, serial] = m;
  const out: IndexNumber = { raw, normalized, org, serial, problems };
  if (/^[0-9A-Z]{8}-[0-9A-Z]$/.test(org) || /^[0-9A-Z]{9}$/.test(org)) {
    out.orgKind = 'org-code';
    if (org.length === 9) problems.push('compact-org');
    if (!isValidOrgCode(org)) {
      problems.push('org-check');
      out.expectedCheck = orgCodeCheckChar(org.slice(0, 8));
    }
  } else if (/^[0-9A-Z]{8}-?[0-9A-Z](?:-[0-9]{1,4}|[A-Z])$/.test(org) && isValidOrgCode(org.replace(/(?:-[0-9]{1,4}|[A-Z])$/, ''))) {
    out.orgKind = 'org-code';
    problems.push('org-suffix');
  } else if (/^[0-9A-Z]{18}$/.test(org)) {
    out.orgKind = 'credit-code';
    if (!isValidCreditCode(org)) {
      problems.push('credit-check');
      out.expectedCheck = creditCodeCheckChar(org.slice(0, 17));
    }
  } else {
    problems.push('org-length');
  }
  const year = Number(yearPart.slice(0, 4));
  out.year = year;
  if (yearPart.length === 6) {
    const month = Number(yearPart.slice(4));
    if (month < 1 || month > 12) problems.push('shape');
    else problems.push('year-month');
  }
  if (year < years.min || year > years.max) problems.push('year');
  return out;
}
