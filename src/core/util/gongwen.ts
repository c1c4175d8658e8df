/**
 * The parts of a 公文 (GB/T 9704-2012 7.2–7.3) that the gongwen-* rules and attachment-list read:
 *
 * - whether a document is a 公文 at all (`gongwenOf`): its title ends with one of the fifteen 文种 of the
 *   党政机关公文处理工作条例 (通知、意见、批复、函 …, `profile/genres.ts`), read from a title zwgk is sure of,
 *   and no declared 文档类型 says it is something else (政策解读, 年度报告 …);
 * - the blocks of its body after the title (`bodyBlocks`), the 主送机关 line (`recipientLine`), the 落款
 *   (`signatureOf`) and the 附件说明 (`attachmentNote`).
 *
 * Pure reading of the document; no messages. Bounded patterns only.
 */
import type { ZwgkDocument, Block } from '../document';
import { profileOf, signatureDate, isDateLine, type Genre, type TitleParts } from '../profile';
import { toSimplified } from '../data/traditional';

export interface Gongwen {
  genre: Genre;
  title: TitleParts;
  origin: 'draft' | 'page';
}

/** Declared kinds that are not 公文 whatever their title says. */
const NOT_GONGWEN = new Set(['政策解读', '年度报告', '办事指南', '依申请答复']);

/**
 * The document as a 公文: its title's 文种 is one of the fifteen, and the kind is declared or was read
 * with confidence from that title (a 印发…规划的通知 is a 通知 for sure even when whether it is a
 * 政策文件 is not). Undefined for anything else: the gongwen rules stay quiet.
 */
export function gongwenOf(doc: ZwgkDocument): Gongwen | undefined {
  const p = profileOf(doc);
  const g = p.title.genre;
  if (!g || !g.gongwen) return undefined;
  if (p.kind.confidence === 'declared' && NOT_GONGWEN.has(p.kind.value)) return undefined;
  if (!p.kindSure && !p.title.carries) return undefined;
  return { genre: g, title: p.title, origin: p.origin };
}

const norm = (s: string) => toSimplified(s).replace(/[\s\u3000]+/g, '');

/**
 * Where a message about the title points: the title in the body (the heading or first line), else where
 * the metadata gives it.
 */
export function titleRange(doc: ZwgkDocument): { start: number; end: number } | undefined {
  const t = doc.title;
  if (!t) return undefined;
  if (t.from !== 'metadata') return { start: t.start, end: t.end };
  const want = norm(t.text);
  const b = doc.blocks.find((x) => x.start >= doc.bodyStart && x.kind !== 'tableCell' && norm(x.text) === want);
  return b ? { start: b.start, end: b.end } : { start: t.start, end: t.end };
}

/** Prose blocks of the body after the title (headings of the title itself and the catalogue left out). */
export function bodyBlocks(doc: ZwgkDocument): Block[] {
  return cached(bodyCache, doc, readBodyBlocks);
}

/** One reading per document (the five rules ask the same questions). */
function cached<T>(cache: WeakMap<ZwgkDocument, T>, doc: ZwgkDocument, read: (doc: ZwgkDocument) => T): T {
  if (cache.has(doc)) return cache.get(doc) as T;
  const v = read(doc);
  cache.set(doc, v);
  return v;
}
const bodyCache = new WeakMap<ZwgkDocument, Block[]>();
const signatureCache = new WeakMap<ZwgkDocument, SignatureParts>();
const attachmentCache = new WeakMap<ZwgkDocument, AttachmentNote | undefined>();

function readBodyBlocks(doc: ZwgkDocument): Block[] {
  const titleEnd = doc.title && doc.title.from !== 'metadata' ? doc.title.end : doc.bodyStart;
  const from = Math.max(doc.bodyStart, titleEnd);
  const title = doc.title ? norm(doc.title.text) : '';
  return doc.blocks.filter((b) => b.start >= from && b.kind !== 'tableCell' && b.text.trim() !== '' && !(title && norm(b.text) === title));
}

/** A line that is only a 文号, a 签发人, a 发文机关标志 (…文件) or a title repeated in the body. */
function headerLine(t: string, title: string): boolean {
  if (t.length <= 40 && /〔[0-9]{4}〕|\[[0-9]{4}\]|[（(][0-9]{4}[）)].{0,4}号$/.test(t)) return true;
  if (/^签发人/.test(t) || /文件$/.test(t)) return true;
  if (/^(?:特急|加急|特提|平急|急件)$/.test(t)) return true;
  return t.length >= 4 && title.includes(t);
}

/** Page tools and bylines that end with a colon (浏览量:, 来源：) — not a 主送机关. */
const PAGE_LABEL = /^(?:浏览量|浏览次数|访问量|点击数?|来源|信息来源|作者|发布时间|发布日期|日期|时间|字号|打印|分享|责任编辑|编辑)[：:]/;

/**
 * The 主送机关 line: before the first sentence of the body, a short block that ends with a colon
 * (各区人民政府，市政府各委、办、局：, 河北省人民政府、国家发展改革委：, 各有关单位:).
 */
export function recipientLine(doc: ZwgkDocument): Block | undefined {
  const title = norm(doc.title?.text ?? '');
  let seen = 0;
  for (const b of bodyBlocks(doc)) {
    const t = norm(b.text);
    if (headerLine(t, title)) continue;
    if (/[：:]$/.test(t) && t.length <= 200 && !/。|如下[：:]$|[0-9一二三四五六七八九十]、/.test(t) && !PAGE_LABEL.test(t) && /[\u4e00-\u9fff]{2}/.test(t)) return b;
    if (++seen >= 3 || /[。；]/.test(t)) return undefined;
  }
  return undefined;
}

export interface SignatureParts {
  /** The 成文日期 line of the 落款. */
  date?: Block;
  /** The block right above it (the 发文机关署名 when it names a body). */
  above?: Block;
  /** True when the block above the date reads as a 署名 (short, a name, no sentence). */
  signed: boolean;
}

/**
 * A line that can be a 发文机关署名: short, no sentence punctuation, not a label (附件：, 联系人：) nor an
 * item of the 附件说明 (2.联系人信息表).
 */
export function isSignatureLine(text: string): boolean {
  const t = norm(text);
  return t.length >= 2 && t.length <= 60 && !/[。，,；;：:！？!?、“”《》]/.test(t) && !/^附件/.test(t) && !/^[0-9０-９]{1,2}[.．、]/.test(t) && /[\u4e00-\u9fff]{2}/.test(t);
}

/**
 * The 落款: the last date-only block of the body before any attachment that follows it (附件1 …), and the
 * block above it. Undefined parts when the body has no date line.
 */
export function signatureOf(doc: ZwgkDocument): SignatureParts {
  return cached(signatureCache, doc, readSignature);
}

function readSignature(doc: ZwgkDocument): SignatureParts {
  // The 落款 date is the profile's (the one 成文日期 and the deadlines fall back on), found in the body.
  const d = signatureDate(doc);
  if (!d) return { signed: false };
  const blocks = bodyBlocks(doc);
  const i = blocks.findIndex((b) => b.start <= d.start && d.start < b.end);
  if (i < 0) return { signed: false };
  const above = i > 0 ? blocks[i - 1] : undefined;
  // The last item of the 附件说明 right above the date (a Markdown list item has lost its number).
  const listed = !!above && !!attachmentNote(doc)?.items.some((it) => it.start >= above.start && it.start < above.end);
  return { date: blocks[i], above, signed: !!above && !listed && isSignatureLine(above.text) && !isDateLine(above.text) };
}

export interface AttachmentItem {
  /** The item's number (1 for 1.XX), undefined for a single unnumbered item. */
  n?: number;
  name: string;
  start: number;
  end: number;
}

export interface AttachmentNote {
  /** The block that starts with 附件： */
  block: Block;
  items: AttachmentItem[];
}

const ITEM = /^([0-9０-９]{1,2})[.．、)）][\s\u3000]*(.{1,200})$/;
/** An item that names itself: “附件5《…》”, “附表1、《…》”, “附图2 …”. */
const LABELLED = /^附[件表图][\s\u3000]*([0-9０-９]{1,2})[\s\u3000.．、:：]*(.{1,200})$/;
/** A Markdown list marker before a block (the block's text has lost it): `1. `, `2) `, `- `. */
const LIST_MARK = /^[\s\u3000>]*(?:([0-9]{1,2})[.)]|[-*+])[ \t]+$/;
const digit = (s: string) => Number(s.replace(/[０-９]/g, (c) => String(c.charCodeAt(0) - 0xff10)));

/** The item a block of the 附件说明 holds: “2.联系人信息表” written out, or a Markdown list item. */
function itemOf(doc: ZwgkDocument, b: Block): { n?: number; name: string } | undefined {
  const t = b.text.trim();
  if (!t || t.length > 120) return undefined;
  const m = ITEM.exec(t) ?? LABELLED.exec(t);
  if (m) return { n: digit(m[1]), name: m[2].trim() };
  const lineStart = doc.text.lastIndexOf('\n', b.start - 1) + 1;
  const mark = LIST_MARK.exec(doc.text.slice(lineStart, b.start));
  if (mark) return { n: mark[1] ? Number(mark[1]) : undefined, name: t };
  return undefined;
}

/**
 * The 附件说明 (附件：1.XX 2.YY, or 附件：XX): the block that starts with 附件：, and the numbered
 * blocks right after it (written out, or a Markdown list). `附件：` alone on its line followed by one
 * short line that is not the 落款 is a single attachment named on the next line. Undefined when the
 * body has none.
 */
export function attachmentNote(doc: ZwgkDocument): AttachmentNote | undefined {
  return cached(attachmentCache, doc, readAttachmentNote);
}

function readAttachmentNote(doc: ZwgkDocument): AttachmentNote | undefined {
  const blocks = bodyBlocks(doc);
  const i = blocks.findIndex((b) => /^[\s\u3000]*附[\s\u3000]?件[\s\u3000]{0,2}[：:]/.test(b.text));
  if (i < 0) return undefined;
  const block = blocks[i];
  const items: AttachmentItem[] = [];
  const first = /[：:]([\s\S]*)$/.exec(block.text);
  const add = (b: Block, text: string, n: number | undefined, name: string) => {
    const at = doc.text.indexOf(text, b.start);
    const start = at >= b.start && at < b.end ? at : b.start;
    items.push({ n, name, start, end: Math.min(b.end, start + text.length) });
  };
  // One block may hold several lines (plain text keeps them apart, Markdown may join them).
  for (const l of (first?.[1] ?? '').split(/\n/)) {
    const t = l.trim();
    if (!t) continue;
    const m = ITEM.exec(t) ?? LABELLED.exec(t);
    add(block, t, m ? digit(m[1]) : undefined, (m ? m[2] : t).trim());
  }
  let j = i + 1;
  for (; j < blocks.length && j <= i + 20; j++) {
    const it = itemOf(doc, blocks[j]);
    if (!it) break;
    add(blocks[j], blocks[j].text.trim(), it.n, it.name);
  }
  // 附件： / 2026年度名单 — one attachment named on the next line, unless that line is the 落款.
  const next = blocks[j];
  if (!items.length && next) {
    const t = next.text.trim();
    const after = blocks[j + 1];
    const isSignature = isDateLine(t) || (isSignatureLine(t) && !!after && isDateLine(after.text));
    if (!isSignature && t.length <= 80 && !/[。；]/.test(t) && !/[：:]$/.test(t) && !/^[（(]此件/.test(t)) add(next, t, undefined, t);
  }
  return { block, items };
}
