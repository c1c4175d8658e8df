import type { Rule, RuleContext, Severity } from '../types';
import { CLAUSES } from '../clauses';
import {
  findDocNumbers, parseDocNumber, describeProblems, isOtherNumberForm, looksLikeDocNumberAttempt, type DocNumber,
} from '../util/doc-number';
import { profileOf, versionFor, type OwnDate } from '../profile';
import { GBT9704_VERSIONS, SOURCES } from '../sources';
import type { Clause } from '../types';
import { isQuoted } from '../util/quotes';
import { valueSpan } from '../util/meta-value';

interface Options {
  /** Severity of problems in the metadata 文号 (the document's own 发文字号); 'inherit' = the rule's severity. */
  metadataSeverity: Severity | 'inherit';
}

/**
 * 发文字号 per GB/T 9704-2012 7.2.5, in the metadata `文号` field and in the body.
 *
 * Decisions:
 * - Severity: body 文号 are mostly citations of other documents — the configured severity (default
 *   warning). The metadata 文号 is the document's own number as the catalogue publishes it: reported as an
 *   error by default (`metadataSeverity`; 'inherit' follows the rule's configured severity).
 * - Year after the 成文日期: the document's own (metadata) 文号 is compared with the metadata 成文日期, or,
 *   when that is absent, with the 落款 date (see profile/dates.ts);
 *   body 文号 only with an explicit metadata 成文日期 (a saved page may hold several documents of different
 *   dates, so a signature date is not trusted for citations). The catalogue 发文日期 is never used.
 * - Fixes: brackets → 〔〕, drop 第, drop leading zeros, add a missing 号. A two-digit year is fixed only in
 *   the metadata 文号 and only when it matches the 成文日期 year (〔19〕 in a document issued in 2019);
 *   anywhere else it is reported without a fix. A damaged 文号 (〔201926号: the 〕 lost) is reported
 *   without a fix; the message names the likely reading.
 * - 令/公告/通告 numbers (国务院令第711号, 第3号令, 公告〔2019〕第3号) are another numbering and stay quiet.
 */
export const docNumberFormat: Rule<Options> = {
  meta: {
    id: 'doc-number-format',
    title: '发文字号格式',
    description: '文号（元数据“文号”和正文中的文号）应为“机关代字〔年份〕顺序号号”：六角括号、年份标全称、不加“第”、不编虚位、以“号”结尾，且年份不晚于成文日期。',
    category: '格式',
    defaultSeverity: 'warning',
    clauses: [CLAUSES.gbt9704_7_2_5, CLAUSES.gbt9704_1999_number],
    rationale:
      '发文字号是公文的唯一标识，政府信息公开目录、检索和引用都依赖它（GB/T 9704-2012 7.2.5）。' +
      '写成“[2019]”“（2019）”“第168号”“068号”，同一文件在目录中就会出现多种写法，公众按文号查不到。',
    howToFix:
      '年份用六角括号“〔〕”括入并写全四位，顺序号前不加“第”、不加前导零，末尾加“号”，如“海府办函〔2019〕168号”。文号年份不能晚于成文日期；' +
      '疑似损坏的文号（如“中发〔201926号”）对照原件改正。',
    detection:
      '检查元数据“文号”和正文中的文号。元数据中的文号是本文件自己的编号，默认按错误报告（选项 metadataSeverity）；正文中的多是引用别的文件，按规则的级别（默认警告）。' +
      '文号年份与元数据“成文日期”比较，本文件的文号在没有成文日期时与落款日期比较；正文引用的文号只与元数据中写明的成文日期比较。可修复：括号改为〔〕、删去“第”和前导零、补上“号”；' +
      '两位年份只在元数据文号中、与成文日期年份一致时才修复。损坏的文号（〔201926号，丢了〕）只报告、不修复，消息给出可能的读法。' +
      '“国务院令第711号”“第3号令”“公告〔2019〕第3号”等令、公告编号是另一套编号，不检查。',
    fixable: true,
    options: {
      metadataSeverity: {
        type: 'string',
        enum: ['error', 'warning', 'info', 'inherit'],
        default: 'error',
        description: '元数据“文号”（本文件自己的发文字号）问题的严重程度；inherit 表示与本规则的严重程度相同',
      },
    },
    defaultOptions: { metadataSeverity: 'error' },
    examples: {
      fire: [
        {
          title: '元数据文号用了方括号',
          text: '---\n标题: 海口市人民政府办公室关于印发2019年政务公开工作要点的通知\n文号: 海府办函[2019]168号\n成文日期: 2019-06-21\n---\n\n# 海口市人民政府办公室关于印发2019年政务公开工作要点的通知\n',
          count: 1,
          fixed: '---\n标题: 海口市人民政府办公室关于印发2019年政务公开工作要点的通知\n文号: 海府办函〔2019〕168号\n成文日期: 2019-06-21\n---\n\n# 海口市人民政府办公室关于印发2019年政务公开工作要点的通知\n',
        },
        {
          title: '正文引用的文号用了圆括号、“第”和前导零',
          text: '根据《国务院办公厅印发〈关于全面推进政务公开工作的意见〉实施细则的通知》（国办发（2016）第080号）要求，结合我市实际，制定本办法。\n',
          count: 1,
          fixed: '根据《国务院办公厅印发〈关于全面推进政务公开工作的意见〉实施细则的通知》（国办发〔2016〕80号）要求，结合我市实际，制定本办法。\n',
        },
        {
          title: '年份只写两位（正文引用，不自动修复）',
          text: '按照《海口市人民政府办公室关于印发2019年政务公开工作要点的通知》（海府办函〔19〕168号）要求，现将有关情况报告如下。\n',
          count: 1,
        },
        {
          title: '文号年份晚于成文日期',
          text: '---\n标题: 海口市人民政府办公室关于印发2019年政务公开工作要点的通知\n文号: 海府办函〔2020〕168号\n成文日期: 2019年6月21日\n---\n\n# 海口市人民政府办公室关于印发2019年政务公开工作要点的通知\n',
          count: 1,
        },
        {
          title: '文号缺少“〕”（复制时损坏）',
          text: '为落实《中共中央国务院关于深化教育教学改革全面提高义务教育质量的意见》（中发〔201926号）精神，特制定本实施细则。\n',
          count: 1,
        },
      ],
      quiet: [
        {
          title: '门户目录页眉中的规范文号',
          filename: 'notice.txt',
          text: '索 引 号: 00817804-9/2019-13123 分类: 规划计划\n发布机构: 市政府办公室 发文日期: 2019年06月24日\n名  称: 海口市人民政府办公室关于印发2019年政务公开工作要点的通知\n文  号: 海府办函〔2019〕168号 主 题 词:\n\n海口市人民政府办公室关于印发2019年政务公开工作要点的通知\n根据《国务院办公厅印发〈关于全面推进政务公开工作的意见〉实施细则的通知》（国办发〔2016〕80号），现将要点印发给你们。\n2019年6月21日\n',
        },
        {
          title: '令的编号本来就用“第”',
          text: '依据《中华人民共和国政府信息公开条例》（国务院令第711号）和《海口市政府信息公开规定》（海口市人民政府第12号令），制定本办法。\n',
        },
        {
          title: '形似文号的括号年份',
          text: '《中华人民共和国政府信息公开条例》（2019年修订）自2019年5月15日起施行。〔2019〕年度考核按(2019)年方案执行，咨询电话(0898)68725613；参见（2019）琼01民初68号判决。\n',
        },
      ],
    },
  },
  check(ctx) {
    const { doc } = ctx;
    // GB/T 9704 (1999 and 2012 alike put the year in 〔〕): nothing before its first version took effect;
    // the message cites the version in force on the document's date.
    const version = versionFor(doc, GBT9704_VERSIONS);
    if (!version) return;
    const clause = version === SOURCES.gbt9704_1999 ? CLAUSES.gbt9704_1999_number : CLAUSES.gbt9704_7_2_5;
    const issue = profileOf(doc).issued;
    const metaSeverity: Severity | undefined = ctx.options.metadataSeverity === 'inherit' ? undefined : (ctx.options.metadataSeverity ?? 'error');

    // The catalogue 文号 of a saved page is checked too: unlike a system-formatted date, it is the
    // document's own number as someone typed it.
    for (const field of doc.metadata.fields) {
      if (field.key !== '文号' || !field.value || isOtherNumberForm(field.value)) continue;
      const span = valueSpan(doc, field);
      const one = parseDocNumber(field.value, { issueYear: issue?.year });
      const found = one ? [one] : findDocNumbers(field.value, { issueYear: issue?.year });
      if (found.length === 0) {
        // On a saved page the field is the portal's (some put the title there): only a drafter's is held to it.
        if (looksLikeDocNumberAttempt(field.value) && profileOf(doc).origin === 'draft') {
          ctx.report({
            start: span.start, end: span.end, severity: metaSeverity,
            message: `文号“${field.value}”不符合“机关代字〔年份〕顺序号号”的格式（如“海府办函〔2019〕168号”）`,
          });
        }
        continue;
      }
      for (const n of found) reportNumber(ctx, n, span.start, span.exact, metaSeverity, issue, 'metadata', clause);
    }

    const explicit = issue?.from === 'metadata' ? issue : undefined;
    for (const seg of doc.segments) {
      const text = doc.text.slice(seg.start, seg.end);
      if (!/[〔［[【〖（(]/.test(text)) continue;
      for (const n of findDocNumbers(text)) reportNumber(ctx, n, seg.start, true, undefined, explicit, 'body', clause);
    }
  },
};

function reportNumber(
  ctx: RuleContext<Options>, n: DocNumber, base: number, editable: boolean, severity: Severity | undefined,
  issue: OwnDate | undefined, where: 'metadata' | 'body', clause: Clause,
): void {
  const start = base + n.start, end = base + n.end;
  const data = { docNumber: { agency: n.agency, year: n.year, number: n.number, problems: n.problems, canonical: n.canonical } };
  if (n.damaged) {
    ctx.report({
      start, end, severity, data, clause,
      message: `文号“${n.raw}”似乎已损坏：缺少“〕”，年份与顺序号连在一起${n.guess ? `（可能是“${n.guess}”）` : ''}，请对照原件改正`,
    });
    return;
  }
  if (!n.wellFormed) {
    const short = n.problems.includes('short-year') && !n.canonical ? '（年份无法确定，请补全四位年份）' : '';
    ctx.report({
      start, end, severity, data, clause,
      message: n.canonical ? `应为“${n.canonical}”：${describeProblems(n)}` : `文号“${n.raw}”不规范：${describeProblems(n)}${short}`,
      // A number quoted from another document is never rewritten.
      fix: n.canonical && editable && !isQuoted(ctx.doc, start, end) ? { range: [base + n.bracketStart, end], text: n.canonical.slice(n.agency.length) } : undefined,
    });
  }
  const year = n.year.length === 4 ? Number(n.year) : n.canonical ? Number(/〔([0-9]{4})〕/.exec(n.canonical)![1]) : undefined;
  if (issue && year !== undefined && year > issue.year) {
    const whence = issue.from === 'metadata' ? '元数据“成文日期”' : '落款日期';
    ctx.report({
      start, end, severity, data: { ...data, issueYear: issue.year, issueDateFrom: issue.from },
      message: where === 'metadata'
        ? `文号“${n.raw}”的年份${year}晚于成文日期的年份${issue.year}（${whence}），请核对文号或成文日期`
        : `引用的文号“${n.raw}”的年份${year}晚于本文件成文日期的年份${issue.year}，请核对`,
    });
  }
}
