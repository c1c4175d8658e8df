import type { Rule } from '../types';
import { CLAUSES } from '../clauses';
import { metaDate, reportYear, authorityLevel, cnDate, isoDate, isAfter, lateByDays, isReportTitle } from '../util/deadline';
import type { SimpleDate } from '../dates';

/** The 2019 revision of the 条例 introduced the 1月31日 deadline for departments (first due 2020-01-31). */
const DEPARTMENT_DEADLINE_FROM_YEAR = 2019;

function deadlineOf(year: number, level: 'government' | 'department'): SimpleDate {
  return level === 'department' && year >= DEPARTMENT_DEADLINE_FROM_YEAR
    ? { year: year + 1, month: 1, day: 31 }
    : { year: year + 1, month: 3, day: 31 };
}

const LEVEL_NAME = { government: '政府', department: '政府部门' } as const;

/**
 * A 政府信息公开工作年度报告 published after its deadline: 1月31日 (departments) / 3月31日
 * (governments) of the year after the report year. Fixed calendar dates: lateness is counted in
 * calendar days, and a report published on the deadline day itself is on time.
 */
export const annualReportDeadline: Rule = {
  meta: {
    id: 'annual-report-deadline',
    title: '年度报告发布超期',
    description: '政府信息公开工作年度报告的发布日期晚于法定期限：政府部门为次年1月31日，政府为次年3月31日（报告年度取自元数据“报告年度”或标题，层级取自“机关层级”或由机关名称推断）。',
    category: '期限',
    defaultSeverity: 'warning',
    clauses: [CLAUSES.tiaoli_49, CLAUSES.yaodian_4_2],
    rationale: '年度报告的公布期限由条例第四十九条规定，是政务公开考核的硬指标；逾期公布会被督促整改或通报。部门与政府期限不同，必须按机关层级分别计算。'
      + '乡镇人民政府和街道办事处（区政府的派出机关，与乡镇同级）按政府的3月31日计算。',
    howToFix: '在法定期限内发布：政府部门于次年1月31日前、各级政府于次年3月31日前。若层级推断有误，在元数据写明“机关层级: 政府”或“机关层级: 部门”；若报告年度有误，在元数据写明“报告年度: ”和报告所属的四位年份。',
    fixable: false,
    examples: {
      fire: [
        {
          title: '部门年度报告在2月发布（期限为1月31日）',
          text: '---\n标题: 海口市生态环境局2019年政府信息公开工作年度报告\n发布机构: 海口市生态环境局\n发布日期: 2020-02-10\n---\n\n# 海口市生态环境局2019年政府信息公开工作年度报告\n',
          count: 1,
        },
        {
          title: '区政府年度报告在4月发布（期限为3月31日）',
          text: '---\n标题: 美兰区2020年政府信息公开工作年度报告\n机关层级: 政府\n发布日期: 2021-04-02\n---\n\n# 美兰区2020年政府信息公开工作年度报告\n',
          count: 1,
        },
      ],
      quiet: [
        {
          title: '政府年度报告恰在3月31日发布（按期）',
          text: '---\n标题: 海口市2019年政府信息公开工作年度报告\n发布机构: 海口市人民政府\n发布日期: 2020-03-31\n---\n\n# 海口市2019年政府信息公开工作年度报告\n',
        },
        {
          title: '部门年度报告在1月31日前发布',
          text: '---\n标题: 海口市生态环境局2019年政府信息公开工作年度报告\n报告年度: 2019\n发布日期: 2020-01-20\n---\n\n# 海口市生态环境局2019年政府信息公开工作年度报告\n',
        },
        {
          title: '街道办事处（派出机关，与乡镇同级）按政府的3月31日计算',
          text: '---\n标题: 海口市龙华区金贸街道办事处2025年政府信息公开工作年度报告\n发布日期: 2026-03-20\n---\n\n# 海口市龙华区金贸街道办事处2025年政府信息公开工作年度报告\n',
        },
        {
          title: '2018年度的部门报告：修订前的条例不适用1月31日期限，3月31日前发布即按期',
          text: '---\n标题: 海口市水务局2018年政府信息公开工作年度报告\n发布日期: 2019-03-20\n---\n\n# 海口市水务局2018年政府信息公开工作年度报告\n',
        },
        {
          title: '印发年度报告格式的通知不是年度报告',
          text: '---\n标题: 关于印发《中华人民共和国政府信息公开工作年度报告格式》的通知\n发布日期: 2021-10-08\n---\n\n# 关于印发《中华人民共和国政府信息公开工作年度报告格式》的通知\n',
        },
      ],
    },
  },
  check(ctx) {
    const { doc } = ctx;
    if (doc.type.value !== '年度报告') return;
    if (doc.type.inferred && !isReportTitle(doc.title?.text)) return;
    const year = reportYear(doc);
    const published = metaDate(doc, '发布日期');
    if (!year || !published) return;
    if (!isAfter(published, { year: year.year, month: 12, day: 31 })) return; // published within the report year: not this rule's concern
    const { level, reason } = authorityLevel(doc);
    const at = { start: published.start, end: published.end };
    const yearText = `${year.year}年度`;

    if (level) {
      const deadline = deadlineOf(year.year, level);
      if (!isAfter(published, deadline)) return;
      const late = lateByDays(deadline, published, '法定期限');
      ctx.report({
        ...at,
        message: `${LEVEL_NAME[level]}的年度报告（${yearText}）应于${cnDate(deadline)}前公布（${reason}），发布日期${cnDate(published)}${late.text}`,
        data: { deadline: isoDate(deadline), daysLate: late.days, level, reportYear: year.year },
      });
      return;
    }
    // Level unknown: late for either level after 3月31日; after 1月31日 only if it is a department's.
    const govDeadline = deadlineOf(year.year, 'government');
    const deptDeadline = deadlineOf(year.year, 'department');
    if (isAfter(published, govDeadline)) {
      const late = lateByDays(govDeadline, published, '法定期限');
      ctx.report({
        ...at,
        message: `年度报告（${yearText}）最迟应于${cnDate(govDeadline)}前公布（政府为3月31日，政府部门为1月31日），发布日期${cnDate(published)}${late.text}`,
        data: { deadline: isoDate(govDeadline), daysLate: late.days, reportYear: year.year },
      });
    } else if (isAfter(published, deptDeadline)) {
      const late = lateByDays(deptDeadline, published, '法定期限');
      ctx.report({
        ...at,
        severity: 'info',
        message: `若这是政府部门的年度报告，应于${cnDate(deptDeadline)}前公布，发布日期${cnDate(published)}${late.text}；${reason}`,
        data: { deadline: isoDate(deptDeadline), daysLate: late.days, reportYear: year.year },
      });
    }
  },
};
