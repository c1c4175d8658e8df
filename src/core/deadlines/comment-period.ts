/**
 * The public comment period of a draft decision (决策草案): normally not less than 30 days; a shorter one
 * must say why (条例713号 第十五条, in force from 2019-09-01). A range counts both its first and last
 * day (2026-03-01至2026-03-30 = 30 日). Here `due` is the window's last day and `state` says whether the
 * window meets the minimum (`late` = too short without a reason).
 */
import type { ZwgkDocument } from '../document';
import type { Calendar } from '../calendar';
import { CLAUSES } from '../clauses';
import { compareDates } from '../dates';
import { profileOf, versionFor } from '../profile';
import { SOURCES } from '../sources';
import { findCommentWindow, shortenedReason } from './comment-window';
import { isoDate } from './wording';
import type { Deadline } from './index';

export interface CommentOptions {
  minDays?: number;
}

export function commentPeriodDeadline(doc: ZwgkDocument, cal: Calendar, options: CommentOptions = {}): Deadline | undefined {
  const p = profileOf(doc);
  if (p.kind.value !== '决策草案' || !p.kindSure) return undefined;
  if (!versionFor(doc, [SOURCES.tiaoli713])) return undefined;
  const w = findCommentWindow(doc, cal);
  if (!w) return undefined;
  const min = options.minDays ?? 30;
  const [start, end] = w.range;
  const base: Deadline = {
    rule: 'comment-period', label: '征求意见期限', clause: CLAUSES.tiaoli713_15,
    from: w.start ? { date: isoDate(w.start), source: w.startSource ?? (w.source === 'metadata' ? '元数据“征求意见期限”' : '正文'), start, end } : undefined,
    due: w.end && isoDate(w.end), period: `不少于${min}日`, state: 'on-time',
    data: {
      days: w.days, workdays: w.workdays, minimum: min, window: { start, end, source: w.source, raw: w.raw, startSource: w.startSource, yearFromNotice: w.yearFrom ?? false },
      ...(w.start ? { start: isoDate(w.start) } : {}), ...(w.end ? { deadline: isoDate(w.end) } : {}),
    },
  };
  if (w.start && w.end && compareDates(w.end, w.start) < 0) return { ...base, state: 'unknown', data: { ...base.data, reversed: true } };
  if (w.days === undefined || w.days >= min) return base;
  if (shortenedReason(doc)) return { ...base, data: { ...base.data, reason: true } };
  return { ...base, state: 'late', late: { days: min - w.days, text: `少于${min}日` } };
}
