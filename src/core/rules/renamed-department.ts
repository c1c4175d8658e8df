import type { Rule, RuleContext } from '../types';
import type { ZwgkDocument } from '../document';
import { CLAUSES } from '../clauses';
import { profileOf } from '../profile';
import { getDateField, getField, type MetaKey } from '../metadata';
import { parseDate, compareDates, type SimpleDate } from '../dates';
import { renameTable } from '../data/renamed-departments';
import { clauseBefore, escapeRegExp, insideBookTitle, sentenceAround } from '../util/cjk';
import { lineAround } from '../util/scan';

interface Options {
  renames?: Record<string, string>;
  since?: string;
}

const DEFAULT_SINCE = '2019-01-01';

/** Metadata values that name departments and are checked like the body. */
const META_FIELDS: readonly MetaKey[] = ['标题', '发布机构', '起草单位'];

/**
 * Characters that, right before the level prefix, show the prefix belongs to another word:
 * 城市规划委员会 (a standing committee, not the old bureau), 超市, 社区, 园区 …
 */
const BLOCK_BEFORE: Record<string, RegExp> = {
  市: /[城都超门夜股楼上集]/,
  区: /[社园景校营小]/,
};

/** After a ministry name (…部) these make it another word: 环境保护部门, 国土资源部署. */
const BLOCK_AFTER_BU = /[门署分位]/;

/** Sentence words that mark a statement about the reform itself, not a current use of the name. */
const HISTORY_WORDS = /更名|改名|名称变更|组建|不再保留|撤销|划入|划转|改革前|前身|原为|旧称/;

/** 原 as in 原市卫计委 / 原海口市卫生和计划生育委员会; not 原则, 原因 … */
const FORMER = /原(?![则因告件始料理材油])/;

interface Matcher {
  /** Every old name. */
  re: RegExp;
  table: Map<string, string>;
  /** Every new name, longest first, sticky: which new name is written at a given offset. */
  current: RegExp;
  /** First characters of the new names, and the longest one's length. */
  currentFirst: Set<string>;
  currentMax: number;
}

const regexCache = new Map<string, Matcher>();

/** A plain alternation of literals, longest first: linear, no nested quantifiers. */
function alternation(words: Iterable<string>, flags: string): RegExp {
  const list = [...new Set(words)].filter(Boolean).sort((a, b) => b.length - a.length || a.localeCompare(b));
  return list.length ? new RegExp(list.map(escapeRegExp).join('|'), flags) : /(?!)/y;
}

/**
 * Each old name mapped to its final name: a chain (A → B, and B renamed again → C) reports C at once;
 * names in a cycle (A → B → A) are left out — the table contradicts itself, so the rule stays quiet.
 */
function finalNames(table: Map<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [oldName, first] of table) {
    if (!first) {
      out.set(oldName, first);
      continue;
    }
    const seen = new Set([oldName]);
    let name = first;
    while (table.get(name) && !seen.has(name)) {
      seen.add(name);
      name = table.get(name)!;
    }
    if (!seen.has(name)) out.set(oldName, name);
  }
  return out;
}

function matcher(options: Options): Matcher {
  const cacheKey = JSON.stringify(options.renames ?? {});
  let hit = regexCache.get(cacheKey);
  if (!hit) {
    const table = finalNames(renameTable(options.renames));
    const names = [...table.values()].filter(Boolean);
    hit = {
      re: alternation(table.keys(), 'g'),
      table,
      current: alternation(names, 'y'),
      currentFirst: new Set(names.map((n) => n[0])),
      currentMax: Math.max(0, ...names.map((n) => n.length)),
    };
    if (regexCache.size > 50) regexCache.clear();
    regexCache.set(cacheKey, hit);
  }
  return hit;
}

/** The document's own date: 成文日期, else 发布日期 (metadata). */
function documentDate(doc: ZwgkDocument): SimpleDate | undefined {
  return profileOf(doc).date;
}

/** Is the old name at [start, end) a current use (to report), or history / part of another word? */
function isCurrentUse(text: string, start: number, end: number, oldName: string, newName: string, before: string): boolean {
  const block = BLOCK_BEFORE[oldName[0]];
  if (block && start > 0 && block.test(text[start - 1])) return false;
  if (oldName.endsWith('部') && BLOCK_AFTER_BU.test(text[end] ?? '')) return false;
  if (insideBookTitle(before)) return false; // the title of an old document: 《市卫计委关于……的通知》
  if (FORMER.test(clauseBefore(text, start))) return false; // 原市卫计委, （原海口市环保局）
  const sentence = sentenceAround(text, start, end);
  if (HISTORY_WORDS.test(sentence.before) || HISTORY_WORDS.test(sentence.after)) return false;
  // 海口市环保局（现海口市生态环境局）: the text already gives the current name.
  if (/^[ \u3000]{0,1}[（(][ \u3000]{0,1}现/.test(text.slice(end, end + 4))) return false;
  // 市生态环境局（市环保局）: the old name given in brackets after the new one.
  const open = text[start - 1];
  if ((open === '（' || open === '(') && text.slice(Math.max(0, start - 1 - newName.length), start - 1) === newName) return false;
  return true;
}

/**
 * Whether [start, end) overlaps a current (new) name written in the text — 市旅游委 inside 市旅游委员会
 * when that is the new name: the old name is then part of the new one, and replacing it would grow the
 * text on every run. Checked against every new name, so that fixing always converges.
 */
function withinCurrentName(text: string, start: number, end: number, m: Matcher): boolean {
  for (let p = Math.max(0, start - m.currentMax + 1); p < end; p++) {
    if (!m.currentFirst.has(text[p])) continue;
    m.current.lastIndex = p;
    const hit = m.current.exec(text);
    if (hit && p + hit[0].length > start) return true;
  }
  return false;
}

function scan(ctx: RuleContext<Options>, from: number, to: number, m0: Matcher): void {
  const { doc } = ctx;
  const { re, table } = m0;
  const text = doc.text;
  const slice = text.slice(from, to);
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(slice))) {
    const oldName = m[0];
    const newName = table.get(oldName);
    const start = from + m.index;
    const end = start + oldName.length;
    if (!newName) continue;
    if (withinCurrentName(text, start, end, m0)) continue;
    const { before } = lineAround(doc, start, end);
    if (!isCurrentUse(text, start, end, oldName, newName, before)) continue;
    // The issuer of a cited order or document, named as it was then: 国家卫生计生委令第14号.
    if (/^令第|^[〔［\[]/.test(text.slice(end, end + 2))) continue;
    ctx.report({
      start, end,
      message: `改为“${newName}”：“${oldName}”已在机构改革中更名`,
      fix: { range: [start, end], text: newName },
      data: { old: oldName, new: newName },
    });
  }
}

/** Old department names used after the 2018–2019 机构改革 (市卫计委 → 市卫健委 …). */
export const renamedDepartment: Rule<Options> = {
  meta: {
    id: 'renamed-department',
    title: '机构改革前的部门名称',
    description: '机构改革（2018—2019年）后仍使用已撤并、更名部门的旧名称（如市卫计委、市环保局、市国土资源局），应改为新名称。',
    category: '用语',
    defaultSeverity: 'warning',
    clauses: [CLAUSES.yaodian_4_3],
    rationale: '机构改革后旧部门已撤并或更名。公开的文件再写旧名称，公众会找错责任部门、打错咨询电话，也不符合要点四（三）“确保政府信息公开的连续性”的要求。',
    howToFix: '把旧名称改为现在的部门名称（快速修复会直接替换）。叙述历史沿革的，写明“原市卫计委”“机构改革前”等。',
    detection:
      '按内置的更名表（如市卫计委→市卫健委、市环保局→市生态环境局）查找正文和发布机构等元数据中的旧名称。' +
      '同一句中有“更名”“组建”“不再保留”“划入”“机构改革前”“前身”等说明沿革的词，或名称前写“原”的，不报告；名称是别的词的一部分（城市规划委员会、环境保护部门）时不报告。' +
      '成文日期早于机构改革的文件不检查（选项 since）。本地的部门更名可在选项 renames 中补充。',
    fixable: true,
    options: {
      renames: {
        type: 'object',
        description: '补充或覆盖的更名表：旧名称 → 新名称（与内置表合并；新名称写空字符串表示不检查该旧名称）。'
          + '内置表已含 省/市/区/县 卫计委→卫健委，市/区/县 环保局→生态环境局、农业局→农业农村局，省环保厅→省生态环境厅、省农业厅→省农业农村厅，'
          + '国家卫计委→国家卫健委等部委，以及海口的 市国土资源局/市规划委/市规划局→市自然资源和规划局、市旅游委/市文体局→市旅游和文化广电体育局、'
          + '市工商局/市质监局/市食药监局→市市场监督管理局（市安监局→市应急管理局等没有依据的本地更名请在此补充）。',
        additionalProperties: { type: 'string' },
      },
      since: {
        type: 'string',
        pattern: '^\\d{4}-\\d{2}-\\d{2}$',
        description: '机构改革完成日期（YYYY-MM-DD）：元数据中成文日期（或发布日期）早于此日期的文件不检查；没有日期的文件照常检查。',
      },
    },
    defaultOptions: { renames: {}, since: DEFAULT_SINCE },
    examples: {
      fire: [
        {
          title: '牵头单位仍写旧名称',
          text: '# 关于做好2020年基层医疗卫生机构信息公开工作的通知\n\n各区人民政府：\n\n请市卫计委会同市环保局于2020年6月30日前公开相关信息。\n',
          count: 2,
          fixed: '# 关于做好2020年基层医疗卫生机构信息公开工作的通知\n\n各区人民政府：\n\n请市卫健委会同市生态环境局于2020年6月30日前公开相关信息。\n',
        },
        {
          title: '全称与区级部门',
          text: '---\n标题: 龙华区2019年卫生健康信息公开工作要点\n成文日期: 2019-07-01\n---\n\n由海口市卫生和计划生育委员会、区卫计委、区农业局按照职责分工分别牵头落实。\n',
          count: 3,
          fixed: '---\n标题: 龙华区2019年卫生健康信息公开工作要点\n成文日期: 2019-07-01\n---\n\n由海口市卫生健康委员会、区卫健委、区农业农村局按照职责分工分别牵头落实。\n',
        },
        {
          title: '配置中补充的本地更名',
          text: '（市旅游委、市国土局按照职责分工分别牵头落实）\n',
          options: { renames: { 市旅游委: '市旅游和文化广电体育局' } },
          count: 2,
          fixed: '（市旅游和文化广电体育局、市自然资源和规划局按照职责分工分别牵头落实）\n',
        },
      ],
      quiet: [
        {
          title: '新名称（要点原文）',
          text: '(市金融办、市财政局、市扶贫办、市卫健委、市人社局、市教育局、市生态环境局、市水务局、市农业农村局、市自然资源和规划局、市住建局、市园林和环卫局按照职责分工分别牵头落实)\n',
        },
        {
          title: '叙述机构改革沿革',
          text: '根据机构改革方案，将市卫计委的职责整合，组建市卫生健康委员会，不再保留市卫计委。市生态环境局（原市环保局）继续承担原有职能。\n\n'
            + '2017年海口市环保局（现海口市生态环境局）公开了监测数据。\n',
        },
        {
          title: '机构改革前成文的文件',
          text: '---\n标题: 关于开展2018年环境监测信息公开的通知\n成文日期: 2018-05-10\n---\n\n请市环保局于2018年6月30日前公开监测结果。\n',
        },
        {
          title: '引用旧文件的标题、其他词语中的字',
          text: '按照《海口市卫计委关于做好健康扶贫工作的通知》要求，海口市城市规划委员会审议通过了控制性详细规划，城市规划局部调整方案同步公开。\n',
        },
      ],
    },
  },
  check(ctx) {
    const { doc, options } = ctx;
    const since = parseDate(options.since ?? DEFAULT_SINCE) ?? parseDate(DEFAULT_SINCE)!;
    const date = documentDate(doc);
    if (date && compareDates(date, since) < 0) return;
    // A saved page that shows no date of its own may well predate the reform: not sure, so quiet.
    if (!date && profileOf(doc).origin === 'page') return;
    const m = matcher(options);
    if (m.table.size === 0) return;
    for (const key of META_FIELDS) {
      const f = getField(doc.metadata, key);
      if (f && f.end > f.start) scan(ctx, f.start, f.end, m);
    }
    for (const seg of doc.segments) scan(ctx, seg.start, seg.end, m);
  },
};
