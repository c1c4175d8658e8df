/**
 * What zwgk understood about a document, as plain data: `zwgk inspect` prints it, the editor's title
 * hover shows it, the real-document corpus measures it. Nothing here decides anything the rules do not
 * already decide: it reads the document profile (`profile/`), the metadata and the deadlines.
 */
import type { ZwgkDocument } from './document';
import { profileOf, versionFor } from './profile';
import { TIAOLI_VERSIONS, GBT9704_VERSIONS, isoOf } from './sources';
import { disclosureOf } from './util/disclosure';
import type { Calendar } from './calendar';
import { deadlinesOf, type Deadline } from './deadlines';

export interface InspectedField {
  key: string;
  rawKey: string;
  value: string;
  known: boolean;
  /** front-matter / header / byline */
  from: string;
  line: number;
}

export interface InspectedDate {
  /** 成文日期 / 发布日期 / 文档日期 */
  role: string;
  date: string;
  source: string;
  line: number;
}

export interface Inspection {
  format: ZwgkDocument['format'];
  /** draft: front matter or plain text written by the drafter; page: a saved portal page. */
  origin: 'draft' | 'page';
  metadata: ZwgkDocument['metadata']['source'];
  title?: {
    text: string;
    line: number;
    from: string;
    issuers: string[];
    subject: string;
    genre?: string;
    carries?: { verb: string; title: string; genre?: string };
    qualifiers: string[];
  };
  kind: { value: string; confidence: string; inferred: boolean; sure: boolean; reason: string };
  fields: InspectedField[];
  issuer?: { name: string; from: string; level?: string };
  level: { level?: string; reason: string };
  dates: InspectedDate[];
  reportYear?: { year: number; from: string; line: number };
  disclosure?: { value: string; from: string; why: string };
  /** The versions of the sources in force on the document's own date (null: before the source existed). */
  versions: { 条例: string | null; 'GB/T 9704': string | null };
  deadlines: Deadline[];
  /** Lines of the page that are the portal's (breadcrumbs, byline, page tools): not checked as text. */
  furnitureLines: number[];
}

export function inspectDocument(doc: ZwgkDocument, calendar: Calendar): Inspection {
  const p = profileOf(doc);
  const line = (o: number) => doc.positionAt(o).line;
  const dates: InspectedDate[] = [];
  if (p.issued) dates.push({ role: '成文日期', date: isoOf(p.issued), source: p.issued.source, line: line(p.issued.start) });
  if (p.published) dates.push({ role: '发布日期', date: isoOf(p.published), source: p.published.source, line: line(p.published.start) });
  const disclosure = disclosureOf(doc);
  const tiaoli = versionFor(doc, TIAOLI_VERSIONS);
  const gbt = versionFor(doc, GBT9704_VERSIONS);
  return {
    format: doc.format,
    origin: p.origin,
    metadata: doc.metadata.source,
    title: doc.title && {
      text: doc.title.text, line: line(doc.title.start), from: doc.title.from,
      issuers: p.title.issuers, subject: p.title.subject, genre: p.title.genre?.name,
      carries: p.title.carries && { verb: p.title.carries.verb, title: p.title.carries.title, genre: p.title.carries.genre?.name },
      qualifiers: p.title.qualifiers,
    },
    kind: { value: p.kind.value, confidence: p.kind.confidence, inferred: p.kind.inferred, sure: p.kindSure, reason: p.kind.reason },
    fields: doc.metadata.fields.map((f) => ({
      key: f.key, rawKey: f.rawKey, value: f.value, known: f.known,
      from: f.from ?? (doc.metadata.source === 'front-matter' ? 'front-matter' : 'header'), line: line(f.keyStart),
    })),
    issuer: p.issuer && { name: p.issuer.name, from: p.issuer.from, level: p.issuer.level },
    level: { level: p.level.level, reason: p.level.reason },
    dates,
    reportYear: p.reportYear && { year: p.reportYear.year, from: p.reportYear.from, line: line(p.reportYear.start) },
    disclosure: disclosure && { value: disclosure.value, from: disclosure.from, why: disclosure.why },
    versions: { 条例: tiaoli?.name ?? null, 'GB/T 9704': gbt?.name ?? null },
    deadlines: deadlinesOf(doc, calendar),
    furnitureLines: doc.metadata.furniture.map((r) => line(r.start)),
  };
}
