/**
 * Chinese working days from the State Council's yearly holiday notices (data of the pinned
 * `chinese-days` package, 调休 included), plus local overrides from config. Years the data does not
 * cover are reported as unknown — never guessed from weekends.
 *
 * Counting convention (条例 第二十六条、第三十三条 “自…之日起 N 个工作日内”): the start day itself is
 * not counted; the deadline is the N-th working day after it, and that day is still on time.
 */
import data from 'chinese-days/dist/chinese-days.json';
import { addDays, dayDiff, formatDate, parseDate, weekday, type SimpleDate } from './dates';

export interface CalendarOverrides {
  /** Extra days off (ISO dates), e.g. a local holiday. */
  holidays?: string[];
  /** Extra working days (ISO dates), e.g. a local 调休 Saturday. */
  workdays?: string[];
}

/** Calendar construction options: config overrides plus years declared complete. */
export interface CalendarOptions extends CalendarOverrides {
  /**
   * Years the overrides describe completely (every holiday and 调休 day of the year is listed), so the
   * calendar may count working days in them although the official data does not cover them (e.g. the
   * next year's State Council notice before the package is updated). Without this, overrides in an
   * uncovered year mark single days but the year stays unknown.
   */
  years?: number[];
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
  /** True when the day's status comes from a local override in config. */
  local?: boolean;
}

const RAW = data as { holidays: Record<string, string>; workdays: Record<string, string> };

let dataId: string | undefined;

/**
 * Identifies the official calendar data (FNV-1a of its JSON, with its range of years): it changes when the
 * pinned package's data does — what a cache of results must be keyed by.
 */
export function calendarDataId(): string {
  if (dataId === undefined) {
    const json = JSON.stringify(RAW);
    let h = 0x811c9dc5;
    for (let i = 0; i < json.length; i++) h = Math.imul(h ^ json.charCodeAt(i), 0x01000193);
    const years = Object.keys(RAW.holidays).map((k) => Number(k.slice(0, 4)));
    dataId = `${Math.min(...years)}-${Math.max(...years)}:${(h >>> 0).toString(16)}`;
  }
  return dataId;
}
const LOCAL_HOLIDAY = '本地节假日';
const LOCAL_WORKDAY = '本地工作日';

/** `Spring Festival,春节,4` → 春节. */
function holidayName(entry: string | undefined): string | undefined {
  if (!entry) return undefined;
  return entry.split(',')[1] ?? entry;
}

/** A valid ISO date from an override entry, or undefined (typos such as 2026-02-30 are ignored). */
function overrideKey(s: unknown): string | undefined {
  if (typeof s !== 'string') return undefined;
  const d = parseDate(s);
  return d && d.valid && d.end === s.trim().length ? formatDate(d) : undefined;
}

export class Calendar {
  private readonly holidays: Map<string, string>;
  private readonly workdays: Map<string, string>;
  private readonly local = new Set<string>();
  private readonly years: Set<number>;
  private readonly officialYears: [number, number];
  /** Override entries that are not valid dates (for diagnostics). */
  readonly ignoredOverrides: string[] = [];

  constructor(overrides: CalendarOptions = {}) {
    this.holidays = new Map(Object.entries(RAW.holidays).map(([k, v]) => [k, holidayName(v) ?? '节假日']));
    this.workdays = new Map(Object.entries(RAW.workdays).map(([k, v]) => [k, holidayName(v) ?? '调休']));
    this.years = new Set([...this.holidays.keys()].map((k) => Number(k.slice(0, 4))));
    const ys = [...this.years];
    this.officialYears = [Math.min(...ys), Math.max(...ys)];
    for (const h of overrides.holidays ?? []) {
      const key = overrideKey(h);
      if (!key) { this.ignoredOverrides.push(String(h)); continue; }
      this.workdays.delete(key);
      this.holidays.set(key, LOCAL_HOLIDAY);
      this.local.add(key);
    }
    for (const w of overrides.workdays ?? []) {
      const key = overrideKey(w);
      if (!key) { this.ignoredOverrides.push(String(w)); continue; }
      this.holidays.delete(key);
      this.workdays.set(key, LOCAL_WORKDAY);
      this.local.add(key);
    }
    for (const y of overrides.years ?? []) if (Number.isInteger(y) && y > 1900 && y < 3000) this.years.add(y);
  }

  /** First and last year of the official data (2004–2026 for chinese-days 1.5.7). */
  get range(): [number, number] {
    return [...this.officialYears];
  }

  /** True when working days can be counted in `year` (official data, or declared complete in config). */
  covers(year: number): boolean {
    return this.years.has(year);
  }

  /** The first year from a's to b's (inclusive, either order) the calendar does not cover. */
  uncoveredYear(a: SimpleDate, b: SimpleDate = a): number | undefined {
    const [lo, hi] = a.year <= b.year ? [a.year, b.year] : [b.year, a.year];
    for (let y = lo; y <= hi && y - lo < 10000; y++) if (!this.covers(y)) return y;
    return undefined;
  }

  info(d: SimpleDate): DayInfo {
    const key = formatDate(d);
    const dow = new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
    const weekend = dow === 0 || dow === 6;
    const covered = this.covers(d.year);
    const holiday = this.holidays.get(key);
    const work = this.workdays.get(key);
    const local = this.local.has(key) || undefined;
    if (holiday) return { date: key, workday: false, holiday, weekend, covered, local };
    if (work) return { date: key, workday: true, holiday: work, adjustedWorkday: weekend, weekend, covered, local };
    return { date: key, workday: covered ? !weekend : undefined, weekend, covered };
  }

  isWorkday(d: SimpleDate): boolean | undefined {
    // info(d).workday without building the DayInfo (deadline counting asks this for every day).
    const key = formatDate(d);
    if (this.holidays.has(key)) return false;
    if (this.workdays.has(key)) return true;
    if (!this.covers(d.year)) return undefined;
    const dow = new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
    return dow !== 0 && dow !== 6;
  }

  /**
   * Chinese description of a day for hovers, e.g. “2026年2月14日 星期六，调休上班（春节）”,
   * “2026年2月17日 星期二，休息（春节）”, “2027年1月4日 星期一，该年不在工作日历数据范围内”.
   */
  describe(d: SimpleDate): string {
    const i = this.info(d);
    const head = `${d.year}年${d.month}月${d.day}日 ${weekday(d)}`;
    if (i.local) return `${head}，${i.workday ? '工作日' : '休息'}（配置中的本地调整）`;
    if (i.workday === false && i.holiday) return `${head}，休息（${i.holiday}）`;
    if (i.workday && i.adjustedWorkday) return `${head}，调休上班（${i.holiday}）`;
    if (!i.covered) {
      const [a, b] = this.range;
      return `${head}，${d.year}年不在工作日历数据范围内（${a}—${b}年），无法判断是否为工作日`;
    }
    return `${head}，${i.workday ? '工作日' : '休息日'}`;
  }

  /**
   * The date `n` working days after `from` (the start day itself is not counted, as 条例 counts
   * "自…之日起"); `from` itself when n ≤ 0. undefined when any day on the way lies in a year the
   * calendar does not cover.
   */
  addWorkdays(from: SimpleDate, n: number): SimpleDate | undefined {
    let d: SimpleDate = { year: from.year, month: from.month, day: from.day };
    let left = Math.max(0, Math.trunc(n));
    // Even a whole year of holidays leaves working days: n·3 + 60 calendar days always suffice.
    const guard = left * 3 + 60;
    for (let i = 0; left > 0 && i < guard; i++) {
      d = addDays(d, 1);
      const w = this.isWorkday(d);
      if (w === undefined) return undefined;
      if (w) left--;
    }
    return left === 0 ? d : undefined;
  }

  /**
   * Working days after `from` up to and including `to` (0 when `to` is not after `from`).
   * undefined when a day in between lies in a year the calendar does not cover (a day set by a local
   * override counts as known, as in `addWorkdays`).
   */
  workdaysBetween(from: SimpleDate, to: SimpleDate): number | undefined {
    const days = dayDiff(from, to);
    if (days <= 0) return 0;
    let count = 0;
    let d: SimpleDate = from;
    for (let i = 0; i < days; i++) {
      d = addDays(d, 1);
      const w = this.isWorkday(d);
      if (w === undefined) return undefined;
      if (w) count++;
    }
    return count;
  }
}
