import type { Rule } from '../types';
import { CLAUSES } from '../clauses';
import { compilePacks, findPackHits, formatCnDate, type CompiledEntry } from '../packs/compile';
import { profileOf } from '../profile';
import type { SimpleDate } from '../dates';

interface Options {
  levels?: Record<string, 'off' | 'info' | 'warning' | 'error'>;
}

/**
 * Wording packs (用语规范词库): the default packs zwgk ships (易错词, 规范表述, 过时引用) and the packs a
 * config names, all matched in one pass (see src/core/packs/).
 */
export const wording: Rule<Options> = {
  meta: {
    id: 'wording',
    title: '用语规范（词库）',
    description: '按词库检查易错词、规范表述和过时引用：内置词库之外，各单位可在配置的 packs 中加入自己的词库（YAML 数据文件）。',
    category: '用语',
    defaultSeverity: 'warning',
    clauses: [CLAUSES.yaodian_3_1],
    rationale: '要点三（一）要求发布前“把好政治关、政策关、文字关”。错别字、提法不统一、引用已被修订的法规版本，会让公众误解政策，也损害政府网站的权威。',
    howToFix: '按提示改为正确写法（能自动修复的词条可用快速修复）。确属正确用法的个别地方，用 <!-- zwgk-disable-next-line wording/词库id/词条id --> 关闭。',
    detection:
      '按用语规范词库（易错词、规范表述、过时引用，以及配置中指定的本地词库）一次匹配全文；每条提示都注明所依据的规范或出处。书名号《》内的文字是引用的标题，须照原样，不检查。' +
      '整个词库或词条的级别在配置的 levels 中调整（如 "levels": { "typos": "info", "terms/fangguanfu": "off" }）；' +
      '用 zwgk packs list 查看所有词库和词条，用 zwgk packs test 运行词库的示例。',
    fixable: true,
    options: {
      levels: {
        type: 'object',
        description: '按词库或词条调整级别：键为词库 id（如 typos）或“词库id/词条id”（如 typos/jiezhi-date），值为 off|info|warning|error。'
          + '没有在这里列出的词条用词库中写的级别；规则 wording 本身设置了严重程度时，所有词条都用该严重程度。',
        propertyNames: { pattern: '^[a-z0-9][a-z0-9-]*(/[a-z0-9][a-z0-9-]*)?$' },
        additionalProperties: { type: 'string', enum: ['off', 'info', 'warning', 'error'] },
      },
    },
    defaultOptions: { levels: {} },
    examples: {
      fire: [
        {
          title: '易错词：截止后面直接接时间',
          text: '截止2019年12月31日，本机关共收到政府信息公开申请36件。\n',
          fixed: '截至2019年12月31日，本机关共收到政府信息公开申请36件。\n',
        },
        {
          title: '规范表述：双随机、一公开',
          text: '全面推行“双随机一公开”监管，按照“谁执法、谁公示”原则公开执法信息。\n',
          count: 2,
          fixed: '全面推行“双随机、一公开”监管，按照“谁执法谁公示”原则公开执法信息。\n',
        },
        {
          title: '过时引用：2019年5月15日以后仍引用国务院令第492号',
          text: '---\n标题: 关于政府信息公开申请的答复\n成文日期: 2020-03-02\n---\n\n根据《中华人民共和国政府信息公开条例》（国务院令第492号）的规定，现答复如下。\n',
        },
      ],
      quiet: [
        {
          title: '正确写法',
          text: '截至2019年12月31日，本机关共收到申请36件，报名截止时间为2020年1月10日。全面推行“双随机、一公开”监管。\n',
        },
        {
          title: '引用的标题照原样',
          text: '转发《关于深化“放、管、服”改革的通知》。\n',
        },
        {
          title: '修订前成文的文件引用当时的版本',
          text: '---\n成文日期: 2018-06-01\n---\n\n根据《中华人民共和国政府信息公开条例》（国务院令第492号）的规定，现答复如下。\n',
        },
        {
          title: '用控制注释关闭一个词条',
          text: '<!-- zwgk-disable-next-line wording/typos/jiezhi-date -->\n截止2019年12月31日（原文照录）。\n',
        },
      ],
    },
  },
  check(ctx) {
    const { doc } = ctx;
    const set = compilePacks(ctx.packs);
    if (set.entries.length === 0) return;
    const levels = ctx.options.levels ?? {};
    const levelOf = (e: CompiledEntry) => levels[e.key] ?? levels[e.pack.id] ?? (ctx.severityExplicit ? ctx.severity : e.level);
    let date: SimpleDate | undefined;
    const hits = findPackHits(doc, set, () => (date = profileOf(doc).date), (e) => levelOf(e) !== 'off');
    for (const h of hits) {
      const e = h.entry;
      const level = levelOf(e);
      if (level === 'off') continue;
      const message = e.message
        .replace(/\{wrong\}/g, h.text)
        .replace(/\{right\}/g, h.right ?? '')
        .replace(/\{date\}/g, date ? formatCnDate(date) : '');
      ctx.report({
        start: h.start,
        end: h.end,
        message,
        severity: level,
        clause: e.clause,
        scope: e.key,
        ...(e.fix && h.right !== undefined ? { fix: { range: [h.start, h.end] as [number, number], text: h.right } } : {}),
        data: { pack: e.pack.id, entry: e.id, packTitle: e.pack.title, packFile: e.pack.file, ...(e.url ? { url: e.url } : {}) },
      });
    }
  },
};
