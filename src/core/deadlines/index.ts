/**
 * Every statutory deadline a document is subject to, computed once, as data: the deadline rules report
 * from it, `zwgk inspect` prints it, the 台账 (ledger) lists it — one source of truth, so a due date in
 * the ledger is always the one the rule's message names.
 *
 * One file per deadline: 主动公开 20 working days (条例 第二十六条 / 2007年 第十八条), the annual report
 * (第四十九条 / 2007年 第三十一条), the reply to an application (第三十三条 / 2007年 第二十四条), the comment
 * period (条例713号 第十五条), the 规范性文件 filing (要点 三（三）). Each checks the document against the
 * version of its source in force on the document's own date, and gives nothing for a document dated
 * before its source existed.
 */
import type { ZwgkDocument } from '../document';
import type { Calendar } from '../calendar';
import type { Clause } from '../types';
import type { ResolvedConfig } from '../config';
import { proactiveDisclosure } from './proactive-disclosure';
import { annualReport } from './annual-report';
import { applicationReply } from './application-reply';
import { commentPeriodDeadline } from './comment-period';
import { normativeFiling } from './normative-filing';

export type DeadlineState =
  /** The document was published / replied within the period. */
  | 'on-time'
  /** Published / replied after the last day. */
  | 'late'
  /** Not done yet (no 发布日期 / 答复日期): the ledger counts the days left from "today". */
  | 'open'
  /** The working days cannot be counted: the calendar does not cover a year. */
  | 'unknown';

export interface DeadlineDate {
  /** ISO date. */
  date: string;
  /** Where it is written: 元数据“成文日期”, 正文落款日期 … */
  source: string;
  start: number;
  end: number;
}

export interface Deadline {
  /** Which deadline: the rule that reports it (proactive-disclosure-deadline …). */
  rule: string;
  /** Short Chinese name: 主动公开期限, 年度报告公布期限 … */
  label: string;
  /** The clause applied, in the version in force on the document's date. */
  clause: Clause;
  /** What starts the period (成文日期, 收到申请日期, the end of the report year …). */
  from?: DeadlineDate;
  /** The last day on time (ISO), when it can be computed. */
  due?: string;
  /** How the period is counted, in words: 20个工作日, 次年3月31日前, 不少于30日 … */
  period: string;
  /** What was done and when (发布日期, 答复日期, the end of the comment window). */
  actual?: DeadlineDate;
  state: DeadlineState;
  /** When late: calendar days and (where the period is in working days) working days. */
  late?: { days: number; workdays?: number; text: string };
  /** Extra data the rule's message and the ledger share (level, report year, window …). */
  data: Record<string, unknown>;
}

export type { Deadline as DeadlineInfo };

/**
 * Every deadline that applies to `doc` (options from `config` when given, else the rules' defaults).
 * Never fails: a deadline that cannot be read is left out.
 */
export function deadlinesOf(doc: ZwgkDocument, calendar: Calendar, config?: ResolvedConfig): Deadline[] {
  const opts = (id: string) => (config?.rules.get(id)?.options ?? {}) as Record<string, never>;
  const off = (id: string) => config?.rules.get(id)?.severity === 'off';
  const out: Deadline[] = [];
  const add = (id: string, f: () => Deadline | undefined) => {
    if (off(id)) return;
    try {
      const d = f();
      if (d) out.push(d);
    } catch {
      // The rule reports its own failure as internal-error; the ledger just leaves it out.
    }
  };
  add('proactive-disclosure-deadline', () => proactiveDisclosure(doc, calendar, opts('proactive-disclosure-deadline')));
  add('annual-report-deadline', () => annualReport(doc));
  add('application-reply-deadline', () => applicationReply(doc, calendar, opts('application-reply-deadline')));
  add('comment-period', () => commentPeriodDeadline(doc, calendar, opts('comment-period')));
  add('normative-filing-deadline', () => normativeFiling(doc, opts('normative-filing-deadline')));
  return out;
}

export { proactiveDisclosure, annualReport, applicationReply, commentPeriodDeadline, normativeFiling };
