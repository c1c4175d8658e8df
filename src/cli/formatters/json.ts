/**
 * Machine-readable output (ESLint-like, stable): an array with one object per file. Field order and
 * names are a public contract; new fields may be added, none removed or renamed.
 * Lines and columns are 1-based, columns in UTF-16 code units; `fix.range` is in UTF-16 code units of
 * the decoded text (after the BOM).
 */
import type { OutputFormat } from './types';
import { indentJson } from './types';
import type { CliMessage, FileResult } from '../results';

export function jsonMessage(m: CliMessage): Record<string, unknown> {
  const clause: Record<string, unknown> = { source: m.clause.source, id: m.clause.id, text: m.clause.text };
  if (m.clause.summary) clause.summary = true;
  const out: Record<string, unknown> = {
    ruleId: m.ruleId,
    severity: m.severity,
    message: m.message,
    line: m.line,
    column: m.column,
    endLine: m.endLine,
    endColumn: m.endColumn,
    clause,
  };
  if (m.fix) out.fix = { range: [m.fix.range[0], m.fix.range[1]], text: m.fix.text };
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
  return out;
}

export const json: OutputFormat = {
  begin: () => '[',
  file: (r, i) => (i ? ',' : '') + '\n  ' + indentJson(JSON.stringify(jsonResult(r), null, 2), '  '),
  end: (t) => (t.files ? '\n]\n' : ']\n'),
};
