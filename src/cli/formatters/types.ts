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
  /**
   * A file's part of the output, in pieces (so that the output for a huge draft is never one string);
   * nothing, or only empty pieces, when the file adds nothing. A pure function of the result and the
   * context: worker threads format their own results with it.
   */
  body(result: FileResult, ctx: FormatContext): Iterable<string>;
  /** What goes before a file's (non-empty) body; `index` counts the files written before it. */
  separator(index: number): string;
  end(totals: Totals, ctx: FormatContext): string;
}

/** A file's body as one string. */
export function bodyText(format: OutputFormat, result: FileResult, ctx: FormatContext): string {
  let out = '';
  for (const piece of format.body(result, ctx)) out += piece;
  return out;
}

/** The output for one file, in the stream. */
export function formatFile(format: OutputFormat, result: FileResult, index: number, ctx: FormatContext): string {
  const body = bodyText(format, result, ctx);
  return body ? format.separator(index) + body : '';
}

/** The whole output for a list of results at once (stdin, tests). */
export function formatAll(format: OutputFormat, results: readonly FileResult[], ctx: FormatContext): string {
  return format.begin(ctx) + results.map((r, i) => formatFile(format, r, i, ctx)).join('') + format.end(totals(results), ctx);
}

/** Indents every line but the first (to nest pretty-printed JSON). */
export function indentJson(json: string, spaces: string): string {
  return json.replace(/\n/g, '\n' + spaces);
}
