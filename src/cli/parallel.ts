/**
 * A parallel run: both passes in a pool of worker threads, so that every core is used on large runs.
 *
 * - Pass 1: the drafts to index are summarised by the workers in chunks; the main thread puts the
 *   summaries back in file order (the index is the same as a one-thread run builds) and sends them to
 *   every worker once, as plain data; each worker rebuilds the DraftIndex from them.
 * - Pass 2: files are handed out in order, a few at a time per worker, never more than a fixed window
 *   ahead of the output, so results waiting to be written stay few. Results are written strictly in
 *   file order: the output (stdout, and notices on stderr) is byte-for-byte that of a one-thread run.
 * - With --fix, each file is handed to exactly one worker, which writes it atomically (temp file +
 *   rename) before reporting; the main thread never writes drafts.
 * - A worker that dies (out of memory on a monstrous draft, say) costs only the file it was on: that
 *   file gets an internal-error result, its other files go to a fresh worker. When workers cannot start
 *   at all, the main thread does the rest itself.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import * as v8 from 'node:v8';
import type { Clause, DraftIndex, DraftSummary } from '../core';
import { cachedSummary, indexFrom, indexedFiles, internalMessage, lintFile, summarizeFile, type RunContext } from './runner';
import { onSignalStop } from './write';
import { contentHash } from './cache';
import { makeResult, type FileResult } from './results';
import { WORKER_MARK, unpackClauses, type FromWorker, type ToWorker, type WorkerData, type WorkerSetup } from './worker';

/** Jobs handed to one worker before it reports back (hides the message latency). */
const PER_WORKER = 4;
/** How far ahead of the output files may be handed out, per worker. */
const WINDOW_PER_WORKER = 16;
/**
 * Young generation of a worker: parsing a draft allocates a tree that lives until the draft is linted,
 * and with 16 MB the scavenger copied (and promoted) it several times per draft — about a fifth more CPU
 * than linting in the main thread. 32 MB costs as little CPU as the main thread does.
 */
const YOUNG_GENERATION_MB = 32;
const OLD_GENERATION_MB = 160;
/**
 * Drafts this big are linted in the main thread when their turn comes: their output (several times
 * their size) is then written piece by piece instead of crossing threads as one string.
 */
const MAIN_THREAD_BYTES = 2 * 1024 * 1024;

function isBig(file: string): boolean {
  try {
    return fs.statSync(file).size >= MAIN_THREAD_BYTES;
  } catch {
    return false; // reported by whoever reads it
  }
}

/**
 * When the workers take every core, V8's background compiler threads only compete with them (and each
 * worker compiles the same code again): compiling on the worker's own thread costs less CPU in all. The
 * flag is read when an isolate starts, so it applies to the workers started after it, not to this thread.
 */
function compileInWorkers(threads: number): void {
  if (threads < os.availableParallelism()) return;
  try {
    v8.setFlagsFromString('--no-concurrent-recompilation');
  } catch {
    // an engine without the flag: nothing to gain
  }
}

type JobMessage = Extract<ToWorker, { id: number }>;
type Reply = Extract<FromWorker, { id: number }>;

interface Job {
  msg: JobMessage;
  done(reply: Reply): void;
  /** The worker died holding the job; `culprit`: it died while working on it. */
  lost(culprit: boolean, err: Error): void;
}

interface Slot {
  worker: Worker;
  /** Jobs handed to the worker and not yet answered, in order (a worker does its jobs in order). */
  outstanding: Job[];
  alive: boolean;
  ready: boolean;
  /** The worker's clause table (see packClauses). */
  clauses: Clause[];
}

/** The script a worker runs: this bundle (dist/cli.js), or main.ts through tsx when run from source. */
function workerEntry(): { file: string; execArgv?: string[] } {
  if (!__filename.endsWith('.ts')) return { file: __filename };
  const req = require; // not bundled: only reached when running from TypeScript sources
  return { file: path.join(__dirname, 'main.ts'), execArgv: [...process.execArgv, '--require', req.resolve('tsx/cjs')] };
}

/** A fixed-size pool of lint workers with a job queue; replaces workers that die. */
class Pool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private readonly entry = workerEntry();
  private readonly data: WorkerData;
  private broadcast: ToWorker[] = [];
  private respawns = 0;
  private closed = false;
  /** Workers could not start: the caller does the work itself. */
  failed = false;
  /** Called after every reply or death (the caller re-checks what it waits for). */
  onEvent: () => void = () => undefined;

  /** Unregisters close() from the signal handlers (write.ts). */
  private readonly unregister: () => void;

  constructor(setup: WorkerSetup, private readonly size: number, private readonly maxRespawns: number) {
    this.data = { mark: WORKER_MARK, setup };
    // On Ctrl-C the workers end (none respawned) before the temporary files are swept.
    this.unregister = onSignalStop(() => this.close());
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  /** Sends `msg` to every worker, now and to any worker started later. */
  toAll(msg: ToWorker): void {
    this.broadcast.push(msg);
    for (const s of this.slots) if (s.alive) s.worker.postMessage(msg);
  }

  submit(job: Job): void {
    this.queue.push(job);
    this.pump();
  }

  /** Jobs queued or handed out. */
  get pending(): number {
    return this.queue.length + this.slots.reduce((n, s) => n + s.outstanding.length, 0);
  }

  /** Takes back the jobs not handed out yet (after `failed`). */
  drain(): Job[] {
    return this.queue.splice(0);
  }

  private pump(): void {
    if (this.closed || this.failed) return;
    for (let progress = true; progress && this.queue.length; ) {
      progress = false;
      for (const slot of this.slots) {
        if (!slot.alive || slot.outstanding.length >= PER_WORKER || !this.queue.length) continue;
        const job = this.queue.shift()!;
        slot.outstanding.push(job);
        slot.worker.postMessage(job.msg);
        progress = true;
      }
    }
  }

  private spawn(): Slot {
    const worker = new Worker(this.entry.file, {
      workerData: this.data, execArgv: this.entry.execArgv, stdout: false, stderr: false,
      // A smaller old generation than the default: the same speed, and memory stays flat over a 10,000-draft run (V8
      // otherwise lets a busy heap grow to hundreds of MB of garbage). Drafts big enough to need more are
      // linted in the main thread (MAIN_THREAD_BYTES); a worker that runs out anyway hands its file back.
      resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB, maxOldGenerationSizeMb: OLD_GENERATION_MB },
    });
    const slot: Slot = { worker, outstanding: [], alive: true, ready: false, clauses: [] };
    worker.on('message', (msg: FromWorker) => {
      if (msg.type === 'ready') {
        slot.ready = true;
        return;
      }
      const i = slot.outstanding.findIndex((j) => j.msg.id === msg.id);
      if (i < 0) return;
      const [job] = slot.outstanding.splice(i, 1);
      if (msg.type === 'result') unpackClauses(msg.result, msg.clauses, slot.clauses);
      job.done(msg);
      this.pump();
      this.onEvent();
    });
    const died = (err: Error) => {
      if (!slot.alive) return;
      slot.alive = false;
      const lost = slot.outstanding.splice(0);
      if (!slot.ready) {
        // It never started: the work goes back to the caller.
        this.failed = true;
        this.queue.unshift(...lost);
      } else {
        lost.forEach((job, i) => job.lost(i === 0, err));
        if (!this.closed && this.respawns < this.maxRespawns) {
          this.respawns++;
          this.slots[this.slots.indexOf(slot)] = this.spawn();
        }
      }
      this.pump();
      this.onEvent();
    };
    worker.on('error', died);
    worker.on('exit', (code) => died(new Error(`退出码 ${code}`)));
    for (const msg of this.broadcast) worker.postMessage(msg);
    return slot;
  }

  /** True when no live worker is left to do queued work. */
  get stalled(): boolean {
    return !this.slots.some((s) => s.alive);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.unregister();
    for (const s of this.slots) s.alive = false;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}

export async function lintInWorkers(
  files: readonly string[],
  ctx: RunContext,
  threads: number,
  setup: WorkerSetup,
  onResult: (r: FileResult, body?: Uint8Array) => void | Promise<void>,
): Promise<void> {
  compileInWorkers(threads);
  const pool = new Pool(setup, threads, files.length);
  let wake: (() => void) | undefined;
  pool.onEvent = () => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  const nextEvent = () => new Promise<void>((resolve) => (wake = resolve));
  let nextId = 0;
  try {
    // Pass 1: summaries, in chunks, put back in file order. With --cache, those of unchanged drafts come
    // from the cache and only the others (`todo`) go to the workers.
    const all = indexedFiles(files);
    const cache = ctx.cache;
    const known = cache ? all.map((f) => cache.summaryHit(f) ?? cachedSummary(f, cache)) : [];
    const todo = cache ? all.filter((_, i) => !known[i]) : all;
    const chunk = Math.max(16, Math.min(256, Math.ceil(todo.length / (threads * 4))));
    const parts: (DraftSummary | null)[][] = [];
    let partsDone = 0;
    const got = (i: number, summaries: (DraftSummary | null)[], hashes: readonly (string | null)[] | undefined) => {
      parts[i] = summaries;
      partsDone++;
      if (cache && hashes) summaries.forEach((s, k) => s && hashes[k] && cache.addSummary(todo[i * chunk + k], s, hashes[k]!));
    };
    const summarizeHere = (i: number) => {
      const hashes: (string | null)[] = [];
      const summaries = todo.slice(i * chunk, (i + 1) * chunk).map((f, k) => {
        hashes[k] = null;
        return summarizeFile(f, (bytes) => void (hashes[k] = contentHash(bytes))) ?? null;
      });
      got(i, summaries, hashes);
    };
    ctx.progress?.start('建立文稿索引', all.length);
    const chunks = Math.ceil(todo.length / chunk);
    for (let i = 0; i < chunks; i++) {
      pool.submit({
        msg: { type: 'summarize', id: nextId++, files: todo.slice(i * chunk, (i + 1) * chunk) },
        done: (reply) => {
          if (reply.type === 'summaries') got(i, reply.summaries, reply.hashes);
        },
        lost: () => summarizeHere(i),
      });
    }
    while (partsDone < chunks) {
      if (pool.failed || pool.stalled) {
        for (const job of pool.drain()) job.lost(false, new Error('no worker'));
        if (pool.pending === 0 || pool.stalled) {
          for (let i = 0; i < chunks; i++) if (!parts[i]) summarizeHere(i);
          break;
        }
      }
      ctx.progress?.update(Math.min(all.length, partsDone * chunk));
      await nextEvent();
    }
    const fresh = parts.flat();
    let next = 0;
    const summaries = (cache ? all.map((_, i) => known[i] ?? fresh[next++]) : fresh).filter((s): s is DraftSummary => !!s);
    ctx.progress?.clear();
    pool.toAll({ type: 'index', summaries });
    // The main thread's own index, for the files it lints itself (big drafts, a dead worker's files).
    let index: DraftIndex | undefined;

    // Pass 2: lint, results written in file order.
    const outcomes = new Map<number, { result?: FileResult; body?: Uint8Array; notices: string[] }>();
    const window = threads * WINDOW_PER_WORKER;
    let sent = 0;
    const here = new Set<number>();
    const lintHere = (seq: number) => {
      const notices: string[] = [];
      index ??= indexFrom(summaries, ctx.roots);
      const hit = cache?.resultFor(files[seq], ctx.configFor(files[seq]), index, ctx.fix);
      if (hit) return void outcomes.set(seq, { ...hit, notices });
      const result = lintFile(files[seq], { ...ctx, notice: (m) => notices.push(m) }, index);
      outcomes.set(seq, { result, notices });
    };
    const feed = (emitted: number) => {
      while (!pool.failed && sent < files.length && sent < emitted + window) {
        const seq = sent++;
        const hit = cache?.resultFor(files[seq], ctx.configFor(files[seq]), (index ??= indexFrom(summaries, ctx.roots)), ctx.fix);
        if (hit) {
          outcomes.set(seq, { ...hit, notices: [] });
          continue;
        }
        if (isBig(files[seq])) {
          here.add(seq);
          continue;
        }
        pool.submit({
          msg: { type: 'lint', id: nextId++, file: files[seq] },
          done: (reply) => {
            if (reply.type !== 'result') return;
            outcomes.set(seq, { result: reply.result, body: reply.body, notices: reply.notices });
            if (reply.cacheLine !== undefined) ctx.onCacheLine?.(files[seq], reply.cacheLine);
          },
          lost: (culprit, err) => {
            // Files the worker had not started, and the one it ran out of memory on, are linted here.
            if (!culprit || (err as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY') return void lintHere(seq);
            const crash = internalMessage(new Error(`检查线程意外退出（${err.message}）`));
            outcomes.set(seq, { result: makeResult(files[seq], [crash], { fatal: true, ...(ctx.fix ? { fixedCount: 0 } : {}) }), notices: [] });
          },
        });
      }
    };
    ctx.progress?.start(ctx.fix ? '检查并修复' : '检查', files.length);
    feed(0);
    for (let seq = 0; seq < files.length; seq++) {
      ctx.progress?.update(seq);
      if (here.delete(seq)) lintHere(seq);
      while (!outcomes.has(seq)) {
        if (pool.failed || pool.stalled) {
          // Jobs never handed out are done here, in order; a job a live worker holds is waited for.
          for (const job of pool.drain()) job.lost(false, new Error('no worker'));
          if (seq >= sent) {
            sent = seq + 1;
            lintHere(seq);
          }
          if (outcomes.has(seq)) break;
          if (pool.stalled) lintHere(seq);
          else await nextEvent();
          continue;
        }
        await nextEvent();
      }
      const outcome = outcomes.get(seq)!;
      outcomes.delete(seq);
      feed(seq + 1);
      for (const n of outcome.notices) ctx.notice(n);
      if (outcome.result) {
        ctx.progress?.clear();
        await onResult(outcome.result, outcome.body);
      }
    }
  } finally {
    await pool.close();
    ctx.progress?.clear();
  }
}
