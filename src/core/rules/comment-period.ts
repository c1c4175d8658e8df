import type { Rule } from '../types';
import { CLAUSES } from '../clauses';
import { commentPeriodDeadline } from '../deadlines';
import type { CommentWindow } from '../deadlines/comment-window';
import { cnDate } from '../deadlines/wording';
import { parseDate } from '../dates';
import { fallbackRange } from '../util/report-range';

interface Options {
  minDays: number;
}

/**
 * A 决策草案 put out for comment for fewer than 30 days without saying why.
 *
 * Counting: a window written as a range counts both its first and its last day
 * (2026-03-01至2026-03-30 = 30 日, the minimum; 至3月29日 = 29 日 fires); a window written as a
 * length (30日 / 自发布之日起30日) is taken as written; 一个月 counts as 30 日; N个工作日 is converted
 * to calendar days with the working-day calendar when the notice's date is known.
 */
export const commentPeriod: Rule<Options> = {
  meta: {
    id: 'comment-period',
    title: '征求意见期限少于30日',
    description: '重大行政决策草案公开征求意见的期限（元数据“征求意见期限”或正文中的征求意见时间）少于30日，且没有说明缩短期限的理由（如情况紧急）。公告写明重大行政决策、征求意见的是规划，或元数据声明“文档类型: 决策草案”时检查；其他征求意见（如管理办法、实施方案）不按30日判断。',
    category: '期限',
    defaultSeverity: 'warning',
    clauses: [CLAUSES.tiaoli713_15],
    rationale: '重大行政决策程序暂行条例第十五条规定，公开征求意见的期限一般不少于30日，缩短的须在征求意见时说明理由。期限过短，公众来不及提出意见，决策程序就有瑕疵，事后可能被认定程序违法。',
    howToFix: '把征求意见期限延长到不少于30日（起止日期首尾两日均计入），或在公告中说明缩短的原因，如“因……情况紧急，征求意见期限缩短为15日”。',
    detection:
      '只检查重大行政决策草案：公告写明重大行政决策、征求意见的是规划，或元数据声明“文档类型: 决策草案”；其他征求意见（如管理办法、实施方案）不检查。' +
      '期限取自元数据“征求意见期限”或正文中的征求意见时间：写成起止日期的，首尾两日都计入（3月1日至3月30日为30日）；写成天数的（30日、自发布之日起30日）按所写计算，“一个月”算30日；' +
      '“N个工作日”在知道公告日期时按工作日历换算成自然日。公告中说明了缩短理由（如情况紧急）时不报告。',
    fixable: false,
    options: {
      minDays: { type: 'integer', minimum: 1, maximum: 365, description: '最短征求意见天数（起止日期首尾两日均计入）' },
    },
    defaultOptions: { minDays: 30 },
    examples: {
      fire: [
        {
          title: '征求意见时间只有15日',
          text: '---\n标题: 关于《海口市某某管理办法（征求意见稿）》公开征求意见的公告\n发布日期: 2026-03-02\n---\n\n# 关于《海口市某某管理办法（征求意见稿）》公开征求意见的公告\n\n本办法已列入市政府2026年度重大行政决策事项目录。征求意见时间：2026年3月2日至2026年3月16日。\n',
          count: 1,
        },
        {
          title: '元数据写明29日（少1日）',
          text: '---\n标题: 关于某某规划草案征求意见的通知\n征求意见期限: 2026-03-01至2026-03-29\n---\n\n# 关于某某规划草案征求意见的通知\n',
          count: 1,
        },
        {
          title: '只写截止日：自发布日期起算不足30日',
          text: '---\n标题: 关于某某方案公开征求意见的通知\n发布日期: 2026-04-01\n---\n\n# 关于某某方案公开征求意见的通知\n\n该方案为市政府重大行政决策事项。请于2026年4月20日前将意见反馈至市发展改革委。\n',
          count: 1,
        },
        {
          title: '引用“一般不少于30日”不等于说明了缩短的理由',
          text: '---\n标题: 关于某某办法公开征求意见的公告\n征求意见期限: 2026-03-02至2026-03-16\n---\n\n# 关于某某办法公开征求意见的公告\n\n依照《重大行政决策程序暂行条例》，公开征求意见的期限一般不少于30日。\n',
          count: 1,
        },
      ],
      quiet: [
        {
          title: '不是重大行政决策的征求意见（管理办法征求意见15日）：30日是重大行政决策的要求，不作判断',
          text: '---\n标题: 关于《海口市某某管理办法（征求意见稿）》公开征求意见的公告\n发布日期: 2026-03-02\n---\n\n# 关于《海口市某某管理办法（征求意见稿）》公开征求意见的公告\n\n征求意见时间：2026年3月2日至2026年3月16日。\n',
        },
        {
          title: '恰好30日（首尾两日均计入）',
          text: '---\n标题: 关于某某规划草案征求意见的通知\n征求意见期限: 2026-03-01至2026-03-30\n---\n\n# 关于某某规划草案征求意见的通知\n',
        },
        {
          title: '写明“自发布之日起30日”',
          text: '---\n标题: 关于某某办法公开征求意见的公告\n---\n\n# 关于某某办法公开征求意见的公告\n\n征求意见期限为自本公告发布之日起30日。\n',
        },
        {
          title: '期限较短但说明了紧急原因',
          text: '---\n标题: 关于某某防汛应急预案公开征求意见的通知\n---\n\n# 关于某某防汛应急预案公开征求意见的通知\n\n因汛期临近、情况紧急，征求意见期限缩短为10日：2026年5月6日至2026年5月15日。\n',
        },
        {
          title: '征求有关单位意见的函（内部征求意见，不是向社会公开征求意见）',
          text: '---\n标题: 关于征求《海口市某某管理办法（送审稿）》修改意见的函\n---\n\n# 关于征求《海口市某某管理办法（送审稿）》修改意见的函\n\n请于2026年3月6日前反馈意见。征求意见时间：2026年3月2日至2026年3月6日。\n',
        },
        {
          title: '不是决策草案（普通通知中的日期范围）',
          text: '---\n标题: 关于2026年清明节放假安排的通知\n---\n\n# 关于2026年清明节放假安排的通知\n\n放假时间：2026年4月4日至4月6日。\n',
        },
      ],
    },
  },
  check(ctx) {
    const { doc, calendar } = ctx;
    const d = commentPeriodDeadline(doc, calendar, ctx.options);
    if (!d) return;
    const w = d.data.window as Pick<CommentWindow, 'source' | 'raw' | 'startSource'> & { start: number; end: number };
    const start = w.start, end = w.end;
    const min = d.data.minimum as number;
    const wStart = d.from && parseDate(d.from.date), wEnd = d.due ? parseDate(d.due) : undefined;
    if (d.data.reversed && wStart && wEnd) {
      ctx.report({ start, end, message: `征求意见期限的截止日期${cnDate(wEnd)}早于开始日期${cnDate(wStart)}，请核对` });
      return;
    }
    if (d.state !== 'late') return;
    const days = d.data.days as number;
    const workdays = d.data.workdays as number | undefined;
    const span = wStart && wEnd ? `${cnDate(wStart)}至${cnDate(wEnd)}` : '';
    const how = workdays !== undefined
      ? `${workdays}个工作日（${span}，共${days}天）`
      : span ? `${span}，首尾两日均计入，共${days}天` : `${days}天`;
    const from = w.startSource && w.source === 'body' && !/至/.test(w.raw) ? `，自${w.startSource}起算` : '';
    const year = (d.data.window as { yearFromNotice?: boolean }).yearFromNotice && wEnd ? `（截止日未写年份，按公告日期取${wEnd.year}年）` : '';
    const inBody = w.source === 'body' || start !== end;
    ctx.report({
      start: inBody ? start : fallbackRange(doc).start,
      end: inBody ? end : fallbackRange(doc).end,
      message: `征求意见期限应不少于${min}日，或说明缩短的理由（如情况紧急）：现为${how}${from}${year}`,
      data: { days, minimum: min, ...(d.from ? { start: d.from.date } : {}), ...(d.due ? { deadline: d.due } : {}) },
    });
  },
};
