import type { Rule, Clause } from '../types';
import type { ZwgkDocument } from '../document';
import { CLAUSES } from '../clauses';
import { disclosureOf } from '../util/disclosure';

/** A level with an optional space inside (版头 layouts write “秘 密”). */
const LEVEL = '(?:绝[ \\u3000]?密|机[ \\u3000]?密|秘[ \\u3000]?密)';
/** 保密期限 after the star: 1年, 10年, 6个月, 长期 (GB/T 9704: “秘密★1年”). */
const TERM = '(?:(?:保密期限|期限)[:：]?[ \\u3000]{0,2})?(?:[0-9\\uFF10-\\uFF19]{1,3}[ \\u3000]?(?:年|个月|月|天|日)|长期)';
/** 秘密★ / 机密★1年 / 绝密 ★ 长期 — a level followed by the star is a mark wherever it stands. */
const STAR_RE = new RegExp(`${LEVEL}[ \\u3000]{0,2}[★☆][ \\u3000]{0,2}${TERM}?`, 'g');
/** 密级：秘密 */
const LEVEL_LABEL_RE = new RegExp(`密级[ \\u3000]{0,2}[:：][ \\u3000]{0,2}${LEVEL}(?:[ \\u3000]{0,2}[★☆])?(?:[ \\u3000]{0,2}${TERM})?`, 'g');
/**
 * A line that is only a level (after markup and spaces are removed): “机密”, “【秘密】”. A level with a term
 * but no star (“绝密 30年”) is left alone: that is how tables of 保密期限 read, and GB/T 9704 marks use ★.
 */
const LEVEL_ALONE_RE = /^(?:密级[:：]?)?(?:绝密|机密|秘密)$/;
/** The extent of a level mark starting at a position (term included). */
const LEVEL_AT_RE = new RegExp(`^(?:密级[ \\u3000]{0,2}[:：][ \\u3000]{0,2})?${LEVEL}(?:[ \\u3000]{0,2}[★☆])?(?:[ \\u3000]{0,2}${TERM})?`);
const INTERNAL = '(?:内部资料|内部文件|内部刊物|内部材料|内部发行)';
const KEEP = '(?:注意保存|妥善保管|注意保密|请勿外传|不得外传|严禁外传|请勿公开|不得公开|严禁复制|请勿翻印|不得翻印)';
/** 内部资料 注意保存 / 内部文件，请勿外传 — anywhere on a line. */
const INTERNAL_KEEP_RE = new RegExp(`${INTERNAL}[ \\u3000，,、；;。.：:]{0,3}${KEEP}`, 'g');
/** （内部资料） 【内部文件】 — the mark in brackets, e.g. after a compilation's title. */
const INTERNAL_BRACKET_RE = new RegExp(`[（(【\\[]${INTERNAL}[）)】\\]]`, 'g');
/** A line that is only an internal mark. */
const INTERNAL_ALONE_RE = new RegExp(`^${INTERNAL}(?:[，,、；;。.：:]?${KEEP}){0,2}$`);
/** The extent of an internal mark starting at a position. */
const INTERNAL_AT_RE = new RegExp(`^${INTERNAL}(?:[ \\u3000，,、；;。.：:]{0,3}${KEEP}){0,2}`);
/** Any level or internal word, to locate an “alone” mark within its line. */
const WORD_RE = new RegExp(`(?:密级[ \\u3000]{0,2}[:：][ \\u3000]{0,2})?${LEVEL}|${INTERNAL}`, 'g');
const OPEN_QUOTES = new Set(['“', '‘', '"', '\'', '「', '『', '《', '〈']);

interface Hit { start: number; end: number; internal: boolean }

/** How the document says it is published actively (util/disclosure: metadata, else 附注, else portal page), or undefined. */
function activeDisclosure(doc: ZwgkDocument): string | undefined {
  const d = disclosureOf(doc);
  return d?.value === '主动公开' ? d.why : undefined;
}

function stripMarkup(line: string): string {
  return line
    .replace(/[\s\u3000#>*_`~]|份号[:：]?/g, '')
    .replace(/^[（(【\[〔]/, '')
    .replace(/[）)】\]〕]$/, '');
}

/** Secrecy marks (密级) and 内部资料 marks in a document published actively. */
export const secrecyMark: Rule = {
  meta: {
    id: 'secrecy-mark',
    title: '主动公开的文件带有密级或内部资料标志',
    description: '公开属性为“主动公开”（元数据“公开属性”，没有时看附注“（此件主动公开）”，保存的门户目录页面也算）的文件中出现“绝密/机密/秘密★”密级标志或“内部资料”“内部文件 注意保存”等标志。',
    category: '内容',
    defaultSeverity: 'error',
    clauses: [CLAUSES.tiaoli_14, CLAUSES.tiaoli_16],
    rationale: '条例第十四条规定，依法确定为国家秘密的政府信息不予公开；标有密级或“内部资料”的文件要么不能上网，要么标志是从旧稿中带过来的，发布前必须查清，否则可能泄密，或让公众误以为公开的是涉密文件。',
    howToFix: '确属国家秘密或内部资料的，把公开属性改为“不予公开”并写明理由，不上网；已经解密或标志系误带的，删除标志（解密须依法定程序，不能只删标志）。',
    detection:
      '只检查标志：带“★”的密级（秘密★1年）、“密级：秘密”、单独成行的“机密”“【秘密】”、“内部资料 注意保存”“（内部资料）”等。' +
      '“保守国家秘密”“商业秘密”“机密性”“依法应当保密的”等正文用语、引号中提到的标志和表格中的密级名称（如保密期限表）都不报告。是否主动公开按元数据“公开属性”，没有时按附注或门户目录页面判断。',
    fixable: false,
    examples: {
      fire: [
        {
          title: '主动公开的通知带有密级标志',
          text: '---\n标题: 海口市某某工作方案\n公开属性: 主动公开\n---\n\n秘密★1年\n\n# 海口市某某工作方案\n\n各区人民政府，市政府直属各单位：……\n',
          count: 1,
        },
        {
          title: '附注“（此件主动公开）”，版头却有“机密★”',
          filename: 'tongzhi.txt',
          text: '机密★\n海口市人民政府办公室关于某某事项的通知\n……\n（此件主动公开）\n',
          count: 1,
        },
        {
          title: '保存的门户目录页面（目录页眉即主动公开）带有密级标志',
          filename: 'page.txt',
          text: '索 引 号: 00817804-9/2026-00012 分类: 通知公告\n发布机构: 市政府办公室 发文日期: 2026年03月02日\n名  称: 关于某事的通知\n\n秘密★1年\n\n关于某事的通知\n\n正文。\n',
          count: 1,
        },
        {
          title: '“内部资料 注意保存”',
          text: '---\n公开属性: 主动公开\n---\n\n# 2019年政务公开工作汇编\n\n内部资料 注意保存\n\n一、工作要点……\n',
          count: 1,
        },
      ],
      quiet: [
        {
          title: '正文中的“秘密”“保密”用语',
          text: '---\n公开属性: 主动公开\n---\n\n对涉及公共利益和公众权益的重大事项，除依法应当保密的外，要主动向社会公布决策草案。' +
            '依法确定为国家秘密的政府信息，不予公开；涉及商业秘密、个人隐私的，不得公开。加强数据机密性保护，保守国家秘密。\n',
        },
        {
          title: '引号中提到的标志',
          text: '---\n公开属性: 主动公开\n---\n\n标注“秘密★”“机密★”的文件一律不得上网公开，内部资料管理按有关规定执行。\n',
        },
        {
          title: '依申请公开的文件',
          text: '---\n公开属性: 依申请公开\n---\n\n秘密★1年\n\n# 某某情况的报告\n',
        },
        {
          title: '元数据为依申请公开、附注却写“（此件主动公开）”：以元数据为准（矛盾由 metadata-required 报告）',
          text: '---\n标题: 关于某事的通知\n公开属性: 依申请公开\n---\n\n秘密★1年\n\n# 关于某事的通知\n\n正文。\n\n2026年2月2日\n\n（此件主动公开）\n',
        },
        {
          title: '保密知识表格中的密级名称',
          text: '---\n公开属性: 主动公开\n---\n\n| 密级 | 最长保密期限 |\n|---|---|\n| 绝密 | 30年 |\n| 机密 | 20年 |\n| 秘密 | 10年 |\n',
        },
      ],
    },
  },
  check(ctx) {
    const { doc } = ctx;
    const why = activeDisclosure(doc);
    if (!why) return;
    const hits = new Map<number, Hit>();
    const add = (start: number, end: number, internal: boolean) => {
      if (!hits.has(start)) hits.set(start, { start, end, internal });
    };
    const text = doc.text;
    const inTable = (offset: number): boolean => doc.format === 'markdown'
      ? doc.blocks.some((b) => b.kind === 'tableCell' && b.start <= offset && offset < b.end)
      : lineAt(text, offset).line.includes('|');

    for (const seg of doc.segments) {
      const s = text.slice(seg.start, seg.end);
      if (!/密|内部/.test(s)) continue;
      for (const re of [STAR_RE, LEVEL_LABEL_RE]) {
        for (const m of s.matchAll(re)) {
          const at = seg.start + m.index!;
          const before = text[at - 1];
          if (before && OPEN_QUOTES.has(before)) continue;
          // A star mark heads its line (版头: only markup, brackets or a 份号 before it); mid-sentence it is
          // prose about marks (“标注秘密★的文件”, “绝密/机密/秘密★”). “密级：秘密” counts anywhere.
          if (re === STAR_RE && !/^[0-9\uFF10-\uFF19]*$/.test(stripMarkup(text.slice(lineAt(text, at).start, at)))) continue;
          add(at, at + m[0].trimEnd().length, false);
        }
      }
      for (const re of [INTERNAL_KEEP_RE, INTERNAL_BRACKET_RE]) {
        for (const m of s.matchAll(re)) add(seg.start + m.index!, seg.start + m.index! + m[0].length, true);
      }
      // A mark alone on its line (not in a table row).
      for (const w of s.matchAll(WORD_RE)) {
        const at = seg.start + w.index!;
        const { line, start: lineStart } = lineAt(text, at);
        const stripped = stripMarkup(line);
        const internal = /^内部/.test(w[0]);
        if (!(internal ? INTERNAL_ALONE_RE : LEVEL_ALONE_RE).test(stripped) || inTable(at)) continue;
        const rest = text.slice(at, lineStart + line.length);
        const extent = (internal ? INTERNAL_AT_RE : LEVEL_AT_RE).exec(rest);
        const end = at + (extent ? extent[0].length : w[0].length);
        add(at, end, internal);
      }
    }

    // Metadata: a 密级 field, or a star mark in any value.
    for (const f of doc.metadata.fields) {
      const value = text.slice(f.start, f.end);
      if (/密级/.test(f.rawKey) && new RegExp(`^["']?${LEVEL}`).test(value)) add(f.start, f.end, false);
      else for (const m of value.matchAll(STAR_RE)) add(f.start + m.index!, f.start + m.index! + m[0].trimEnd().length, false);
    }

    for (const h of [...hits.values()].sort((a, b) => a.start - b.start)) {
      const mark = text.slice(h.start, h.end);
      const clause: Clause = h.internal ? CLAUSES.tiaoli_16 : CLAUSES.tiaoli_14;
      ctx.report({
        start: h.start, end: h.end, clause,
        message: h.internal
          ? `核对公开属性或删除标志：“${mark}”表明是内部资料，但${why}，内部事务信息不应主动公开`
          : `核对密级和公开属性：密级标志“${mark}”出现在主动公开的文件中（${why}），国家秘密不予公开`,
        data: { mark, internal: h.internal, disclosure: why },
      });
    }
  },
};

function lineAt(text: string, offset: number): { line: string; start: number } {
  let a = offset;
  while (a > 0 && text[a - 1] !== '\n' && text[a - 1] !== '\r') a--;
  let b = offset;
  while (b < text.length && text[b] !== '\n' && text[b] !== '\r') b++;
  return { line: text.slice(a, b), start: a };
}
