/** The CLI's result model: one entry per linted file, shared by every output format. */
import type { Clause, LintMessage, ZwgkDocument } from '../core';
import { FILE_UNREADABLE, fileUnreadable } from './file-rules';

export interface Region {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

/** A core message as the CLI reports it: the public fields, in their public order (no offsets, no data). */
export type CliMessage = Pick<LintMessage, 'ruleId' | 'severity' | 'message' | 'line' | 'column' | 'endLine' | 'endColumn' | 'clause' | 'fix' | 'location'> & {
  /** Lines and columns of `fix.range` (SARIF needs them); not part of the JSON output. */
  fixRegion?: Region;
};

export interface FileResult {
  /** Absolute path, or `<stdin>` when stdin has no --stdin-filename. */
  filePath: string;
  messages: CliMessage[];
  errorCount: number;
  warningCount: number;
  infoCount: number;
  fixableCount: number;
  /** e.g. "utf-8", "gb18030"; absent when the file could not be decoded. */
  encoding?: string;
  bom?: boolean;
  /** With --fix: how many fixes were applied to the file (0 when unchanged). */
  fixedCount?: number;
  /** `docx` or `html` for files zwgk read into text (messages carry `location`); absent for .md/.txt. */
  sourceFormat?: 'docx' | 'html';
  /** The file could not be checked or written completely (exit code 2). */
  fatal?: boolean;
  /** Messages of crashed rules (`internal-error`) among `messages`. */
  internalErrorCount: number;
}

export function toCliMessage(m: LintMessage, doc: ZwgkDocument): CliMessage {
  const out: CliMessage = {
    ruleId: m.ruleId,
    severity: m.severity,
    message: m.message,
    line: m.line,
    column: m.column,
    endLine: m.endLine,
    endColumn: m.endColumn,
    clause: m.clause,
  };
  if (m.location) out.location = m.location;
  if (m.fix) {
    out.fix = m.fix;
    const a = doc.positionAt(m.fix.range[0]);
    const b = doc.positionAt(m.fix.range[1]);
    out.fixRegion = { startLine: a.line, startColumn: a.column, endLine: b.line, endColumn: b.column };
  }
  return out;
}

/** A file-level problem (unreadable, undecodable, not written), at 1:1. */
export function fileMessage(message: string, ruleId = FILE_UNREADABLE, clause: Clause = fileUnreadable.clauses[0]): CliMessage {
  return { ruleId, severity: 'error', message, line: 1, column: 1, endLine: 1, endColumn: 1, clause };
}

export function makeResult(filePath: string, messages: CliMessage[], extra: Partial<FileResult> = {}): FileResult {
  let errorCount = 0, warningCount = 0, infoCount = 0, fixableCount = 0, internalErrorCount = 0;
  for (const m of messages) {
    if (m.ruleId === 'internal-error') internalErrorCount++;
    if (m.severity === 'error') errorCount++;
    else if (m.severity === 'warning') warningCount++;
    else infoCount++;
    if (m.fix) fixableCount++;
  }
  return { filePath, messages, errorCount, warningCount, infoCount, fixableCount, internalErrorCount, ...extra };
}

export interface Totals {
  files: number;
  errorCount: number;
  warningCount: number;
  infoCount: number;
  fixableCount: number;
  fixedCount: number;
  fixedFiles: number;
  /** Files that could not be checked or written completely. */
  fatal: number;
  /** Messages of rules that crashed (`internal-error`). */
  internalErrors: number;
}

export function emptyTotals(): Totals {
  return { files: 0, errorCount: 0, warningCount: 0, infoCount: 0, fixableCount: 0, fixedCount: 0, fixedFiles: 0, fatal: 0, internalErrors: 0 };
}

/** Adds one file's counts to `t` (results are streamed, so totals are kept as they come). */
export function addToTotals(t: Totals, r: FileResult): Totals {
  t.files++;
  t.errorCount += r.errorCount;
  t.warningCount += r.warningCount;
  t.infoCount += r.infoCount;
  t.fixableCount += r.fixableCount;
  t.fixedCount += r.fixedCount ?? 0;
  if (r.fixedCount) t.fixedFiles++;
  if (r.fatal) t.fatal++;
  t.internalErrors += r.internalErrorCount;
  return t;
}

export function totals(results: readonly FileResult[]): Totals {
  const t = emptyTotals();
  for (const r of results) addToTotals(t, r);
  return t;
}
