import type { Rule } from '../types';
import { CLAUSES } from '../clauses';
import { getField } from '../metadata';
import { formatDate } from '../dates';
import { pairSyncs, graceOf } from '../interpretation-status';
import { docLinks, titleOf } from '../links';
import { cnDate } from '../deadlines/wording';

interface Options {
  graceDays: number;
}

/**
 * 同步部署: the interpretation's 发布日期 must equal the policy's, or lie within `graceDays` working days
 * of it. Reported on whichever draft is being checked, at its own 发布日期.
 */
export const interpretationOutOfSync: Rule<Options> = {
  meta: {
    id: 'interpretation-out-of-sync',
    title: '解读未与政策文件同步发布',
    description: '政策解读的发布日期与政策文件的发布日期不同（或相差超过允许的工作日数）；在政策文件和解读两边都报告，各自指向自己的“发布日期”。',
    category: '解读',
    defaultSeverity: 'warning',
    clauses: [CLAUSES.yaodian_2_1, CLAUSES.guoban_2016_80_jiedu],
    rationale: '要点二（一）要求政策性文件与解读材料同步部署：解读晚发，公众第一时间读到的只有条文，误读和咨询都会增多。国家没有规定宽限天数，所以默认须同日发布。',
    howToFix: '把解读与政策文件安排在同一天发布，并改正两者的“发布日期”；本地规定允许宽限的（如文件印发后3个工作日内），在配置中设置 graceDays。',
    detection: '比较政策文件与其解读的“发布日期”，相差超过选项 graceDays 个工作日（默认0，须同日）时报告；在政策文件和解读两边都报告，各自指向自己的“发布日期”。工作日按官方工作日历计算。',
    fixable: false,
    options: {
      graceDays: {
        type: 'integer', minimum: 0, maximum: 60,
        description: '允许解读晚于（或早于）政策文件发布的工作日数；0 表示须同日发布',
      },
    },
    defaultOptions: { graceDays: 0 },
    examples: {
      fire: [
        {
          title: '解读比政策文件晚 3 个工作日（跨春节，2月14日为调休上班日）',
          text: '---\n标题: 海口市市级储备粮管理办法\n文档类型: 规范性文件\n发布日期: 2026-02-13\n解读材料: 储备粮解读.md\n---\n\n# 海口市市级储备粮管理办法\n',
          workspace: {
            '储备粮解读.md': '---\n标题: 《海口市市级储备粮管理办法》政策解读\n文档类型: 政策解读\n发布日期: 2026-02-25\n---\n\n# 《海口市市级储备粮管理办法》政策解读\n',
          },
          count: 1,
        },
        {
          title: '在解读上检查：允许 1 个工作日，实际晚 2 个工作日',
          text: '---\n标题: 关于《海口市市级储备粮管理办法》的解读\n文档类型: 政策解读\n发布日期: 2026-03-09\n---\n\n# 关于《海口市市级储备粮管理办法》的解读\n',
          options: { graceDays: 1 },
          workspace: {
            '海口市市级储备粮管理办法.md': '---\n标题: 海口市市级储备粮管理办法\n文档类型: 规范性文件\n发布日期: 2026-03-05\n---\n\n# 海口市市级储备粮管理办法\n',
          },
          count: 1,
        },
        {
          title: '日历数据不含该年份、又设了宽限：提示无法计算（info）',
          text: '---\n标题: 海口市市级储备粮管理办法\n文档类型: 规范性文件\n发布日期: 2031-03-03\n---\n\n# 海口市市级储备粮管理办法\n',
          options: { graceDays: 3 },
          workspace: {
            '解读.md': '---\n标题: 《海口市市级储备粮管理办法》解读\n发布日期: 2031-03-05\n---\n\n# 《海口市市级储备粮管理办法》解读\n',
          },
          count: 1,
        },
      ],
      quiet: [
        {
          title: '同日发布',
          text: '---\n标题: 海口市市级储备粮管理办法\n文档类型: 规范性文件\n发布日期: 2026-03-05\n解读材料: 储备粮解读.md\n---\n\n# 海口市市级储备粮管理办法\n',
          workspace: {
            '储备粮解读.md': '---\n标题: 《海口市市级储备粮管理办法》政策解读\n文档类型: 政策解读\n发布日期: 2026年3月5日\n---\n\n# 《海口市市级储备粮管理办法》政策解读\n',
          },
        },
        {
          title: '在允许的 3 个工作日内（跨春节）',
          text: '---\n标题: 海口市市级储备粮管理办法\n文档类型: 规范性文件\n发布日期: 2026-02-13\n---\n\n# 海口市市级储备粮管理办法\n',
          options: { graceDays: 3 },
          workspace: {
            '储备粮解读.md': '---\n标题: 《海口市市级储备粮管理办法》政策解读\n文档类型: 政策解读\n发布日期: 2026-02-25\n---\n\n# 《海口市市级储备粮管理办法》政策解读\n',
          },
        },
        {
          title: '解读还没有写发布日期（无从比较）',
          text: '---\n标题: 海口市市级储备粮管理办法\n文档类型: 规范性文件\n发布日期: 2026-03-05\n---\n\n# 海口市市级储备粮管理办法\n',
          workspace: {
            '储备粮解读.md': '---\n标题: 《海口市市级储备粮管理办法》政策解读\n文档类型: 政策解读\n---\n\n# 《海口市市级储备粮管理办法》政策解读\n',
          },
        },
        {
          title: '日期不同的是另一份文件的解读',
          text: '---\n标题: 海口市市级储备粮管理办法\n文档类型: 规范性文件\n发布日期: 2026-03-05\n---\n\n# 海口市市级储备粮管理办法\n',
          workspace: {
            '绿化解读.md': '---\n标题: 《海口市城市绿化管理办法》政策解读\n发布日期: 2026-04-20\n---\n\n# 《海口市城市绿化管理办法》政策解读\n',
          },
        },
      ],
    },
  },
  check(ctx) {
    const { doc, calendar } = ctx;
    const own = getField(doc.metadata, '发布日期');
    if (!own) return;
    const links = docLinks(doc, ctx.index);
    const grace = graceOf(ctx.options);
    const isPolicy = links.role === 'policy';
    const [lo, hi] = calendar.range;

    // The comparison itself is shared with the 台账: interpretation-status.ts.
    for (const s of pairSyncs(doc, links, own.value, calendar, grace)) {
      if (s.state === 'in-sync') continue;
      const { days, workdays, policyDate, interpretationDate: interpDate } = s;
      const late = days > 0;
      // Messages print dates as 公文 does (2026年4月9日); `data` keeps ISO for editors.
      const p = cnDate(policyDate), i = cnDate(interpDate);
      const other = titleOf(s.linked.draft);
      const subject = isPolicy
        ? `政策解读${other}的发布日期${i}比本文件的发布日期${p}`
        : `本解读的发布日期${i}比政策文件${other}的发布日期${p}`;
      const data = { other: s.linked.draft.path, policyDate: formatDate(policyDate), interpretationDate: formatDate(interpDate), days, workdays, graceDays: grace };
      const allowed = grace > 0 ? `（允许相差${grace}个工作日）` : '';
      if (workdays === undefined) {
        const span = `日历数据只覆盖${lo}—${hi}年`;
        if (s.state === 'out-of-sync') {
          ctx.report({ start: own.start, end: own.end, data, message: `解读应与政策文件同日发布：${subject}${late ? '晚' : '早'}${Math.abs(days)}天（工作日无法计算：${span}）` });
        } else {
          ctx.report({ start: own.start, end: own.end, data, severity: 'info', message: `无法计算${isPolicy ? `政策解读${other}与本文件` : `本解读与政策文件${other}`}发布日期（${p}、${i}）相差的工作日：${span}` });
        }
        continue;
      }
      ctx.report({
        start: own.start, end: own.end, data,
        message: workdays === 0
          ? `解读应与政策文件同日发布：${subject}${late ? '晚' : '早'}${Math.abs(days)}天（0个工作日）`
          : `${grace > 0 ? `解读应与政策文件同步发布${allowed}` : '解读应与政策文件同日发布'}：${subject}${late ? '晚' : '早'}${workdays}个工作日（${Math.abs(days)}天）`,
      });
    }
  },
};
