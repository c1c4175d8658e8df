/**
 * 主动公开: information is published within 20 working days of being formed (条例 第二十六条; before
 * 2019-05-15 the 2007 条例 第十八条, the same 20 working days). Formed = the 成文日期 (catalogue, else the
 * 落款); published = the 发布日期. Nothing for a document formed before 2008-05-01 (the 条例 did not exist).
 */
import type { ZwgkDocument } from '../document';
import type { Calendar } from '../calendar';
import { CLAUSES } from '../clauses';
import { isProactive } from '../util/disclosure';
import { profileOf, versionFor } from '../profile';
import { TIAOLI_VERSIONS, SOURCES } from '../sources';
import { toSimplified } from '../data/traditional';
import { isoDate, isAfter, lateByWorkdays } from './wording';
import type { Deadline } from './index';

export interface ProactiveOptions {
  workdays?: number;
}

/**
 * A 落款 dated within the year a retrospective document reports on (北京市中医管理局2020年度法治政府建设情况
 * 报告 signed 2020年1月8日) is a slip of the pen, not the day the information was formed.
 */
function implausibleFormed(doc: ZwgkDocument, year: number): boolean {
  const p = profileOf(doc);
  if (p.title.genre?.family !== 'report' || p.issued?.from !== 'signature') return false;
  const m = /((?:19|20)[0-9]{2})年度?/.exec(toSimplified(p.title.text));
  return !!m && year <= Number(m[1]);
}

export function proactiveDisclosure(doc: ZwgkDocument, cal: Calendar, options: ProactiveOptions = {}): Deadline | undefined {
  // 主动公开 by util/disclosure: metadata 公开属性, else the 附注, else a saved portal page.
  if (!isProactive(doc)) return undefined;
  const p = profileOf(doc);
  const formed = p.issued;
  if (!formed) return undefined;
  const version = versionFor(doc, TIAOLI_VERSIONS, formed);
  if (!version) return undefined;
  if (implausibleFormed(doc, formed.year)) return undefined;
  const clause = version === SOURCES.tiaoli2007 ? CLAUSES.tiaoli2007_18 : CLAUSES.tiaoli_26;
  const n = options.workdays ?? 20;
  const published = p.published;
  const due = cal.addWorkdays(formed, n);
  const base: Deadline = {
    rule: 'proactive-disclosure-deadline', label: '主动公开期限', clause,
    from: { date: isoDate(formed), source: formed.source, start: formed.start, end: formed.end },
    due: due && isoDate(due), period: `${n}个工作日`, state: 'open',
    data: { workdays: n, version: version.id, formed: isoDate(formed), ...(due ? { deadline: isoDate(due) } : {}) },
  };
  if (!published) return base;
  base.actual = { date: isoDate(published), source: published.source, start: published.start, end: published.end };
  if (!isAfter(published, formed)) return { ...base, state: 'on-time' };
  if (!due) {
    // The deadline lies in a year the calendar does not cover. Published before that year: on time.
    const used = cal.workdaysBetween(formed, published);
    return { ...base, state: used !== undefined && used <= n ? 'on-time' : 'unknown' };
  }
  if (!isAfter(published, due)) return { ...base, state: 'on-time' };
  const late = lateByWorkdays(cal, due, published, '法定期限');
  return { ...base, state: 'late', late: { days: late.days, workdays: late.workdays, text: late.text }, data: { ...base.data, workdaysLate: late.workdays, daysLate: late.days } };
}

