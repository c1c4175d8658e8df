/**
 * The comment window of a draft put out for comment (决策草案): metadata `征求意见期限`, else the first
 * sentence of the body that states it — as a range (2026年3月1日至3月30日), an end (截止2026年3月30日,
 * 请于11月23日前 with the year from the notice's date) or a length (30日, 15个工作日, 一个月).
 */
import type { ZwgkDocument } from '../document';
import type { Calendar } from '../calendar';
import { getField } from '../metadata';
import { addDays, dayDiff, findDates, isValidDate, compareDates, type SimpleDate, type DateMatch } from '../dates';
import { toSimplified } from '../data/traditional';
import { parseSmallNumber } from '../util/cn-number';
import { sentences, type Sentence } from '../util/sentences';
import { profileOf, resolveYear } from '../profile';

export interface CommentWindow {
  start?: SimpleDate;
  end?: SimpleDate;
  /** Length in days: stated (30日), or counted from start to end inclusive. */
  days?: number;
  /** The window is given in working days (N个工作日): `days` is then calendar days after `start`. */
  workdays?: number;
  /** Where the window is written (metadata value or the sentence's dates). */
  range: [number, number];
  source: 'metadata' | 'body';
  raw: string;
  /** How the start was found when the text names only the end or a length. */
  startSource?: string;
  /** The end was written without a year (请于11月23日前): the year is the notice's. */
  yearFrom?: boolean;
}

const CONNECTOR = /^\s{0,2}(?:起\s{0,2})?(?:至|到|～|~|—{1,2}|－|-)\s{0,2}/;
const PARTIAL_END = /^(?:([0-9]{1,2})\s{0,2}月\s{0,2})?([0-9]{1,2})\s{0,2}日/;

/**
 * A date range “2026年3月1日至3月30日” / “2026-03-01至2026-03-30” / “2026年3月1日至30日” starting at
 * the date `d` in `text`. Returns the end date and where the range ends.
 */
function rangeFrom(text: string, d: DateMatch, all: DateMatch[]): { end: SimpleDate; endAt: number } | undefined {
  const rest = text.slice(d.end);
  const c = CONNECTOR.exec(rest);
  if (!c) return undefined;
  const at = d.end + c[0].length;
  const full = all.find((x) => x.start === at);
  if (full) return full.valid ? { end: full, endAt: full.end } : undefined;
  const p = PARTIAL_END.exec(text.slice(at));
  if (!p) return undefined;
  const month = p[1] ? Number(p[1]) : d.month;
  const day = Number(p[2]);
  let year = d.year;
  if (month < d.month) year++;
  if (!isValidDate(year, month, day)) return undefined;
  return { end: { year, month, day }, endAt: at + p[0].length };
}

/** 11月23日前 / 11月23日之前 / 截止到11月23日: a month and day with an end cue, no year. */
const YEARLESS_END = /(?<![0-9年])([0-9]{1,2})\s{0,2}月\s{0,2}([0-9]{1,2})\s{0,2}日\s{0,2}((?:前|之前|以前|止|截止))/g;

const DAYS_RE = /(?<![0-9])([0-9]{1,3}|[一二两三四五六七八九十]{1,3})\s{0,2}(个)?\s{0,2}(工作日|自然日|日|天|月)/g;

/** Start date for windows that give only an end or a length: 发布日期, else 成文日期 (catalogue or 落款). */
function windowStart(doc: ZwgkDocument): { date: SimpleDate; source: string } | undefined {
  const p = profileOf(doc);
  const d = p.published ?? p.issued;
  return d ? { date: d, source: d.source } : undefined;
}

/** A window given as a length (N日 / N个工作日), counted from the notice's date when it is known. */
function fromLength(doc: ZwgkDocument, cal: Calendar | undefined, n: number, unit: string): Omit<CommentWindow, 'range' | 'source' | 'raw'> {
  const s = windowStart(doc);
  if (unit === '工作日') {
    // “自发布之日起N个工作日”: the start day is not counted, so the window runs from the next day.
    const end = s && cal ? cal.addWorkdays(s.date, n) : undefined;
    return { workdays: n, start: s ? addDays(s.date, 1) : undefined, startSource: s?.source, end, days: s && end ? dayDiff(s.date, end) : undefined };
  }
  return { days: n, start: s?.date, startSource: s?.source, end: s ? addDays(s.date, n - 1) : undefined };
}

/** Reads a window from one piece of text (a metadata value or a sentence); offsets relative to `text`. */
function parseWindow(doc: ZwgkDocument, cal: Calendar | undefined, text: string, requireCue: boolean): (Omit<CommentWindow, 'range' | 'source' | 'raw'> & { a: number; b: number }) | undefined {
  const dates = findDates(text).filter((d) => d.year >= 1000);
  for (const d of dates) {
    if (!d.valid) continue;
    const r = rangeFrom(text, d, dates);
    if (r) {
      const days = dayDiff(d, r.end) + 1;
      return { start: d, end: r.end, days, a: d.start, b: r.endAt };
    }
  }
  // An end only: 截止2026年3月30日 / 请于2026年3月30日前 / 意见反馈截止时间：2026-03-30.
  const endCue = /截止|截至|止|前|之前|以前/;
  for (const d of dates) {
    if (!d.valid) continue;
    // A date followed by 至/— starts a range whose end could not be read (2020年12月1日-2020年1230日):
    // it is never the end of the window.
    if (CONNECTOR.test(text.slice(d.end))) continue;
    const around = text.slice(Math.max(0, d.start - 12), Math.min(text.length, d.end + 4));
    if (!requireCue || endCue.test(around)) {
      const s = windowStart(doc);
      const startDate = s && compareDates(s.date, d) <= 0 ? s.date : undefined;
      return { start: startDate, startSource: startDate ? s!.source : undefined, end: d, days: startDate ? dayDiff(startDate, d) + 1 : undefined, a: d.start, b: d.end };
    }
  }
  // An end without a year: 请于11月23日前 — the year comes from the notice's own date.
  for (const m of text.matchAll(YEARLESS_END)) {
    const a = m.index!, b = a + m[0].length;
    if (dates.some((d) => d.start <= a && a < d.end)) continue; // the 11月23日 of 2020年11月23日
    const end = resolveYear(doc, Number(m[1]), Number(m[2]));
    if (!end) continue;
    const s = windowStart(doc);
    const startDate = s && compareDates(s.date, end) <= 0 ? s.date : undefined;
    return { start: startDate, startSource: startDate ? s!.source : undefined, end, days: startDate ? dayDiff(startDate, end) + 1 : undefined, a, b: a + m[0].length - m[3].length, yearFrom: true };
  }
  // A length: 30日 / 三十天 / 自发布之日起30日 / 15个工作日.
  for (const m of text.matchAll(DAYS_RE)) {
    const a = m.index!, b = a + m[0].length;
    if (dates.some((d) => d.start < b && a < d.end)) continue; // the 30日 of 2026年3月30日
    if (requireCue && !/期限|为期|时间|期间|自.{0,12}起|之日起/.test(text.slice(0, a + 1))) continue;
    if (m[3] === '月' && !m[2]) continue; // 2026年3月 is a month, not a length
    const n = parseSmallNumber(m[1]);
    // A month (为期一个月) counts as 30 days.
    if (n !== undefined && n > 0) return { ...fromLength(doc, cal, m[3] === '月' ? n * 30 : n, m[3]), a, b };
  }
  return undefined;
}

/** Sentences that state the comment window: a label (征求意见时间、意见反馈截止时间、公告时间 …) or 意见 + dates. */
const WINDOW_CUE = /征求意见(?:的)?(?:时间|期限|期|日期|截止)|意见(?:反馈|征集|提交|提出)?(?:的)?(?:截止)?(?:时间|期限|日期)|反馈(?:截止)?(?:时间|日期|期限)|(?:公告|公示)(?:时间|期限|期)|截止(?:时间|日期)/;
const COMMENT_CONTEXT = /意见|征求|反馈/;

/**
 * The comment window of a 决策草案: metadata `征求意见期限`, else the first sentence of the body that
 * states it. Range counting: both the first and the last day count (2026-03-01至2026-03-30 = 30 日).
 */
export function findCommentWindow(doc: ZwgkDocument, cal?: Calendar): CommentWindow | undefined {
  const f = getField(doc.metadata, '征求意见期限');
  if (f && f.value) {
    const v = toSimplified(f.value);
    const w = parseWindow(doc, cal, v, false);
    if (w) {
      const { a, b, ...rest } = w;
      return { ...rest, range: [f.start, f.end], source: 'metadata', raw: f.value };
    }
  }
  const all = sentences(doc);
  // Sentences with a window label first, then any sentence about comments with a date range.
  for (const pass of [0, 1] as const) {
    for (const s of all) {
      if (pass === 0 ? !WINDOW_CUE.test(s.text) : !COMMENT_CONTEXT.test(s.text)) continue;
      const w = parseWindow(doc, cal, s.text, true);
      if (!w || (pass === 1 && !(w.start && w.end))) continue;
      const { a, b, ...rest } = w;
      return { ...rest, range: [s.start + a, s.start + b], source: 'body', raw: s.text.slice(a, b) };
    }
  }
  return undefined;
}

/**
 * A stated reason for a shortened comment period: urgency (因…紧急 / 情况紧急) or an explicit
 * shortening (缩短…期限), in a sentence that is about the comment period — so that a draft whose
 * own subject is 缩短办理时间 or 紧急情况 is not read as giving a reason.
 */
export function shortenedReason(doc: ZwgkDocument): Sentence | undefined {
  for (const s of sentences(doc)) {
    // “不少于30日” restates the rule; only 少于 without 不 (e.g. “期限少于30日的原因是…”) counts.
    if (!/紧急|紧迫|急需|缩短|(?<!不)少于/.test(s.text)) continue;
    if (/征求意见|意见反馈|公示期|公告期|期限|征求.{0,10}意见/.test(s.text)) return s;
  }
  return undefined;
}
