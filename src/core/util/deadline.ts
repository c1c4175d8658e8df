/**
 * Shared pieces of the deadline rules (annual-report-deadline, proactive-disclosure-deadline,
 * comment-period, application-reply-deadline, normative-filing-deadline) and of required-content:
 * reading the dates a rule needs from metadata or the body, the level of the authority, the comment
 * window of a draft, and the Chinese wording of "late by …" messages.
 *
 * All regular expressions use bounded quantifiers only (linear time).
 */
import type { ZwgkDocument } from '../document';
import type { Calendar } from '../calendar';
import { getField, getDateField, type MetaKey, type MetaField } from '../metadata';
import { addDays, dayDiff, findDates, formatDate, isValidDate, compareDates, type SimpleDate, type DateMatch } from '../dates';
import { toSimplified } from '../data/traditional';
import { parseSmallNumber } from './cn-number';

// ————————————————————————————————— wording —————————————————————————————————

/** 2026年3月6日 */
export function cnDate(d: SimpleDate): string {
  return formatDate(d, 'cn');
}

/** 2026-03-06 (for `data`, editor hovers). */
export function isoDate(d: SimpleDate): string {
  return formatDate(d, 'iso');
}

/** True when a is strictly after b. */
export function isAfter(a: SimpleDate, b: SimpleDate): boolean {
  return compareDates(a, b) > 0;
}

/**
 * What a deadline is called in a message: 法定期限 when a law or State Council regulation sets it (条例
 * 第二十六、三十三、四十九条; 条例713号), 规定期限 when it comes from a work plan such as the 要点.
 */
export type DeadlineNoun = '法定期限' | '规定期限';

/**
 * How late `actual` is past `deadline` in working days, worded for a message (no spaces between digits and
 * Chinese, as in 公文): “晚于法定期限3个工作日”. When `actual` is a day off right after the deadline
 * (0 working days), “晚于法定期限（在期限届满后的休息日）”; when the calendar cannot count the days,
 * “晚于法定期限12天（…工作日数无法计算）”.
 */
export function lateByWorkdays(cal: Calendar, deadline: SimpleDate, actual: SimpleDate, noun: DeadlineNoun): { text: string; workdays?: number; days: number } {
  const days = dayDiff(deadline, actual);
  const w = cal.workdaysBetween(deadline, actual);
  if (w === undefined) {
    const y = cal.uncoveredYear(addDays(deadline, 1), actual);
    return { text: `晚于${noun}${days}天（${y ?? ''}年不在工作日历数据范围内，工作日数无法计算）`, days };
  }
  if (w === 0) return { text: `晚于${noun}（在期限届满后的休息日）`, workdays: 0, days };
  return { text: `晚于${noun}${w}个工作日`, workdays: w, days };
}

/** “晚于法定期限10天” / “晚于规定期限7天” for deadlines that are fixed calendar dates (1月31日、3月31日、5日、10日). */
export function lateByDays(deadline: SimpleDate, actual: SimpleDate, noun: DeadlineNoun): { text: string; days: number } {
  const days = dayDiff(deadline, actual);
  return { text: `晚于${noun}${days}天`, days };
}

/**
 * The `info` message when working days cannot be counted: the calendar data does not cover a year.
 * Never guesses from weekends.
 */
export function uncoveredMessage(cal: Calendar, what: string, from: SimpleDate, to: SimpleDate): string {
  const [a, b] = cal.range;
  const y = cal.uncoveredYear(from, to) ?? to.year;
  return `无法计算${what}：${y}年不在工作日历数据范围内（国务院节假日安排${a}—${b}年），不按周末推算；` +
    '请人工核对，或在配置 calendar 中补充该年的节假日与调休工作日';
}

// ————————————————————————————————— text helpers —————————————————————————————————

/** The body text with traditional characters mapped to simplified (same offsets as `doc.text`). */
const normCache = new WeakMap<ZwgkDocument, string>();
export function normalizedText(doc: ZwgkDocument): string {
  let t = normCache.get(doc);
  if (t === undefined) normCache.set(doc, (t = toSimplified(doc.text)));
  return t;
}

export interface Sentence {
  text: string;
  start: number;
  end: number;
}

/**
 * Sentences of the body's blocks (split at 。！？；and line ends), normalised to simplified characters,
 * with document offsets.
 */
const sentenceCache = new WeakMap<ZwgkDocument, Sentence[]>();
export function sentences(doc: ZwgkDocument): Sentence[] {
  const cached = sentenceCache.get(doc);
  if (cached) return cached;
  const norm = normalizedText(doc);
  const out: Sentence[] = [];
  sentenceCache.set(doc, out);
  for (const b of doc.blocks) {
    if (b.start < doc.bodyStart) continue;
    const raw = norm.slice(b.start, b.end);
    let s = 0;
    for (let i = 0; i <= raw.length; i++) {
      const c = raw[i];
      if (i === raw.length || c === '。' || c === '！' || c === '？' || c === '\n' || c === '\r') {
        const text = raw.slice(s, i + (i < raw.length && c !== '\n' && c !== '\r' ? 1 : 0));
        if (text.trim()) out.push({ text, start: b.start + s, end: b.start + s + text.length });
        s = i + 1;
      }
    }
  }
  return out;
}

/** A date with where it stands in the document. */
export interface LocatedDate extends SimpleDate {
  start: number;
  end: number;
  /** Where it came from, for messages: 元数据“成文日期” / 正文落款日期 … */
  source: string;
}

/** A date-valued metadata field as a LocatedDate (value range), or undefined. */
export function metaDate(doc: ZwgkDocument, key: MetaKey): LocatedDate | undefined {
  const d = getDateField(doc.metadata, key);
  if (!d || !d.valid) return undefined;
  return { year: d.year, month: d.month, day: d.day, start: d.field.start, end: d.field.end, source: `元数据“${key}”` };
}

/**
 * The signature date (落款日期) of a 公文: a block that is nothing but a date (e.g. “2019年6月21日”)
 * followed by the 附注 （此件主动公开） — a 印发 notice keeps its own date above the attachment — else
 * the last such block near the end of the body.
 */
export function signatureDate(doc: ZwgkDocument): LocatedDate | undefined {
  const norm = normalizedText(doc);
  const blocks = doc.blocks.filter((b) => b.start >= doc.bodyStart && b.kind !== 'heading');
  const dateOnly = (i: number): LocatedDate | undefined => {
    const b = blocks[i];
    const raw = norm.slice(b.start, b.end).trim();
    if (raw.length > 24) return undefined;
    const ds = findDates(raw);
    if (ds.length !== 1 || !ds[0].valid || ds[0].start !== 0 || ds[0].end !== raw.length) return undefined;
    const off = norm.indexOf(raw, b.start);
    return { year: ds[0].year, month: ds[0].month, day: ds[0].day, start: off, end: off + raw.length, source: '正文落款日期' };
  };
  for (let i = 1; i < blocks.length; i++) {
    if (!/^[（(]\s{0,2}此件(主动公开|公开发布|依申请公开|不予公开)/.test(norm.slice(blocks[i].start, blocks[i].end).trim())) continue;
    const d = dateOnly(i - 1);
    if (d) return d;
  }
  for (let i = blocks.length - 1; i >= 0 && i >= blocks.length - 12; i--) {
    const d = dateOnly(i);
    if (d) return d;
  }
  return undefined;
}

/** The first field among `keys` that holds a date, else the signature date. */
export function firstDate(doc: ZwgkDocument, keys: MetaKey[], useSignature = true): LocatedDate | undefined {
  for (const k of keys) {
    const d = metaDate(doc, k);
    if (d) return d;
  }
  return useSignature ? signatureDate(doc) : undefined;
}

/** A range to report on when nothing more specific exists: the title, else the start of the body. */
export function fallbackRange(doc: ZwgkDocument): { start: number; end: number } {
  if (doc.title) return { start: doc.title.start, end: doc.title.end };
  const first = doc.blocks[0];
  return first ? { start: first.start, end: first.end } : { start: 0, end: 0 };
}

/**
 * Titles of documents that are *about* a kind of notice rather than the notice itself: 印发/转发
 * notices and rules (…制度/办法/规定/规则/条例). Used so that an inferred type (行政执法公示制度 →
 * 执法公示) does not make the content rules demand a notice's fields from a regulation.
 */
export function isFrameworkTitle(title: string | undefined): boolean {
  if (!title) return false;
  const t = toSimplified(title).replace(/\s+/g, '');
  return /^(关于)?(印发|转发)/.test(t) || /(制度|办法|规定|规则|条例)(（试行）|\(试行\)|（暂行）)?》?$/.test(t);
}

/**
 * A letter asking units for their views (关于征求《…》意见的函): an internal consultation, not a draft
 * put out for public comment under 条例713号 第十五条.
 */
export function isInternalConsultation(title: string | undefined): boolean {
  if (!title) return false;
  const t = toSimplified(title).replace(/\s+/g, '');
  return /函$/.test(t) && !/公开征求|向社会/.test(t);
}

/** True when every occurrence of `word` in the title stands inside 《…》 (the title cites it). */
export function onlyCited(title: string | undefined, word: string): boolean {
  if (!title) return false;
  const t = toSimplified(title);
  let depth = 0, found = false;
  for (let i = 0; i < t.length; i++) {
    const c = t[i];
    if (c === '《') depth++;
    else if (c === '》') depth = Math.max(0, depth - 1);
    else if (t.startsWith(word, i)) {
      found = true;
      if (depth === 0) return false;
    }
  }
  return found;
}

// ————————————————————————————————— annual reports —————————————————————————————————

/**
 * A title that is an annual report's own (…年度报告, perhaps with a short tail such as （更正）),
 * not a notice about reports (关于做好…年度报告编制发布工作的通知, 关于印发《…年度报告格式》的通知).
 */
export function isReportTitle(title: string | undefined): boolean {
  if (!title) return false;
  const t = toSimplified(title).replace(/\s+/g, '');
  if (/^关于/.test(t) || onlyCited(t, '年度报告')) return false;
  return /年度报告(?:[（(][^）)]{0,10}[）)])?$/.test(t);
}

export interface ReportYear {
  year: number;
  start: number;
  end: number;
  from: 'metadata' | 'title';
}

/** 报告年度 from metadata (2019 / 2019年 / 2019年度), else from a title like “…2019年政府信息公开工作年度报告”. */
export function reportYear(doc: ZwgkDocument): ReportYear | undefined {
  const f = getField(doc.metadata, '报告年度');
  if (f && f.value) {
    const m = /^\s{0,3}((?:19|20)[0-9]{2})\s{0,2}(年度?)?\s{0,3}$/.exec(f.value);
    if (m) return { year: Number(m[1]), start: f.start, end: f.end, from: 'metadata' };
  }
  const title = doc.title;
  if (!title) return undefined;
  const t = toSimplified(title.text);
  const m = /((?:19|20)[0-9]{2})\s{0,2}年度?(?![0-9]{0,2}月)(?=[^《》]{0,40}年度报告)/.exec(t);
  if (!m) return undefined;
  const src = doc.text.slice(title.start, title.end);
  const at = src.indexOf(m[1]);
  return at >= 0
    ? { year: Number(m[1]), start: title.start + at, end: title.start + at + m[0].length, from: 'title' }
    : { year: Number(m[1]), start: title.start, end: title.end, from: 'title' };
}

export type AuthorityLevel = 'government' | 'department';

export interface Level {
  level?: AuthorityLevel;
  /** Chinese explanation: 由元数据“机关层级”声明 / 由标题“海口市生态环境局…”推断 … */
  reason: string;
}

const DEPT_SUFFIX = /(办公厅|办公室|委员会|管理局|局|委|办|厅|中心|署|院|所|站|队|会|处|部|室)$/;
/**
 * A 街道办事处 (街道办, 街道) is the 区 government's 派出机关 and works at the level of a 乡镇人民政府: its
 * annual report follows the government's 3月31日, as a 镇人民政府's does — not a department's 1月31日,
 * which its 办/处 suffix would otherwise suggest.
 */
const SUBDISTRICT = /街道(?:办事处|办)?$/;
const GOV_SUFFIX = /(人民政府|政府|自治区|自治州|自治县|省|市|区|县|州|盟|旗|镇|乡|街道)$/;

/** government / department / undefined (ambiguous) for an authority name. */
export function classifyAuthority(name: string, asPublisher = false): AuthorityLevel | undefined {
  const n = toSimplified(name).replace(/[\s\u3000]+/g, '').replace(/[（(][^）)]{0,20}[）)]$/, '');
  if (!n) return undefined;
  // As 发布机构, a government's office publishes the government's report (条例 第四十九条 第二款)
  // as well as its own: ambiguous. Named in a title, it is the office's own report.
  if (asPublisher && /政府办公(厅|室)$/.test(n)) return undefined;
  if (/(人民政府|政府)$/.test(n) || SUBDISTRICT.test(n)) return 'government';
  if (DEPT_SUFFIX.test(n)) return 'department';
  if (GOV_SUFFIX.test(n)) return 'government';
  return undefined;
}

/** The authority named in a report's title: “海口市生态环境局2019年政府信息公开工作年度报告” → 海口市生态环境局. */
export function titleSubject(title: string): string {
  let t = toSimplified(title).replace(/\s+/g, '').replace(/[《》]/g, '');
  t = t.replace(/(?:19|20)[0-9]{2}年度?/g, '');
  t = t.replace(/(政府信息公开|政务公开|信息公开).{0,20}$/, '').replace(/年度报告.{0,20}$/, '');
  return t;
}

/**
 * Whether a 年度报告 is a government's (3月31日) or a department's (1月31日): metadata `机关层级`
 * (政府 / 部门), else the authority named in the title, else 发布机构.
 */
export function authorityLevel(doc: ZwgkDocument): Level {
  const f = getField(doc.metadata, '机关层级');
  if (f && f.value) {
    const v = toSimplified(f.value);
    if (/政府|街道|乡|镇/.test(v) && !/部门/.test(v)) return { level: 'government', reason: '由元数据“机关层级”声明' };
    if (/部门|局|委|办|厅/.test(v)) return { level: 'department', reason: '由元数据“机关层级”声明' };
    if (/政府/.test(v)) return { level: 'government', reason: '由元数据“机关层级”声明' };
  }
  const title = doc.title?.text;
  if (title) {
    const subject = titleSubject(title);
    const level = subject ? classifyAuthority(subject) : undefined;
    if (level) return { level, reason: `由标题中的机关“${subject}”推断` };
  }
  const org: MetaField | undefined = getField(doc.metadata, '发布机构');
  if (org && org.value) {
    const level = classifyAuthority(org.value, true);
    if (level) return { level, reason: `由发布机构“${org.value}”推断` };
  }
  return { reason: '无法判断是政府还是政府部门的年度报告（可在元数据写明“机关层级: 政府”或“机关层级: 部门”）' };
}

// ————————————————————————————————— comment window (决策草案) —————————————————————————————————

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

const DAYS_RE = /(?<![0-9])([0-9]{1,3}|[一二两三四五六七八九十]{1,3})\s{0,2}(个)?\s{0,2}(工作日|自然日|日|天|月)/g;

/** Start date for windows that give only an end or a length: 发布日期, 成文日期, the signature date. */
function windowStart(doc: ZwgkDocument): { date: SimpleDate; source: string } | undefined {
  const d = firstDate(doc, ['发布日期', '成文日期']);
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
    const around = text.slice(Math.max(0, d.start - 12), Math.min(text.length, d.end + 4));
    if (!requireCue || endCue.test(around)) {
      const s = windowStart(doc);
      const startDate = s && compareDates(s.date, d) <= 0 ? s.date : undefined;
      return { start: startDate, startSource: startDate ? s!.source : undefined, end: d, days: startDate ? dayDiff(startDate, d) + 1 : undefined, a: d.start, b: d.end };
    }
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
