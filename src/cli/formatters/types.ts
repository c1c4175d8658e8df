/**
 * Output formats are streamed: `begin`, then `file` for each linted file as soon as it is done, then
 * `end` with the totals — so a 10,000-file run never holds every result (or one huge string) in memory.
 */
import type { RuleMeta } from '../../core';
import type { FileResult, Totals } from '../results';
import { totals } from '../results';

export interface FormatContext {
  /** Working directory: paths are shown (and SARIF URIs made) relative to it. */
  cwd: string;
  /** ANSI colours (stylish only). */
  color: boolean;
  /** zwgk version. */
  version: string;
  /** Metadata of every rule that can appear in results (engine rules and the CLI's file-level ones). */
  rules: readonly RuleMeta[];
  /** The run used --fix. */
  fix: boolean;
}

export interface OutputFormat {
  begin(ctx: FormatContext): string;
  /** `index` counts the files written so far (0 for the first). */
  file(result: FileResult, index: number, ctx: FormatContext): string;
  end(totals: Totals, ctx: FormatContext): string;
}

/** The whole output for a list of results at once (stdin, tests). */
export function formatAll(format: OutputFormat, results: readonly FileResult[], ctx: FormatContext): string {
  return format.begin(ctx) + results.map((r, i) => format.file(r, i, ctx)).join('') + format.end(totals(results), ctx);
}

/** Indents every line but the first (to nest pretty-printed JSON). */
export function indentJson(json: string, spaces: string): string {
  return json.replace(/\n/g, '\n' + spaces);
}
