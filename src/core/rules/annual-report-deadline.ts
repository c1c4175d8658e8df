import type { Rule } from '../types';
import { CLAUSES } from '../clauses';
import { annualReport } from '../deadlines';
import { LEVEL_NAME } from '../deadlines/annual-report';
import { cnDate } from '../deadlines/wording';
import { parseDate } from '../dates';

/**
 * A 政府信息公开工作年度报告 published after its deadline: 1月31日 (departments) / 3月31日
 * (governments) of the year after the report year under the 2019 条例; 3月31日 for every 行政机关 for
 * report years 2008–2018 (2007 条例 第三十一条). Fixed calendar dates: lateness is counted in calendar
 * days, and a report published on the deadline day itself is on time. Computed in
 * `deadlines/annual-report.ts` (the ledger shows the same due date).
 */
export const annualReportDeadline: Rule = {
  meta: {
    id: 'annual-report-deadline',
    title: '年度报告发布超期',
    description: '政府信息公开工作年度报告的发布日期晚于法定期限：政府部门为次年1月31日，政府为次年3月31日（报告年度取自元数据“报告年度”或标题，层级取自“机关层级”或由机关名称推断）。',
    category: '期限',
    defaultSeverity: 'warning',
    clauses: [CLAUSES.tiaoli_49, CLAUSES.yaodian_4_2, CLAUSES.tiaoli2007_31],
    rationale: '条例第四十九条规定：政府部门在每年1月31日前、各级政府在每年3月31日前公布上一年度的政府信息公开工作年度报告。逾期公布是政务公开考核中的硬伤，会被督促整改或通报。',
    howToFix: '在法定期限内发布：政府部门于次年1月31日前、各级政府于次年3月31日前。层级读错时，在元数据写明“机关层级: 政府”或“机关层级: 部门”；报告年度读错时，写明“报告年度: ”和四位年份。',
    detection:
      '只检查确定是年度报告的文稿。报告年度取自元数据“报告年度”或标题，发布日期取自元数据或页面日期；机关层级取自元数据“机关层级”，没有时由机关名称推断。' +
      '乡镇人民政府和街道办事处（区政府的派出机关，与乡镇同级）按政府的3月31日计算。2008—2018年度的报告适用2007年条例第三十一条，各机关一律3月31日前。' +
      '期限是固定日期：逾期按自然日计算，期限当天发布视为按期。层级不明、只可能对政府部门逾期时，只作提示。',
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
    const d = annualReport(ctx.doc);
    if (!d || !d.actual) return;
    const year = d.data.reportYear as number;
    const level = d.data.level as keyof typeof LEVEL_NAME | undefined;
    const reason = d.data.levelReason as string;
    const published = parseDate(d.actual.date)!;
    const at = { start: d.actual.start, end: d.actual.end, clause: d.clause };
    const yearText = `${year}年度`;
    const v2007 = d.data.version === 'tiaoli2007';
    if (d.state === 'late') {
      const due = parseDate(d.due!)!;
      const message = v2007
        ? `应于${cnDate(due)}前公布：年度报告（${yearText}）按${d.clause.id}各级行政机关每年3月31日前公布，发布日期${cnDate(published)}${d.late!.text}`
        : level
          ? `应于${cnDate(due)}前公布：${LEVEL_NAME[level]}的年度报告（${yearText}，${reason}），发布日期${cnDate(published)}${d.late!.text}`
          : `最迟应于${cnDate(due)}前公布：年度报告（${yearText}）政府为3月31日前、政府部门为1月31日前，发布日期${cnDate(published)}${d.late!.text}`;
      ctx.report({ ...at, message, data: { deadline: d.due, daysLate: d.late!.days, level, reportYear: year } });
      return;
    }
    const dept = d.data.departmentLate as { deadline: string; daysLate: number; text: string } | undefined;
    if (dept) {
      ctx.report({
        ...at, severity: 'info',
        message: `若这是政府部门的年度报告，应于${cnDate(parseDate(dept.deadline)!)}前公布，发布日期${cnDate(published)}${dept.text}；${reason}`,
        data: { deadline: dept.deadline, daysLate: dept.daysLate, reportYear: year },
      });
    }
  },
};
