import { profileOf, clauseInForce } from '../profile';
import type { Rule, Fix } from '../types';
import type { ZwgkDocument } from '../document';
import { CLAUSES } from '../clauses';
import { roleOf } from '../workspace';
import { summaryOf } from '../links';
import { parseSmallNumber, toChineseNumber } from '../util/cn-number';
import { INTERPRETATION_ELEMENTS, INTERPRETATION_ELEMENT_NAMES, FIRST_TIME_POLICY, type InterpretationElement } from '../data/interpretation-elements';

interface Options {
  /** Elements to require (default: the nine of requirements.md §1). Names not in the table are custom. */
  elements?: string[];
  /** Extra words per element name. */
  synonyms?: Record<string, string[]>;
}

const squash = (s: string) => s.normalize('NFKC').replace(/[\s\u3000*_#]+/g, '');

/** 问：… / Q1：… / a line or heading ending in ？ */
const QUESTION_PREFIX = /^(?:问|Q|q)[0-9]{0,2}[:：.、]/;
const NUMBERING = /^(?:第[一二三四五六七八九十百零]{1,4}[章节部分条]|[一二三四五六七八九十]{1,3}、|[(][一二三四五六七八九十]{1,3}[)]|[0-9]{1,2}[、.])/;

interface Parts {
  /** Headings and labels (出台背景：…), numbering removed. */
  names: string[];
  questions: string[];
  /** Body text shows the policy is issued for the first time (no 新旧政策差异 to explain). */
  firstTime: boolean;
}

function collect(doc: ZwgkDocument): Parts {
  const names: string[] = [];
  const questions: string[] = [];
  const title = doc.title ? squash(doc.title.text) : '';
  let firstTime = false;
  for (const b of doc.blocks) {
    if (b.start < doc.bodyStart) continue;
    const text = squash(b.text);
    if (!text) continue;
    // The title is no section — unless a draft without a title starts with one (## 背景依据, 一、出台背景).
    const isTitle = text === title || (doc.title !== undefined && doc.title.from !== 'metadata' && b.start <= doc.title.start && doc.title.end <= b.end);
    if (isTitle && !(b.depth !== undefined && (b.kind !== 'heading' || b.depth >= 2))) continue;
    if (!firstTime && FIRST_TIME_POLICY.test(text)) firstTime = true;
    const unnumbered = text.replace(NUMBERING, '');
    if (QUESTION_PREFIX.test(unnumbered) || (/[？?]/.test(unnumbered) && unnumbered.length <= 150 && (b.heading !== undefined || /[？?]$/.test(unnumbered)))) {
      questions.push(unnumbered.replace(QUESTION_PREFIX, ''));
      continue;
    }
    if (b.heading !== undefined) {
      names.push(squash(b.heading).replace(NUMBERING, ''));
      continue;
    }
    const colon = unnumbered.search(/[:：]/);
    if (colon >= 1 && colon <= 20) names.push(unnumbered.slice(0, colon));
    else if (unnumbered.length <= 20 && !/[。，；,;]/.test(unnumbered)) names.push(unnumbered);
  }
  return { names, questions, firstTime };
}

function elementFor(name: string): InterpretationElement {
  return INTERPRETATION_ELEMENTS.find((e) => e.name === name)
    ?? { name, terms: [], question: /(?!)/, hint: `“${name}”`, ask: `关于${name}的问题` };
}

function present(el: InterpretationElement, extra: readonly string[], parts: Parts): boolean {
  if (el.name === '新旧政策差异' && parts.firstTime) return true;
  const terms = [el.name, ...el.terms, ...extra].map(squash).filter(Boolean);
  if (parts.names.some((n) => terms.some((t) => n.includes(t)))) return true;
  const asked = [el.name, ...extra].map(squash).filter(Boolean);
  return parts.questions.some((q) => el.question.test(q) || asked.some((t) => q.includes(t)));
}

/**
 * The heading skeletons for the missing elements, inserted at the end of the document: `## 名称` in
 * Markdown (at the depth of the document's section headings), `十、名称` in plain text (continuing the
 * 一、二、 numbering). `k` is the element's place among the missing ones, so that fixes applied together
 * (the editor's "insert what is missing") number and space correctly, and fixes applied one per pass
 * (`zwgk lint --fix`) too.
 */
function skeletonFix(doc: ZwgkDocument, name: string, k: number): Fix {
  const { text, eol } = doc;
  const end = text.length;
  let sep = '';
  if (k > 0) sep = eol;
  else if (end > 0 && !/[\r\n]$/.test(text)) sep = eol + eol;
  else if (end > 0 && !/(?:\r\n|\r|\n)[ \t]*(?:\r\n|\r|\n)$/.test(text)) sep = eol;
  if (doc.format === 'text') {
    let last = 0;
    for (const b of doc.blocks) {
      const m = /^\s*([一二三四五六七八九十]{1,3})、/.exec(b.text);
      if (m && b.depth === 1) last = Math.max(last, parseSmallNumber(m[1]) ?? 0);
    }
    return { range: [end, end], text: `${sep}${toChineseNumber(Math.min(99, last + k + 1))}、${name}${eol}` };
  }
  const sections = doc.blocks.filter((b) => b.kind === 'heading' && (b.depth ?? 1) >= 2);
  const depth = sections.length ? sections[sections.length - 1].depth ?? 2 : 2;
  return { range: [end, end], text: `${sep}${'#'.repeat(depth)} ${name}${eol}` };
}

const FULL_MD = `---
标题: 《海口市市级储备粮管理办法》政策解读
文档类型: 政策解读
起草单位: 海口市发展和改革委员会
---

# 《海口市市级储备粮管理办法》政策解读

## 一、出台背景和制定依据

## 二、目标任务

## 三、主要内容

## 四、适用范围

## 五、执行标准

## 六、注意事项

## 七、名词解释

## 八、惠企利民举措

## 九、新旧政策对比
`;

const QA = `---
标题: 海口市稳岗就业补贴政策简明问答
文档类型: 政策解读
---

# 海口市稳岗就业补贴政策简明问答

**问：为什么出台《海口市稳岗就业补贴实施办法》？**

答：为贯彻落实国家和省关于稳就业的决策部署……

**问：出台《办法》要达到什么目标？**

答：到2026年底，帮助不少于1万名劳动者稳定就业。

**问：《办法》的主要内容有哪些？**

答：共五章二十条……

**问：哪些企业可以申请稳岗补贴？**

答：在本市依法登记、按时足额缴纳失业保险费的企业。

**问：补贴标准是多少？如何申请？**

答：按企业上年度实际缴纳失业保险费的60%返还……

**问：申请时需要注意什么？**

答：申请材料须真实有效……

**问：“稳岗”是指什么？**

答：指企业不裁员或少裁员……

**问：企业和职工能享受哪些优惠？**

答：……

**问：与原政策相比有哪些变化？**

答：返还比例由50%提高到60%……
`;

/** What a 政策解读 should cover: nine elements, as headings or, in a Q&A interpretation, as questions. */
export const interpretationContent: Rule<Options> = {
  meta: {
    id: 'interpretation-content',
    title: '政策解读缺少应有内容',
    description: '政策解读缺少背景依据、目标任务、主要内容、适用范围、执行标准、注意事项、关键词诠释、惠民举措、新旧政策差异中的某项（可用同义标题或小标题；政策简明问答以问题形式出现即可）；一篇解读报告一次，列出缺少的各项。只检查2019年（要点）以后的解读。',
    category: '解读',
    defaultSeverity: 'warning',
    // The nine elements come from jiedu_elements for both forms; 要点 二（三） only suggests Q&A as a form.
    clauses: [CLAUSES.jiedu_elements, CLAUSES.yaodian_2_3, CLAUSES.yaodian_2_1],
    rationale: '政策解读要让群众“看得到、能理解”（要点二（三））：讲清为什么出台、管什么、对谁适用、怎么执行、有什么实惠、和旧政策有什么不同。缺了其中一项，公众最关心的问题往往就没有答案，只好去电话咨询或误解政策。',
    howToFix:
      '为缺少的要素补写一节（标题可用同义说法，如“出台背景”“名词解释”“主要变化”），问答式解读补一个对应的问题；新制定的政策可写明“本办法为首次制定”代替新旧政策对比。' +
      '快速修复会在文末插入缺少要素的标题。',
    detection:
      '只检查确定是政策解读、且形成于地方解读要素规定施行以后（2019年起）的文稿；保存的门户页面不检查（已发布的页面起草人改不了）。各要素在标题、小标题、“××：”标签或问题中出现即可，也接受同义说法；' +
      '有两个以上“问：”式问题的按政策简明问答检查，要素以问题形式出现即可。一篇解读只报告一次，列出缺少的各项。选项 elements 选择要检查的要素，synonyms 补充同义词。',
    fixable: true,
    options: {
      elements: {
        type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true,
        description: `要检查的要素（默认：${INTERPRETATION_ELEMENT_NAMES.join('、')}）；可以写表外的要素名`,
      },
      synonyms: {
        type: 'object', additionalProperties: { type: 'array', items: { type: 'string', minLength: 1 } },
        description: '要素名 → 额外的同义词（标题、标签或问题中出现即可），如 { "惠民举措": ["政策红利"] }',
      },
    },
    defaultOptions: { elements: [...INTERPRETATION_ELEMENT_NAMES], synonyms: {} },
    examples: {
      fire: [
        {
          title: '缺少适用范围、关键词诠释、新旧政策差异（一条消息列出三项）',
          text: '---\n标题: 《海口市市级储备粮管理办法》政策解读\n文档类型: 政策解读\n---\n\n# 《海口市市级储备粮管理办法》政策解读\n\n## 一、出台背景\n\n## 二、工作目标\n\n## 三、主要内容\n\n## 四、执行标准\n\n## 五、注意事项\n\n## 六、惠企利民举措\n',
          count: 1,
        },
        {
          title: '政策简明问答缺少关于新旧政策差异、注意事项的问题',
          text: QA.replace('**问：申请时需要注意什么？**\n\n答：申请材料须真实有效……\n\n', '').replace(/\*\*问：与原政策相比[^\n]*\n\n答：[^\n]*\n/, ''),
          count: 1,
        },
        {
          title: '快速修复：在文末插入缺少要素的标题',
          text: FULL_MD.replace('## 七、名词解释\n\n', ''),
          count: 1,
          fixed: FULL_MD.replace('## 七、名词解释\n\n', '') + '\n## 关键词诠释\n',
        },
      ],
      quiet: [
        { title: '九项要素齐全（同义标题）', text: FULL_MD },
        { title: '政策简明问答，九项都有对应问题', text: QA },
        {
          title: '首次制定的政策：写明后不需要新旧对比',
          text: FULL_MD.replace('## 九、新旧政策对比\n', '') + '\n本办法为我市首次制定，此前没有同类政策。\n',
        },
        {
          title: '不是政策解读',
          text: '---\n标题: 海口市市级储备粮管理办法\n文档类型: 规范性文件\n---\n\n# 海口市市级储备粮管理办法\n\n第一条 为加强市级储备粮管理，制定本办法。\n',
        },
        {
          title: '配置只检查部分要素，并补充同义词',
          text: '---\n标题: 《海口市市级储备粮管理办法》解读\n---\n\n# 《海口市市级储备粮管理办法》解读\n\n## 一、起草缘由\n\n## 二、群众获得感\n',
          options: { elements: ['背景依据', '惠民举措'], synonyms: { 惠民举措: ['获得感'] } },
        },
      ],
    },
  },
  check(ctx) {
    const { doc } = ctx;
    if (roleOf(summaryOf(doc)) !== 'interpretation') return;
    // A kind inferred with low confidence, or a document older than the element lists: quiet.
    const profile = profileOf(doc);
    if (!profile.kindSure || !clauseInForce(doc, CLAUSES.jiedu_elements)) return;
    // A recommendation for the drafter of a 解读 (from local rules, not the law): a published page is
    // beyond their pen, so it is not held to it.
    if (profile.origin === 'page') return;
    const names = Array.isArray(ctx.options.elements) ? ctx.options.elements : INTERPRETATION_ELEMENT_NAMES;
    const synonyms = (ctx.options.synonyms && typeof ctx.options.synonyms === 'object' ? ctx.options.synonyms : {}) as Record<string, unknown>;
    const parts = collect(doc);
    const qa = parts.questions.length >= 2;
    const missing = names.map(elementFor).filter((el) => {
      const extra = Array.isArray(synonyms[el.name]) ? (synonyms[el.name] as unknown[]).filter((x): x is string => typeof x === 'string') : [];
      return !present(el, extra, parts);
    });
    if (missing.length === 0) return;
    const range = doc.title ? { start: doc.title.start, end: doc.title.end } : { start: doc.bodyStart, end: doc.bodyStart };
    // One message for the document (not one per element): what is missing, and one fix that adds them all.
    const list = missing.map((el) => `“${el.name}”`).join('');
    const fixes = missing.map((el, k) => skeletonFix(doc, el.name, k));
    ctx.report({
      ...range,
      message: qa
        ? `政策问答缺少关于${list}的问题（如${missing.slice(0, 2).map((el) => `“${el.ask}”`).join('')}）`
        : `政策解读缺少${list}${missing.length > 1 ? '等部分' : '部分'}（可用${missing[0].hint}等标题）`,
      clause: CLAUSES.jiedu_elements,
      fix: { range: fixes[0].range, text: fixes.map((f) => f.text).join('') },
      data: { elements: missing.map((el) => el.name), element: missing[0].name, qa },
    });
  },
};
