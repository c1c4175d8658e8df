/**
 * Small Chinese numbers — the one parser for section numbers (十、), lengths (三十日, 两个月), months
 * (十二月) and the month/day of Chinese-numeral dates (二〇一九年六月二十一日). Up to 99, which is all a
 * 公文 writes in numerals of this kind; no regex, so linear by construction.
 */

/** Value of one Chinese digit (〇/○/零 and the Latin look-alikes O and 0 that OCR leaves in years). */
export const CN_DIGIT_VALUE: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, '○': 0, Ｏ: 0, O: 0, '0': 0,
  一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

const DIGITS = '零一二三四五六七八九';

/**
 * 30 / 三十 / 十五 / 二十一 / 两 → the number (0–99 in Chinese numerals, 0–999 in Arabic digits);
 * undefined for anything else (百, 二十二十, 十十, empty).
 */
export function parseSmallNumber(s: string): number | undefined {
  if (/^[0-9]{1,3}$/.test(s)) return Number(s);
  if (s.length === 0 || s.length > 3) return undefined;
  const i = s.indexOf('十');
  if (i < 0) return s.length === 1 ? CN_DIGIT_VALUE[s] : undefined;
  if (s.indexOf('十', i + 1) >= 0) return undefined;
  const tensPart = s.slice(0, i), onesPart = s.slice(i + 1);
  const tens = tensPart === '' ? 1 : tensPart.length === 1 ? CN_DIGIT_VALUE[tensPart] : undefined;
  const ones = onesPart === '' ? 0 : onesPart.length === 1 ? CN_DIGIT_VALUE[onesPart] : undefined;
  if (tens === undefined || ones === undefined || tens === 0) return undefined;
  return tens * 10 + ones;
}

/** 1–99 → 一 … 十 … 九十九, as section numbers are written (十一、, 二十、). */
export function toChineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 99) throw new RangeError(`toChineseNumber: ${n} is outside 0–99`);
  if (n <= 10) return n === 10 ? '十' : DIGITS[n];
  const tens = Math.floor(n / 10), ones = n % 10;
  return (tens === 1 ? '' : DIGITS[tens]) + '十' + (ones ? DIGITS[ones] : '');
}
