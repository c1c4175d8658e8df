import type { Rule } from '../types';
import { CLAUSES } from '../clauses';
import { getField } from '../metadata';
import { isValidDate, type SimpleDate } from '../dates';
import { firstDate, cnDate, isoDate, isAfter, lateByDays } from '../util/deadline';
import { parseSmallNumber } from '../util/cn-number';
import { toSimplified } from '../data/traditional';

interface Options {
  monthlyDay: number;
  quarterlyDay: number;
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

/**
 * A monthly (city departments, by the 5th of the next month) or quarterly (districts, by the 10th of
 * the month after the quarter) 规范性文件 报送/汇总 dated after its deadline. The 要点's “5日前” /
 * “10日前” is read as “on or before”: a report dated on the 5th (10th) is on time.
 */
export const normativeFilingDeadline: Rule<Options> = {
  meta: {
    id: 'normative-filing-deadline',
    title: '规范性文件报送超期',
    description: '按月（市政府各部门，下月5日前）或按季度（各区，次月10日前）汇总报送规范性文件的文档，发布日期或成文日期晚于报送期限（当日报送视为按期）。',
    category: '期限',
    defaultSeverity: 'warning',
    clauses: [CLAUSES.yaodian_3_3],
    rationale:
      '规范性文件定期汇总报送政府公报编辑部门和档案馆，是公报按月刊登、文件归档的前提；逾期报送会使当期公报漏登。' +
      '期限来自市政务公开工作要点（不是法律、法规），消息中称“规定期限”。只检查标题为某月或某季度规范性文件“报送”“汇总”的文档；' +
      '关于备案审查情况的通报、关于报送工作的通知等不是报送本身，不检查。按季度汇总的期限只适用于各区（标题或发布机构为某区），' +
      '市级机关的季度汇总不按此检查。',
    howToFix: '按月汇总的在下月5日前（含5日）报送，按季度汇总的在次月10日前（含10日）报送；若标题中的月份或季度有误，更正标题。其他地方的期限不同的，可在配置中调整 monthlyDay / quarterlyDay。',
    fixable: false,
    options: {
      monthlyDay: { type: 'integer', minimum: 1, maximum: 31, description: '按月汇总的报送期限：下月几日（含当日）' },
      quarterlyDay: { type: 'integer', minimum: 1, maximum: 31, description: '按季度汇总的报送期限：季度结束后次月几日（含当日）' },
    },
    defaultOptions: { monthlyDay: 5, quarterlyDay: 10 },
    examples: {
      fire: [
        {
          title: '3月的规范性文件在4月8日才报送（期限4月5日）',
          text: '---\n标题: 海口市某某局2026年3月规范性文件报送情况\n成文日期: 2026-04-08\n---\n\n# 海口市某某局2026年3月规范性文件报送情况\n',
          count: 1,
        },
        {
          title: '第一季度汇总在4月15日报送（期限4月10日）',
          text: '---\n标题: 美兰区2026年第一季度规范性文件汇总\n发布日期: 2026-04-15\n---\n\n# 美兰区2026年第一季度规范性文件汇总\n',
          count: 1,
        },
      ],
      quiet: [
        {
          title: '恰在下月5日报送（按期）',
          text: '---\n标题: 海口市某某局2026年3月规范性文件报送情况\n成文日期: 2026-04-05\n---\n\n# 海口市某某局2026年3月规范性文件报送情况\n',
        },
        {
          title: '第四季度汇总在次年1月10日报送',
          text: '---\n标题: 美兰区2025年第四季度规范性文件汇总\n发布日期: 2026-01-10\n---\n\n# 美兰区2025年第四季度规范性文件汇总\n',
        },
        {
          title: '规范性文件本身不是报送汇总',
          text: '---\n标题: 海口市规范性文件管理办法\n发布日期: 2026-04-20\n---\n\n# 海口市规范性文件管理办法\n',
        },
        {
          title: '备案审查情况的通报不是报送本身',
          text: '---\n标题: 海口市人民政府办公室关于2026年第一季度行政规范性文件备案审查情况的通报\n发布机构: 海口市人民政府办公室\n发布日期: 2026-04-17\n---\n\n# 海口市人民政府办公室关于2026年第一季度行政规范性文件备案审查情况的通报\n',
        },
        {
          title: '市级机关的季度汇总（季度报送只适用于各区）',
          text: '---\n标题: 海口市司法局2026年第一季度规范性文件汇总\n发布日期: 2026-04-15\n---\n\n# 海口市司法局2026年第一季度规范性文件汇总\n',
        },
        {
          title: '没有写明月份或季度',
          text: '---\n标题: 关于报送规范性文件的通知\n发布日期: 2026-04-20\n---\n\n# 关于报送规范性文件的通知\n',
        },
      ],
    },
  },
  check(ctx) {
    const { doc } = ctx;
    const sources = [doc.title?.text, getField(doc.metadata, '分类')?.value, getField(doc.metadata, '主题词')?.value];
    let period: FilingPeriod | undefined;
    for (const s of sources) if (s && (period = filingPeriod(s))) break;
    if (!period) return;
    // The quarterly filing is the districts' (要点 三（三）): a city authority's quarterly summary is not late by it.
    if (period.kind === 'quarter' && isDistrictAuthor(doc.title?.text ?? '', getField(doc.metadata, '发布机构')?.value) === false) return;
    const dated = firstDate(doc, ['发布日期', '成文日期']);
    if (!dated) return;
    const deadline = filingDeadline(period, ctx.options.monthlyDay ?? 5, ctx.options.quarterlyDay ?? 10);
    if (!isAfter(dated, deadline)) return;
    const late = lateByDays(deadline, dated, '规定期限');
    const rule = period.kind === 'month' ? '按月汇总的应于下月' + deadline.day + '日前报送' : '按季度汇总的应于次月' + deadline.day + '日前报送';
    ctx.report({
      start: dated.start, end: dated.end,
      message: `${period.label}的规范性文件${rule}（截止日${cnDate(deadline)}，当日视为按期），${dated.source.replace(/^元数据“(.{1,8})”$/, '$1')}${cnDate(dated)}${late.text}`,
      data: { deadline: isoDate(deadline), daysLate: late.days, period: period.label },
    });
  },
};
