/**
 * 公开台账: the workspace ledger — every draft with its kind, title, 发布机构 and dates, its linked
 * policy / interpretation and whether they were published in step, each statutory deadline that applies
 * with its due date and the working days left from a given `today`, and its problem counts.
 *
 * Nothing is decided here that the rules do not decide: the deadlines come from `deadlines/` (the same
 * objects the deadline rules report from), the 解读 status and the pair comparison from
 * `interpretation-status.ts` (what interpretation-missing / interpretation-out-of-sync report from), the
 * kind, title, issuer and dates from `profile/`. The ledger only adds "today": how many working days are
 * left, and which state that puts a deadline in. No I/O: the CLI and the language server hand it the
 * documents they parsed, the index they built and (optionally) the messages they linted.
 */
import type { ZwgkDocument } from '../document';
import type { Calendar } from '../calendar';
import type { ResolvedConfig } from '../config';
import type { DraftIndex, MatchVia, DraftRole } from '../workspace';
import type { LintMessage, Severity } from '../types';
import { deadlinesOf, type Deadline, type DeadlineState } from '../deadlines';
import { profileOf } from '../profile';
import { getField } from '../metadata';
import { parseDate, formatDate, dayDiff, type SimpleDate } from '../dates';
import { docLinks, titleOf } from '../links';
import { interpretationStatus, pairSyncs, graceOf, type InterpretationStatus } from '../interpretation-status';

/** Where a deadline stands on `today`. */
export type LedgerState =
  /** 逾期: done after the due date, or not done and the due date has passed. */
  | 'late'
  /** 即将到期: not done, and at most `dueSoonWorkdays` working days left. */
  | 'due-soon'
  /** 按期: done on time, or not done with more days left. */
  | 'on-time'
  /** 无法计算: the calendar does not cover the year, or a date is missing. */
  | 'unknown';

export const STATE_LABEL: Record<LedgerState, string> = { late: '逾期', 'due-soon': '即将到期', 'on-time': '按期', unknown: '无法计算' };

export interface LedgerDeadline {
  /** The rule that reports it (proactive-disclosure-deadline …). */
  rule: string;
  /** 主动公开期限, 年度报告公布期限 … */
  label: string;
  /** 20个工作日, 次年3月31日前 … */
  period: string;
  /** The clause id applied (条例 第二十六条 …). */
  clause: string;
  /** What starts the period (ISO) and where it is written. */
  from?: string;
  fromSource?: string;
  /** The last day on time (ISO) — exactly the one the rule's message names. */
  due?: string;
  /** What was done and when (发布日期, 答复日期 …), ISO. */
  done?: string;
  doneSource?: string;
  /** The deadline module's own state (done on time / late / not done / cannot count). */
  status: DeadlineState;
  /** Where it stands on `today`. */
  state: LedgerState;
  /** Not done yet: working days from `today` to the due date (negative: overdue by that many). */
  workdaysLeft?: number;
  /** Not done yet: calendar days from `today` to the due date (negative: overdue). */
  daysLeft?: number;
  /** A 征求意见 window that is still open on `today`. */
  windowOpen?: boolean;
  /** Done late: by how much, in words and numbers. */
  late?: { days: number; workdays?: number; text: string };
  /** 1-based line the entry opens at (the date done, else the date that starts the period, else the title). */
  line: number;
}

export interface LedgerPair {
  /** The other draft of the pair. */
  path: string;
  /** Its title as written (or its file name). */
  title: string;
  /** Its title as a message quotes it: 《…》 (inner 《》 as 〈〉), or “file name”. */
  quoted: string;
  via: MatchVia;
  /** The other draft's 发布日期 (ISO). */
  published?: string;
  /** in-sync / out-of-sync / unknown as interpretation-out-of-sync decides; no-date: a 发布日期 is missing. */
  sync: 'in-sync' | 'out-of-sync' | 'unknown' | 'no-date';
  /** Working days from the policy's 发布日期 to the interpretation's (negative: the 解读 came first). */
  gapWorkdays?: number;
  gapDays?: number;
}

export interface ProblemCounts {
  error: number;
  warning: number;
  info: number;
  byRule: Record<string, number>;
}

export interface LedgerEntry {
  path: string;
  /** The title as read, or the file name. */
  title: string;
  /** 1-based line of the title (1 when none). */
  titleLine: number;
  kind: string;
  kindSure: boolean;
  role: DraftRole;
  /** 发布机构 (catalogue), else the issuer named in the title. */
  publisher?: string;
  issued?: string;
  published?: string;
  /** 1-based line of the 发布日期 (for the pair gaps), else the title line. */
  publishedLine: number;
  interpretation: InterpretationStatus;
  pairs: LedgerPair[];
  deadlines: LedgerDeadline[];
  /** The worst state of its deadlines (late > due-soon > unknown > on-time); undefined without deadlines. */
  state?: LedgerState;
  problems: ProblemCounts;
}

export interface LedgerItem {
  /** Lower comes first. */
  priority: number;
  path: string;
  title: string;
  line: number;
  /** 逾期未发布 / 即将到期 / 缺少解读 … */
  what: string;
  /** One Chinese sentence: what is due, by when, how many days are left. */
  text: string;
  rule: string;
}

export interface Ledger {
  today: string;
  dueSoonWorkdays: number;
  entries: LedgerEntry[];
  counts: {
    drafts: number;
    byState: Record<LedgerState, number>;
    byKind: Record<string, number>;
    byRule: Record<string, number>;
    missingInterpretation: number;
    outOfSync: number;
  };
  /** What to do first, most urgent first. */
  todo: LedgerItem[];
}

export interface LedgerInput {
  doc: ZwgkDocument;
  /** The draft's lint messages (problem counts); none: counted as 0. */
  messages?: readonly LintMessage[];
  /** The config that applies to the draft (rule options, rules switched off). */
  config?: ResolvedConfig;
}

export interface LedgerOptions {
  index: DraftIndex;
  calendar: Calendar;
  /** "Today" (ISO or any date zwgk reads). */
  today: string | SimpleDate;
  /** Working days left at or below which an open deadline is 即将到期 (default 5). */
  dueSoonWorkdays?: number;
}

const RANK: Record<LedgerState, number> = { late: 3, 'due-soon': 2, unknown: 1, 'on-time': 0 };

function toDate(v: string | SimpleDate | undefined): SimpleDate | undefined {
  if (!v) return undefined;
  if (typeof v !== 'string') return v;
  const d = parseDate(v);
  return d && d.valid ? { year: d.year, month: d.month, day: d.day } : undefined;
}

/** Reads a `today` value; throws a Chinese message when it is not a date. */
export function parseToday(v: string | SimpleDate): SimpleDate {
  const d = toDate(v);
  if (!d) throw new Error(`“今天”的日期无法识别：${String(v)}（应写作 YYYY-MM-DD）`);
  return d;
}

/**
 * A "today" a user typed (YYYY-MM-DD; month and day with or without a leading zero) as ISO; undefined
 * when it is not a real date. `zwgk report --today` and the 台账 view both read it so.
 */
export function todayFromInput(v: string): string | undefined {
  const s = v.trim();
  const d = /^\d{4}-\d{1,2}-\d{1,2}$/.test(s) ? parseDate(s) : undefined;
  return d && d.valid ? formatDate(d) : undefined;
}

/** The calendar day of `now` in local time, as ISO (the CLI and the server read the clock, not the core). */
export function localDay(now: Date): string {
  return formatDate({ year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() });
}

/** Signed working days from `a` to `b` (negative when `b` is before `a`); undefined when uncovered. */
function signedWorkdays(cal: Calendar, a: SimpleDate, b: SimpleDate): number | undefined {
  const days = dayDiff(a, b);
  if (days >= 0) return cal.workdaysBetween(a, b);
  const w = cal.workdaysBetween(b, a);
  return w === undefined ? undefined : -w;
}

/** One deadline from `deadlines/`, placed against `today`. */
export function placeDeadline(d: Deadline, doc: ZwgkDocument, cal: Calendar, today: SimpleDate, dueSoon: number, fallbackLine = 1): LedgerDeadline {
  const at = d.actual ?? d.from;
  const line = at ? doc.positionAt(at.start).line : fallbackLine;
  const out: LedgerDeadline = {
    rule: d.rule, label: d.label, period: d.period, clause: d.clause.id,
    from: d.from?.date, fromSource: d.from?.source, due: d.due, done: d.actual?.date, doneSource: d.actual?.source,
    status: d.state, state: 'unknown', line,
  };
  if (d.late) out.late = { ...d.late };
  const due = toDate(d.due);
  if (d.state === 'late') out.state = 'late';
  else if (d.state === 'unknown') out.state = 'unknown';
  else if (d.rule === 'comment-period') {
    // The window meets the minimum: say whether it is still open today.
    out.state = 'on-time';
    if (due && dayDiff(today, due) >= 0) {
      out.windowOpen = true;
      out.daysLeft = dayDiff(today, due);
      out.workdaysLeft = signedWorkdays(cal, today, due);
    }
  } else if (d.state === 'on-time') out.state = 'on-time';
  else if (!due) out.state = 'unknown';
  else {
    // Not done yet: count from today.
    out.daysLeft = dayDiff(today, due);
    out.workdaysLeft = signedWorkdays(cal, today, due);
    if (out.daysLeft < 0) out.state = 'late';
    else if (out.workdaysLeft === undefined) out.state = 'unknown';
    else out.state = out.workdaysLeft <= dueSoon ? 'due-soon' : 'on-time';
  }
  return out;
}

function countProblems(messages: readonly LintMessage[] | undefined): ProblemCounts {
  const c: ProblemCounts = { error: 0, warning: 0, info: 0, byRule: {} };
  for (const m of messages ?? []) {
    const s = m.severity as Severity;
    if (s === 'error' || s === 'warning' || s === 'info') c[s]++;
    c.byRule[m.ruleId] = (c.byRule[m.ruleId] ?? 0) + 1;
  }
  return c;
}

function fileName(p: string): string {
  return p.replace(/\\/g, '/').split('/').pop() ?? p;
}

/** One draft's ledger entry. */
export function ledgerEntry(input: LedgerInput, options: LedgerOptions, today = parseToday(options.today)): LedgerEntry {
  const { doc, config } = input;
  const cal = options.calendar;
  const dueSoon = options.dueSoonWorkdays ?? 5;
  const p = profileOf(doc);
  const links = docLinks(doc, options.index);
  const titleLine = doc.title ? doc.positionAt(doc.title.start).line : 1;
  const pubField = getField(doc.metadata, '发布日期');
  const publishedLine = p.published ? doc.positionAt(p.published.start).line : titleLine;
  const deadlines = deadlinesOf(doc, cal, config).map((d) => placeDeadline(d, doc, cal, today, dueSoon, titleLine));
  const state = deadlines.reduce<LedgerState | undefined>((w, d) => (w === undefined || RANK[d.state] > RANK[w] ? d.state : w), undefined);

  const syncOff = config?.rules.get('interpretation-out-of-sync')?.severity === 'off';
  const grace = graceOf(config?.rules.get('interpretation-out-of-sync')?.options as { graceDays?: unknown } | undefined);
  const syncs = syncOff ? [] : pairSyncs(doc, links, pubField?.value, cal, grace);
  const pairs: LedgerPair[] = links.linked.map((l) => {
    const s = syncs.find((x) => x.linked === l);
    const otherPub = toDate(l.draft.metadata['发布日期']);
    const pair: LedgerPair = { path: l.draft.path, title: l.draft.title?.trim() || fileName(l.draft.path), quoted: titleOf(l.draft), via: l.via, published: otherPub && formatDate(otherPub), sync: s ? s.state : 'no-date' };
    if (s) {
      pair.gapDays = s.days;
      if (s.workdays !== undefined) pair.gapWorkdays = s.days < 0 ? -s.workdays : s.workdays;
    }
    return pair;
  });
  const missingOff = config?.rules.get('interpretation-missing')?.severity === 'off';
  const publisher = getField(doc.metadata, '发布机构')?.value || p.issuer?.name || p.signer?.name || undefined;
  return {
    path: doc.filePath ?? 'untitled.md',
    title: doc.title?.text ?? fileName(doc.filePath ?? 'untitled.md'),
    titleLine,
    kind: p.kind.value,
    kindSure: p.kindSure,
    role: links.role,
    publisher,
    issued: p.issued && formatDate(p.issued),
    published: p.published && formatDate(p.published),
    publishedLine,
    interpretation: missingOff ? 'not-policy' : interpretationStatus(doc, links),
    pairs,
    deadlines,
    state,
    problems: countProblems(input.messages),
  };
}

function daysText(d: LedgerDeadline): string {
  if (d.workdaysLeft === undefined) return d.daysLeft === undefined ? '' : `${d.daysLeft < 0 ? `已过${-d.daysLeft}天` : `还有${d.daysLeft}天`}`;
  return d.workdaysLeft < 0 ? `已过${-d.workdaysLeft}个工作日` : d.workdaysLeft === 0 ? '今天到期' : `还剩${d.workdaysLeft}个工作日`;
}

/** What to do first: overdue and not done, due soon, 解读 missing, broken links, pairs out of step, done late. */
function todoOf(entries: readonly LedgerEntry[]): LedgerItem[] {
  const items: (LedgerItem & { order: number })[] = [];
  for (const e of entries) {
    for (const d of e.deadlines) {
      if (d.state === 'late' && !d.done && d.status === 'open') {
        items.push({ priority: 1, order: d.daysLeft ?? 0, path: e.path, title: e.title, line: d.line, rule: d.rule, what: '逾期未完成', text: `${d.label}（${d.period}）截止${d.due}，${daysText(d)}，尚未${d.rule === 'application-reply-deadline' ? '答复' : d.rule === 'normative-filing-deadline' ? '报送' : '发布'}` });
      } else if (d.state === 'due-soon') {
        items.push({ priority: 2, order: d.workdaysLeft ?? 0, path: e.path, title: e.title, line: d.line, rule: d.rule, what: '即将到期', text: `${d.label}（${d.period}）截止${d.due}，${daysText(d)}` });
      }
    }
    if (e.interpretation === 'missing') items.push({ priority: 3, order: 0, path: e.path, title: e.title, line: e.titleLine, rule: 'interpretation-missing', what: '缺少解读', text: `${e.kind}没有找到同步解读，应与文件同步组织、同步审签、同步部署` });
    if (e.interpretation === 'broken-link') items.push({ priority: 4, order: 0, path: e.path, title: e.title, line: e.titleLine, rule: 'interpretation-missing', what: '解读链接失效', text: '“解读材料”/“解读对象”的链接找不到或指向工作区以外' });
    if (e.role === 'policy') {
      for (const pr of e.pairs) {
        if (pr.sync !== 'out-of-sync') continue;
        const gap = pr.gapWorkdays !== undefined ? `${Math.abs(pr.gapWorkdays)}个工作日` : `${Math.abs(pr.gapDays ?? 0)}天`;
        items.push({ priority: 5, order: -Math.abs(pr.gapDays ?? 0), path: e.path, title: e.title, line: e.publishedLine, rule: 'interpretation-out-of-sync', what: '解读未同步', text: `解读${pr.quoted}${(pr.gapDays ?? 0) > 0 ? '晚' : '早'}于文件${gap}发布` });
      }
    }
    for (const d of e.deadlines) {
      if (d.state === 'late' && d.status === 'late') items.push({ priority: 6, order: -(d.late?.days ?? 0), path: e.path, title: e.title, line: d.line, rule: d.rule, what: '已逾期', text: `${d.label}截止${d.due ?? '—'}，${d.late?.text ?? '逾期'}` });
    }
  }
  items.sort((a, b) => a.priority - b.priority || a.order - b.order || a.path.localeCompare(b.path) || a.line - b.line);
  return items.map(({ order: _o, ...rest }) => rest);
}

/** The ledger of `inputs` (each draft once), entries sorted by path. */
export function buildLedger(inputs: readonly LedgerInput[], options: LedgerOptions): Ledger {
  const today = parseToday(options.today);
  const entries = inputs.map((i) => ledgerEntry(i, options, today)).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const byState: Record<LedgerState, number> = { late: 0, 'due-soon': 0, 'on-time': 0, unknown: 0 };
  const byKind: Record<string, number> = {};
  const byRule: Record<string, number> = {};
  let missingInterpretation = 0, outOfSync = 0;
  for (const e of entries) {
    byKind[e.kind] = (byKind[e.kind] ?? 0) + 1;
    for (const d of e.deadlines) byState[d.state]++;
    for (const [r, n] of Object.entries(e.problems.byRule)) byRule[r] = (byRule[r] ?? 0) + n;
    if (e.interpretation === 'missing') missingInterpretation++;
    if (e.role === 'policy') outOfSync += e.pairs.filter((p) => p.sync === 'out-of-sync').length;
  }
  return {
    today: formatDate(today),
    dueSoonWorkdays: options.dueSoonWorkdays ?? 5,
    entries,
    counts: { drafts: entries.length, byState, byKind, byRule, missingInterpretation, outOfSync },
    todo: todoOf(entries),
  };
}
