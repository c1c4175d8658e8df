/**
 * Linting (and fixing) files with the core engine. No linting logic lives here: this module reads bytes,
 * decodes them, hands the text to the core, and writes fixed text back safely.
 *
 * Two passes, so that cross-document rules see every draft:
 *   1. index — every linted file plus every draft in the folder of a linted file is read and summarised
 *      into a DraftIndex (front matter / catalogue header and title only, without building the document
 *      model); texts are dropped, so memory stays bounded on 10,000-file trees. Only big linted drafts
 *      (a 20 MB draft) are parsed here and kept for pass 2, within a fixed budget, so they are parsed once;
 *   2. lint — each linted file is linted against the index (and, with --fix, fixed and written), in this
 *      thread or, for large runs, in a pool of worker threads (see parallel.ts) — with the same results in
 *      the same order either way.
 * With --fix, the index stays as it was when the run started: a draft fixed earlier in the run does not
 * change what cross-document rules say about the drafts linted after it, so the output does not depend
 * on the order or the number of threads. (A second run sees the fixed drafts.)
 * One file that cannot be read, decoded or written never stops the others: it gets a file-level
 * `file-unreadable` message and the result is marked `fatal` (exit code 2).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DraftIndex, ZwgkDocument, summarize, summarizeText, summaryOf, lintDocument, applyFixes, unsupportedFormatMessage, sourceFormatOf, type DraftSummary, type Rule, type ResolvedConfig, type LintMessage } from '../core';
import { decode, encodeExact, describeEncoding, type DecodedText } from './encoding';
import { writeFileAtomic, stampOf } from './write';
import { INDEX_PREFIX_BYTES, MAX_DRAFT_BYTES, errnoText, readBounded, readProblem } from './safe-read';
import { draftsInFolder } from './files';
import { cacheable, contentHash, resultLine, type LintCache } from './cache';
import { fileMessage, makeResult, toCliMessage, type CliMessage, type FileResult } from './results';
import type { Progress } from './progress';
import type { WorkerSetup } from './worker';
import type { MemoEntry, ReadMemo } from './read-memo';
import { isSourcePath, lintSourceFile, lintSourceText, readSourceBytes, summarizeSourceFile } from './sources';

/**
 * Characters of parsed text kept between the passes (a parsed draft takes roughly 9 bytes per character).
 * The first big linted draft is always kept, so a single huge draft is parsed once.
 */
export const DOC_CACHE_CHARS = 12_000_000;

/** Linted drafts at least this long are parsed in pass 1 and kept for pass 2 (sequential runs). */
export const BIG_DRAFT_CHARS = 256 * 1024;

export interface RunContext {
  rules: readonly Rule[];
  /** The config for a file (undefined: stdin without --stdin-filename, i.e. the working directory). */
  configFor(filePath: string | undefined): ResolvedConfig;
  fix: boolean;
  /** Path shown in notices (relative to the working directory). */
  display(filePath: string): string;
  notice(message: string): void;
  progress?: Progress;
  /** Workspace roots for the DraftIndex: links leaving them are not followed. */
  roots?: readonly string[];
  /**
   * Worker threads for pass 2 (0 or 1: none). Needs `workerSetup`, the plain data a worker rebuilds this
   * context from.
   */
  threads?: number;
  workerSetup?: WorkerSetup;
  /** --cache: summaries and results of earlier runs (main thread only). */
  cache?: LintCache;
  /** --cache: takes the cache line of each file linted completely (see cache.ts). */
  onCacheLine?: (filePath: string, line: string) => void;
  /** Drafts the choice of drafts read whole, for the passes to use instead of reading them again (read-memo.ts). */
  reads?: ReadMemo;
}

export type ReadOutcome =
  | { kind: 'text'; decoded: DecodedText; stamp: ReturnType<typeof stampOf>; bytes: Buffer }
  | { kind: 'binary' }
  | { kind: 'error'; message: string };

export interface ReadDraftOptions {
  /** --fix: the file is read from disk, never from the memo (see read-memo.ts); messages say "未修改". */
  fix?: boolean;
  /** Only the start of a larger file is read (a folder-mate the index only needs the top of). */
  prefix?: boolean;
  /** Drafts read earlier in the run. */
  reads?: ReadMemo;
  /** What is taken from `reads` stays there for a later pass (default: with `prefix`, the index pass). */
  keep?: boolean;
}

/** Reads and decodes a draft (see safe-read.ts: regular files only, at most MAX_DRAFT_BYTES). */
export function readDraft(abs: string, opts: ReadDraftOptions = {}): ReadOutcome {
  const fix = !!opts.fix;
  const prefix = !!opts.prefix;
  const r = readBytes(abs, fix, prefix, opts.reads, opts.keep ?? prefix);
  return r.kind === 'error' ? r : decodeRead(r, fix);
}

/** `whole`: the bytes are the whole file (not the prefix of a larger one); `stat` is from before the read. */
type BytesRead = { kind: 'bytes'; bytes: Buffer; stat: fs.Stats; whole: boolean; kept?: MemoEntry; keep: boolean };

/**
 * The bytes of a draft (see readDraft). A whole file read earlier in the run is what a read now would give
 * (a prefix read too, when it fits); the last use (`keep` false: the lint pass) takes it out of the memo.
 */
function readBytes(abs: string, fix: boolean, prefix: boolean, reads: ReadMemo | undefined, keep: boolean): BytesRead | { kind: 'error'; message: string } {
  let kept = fix ? undefined : keep ? reads?.peek(abs) : reads?.take(abs);
  if (kept && prefix && kept.bytes.length > INDEX_PREFIX_BYTES) kept = undefined;
  if (kept) return { kind: 'bytes', bytes: kept.bytes, stat: kept.stat, whole: true, kept, keep };
  const r = readBounded(abs, prefix ? { maxBytes: INDEX_PREFIX_BYTES, prefix: true } : { maxBytes: MAX_DRAFT_BYTES });
  if (r.kind !== 'ok') {
    const what = r.kind === 'too-large' ? `${readProblem(r)}，${fix ? '未修改' : '未检查'}` : `无法读取文件：${readProblem(r)}`;
    return { kind: 'error', message: what };
  }
  return { kind: 'bytes', bytes: r.bytes, stat: r.stat, whole: !r.truncated, keep };
}

function decodeRead(r: BytesRead, fix: boolean): ReadOutcome {
  const decoded = r.kept?.decoded ?? decode(r.bytes);
  // Decoded once for both passes.
  if (r.kept && r.keep && decoded.kind === 'text') r.kept.decoded = decoded;
  if (decoded.kind === 'binary') return { kind: 'binary' };
  if (decoded.kind === 'undecodable') return { kind: 'error', message: `${fix ? '无法识别编码，未修改' : '无法识别编码，未检查'}：${decoded.reason}` };
  return { kind: 'text', decoded, stamp: stampOf(r.stat), bytes: r.bytes };
}

export interface IndexPass {
  index: DraftIndex;
  /** Parsed documents of big linted drafts, kept for pass 2 (only with `keepDocs`). */
  cache: Map<string, ZwgkDocument>;
  /** Every summary, in the order loaded into the index (what worker threads rebuild it from). */
  summaries: DraftSummary[];
}

/**
 * The drafts pass 1 summarises, in order: the linted files, then every other draft in their folders (and
 * in the folder of `extra`, without `extra` itself).
 */
export function indexedFiles(files: readonly string[], extra?: { path: string }): string[] {
  const all = new Set(files);
  for (const dir of new Set(files.map((f) => path.dirname(f)))) for (const f of draftsInFolder(dir)) all.add(f);
  if (extra) {
    for (const f of draftsInFolder(path.dirname(extra.path))) all.add(f);
    all.delete(extra.path);
  }
  return [...all];
}

/**
 * Summary of the draft at `abs` for the index; undefined when it cannot be read, decoded or parsed.
 * `onBytes` sees the bytes of a .md/.txt draft it is made from (--cache keys it by them), and their stat
 * when they are the whole file; a summary it returns is used as is.
 */
export function summarizeFile(abs: string, onBytes?: (bytes: Buffer, stat?: fs.Stats) => DraftSummary | undefined, reads?: ReadMemo): DraftSummary | undefined {
  if (isSourcePath(abs)) return summarizeSourceFile(abs);
  const got = readBytes(abs, false, true, reads, true);
  if (got.kind === 'error') return undefined;
  // A summary known by the bytes (--cache) needs no decoding.
  const known = onBytes?.(got.bytes, got.whole ? got.stat : undefined);
  if (known) return known;
  const r = decodeRead(got, false);
  if (r.kind !== 'text') return undefined;
  try {
    return summarizeText(r.decoded.text, abs);
  } catch {
    // reported in pass 2 (for linted files); folder-mates that break the parser are left out
    return undefined;
  }
}

/**
 * Pass 1: the index of drafts — see indexedFiles — plus `extra` (stdin with --stdin-filename). With
 * `keepDocs`, big linted drafts are parsed and kept for pass 2 (within budget).
 */
export function buildIndex(files: readonly string[], ctx: RunContext, extra?: { path: string; text: string }, opts: { keepDocs?: boolean } = {}): IndexPass {
  const keepDocs = opts.keepDocs ?? true;
  const cache = new Map<string, ZwgkDocument>();
  const summaries: DraftSummary[] = [];
  const linted = new Set(files);
  const all = indexedFiles(files, extra);
  let cached = 0;
  let done = 0;
  /** --cache: the files with a summary, in order (their summaries are in the cache). */
  const inIndex: string[] = [];
  ctx.progress?.start('建立文稿索引', all.length);
  for (const abs of all) {
    ctx.progress?.update(done++);
    if (ctx.cache) {
      // Summaries of unchanged drafts come from the cache: of those whose stat is unchanged, the stored
      // line, parsed only if a result needs the index (see cache.ts); no draft is parsed ahead (most
      // results will come from the cache too).
      const cache = ctx.cache;
      if (cache.summaryLineKnown(abs)) {
        inIndex.push(abs);
        continue;
      }
      const s = cache.summaryHit(abs) ?? summarizeFile(abs, (bytes, stat) => cache.summaryFor(abs, bytes, stat), ctx.reads);
      if (s) {
        inIndex.push(abs);
        cache.addSummary(abs, s);
      }
      continue;
    }
    if (!keepDocs || !linted.has(abs) || isSourcePath(abs)) {
      const s = summarizeFile(abs, undefined, ctx.reads);
      if (s) summaries.push(s);
      continue;
    }
    const r = readDraft(abs, { reads: ctx.reads, keep: true });
    if (r.kind !== 'text') continue;
    const text = r.decoded.text;
    try {
      if (text.length >= BIG_DRAFT_CHARS && (cached === 0 || cached + text.length <= DOC_CACHE_CHARS)) {
        const doc = new ZwgkDocument(text, abs);
        summaries.push(summarize(doc, abs));
        cache.set(abs, doc);
        cached += text.length;
      } else {
        summaries.push(summarizeText(text, abs));
      }
    } catch {
      // reported in pass 2
    }
  }
  if (extra) {
    try {
      summaries.push(summarizeText(extra.text, extra.path));
    } catch {
      // reported when linting it
    }
  }
  ctx.progress?.clear();
  if (ctx.cache) {
    // Built only when asked for (a result not checked against this very index, a file to lint).
    const store = ctx.cache;
    if (!extra) store.setIndexKey(inIndex, ctx.roots ?? []);
    const rest = summaries.splice(0);
    let index: DraftIndex | undefined;
    return {
      get index() {
        if (!index) {
          for (const f of inIndex) {
            const s = store.summaryOf(f);
            if (s) summaries.push(s);
          }
          summaries.push(...rest);
          index = indexFrom(summaries, ctx.roots);
        }
        return index;
      },
      cache,
      summaries,
    };
  }
  return { index: indexFrom(summaries, ctx.roots), cache, summaries };
}

/** A DraftIndex rebuilt from the summaries of pass 1 (in a worker thread): the same as the original. */
export function indexFrom(summaries: readonly DraftSummary[], roots: readonly string[] | undefined): DraftIndex {
  const index = new DraftIndex({ root: roots ?? [] });
  index.load(summaries);
  return index;
}

function messagesOf(doc: ZwgkDocument, messages: readonly LintMessage[]): CliMessage[] {
  return messages.map((m) => toCliMessage(m, doc));
}

export function internalMessage(e: unknown): CliMessage {
  const detail = ((e as Error)?.message ?? String(e)).slice(0, 200);
  return fileMessage(`检查这份文稿时出错（zwgk 内部错误），已跳过：${detail}`, 'internal-error', {
    source: 'zwgk', id: '内部错误', summary: true, text: '规则出错不影响其他规则的检查结果；请把出错的文稿片段反馈给维护者。',
  });
}

interface LintedText {
  messages: CliMessage[];
  /** The fixed text, when --fix changed it. */
  fixedText?: string;
  fixedCount: number;
  document: ZwgkDocument;
}

/** Lints (and with ctx.fix, fixes) one decoded text. Throws only on an engine crash. */
function lintDecoded(text: string, filePath: string | undefined, ctx: RunContext, index: DraftIndex, cachedDoc?: ZwgkDocument): LintedText {
  const config = ctx.configFor(filePath);
  const options = { rules: ctx.rules, config, index };
  let doc = cachedDoc ?? new ZwgkDocument(text, filePath);
  let messages = lintDocument(doc, options);
  if (!ctx.fix || !messages.some((m) => m.fix)) return { messages: messagesOf(doc, messages), fixedCount: 0, document: doc };
  // What the core's fixText does (apply non-overlapping fixes, re-lint, at most 10 passes), starting from
  // the lint just done instead of parsing the text once more.
  let current = text;
  let fixed = 0;
  for (let pass = 0; pass < 10; pass++) {
    const fixes = messages.flatMap((m) => (m.fix ? [m.fix] : []));
    if (fixes.length === 0) break;
    const { text: next, applied } = applyFixes(current, fixes);
    if (applied.length === 0 || next === current) break;
    fixed += applied.length;
    current = next;
    doc = new ZwgkDocument(current, filePath);
    messages = lintDocument(doc, options);
  }
  const out = messagesOf(doc, messages);
  return current === text ? { messages: out, fixedCount: 0, document: doc } : { messages: out, fixedText: current, fixedCount: fixed, document: doc };
}

/** Pass 2 for one file on disk. Returns undefined for skipped (binary) files. */
export function lintFile(abs: string, ctx: RunContext, index: DraftIndex, cachedDoc?: ZwgkDocument): FileResult | undefined {
  if (isSourcePath(abs) || unsupportedFormatMessage(abs)) {
    try {
      return lintSourceFile(abs, ctx, index);
    } catch (e) {
      return makeResult(abs, [internalMessage(e)], { fatal: true, ...(ctx.fix ? { fixedCount: 0 } : {}) });
    }
  }
  const r = readDraft(abs, { fix: ctx.fix, reads: ctx.reads });
  if (r.kind === 'binary') {
    ctx.notice(`${ctx.display(abs)} 是二进制文件，已跳过`);
    return undefined;
  }
  if (r.kind === 'error') return makeResult(abs, [fileMessage(r.message)], { fatal: true, ...(ctx.fix ? { fixedCount: 0 } : {}) });
  const { text, encoding, bom } = r.decoded;
  // A cached document is only valid for the very text just read.
  const doc = cachedDoc && cachedDoc.text === text ? cachedDoc : undefined;
  const extra = { encoding, bom, ...(ctx.fix ? { fixedCount: 0 } : {}) };
  let linted: LintedText;
  try {
    linted = lintDecoded(text, abs, ctx, index, doc);
  } catch (e) {
    return makeResult(abs, [internalMessage(e)], { ...extra, fatal: true });
  }
  if (linted.fixedText === undefined) return remember(ctx, abs, r.bytes, text, linted.document, index, makeResult(abs, linted.messages, extra));

  const bytes = encodeExact(linted.fixedText, encoding, bom);
  let problem: string | undefined;
  if (!bytes) problem = `修复后的文本无法用原编码 ${describeEncoding(encoding, bom)} 保存，未修改`;
  else {
    try {
      writeFileAtomic(abs, bytes, { expected: r.stamp, original: r.bytes, roots: ctx.roots });
    } catch (e) {
      problem = `写入失败，未修改：${(e as Error).name === 'CliError' ? (e as Error).message : errnoText(e)}`;
    }
  }
  if (problem) {
    // Nothing was written: report the problems of the text as it is on disk.
    let original: CliMessage[];
    try {
      original = lintDecoded(text, abs, { ...ctx, fix: false }, index).messages;
    } catch (e) {
      original = [internalMessage(e)];
    }
    return makeResult(abs, [fileMessage(problem), ...original], { ...extra, fatal: true });
  }
  return remember(ctx, abs, bytes!, linted.fixedText, linted.document, index, makeResult(abs, linted.messages, { ...extra, fixedCount: linted.fixedCount }));
}

/** With --cache, hands the cache line of a completely checked file to `ctx.onCacheLine`; returns `result`. */
function remember(ctx: RunContext, abs: string, bytes: Uint8Array, text: string, doc: ZwgkDocument, index: DraftIndex, result: FileResult): FileResult {
  if (ctx.onCacheLine && cacheable(result)) {
    ctx.onCacheLine(abs, resultLine(abs, contentHash(bytes), ctx.configFor(abs), index, summaryOf(doc), text, result));
  }
  return result;
}

/** --cache, pass 1 in the main thread: the cached summary of the draft at `abs` if its bytes are unchanged. */
export function cachedSummary(abs: string, cache: LintCache): DraftSummary | undefined {
  const known = cache.summaryKnown(abs);
  if (known) return known;
  // Regular files only, without blocking: whoever reads it next reports anything else.
  const read = readBounded(abs, { maxBytes: MAX_DRAFT_BYTES });
  if (read.kind !== 'ok') return undefined;
  try {
    return cache.summaryFor(abs, read.bytes, read.stat);
  } catch {
    return undefined;
  }
}

/**
 * Drafts (bytes) below which `--concurrency auto` lints in one thread. Starting a worker — loading zwgk,
 * warming up its compiler, rebuilding the index — and passing results between threads cost more than
 * the cores save on small runs.
 */
export const WORKER_MIN_BYTES = 32 * 1024 * 1024;
/**
 * Free cores needed for workers. Measured on the 2-vCPU machine this is developed on (bench/suites/cli.js
 * and scale.js): with 1,000 drafts (10 MB) two workers save no wall time for about 25 % more CPU; with
 * 10,000 drafts (100 MB) they once took 9 % longer (2026-12-02) and once, on an idle machine, 26 % less
 * wall time (2026-12-03) — CPU per draft, what a shared runner pays, is higher either way. The two vCPUs
 * share one core's resources; with three free cores each worker has one of its own.
 */
export const WORKER_MIN_FREE_CORES = 3;

/**
 * Worker threads for `--concurrency auto`: none for 50 files or fewer, with fewer than
 * WORKER_MIN_FREE_CORES cores free (`load`: the 1-minute load average — on a busy machine workers only
 * compete for the same cores), or under WORKER_MIN_BYTES of drafts (`bytes`, or a function giving them);
 * else one per free core, at most 8 and one per 25 files.
 */
export function autoThreads(count: number, cpus: number, bytes: number | (() => number) = Infinity, load = 0): number {
  if (count <= 50) return 0;
  const free = Math.round(cpus - load);
  if (free < WORKER_MIN_FREE_CORES) return 0;
  // Sized last: a stat of every file is only worth it when the rest allows workers.
  if ((typeof bytes === 'function' ? bytes() : bytes) < WORKER_MIN_BYTES) return 0;
  return Math.min(free, Math.ceil(count / 25), 8);
}

/** Size of the files (what a stat says; a file that cannot be stat'ed counts nothing). */
export function totalBytes(files: readonly string[]): number {
  let sum = 0;
  for (const f of files) {
    try {
      sum += fs.statSync(f).size;
    } catch {
      // reported when linted
    }
  }
  return sum;
}

/**
 * Lints every file (pass 1 + pass 2), handing each result to `onResult` in file order as soon as it is
 * ready (the caller writes it out and drops it; awaiting lets output back-pressure slow the run down).
 * From worker threads set up with `workerSetup.output`, a result comes formatted: `body` is its output
 * (UTF-8) and its `messages` are left out (the counts are kept).
 */
export async function lintFiles(files: readonly string[], ctx: RunContext, onResult: (r: FileResult, body?: Uint8Array) => void | Promise<void>): Promise<void> {
  let threads = Math.min(ctx.threads ?? 0, files.length);
  // With --cache, threads only for what is left to lint (starting them costs more than a few files do).
  if (threads >= 1 && ctx.cache) threads = Math.min(threads, autoThreads(ctx.cache.changedCount(files, ctx.configFor), threads));
  if (threads >= 1 && ctx.workerSetup) {
    // Loaded lazily: a sequential run never touches worker_threads.
    const { lintInWorkers } = await import('./parallel');
    return lintInWorkers(files, ctx, threads, ctx.workerSetup, onResult);
  }
  // `pass.index` is built when first needed (with --cache, maybe never).
  const pass = buildIndex(files, ctx);
  const { cache } = pass;
  ctx.progress?.start(ctx.fix ? '检查并修复' : '检查', files.length);
  let done = 0;
  for (const abs of files) {
    ctx.progress?.update(done++);
    const doc = cache.get(abs);
    cache.delete(abs);
    const hit = ctx.cache?.resultFor(abs, ctx.configFor(abs), () => pass.index, ctx.fix);
    const r = hit ? hit.result : lintFile(abs, ctx, pass.index, doc);
    if (r) {
      ctx.progress?.clear();
      await onResult(r, hit?.body);
    }
  }
  ctx.progress?.clear();
}

export interface StdinOutcome {
  result: FileResult;
  /** With --fix: the bytes to print (the fixed text, or the input unchanged). */
  output?: Buffer;
  binary?: boolean;
}

/** Lints text from stdin; `filePath` (from --stdin-filename) decides the format, the config and the folder. */
export function lintStdin(input: Buffer, filePath: string | undefined, ctx: RunContext): StdinOutcome {
  const shownPath = filePath ?? '<stdin>';
  const sourceFormat = sourceFormatOf(filePath);
  if (sourceFormat) return lintSourceStdin(sourceFormat, input, filePath!, ctx);
  const decoded = decode(input);
  const passthrough = ctx.fix ? input : undefined;
  if (decoded.kind === 'binary') {
    ctx.notice('标准输入是二进制内容，已跳过');
    return { result: makeResult(shownPath, []), output: passthrough, binary: true };
  }
  if (decoded.kind === 'undecodable') {
    return { result: makeResult(shownPath, [fileMessage(`${ctx.fix ? '无法识别编码，未修改' : '无法识别编码，未检查'}：${decoded.reason}`)], { fatal: true }), output: passthrough };
  }
  const { index } = filePath ? buildIndex([], ctx, { path: filePath, text: decoded.text }) : { index: new DraftIndex({ root: ctx.roots ?? [] }) };
  const extra = { encoding: decoded.encoding, bom: decoded.bom, ...(ctx.fix ? { fixedCount: 0 } : {}) };
  let linted: LintedText;
  try {
    linted = lintDecoded(decoded.text, filePath, ctx, index);
  } catch (e) {
    return { result: makeResult(shownPath, [internalMessage(e)], { ...extra, fatal: true }), output: passthrough };
  }
  if (linted.fixedText === undefined) return { result: makeResult(shownPath, linted.messages, extra), output: passthrough };
  const bytes = encodeExact(linted.fixedText, decoded.encoding, decoded.bom);
  if (!bytes) {
    const original = lintDecoded(decoded.text, filePath, { ...ctx, fix: false }, index).messages;
    const msg = fileMessage(`修复后的文本无法用原编码 ${describeEncoding(decoded.encoding, decoded.bom)} 输出，未修改`);
    return { result: makeResult(shownPath, [msg, ...original], { ...extra, fatal: true }), output: passthrough };
  }
  return { result: makeResult(shownPath, linted.messages, { ...extra, fixedCount: linted.fixedCount }), output: bytes };
}

/** stdin named .docx/.html by --stdin-filename: read, lint, map back; with --fix the input is printed unchanged. */
function lintSourceStdin(format: 'docx' | 'html', input: Buffer, filePath: string, ctx: RunContext): StdinOutcome {
  const output = ctx.fix ? input : undefined;
  const r = readSourceBytes(format, input);
  if (r.kind === 'error') return { result: makeResult(filePath, [fileMessage(r.message)], { fatal: true }), output };
  try {
    const { index } = buildIndex([], ctx, { path: filePath, text: r.src.text });
    return { result: lintSourceText(r.src, filePath, filePath, ctx, index), output };
  } catch (e) {
    return { result: makeResult(filePath, [internalMessage(e)], { fatal: true }), output };
  }
}
