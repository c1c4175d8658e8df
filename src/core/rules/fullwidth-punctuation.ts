import { foldedReport } from '../fold';
import { isQuoted } from '../util/quotes';
import type { Report, Rule, RuleContext } from '../types';
import type { ZwgkDocument } from '../document';
import { CLAUSES } from '../clauses';
import { isAsciiAlnum, isChineseContext, isHan } from '../util/cjk';

/** Half-width mark → its full-width form in Chinese text. */
const FULLWIDTH: Record<string, string> = {
  ',': '，', '.': '。', ':': '：', ';': '；', '?': '？', '!': '！', '(': '（', ')': '）',
};

const MARKS = /[,.:;?!()]/g;

/** Closing marks after which a `.` still ends a Chinese sentence: …”.  …）. */
const CLOSERS = new Set(['”', '’', '）', '》', '」', '』', '〕', '】', '〉']);

/** Markdown emphasis markers skipped when looking at a mark's neighbours (**重要**:说明). */
const MD_MARKERS = new Set(['*', '_', '~']);

// Spans inside which half-width marks belong to the token, not to the prose. Bounded quantifiers only.
const URL = /(?:\b(?:https?|ftp):\/\/|\bwww\.)[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]{1,2000}/g;
const EMAIL = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,8}/g;
const ENTITY = /&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});/g;
/** 文号 with round brackets, 海府办函(2019)168号: the doc-number-format rule owns these brackets. */
const DOC_NUMBER_PARENS = /\((?:19|20)[0-9]{2}\)(?=[0-9]{1,5}号)/g;
/**
 * A quoted example with no Chinese in it — 如将“〔2026〕”写成“(2026)”, 把“,”改为“，” — is cited as written:
 * fixing its marks would change what the sentence says.
 */
const QUOTED_EXAMPLE = /[“‘「『][^“”‘’「」『』\u3400-\u9fff\r\n]{1,40}[”’」』]/g;

type Span = [number, number];

/** Token spans (segment-relative) where marks are not prose punctuation. */
function maskedSpans(seg: string, markdown: boolean): Span[] {
  const spans: Span[] = [];
  for (const m of seg.matchAll(URL)) {
    let end = m.index! + m[0].length;
    // Trailing punctuation is the sentence's, not the URL's (as GFM autolinks do); keep balanced ')'.
    while (end > m.index! && /[.,:;?!)']/.test(seg[end - 1])) {
      if (seg[end - 1] === ')') {
        const body = seg.slice(m.index!, end);
        if ((body.match(/\(/g)?.length ?? 0) >= (body.match(/\)/g)?.length ?? 0)) break;
      }
      end--;
    }
    spans.push([m.index!, end]);
  }
  for (const m of seg.matchAll(EMAIL)) spans.push([m.index!, m.index! + m[0].length]);
  if (markdown) for (const m of seg.matchAll(ENTITY)) spans.push([m.index!, m.index! + m[0].length]);
  for (const m of seg.matchAll(DOC_NUMBER_PARENS)) spans.push([m.index!, m.index! + m[0].length]);
  for (const m of seg.matchAll(QUOTED_EXAMPLE)) spans.push([m.index!, m.index! + m[0].length]);
  return spans;
}

/**
 * Whether offsets fall inside the spans, asked with offsets that never decrease: the spans are sorted
 * once and passed by, so a segment with many spans and many marks costs linear time.
 */
function spanCursor(spans: Span[]): (i: number) => boolean {
  spans.sort((x, y) => x[0] - y[0]);
  let k = 0;
  let reach = -1; // the furthest end of the spans passed so far
  return (i) => {
    while (k < spans.length && spans[k][0] <= i) reach = Math.max(reach, spans[k++][1]);
    return i < reach;
  };
}

interface Mark {
  ch: string;
  /** Document offset of the mark. */
  pos: number;
  /** Markdown backslash escape (\( ) in front of it: the fix replaces both. */
  escaped: boolean;
}

/** Brackets this run converts (offset → full-width form): their neighbours see the converted mark. */
type Converted = Map<number, string>;

/** The neighbour before / after `pos` in the document text, skipping Markdown emphasis markers. */
function neighbour(doc: ZwgkDocument, pos: number, dir: -1 | 1, converted?: Converted): string | undefined {
  const text = doc.text;
  let i = pos + dir;
  if (doc.format === 'markdown') {
    for (let k = 0; k < 3 && i >= 0 && i < text.length && MD_MARKERS.has(text[i]); k++) i += dir;
  }
  if (i < 0 || i >= text.length) return undefined;
  return converted?.get(i) ?? text[i];
}

/** The text of the line before `pos`. */
function lineBefore(text: string, pos: number): string {
  let a = pos;
  while (a > 0 && text[a - 1] !== '\n' && text[a - 1] !== '\r' && pos - a < 200) a--;
  return text.slice(a, pos);
}

/** `.` after a Chinese section number at the start of a line (一.总体要求): the mark meant is 、. */
function isCnNumberDot(text: string, pos: number): boolean {
  const before = lineBefore(text, pos);
  return /^[ \t\u3000]{0,8}(?:#{1,6}[ \t]{1,4})?[一二三四五六七八九十]{1,3}$/.test(before);
}

function isSpaceOrEdge(ch: string | undefined): boolean {
  return ch === undefined || /\s/.test(ch);
}

/**
 * Decides whether a single (non-bracket) mark sits in Chinese text. Returns the replacement or
 * undefined to stay quiet.
 */
function replacementFor(doc: ZwgkDocument, mark: Mark, converted: Converted): string | undefined {
  const { ch, pos } = mark;
  const prev = neighbour(doc, mark.escaped ? pos - 1 : pos, -1, converted);
  const next = neighbour(doc, pos, 1, converted);
  if (ch === '.') {
    // Ellipses (......), decimals, abbreviations, file names (政务公开.md), English: not ours.
    if (prev === '.' || next === '.' || isAsciiAlnum(next)) return undefined;
    if (!(isHan(prev) || (prev !== undefined && CLOSERS.has(prev)))) return undefined;
    if (isCnNumberDot(doc.text, pos)) return '、';
    return '。';
  }
  if (ch === ':' && next === '/' && doc.text[pos + 2] === '/') return undefined; // scheme://
  if (isChineseContext(prev) || isChineseContext(next)) return FULLWIDTH[ch];
  return undefined;
}

/** Pairs the brackets of one line; returns [open, close] pairs and the unmatched ones. */
function pairBrackets(marks: Mark[]): { pairs: [Mark, Mark][]; single: Mark[] } {
  const pairs: [Mark, Mark][] = [];
  const single: Mark[] = [];
  const stack: Mark[] = [];
  for (const m of marks) {
    if (m.ch === '(') stack.push(m);
    else if (stack.length) pairs.push([stack.pop()!, m]);
    else single.push(m);
  }
  // A loop, not push(...stack): a line of 200,000 unclosed brackets would overflow the call stack.
  for (const m of stack) single.push(m);
  return { pairs, single };
}

function message(from: string, to: string): string {
  return to === '、'
    ? `应为顿号“、”：中文序号后不用半角“${from}”`
    : `应为全角“${to}”：中文文本中不用半角“${from}”`;
}

function reportOf(ctx: RuleContext<Options>, mark: Mark, to: string): Report {
  const fixStart = mark.escaped ? mark.pos - 1 : mark.pos;
  return {
    start: mark.pos, end: mark.pos + 1,
    message: message(mark.ch, to),
    // Text reproduced in quotation marks is reported but never rewritten.
    fix: isQuoted(ctx.doc, mark.pos) ? undefined : { range: [fixStart, mark.pos + 1], text: to },
  };
}

/** Full-width forms of the marks this rule checks (、 has no half-width twin, so it says nothing). */
const FULLWIDTH_MARKS = /[，。：；？！（）]/g;

function fullwidthCount(doc: RuleContext['doc']): number {
  let n = 0;
  for (const seg of doc.segments) {
    const s = doc.text.slice(seg.start, seg.end);
    FULLWIDTH_MARKS.lastIndex = 0;
    while (FULLWIDTH_MARKS.exec(s)) n++;
  }
  return n;
}

/**
 * Half-width punctuation throughout (at least `foldAt` marks, and more half-width marks than full-width
 * ones): one cause — the text was typed or copied with a half-width setting — so one message and one fix.
 */
function reportAll(ctx: RuleContext<Options>, reports: Report[]): void {
  const foldAt = ctx.options.foldAt ?? 10;
  if (foldAt > 0 && reports.length >= foldAt && reports.length > fullwidthCount(ctx.doc)) {
    const shown = [...new Set(reports.map((r) => ctx.doc.text.slice(r.start, r.end)))].slice(0, 6).join(' ');
    ctx.report(foldedReport(ctx.doc.text, reports,
      `全文有${reports.length}处中文标点写成了半角（${shown}），应使用全角标点；一次修复可全部改正`));
    return;
  }
  for (const r of reports) ctx.report(r);
}

interface Options {
  /** Fold into one message from this many half-width marks (when they outnumber the full-width ones); 0 = never. */
  foldAt?: number;
}

/** Half-width , . : ; ? ! ( ) in Chinese text. */
export const fullwidthPunctuation: Rule<Options> = {
  meta: {
    id: 'fullwidth-punctuation',
    title: '中文中的半角标点',
    description: '中文文本中使用了半角标点 , . : ; ? ! ( )（与汉字相邻），应使用全角 ，。：；？！（）；用英文句点代替的省略号（...）应为“……”。网址、邮箱、数字（3.5、10:30、1,000）、文件名、英文、代码和引号中不含汉字的示例不检查。',
    category: '格式',
    defaultSeverity: 'warning',
    clauses: [CLAUSES.gbt15834],
    rationale: '中文文本应使用全角标点（GB/T 15834-2011）。半角标点与汉字混排，间距不对、断句不清，公开后显得不规范；从网页或其他系统复制的文字最容易混入半角标点。',
    howToFix:
      '把与汉字相邻的半角标点换成全角标点（快速修复会逐个替换）：, → ，  . → 。  : → ：  ; → ；  ? → ？  ! → ！  ( ) → （ ）；' +
      '中文序号后的“.”（一.）改为顿号“、”。',
    detection:
      '只检查与汉字相邻的半角标点。括号成对处理：括号内有汉字，或括号两侧是中文时，左右括号一起替换。数字、网址、邮箱、时间、文件名和英文中的标点不报告；' +
      '引号中不含汉字的示例（如将“,”改为“，”）照原样引用，不报告；Markdown 强调符号不影响判断。用圆括号的文号（海府办函(2019)168号）由 doc-number-format 规则处理。',
    fixable: true,
    options: {
      foldAt: {
        type: 'integer', minimum: 0, maximum: 100000,
        description: '全文半角标点达到此数且多于全角标点时，合并为一条消息和一次修复（0 表示不合并，逐处报告）',
      },
    },
    defaultOptions: { foldAt: 10 },
    examples: {
      fire: [
        {
          title: '全文都是半角标点（从网页复制）：合并为一条消息，一次修复全部改正',
          text: '各区人民政府,市政府直属各单位:\n\n经市政府同意,现将要点印发给你们,请认真贯彻执行.各单位要加强领导,明确责任,抓好落实;工作情况(含存在问题)请及时报送.\n\n(此件主动公开)\n',
          count: 1,
          fixed: '各区人民政府，市政府直属各单位：\n\n经市政府同意，现将要点印发给你们，请认真贯彻执行。各单位要加强领导，明确责任，抓好落实；工作情况（含存在问题）请及时报送。\n\n（此件主动公开）\n',
        },
        {
          title: '从网页复制的半角逗号、冒号和括号',
          text: '各区人民政府,市政府直属各单位:\n\n经市政府同意,现将《海口市2019年政务公开工作要点》印发给你们。\n\n(此件主动公开)\n',
          count: 5,
          fixed: '各区人民政府，市政府直属各单位：\n\n经市政府同意，现将《海口市2019年政务公开工作要点》印发给你们。\n\n（此件主动公开）\n',
        },
        {
          title: '句末半角句号与中文序号',
          text: '(一)推进决策公开.加强政策解读!\n\n一.总体要求\n',
          count: 5,
          fixed: '（一）推进决策公开。加强政策解读！\n\n一、总体要求\n',
        },
        {
          title: '用英文句点代替的省略号',
          text: '包括政务公开、政策解读、回应关切......等工作。\n',
          count: 1,
          fixed: '包括政务公开、政策解读、回应关切……等工作。\n',
        },
        {
          title: '纯文本中的半角问号与分号',
          filename: 'notice.txt',
          text: '是否继续?请于2019年7月1日前报送;逾期不再受理。\n',
          count: 2,
          fixed: '是否继续？请于2019年7月1日前报送；逾期不再受理。\n',
        },
      ],
      quiet: [
        {
          title: '数字、时间、比例和编号',
          text: '全市共有272个基层医疗卫生机构，增长3.5%，合计1,000万元；会议于10:30开始，比例为1:2。\n\n1.加强组织领导。\n',
        },
        {
          title: '网址、邮箱和文件名',
          text: '详见海口市人民政府网站 https://www.haikou.gov.cn/xxgk/index.html?id=1,2 或来信 zwgk@haikou.gov.cn ，附件为政务公开要点.docx 。\n',
          filename: 'notice.txt',
        },
        {
          title: '英文与代码',
          text: 'Open Government Information (OGI), version 2.0. 配置示例：`rules: { "fullwidth-punctuation": "off" }`\n\n```json\n{"标题": "海口市政务公开要点", "a": 1}\n```\n',
        },
        {
          title: '引号中不含汉字的示例（照原样引用）',
          text: '（二）2件文件的发文字号不规范，如将“〔2026〕”写成“(2026)”；请把“,”改为“，”。\n',
        },
        {
          title: '链接与前置元数据',
          text: '---\n标题: 海口市2019年政务公开工作要点\n成文日期: 2019-06-21\n---\n\n详见[政务公开专栏](http://www.haikou.gov.cn/zwgk/index.html)。\n',
        },
      ],
    },
  },
  check(ctx) {
    const { doc } = ctx;
    const text = doc.text;
    const markdown = doc.format === 'markdown';
    const brackets: Mark[] = [];
    const others: Mark[] = [];
    for (const seg of doc.segments) {
      const s = text.slice(seg.start, seg.end);
      let masked: ((i: number) => boolean) | undefined;
      MARKS.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = MARKS.exec(s))) {
        masked ??= spanCursor(maskedSpans(s, markdown));
        if (masked(m.index)) continue;
        const pos = seg.start + m.index;
        const mark: Mark = { ch: m[0], pos, escaped: markdown && text[pos - 1] === '\\' };
        (mark.ch === '(' || mark.ch === ')' ? brackets : others).push(mark);
      }
    }
    const found: { mark: Mark; to: string }[] = [];
    const converted: Converted = new Map();
    const convert = (mark: Mark, to: string): void => {
      found.push({ mark, to });
      converted.set(mark.pos, to);
    };
    // Brackets first, as pairs, line by line. Prefix counts keep "what is inside a pair" O(1) per pair.
    let han: Uint32Array | undefined, latin: Uint32Array | undefined;
    if (brackets.length) {
      han = new Uint32Array(text.length + 1);
      latin = new Uint32Array(text.length + 1);
      for (let i = 0; i < text.length; i++) {
        han[i + 1] = han[i] + (isHan(text[i]) ? 1 : 0);
        latin[i + 1] = latin[i] + (/[A-Za-z]/.test(text[i]) ? 1 : 0);
      }
    }
    let line: Mark[] = [];
    const flush = (): void => {
      const { pairs, single } = pairBrackets(line);
      for (const [open, close] of pairs) {
        const before = neighbour(doc, open.escaped ? open.pos - 1 : open.pos, -1);
        const after = neighbour(doc, close.pos, 1);
        // (此件主动公开), IPv6(互联网协议第6版): mostly Chinese inside; 第(2)项: Chinese on both sides.
        const hanInside = han![close.pos] - han![open.pos + 1];
        const latinInside = latin![close.pos] - latin![open.pos + 1];
        const chineseInside = hanInside > 0 && hanInside >= latinInside;
        const chineseOutside = (isChineseContext(before) || isChineseContext(after))
          && (isChineseContext(before) || isSpaceOrEdge(before))
          && (isChineseContext(after) || isSpaceOrEdge(after));
        if (chineseInside || chineseOutside) {
          convert(open, '（');
          convert(close, '）');
        }
      }
      for (const mark of single) {
        const prev = neighbour(doc, mark.escaped ? mark.pos - 1 : mark.pos, -1);
        const next = neighbour(doc, mark.pos, 1);
        if (isChineseContext(prev) || isChineseContext(next)) convert(mark, FULLWIDTH[mark.ch]);
      }
      line = [];
    };
    let scanned = 0;
    let lineNo = 0;
    let current = -1;
    for (const mark of brackets) {
      // Lines end at \n, \r\n or a lone \r (old Mac files): brackets pair within a line.
      for (; scanned < mark.pos; scanned++) {
        const c = text.charCodeAt(scanned);
        if (c === 0x0a || (c === 0x0d && text.charCodeAt(scanned + 1) !== 0x0a)) lineNo++;
      }
      if (lineNo !== current) { flush(); current = lineNo; }
      line.push(mark);
    }
    flush();
    // Then the other marks, seeing converted brackets as the full-width marks they become: 机构);
    for (const mark of others) {
      const to = replacementFor(doc, mark, converted);
      if (to) found.push({ mark, to });
    }
    const reports = found.sort((a, b) => a.mark.pos - b.mark.pos).map(({ mark, to }) => reportOf(ctx, mark, to));
    reportAll(ctx, [...reports, ...ellipses(ctx)].sort((a, b) => a.start - b.start));
  },
};

/** `...` or `......` (never part of a longer run) next to a Chinese character: the Chinese 省略号 is “……”. */
const DOTS = /(?<!\.)\.{3}(?:\.{3})?(?!\.)/g;

function ellipses(ctx: RuleContext<Options>): Report[] {
  const { doc } = ctx;
  const out: Report[] = [];
  for (const seg of doc.segments) {
    const s = doc.text.slice(seg.start, seg.end);
    if (!s.includes('...')) continue;
    let masked: ((i: number) => boolean) | undefined;
    for (const m of s.matchAll(DOTS)) {
      masked ??= spanCursor(maskedSpans(s, doc.format === 'markdown'));
      if (masked(m.index!)) continue;
      const start = seg.start + m.index!, end = start + m[0].length;
      if (!isHan(neighbour(doc, start, -1)) && !isHan(neighbour(doc, end - 1, 1))) continue;
      out.push({ start, end, message: `应为省略号“……”：中文文本中不用“${m[0]}”`, fix: isQuoted(doc, start) ? undefined : { range: [start, end], text: '……' } });
    }
  }
  return out;
}
