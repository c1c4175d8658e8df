/**
 * What zwgk understands about a document, in one place that rules ask and `zwgk inspect` prints:
 *
 * - its title read as 发文机关 / 事由 / 文种 (`title.ts`, `genres.ts`);
 * - its kind and why, and how sure zwgk is (`kind.ts`) — the rules that apply to one kind only run when
 *   the kind is declared or inferred with confidence;
 * - whether it is a drafter's draft or a page saved from a portal (whose catalogue values the portal
 *   wrote, not the drafter);
 * - its issuer and the issuer's level (`issuer.ts`);
 * - its own dates: 成文日期 (catalogue or 落款) and 发布日期 (`dates.ts`), and the date that decides which
 *   version of a source was in force (`../sources.ts`);
 * - an annual report's year (`report-year.ts`).
 *
 * Computed once per document, lazily (a document no rule asks about costs nothing).
 */
import type { ZwgkDocument } from '../document';
import { parseTitle, type TitleParts } from './title';
import { issuerOf, authorityLevel, type Issuer, type Level } from './issuer';
import { issuedDate, publishedDate, signatureIssuer, yearFor, type OwnDate } from './dates';
import { reportYear, type ReportYear } from './report-year';
import { versionOn, SOURCES, type SourceVersion, type SourceId } from '../sources';
import type { Clause } from '../types';
import type { SimpleDate } from '../dates';
import type { Kind } from './kind';

export interface DocumentProfile {
  title: TitleParts;
  kind: Kind;
  /** True when the kind is declared, or inferred with confidence: kind-bound rules run. */
  kindSure: boolean;
  /**
   * `page`: a page saved from a portal (its catalogue header was read), whose catalogue values are the
   * portal's own; `draft`: front matter or plain text, written by the drafter.
   */
  origin: 'draft' | 'page';
  issuer?: Issuer;
  /** The issuing body named in the 落款 (the line above its date). */
  signer?: { name: string; start: number; end: number };
  level: Level;
  /** 成文日期: the catalogue field, else the 落款. */
  issued?: OwnDate;
  /** 发布日期: the catalogue field or the page's byline. */
  published?: OwnDate;
  /** The document's own date: 成文日期, else 发布日期 — the date that decides which version applies. */
  date?: OwnDate;
  reportYear?: ReportYear;
}

const cache = new WeakMap<ZwgkDocument, DocumentProfile>();

/**
 * Keys only zwgk's own drafts write (the templates' catalogue block): a header holding one of them is a
 * drafter's plain-text draft, not a page saved from a portal.
 */
const DRAFT_KEYS = new Set(['文档类型', '起草单位', '解读材料', '解读对象', '机关层级', '报告年度', '征求意见期限', '收到申请日期', '答复日期', '延期答复']);

function originOf(doc: ZwgkDocument): 'draft' | 'page' {
  // No catalogue at all, but breadcrumbs, a byline or page tools above the text: a saved page.
  if (doc.metadata.source === 'none') return doc.metadata.furniture.some((r) => r.start < doc.bodyStart + 2000) ? 'page' : 'draft';
  if (doc.metadata.source !== 'header') return 'draft';
  return doc.metadata.fields.some((f) => f.known && DRAFT_KEYS.has(f.key)) ? 'draft' : 'page';
}

export function profileOf(doc: ZwgkDocument): DocumentProfile {
  let p = cache.get(doc);
  if (p) return p;
  const issued = issuedDate(doc);
  const published = publishedDate(doc);
  p = {
    title: parseTitle(doc.title?.text),
    kind: doc.type,
    kindSure: doc.type.confidence !== 'low',
    origin: originOf(doc),
    issuer: issuerOf(doc),
    signer: signatureIssuer(doc),
    level: authorityLevel(doc),
    issued,
    published,
    date: issued ?? published,
    reportYear: reportYear(doc),
  };
  cache.set(doc, p);
  return p;
}

/**
 * The version of a source in force on the document's own date; `undefined` when the document is dated
 * before the first version existed. A document without any date gets the newest version (a draft being
 * written now).
 */
export function versionFor(doc: ZwgkDocument, versions: readonly SourceVersion[], date: SimpleDate | undefined = profileOf(doc).date): SourceVersion | undefined {
  return date ? versionOn(versions, date) : versions[versions.length - 1];
}

/**
 * True when the source of `clause` was in force on the document's own date (or the document has no
 * date, or the clause names no version). A rule stays quiet for a document dated before its source.
 */
export function clauseInForce(doc: ZwgkDocument, clause: Clause): boolean {
  const v = clause.version ? SOURCES[clause.version as SourceId] : undefined;
  if (!v) return true;
  const date = profileOf(doc).date;
  if (!date) return true;
  return versionOn([v], date) !== undefined;
}

/** The year of a date written without one, from the document's own date (see `dates.ts`). */
export function resolveYear(doc: ZwgkDocument, month: number, day: number): SimpleDate | undefined {
  const p = profileOf(doc);
  return yearFor(month, day, p.published ?? p.date);
}

export { parseTitle, type TitleParts } from './title';
export { GENRES, genreNamed, type Genre, type GenreFamily } from './genres';
export { inferKind, type Kind, type KindConfidence, type KindInput } from './kind';
export { classifyAuthority, authorityLevel, titleSubject, issuerOf, type AuthorityLevel, type Level, type Issuer } from './issuer';
export { issuedDate, publishedDate, signatureDate, signatureIssuer, isDateLine, metaDate, yearFor, type OwnDate } from './dates';
export { reportYear, isReportTitle, onlyCited, type ReportYear } from './report-year';
