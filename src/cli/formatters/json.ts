/**
 * Machine-readable output (ESLint-like, stable): an array with one object per file. Field order and
 * names are a public contract; new fields may be added, none removed or renamed.
 * Lines and columns are 1-based, columns in UTF-16 code units; `fix.range` is in UTF-16 code units of
 * the decoded text (after the BOM). A .docx or .html file's result has `format`, and each message a
 * `location` (see core/formats/source-map.ts: a paragraph / table cell with an excerpt, or an HTML
 * source range); an .html message's line and column are in the HTML, a .docx message's in zwgk's text
 * of the document (`zwgk export FILE --to text`).
 *
 * Each message cites its clause by `source` and `id` (and `summary` when the text is a summary) and by
 * `ref`, its position in the file's `clauses` array, which holds each quoted clause once with its
 * `text` (and `version`, the version of the source it is quoted from, when the clause names one): a
 * 1,000-draft run quotes the same few clauses tens of thousands of times, and repeating the text in
 * every message made it a third of the output (it was there up to zwgk 0.1.0).
 *
 * Layout: compact JSON, one file object after another and one message per line — what
 * `JSON.stringify` gives for each message, written directly (each clause's text built once) so that a
 * run with 100,000 messages is formatted in one pass as it streams.
 */
import type { OutputFormat } from './types';
import type { Clause } from '../../core';
import type { CliMessage, FileResult } from '../results';

function clauseObject(c: Clause): Record<string, unknown> {
  const out: Record<string, unknown> = { source: c.source, id: c.id, text: c.text };
  if (c.summary) out.summary = true;
  if (c.version) out.version = c.version;
  return out;
}

/** A clause's key within one file: equal clauses (also ones read back from the cache) share a ref. */
function clauseKey(c: Clause): string {
  return `${c.source}\u0000${c.id}\u0000${c.summary ? 1 : 0}\u0000${c.version ?? ''}\u0000${c.text}`;
}

/** Numbers the clauses of one file's messages in order of first use. */
class ClauseTable {
  readonly list: Clause[] = [];
  private readonly byObject = new Map<Clause, number>();
  private readonly byKey = new Map<string, number>();

  ref(c: Clause): number {
    let n = this.byObject.get(c);
    if (n !== undefined) return n;
    const key = clauseKey(c);
    n = this.byKey.get(key);
    if (n === undefined) {
      n = this.list.length;
      this.list.push(c);
      this.byKey.set(key, n);
    }
    this.byObject.set(c, n);
    return n;
  }
}

function clauseRef(c: Clause, ref: number): Record<string, unknown> {
  const out: Record<string, unknown> = { source: c.source, id: c.id };
  if (c.summary) out.summary = true;
  out.ref = ref;
  return out;
}

export function jsonMessage(m: CliMessage, ref: number): Record<string, unknown> {
  const out: Record<string, unknown> = {
    ruleId: m.ruleId,
    severity: m.severity,
    message: m.message,
    line: m.line,
    column: m.column,
    endLine: m.endLine,
    endColumn: m.endColumn,
    clause: clauseRef(m.clause, ref),
  };
  if (m.fix) out.fix = { range: [m.fix.range[0], m.fix.range[1]], text: m.fix.text };
  if (m.location) out.location = { ...m.location };
  return out;
}

/** The object a result stands for in the output (what `JSON.parse` of its text gives). */
export function jsonResult(r: FileResult): Record<string, unknown> {
  const table = new ClauseTable();
  const messages = r.messages.map((m) => jsonMessage(m, table.ref(m.clause)));
  return { filePath: r.filePath, messages, clauses: table.list.map(clauseObject), ...tail(r) };
}

function tail(r: FileResult): Record<string, unknown> {
  const out: Record<string, unknown> = {
    errorCount: r.errorCount,
    warningCount: r.warningCount,
    infoCount: r.infoCount,
    fixableCount: r.fixableCount,
  };
  if (r.encoding) out.encoding = r.encoding + (r.bom && r.encoding === 'utf-8' ? '-bom' : '');
  if (r.fixedCount !== undefined) out.fixedCount = r.fixedCount;
  if (r.sourceFormat) out.format = r.sourceFormat;
  return out;
}

const isInt = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);

/** True when every field has the type the direct writer expects (else the generic writer is used). */
function plain(m: CliMessage): boolean {
  return typeof m.ruleId === 'string' && typeof m.severity === 'string' && typeof m.message === 'string'
    && isInt(m.line) && isInt(m.column) && isInt(m.endLine) && isInt(m.endColumn)
    && typeof m.clause === 'object' && m.clause !== null
    && (m.fix === undefined || (isInt(m.fix.range[0]) && isInt(m.fix.range[1]) && typeof m.fix.text === 'string'));
}

/** The `"clause"` member's text by clause and ref (the same few clauses recur in every file). */
const clauseTexts = new WeakMap<Clause, string[]>();

function clauseText(c: Clause, ref: number): string {
  let byRef = clauseTexts.get(c);
  if (!byRef) clauseTexts.set(c, (byRef = []));
  return (byRef[ref] ??= JSON.stringify(clauseRef(c, ref)));
}

/** A message's line: exactly `JSON.stringify(jsonMessage(m, ref))`. */
function messageText(m: CliMessage, ref: number): string {
  if (!plain(m)) return JSON.stringify(jsonMessage(m, ref));
  let s = '{"ruleId":' + JSON.stringify(m.ruleId) + ',"severity":' + JSON.stringify(m.severity)
    + ',"message":' + JSON.stringify(m.message) + ',"line":' + m.line + ',"column":' + m.column
    + ',"endLine":' + m.endLine + ',"endColumn":' + m.endColumn + ',"clause":' + clauseText(m.clause, ref);
  if (m.fix) s += ',"fix":{"range":[' + m.fix.range[0] + ',' + m.fix.range[1] + '],"text":' + JSON.stringify(m.fix.text) + '}';
  if (m.location) s += ',"location":' + JSON.stringify(m.location);
  return s + '}';
}

/** Messages per piece of output. */
const CHUNK = 200;

/** A result as it stands in the top-level array, in pieces. */
export function* jsonChunks(r: FileResult): Generator<string> {
  const table = new ClauseTable();
  let out = '{"filePath":' + JSON.stringify(r.filePath) + ',"messages":[';
  for (let i = 0; i < r.messages.length; i++) {
    const m = r.messages[i];
    out += (i ? ',\n' : '\n') + messageText(m, table.ref(m.clause));
    if (i % CHUNK === CHUNK - 1) {
      yield out;
      out = '';
    }
  }
  if (r.messages.length) out += '\n';
  out += '],"clauses":[';
  for (let i = 0; i < table.list.length; i++) out += (i ? ',\n' : '\n') + JSON.stringify(clauseObject(table.list[i]));
  if (table.list.length) out += '\n';
  yield out + '],' + JSON.stringify(tail(r)).slice(1);
}

/** The whole result as one string. */
export function jsonBody(r: FileResult): string {
  let out = '';
  for (const piece of jsonChunks(r)) out += piece;
  return out;
}

export const json: OutputFormat = {
  begin: () => '[',
  body: (r) => jsonChunks(r),
  separator: (i) => (i ? ',\n' : '\n'),
  end: (t) => (t.files ? '\n]\n' : ']\n'),
};
