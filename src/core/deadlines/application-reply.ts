/**
 * The reply to an application for disclosure (依申请公开): within 20 working days of receipt, 20 more
 * when an extension is stated (条例 第三十三条); under the 2007 条例 (applications received before
 * 2019-05-15) 15 and 15 more (第二十四条). A 补正 receipt restarts the period (第三十条); time spent
 * consulting third parties is not counted (the rule then says so at `info`). Without an extension,
 * `data.extendedDue` is the latest day one approved by the 政府信息公开工作机构负责人 could reach.
 */
import type { ZwgkDocument } from '../document';
import type { Calendar } from '../calendar';
import { CLAUSES } from '../clauses';
import { getField } from '../metadata';
import { findDates, compareDates } from '../dates';
import { toSimplified } from '../data/traditional';
import { sentences } from '../util/sentences';
import { metaDate, profileOf, versionFor, type OwnDate } from '../profile';
import { TIAOLI_VERSIONS, SOURCES } from '../sources';
import { isoDate, isAfter, lateByWorkdays } from './wording';
import type { Deadline } from './index';

export interface ReplyOptions {
  /** Working days to reply (default: the version's, 20 or 15). */
  workdays?: number;
  /** Working days of an extension (default: the version's, 20 or 15). */
  extensionWorkdays?: number;
}

/** 收到申请日期: metadata, else “于2026年3月2日收到…申请” in the body; a later 补正 receipt restarts the period (条例 第三十条). */
function receivedDate(doc: ZwgkDocument): { date: OwnDate; corrected: boolean } | undefined {
  let received = metaDate(doc, '收到申请日期');
  let corrected: OwnDate | undefined;
  for (const s of sentences(doc)) {
    if (!/收到|签收|确认/.test(s.text)) continue;
    for (const d of findDates(s.text)) {
      if (!d.valid) continue;
      const after = s.text.slice(d.end, d.end + 16);
      const m = /^[^，,。；]{0,10}?(收到|签收)/.exec(after);
      if (!m) continue;
      const located: OwnDate = { year: d.year, month: d.month, day: d.day, start: s.start + d.start, end: s.start + d.end, source: '正文', from: 'body' };
      const clause = s.text.slice(d.end, d.end + 40).split(/[，,；;]/)[0];
      if (/补正/.test(clause)) {
        if (!corrected || compareDates(located, corrected) > 0) corrected = { ...located, source: '正文（收到补正申请）' };
      } else if (!received && /申请/.test(s.text)) {
        received = { ...located, source: '正文（收到申请）' };
      }
    }
  }
  if (corrected && (!received || compareDates(corrected, received) > 0)) return { date: corrected, corrected: true };
  return received ? { date: received, corrected: false } : undefined;
}

/** 延期答复 stated: metadata `延期答复: 是` (否 turns it off), else the body mentions an extension. */
function extended(doc: ZwgkDocument): boolean {
  const f = getField(doc.metadata, '延期答复');
  if (f && f.value) {
    const v = toSimplified(f.value).trim().toLowerCase();
    if (/^(否|无|不|没有|false|no|n)$/.test(v)) return false;
    if (/^(是|有|已延期|延期|true|yes|y)$/.test(v) || /延/.test(v)) return true;
  }
  for (const s of sentences(doc)) {
    const m = /延期答复|延长答复期限|延长答复|答复期限延长|延期至/.exec(s.text);
    if (m && !/(不|未|无需|无须|没有|不予)\s{0,2}$/.test(s.text.slice(Math.max(0, m.index - 4), m.index))) return true;
  }
  return false;
}

/** The body says third parties or other authorities were consulted (条例 第三十三条 第三款: time not counted). */
function consulted(doc: ZwgkDocument): boolean {
  return sentences(doc).some((s) => /征求.{0,12}(第三方|其他机关|有关机关|相关机关|其他行政机关).{0,6}意见|第三方意见/.test(s.text));
}

/** The reply's date: 答复日期, else the 成文日期 (catalogue or 落款). */
function replyDate(doc: ZwgkDocument): OwnDate | undefined {
  return metaDate(doc, '答复日期') ?? profileOf(doc).issued;
}

export function applicationReply(doc: ZwgkDocument, cal: Calendar, options: ReplyOptions = {}): Deadline | undefined {
  const hasFields = !!getField(doc.metadata, '收到申请日期')?.value && !!getField(doc.metadata, '答复日期')?.value;
  const p = profileOf(doc);
  if (!hasFields && (p.kind.value !== '依申请答复' || !p.kindSure)) return undefined;
  const got = receivedDate(doc);
  if (!got) return undefined;
  const received = got.date;
  const version = versionFor(doc, TIAOLI_VERSIONS, received);
  if (!version) return undefined;
  const v2007 = version === SOURCES.tiaoli2007;
  const ext = extended(doc);
  const base_ = options.workdays ?? (v2007 ? 15 : 20);
  const allowed = options.extensionWorkdays ?? (v2007 ? 15 : 20);
  const extra = ext ? allowed : 0;
  const n = base_ + extra;
  const due = cal.addWorkdays(received, n);
  // Not extended (yet): the latest day an approved extension could reach (第三十三条 第二款).
  const extendedDue = !ext && allowed > 0 ? cal.addWorkdays(received, n + allowed) : undefined;
  const base: Deadline = {
    rule: 'application-reply-deadline', label: '依申请公开答复期限', clause: v2007 ? CLAUSES.tiaoli2007_24 : CLAUSES.tiaoli_33,
    from: { date: isoDate(received), source: received.source, start: received.start, end: received.end },
    due: due && isoDate(due), period: `${n}个工作日${ext ? `（含延期${extra}个工作日）` : ''}`, state: 'open',
    data: { received: isoDate(received), corrected: got.corrected, extended: ext, extensionWorkdays: extra, workdays: n, consulted: consulted(doc), version: version.id, ...(due ? { deadline: isoDate(due) } : {}),
      ...(extendedDue ? { extendedDue: isoDate(extendedDue), allowedExtensionWorkdays: allowed } : {}) },
  };
  const reply = replyDate(doc);
  if (!reply || !isAfter(reply, received)) return reply ? { ...base, state: 'on-time', actual: { date: isoDate(reply), source: reply.source, start: reply.start, end: reply.end } } : base;
  base.actual = { date: isoDate(reply), source: reply.source, start: reply.start, end: reply.end };
  if (!due) {
    const used = cal.workdaysBetween(received, reply);
    return { ...base, state: used !== undefined && used <= n ? 'on-time' : 'unknown' };
  }
  if (!isAfter(reply, due)) return { ...base, state: 'on-time' };
  const late = lateByWorkdays(cal, due, reply, '法定期限');
  return { ...base, state: 'late', late: { days: late.days, workdays: late.workdays, text: late.text }, data: { ...base.data, workdaysLate: late.workdays, daysLate: late.days } };
}
