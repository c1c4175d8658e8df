import type { Clause, Fix, Rule, RuleContext } from '../types';
import { CLAUSES } from '../clauses';
import { getField, DISCLOSURE_VALUES, type MetaField } from '../metadata';
import { disclosureOf, findDisclosureNote } from '../util/disclosure';
import { lineStartAt } from '../util/scan';
import { profileOf } from '../profile';

/**
 * The catalogue fields a published item needs (条例 第十二条; 国办发〔2016〕80号; 目录系统实施指引).
 *
 * Decisions:
 * - 标题 is satisfied by a title found anywhere (metadata 标题/名称, the first heading, a short first line).
 * - A date: 成文日期 or 发布日期 (发文日期). Whether it is a valid date is date-format's business.
 * - 公开属性 as util/disclosure decides it for every rule: the metadata field, else the 附注 — （此件主动公开）/
 *   （此件公开发布）/（此件依申请公开）/（此件不予公开）, GB/T 9704-2012 7.3.6 — so the seed (no 公开属性 field,
 *   “(此件主动公开)” under the date) stays quiet; else, for a saved portal page (a catalogue header), 主动公开:
 *   the Haikou header has no 公开属性 field because a page in the portal's 目录 is published actively. Front
 *   matter gets no such default. A value outside 主动公开/依申请公开/不予公开 is reported; so is a field that
 *   contradicts the 附注 (the metadata wins for the other rules; this rule names the contradiction).
 * - 索引号 when 主动公开 is stated (metadata or 附注) — not when only implied by a saved portal page, whose
 *   header the user cannot change; 文号 when the type (declared or inferred) is 规范性文件 or 政策文件;
 *   不予公开理由 when 不予公开.
 * - Each field cites its own source: 名称/索引号 the 目录系统实施指引, 发布机构 the portal catalogue's fields,
 *   the date 条例 第十二条 (生成日期), 公开属性 and 不予公开理由 国办发〔2016〕80号, 文号 GB/T 9704 7.2.5.
 * - One message per missing field, on the first line of the metadata block; an empty field is reported on
 *   its key. In YAML front matter each message offers the same fix — insert every missing key as an empty
 *   `key: ` line before the closing `---` (the editor's “insert skeleton” quick fix; applied once).
 * - No metadata block at all: a note of type 其他 without a 附注 (an ordinary memo, a README) stays quiet —
 *   it is not a catalogue item. Any other document gets ONE summary message on line 1 naming every missing
 *   field; for Markdown its fix inserts a front matter skeleton at the top.
 * - A broken front matter is front-matter-invalid's to report: this rule stays quiet then.
 */
export const metadataRequired: Rule = {
  meta: {
    id: 'metadata-required',
    title: '目录元数据齐全',
    description: '发布的政府信息需要目录元数据：标题、发布机构、日期（成文日期或发布日期）、公开属性；主动公开的需要索引号，规范性文件和政策文件需要文号，不予公开的需要不予公开理由。',
    category: '元数据',
    defaultSeverity: 'warning',
    clauses: [CLAUSES.tiaoli_12, CLAUSES.guoban_2016_80, CLAUSES.mulu_zhiyin, CLAUSES.mulu_fields, CLAUSES.gbt9704_7_2_5],
    rationale: '条例第十二条规定政府信息公开目录包括索引、名称、内容概述和生成日期；公开属性须在拟制公文时确定并随文报批。缺少这些元数据，信息无法编入目录，公众检索不到，也无法判断是否应当公开。',
    howToFix:
      '在前置元数据中补全缺少的项（快速修复可插入空的“键: ”行）：标题、发布机构、成文日期或发布日期、公开属性（主动公开/依申请公开/不予公开）；' +
      '主动公开的填索引号，规范性文件、政策文件填文号，不予公开的填不予公开理由。',
    detection:
      '标题可以来自元数据“标题/名称”、第一个标题或简短的首行；日期可以是成文日期或发布日期（是否有效由 date-format 检查）。' +
      '公开属性按元数据“公开属性”，没有时看附注“（此件主动公开）”等（GB/T 9704-2012 7.3.6），保存的门户目录页面视为主动公开；值不是三种属性之一、或与附注矛盾时也报告。' +
      '索引号只在写明主动公开时要求（不对改不了页头的门户页面要求）；文号在文档类型为规范性文件、政策文件时要求。每个缺少的字段一条消息；' +
      '完全没有元数据的文稿只报告一条汇总消息，类型为“其他”且没有附注的普通文件（备忘、README）不报告。前置元数据格式错误时由 front-matter-invalid 报告，本规则不报告。',
    fixable: true,
    examples: {
      fire: [
        {
          title: '前置元数据缺少发布机构和公开属性',
          text: '---\n标题: 海口市政府信息公开申请办理规定\n文档类型: 规范性文件\n文号: 海府〔2019〕12号\n成文日期: 2019-06-21\n---\n\n# 海口市政府信息公开申请办理规定\n',
          count: 2,
          fixed: '---\n标题: 海口市政府信息公开申请办理规定\n文档类型: 规范性文件\n文号: 海府〔2019〕12号\n成文日期: 2019-06-21\n发布机构: \n公开属性: \n---\n\n# 海口市政府信息公开申请办理规定\n',
        },
        {
          title: '主动公开但没有索引号',
          text: '---\n标题: 海口市2019年政务公开工作要点\n发布机构: 市政府办公室\n成文日期: 2019-06-21\n公开属性: 主动公开\n---\n\n# 海口市2019年政务公开工作要点\n',
          count: 1,
          fixed: '---\n标题: 海口市2019年政务公开工作要点\n发布机构: 市政府办公室\n成文日期: 2019-06-21\n公开属性: 主动公开\n索引号: \n---\n\n# 海口市2019年政务公开工作要点\n',
        },
        {
          title: '不予公开却没有填写理由',
          text: '---\n标题: 关于某项目征地补偿情况的报告\n发布机构: 市自然资源和规划局\n成文日期: 2019-06-21\n公开属性: 不予公开\n不予公开理由:\n---\n\n# 关于某项目征地补偿情况的报告\n',
          count: 1,
        },
        {
          title: '没有任何元数据的政策文件（一条汇总消息）',
          text: '# 海口市政府信息公开申请办理规定\n\n第一条 为规范政府信息公开申请办理工作，制定本规定。\n',
          count: 1,
          fixed: '---\n发布机构: \n成文日期: \n公开属性: \n文号: \n---\n\n# 海口市政府信息公开申请办理规定\n\n第一条 为规范政府信息公开申请办理工作，制定本规定。\n',
        },
      ],
      quiet: [
        {
          title: '门户目录页眉齐全，附注“（此件主动公开）”',
          filename: 'notice.txt',
          text: '索 引 号: 00817804-9/2019-13123 分类: 规划计划\n发布机构: 市政府办公室 发文日期: 2019年06月24日\n名  称: 海口市人民政府办公室关于印发2019年政务公开工作要点的通知\n文  号: 海府办函〔2019〕168号 主 题 词:\n\n海口市人民政府办公室\n2019年6月21日\n(此件主动公开)\n',
        },
        {
          title: '保存的门户目录页面：没有公开属性字段，也没有附注（目录中的页面即主动公开）',
          filename: 'page.txt',
          text: '当前位置：首页 > 政府信息公开 > 年度报告\n\n索 引 号: 00817804-9/2023-08749 分类: 信息公开年度报告\n发布机构: 市政府办公厅 发文日期: 2016年02月26日\n名    称: 海口市2015年政府信息公开工作年度报告\n文    号: 主 题 词:\n\n海口市2015年政府信息公开工作年度报告\n',
        },
        {
          title: '依申请公开的信息不需要索引号',
          text: '---\n标题: 关于某某事项的答复\n发布机构: 市政府办公室\n发布日期: 2026-03-02\n公开属性: 依申请公开\n---\n\n# 关于某某事项的答复\n',
        },
        {
          title: '依申请答复书以答复日期为日期',
          text: '---\n标题: 政府信息公开申请答复书\n文档类型: 依申请答复\n发布机构: 市自然资源和规划局\n收到申请日期: 2026-01-05\n答复日期: 2026-01-20\n公开属性: 依申请公开\n---\n\n# 政府信息公开申请答复书\n',
        },
        {
          title: '普通笔记（没有元数据、类型为其他）',
          text: '# 周例会记录\n\n讨论了下周的培训安排。\n',
        },
      ],
    },
  },
  check(ctx) {
    const { doc } = ctx;
    const meta = doc.metadata;
    if (meta.problems.length > 0) return;
    const note = findDisclosureNote(doc);
    const hasBlock = meta.source !== 'none' && meta.block !== undefined;
    if (!hasBlock && doc.type.value === '其他' && !note) return;

    const disclosure = disclosureOf(doc);
    const profile = profileOf(doc);
    const page = profile.origin === 'page';
    const needs: Need[] = [];
    const filled = (k: Parameters<typeof getField>[1]) => !!getField(meta, k)?.value;

    if (!doc.title) needs.push({ key: '标题', label: '标题', why: '目录须列明名称', clause: CLAUSES.mulu_zhiyin });
    if (!filled('发布机构')) needs.push({ key: '发布机构', label: '发布机构', why: '政府信息公开目录列明发布机构', clause: CLAUSES.mulu_fields });
    // A reply to an application (依申请答复) is dated by its 答复日期.
    const replyDated = doc.type.value === '依申请答复' && filled('答复日期');
    if (!filled('成文日期') && !filled('发布日期') && !replyDated) {
      needs.push({ key: '成文日期', label: '成文日期（或发布日期）', why: '目录须列明生成日期', clause: CLAUSES.tiaoli_12, alt: '发布日期' });
    }
    if (!disclosure) {
      needs.push({ key: '公开属性', label: '公开属性', why: '拟制公文时须确定主动公开、依申请公开或不予公开', clause: CLAUSES.guoban_2016_80 });
    }
    if (disclosure?.value === '主动公开' && disclosure.from !== 'portal' && !filled('索引号')) {
      needs.push({ key: '索引号', label: '索引号', why: `主动公开的信息须编入目录${disclosure.from === 'note' ? '（公开属性取自附注）' : ''}`, clause: CLAUSES.mulu_zhiyin });
    }
    // 文号: only for a policy zwgk is sure of.
    if ((doc.type.value === '规范性文件' || doc.type.value === '政策文件') && profile.kindSure && !filled('文号')) {
      const why = `${doc.type.value}须有发文字号${doc.type.inferred ? `；文档类型${doc.type.reason}` : ''}`;
      needs.push({ key: '文号', label: '文号', why, clause: CLAUSES.gbt9704_7_2_5 });
    }
    if (disclosure?.value === '不予公开' && !filled('不予公开理由')) {
      needs.push({ key: '不予公开理由', label: '不予公开理由', why: '不予公开的须依法说明理由', clause: CLAUSES.guoban_2016_80 });
    }

    // 公开属性 written but not one of the three values, or contradicting the 附注.
    const field = getField(meta, '公开属性');
    if (disclosure?.from === 'metadata' && field) {
      if (!disclosure.known) {
        ctx.report({
          start: field.start, end: field.end, clause: CLAUSES.guoban_2016_80,
          message: `公开属性“${field.value}”应为${DISCLOSURE_VALUES.map((v) => `“${v}”`).join('、')}之一`,
        });
      } else if (note && note.value !== disclosure.value) {
        ctx.report({
          start: field.start, end: field.end, clause: CLAUSES.guoban_2016_80,
          message: `公开属性“${field.value}”与附注“${note.raw}”不一致：其他规则以元数据为准，请改正其中之一`,
        });
      }
    }

    // A saved portal page: its catalogue is the portal's, and a stored copy often lacks what the live page
    // shows (the title line, the byline). Missing fields are the portal's business, not the drafter's.
    if (needs.length === 0 || page) return;
    if (!hasBlock) {
      reportSummary(ctx, needs);
      return;
    }

    const block = meta.block!;
    const firstLineEnd = lineEnd(doc.text, block.start);
    const absent = needs.filter((n) => !fieldOf(meta.fields, n));
    const fix = meta.source === 'front-matter' && absent.length > 0 ? skeletonFix(doc.text, block.end, absent.map((n) => n.key), doc.eol) : undefined;
    const missingKeys = absent.map((n) => n.key);
    for (const n of needs) {
      const f = fieldOf(meta.fields, n);
      if (f) {
        ctx.report({
          start: f.keyStart, end: Math.max(f.keyEnd, f.end), clause: n.clause,
          message: `目录元数据“${f.rawKey.replace(/[\s\u3000]+/g, '')}”为空：${n.why}`,
        });
      } else {
        ctx.report({
          start: block.start, end: firstLineEnd, clause: n.clause, fix, data: { missingKeys },
          message: `缺少目录元数据“${n.label}”：${n.why}`,
        });
      }
    }
  },
};

interface Need {
  /** Key to insert. */
  key: string;
  /** How the message names it. */
  label: string;
  why: string;
  clause: Clause;
  /** Another key that would also do (发布日期 for 成文日期). */
  alt?: string;
}

/** The field standing for a need that is present but empty (undefined when absent). */
function fieldOf(fields: MetaField[], n: Need): MetaField | undefined {
  return fields.find((f) => f.key === n.key) ?? (n.alt ? fields.find((f) => f.key === n.alt) : undefined);
}

/** End of the line starting at `from`, trailing white space (including no-break spaces) excluded. */
function lineEnd(text: string, from: number): number {
  const i = text.slice(from, from + 400).search(/\r|\n/);
  let end = i < 0 ? Math.min(text.length, from + 400) : from + i;
  while (end > from && /\s/.test(text[end - 1])) end--;
  return end;
}

/** Inserts `key: ` lines before the closing fence of the front matter ending at `blockEnd`. */
function skeletonFix(text: string, blockEnd: number, keys: string[], eol: string): Fix {
  const closing = lineStartAt(text, blockEnd);
  return { range: [closing, closing], text: keys.map((k) => `${k}: ${eol}`).join('') };
}

function reportSummary(ctx: RuleContext, needs: Need[]): void {
  const { doc } = ctx;
  const eol = doc.eol;
  const fix: Fix | undefined = doc.format === 'markdown'
    ? { range: [0, 0], text: `---${eol}${needs.map((n) => `${n.key}: ${eol}`).join('')}---${eol}${eol}` }
    : undefined;
  ctx.report({
    start: 0, end: lineEnd(doc.text, 0), fix, data: { missingKeys: needs.map((n) => n.key) },
    message: `没有目录元数据，缺少${needs.map((n) => `“${n.label}”`).join('、')}${doc.type.value === '其他' ? '' : `；文档类型“${doc.type.value}”${doc.type.reason}`}`,
  });
}
