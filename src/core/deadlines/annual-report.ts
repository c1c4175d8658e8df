/**
 * 政府信息公开工作年度报告: published by 1月31日 (a government department) or 3月31日 (a government) of the
 * year after the report year (条例 第四十九条, from report year 2019); under the 2007 条例 (report years
 * 2008–2018) every 行政机关 by 3月31日 (第三十一条). Fixed calendar dates: a report published on the day
 * itself is on time. Nothing for report years before 2008.
 */
import type { ZwgkDocument } from '../document';
import type { SimpleDate } from '../dates';
import { CLAUSES } from '../clauses';
import { profileOf, isReportTitle, type AuthorityLevel } from '../profile';
import { versionOn, TIAOLI_VERSIONS, SOURCES } from '../sources';
import { isoDate, isAfter, lateByDays } from './wording';
import type { Deadline } from './index';

export const LEVEL_NAME = { government: '政府', department: '政府部门' } as const;

/** The deadline of a report year's report for a level, and the version of the 条例 that sets it. */
export function reportDeadline(year: number, level: AuthorityLevel | undefined): { due: SimpleDate; v2019: boolean } | undefined {
  const march = { year: year + 1, month: 3, day: 31 };
  const version = versionOn(TIAOLI_VERSIONS, march);
  if (!version) return undefined;
  const v2019 = version === SOURCES.tiaoli2019 && year >= 2019;
  if (v2019 && level === 'department') return { due: { year: year + 1, month: 1, day: 31 }, v2019 };
  return { due: march, v2019 };
}

export function annualReport(doc: ZwgkDocument): Deadline | undefined {
  const p = profileOf(doc);
  if (p.kind.value !== '年度报告' || !p.kindSure) return undefined;
  if (p.kind.inferred && !isReportTitle(doc.title?.text)) return undefined;
  const year = p.reportYear;
  if (!year) return undefined;
  const level = p.level.level;
  const dl = reportDeadline(year.year, level);
  if (!dl) return undefined;
  const clause = dl.v2019 ? CLAUSES.tiaoli_49 : CLAUSES.tiaoli2007_31;
  // Level unknown under the 2019 条例: 3月31日 is the latest either level may publish.
  const period = !dl.v2019 ? '次年3月31日前' : level === 'department' ? '次年1月31日前' : level === 'government' ? '次年3月31日前' : '次年3月31日前（政府部门为1月31日前）';
  const base: Deadline = {
    rule: 'annual-report-deadline', label: '年度报告公布期限', clause,
    from: { date: `${year.year}-12-31`, source: `报告年度${year.year}`, start: year.start, end: year.end },
    due: isoDate(dl.due), period, state: 'open',
    data: { reportYear: year.year, level, levelReason: p.level.reason, version: dl.v2019 ? 'tiaoli2019' : 'tiaoli2007', deadline: isoDate(dl.due) },
  };
  const published = p.published;
  if (!published) return base;
  base.actual = { date: isoDate(published), source: published.source, start: published.start, end: published.end };
  // Published within the report year: not about this deadline.
  if (!isAfter(published, { year: year.year, month: 12, day: 31 })) return { ...base, state: 'on-time' };
  if (!isAfter(published, dl.due)) {
    // Level unknown: on time for a government, perhaps late for a department (the rule says so at info).
    if (dl.v2019 && !level && isAfter(published, { year: year.year + 1, month: 1, day: 31 })) {
      const late = lateByDays({ year: year.year + 1, month: 1, day: 31 }, published, '法定期限');
      return { ...base, state: 'on-time', data: { ...base.data, departmentLate: { deadline: `${year.year + 1}-01-31`, daysLate: late.days, text: late.text } } };
    }
    return { ...base, state: 'on-time' };
  }
  const late = lateByDays(dl.due, published, '法定期限');
  return { ...base, state: 'late', late: { days: late.days, text: late.text }, data: { ...base.data, daysLate: late.days } };
}
