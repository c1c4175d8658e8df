import type { Rule } from '../types';
import { CLAUSES } from '../clauses';
import { proactiveDisclosure } from '../deadlines';
import { cnDate, uncoveredMessage } from '../deadlines/wording';
import { parseDate } from '../dates';

interface Options {
  workdays: number;
}

/**
 * 主动公开 information published more than 20 working days after it was formed (成文日期) — computed by
 * `deadlines/proactive-disclosure.ts` (the ledger shows the same due date). Working days follow the
 * official calendar; a date in a year the calendar does not cover gives an `info` message instead of a
 * guess. The 条例 in force on the 成文日期 applies (2007: 第十八条; 2019: 第二十六条, both 20 working days);
 * information formed before 2008-05-01 is not checked.
 */
export const proactiveDisclosureDeadline: Rule<Options> = {
  meta: {
    id: 'proactive-disclosure-deadline',
    title: '主动公开超过20个工作日',
    description: '主动公开的政府信息，发布日期晚于成文日期后第20个工作日（按国务院节假日安排计算，含调休）。',
    category: '期限',
    defaultSeverity: 'warning',
    clauses: [CLAUSES.tiaoli_26, CLAUSES.tiaoli2007_18],
    rationale: '条例第二十六条要求主动公开的政府信息自形成之日起20个工作日内公开。晚公开，公众就晚知道与自己相关的政策和办事要求；春节、国庆等长假会明显推后截止日，发布前应按工作日核算。',
    howToFix: '在截止日（消息中给出）前发布；成文日期或发布日期填错的，更正元数据。法律、法规另有期限的，在配置中调整 workdays。',
    detection:
      '从成文日期起按工作日计算，法定节假日和调休上班的周末按官方工作日历；日期超出日历数据范围时不推算，只给出无法计算的提示。' +
      '是否主动公开与其他规则的判断一致：元数据“公开属性”优先，没有时看附注“（此件主动公开）”（繁体亦可），保存的门户目录页面视为主动公开。' +
      '成文日期适用的条例版本决定依据条款（2007年条例第十八条、2019年条例第二十六条，都是20个工作日）；2008年5月1日以前形成的信息不检查。',
    fixable: false,
    options: {
      workdays: { type: 'integer', minimum: 1, maximum: 200, description: '自成文日期起的工作日数（条例第二十六条为20；法律、法规另有规定的从其规定）' },
    },
    defaultOptions: { workdays: 20 },
    examples: {
      fire: [
        {
          title: '跨春节：2026年2月2日成文，期限为3月6日，3月11日才发布',
          text: '---\n标题: 海口市某某管理办法\n公开属性: 主动公开\n成文日期: 2026-02-02\n发布日期: 2026-03-11\n---\n\n# 海口市某某管理办法\n',
          count: 1,
        },
        {
          title: '附注“（此件主动公开）”，落款日期后一个多月才发布',
          text: '---\n标题: 关于做好某某工作的通知\n发布日期: 2025-07-15\n---\n\n# 关于做好某某工作的通知\n\n各区政府，市政府直属各单位：\n\n现将有关事项通知如下。\n\n海口市人民政府办公厅\n\n2025年6月3日\n\n（此件主动公开）\n',
          count: 1,
        },
      ],
      quiet: [
        {
          title: '跨春节：3月6日发布恰为第20个工作日（按期）',
          text: '---\n标题: 海口市某某管理办法\n公开属性: 主动公开\n成文日期: 2026-02-02\n发布日期: 2026-03-06\n---\n\n# 海口市某某管理办法\n',
        },
        {
          title: '跨端午：6月1日成文，6月30日发布（第20个工作日）',
          text: '---\n标题: 海口市某某实施细则\n公开属性: 主动公开\n成文日期: 2026-06-01\n发布日期: 2026-06-30\n---\n\n# 海口市某某实施细则\n',
        },
        {
          title: '依申请公开的信息不适用',
          text: '---\n标题: 某某会议纪要\n公开属性: 依申请公开\n成文日期: 2026-01-05\n发布日期: 2026-05-05\n---\n\n# 某某会议纪要\n',
        },
        {
          title: '元数据为依申请公开，附注却写“（此件主动公开）”：以元数据为准',
          text: '---\n标题: 关于做好某某工作的通知\n公开属性: 依申请公开\n成文日期: 2026-02-02\n发布日期: 2026-04-20\n---\n\n# 关于做好某某工作的通知\n\n正文。\n\n2026年2月2日\n\n（此件主动公开）\n',
        },
        {
          title: '年度报告按自己的期限（第四十九条：政府3月31日前）检查，不按20个工作日',
          text: '---\n标题: 海口市美兰区人民政府2025年政府信息公开工作年度报告\n公开属性: 主动公开\n成文日期: 2026-01-05\n发布日期: 2026-03-20\n---\n\n# 海口市美兰区人民政府2025年政府信息公开工作年度报告\n',
        },
        {
          title: '没有成文日期时不作判断',
          text: '---\n标题: 海口市某某管理办法\n公开属性: 主动公开\n发布日期: 2026-05-05\n---\n\n# 海口市某某管理办法\n',
        },
      ],
    },
  },
  check(ctx) {
    const { doc, calendar: cal } = ctx;
    const d = proactiveDisclosure(doc, cal, ctx.options);
    if (!d || !d.from || !d.actual || (d.state !== 'late' && d.state !== 'unknown') || d.data.reposted) return;
    const formed = parseDate(d.from.date)!, published = parseDate(d.actual.date)!;
    const n = d.data.workdays as number;
    // The version applied: only worth saying when it is the 2007 条例 (in force until 2019-05-14).
    const v2007 = d.data.version === 'tiaoli2007';
    const article = d.clause.id.replace(/^条例（2007）\s*/, '2007年条例').replace(/^条例\s*/, '');
    const note = v2007 ? `（按当时施行的${article}）` : '';
    if (d.state === 'unknown') {
      ctx.report({
        start: d.actual.start, end: d.actual.end, severity: 'info', clause: d.clause,
        message: `${uncoveredMessage(cal, `${article}的${n}个工作日期限`, formed, published)}（成文日期${cnDate(formed)}，发布日期${cnDate(published)}）`,
        data: { formed: d.from.date, published: d.actual.date },
      });
      return;
    }
    const from = d.from.source === '元数据“成文日期”' ? '成文日期' : d.from.source;
    ctx.report({
      start: d.actual.start, end: d.actual.end, clause: d.clause,
      message: `应于${cnDate(parseDate(d.due!)!)}前公开（主动公开信息自${from}${cnDate(formed)}起${n}个工作日）：发布日期${cnDate(published)}${d.late!.text}${note}`,
      data: { deadline: d.due, workdaysLate: d.late!.workdays, daysLate: d.late!.days, formed: d.from.date },
    });
  },
};
