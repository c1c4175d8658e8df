/** Calendar dates as drafts write them: 2026-03-02, 2026/3/2, 2026.3.2 or 2026年3月2日. */

export interface SimpleDate {
  year: number;
  month: number;
  day: number;
}

/** A date found in text, with where it stands (offsets relative to the searched string). */
export interface DateMatch extends SimpleDate {
  start: number;
  end: number;
  raw: string;
  /** 'cn' for 2026年3月2日, 'iso' for 2026-03-02 and its / . variants. */
  style: 'cn' | 'iso';
  /** False for impossible dates such as 2019年2月30日. */
  valid: boolean;
  /** The year, month and day strings as written (to detect 06 vs 6). */
  parts: { year: string; month: string; day: string };
}

// Bounded quantifiers only: linear time on any input.
const CN_DATE = /(?<![0-9０-９])([0-9]{2,4})\s{0,2}年\s{0,2}([0-9]{1,2})\s{0,2}月\s{0,2}([0-9]{1,2})\s{0,2}日/g;
const ISO_DATE = /(?<![0-9.\-/])([0-9]{4})([-/.])([0-9]{1,2})\2([0-9]{1,2})(?![0-9]|[.\-/][0-9])/g;

export function isValidDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function toMatch(m: RegExpExecArray, style: 'cn' | 'iso'): DateMatch {
  const [y, mo, d] = style === 'cn' ? [m[1], m[2], m[3]] : [m[1], m[3], m[4]];
  const year = Number(y), month = Number(mo), day = Number(d);
  return {
    year, month, day, style, raw: m[0], start: m.index, end: m.index + m[0].length,
    valid: y.length === 4 && isValidDate(year, month, day),
    parts: { year: y, month: mo, day: d },
  };
}

/** Every date written in `text`, in order of position. */
export function findDates(text: string): DateMatch[] {
  const out: DateMatch[] = [];
  for (const m of text.matchAll(CN_DATE)) out.push(toMatch(m as RegExpExecArray, 'cn'));
  for (const m of text.matchAll(ISO_DATE)) out.push(toMatch(m as RegExpExecArray, 'iso'));
  return out.sort((a, b) => a.start - b.start);
}

/** Parses a metadata value that should be one date. Returns undefined when it holds no date. */
export function parseDate(value: string): DateMatch | undefined {
  const trimmed = value.trim();
  const found = findDates(trimmed);
  return found.length > 0 && found[0].start === 0 ? found[0] : undefined;
}

export function formatDate(d: SimpleDate, style: 'cn' | 'iso' = 'iso'): string {
  if (style === 'cn') return `${d.year}年${d.month}月${d.day}日`;
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

export function compareDates(a: SimpleDate, b: SimpleDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** Days from a to b (b - a), in calendar days. */
export function dayDiff(a: SimpleDate, b: SimpleDate): number {
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86400000);
}

export function addDays(d: SimpleDate, n: number): SimpleDate {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day + n));
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];
export function weekday(d: SimpleDate): string {
  return WEEKDAYS[new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay()];
}
