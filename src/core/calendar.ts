/**
 * Chinese working days from the State Council's yearly holiday notices (data of the pinned
 * `chinese-days` package, 调休 included), plus local overrides from config. Years the data does not
 * cover are reported as unknown — never guessed from weekends.
 */
import data from 'chinese-days/dist/chinese-days.json';
import { addDays, formatDate, parseDate, type SimpleDate } from './dates';

export interface CalendarOverrides {
  /** Extra days off (ISO dates). */
  holidays?: string[];
  /** Extra working days (ISO dates). */
  workdays?: string[];
}

export interface DayInfo {
  date: string;
  /** undefined when the year is not covered by the calendar data. */
  workday: boolean | undefined;
  /** Holiday name (e.g. 春节) when the day is an official day off, or 调休 work day's holiday. */
  holiday?: string;
  /** A weekend day that is a working day (调休). */
  adjustedWorkday?: boolean;
  weekend: boolean;
  covered: boolean;
}

const RAW = data as { holidays: Record<string, string>; workdays: Record<string, string> };

function holidayName(entry: string | undefined): string | undefined {
  if (!entry) return undefined;
  return entry.split(',')[1] ?? entry;
}

export class Calendar {
  private readonly holidays: Map<string, string>;
  private readonly workdays: Map<string, string>;
  private readonly years: Set<number>;

  constructor(overrides: CalendarOverrides = {}) {
    this.holidays = new Map(Object.entries(RAW.holidays).map(([k, v]) => [k, holidayName(v) ?? '节假日']));
    this.workdays = new Map(Object.entries(RAW.workdays).map(([k, v]) => [k, holidayName(v) ?? '调休']));
    this.years = new Set([...this.holidays.keys()].map((k) => Number(k.slice(0, 4))));
    for (const h of overrides.holidays ?? []) {
      const d = parseDate(h);
      if (!d) continue;
      const key = formatDate(d);
      this.workdays.delete(key);
      this.holidays.set(key, '本地节假日');
    }
    for (const w of overrides.workdays ?? []) {
      const d = parseDate(w);
      if (!d) continue;
      const key = formatDate(d);
      this.holidays.delete(key);
      this.workdays.set(key, '本地工作日');
    }
  }

  /** First and last year the official data covers. */
  get range(): [number, number] {
    const ys = [...this.years];
    return [Math.min(...ys), Math.max(...ys)];
  }

  covers(year: number): boolean {
    return this.years.has(year);
  }

  info(d: SimpleDate): DayInfo {
    const key = formatDate(d);
    const dow = new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
    const weekend = dow === 0 || dow === 6;
    const covered = this.covers(d.year);
    const holiday = this.holidays.get(key);
    const work = this.workdays.get(key);
    if (holiday) return { date: key, workday: false, holiday, weekend, covered };
    if (work) return { date: key, workday: true, holiday: work, adjustedWorkday: weekend, weekend, covered };
    return { date: key, workday: covered ? !weekend : undefined, weekend, covered };
  }

  isWorkday(d: SimpleDate): boolean | undefined {
    return this.info(d).workday;
  }

  /**
   * The date `n` working days after `from` (the start day itself is not counted, as 条例 counts
   * "自…之日起"). undefined when any day on the way lies in a year the data does not cover.
   */
  addWorkdays(from: SimpleDate, n: number): SimpleDate | undefined {
    let d = from;
    let left = n;
    // 400 calendar days is more than enough for 40 working days; a bound keeps this linear.
    for (let guard = 0; left > 0 && guard < 4000; guard++) {
      d = addDays(d, 1);
      const w = this.isWorkday(d);
      if (w === undefined) return undefined;
      if (w) left--;
    }
    return left === 0 ? d : undefined;
  }

  /**
   * Working days after `from` up to and including `to` (0 when `to` is not after `from`).
   * undefined when a day in between is not covered.
   */
  workdaysBetween(from: SimpleDate, to: SimpleDate): number | undefined {
    let count = 0;
    let d = from;
    const end = formatDate(to);
    for (let guard = 0; formatDate(d) < end && guard < 40000; guard++) {
      d = addDays(d, 1);
      const w = this.isWorkday(d);
      if (w === undefined) return undefined;
      if (w) count++;
    }
    return count;
  }
}
