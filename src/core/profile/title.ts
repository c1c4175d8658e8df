/**
 * A 公文 title read the way GB/T 9704-2012 7.3.1 builds it: 发文机关 + 关于 + 事由 + 的 + 文种
 * (国务院办公厅｜关于｜全面推行行政规范性文件合法性审核机制｜的｜指导意见). A notice that issues or forwards
 * another document (关于印发《X》的通知, 转发市科技奖励办《…的通知》的通知) carries that document: its kind
 * is the kind of X. Titles that are not 公文 (《X》解读, 保康县2020年度政府信息公开工作年度报告, 医师资格考试
 * 收费标准) are read as far as they go: a 文种 at the end, a subject, perhaps an issuer.
 *
 * Pure string work on a title (no document): the same reading for the document model, the draft index
 * (titles only) and `zwgk inspect`. Bounded quantifiers only.
 */
import { toSimplified } from '../data/traditional';
import { GENRE_FORMS, type Genre } from './genres';

export interface TitleParts {
  /** The title as read: simplified characters, white space and page tags (【社会征集】) removed. */
  text: string;
  /** 发文机关 named before 关于 (or before the subject of a title without 关于), if any. */
  issuers: string[];
  /** 事由: between 关于 and 的 + 文种 (the whole title without its 文种 when there is no 关于). */
  subject: string;
  /** The 文种 at the end (通知, 指导意见, 实施方案, 解读, 年度报告 …), if one is recognised. */
  genre?: Genre;
  /** 印发 / 转发 / 发布 / 公布 / 批转: the document issued or forwarded by this one. */
  carries?: { verb: string; title: string; genre?: Genre };
  /** Qualifiers after the 文种 or the carried title: 试行, 暂行, 征求意见稿, 第一批, 2023年度 … */
  qualifiers: string[];
}

/** Tags portals put before a title: 【社会征集】, [已废止], 〔公示〕. */
const TAG = /^(?:[【\[〔［][^】\]〕］]{1,12}[】\]〕］])+/;
/** A bracketed qualifier at the end: （试行）(征求意见稿)（第一批）（2023年度）(2021-2035). */
const TRAILING_QUALIFIER = /[（(]([^（）()]{1,20})[）)]$/;
const ISSUE_VERB = /(?:^|关于)(印发|转发|发布|公布|批转|颁布|下发|修订印发|重新印发)/;

/** The 文种 a text ends with (longest first), and where it starts. */
export function genreAtEnd(t: string): { genre: Genre; at: number } | undefined {
  for (const { form, genre } of GENRE_FORMS) {
    if (t.endsWith(form)) return { genre, at: t.length - form.length };
  }
  return undefined;
}

function stripQualifiers(t: string, qualifiers: string[]): string {
  for (let i = 0; i < 4; i++) {
    const m = TRAILING_QUALIFIER.exec(t);
    if (!m) break;
    qualifiers.unshift(m[1]);
    t = t.slice(0, m.index);
  }
  return t;
}

/** The document a 印发/转发 notice carries: 《X》, “X”, or the bare words between the verb and 的通知. */
function carried(subject: string): TitleParts['carries'] {
  const m = ISSUE_VERB.exec(subject);
  if (!m) return undefined;
  const rest = subject.slice(m.index + m[0].length);
  // 转发市科技奖励办《…》: the body that issued it stands before the book-title marks; a name in quotation
  // marks (印发“无废城市”建设试点工作方案) is part of the title, unless the quotation is all of it.
  const book = /《(.{1,200})》/.exec(rest);
  const quoted = /^[“"](.{1,200})[”"]$/.exec(rest);
  const title = book ? book[1] : quoted ? quoted[1] : rest;
  const q: string[] = [];
  const bare = stripQualifiers(title.replace(/[《》“”"]/g, ''), q);
  const g = genreAtEnd(bare);
  return { verb: m[1], title, genre: g?.genre };
}

/** Reads a title into its 公文 parts; never fails (an unreadable title has only `text` and `subject`). */
export function parseTitle(raw: string | undefined): TitleParts {
  let t = toSimplified(raw ?? '').replace(/[\s\u3000]+/g, '');
  t = t.replace(TAG, '');
  const qualifiers: string[] = [];
  t = stripQualifiers(t, qualifiers);
  const parts: TitleParts = { text: t, issuers: [], subject: t, qualifiers };
  if (!t) return parts;

  const g = genreAtEnd(t);
  let head = t;
  if (g) {
    parts.genre = g.genre;
    head = t.slice(0, g.at);
    // 的 before the 文种 (…工作的通知) belongs to neither part.
    if (head.endsWith('的')) head = head.slice(0, -1);
  }
  const about = outsideBookMarks(head, '关于');
  if (about >= 0) {
    let before = head.slice(0, about);
    parts.subject = head.slice(about + 2);
    // 国务院办公厅转发国家地震局关于…的通知: the issuer forwards another body's document.
    const verb = /(转发|批转|印发)/.exec(before);
    if (verb) {
      parts.subject = head.slice(verb.index);
      before = before.slice(0, verb.index);
    }
    if (before && !before.includes('《')) parts.issuers = splitIssuers(before);
  } else if (!head.startsWith('《')) {
    // No 关于: 国务院办公厅转发国家地震局…的通知, 北京市中医管理局2020年度法治政府建设情况报告,
    // 国务院对…提案的答复: an issuer is what precedes a verb or a year at the start, when it names a body.
    const m = /^(.{2,40}?(?:人民政府|政府|办公厅|办公室|委员会|管理局|局|委|厅|院|部|署|会|中心|海关|队|所|站|街道办事处|镇|乡))(?=转发|印发|批转|对|关于|[0-9]{4}|二〇|$)/.exec(head);
    if (m && m[1].length < head.length) {
      parts.issuers = splitIssuers(m[1]);
      parts.subject = head.slice(m[1].length);
    } else {
      parts.subject = head;
    }
  }
  const carries = carried(parts.subject);
  if (carries) parts.carries = carries;
  return parts;
}

/** The first `word` that does not stand inside 《…》 (a cited title's own 关于 is not this title's). */
function outsideBookMarks(t: string, word: string): number {
  let depth = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t[i];
    if (c === '《') depth++;
    else if (c === '》') depth = Math.max(0, depth - 1);
    else if (depth === 0 && t.startsWith(word, i)) return i;
  }
  return -1;
}

/** 发文机关 of a joint document, written one after another (北京市卫生和计划生育委员会北京市中医管理局). */
function splitIssuers(s: string): string[] {
  const out = s.split(/[、，,]/).filter(Boolean);
  return out.length ? out : [s];
}
