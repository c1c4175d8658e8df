/**
 * `zwgk lint [paths|globs …]` — and `zwgk lint - --stdin-filename FILE`.
 *
 * Exit codes: 0 no errors (and warnings within --max-warnings); 1 problems; 2 usage, configuration or
 * internal error — including a file that could not be read, decoded or written back (`file-unreadable`)
 * and a rule that crashed (`internal-error`): the run could not check everything it was asked to.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { ALL_RULES, type ResolvedConfig } from '../../core';
import { ConfigLoader, parseRuleOptions } from '../config-loader';
import { CliError } from '../errors';
import { expandInputs } from '../files';
import { governedBy, selectDrafts, skippedNotice } from '../draft-filter';
import { autoThreads, lintFiles, lintStdin, totalBytes, type RunContext } from '../runner';
import { ReadMemo } from '../read-memo';
import { ChunkedOutput } from '../chunked-output';
import { LintCache, cacheFilePath, defaultCacheLocation, runFingerprint } from '../cache';
import { Progress } from '../progress';
import { addToTotals, emptyTotals, totals, type FileResult, type Totals } from '../results';
import { displayPath, useColor } from '../text';
import { suggestion } from '../suggest';
import { FORMATS, formatContext, formatterFor, type FormatName } from '../formatters';
import { formatAll, type FormatContext } from '../formatters/types';
import type { Io } from '../io';
import { cleanUpOnSignals, sweepStaleTemps } from '../write';

export { FORMATS, type FormatName };

export interface LintFlags {
  format: FormatName;
  fix?: boolean;
  maxWarnings?: string;
  rule: string[];
  config?: string;
  stdinFilename?: string;
  configLookup: boolean;
  errorOnUnmatchedPattern: boolean;
  /** `auto` (default), `off`, or a number of worker threads. */
  concurrency?: string;
  /** Lint every .md/.txt found by walking, not only drafts. */
  all?: boolean;
  /** --cache, --cache-location (see cache.ts). */
  cache?: boolean;
  cacheLocation?: string;
}

function parseMaxWarnings(v: string | undefined): number {
  if (v === undefined) return -1;
  if (!/^-?\d+$/.test(v.trim()) || Number(v) < -1) throw new CliError(`--max-warnings 应为非负整数（-1 表示不限），收到“${v}”`);
  return Number(v);
}

/** `--concurrency`: undefined for auto, else the number of threads (0 = none). */
export function parseConcurrency(v: string | undefined): number | undefined {
  const s = (v ?? 'auto').trim().toLowerCase();
  if (s === 'auto') return undefined;
  if (s === 'off') return 0;
  if (!/^\d{1,4}$/.test(s) || Number(s) < 1) throw new CliError(`--concurrency 应为 auto、off 或正整数，收到“${v}”`);
  return Math.min(Number(s), 256);
}

/** 2 when something could not be checked, 1 for errors or too many warnings, else 0. */
export function exitCodeOf(t: Totals, maxWarnings: number): number {
  if (t.fatal > 0 || t.internalErrors > 0) return 2;
  if (t.errorCount > 0) return 1;
  if (maxWarnings >= 0 && t.warningCount > maxWarnings) return 1;
  return 0;
}

/** The folders a run may follow links within: the working directory, plus inputs outside it. */
function rootsOf(cwd: string, inputs: readonly string[]): string[] {
  const roots = new Set([cwd]);
  for (const input of inputs) {
    if (input === '-') continue;
    const abs = path.resolve(cwd, input);
    const rel = path.relative(cwd, abs);
    if (!rel.startsWith('..') && !path.isAbsolute(rel)) continue;
    let base = abs;
    try {
      if (!fs.statSync(abs).isDirectory()) base = path.dirname(abs);
    } catch {
      base = path.resolve(cwd, picomatch.scan(input).base || '.');
    }
    roots.add(base);
  }
  return [...roots];
}

export async function lintCommand(patterns: string[], flags: LintFlags, io: Io): Promise<number> {
  const cwd = path.resolve(io.cwd);
  const maxWarnings = parseMaxWarnings(flags.maxWarnings);
  const concurrency = parseConcurrency(flags.concurrency);
  const ids = ALL_RULES.map((r) => r.meta.id);
  const cliLayer = parseRuleOptions(flags.rule, ALL_RULES, (id) => suggestion(id, ids));
  const stdinMode = patterns.includes('-');
  if (stdinMode && patterns.length > 1) throw new CliError('“-”（从标准输入读取）不能与其他路径一起使用');
  if (flags.stdinFilename !== undefined && !stdinMode) throw new CliError('--stdin-filename 只能与“-”一起使用，例如：zwgk lint - --stdin-filename drafts/通知.md');
  if (flags.cacheLocation !== undefined && !flags.cache) throw new CliError('--cache-location 只能与 --cache 一起使用');

  const progress = new Progress(io.stderr, Progress.optionsFrom(io.env));
  // The report on stdout (files linted from disk), in chunks; a notice hands over what is gathered first.
  const out = new ChunkedOutput(io.stdout);
  const notice = (message: string) => {
    out.flushNow();
    progress.clear();
    io.stderr.write(`zwgk: ${message}\n`);
  };
  const loader = new ConfigLoader({ rules: ALL_RULES, cwd, configFile: flags.config, lookup: flags.configLookup, cliLayer, onNotice: notice });
  const stdinConfig = (): ResolvedConfig => loader.configFor(path.join(cwd, '<stdin>'));
  const ctx: RunContext = {
    rules: ALL_RULES,
    configFor: (file) => (file === undefined ? stdinConfig() : loader.configFor(file)),
    fix: !!flags.fix,
    display: (file) => displayPath(file, cwd),
    notice,
    progress,
    roots: rootsOf(cwd, stdinMode ? (flags.stdinFilename !== undefined ? [path.dirname(flags.stdinFilename)] : []) : patterns.length ? patterns : ['.']),
  };
  const formatOptions = { cwd, color: useColor(io.stdout.isTTY, io.env), fix: !!flags.fix };
  const fctx: FormatContext = formatContext(formatOptions);
  const format = formatterFor(flags.format);

  if (stdinMode) {
    const stdinPath = flags.stdinFilename !== undefined ? path.resolve(cwd, flags.stdinFilename) : undefined;
    ctx.configFor(stdinPath); // configuration errors surface before anything is printed
    const input = await io.readStdin();
    if (stdinPath && loader.isIgnored(stdinPath, false)) {
      notice(`${flags.stdinFilename} 被配置中的 ignore 排除，未检查`);
      if (flags.fix) io.stdout.write(input);
      else io.stdout.write(formatAll(format, [], { ...fctx, color: false }));
      return 0;
    }
    const outcome = lintStdin(input, stdinPath, ctx);
    const results = outcome.binary ? [] : [outcome.result];
    if (flags.fix) {
      if (outcome.output) io.stdout.write(outcome.output);
      // stdout carries the text: the report goes to stderr, and only when something is left.
      if (outcome.result.messages.length) io.stderr.write(formatAll(format, results, { ...fctx, color: useColor(io.stderr.isTTY, io.env) }));
    } else {
      io.stdout.write(formatAll(format, results, fctx));
    }
    return finish(totals(results), maxWarnings, io);
  }

  const inputs = patterns.length ? patterns : ['.'];
  const found = expandInputs(inputs, { cwd, isIgnored: (p, isDir) => loader.isIgnored(p, isDir), onNotice: notice });
  const { unmatched } = found;
  // What the language server would lint: drafts by config or metadata (files named explicitly always).
  // What choosing the drafts reads whole is kept for the passes (one thread, no --fix: see read-memo.ts).
  const reads = flags.fix ? undefined : new ReadMemo();
  // --cache: opened before any draft is read (stats are trusted against the start of the run, see cache.ts).
  const outputKey = JSON.stringify([flags.format, formatOptions.color, formatOptions.fix]);
  const cache = flags.cache ? LintCache.open(cacheFilePath(flags.cacheLocation ?? defaultCacheLocation(cwd), cwd), runFingerprint(cwd), outputKey, notice) : undefined;
  if (cache) cache.foundStats = found.stats;
  const { files, skipped } = selectDrafts(found.files, found.named, {
    all: !!flags.all, governed: (f) => governedBy(loader.layersFor(path.dirname(f))), onRead: reads && ((f, e) => reads.put(f, e)),
    known: cache && ((f, governed) => cache.statusFor(f, governed)),
    onDecided: cache && ((f, governed, status, read) => void cache.noteRead(f, read.stat, read.bytes, { governed, status })),
  });
  const skippedText = skippedNotice(skipped, (f) => displayPath(f, cwd));
  if (skippedText) notice(skippedText);
  if (unmatched.length) {
    const list = unmatched.map((u) => `“${u}”`).join('、');
    if (flags.errorOnUnmatchedPattern) throw new CliError(`找不到文件，或没有与之匹配的 .md/.txt/.docx/.html 文件：${list}`);
    notice(`没有与之匹配的 .md/.txt/.docx/.html 文件：${list}`);
  }
  // Load every applicable config before linting, so a broken one stops the run before any file is written.
  for (const f of files) loader.configFor(f);
  if (!files.length) notice('没有找到要检查的 .md/.txt/.docx/.html 文件');
  ctx.threads = concurrency ?? autoThreads(files.length, os.availableParallelism(), () => totalBytes(files), os.loadavg()[0]);
  if (reads && !ctx.threads) ctx.reads = reads;
  else reads?.clear();
  ctx.workerSetup = {
    cwd, configFile: flags.config, lookup: flags.configLookup, cliLayer, fix: !!flags.fix, roots: [...(ctx.roots ?? [])],
    output: { format: flags.format, options: formatOptions }, cache: !!flags.cache,
  };
  if (cache) {
    ctx.cache = cache;
    ctx.onCacheLine = (file, line) => cache.add(file, line);
  }

  // --fix: temporary files of a killed earlier run are removed, and this run's are removed on Ctrl-C.
  const stopCleanup = flags.fix ? fixSafety(files) : undefined;
  const t = emptyTotals();
  await out.write(format.begin(fctx));
  await lintFiles(files, ctx, async (r: FileResult, body?: Uint8Array) => {
    if (body !== undefined) {
      // Formatted by a worker thread, or stored in the cache: UTF-8 bytes, written as they are.
      if (body.length) {
        await out.write(format.separator(t.files));
        await out.write(body);
      }
      ctx.cache?.output(r, [body]);
    } else if (ctx.cache) {
      // As below, and the cache keeps the bytes for the next run.
      const pieces: Uint8Array[] = [];
      for (const piece of format.body(r, fctx)) {
        if (!piece) continue;
        const bytes = Buffer.from(piece);
        if (!pieces.length) await out.write(format.separator(t.files));
        await out.write(bytes);
        pieces.push(bytes);
      }
      ctx.cache.output(r, pieces);
    } else {
      // Written piece by piece, so that the output for a huge draft is never held whole.
      let first = true;
      for (const piece of format.body(r, fctx)) {
        if (!piece) continue;
        await out.write(first ? format.separator(t.files) + piece : piece);
        first = false;
      }
    }
    addToTotals(t, r);
  });
  ctx.cache?.save();
  await out.write(format.end(t, fctx));
  await out.flush();
  stopCleanup?.();
  return finish(t, maxWarnings, io);
}

function fixSafety(files: readonly string[]): () => void {
  const dirs = [...new Set(files.map((f) => path.dirname(f)))];
  sweepStaleTemps(dirs);
  return cleanUpOnSignals(dirs);
}

function finish(t: Totals, maxWarnings: number, io: Io): number {
  const code = exitCodeOf(t, maxWarnings);
  if (t.fatal) io.stderr.write(`zwgk: ${t.fatal} 个文件未能完整检查或写回，退出码 2\n`);
  if (t.internalErrors) io.stderr.write(`zwgk: ${t.internalErrors} 处规则运行出错（见 internal-error），退出码 2\n`);
  if (maxWarnings >= 0 && t.warningCount > maxWarnings) {
    io.stderr.write(`zwgk: 警告 ${t.warningCount} 个，超过 --max-warnings ${maxWarnings}\n`);
  }
  return code;
}
