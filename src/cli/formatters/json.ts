/**
 * Machine-readable output (ESLint-like, stable): an array with one object per file. Field order and
 * names are a public contract; new fields may be added, none removed or renamed.
 * Lines and columns are 1-based, columns in UTF-16 code units; `fix.range` is in UTF-16 code units of
 * the decoded text (after the BOM). A .docx or .html file's result has `format`, and each message a
 * `location` (see core/formats/source-map.ts: a paragraph / table cell with an excerpt, or an HTML
 * source range); an .html message's line and column are in the HTML, a .docx message's in zwgk's text
 * of the document (`zwgk export FILE --to text`).
 *
 * The text is exactly `JSON.stringify(array, null, 2)` of those objects, written file by file. A
 * 1,000-draft run prints tens of megabytes, mostly the same few clause texts, so a message is written
 * directly (each clause's text built once) rather than through JSON.stringify and a re-indenting pass.
 */
import type { OutputFormat } from './types';
import type { Clause } from '../../core';
import type { CliMessage, FileResult } from '../results';
import { prettyJson } from './pretty';

function clauseObject(c: Clause): Record<string, unknown> {
  const out: Record<string, unknown> = { source: c.source, id: c.id, text: c.text };
  if (c.summary) out.summary = true;
  return out;
}

export function jsonMessage(m: CliMessage): Record<string, unknown> {
  const out: Record<string, unknown> = {
    ruleId: m.ruleId,
    severity: m.severity,
    message: m.message,
    line: m.line,
    column: m.column,
    endLine: m.endLine,
    endColumn: m.endColumn,
    clause: clauseObject(m.clause),
  };
  if (m.fix) out.fix = { range: [m.fix.range[0], m.fix.range[1]], text: m.fix.text };
  if (m.location) out.location = { ...m.location };
  return out;
}

export function jsonResult(r: FileResult): Record<string, unknown> {
  const out: Record<string, unknown> = {
    filePath: r.filePath,
    messages: r.messages.map(jsonMessage),
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

// Indentation inside a body (the result object stands two spaces in; see `join`).
const KEY = '\n    ';
const MSG = '\n      ';
const FIELD = '\n        ';
const SUB = '\n          ';
const ITEM = '\n            ';

/** The "clause" member of a message, by clause (the same few clauses recur in every file). */
const clauseTexts = new WeakMap<Clause, string>();

function clauseText(c: Clause): string {
  let t = clauseTexts.get(c);
  if (t === undefined) clauseTexts.set(c, (t = prettyJson(clauseObject(c), FIELD.slice(1))));
  return t;
}

const isInt = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);

/** True when every field has the type the direct writer expects (else the generic writer is used). */
function plain(m: CliMessage): boolean {
  return typeof m.ruleId === 'string' && typeof m.severity === 'string' && typeof m.message === 'string'
    && isInt(m.line) && isInt(m.column) && isInt(m.endLine) && isInt(m.endColumn)
    && typeof m.clause === 'object' && m.clause !== null
    && (m.fix === undefined || (isInt(m.fix.range[0]) && isInt(m.fix.range[1]) && typeof m.fix.text === 'string'));
}

function messageText(m: CliMessage): string {
  if (!plain(m)) return prettyJson(jsonMessage(m), MSG.slice(1));
  let s = '{' + FIELD + '"ruleId": ' + JSON.stringify(m.ruleId)
    + ',' + FIELD + '"severity": ' + JSON.stringify(m.severity)
    + ',' + FIELD + '"message": ' + JSON.stringify(m.message)
    + ',' + FIELD + '"line": ' + m.line
    + ',' + FIELD + '"column": ' + m.column
    + ',' + FIELD + '"endLine": ' + m.endLine
    + ',' + FIELD + '"endColumn": ' + m.endColumn
    + ',' + FIELD + '"clause": ' + clauseText(m.clause);
  if (m.fix) {
    s += ',' + FIELD + '"fix": {' + SUB + '"range": [' + ITEM + m.fix.range[0] + ',' + ITEM + m.fix.range[1] + SUB + ']'
      + ',' + SUB + '"text": ' + JSON.stringify(m.fix.text) + FIELD + '}';
  }
  if (m.location) s += ',' + FIELD + '"location": ' + prettyJson(m.location, FIELD.slice(1));
  return s + MSG + '}';
}

/** Messages per piece of output. */
const CHUNK = 200;

/** A result as it stands in the top-level array (pretty-printed, two spaces in), in pieces. */
export function* jsonChunks(r: FileResult): Generator<string> {
  const counts = [r.errorCount, r.warningCount, r.infoCount, r.fixableCount];
  if (typeof r.filePath !== 'string' || !counts.every(isInt) || (r.fixedCount !== undefined && !isInt(r.fixedCount))) {
    yield prettyJson(jsonResult(r), '  ');
    return;
  }
  let out = '{' + KEY + '"filePath": ' + JSON.stringify(r.filePath) + ',' + KEY + '"messages": ';
  if (r.messages.length === 0) out += '[]';
  else {
    out += '[';
    for (let i = 0; i < r.messages.length; i++) {
      out += (i ? ',' : '') + MSG + messageText(r.messages[i]);
      if (i % CHUNK === CHUNK - 1) {
        yield out;
        out = '';
      }
    }
    out += KEY + ']';
  }
  out += ',' + KEY + '"errorCount": ' + r.errorCount + ',' + KEY + '"warningCount": ' + r.warningCount
    + ',' + KEY + '"infoCount": ' + r.infoCount + ',' + KEY + '"fixableCount": ' + r.fixableCount;
  if (r.encoding) out += ',' + KEY + '"encoding": ' + JSON.stringify(r.encoding + (r.bom && r.encoding === 'utf-8' ? '-bom' : ''));
  if (r.fixedCount !== undefined) out += ',' + KEY + '"fixedCount": ' + r.fixedCount;
  if (r.sourceFormat) out += ',' + KEY + '"format": ' + JSON.stringify(r.sourceFormat);
  yield out + '\n  }';
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
  separator: (i) => (i ? ',' : '') + '\n  ',
  end: (t) => (t.files ? '\n]\n' : ']\n'),
};
