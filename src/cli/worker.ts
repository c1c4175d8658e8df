/**
 * The worker-thread side of a parallel run (see parallel.ts). A worker runs the same bundle as the CLI;
 * it rebuilds the run context from plain data — the config loader from the command-line options (data
 * files only, already validated by the main thread) and the DraftIndex from the summaries of pass 1,
 * sent once — then lints (and with --fix, fixes and writes) the files it is handed, one at a time, in
 * the order it gets them, and posts each result back with the notices it produced.
 */
import * as path from 'node:path';
import { parentPort } from 'node:worker_threads';
import { ALL_RULES, type Clause, type DraftIndex, type DraftSummary, type RawConfig } from '../core';
import { ConfigLoader } from './config-loader';
import { indexFrom, internalMessage, lintFile, summarizeFile, type RunContext } from './runner';
import { makeResult, type FileResult } from './results';
import { contentHash } from './cache';
import { displayPath } from './text';
import { formatContext, formatterFor, type FormatName, type FormatOptions } from './formatters';
import { bodyText } from './formatters/types';

/** What a worker is started with (structured-cloned into `workerData`). */
export interface WorkerSetup {
  cwd: string;
  /** `--config FILE` */
  configFile?: string;
  /** false with --no-config-lookup */
  lookup: boolean;
  /** The `--rule` settings. */
  cliLayer?: RawConfig;
  fix: boolean;
  roots: string[];
  /**
   * When given, the worker formats each result itself and sends the text (`body`, as UTF-8 bytes handed
   * over without a copy, which the main thread writes as they are) with the counts only,
   * which costs far less to move between threads than the messages.
   */
  output?: { format: FormatName; options: FormatOptions };
  /** --cache: summaries come with the hash of their bytes, results with their cache line. */
  cache?: boolean;
}

export const WORKER_MARK = 'zwgk-lint-worker';

export interface WorkerData {
  mark: typeof WORKER_MARK;
  setup: WorkerSetup;
}

export type ToWorker =
  /** Pass 1: summaries of these drafts (null for one that cannot be read or parsed), in order. */
  | { type: 'summarize'; id: number; files: string[] }
  /** The index, once, before any `lint`. */
  | { type: 'index'; summaries: DraftSummary[] }
  /** Pass 2: lint (and with --fix, fix and write) one file. */
  | { type: 'lint'; id: number; file: string };

export type FromWorker =
  /** Sent once the bundle is loaded and the worker listens. */
  | { type: 'ready' }
  | { type: 'summaries'; id: number; summaries: (DraftSummary | null)[]; hashes?: (string | null)[] }
  /**
   * `result` is absent for a skipped (binary) file. Its messages' clauses are numbers into the worker's
   * clause table, whose new entries come in `clauses` (the same few clause texts are not copied for every
   * message: that copying was the biggest cost of moving results between threads).
   */
  | { type: 'result'; id: number; result?: FileResult; body?: Uint8Array; notices: string[]; clauses: Clause[]; cacheLine?: string };

/** Clauses a worker numbers (rules use a few dozen; anything beyond is sent as is). */
const MAX_CLAUSES = 4096;

/** Replaces the clauses of `result` by their number in `table`; returns the clauses new to it. */
export function packClauses(result: FileResult | undefined, table: Map<Clause, number>): Clause[] {
  const added: Clause[] = [];
  if (!result) return added;
  for (const m of result.messages) {
    let n = table.get(m.clause);
    if (n === undefined && table.size < MAX_CLAUSES) {
      n = table.size;
      table.set(m.clause, n);
      added.push(m.clause);
    }
    if (n !== undefined) (m as { clause: Clause | number }).clause = n;
  }
  return added;
}

/** The inverse of packClauses, in the main thread (`table` collects the worker's `clauses`). */
export function unpackClauses(result: FileResult | undefined, added: readonly Clause[], table: Clause[]): void {
  table.push(...added);
  if (!result) return;
  for (const m of result.messages) {
    const c = m.clause as Clause | number;
    if (typeof c === 'number') m.clause = table[c];
  }
}

export function isWorkerData(data: unknown): data is WorkerData {
  return typeof data === 'object' && data !== null && (data as WorkerData).mark === WORKER_MARK;
}

/** Runs the worker loop on `parentPort` (returns at once; the port keeps the thread alive). */
export function startWorker(data: WorkerData): void {
  const port = parentPort;
  if (!port) throw new Error('startWorker: not in a worker thread');
  const { setup } = data;
  let index: DraftIndex | undefined;
  let loader: ConfigLoader | undefined;
  const notices: string[] = [];
  const clauses = new Map<Clause, number>();
  const utf8 = new TextEncoder();
  const format = setup.output && formatterFor(setup.output.format);
  const fctx = setup.output && formatContext(setup.output.options);
  const ctx: RunContext = {
    rules: ALL_RULES,
    configFor: (file) => {
      loader ??= new ConfigLoader({ rules: ALL_RULES, cwd: setup.cwd, configFile: setup.configFile, lookup: setup.lookup, cliLayer: setup.cliLayer });
      return loader.configFor(file ?? path.join(setup.cwd, '<stdin>'));
    },
    fix: setup.fix,
    display: (file) => displayPath(file, setup.cwd),
    notice: (message) => notices.push(message),
    roots: setup.roots,
  };
  let cacheLine: string | undefined;
  if (setup.cache) ctx.onCacheLine = (_file, line) => (cacheLine = line);
  port.on('message', (msg: ToWorker) => {
    if (msg.type === 'index') {
      index = indexFrom(msg.summaries, setup.roots);
      return;
    }
    if (msg.type === 'summarize') {
      const hashes: (string | null)[] = [];
      const summaries = msg.files.map((f, i) => {
        hashes[i] = null;
        return summarizeFile(f, setup.cache ? (bytes) => void (hashes[i] = contentHash(bytes)) : undefined) ?? null;
      });
      port.postMessage({ type: 'summaries', id: msg.id, summaries, ...(setup.cache ? { hashes } : {}) } satisfies FromWorker);
      return;
    }
    let result: FileResult | undefined;
    cacheLine = undefined;
    try {
      if (!index) throw new Error('worker got a file before the index');
      result = lintFile(msg.file, ctx, index);
    } catch (e) {
      // lintFile turns every per-file failure into a result; this is a last resort.
      result = makeResult(msg.file, [internalMessage(e)], { fatal: true, ...(setup.fix ? { fixedCount: 0 } : {}) });
    }
    let body: Uint8Array | undefined;
    if (result && format && fctx) {
      // A fresh buffer (not Buffer's shared pool), so that it can be transferred.
      body = utf8.encode(bodyText(format, result, fctx));
      result = { ...result, messages: [] };
    }
    const added = packClauses(result, clauses);
    const reply: FromWorker = { type: 'result', id: msg.id, result, body, notices: notices.splice(0), clauses: added, ...(cacheLine !== undefined ? { cacheLine } : {}) };
    port.postMessage(reply, body ? [body.buffer as ArrayBuffer] : []);
  });
  port.postMessage({ type: 'ready' } satisfies FromWorker);
}
