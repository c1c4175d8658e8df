/**
 * A document's cross-document links, as the rules and the language server see them: the summary of the
 * document being checked (fresh, not the index's possibly stale copy), its resolution against the
 * index, where each link value stands in the text, and hover descriptions of the linked drafts.
 */
import * as path from 'node:path';
import type { ZwgkDocument } from './document';
import { getField, type MetaField } from './metadata';
import { parseDate, formatDate } from './dates';
import { summarize, normalizePath, type DraftIndex, type DraftSummary, type LinkedDraft, type MatchVia, type Resolution } from './workspace';

/** The path used for a document without a file (an untitled editor buffer). */
export const UNTITLED_PATH = 'untitled.md';

const summaries = new WeakMap<ZwgkDocument, DraftSummary>();

/** The document's own summary (cached per document object). */
export function summaryOf(doc: ZwgkDocument): DraftSummary {
  let s = summaries.get(doc);
  if (!s) summaries.set(doc, (s = summarize(doc, doc.filePath ?? UNTITLED_PATH)));
  return s;
}

export interface DocLinks extends Resolution {
  summary: DraftSummary;
  /** The index holds no draft at all: nothing could be looked up (single-file check without a workspace). */
  noWorkspace: boolean;
}

const resolved = new WeakMap<ZwgkDocument, { index: DraftIndex; version: number; links: DocLinks }>();

/**
 * The document's links resolved against `index` (cached per document and index version, so the four
 * 解读 rules resolve once). Without a file path, relative link values cannot be resolved and give no
 * problems.
 */
export function docLinks(doc: ZwgkDocument, index: DraftIndex): DocLinks {
  const hit = resolved.get(doc);
  if (hit && hit.index === index && hit.version === index.version) return hit.links;
  const summary = summaryOf(doc);
  const r = index.linksOf(summary);
  const problems = doc.filePath ? r.problems : r.problems.filter((p) => !isRelativeRef(p.ref) && p.kind !== 'self');
  const links: DocLinks = { ...r, problems, summary, noWorkspace: index.size === 0 };
  resolved.set(doc, { index, version: index.version, links });
  return links;
}

function isRelativeRef(ref: string): boolean {
  return /[\\/]|\.(?:md|markdown|txt)$/i.test(ref) && !/^(?:[\\/]|[A-Za-z]:[\\/])/.test(ref.trim());
}

/** Where a link value (as written) stands inside the field's value; the whole value when not found. */
export function refRange(doc: ZwgkDocument, field: MetaField, ref: string): { start: number; end: number } {
  const value = doc.text.slice(field.start, field.end);
  const i = value.indexOf(ref);
  return i >= 0 ? { start: field.start + i, end: field.start + i + ref.length } : { start: field.start, end: field.end };
}

/** The draft's title for messages: 《title》 (inner 《》 as 〈〉), or its file name when it has none. */
export function titleOf(d: DraftSummary): string {
  if (d.title) {
    const t = d.title.trim();
    const bare = /^《[^《》]*》$/.test(t) ? t.slice(1, -1) : t;
    // A title quoting another keeps its inner marks as 〈〉 (GB/T 15834: 书名号 inside 书名号).
    return `《${bare.replace(/《/g, '〈').replace(/》/g, '〉')}》`;
  }
  return `“${path.posix.basename(normalizePath(d.path))}”`;
}

/** A date-valued metadata field of a summary, as YYYY-MM-DD; undefined when absent or invalid. */
export function summaryDate(d: DraftSummary, key: '发布日期' | '成文日期'): string | undefined {
  const raw = d.metadata[key];
  const p = raw ? parseDate(raw) : undefined;
  return p && p.valid ? formatDate(p) : undefined;
}

const VIA_TEXT: Record<MatchVia, (field: string) => string> = {
  link: (f) => `由本文件的“${f}”链接`,
  backlink: (f) => `由对方的“${f === '解读材料' ? '解读对象' : '解读材料'}”链接到本文件`,
  filename: () => '未设链接，按文件名对应',
  title: () => '未设链接，按标题对应',
};

/** A linked draft, described for a hover (Markdown). `from` is the describing document's path. */
export function describeDraft(d: DraftSummary, from?: string): string {
  const rel = from
    ? path.posix.relative(path.posix.dirname(normalizePath(from)), normalizePath(d.path)) || path.posix.basename(normalizePath(d.path))
    : normalizePath(d.path);
  const lines = [`**${d.type}** ${titleOf(d)}`, '', `- 文件：${rel}`];
  const pub = summaryDate(d, '发布日期');
  const made = summaryDate(d, '成文日期');
  if (pub || made) lines.push(`- ${[made ? `成文日期：${made}` : '', pub ? `发布日期：${pub}` : ''].filter(Boolean).join('；')}`);
  const unit = d.metadata['起草单位'] ? `起草单位：${d.metadata['起草单位']}` : d.metadata['发布机构'] ? `发布机构：${d.metadata['发布机构']}` : '';
  if (unit) lines.push(`- ${unit}`);
  if (d.metadata['文号']) lines.push(`- 文号：${d.metadata['文号']}`);
  return lines.join('\n');
}

export interface LinkDescription {
  /** The range the hover belongs to: the link value in this document, or its title for matches without links. */
  start: number;
  end: number;
  draft: DraftSummary;
  via: MatchVia;
  /** 政策解读 when the linked draft interprets this one, 政策文件 when this one interprets it. */
  relation: '政策解读' | '政策文件';
  /** Markdown for a hover. */
  markdown: string;
}

/** Every linked draft of `doc`, with the range a hover shows it on. */
export function describeLinks(doc: ZwgkDocument, index: DraftIndex): LinkDescription[] {
  const links = docLinks(doc, index);
  const field = getField(doc.metadata, links.field);
  const relation = links.role === 'policy' ? '政策解读' : '政策文件';
  const titleRange = doc.title ? { start: doc.title.start, end: doc.title.end } : { start: 0, end: 0 };
  return links.linked.map((l: LinkedDraft) => {
    const range = l.via === 'link' && field && l.ref ? refRange(doc, field, l.ref) : titleRange;
    const head = `${relation === '政策解读' ? '本文件的政策解读' : '本解读对应的政策文件'}（${VIA_TEXT[l.via](links.field)}）`;
    return { ...range, draft: l.draft, via: l.via, relation, markdown: `${head}\n\n${describeDraft(l.draft, doc.filePath)}` };
  });
}

/** The linked drafts whose hover range contains `offset` (e.g. the cursor on a `解读材料` value). */
export function describeLink(doc: ZwgkDocument, index: DraftIndex, offset: number): LinkDescription[] {
  return describeLinks(doc, index).filter((d) => offset >= d.start && offset <= d.end);
}
