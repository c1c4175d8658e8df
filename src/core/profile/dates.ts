/**
 * A document's own dates: when it was formed (成文日期 — the catalogue field, else the 落款 date in the
 * body, in Arabic or Chinese numerals: 2019年6月21日, 二〇〇四年一月十六日, 二OO一年四月十八日) and when it was
 * published (发布日期 — the catalogue field or the page's byline). The version of a source in force and
 * the year of a date written without one (请于11月23日前) come from these.
 */
import type { ZwgkDocument } from '../document';
import { getDateField, type CatalogueKey } from '../metadata';
import { addDays, compareDates, dayDiff, findDates, isValidDate, type SimpleDate } from '../dates';
import { findChineseNumeralDates } from '../util/cn-numeral-date';
import { toSimplified } from '../data/traditional';

export interface OwnDate extends SimpleDate {
  /** Where it is written (document offsets). */
  start: number;
  end: number;
  /** How messages name where it came from: 元数据“成文日期” / 正文落款日期 / 页面“发布时间”. */
  source: string;
  from: 'metadata' | 'signature' | 'body';
  /** Written in Chinese numerals (二〇〇四年一月十六日). */
  numerals?: boolean;
}

/** A date-valued metadata field (a four-digit year, a real date) as an OwnDate. */
export function metaDate(doc: ZwgkDocument, key: CatalogueKey): OwnDate | undefined {
  const d = getDateField(doc.metadata, key);
  if (!d || !d.valid || d.parts.year.length !== 4) return undefined;
  const f = d.field;
  const raw = f.rawKey.replace(/[\s\u3000]+/g, '');
  const where = f.from === 'byline' ? `页面“${raw}”` : `元数据“${raw}”`;
  return { year: d.year, month: d.month, day: d.day, start: f.start, end: f.end, source: where, from: 'metadata' };
}

/** A block that is nothing but a date (the 落款 date line), Arabic or Chinese numerals. */
function dateOnly(text: string, start: number, end: number): OwnDate | undefined {
  const raw = text.slice(start, end);
  const t = raw.trim();
  if (t.length > 24 || !t.includes('年')) return undefined;
  const off = start + raw.indexOf(t);
  const d = findDates(t).find((x) => x.start === 0 && x.end === t.length && x.style === 'cn' && x.valid);
  if (d) return { year: d.year, month: d.month, day: d.day, start: off, end: off + t.length, source: '正文落款日期', from: 'signature' };
  const c = findChineseNumeralDates(t).find((x) => x.start === 0 && x.end === t.length && x.valid);
  if (c) return { year: c.year, month: c.month, day: c.day, start: off, end: off + t.length, source: '正文落款日期', from: 'signature', numerals: true };
  return undefined;
}

/** True when `text` is nothing but a date (a 落款 date line), Arabic or Chinese numerals. */
export function isDateLine(text: string): boolean {
  return dateOnly(text, 0, text.length) !== undefined;
}

const NOTE = /^[（(][ \t\u3000]{0,2}此件[ \t\u3000]{0,2}(?:主动公开|公开发布|依申请公开|不予公开|不公开)/;
/** A line that names an issuing body (the line above a 落款 date). */
const ISSUER_LINE = /(?:人民政府|政府|办公厅|办公室|委员会|管理局|局|委|厅|院|部|署|中心|海关|政治部|领导小组|街道办事处|镇|乡|队)(?:[（(][^）)]{1,10}[）)])?$/;

/**
 * The 落款 date: the date-only block right above the 附注 （此件主动公开）; else the last date-only block
 * among the last twelve; else a date-only block under an issuer's name (a 印发 notice keeps its own
 * date above the document it issues).
 */
export function signatureDate(doc: ZwgkDocument): OwnDate | undefined {
  // Asked by the profile (成文日期, the 落款's issuer) and the gongwen rules: read once per document.
  if (signatureCache.has(doc)) return signatureCache.get(doc);
  const d = readSignatureDate(doc);
  signatureCache.set(doc, d);
  return d;
}
const signatureCache = new WeakMap<ZwgkDocument, OwnDate | undefined>();

function readSignatureDate(doc: ZwgkDocument): OwnDate | undefined {
  const norm = toSimplified(doc.text);
  const blocks = doc.blocks.filter((b) => b.start >= doc.bodyStart && b.kind !== 'heading');
  for (let i = 1; i < blocks.length; i++) {
    if (!NOTE.test(norm.slice(blocks[i].start, blocks[i].end).trim())) continue;
    const d = dateOnly(norm, blocks[i - 1].start, blocks[i - 1].end);
    if (d) return d;
  }
  for (let i = blocks.length - 1; i >= 0 && i >= blocks.length - 12; i--) {
    const d = dateOnly(norm, blocks[i].start, blocks[i].end);
    if (d) return d;
  }
  for (let i = 1; i < blocks.length; i++) {
    const d = dateOnly(norm, blocks[i].start, blocks[i].end);
    if (d && ISSUER_LINE.test(norm.slice(blocks[i - 1].start, blocks[i - 1].end).trim())) return d;
  }
  // A line that is only a date in Chinese numerals (二○○七年四月五日): a 落款 of the GB/T 9704-1999 era,
  // whatever stands around it in a copy cut short.
  for (const b of blocks) {
    if (b.kind === 'tableCell') continue;
    const d = dateOnly(norm, b.start, b.end);
    if (d?.numerals) return d;
  }
  return undefined;
}

/** The 落款's issuer: the line right above the 落款 date when it names a body (海口市人民政府办公室). */
export function signatureIssuer(doc: ZwgkDocument): { name: string; start: number; end: number } | undefined {
  const d = signatureDate(doc);
  if (!d || d.from !== 'signature') return undefined;
  const blocks = doc.blocks.filter((b) => b.start >= doc.bodyStart && b.kind !== 'heading');
  const i = blocks.findIndex((b) => b.start <= d.start && d.start < b.end);
  const above = i > 0 ? blocks[i - 1] : undefined;
  if (!above) return undefined;
  const t = above.text.trim();
  if (t.length > 40 || !ISSUER_LINE.test(toSimplified(t))) return undefined;
  return { name: t, start: above.start, end: above.end };
}

/** 成文日期: the metadata field, else the 落款 date. */
export function issuedDate(doc: ZwgkDocument): OwnDate | undefined {
  return metaDate(doc, '成文日期') ?? signatureDate(doc);
}

/** 发布日期: the metadata field or the page's byline. */
export function publishedDate(doc: ZwgkDocument): OwnDate | undefined {
  return metaDate(doc, '发布日期');
}

/**
 * The year of a date written without one (请于11月23日前), from the document's own date: the same year
 * when month/day fall on or after it, the next year when they fall within six months before it in the
 * calendar (a December notice's 1月10日前); undefined when there is no document date.
 */
export function yearFor(month: number, day: number, docDate: SimpleDate | undefined): SimpleDate | undefined {
  if (!docDate) return undefined;
  const same = { year: docDate.year, month, day };
  if (isValidDate(same.year, month, day) && compareDates(same, docDate) >= 0) return same;
  const next = { year: docDate.year + 1, month, day };
  if (isValidDate(next.year, month, day) && dayDiff(docDate, next) <= 183) return next;
  // A date a few days before the document's own (a 公示 period that began the day before it was put
  // online): the same year.
  if (isValidDate(same.year, month, day) && dayDiff(same, docDate) <= 31) return same;
  return undefined;
}

export { addDays };
