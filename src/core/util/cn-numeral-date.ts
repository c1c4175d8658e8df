/**
 * Dates written in Chinese numerals (二〇一九年六月二十一日), which GB/T 9704-2012 7.3.5.4 replaced with
 * Arabic numerals for the 成文日期 of a 公文. Found with exact offsets and converted (2019年6月21日).
 * One bounded regex: linear time.
 */
import { isValidDate, type SimpleDate } from '../dates';
import { CN_DIGIT_VALUE, parseSmallNumber } from './cn-number';

export interface ChineseNumeralDate extends SimpleDate {
  raw: string;
  start: number;
  end: number;
  /** False for impossible dates (二〇一九年二月三十日). */
  valid: boolean;
  /** Where in `raw` the year writes zero with a Latin letter or a digit (二OO一年, 二0一一年) instead of 〇. */
  latinZero?: { start: number; end: number }[];
}

const YEAR_DIGIT = '〇○零ＯO0一二三四五六七八九';

// No lookbehind (it makes V8 try every position slowly): the character before is checked in code.
const CN_NUMERAL_DATE = new RegExp(
  `([${YEAR_DIGIT}]{4})\\s{0,2}年\\s{0,2}(十[一二]?|[一二三四五六七八九])\\s{0,2}月\\s{0,2}`
  + '(三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])\\s{0,2}日',
  'g',
);

/** Every Chinese-numeral date in `text` (offsets relative to `text`). The year must have four numerals. */
export function findChineseNumeralDates(text: string): ChineseNumeralDate[] {
  const out: ChineseNumeralDate[] = [];
  if (!text.includes('年')) return out;
  for (const m of text.matchAll(CN_NUMERAL_DATE)) {
    // Part of a longer run of numerals (e.g. 一二〇一九年…): not a date of its own.
    if (m.index! > 0 && (YEAR_DIGIT.includes(text[m.index! - 1]) || text[m.index! - 1] === '十')) continue;
    const yearDigits = [...m[1]].map((c) => CN_DIGIT_VALUE[c]);
    // A year made only of 0/O characters (e.g. “OOOO年”) is not a year.
    if (yearDigits[0] === 0) continue;
    const year = yearDigits.reduce((a, d) => a * 10 + d, 0);
    // The regex admits only 一…十二 and 一…三十一: parseSmallNumber always has a value.
    const month = parseSmallNumber(m[2])!;
    const day = parseSmallNumber(m[3])!;
    const d: ChineseNumeralDate = { year, month, day, raw: m[0], start: m.index!, end: m.index! + m[0].length, valid: isValidDate(year, month, day) };
    const latin = [...m[1]].flatMap((c, i) => (c === 'O' || c === 'Ｏ' || c === '0' ? [{ start: i, end: i + 1 }] : []));
    if (latin.length) d.latinZero = latin;
    out.push(d);
  }
  return out;
}
