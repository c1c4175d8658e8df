/**
 * The Chinese wording of deadline messages: dates (2026年3月6日), and "late by …" in working days or
 * calendar days, with the noun that says whether a law (法定期限) or a work plan (规定期限) sets it.
 */
import type { Calendar } from '../calendar';
import { addDays, dayDiff, formatDate, compareDates, type SimpleDate } from '../dates';

/** 2026年3月6日 */
export function cnDate(d: SimpleDate): string {
  return formatDate(d, 'cn');
}

/** 2026-03-06 (for `data`, editor hovers). */
export function isoDate(d: SimpleDate): string {
  return formatDate(d, 'iso');
}

/** True when a is strictly after b. */
export function isAfter(a: SimpleDate, b: SimpleDate): boolean {
  return compareDates(a, b) > 0;
}

/**
 * What a deadline is called in a message: 法定期限 when a law or State Council regulation sets it (条例
 * 第二十六、三十三、四十九条; 条例713号), 规定期限 when it comes from a work plan such as the 要点.
 */
export type DeadlineNoun = '法定期限' | '规定期限';

/**
 * How late `actual` is past `deadline` in working days, worded for a message (no spaces between digits and
 * Chinese, as in 公文): “晚于法定期限3个工作日”. When `actual` is a day off right after the deadline
 * (0 working days), “晚于法定期限（在期限届满后的休息日）”; when the calendar cannot count the days,
 * “晚于法定期限12天（…工作日数无法计算）”.
 */
export function lateByWorkdays(cal: Calendar, deadline: SimpleDate, actual: SimpleDate, noun: DeadlineNoun): { text: string; workdays?: number; days: number } {
  const days = dayDiff(deadline, actual);
  const w = cal.workdaysBetween(deadline, actual);
  if (w === undefined) {
    const y = cal.uncoveredYear(addDays(deadline, 1), actual);
    return { text: `晚于${noun}${days}天（${y ?? ''}年不在工作日历数据范围内，工作日数无法计算）`, days };
  }
  if (w === 0) return { text: `晚于${noun}（在期限届满后的休息日）`, workdays: 0, days };
  return { text: `晚于${noun}${w}个工作日`, workdays: w, days };
}

/** “晚于法定期限10天” / “晚于规定期限7天” for deadlines that are fixed calendar dates (1月31日、3月31日、5日、10日). */
export function lateByDays(deadline: SimpleDate, actual: SimpleDate, noun: DeadlineNoun): { text: string; days: number } {
  const days = dayDiff(deadline, actual);
  return { text: `晚于${noun}${days}天`, days };
}

/**
 * The `info` message when working days cannot be counted: the calendar data does not cover a year.
 * Never guesses from weekends.
 */
export function uncoveredMessage(cal: Calendar, what: string, from: SimpleDate, to: SimpleDate): string {
  const [a, b] = cal.range;
  const y = cal.uncoveredYear(from, to) ?? to.year;
  return `无法计算${what}：${y}年不在工作日历数据范围内（国务院节假日安排${a}—${b}年），不按周末推算；` +
    '请人工核对，或在配置 calendar 中补充该年的节假日与调休工作日';
}
