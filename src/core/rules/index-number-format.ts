import type { Rule } from '../types';
import { CLAUSES } from '../clauses';
import { getField } from '../metadata';
import { parseIndexNumber } from '../util/index-number';
import { valueSpan } from '../util/meta-value';

interface Options {
  /** Also report the portal variants: code without hyphen (000014349/…), year and month (…/202110-…). */
  strict: boolean;
  minYear: number;
  /** Latest plausible year; default: next year. */
  maxYear?: number;
}

/**
 * 索引号 = organisation code / year - serial (目录系统实施指引).
 *
 * Decisions:
 * - Only the metadata `索引号` is checked (a 索引号 quoted in body text or a table is someone else's).
 * - The organisation code's check character is verified: GB 11714 for the 9-character 组织机构代码, GB 32100
 *   for the 18-character 统一社会信用代码 (verified on the seed's 00817804-9, the real 00819544-7 and
 *   11341702486344515H before enforcing).
 * - The year must lie in 1990 … next year (`minYear`, `maxYear`). It is NOT compared with the 发布日期:
 *   items re-catalogued later keep a different year (the real 00817804-9/2023-08749 for a 2016 report).
 * - Two portal variants stay quiet unless `strict`: the code without hyphen as on 中国政府网
 *   (000014349/2016-00176) and a year-and-month part (11341702486344515H/202110-00013).
 * - Fix: full-width characters, spaces, lower case and dash variants are normalised (and, in strict mode,
 *   the hyphen is added to a compact code). A wrong check character is never “fixed”: the code itself may
 *   be mistyped.
 */
export const indexNumberFormat: Rule<Options> = {
  meta: {
    id: 'index-number-format',
    title: '索引号格式',
    description: '索引号应为“组织机构代码（00817804-9，或18位统一社会信用代码）/年份-顺序号”，代码的校验位正确，年份合理。',
    category: '元数据',
    defaultSeverity: 'warning',
    clauses: [CLAUSES.mulu_zhiyin],
    rationale: '索引号是政府信息公开目录中每条信息的唯一编号；机构代码错误或格式不一会使信息归错机关、检索不到。',
    howToFix: '按“组织机构代码/年份-顺序号”填写，如“00817804-9/2019-13123”；机构代码以本机关的组织机构代码或统一社会信用代码为准，使用半角字符。',
    fixable: true,
    options: {
      strict: { type: 'boolean', default: false, description: '为 true 时，不带连字符的机构代码（000014349/…）和“年月”形式（…/202110-…）也报告' },
      minYear: { type: 'integer', default: 1990, description: '索引号年份的下限' },
      maxYear: { type: 'integer', description: '索引号年份的上限（默认：明年）' },
    },
    defaultOptions: { strict: false, minYear: 1990 },
    examples: {
      fire: [
        {
          title: '全角字符',
          text: '---\n标题: 海口市2019年政务公开工作要点\n索引号: ００８１７８０４－９／２０１９－１３１２３\n---\n\n# 海口市2019年政务公开工作要点\n',
          count: 1,
          fixed: '---\n标题: 海口市2019年政务公开工作要点\n索引号: 00817804-9/2019-13123\n---\n\n# 海口市2019年政务公开工作要点\n',
        },
        {
          title: '组织机构代码校验位错误',
          text: '---\n标题: 海口市2019年政务公开工作要点\n索引号: 00817804-8/2019-13123\n---\n\n# 海口市2019年政务公开工作要点\n',
          count: 1,
        },
        {
          title: '缺少年份',
          filename: 'notice.txt',
          text: '索 引 号: 00817804-9/13123 分类: 规划计划\n名  称: 海口市2019年政务公开工作要点\n\n海口市2019年政务公开工作要点\n',
          count: 1,
        },
      ],
      quiet: [
        {
          title: '门户目录页眉（9位组织机构代码）',
          filename: 'notice.txt',
          text: '索 引 号: 00817804-9/2019-13123 分类: 规划计划\n发布机构: 市政府办公室 发文日期: 2019年06月24日\n\n海口市人民政府办公室关于印发2019年政务公开工作要点的通知\n',
        },
        {
          title: '统一社会信用代码',
          text: '---\n标题: 国务院办公厅政府信息与政务公开办公室关于印发《中华人民共和国政府信息公开工作年度报告格式》的通知\n索引号: 11341702486344515H/2021-00013\n---\n\n# 通知\n',
        },
        {
          title: '重新编目的信息：索引号年份与发布日期不同',
          text: '---\n标题: 海口市2015年政府信息公开工作年度报告\n索引号: 00817804-9/2023-08749\n发布日期: 2016-02-26\n---\n\n# 海口市2015年政府信息公开工作年度报告\n',
        },
        {
          title: '中国政府网的写法（机构代码不带连字符）',
          text: '---\n标题: 国务院办公厅关于印发《〈关于全面推进政务公开工作的意见〉实施细则》的通知\n索引号: 000014349/2016-00176\n---\n\n# 通知\n',
        },
      ],
    },
  },
  check(ctx) {
    const { doc } = ctx;
    const field = getField(doc.metadata, '索引号');
    if (!field || !field.value) return;
    const span = valueSpan(doc, field);
    const minYear = ctx.options.minYear ?? 1990;
    const maxYear = ctx.options.maxYear ?? new Date().getFullYear() + 1;
    const p = parseIndexNumber(field.value, { min: minYear, max: maxYear });
    const strict = ctx.options.strict === true;
    const v = field.value;
    const whole = { start: span.start, end: span.end };

    if (p.problems.includes('shape')) {
      ctx.report({ ...whole, message: `索引号“${v}”不符合“组织机构代码/年份-顺序号”的格式（如“00817804-9/2019-13123”）` });
      return;
    }
    const clean = !p.problems.includes('characters');
    // Sub-ranges only when the value is written exactly as normalised (offsets then map one to one).
    const orgRange = clean && span.exact ? { start: span.start, end: span.start + p.org.length } : whole;
    const yearStart = span.start + p.org.length + 1;
    const yearRange = clean && span.exact ? { start: yearStart, end: yearStart + (p.problems.includes('year-month') ? 6 : 4) } : whole;

    let normalized = p.normalized;
    if (strict && p.problems.includes('compact-org')) normalized = `${p.org.slice(0, 8)}-${p.org.slice(8)}${normalized.slice(p.org.length)}`;
    const fix = span.exact && normalized !== v ? { range: [span.start, span.end] as [number, number], text: normalized } : undefined;

    if (!clean) {
      ctx.report({ ...whole, fix, message: `索引号“${v}”含全角字符、空格或小写字母，应写作“${p.normalized}”` });
    }
    if (p.problems.includes('org-length')) {
      ctx.report({ ...orgRange, message: `索引号中的机构代码“${p.org}”应为9位组织机构代码（如00817804-9）或18位统一社会信用代码` });
    }
    if (p.problems.includes('org-check')) {
      ctx.report({ ...orgRange, message: `索引号中的组织机构代码“${p.org}”校验位不正确（按GB 11714应为“${p.expectedCheck}”），请核对机构代码` });
    }
    if (p.problems.includes('credit-check')) {
      ctx.report({ ...orgRange, message: `索引号中的统一社会信用代码“${p.org}”校验位不正确（按GB 32100应为“${p.expectedCheck}”），请核对机构代码` });
    }
    if (p.problems.includes('year')) {
      ctx.report({ ...yearRange, message: `索引号中的年份${p.year}不在合理范围（${minYear}—${maxYear}年）` });
    }
    if (strict && p.problems.includes('compact-org')) {
      ctx.report({ ...orgRange, fix: clean ? fix : undefined, message: `索引号中的组织机构代码应带连字符，写作“${p.org.slice(0, 8)}-${p.org.slice(8)}”` });
    }
    if (strict && p.problems.includes('year-month')) {
      ctx.report({ ...yearRange, message: `索引号中的年份应为四位年份，不应写作年月“${p.normalized.split('/')[1].split('-')[0]}”` });
    }
  },
};
