import type { Rule, Fix } from '../types';
import type { ZwgkDocument } from '../document';
import { CLAUSES } from '../clauses';
import { getField } from '../metadata';
import { contentFor, type ContentItem, type TypeContent } from '../data/required-content';
import { toSimplified } from '../data/traditional';
import { profileOf, clauseInForce, isReportTitle } from '../profile';
import { normalizedText } from '../util/sentences';
import { fallbackRange } from '../util/report-range';
import { isMajorDecision } from '../util/major-decision';

interface Options {
  /** Extra terms per item name, e.g. { "监督举报方式": ["12345热线"] }. */
  synonyms: Record<string, string[]>;
  /** Item names not to require. */
  skipItems: string[];
  /** Optional item names to require as well (招生公告: 学校情况、录取结果). */
  requireOptional: string[];
  /** The six-part annual report check applies from this report year (older reports used another structure). */
  minReportYear: number;
}

/** Leading section numbering: 一、 （一） (1) 1. 第一章 第二条 */
const NUMBERING = /^\s{0,4}(?:第[一二三四五六七八九十百零0-9]{1,4}[章节部分条]\s{0,2}|[（(]?[一二三四五六七八九十0-9]{1,3}[)）、.．]\s{0,2})/;
/** `标签：` anywhere in a block: up to 20 characters after a start or a separator, before ：/:. */
const LABEL = /(?:^|[\s，,；;。、)）】\]|*])([^\s，,；;。：:、|*()（）]{1,20})\s{0,2}[：:]/g;
const MAX_LABEL = 40;

/**
 * The label texts of a document: headings (numbering removed; long numbered paragraphs cut at the
 * first separator), short table cells, `X：` labels and short stand-alone lines — normalised to
 * simplified characters.
 */
export function labelsOf(doc: ZwgkDocument): string[] {
  const out: string[] = [];
  // The title is not a label: “…职能配置、内设机构和人员编制规定” names the parts without containing them.
  const title = doc.title ? toSimplified(doc.title.text).replace(/\s+/g, '') : undefined;
  for (const b of doc.blocks) {
    const text = toSimplified(b.text);
    // (Dropping white space only shortens a text: a shorter one cannot equal the title.)
    if (title && text.length >= title.length && text.replace(/\s+/g, '') === title) continue;
    if (b.kind === 'heading') out.push(text.replace(NUMBERING, ''), text);
    else if (b.heading !== undefined) {
      // Both without the numbering (一、总体情况 → 总体情况) and as written (第二十条第（一）项).
      for (const h of [text.replace(NUMBERING, ''), text]) out.push(h.length <= MAX_LABEL ? h : h.split(/[，,；;。：:]/)[0].slice(0, MAX_LABEL));
    } else if (b.kind === 'tableCell') {
      if (text.length <= MAX_LABEL) out.push(text);
    } else if (text.length <= 30 && !/[。，,；;]/.test(text)) out.push(text); // a stand-alone line reads as a heading
    // Plain-text tables (“第二十条第（一）项 | 信息内容 | …”): each cell is a header candidate.
    if (b.kind === 'line' && text.includes('|')) {
      for (const cell of text.split('|')) if (cell.trim() && cell.trim().length <= MAX_LABEL) out.push(cell.trim());
    }
    if (!text.includes('：') && !text.includes(':')) continue; // LABEL needs one
    for (const m of text.matchAll(LABEL)) {
      const l = m[1];
      if (/^[\x00-\x7f]*$/.test(l)) continue; // https: / 10:30
      out.push(l);
    }
  }
  return out.filter(Boolean);
}

/** The notice names an attachment (附件：…, 附件1, 详见附件): tables and drafts often stand there. */
function hasAttachment(doc: ZwgkDocument): boolean {
  return doc.blocks.some((b) => b.start >= doc.bodyStart && /^\s{0,4}附\s{0,2}件\s{0,2}[0-9一二三四五六七八九十]{0,2}\s{0,2}[：:]?\s{0,2}\S/.test(b.text))
    || /详见附件|见附件|附件下载/.test(normalizedText(doc).slice(doc.bodyStart));
}

/**
 * An ordered document's top-level parts (一、总体情况 … 六、其他需要报告的事项, or the Markdown headings of its
 * top section level): what the six parts of an annual report are matched against, so that the sub-heading
 * （一）主动公开情况 inside part 一 does not count as part 二. Undefined when the document has no top-level
 * numbering (then every label counts, as before).
 */
function topLevelLabels(doc: ZwgkDocument): string[] | undefined {
  const top: string[] = [];
  const body = doc.blocks.filter((b) => b.start >= doc.bodyStart);
  for (const b of body) {
    const t = toSimplified(b.text);
    if (/^\s{0,4}[一二三四五六七八九十]{1,3}[、.．]/.test(t)) {
      const h = t.replace(NUMBERING, '');
      top.push(h.length <= MAX_LABEL ? h : h.split(/[，,；;。：:]/)[0].slice(0, MAX_LABEL));
    }
  }
  if (top.length < 2) {
    // Markdown headings: the shallowest level below the title.
    const heads = body.filter((b) => b.kind === 'heading');
    const depths = heads.map((h) => h.depth ?? 1).filter((d) => d >= 2);
    if (!depths.length) return undefined;
    const level = Math.min(...depths);
    const mine = heads.filter((h) => h.depth === level).map((h) => toSimplified(h.text).replace(NUMBERING, ''));
    return mine.length >= 2 ? mine : undefined;
  }
  return top;
}

/**
 * A saved page whose text does not end the way a document ends — a sentence mark, a date, the issuer's
 * name, an 附件 line, a `标签：内容` line (咨询电话：…) or a table row — was saved or copied only in part:
 * the parts after the last one present may simply be missing from the copy.
 */
function looksTruncated(doc: ZwgkDocument): boolean {
  // Only a saved page can be a partial copy; a drafter's unfinished draft gets every message.
  if (profileOf(doc).origin !== 'page') return false;
  const body = doc.blocks.filter((b) => b.start >= doc.bodyStart);
  const last = body[body.length - 1];
  if (!last || last.kind === 'heading' || last.kind === 'tableCell') return false;
  const t = toSimplified(last.text.trim());
  // A note of the copy that it stops here: [... the stored copy ends here ...], （以下略）.
  if (/^[[（(【].{0,40}(?:\.\.\.|…|以下略|未完)/.test(t)) return true;
  if (/[。！？!?；;…”’」』）)】\]>|]$/.test(t) || /\|/.test(t)) return false;
  if (/[0-9一二三四五六七八九十〇○O]{1,4}\s{0,2}[年月日]$|^\s*[（(]?此件|^附件/.test(t)) return false;
  if (/^[^，,。：:]{1,12}[：:]\s{0,2}\S/.test(t)) return false;
  // A signature: the issuing body's name.
  if (/(?:人民政府|政府|办公厅|办公室|委员会|局|委|厅|院|部|署|中心|海关|领导小组|街道办事处|镇|乡)$/.test(t) && t.length <= 30) return false;
  return true;
}

const NO_PATTERNS: readonly RegExp[] = [];

function has(item: ContentItem, labels: string[], extra: string[]): boolean {
  const terms = extra.length ? [...item.terms, ...extra] : item.terms;
  const patterns = item.patterns ?? NO_PATTERNS;
  return labels.some((l) => terms.some((t) => l.includes(t)) || patterns.some((p) => p.test(l)));
}

function proseHas(item: ContentItem, doc: ZwgkDocument, titleText: string): boolean {
  if (!item.prose) return false;
  const body = normalizedText(doc).slice(doc.bodyStart);
  return item.prose.some((p) => p.test(body) || p.test(titleText));
}

/** Where and how a skeleton heading is inserted. */
function skeletonFix(doc: ZwgkDocument, item: ContentItem, before: number | undefined): Fix {
  const eol = doc.eol;
  const label = item.skeleton ?? item.name;
  const mdHeadings = doc.format === 'markdown' ? doc.blocks.filter((b) => b.kind === 'heading' && b.start >= doc.bodyStart) : [];
  const sectionDepths = mdHeadings.map((b) => b.depth ?? 1).filter((d) => d >= 2);
  const depth = sectionDepths.length ? Math.min(...sectionDepths) : mdHeadings.length ? 2 : 0;
  let block: string;
  if (doc.format === 'markdown') {
    block = depth ? `${'#'.repeat(depth)} ${label}${eol}${eol}（待补充）${eol}` : `${label}${eol}${eol}（待补充）${eol}`;
  } else {
    block = `${label}${eol}（待补充）${eol}`;
  }
  const sep = doc.format === 'markdown' ? eol : '';
  if (before !== undefined) {
    return { range: [before, before], text: block + sep };
  }
  const text = doc.text;
  const end = text.length;
  let lead = '';
  if (end > 0 && !/[\r\n]$/.test(text)) lead = eol;
  const tail = (text.slice(-12) + lead).replace(/\r\n?/g, '\n');
  if (doc.format === 'markdown' && end > 0 && !/\n[ \t]*\n$/.test(tail)) lead += eol;
  return { range: [end, end], text: lead + block };
}

/**
 * How to add an item, for the message: short names can be a label (咨询方式：…); long ones (年度报告的
 * 政府信息公开行政复议、行政诉讼情况) read better as the heading the quick fix inserts.
 */
function contentHint(item: ContentItem): string {
  return item.name.length <= 8
    ? `（可用标题、“${item.name}：”标签或表头写明）`
    : `（请增加标题“${item.skeleton ?? item.name}”，或在表头写明）`;
}

/** Start of the line holding offset `o`. */
function lineStart(text: string, o: number): number {
  let i = o;
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return i;
}

/**
 * The content each document type must carry (requirements.md §3), one message per missing item,
 * with a quick fix that inserts a skeleton heading for it.
 */
export const requiredContent: Rule<Options> = {
  meta: {
    id: 'required-content',
    // 应有, not 法定: most items (扶贫、招生、执法 …) come from the 要点, a work plan, not from law.
    title: '缺少应有内容',
    description: '按文档类型检查必须公开的内容：年度报告六个部分（报告年度2019年起）及政府报告的工作考核、社会评议和责任追究结果；决策草案及其说明、决策依据、提出意见的方式和期限；财政项目、行政执法、义务教育招生、扶贫、办事指南、“三定”规定的各项内容。标题、带“××：”的段落或表头均可，同义词（如“受益贫困户”“实施单位”“监督电话”）亦可。',
    category: '内容',
    defaultSeverity: 'warning',
    clauses: [CLAUSES.tiaoli_50, CLAUSES.tiaoli713_15, CLAUSES.yaodian_1_1, CLAUSES.yaodian_1_2, CLAUSES.yaodian_1_3, CLAUSES.yaodian_1_5, CLAUSES.yaodian_1_6, CLAUSES.yaodian_3_4, CLAUSES.yaodian_4_3],
    rationale: '条例第五十条和政务公开工作要点规定了这些文件必须公开的内容。缺少任何一项，公开就不完整（如执法公示缺监督途径、扶贫公示缺受惠贫困户），公众得不到应知的信息，考核和群众监督中都会被指出。',
    howToFix: '补上缺少的部分：用标题（如“## 监督途径”或“五、存在的主要问题及改进情况”）、带标签的段落（如“咨询电话：……”）或表头写明。快速修复会插入该部分的标题骨架，内容需自行填写。',
    detection:
      '按文档类型检查：年度报告的六个部分（报告年度2019年起）及政府报告的工作考核、社会评议和责任追究结果；决策草案及其说明、决策依据、提出意见的方式和期限；' +
      '财政项目、行政执法、义务教育招生、扶贫、办事指南、“三定”规定的各项内容。' +
      '在标题（去掉“一、”“（一）”等序号）、“××：”标签、较短的表格单元格和单独成行的短句中查找，繁体按简体比较，也接受同义词（如“受益贫困户”“实施单位”“监督电话”）。' +
      '用词不同的，在选项 synonyms 中补充同义词；确实不适用的项列入 skipItems。',
    fixable: true,
    options: {
      synonyms: {
        type: 'object', additionalProperties: { type: 'array', items: { type: 'string', minLength: 1 } },
        description: '为某一项补充同义词：{ "项名": ["同义词", …] }，项名如“监督途径”“受惠贫困户”',
      },
      skipItems: { type: 'array', items: { type: 'string' }, description: '不检查的项名' },
      requireOptional: { type: 'array', items: { type: 'string' }, description: '额外要求的可选项（招生公告的“学校情况”“录取结果”通常单独公开，默认不要求）' },
      minReportYear: { type: 'integer', minimum: 2000, maximum: 2100, description: '从哪一报告年度起检查年度报告的六个部分（2019年起适用新格式）' },
    },
    defaultOptions: { synonyms: {}, skipItems: [], requireOptional: [], minReportYear: 2019 },
    examples: {
      fire: [
        {
          title: '扶贫公示缺少受惠贫困户和监督举报方式',
          text: '---\n标题: 某某村2026年扶贫项目公示\n---\n\n# 某某村2026年扶贫项目公示\n\n## 项目安排\n\n建设村道1.2公里。\n\n## 资金使用\n\n财政专项扶贫资金48万元。\n',
          count: 2,
          fixed: '---\n标题: 某某村2026年扶贫项目公示\n---\n\n# 某某村2026年扶贫项目公示\n\n## 项目安排\n\n建设村道1.2公里。\n\n## 资金使用\n\n财政专项扶贫资金48万元。\n\n## 受惠贫困户\n\n（待补充）\n\n## 监督举报方式\n\n（待补充）\n',
        },
        {
          title: '政府年度报告缺少第四部分和考核评议情况',
          text: '---\n标题: 美兰区2020年政府信息公开工作年度报告\n---\n\n# 美兰区2020年政府信息公开工作年度报告\n\n## 一、总体情况\n\n## 二、主动公开政府信息情况\n\n## 三、收到和处理政府信息公开申请情况\n\n## 五、存在的主要问题及改进情况\n\n## 六、其他需要报告的事项\n',
          count: 2,
          fixed: '---\n标题: 美兰区2020年政府信息公开工作年度报告\n---\n\n# 美兰区2020年政府信息公开工作年度报告\n\n## 一、总体情况\n\n## 二、主动公开政府信息情况\n\n## 三、收到和处理政府信息公开申请情况\n\n## 四、政府信息公开行政复议、行政诉讼情况\n\n（待补充）\n\n## 五、存在的主要问题及改进情况\n\n## 六、其他需要报告的事项\n\n## 工作考核、社会评议和责任追究结果情况\n\n（待补充）\n',
        },
        {
          title: '执法公示缺少监督途径（纯文本）',
          filename: 'zhifa.txt',
          text: '某某局行政执法公示\n执法职责：负责本行政区域内的某某执法工作。\n执法依据：《中华人民共和国某某法》。\n执法程序：立案、调查、告知、决定、送达。\n执法结果：按月在本网站公开。\n',
          count: 1,
          fixed: '某某局行政执法公示\n执法职责：负责本行政区域内的某某执法工作。\n执法依据：《中华人民共和国某某法》。\n执法程序：立案、调查、告知、决定、送达。\n执法结果：按月在本网站公开。\n监督途径\n（待补充）\n',
        },
      ],
      quiet: [
        {
          title: '扶贫公示用同义词（受益贫困户、监督电话）写明各项',
          text: '---\n标题: 某某村2026年扶贫项目公示\n---\n\n# 某某村2026年扶贫项目公示\n\n| 项目名称 | 资金规模（万元） | 受益贫困户 |\n|---|---|---|\n| 村道硬化 | 48 | 32户 |\n\n监督电话：0898-12317\n',
        },
        {
          title: '2018年度的年度报告不检查六个部分（旧格式）',
          text: '---\n标题: 海口市2018年政府信息公开工作年度报告\n---\n\n# 海口市2018年政府信息公开工作年度报告\n\n## 一、概述\n\n## 二、主动公开政府信息情况\n',
        },
        {
          title: '部门年度报告六个部分齐全（部门不要求考核评议部分）',
          text: '---\n标题: 海口市生态环境局2019年政府信息公开工作年度报告\n---\n\n# 海口市生态环境局2019年政府信息公开工作年度报告\n\n一、总体情况\n\n二、主动公开政府信息情况\n\n三、收到和处理政府信息公开申请情况\n\n四、政府信息公开行政复议、行政诉讼情况\n\n五、存在的主要问题及改进情况\n\n六、其他需要报告的事项\n',
        },
        {
          title: '行政执法公示制度（规范性制度，不是公示本身）',
          text: '---\n标题: 行政执法公示制度\n---\n\n# 行政执法公示制度\n\n第一条 为规范行政执法公示工作，制定本制度。\n',
        },
        {
          title: '处罚结果公示不要求执法职责、执法程序',
          text: '---\n标题: 海口市综合行政执法局行政处罚结果公示\n---\n\n# 海口市综合行政执法局行政处罚结果公示\n\n| 当事人 | 处罚依据 | 处罚结果 |\n|---|---|---|\n| 某某公司 | 《某某条例》第十条 | 罚款五千元 |\n\n如不服本处罚决定，可依法申请行政复议或者提起行政诉讼。\n',
        },
      ],
    },
  },
  check(ctx) {
    const { doc, options } = ctx;
    const profile = profileOf(doc);
    // Only for a kind declared or inferred with confidence: a 指导意见 about 行政执法公示 is not a 公示.
    if (!profile.kindSure) return;
    const spec: TypeContent | undefined = contentFor(doc.type.value);
    if (!spec) return;
    const titleText = toSimplified(doc.title?.text ?? '');
    if (doc.type.inferred && spec.inferredTitle && !spec.inferredTitle.test(titleText)) return;

    let government = false;
    if (spec.type === '年度报告') {
      if (doc.type.inferred && !isReportTitle(doc.title?.text)) return;
      const year = profile.reportYear;
      if (!year || year.year < (options.minReportYear ?? 2019)) return;
      government = profile.level.level === 'government';
    }
    const all = labelsOf(doc);
    // An ordered document's parts are matched against its top-level numbering only; the government's
    // extra item (考核、评议、追究) may stand anywhere.
    const top = spec.ordered ? topLevelLabels(doc) : undefined;
    const truncated = looksTruncated(doc);
    const skip = new Set(options.skipItems ?? []);
    const optional = new Set(options.requireOptional ?? []);
    const synonyms = options.synonyms ?? {};
    const at = fallbackRange(doc);
    const present = spec.items.map((item) =>
      has(item, top && !item.governmentOnly ? top : all, synonyms[item.name] ?? []) ||
      proseHas(item, doc, titleText) ||
      (!!item.title && item.title.test(titleText)) ||
      (!!item.metaKey && !!getField(doc.metadata, item.metaKey as never)?.value));

    const lastPresent = present.lastIndexOf(true);
    // What a notice leaves to its attachment (详见附件; 附件：…计划表) may well be there.
    const attached = hasAttachment(doc);
    const major = spec.type === '决策草案' && isMajorDecision(doc);
    spec.items.forEach((item, i) => {
      if (present[i] || skip.has(item.name)) return;
      // The source of the item was not yet in force on the document's date (an 扶贫 notice of 2018 and
      // the 2019 要点).
      if (!clauseInForce(doc, CLAUSES[item.clause])) return;
      // A text that stops mid-sentence (a page copied only in part) may have the rest: only gaps before
      // the last item present are certain.
      if (truncated && (!spec.ordered || i > lastPresent || item.governmentOnly)) return;
      if (attached && !item.inNotice) return;
      // 起草说明 and 决策依据 are the 重大行政决策's (条例713号 第十五条); any consultation needs the rest.
      if (item.majorOnly && !major) return;
      if (item.optional && !optional.has(item.name)) return;
      if (item.governmentOnly && !government) return;
      if (item.unlessTitle && item.unlessTitle.test(titleText)) return;
      // Ordered types: insert before the next item that is present (its heading's line).
      let before: number | undefined;
      if (spec.ordered && !item.governmentOnly) {
        for (let j = i + 1; j < spec.items.length && before === undefined; j++) {
          if (!present[j] || spec.items[j].governmentOnly) continue;
          const next = spec.items[j];
          const block = doc.blocks.find((b) => b.start >= doc.bodyStart && b.heading !== undefined && has(next, [toSimplified(b.heading).replace(NUMBERING, '')], synonyms[next.name] ?? []));
          if (block) before = lineStart(doc.text, block.start);
        }
      }
      const clause = CLAUSES[item.clause];
      ctx.report({
        start: at.start, end: at.end,
        message: `${spec.label}缺少“${item.name}”${contentHint(item)}`,
        clause,
        fix: skeletonFix(doc, item, before),
        data: { item: item.name, type: spec.type },
      });
    });
  },
};
