import type { Rule } from '../types';
import type { ZwgkDocument } from '../document';
import { CLAUSES } from '../clauses';
import { KNOWN_TITLES } from '../data/law-titles';
import { escapeRegExp, insideBookTitle, isHan } from '../util/cjk';
import { lineAround } from '../util/scan';

interface Options {
  titles?: string[];
}

const PREFIX = '中华人民共和国';

/**
 * `中华人民共和国X法` / `…条例` not in the list: X is 1–14 ideographs without the small words that only
 * prose has (的, 依, 以来 …), and the title must end at a clear boundary.
 */
const GENERIC = new RegExp(
  PREFIX
  + '(?!成立|建国|国务院|主席)'
  + '(?:(?![的了是在以来年月日为与及和或由被将把对从向其该本此依享应须要按据照])[\\u4e00-\\u9fff]){1,14}?'
  + '(?:法|条例)'
  + '(?=$|[^\\u4e00-\\u9fff》〉]|第|规定|的|等|有关|相关|和|与|及|中|要求)',
  'g',
);

/** Names of up to this many characters count only after a citation word or a non-ideograph. */
const SHORT = 6;

/** The character before a short title when it is cited: 根据/依照/按照/违反/贯彻/实施/新修订的 … */
const CITE_BEFORE = new Set([...'据照依按循违反行合于的和与及或同并在对从由了施订改布实传守称即新习讲读学释用']);

/** Before a long title: a place name's last character means a local rule with a similar name. */
const REGION_BEFORE = new Set([...'省市县区州']);

/** After a title ending in 法: 法律, 法规 (but 法规定 = 法 + 规定), 法人, 法治, 法定 … make it another word. */
const AFTER_FA = /^(?:[律典人院治庭官制学理定务令网系]|规(?!定))/;

/** After a title: the rest of a longer title (…法实施条例, …条例释义, …法（草案）). */
const LONGER_TITLE = /^(?:实施(?:条例|办法|细则|意见|方案|规定|规则)|释义|草案|修正案|修订草案|征求意见稿|[（(]草案[)）]|[》〉])/;

const FILE_AFTER = /^(?:[(（][0-9-]{4,10}[)）])?\.[A-Za-z][A-Za-z0-9]{1,4}\b/;

const QUOTES: Record<string, string> = { '“': '”', '‘': '’', '「': '」', '"': '"' };

const cache = new Map<string, RegExp>();

function knownTitlesRegex(extra: string[] | undefined): RegExp {
  const key = JSON.stringify(extra ?? []);
  let re = cache.get(key);
  if (!re) {
    const names = [...new Set([...KNOWN_TITLES, ...(extra ?? []).map((t) => t.trim()).filter((t) => t.length >= 2)])]
      .map((t) => (t.startsWith(PREFIX) && t.length > PREFIX.length ? t.slice(PREFIX.length) : t))
      .sort((a, b) => b.length - a.length || a.localeCompare(b));
    // Literal alternation: linear time.
    re = new RegExp(`(?:${PREFIX})?(?:${names.map(escapeRegExp).join('|')})`, 'g');
    if (cache.size > 50) cache.clear();
    cache.set(key, re);
  }
  return re;
}

interface Candidate { start: number; end: number; title: string }

/** Is the title at [start, end) cited without 《》 in running text? */
function isBareCitation(doc: ZwgkDocument, start: number, end: number, generic: boolean): boolean {
  const text = doc.text;
  const title = text.slice(start, end);
  const prev = text[start - 1];
  const after = text.slice(end, end + 24);
  const { before } = lineAround(doc, start, end);
  if (insideBookTitle(before)) return false;
  if (prev && QUOTES[prev] !== undefined && text[end] === QUOTES[prev]) return false; // “政府信息公开条例”专栏
  if (LONGER_TITLE.test(after)) return false;
  // A file name or path: 行政法规/政府信息公开条例(2019-04-03).md, 政府信息公开条例.docx
  if (prev === '/' || prev === '\\' || FILE_AFTER.test(after)) return false;
  if (title.endsWith('法') && AFTER_FA.test(after)) return false;
  if (!generic && !title.startsWith(PREFIX) && isHan(prev)) {
    if (title.length <= SHORT ? !CITE_BEFORE.has(prev) : REGION_BEFORE.has(prev)) return false;
  }
  // The document's own title (the text of the regulation itself): 中华人民共和国政府信息公开条例 — where the
  // title is read from, or a line of the body that repeats it.
  const own = doc.title;
  if (own && start >= own.start && start < own.end && own.text.replace(/^#+\s*/, '').startsWith(title)) return false;
  // A line that is nothing but the title: the heading of the regulation's own text (a page reposting it).
  if (before.trim() === '' && lineAround(doc, start, end).after.trim() === '') return false;
  // An abbreviation the text defines without marks, as 行政法规 do: （以下简称个人所得税法）.
  if (definedAbbreviations(doc).has(title)) return false;
  return true;
}

const ABBREVIATION = /以下简称[ \t]{0,2}[“"]?([\u4e00-\u9fff]{2,24})[”"]?[ \t]{0,2}[）)，,；;。]/g;
const abbreviationCache = new WeakMap<ZwgkDocument, Set<string>>();

/** The short names a document defines with 以下简称 and no book-title marks. */
function definedAbbreviations(doc: ZwgkDocument): Set<string> {
  let out = abbreviationCache.get(doc);
  if (out) return out;
  out = new Set();
  if (doc.text.includes('以下简称')) for (const m of doc.text.matchAll(ABBREVIATION)) out.add(m[1]);
  abbreviationCache.set(doc, out);
  return out;
}

/** Titles of laws and regulations cited without 《》. */
export const bookTitleMarks: Rule<Options> = {
  meta: {
    id: 'book-title-marks',
    title: '法规标题缺少书名号',
    description: '引用法律、法规的标题（如 政府信息公开条例、中华人民共和国个人信息保护法）时没有加书名号《》。'
      + '只检查已知的法律法规名称和“中华人民共和国……法/条例”，不猜测其他文件标题。',
    category: '格式',
    defaultSeverity: 'warning',
    clauses: [CLAUSES.gbt15834],
    rationale: '书名号标明引用的是哪一部法律法规（GB/T 15834-2011）。不加书名号，读者分不清是法规名称还是一般说法，也难以查到所依据的原文。',
    howToFix: '给法规标题加上书名号，如 政府信息公开条例 → 《政府信息公开条例》（快速修复会加上）。已定义简称的，写《条例》。',
    detection:
      '按内置的法律法规标题名单查找，也识别“中华人民共和国……法”“……条例”形式的标题；较短的标题只在“根据”“依照”“按照”等引用词之后或非汉字之后才算。' +
      '标题前后是更长标题的一部分（……法实施条例、……条例释义）或别的词（法律、法规、法定）时不报告；用引号括起作为栏目名称的（“政府信息公开条例”专栏）不报告。' +
      '本单位常用而未收录的法规名称可在选项 titles 中补充。',
    fixable: true,
    options: {
      titles: {
        type: 'array',
        items: { type: 'string', minLength: 2 },
        description: '补充的法规标题（与内置名单合并），如 "海南省政务服务管理办法"；可带或不带“中华人民共和国”。',
      },
    },
    defaultOptions: { titles: [] },
    examples: {
      fire: [
        {
          title: '引用条例未加书名号',
          text: '（二）抓好政府信息公开条例的贯彻落实。\n\n根据中华人民共和国个人信息保护法第二十八条，公示名单应当去标识化。\n',
          count: 2,
          fixed: '（二）抓好《政府信息公开条例》的贯彻落实。\n\n根据《中华人民共和国个人信息保护法》第二十八条，公示名单应当去标识化。\n',
        },
        {
          title: '简称与“中华人民共和国……法”',
          text: '严格执行义务教育法等法律法规，按照重大行政决策程序暂行条例和中华人民共和国预算法的规定办理。\n',
          count: 3,
          fixed: '严格执行《义务教育法》等法律法规，按照《重大行政决策程序暂行条例》和《中华人民共和国预算法》的规定办理。\n',
        },
        {
          title: '配置中补充的标题',
          text: '依照海南省政务服务管理办法第十条办理。\n',
          options: { titles: ['海南省政务服务管理办法'] },
          count: 1,
          fixed: '依照《海南省政务服务管理办法》第十条办理。\n',
        },
      ],
      quiet: [
        {
          title: '已加书名号，简称用《条例》',
          text: '按照新修订的《政府信息公开条例》（以下简称《条例》），及时完善相关配套制度。要加强对《条例》的宣传解读。\n',
        },
        {
          title: '“法律”“法规”“法治”等一般说法',
          text: '严格依照教育法律法规办理，推进预算法治建设，坚持预算法定原则；中华人民共和国成立以来依法行政不断推进。\n',
        },
        {
          title: '更长标题的一部分、引号中的栏目名',
          text: '制定《海南省实施〈中华人民共和国政府信息公开条例〉办法》，在门户网站开设“政府信息公开条例”专栏，学习海洋环境保护法相关知识。\n',
        },
        {
          title: '行政法规用“以下简称”定义的简称（不加书名号），以及正文中重复的标题行',
          text: '中华人民共和国个人所得税法实施条例\n\n第一条 根据《中华人民共和国个人所得税法》（以下简称个人所得税法），制定本条例。\n\n第二条 个人所得税法所称在中国境内有住所，是指因户籍、家庭、经济利益关系而在中国境内习惯性居住。\n',
          filename: 'tiaoli.txt',
        },
        {
          title: '法规正文自身的标题',
          text: '# 中华人民共和国政府信息公开条例\n\n第一条 为了保障公民、法人和其他组织依法获取政府信息，制定本条例。\n',
        },
      ],
    },
  },
  check(ctx) {
    const { doc } = ctx;
    const known = knownTitlesRegex(ctx.options.titles);
    const found: Candidate[] = [];
    for (const seg of doc.segments) {
      const s = doc.text.slice(seg.start, seg.end);
      for (const [re, generic] of [[GENERIC, true], [known, false]] as const) {
        re.lastIndex = 0;
        let m: RegExpExecArray | null;
        while ((m = re.exec(s))) {
          const start = seg.start + m.index;
          const end = start + m[0].length;
          if (isBareCitation(doc, start, end, generic)) found.push({ start, end, title: m[0] });
        }
      }
    }
    // Longest first at each start; drop anything overlapping an accepted title.
    found.sort((a, b) => a.start - b.start || b.end - a.end);
    let lastEnd = -1;
    for (const c of found) {
      if (c.start < lastEnd) continue;
      lastEnd = c.end;
      ctx.report({
        start: c.start, end: c.end,
        message: `应为《${c.title}》：引用法规标题应加书名号`,
        fix: { range: [c.start, c.end], text: `《${c.title}》` },
        data: { title: c.title },
      });
    }
  },
};
