/**
 * The export's own check: read the .docx just written with zwgk's reader and compare it with the draft —
 * the same lines of text, the same metadata, the same zwgk messages (rule and wording).
 */
import { ZwgkDocument } from '../document';
import { lintDocument, type LintOptions } from '../engine';
import { draftBlocks } from './export-docx';
import { readDocx } from './docx';

export interface RoundTrip {
  /** Lines of the draft's body as exported, and as read back. */
  lines: { draft: string[]; read: string[] };
  metadata: { draft: Record<string, string>; read: Record<string, string> };
  messages: { draft: string[]; read: string[] };
  /** What differs (Chinese, for the user); empty when the .docx says what the draft says. */
  differences: string[];
}

function bodyLines(doc: ZwgkDocument): string[] {
  const { blocks, tables } = draftBlocks(doc);
  return blocks.flatMap((b, i) => (tables.has(i) ? tables.get(i)!.filter((r) => r.some((c) => c)).map((r) => r.join(' | ')) : b.text ? [b.text] : []));
}

function metadataOf(doc: ZwgkDocument): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of doc.metadata.fields) if (f.known && f.value && !(f.key in out)) out[f.key] = f.value.replace(/\s+/g, ' ');
  return out;
}

function messageKeys(doc: ZwgkDocument, options: LintOptions): string[] {
  return lintDocument(doc, options).map((m) => `${m.ruleId}：${m.message}`).sort();
}

function diffList(label: string, a: string[], b: string[]): string[] {
  const out: string[] = [];
  const count = (xs: string[]) => xs.reduce((m, x) => m.set(x, (m.get(x) ?? 0) + 1), new Map<string, number>());
  const ca = count(a), cb = count(b);
  for (const [x, n] of ca) if ((cb.get(x) ?? 0) < n) out.push(`${label}只在原稿中：${x}`);
  for (const [x, n] of cb) if ((ca.get(x) ?? 0) < n) out.push(`${label}只在导出的 .docx 中：${x}`);
  return out;
}

export function checkDocxExport(text: string, filePath: string | undefined, bytes: Uint8Array, options: LintOptions = {}): RoundTrip {
  const draft = new ZwgkDocument(text, filePath);
  const read = readDocx(bytes);
  const back = new ZwgkDocument(read.text, 'export.docx', 'text');
  const lines = { draft: bodyLines(draft), read: back.blocks.filter((b) => b.start >= back.bodyStart).map((b) => b.text) };
  const metadata = { draft: metadataOf(draft), read: metadataOf(back) };
  const messages = { draft: messageKeys(draft, options), read: messageKeys(back, options) };
  const differences: string[] = [];
  if (lines.draft.join('\n') !== lines.read.join('\n')) differences.push(...diffList('正文行', lines.draft, lines.read));
  const keys = new Set([...Object.keys(metadata.draft), ...Object.keys(metadata.read)]);
  for (const k of keys) if (metadata.draft[k] !== metadata.read[k]) differences.push(`元数据“${k}”：原稿“${metadata.draft[k] ?? ''}”，.docx“${metadata.read[k] ?? ''}”`);
  differences.push(...diffList('检查结果', messages.draft, messages.read));
  return { lines, metadata, messages, differences };
}
