/** The output formats by name, and the context they format with (rebuilt the same way in worker threads). */
import { ALL_RULES, redactPersonalData } from '../../core';
import { CLI_RULES } from '../file-rules';
import { REPOSITORY_URL, VERSION } from '../version';
import { json } from './json';
import { sarifFormatter } from './sarif';
import { stylish } from './stylish';
import type { FormatContext, OutputFormat } from './types';

export const FORMATS = ['stylish', 'json', 'sarif'] as const;
export type FormatName = (typeof FORMATS)[number];

/** A fresh formatter (SARIF keeps per-run state between begin and end). */
export function formatterFor(name: FormatName): OutputFormat {
  return withRedactedPaths(name === 'json' ? json : name === 'sarif' ? sarifFormatter(REPOSITORY_URL) : stylish);
}

/** Every format shows a file's path with any personal number in it masked (张三46**************36.md). */
function withRedactedPaths(f: OutputFormat): OutputFormat {
  // The working directory is masked the same way, so that paths relative to it stay right.
  const c = (ctx: FormatContext): FormatContext => {
    const cwd = redactPersonalData(ctx.cwd);
    return cwd === ctx.cwd ? ctx : { ...ctx, cwd };
  };
  return {
    begin: (ctx) => f.begin(c(ctx)),
    body: (r, ctx) => {
      const shown = redactPersonalData(r.filePath);
      return f.body(shown === r.filePath ? r : { ...r, filePath: shown }, c(ctx));
    },
    separator: (i) => f.separator(i),
    end: (t, ctx) => f.end(t, c(ctx)),
  };
}

/** What a FormatContext is built from: plain data a worker thread can be handed. */
export interface FormatOptions {
  cwd: string;
  color: boolean;
  fix: boolean;
}

export function formatContext(o: FormatOptions): FormatContext {
  return { cwd: o.cwd, color: o.color, version: VERSION, rules: [...ALL_RULES.map((r) => r.meta), ...CLI_RULES], fix: o.fix };
}
