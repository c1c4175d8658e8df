/**
 * 规范性文件 filing (要点 三（三）): a month's summary by the 5th of the next month (city departments), a
 * quarter's by the 10th of the month after it (districts). Read as "on or before". The source is a work
 * plan, not a law: its deadline is a 规定期限.
 */
import type { ZwgkDocument } from '../document';
import { CLAUSES } from '../clauses';
import { getField } from '../metadata';
import { isValidDate, type SimpleDate } from '../dates';
import { parseSmallNumber } from '../util/cn-number';
import { toSimplified } from '../data/traditional';
import { profileOf, metaDate } from '../profile';
import { SOURCES, inForceOn } from '../sources';
import { isoDate, isAfter, lateByDays } from './wording';
import type { Deadline } from './index';

export interface FilingOptions {
  monthlyDay?: number;
  quarterlyDay?: number;
}

export interface FilingPeriod {
  kind: 'month' | 'quarter';
  year: number;
  /** Month (1–12) or quarter (1–4). */
  n: number;
  label: string;
}

const QUARTER: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

/**
 * The period of a 规范性文件 报送/汇总 document, from its title (or 分类/主题词):
 * “2026年3月规范性文件报送” → month 2026-03; “2026年第一季度规范性文件汇总” → quarter 2026 Q1.
 * Only the 报送/汇总 the 要点 describes: a 通报, 通知 or 审查/检查 report about filings (…备案审查情况的通报)
 * is not itself the filing.
 */
export function filingPeriod(title: string): FilingPeriod | undefined {
  const t = toSimplified(title).replace(/\s+/g, '');
  if (!/规范性文件/.test(t) || !/报送|汇总/.test(t) || /通报|通知|审查|检查|清理|情况的报告/.test(t)) return undefined;
  const q = /((?:19|20)[0-9]{2})年(?:第)?([一二三四1-4])季度/.exec(t);
  if (q) return { kind: 'quarter', year: Number(q[1]), n: QUARTER[q[2]], label: `${q[1]}年第${'一二三四'[QUARTER[q[2]] - 1]}季度` };
  const m = /((?:19|20)[0-9]{2})年([0-9]{1,2}|[一二三四五六七八九十]{1,3})月(?:份)?(?![0-9]{0,2}日)/.exec(t);
  if (m) {
    const month = parseSmallNumber(m[2]);
    if (month && month >= 1 && month <= 12) return { kind: 'month', year: Number(m[1]), n: month, label: `${m[1]}年${month}月` };
  }
  return undefined;
}

/** The 5th of the month after a month; the 10th of the month after a quarter (days configurable). */
export function filingDeadline(p: FilingPeriod, monthlyDay = 5, quarterlyDay = 10): SimpleDate {
  const lastMonth = p.kind === 'month' ? p.n : p.n * 3;
  const year = lastMonth === 12 ? p.year + 1 : p.year;
  const month = lastMonth === 12 ? 1 : lastMonth + 1;
  const want = p.kind === 'month' ? monthlyDay : quarterlyDay;
  let day = want;
  while (day > 1 && !isValidDate(year, month, day)) day--;
  return { year, month, day };
}

/** A district (区) authority: “美兰区”, “海口市龙华区人民政府” — not 社区, 园区, 景区, 小区, 校区. */
const DISTRICT = /(?<![社园景小校营厂矿])区(?:人民政府|政府)?(?:办公室)?$|(?<![社园景小校营厂矿])区(?=[\u4e00-\u9fff]{0,12}(?:局|委|办|中心|政府))/;

/**
 * Whether the author of a quarterly summary is a district, which the 要点 scopes the quarterly filing to
 * (“各区规范性…每季度汇总一次”): the authority named in the title before the period, else 发布机构.
 * undefined when neither names an authority.
 */
export function isDistrictAuthor(title: string, publisher: string | undefined): boolean | undefined {
  const t = toSimplified(title).replace(/\s+/g, '');
  const subject = t.slice(0, Math.max(0, t.search(/(?:19|20)[0-9]{2}年/))).replace(/^关于/, '');
  for (const name of [subject, toSimplified(publisher ?? '').replace(/\s+/g, '')]) {
    if (name.length >= 2) return DISTRICT.test(name);
  }
  return undefined;
}

export function normativeFiling(doc: ZwgkDocument, options: FilingOptions = {}): Deadline | undefined {
  const sources = [doc.title?.text, getField(doc.metadata, '分类')?.value, getField(doc.metadata, '主题词')?.value];
  let period: FilingPeriod | undefined;
  for (const s of sources) if (s && (period = filingPeriod(s))) break;
  if (!period) return undefined;
  // The quarterly filing is the districts' (要点 三（三）): a city authority's quarterly summary is not late by it.
  if (period.kind === 'quarter' && isDistrictAuthor(doc.title?.text ?? '', getField(doc.metadata, '发布机构')?.value) === false) return undefined;
  const due = filingDeadline(period, options.monthlyDay ?? 5, options.quarterlyDay ?? 10);
  // The 要点 did not exist before 2019-06-21: earlier periods are not checked against it.
  if (!inForceOn(SOURCES.yaodian2019, due)) return undefined;
  const dated = metaDate(doc, '发布日期') ?? profileOf(doc).issued;
  const base: Deadline = {
    rule: 'normative-filing-deadline', label: '规范性文件报送期限', clause: CLAUSES.yaodian_3_3,
    due: isoDate(due), period: period.kind === 'month' ? `下月${due.day}日前` : `次月${due.day}日前`, state: 'open',
    data: { period: period.label, kind: period.kind, deadline: isoDate(due) },
  };
  if (!dated) return base;
  base.actual = { date: isoDate(dated), source: dated.source, start: dated.start, end: dated.end };
  if (!isAfter(dated, due)) return { ...base, state: 'on-time' };
  const late = lateByDays(due, dated, '规定期限');
  return { ...base, state: 'late', late: { days: late.days, text: late.text }, data: { ...base.data, daysLate: late.days } };
}
