import type { Rule } from '../types';
import { CLAUSES } from '../clauses';
import { normativeFiling, type FilingOptions } from '../deadlines/normative-filing';
import { cnDate } from '../deadlines/wording';
import { parseDate } from '../dates';

type Options = FilingOptions;

export { filingPeriod, filingDeadline, isDistrictAuthor, type FilingPeriod } from '../deadlines/normative-filing';

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
    rationale: '规范性文件按期汇总报送政府公报编辑部门和档案馆，是公报按月刊登、文件归档的前提；逾期报送会使当期公报漏登、归档不全。期限来自市政务公开工作要点三（三），不是法律、法规，所以消息中称“规定期限”。',
    howToFix: '按月汇总的在下月5日前（含5日）报送，按季度汇总的在次月10日前（含10日）报送；标题中的月份或季度有误的，更正标题。本地期限不同的，在配置中调整 monthlyDay / quarterlyDay。',
    detection:
      '只检查标题为某月或某季度规范性文件“报送”“汇总”的文档；关于备案审查情况的通报、关于报送工作的通知等不是报送本身，不检查。要点的“5日前”“10日前”按“当日及以前”理解，当日报送视为按期。' +
      '按季度汇总的期限只适用于各区（标题或发布机构为某区），市级机关的季度汇总不按此检查。',
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
    const d = normativeFiling(ctx.doc, ctx.options);
    if (!d || d.state !== 'late' || !d.actual) return;
    const due = parseDate(d.due!)!;
    const dated = parseDate(d.actual.date)!;
    const rule = d.data.kind === 'month' ? '按月汇总，下月' + due.day + '日前' : '按季度汇总，次月' + due.day + '日前';
    ctx.report({
      start: d.actual.start, end: d.actual.end,
      message: `应于${cnDate(due)}前报送（${d.data.period}的规范性文件${rule}，当日视为按期）：${d.actual.source.replace(/^元数据“(.{1,8})”$/, '$1')}${cnDate(dated)}${d.late!.text}`,
      data: { deadline: d.due, daysLate: d.late!.days, period: d.data.period },
    });
  },
};
