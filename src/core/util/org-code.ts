/**
 * Check characters of Chinese organisation identifiers:
 *   - 组织机构代码 (GB 11714-1997): 8 characters (digits, A–Z) + check character (0–9 or X), written
 *     00817804-9;
 *   - 统一社会信用代码 (GB 32100-2015): 18 characters from 0–9 and A–Z without I, O, Z, S, V; the last one
 *     is the check character (e.g. 11341702486344515H).
 * Verified on real codes: 00817804-9 (海口市人民政府办公室), 00819544-7, 00001434-9 (国务院办公厅, written
 * 000014349 on www.gov.cn), 11341702486344515H.
 */

const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** GB 11714 check character of the first 8 characters (upper-case), or undefined when they are not 0–9/A–Z. */
export function orgCodeCheckChar(body: string): string | undefined {
  if (!/^[0-9A-Z]{8}$/.test(body)) return undefined;
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const ch = body[i];
    const v = ch <= '9' ? ch.charCodeAt(0) - 48 : ch.charCodeAt(0) - 55;
    sum += v * ORG_WEIGHTS[i];
  }
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/** True for a 组织机构代码 with a correct check character, written `XXXXXXXX-C` or `XXXXXXXXC`. */
export function isValidOrgCode(code: string): boolean {
  const m = /^([0-9A-Z]{8})-?([0-9X])$/.exec(code);
  return !!m && orgCodeCheckChar(m[1]) === m[2];
}

/** The characters a 统一社会信用代码 may use, in value order (GB 32100-2015). */
export const CREDIT_CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** GB 32100 check character of the first 17 characters, or undefined when they use a character outside the set. */
export function creditCodeCheckChar(body: string): string | undefined {
  if (body.length !== 17) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CREDIT_CODE_CHARS.indexOf(body[i]);
    if (v < 0) return undefined;
    sum += v * CREDIT_WEIGHTS[i];
  }
  const c = 31 - (sum % 31);
  return CREDIT_CODE_CHARS[c === 31 ? 0 : c];
}

/** True for an 18-character 统一社会信用代码 with a correct check character. */
export function isValidCreditCode(code: string): boolean {
  return code.length === 18 && creditCodeCheckChar(code.slice(0, 17)) === code[17];
}
