/**
 * Dates written in Chinese numerals (二〇一九年六月二十一日), which GB/T 9704-2012 7.3.5.4 replaced with
 * Arabic numerals for the 成文日期 of a 公文. Found with exact offsets and converted (2019年6月21日).
 * One bounded regex: linear time.
 */
import { isValidDate, type SimpleDate } from '../dates';

export interface ChineseNumeralDate extends SimpleDate {
  raw: string;
  start: number;
  end: number;
  /** False for impossible dates (二〇一九年二月三十日). */
  valid: boolean;
}

const YEAR_DIGIT = '〇○零ＯO0一二三四五六七八九';
const DIGITS: Record<string, number> = {
  〇: 0, '○': 0, 零: 0, Ｏ: 0, O: 0, '0': 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

// No lookbehind (it makes V8 try every position slowly): the character before is checked in code.
const CN_NUMERAL_DATE = new RegExp(
  `([${YEAR_DIGIT}]{4})\\s{0,2}年\\s{0,2}(十[一二]?|[一二三四五六七八九])\\s{0,2}月\\s{0,2}`
  + '(三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])\\s{0,2}日',
  'g',
);

/** Value of a Chinese number from 1 to 39 written 一 … 十 … 三十一. */
function small(s: string): number {
  const i = s.indexOf('十');
  if (i < 0) return DIGITS[s];
  const tens = i === 0 ? 1 : DIGITS[s[0]];
  const ones = i === s.length - 1 ? 0 : DIGITS[s[s.length - 1]];
  return tens * 10 + ones;
}

/** Every Chinese-numeral date in `text` (offsets relative to `text`). The year must have four numerals. */
export function findChineseNumeralDates(text: string): ChineseNumeralDate[] {
  const out: ChineseNumeralDate[] = [];
  if (!text.includes('年')) return out;
  for (const m of text.matchAll(CN_NUMERAL_DATE)) {
    // Part of a longer run of numerals (e.g. 一二〇一九年…): not a date of its own.
    if (m.index! > 0 && (YEAR_DIGIT.includes(text[m.index! - 1]) || text[m.index! - 1] === '十')) continue;
    const yearDigits = [...m[1]].map((c) => DIGITS[c]);
    // A year made only of 0/O characters (e.g. “OOOO年”) is not a year.
    if (yearDigits[0] === 0) continue;
    const year = yearDigits.reduce((a, d) => a * 10 + d, 0);
    const month = small(m[2]);
    const day = small(m[3]);
    out.push({ year, month, day, raw: m[0], start: m.index!, end: m.index! + m[0].length, valid: isValidDate(year, month, day) });
  }
  return out;
}
