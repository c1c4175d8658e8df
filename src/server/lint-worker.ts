/**
 * Linting off the request thread: the language server hands each draft's text to a worker thread, so a
 * document that takes long to check (a pathological list nesting, a huge paste) never stops the server
 * from answering — hovers, completion and the other documents' diagnostics go on. A lint that runs past
 * its time budget (or runs the worker out of memory) is stopped by ending the worker; the document gets
 * one clear diagnostic and a fresh worker takes the next job.
 *
 * The worker runs the same bundle as the server (`dist/server.js`, or a test server built from it), so
 * it has the same rules; `startServer()` sees `workerData` and runs `runLintWorker()` instead. It keeps
 * what does not change between jobs: the resolved configs (by id) and the workspace's draft index (sent
 * again only when it changed).
 */
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import {
  Calendar, DraftIndex, PieceCache, ZwgkDocument, lintDocument, redactPersonalData, summarize,
  type DocFormat, type DraftSummary, type LintMessage, type ResolvedConfig,
} from '../core';
import type { Range } from 'vscode-languageserver';
import type { Logger } from './log';

const MARK = 'zwgk-lint-worker';

/** A message as the worker returns it: its fix's range already in LSP terms (the text is not kept here). */
export interface WorkerMessage extends LintMessage {
  fixRange?: Range;
}

export interface LintRequest {
  text: string;
  filePath?: string;
  format: DocFormat;
  config: ResolvedConfig;
  index: DraftIndex;
}

export type LintOutcome =
  | { kind: 'done'; messages: WorkerMessage[]; summary?: DraftSummary; elapsed: number }
  | { kind: 'failed'; error: string; elapsed: number }
  /** Stopped after `ms` (time budget) or killed by running out of memory. */
  | { kind: 'stopped'; reason: 'timeout' | 'memory' | 'crash'; ms: number };

type ToWorker = {
  id: number;
  text: string;
  filePath?: string;
  format: DocFormat;
  configId: number;
  config?: ResolvedConfig;
  index?: { epoch: number; version: number; roots: string[]; summaries: DraftSummary[] };
};
type FromWorker =
  | { id: number; ok: true; messages: WorkerMessage[]; summary?: DraftSummary; elapsed: number }
  | { id: number; ok: false; error: string; elapsed: number };

let baseBudget = 10_000;
let msPerHundredThousand = 1000;

/** Time budget for one lint: 10 s, plus 1 s per 100,000 characters (a 1 MB draft gets 20 s). */
export function budgetFor(text: string): number {
  return baseBudget + Math.round((text.length / 100_000) * msPerHundredThousand);
}

/**
 * For test servers only (test/server/fixtures): a shorter base budget (and, optionally, per 100,000
 * characters). Nothing in a workspace reaches it.
 */
export function setBaseBudget(ms: number, perHundredThousand = 1000): void {
  baseBudget = ms;
  msPerHundredThousand = perHundredThousand;
}

export function isLintWorker(): boolean {
  return !isMainThread && !!workerData && (workerData as { mark?: string }).mark === MARK;
}

// ————————————————————————————— the worker side —————————————————————————————

export function runLintWorker(): void {
  const port = parentPort!;
  const configs = new Map<number, { config: ResolvedConfig; calendar: Calendar }>();
  let index = new DraftIndex();
  // The last parse of each recently linted document: an edit re-parses only the pieces it changed.
  const pieces = new Map<string, PieceCache>();
  const piecesOf = (key: string): PieceCache => {
    let c = pieces.get(key);
    if (c) pieces.delete(key);
    else c = new PieceCache();
    pieces.set(key, c);
    if (pieces.size > 16) pieces.delete(pieces.keys().next().value!);
    return c;
  };
  port.on('message', (job: ToWorker) => {
    const t0 = performance.now();
    try {
      if (job.config) {
        if (configs.size > 64) configs.clear();
        configs.set(job.configId, { config: job.config, calendar: new Calendar(job.config.calendar) });
      }
      if (job.index) {
        index = new DraftIndex({ root: job.index.roots });
        index.load(job.index.summaries);
      }
      const c = configs.get(job.configId);
      if (!c) throw new Error(`config ${job.configId} unknown to the worker`);
      const doc = new ZwgkDocument(job.text, job.filePath, job.format, job.format === 'markdown' ? piecesOf(job.filePath ?? '') : undefined);
      const messages: WorkerMessage[] = lintDocument(doc, { config: c.config, calendar: c.calendar, index }).map((m) => {
        if (!m.fix) return m;
        const a = doc.positionAt(m.fix.range[0]);
        const b = doc.positionAt(m.fix.range[1]);
        return { ...m, fixRange: { start: { line: a.line - 1, character: a.column - 1 }, end: { line: b.line - 1, character: b.column - 1 } } };
      });
      const summary = job.filePath ? summarize(doc, job.filePath) : undefined;
      port.postMessage({ id: job.id, ok: true, messages, summary, elapsed: performance.now() - t0 } satisfies FromWorker);
    } catch (e) {
      const error = redactPersonalData(((e as Error)?.message ?? String(e)).slice(0, 200));
      port.postMessage({ id: job.id, ok: false, error, elapsed: performance.now() - t0 } satisfies FromWorker);
    }
  });
}

// ————————————————————————————— the server side —————————————————————————————

interface Pending {
  id: number;
  req: LintRequest;
  configId: number;
  epoch: number;
  budget: number;
  resolve(o: LintOutcome): void;
}

const epochs = new WeakMap<DraftIndex, number>();
let nextEpoch = 1;

/** One worker thread, one job at a time, a time budget per job; replaced when it has to be stopped. */
export class LintWorker {
  private worker: Worker | undefined;
  private readonly queue: Pending[] = [];
  private current: (Pending & { timer: NodeJS.Timeout; started: number }) | undefined;
  private readonly configIds = new WeakMap<ResolvedConfig, number>();
  private nextConfigId = 1;
  /** Config ids and the index the current worker already holds. */
  private known = new Set<number>();
  private sentIndex = '';
  private nextId = 1;
  /** Set when the worker cannot start at all: the caller lints in its own thread. */
  failed = false;
  /** Restarts after a stopped job (for tests and status). */
  restarts = 0;

  constructor(
    private readonly log: Logger,
    private readonly entry: string,
    private readonly budget: (text: string) => number = budgetFor,
  ) {}

  lint(req: LintRequest): Promise<LintOutcome> {
    let configId = this.configIds.get(req.config);
    if (configId === undefined) {
      configId = this.nextConfigId++;
      this.configIds.set(req.config, configId);
    }
    let epoch = epochs.get(req.index);
    if (epoch === undefined) {
      epoch = nextEpoch++;
      epochs.set(req.index, epoch);
    }
    const job = { id: this.nextId++, req, configId, epoch, budget: this.budget(req.text) };
    return new Promise((resolve) => {
      this.queue.push({ ...job, resolve });
      this.pump();
    });
  }

  /** Ends the worker (server shutdown). */
  dispose(): void {
    const w = this.worker;
    this.worker = undefined;
    void w?.terminate().catch(() => undefined);
  }

  private spawn(): Worker | undefined {
    try {
      const w = new Worker(this.entry, {
        workerData: { mark: MARK },
        // No inspector flags from a debug server; a bounded heap, so that a monstrous draft ends the worker, not the server.
        execArgv: process.execArgv.filter((a) => !/^--inspect/.test(a)),
        resourceLimits: { maxOldGenerationSizeMb: 2048 },
        stdout: false,
        stderr: false,
      });
      w.on('message', (r: FromWorker) => this.onReply(w, r));
      w.on('error', (e) => this.onDeath(w, /memory|heap/i.test(String(e?.message)) ? 'memory' : 'crash', e));
      w.on('exit', () => this.onDeath(w, 'crash'));
      w.unref();
      this.known = new Set();
      this.sentIndex = '';
      return w;
    } catch (e) {
      this.failed = true;
      this.log.error('zwgk: 无法启动检查线程，改在主线程检查', e);
      return undefined;
    }
  }

  private pump(): void {
    if (this.current || this.queue.length === 0) return;
    if (!this.worker) this.worker = this.spawn();
    const w = this.worker;
    const job = this.queue.shift()!;
    if (!w) {
      job.resolve({ kind: 'failed', error: '检查线程无法启动', elapsed: 0 });
      return this.pump();
    }
    const { req } = job;
    const out: ToWorker = { id: job.id, text: req.text, filePath: req.filePath, format: req.format, configId: job.configId };
    if (!this.known.has(job.configId)) {
      out.config = req.config;
      this.known.add(job.configId);
    }
    const key = `${job.epoch}:${req.index.version}`;
    if (key !== this.sentIndex) {
      out.index = { epoch: job.epoch, version: req.index.version, roots: req.index.roots, summaries: [...req.index.all()] };
      this.sentIndex = key;
    }
    const started = performance.now();
    const timer = setTimeout(() => this.stop('timeout'), job.budget);
    this.current = { ...job, timer, started };
    try {
      w.postMessage(out);
    } catch (e) {
      clearTimeout(timer);
      this.current = undefined;
      job.resolve({ kind: 'failed', error: (e as Error).message, elapsed: 0 });
      this.pump();
    }
  }

  private onReply(w: Worker, r: FromWorker): void {
    const cur = this.current;
    if (w !== this.worker || !cur || cur.id !== r.id) return;
    clearTimeout(cur.timer);
    this.current = undefined;
    cur.resolve(r.ok ? { kind: 'done', messages: r.messages, summary: r.summary, elapsed: r.elapsed } : { kind: 'failed', error: r.error, elapsed: r.elapsed });
    this.pump();
  }

  /** The running job is over its budget: end the worker; the next job gets a fresh one. */
  private stop(reason: 'timeout' | 'memory' | 'crash'): void {
    const cur = this.current;
    const w = this.worker;
    this.worker = undefined;
    this.current = undefined;
    if (w) void w.terminate().catch(() => undefined);
    if (cur) {
      clearTimeout(cur.timer);
      this.restarts++;
      cur.resolve({ kind: 'stopped', reason, ms: Math.round(performance.now() - cur.started) });
    }
    this.pump();
  }

  private onDeath(w: Worker, reason: 'memory' | 'crash', e?: unknown): void {
    if (w !== this.worker) return; // already replaced (a stopped job's worker exiting)
    if (e) this.log.error('zwgk: 检查线程出错', e);
    this.stop(reason);
  }
}

/** The script a worker runs: this very bundle (see the file comment). */
export function workerEntry(): string {
  return __filename;
}
