/**
 * Lint messages → LSP diagnostics, and the scheduler that publishes them: debounced while typing,
 * immediate on open/save, one document at a time with a yield in between, and never for a version
 * older than the document's current one.
 */
import {
  DiagnosticSeverity, type Connection, type Diagnostic, type Range, type TextDocuments,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LintMessage, Severity, ZwgkDocument } from '../core';
import type { Analysis, Analyzer } from './documents';
import type { Logger } from './log';
import type { SettingsStore } from './settings';

import { ruleLink } from './rule-links';

/** The rule's page: the client's command, or the page shipped with the server (see rule-links.ts). */
export function docsUrl(ruleId: string): string {
  return ruleLink(ruleId);
}

export const SOURCE = 'zwgk';

/** A lint slower than this (ms) keeps requests from analysing that document in the server's own thread. */
export const SLOW_LINT_MS = 1500;

/** Documents longer than this (UTF-16 units) are linted on open and save only, not while typing. */
export const LARGE_DOCUMENT = 1_000_000;

export function isLarge(doc: TextDocument | undefined): boolean {
  return !!doc && doc.getText().length > LARGE_DOCUMENT;
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** `Diagnostic.data` of a zwgk diagnostic. */
export interface DiagnosticData {
  ruleId: string;
  /** Document version the diagnostic (and its fix) was computed for. */
  version: number;
  /** Offsets of the problem in that version (UTF-16). */
  start: number;
  end: number;
  /** The rule's fix, as an LSP edit on that version. */
  fix?: { range: Range; newText: string };
  /** The message's own structured data (e.g. `deadline`), when the rule gives any. */
  details?: Record<string, unknown>;
}

/** LSP range of document offsets, through the core's own line/column mapping (UTF-16, 0-based for LSP). */
export function offsetsToRange(doc: ZwgkDocument, start: number, end: number): Range {
  const a = doc.positionAt(start);
  const b = doc.positionAt(end);
  return { start: { line: a.line - 1, character: a.column - 1 }, end: { line: b.line - 1, character: b.column - 1 } };
}

/** A message as a diagnostic; its fix's range from the document, or given (a worker's message). */
export function toDiagnostic(m: LintMessage & { fixRange?: Range }, doc: ZwgkDocument | undefined, version: number): Diagnostic {
  const data: DiagnosticData = { ruleId: m.ruleId, version, start: m.start, end: m.end };
  const fixRange = m.fix ? (doc ? offsetsToRange(doc, m.fix.range[0], m.fix.range[1]) : m.fixRange) : undefined;
  if (m.fix && fixRange) data.fix = { range: fixRange, newText: m.fix.text };
  if (m.data) data.details = m.data;
  return {
    range: {
      start: { line: m.line - 1, character: m.column - 1 },
      end: { line: m.endLine - 1, character: m.endColumn - 1 },
    },
    severity: SEVERITY[m.severity] ?? DiagnosticSeverity.Warning,
    code: m.ruleId,
    codeDescription: { href: docsUrl(m.ruleId) },
    source: SOURCE,
    message: m.message,
    data,
  };
}

export function diagnosticsOf(a: Analysis): Diagnostic[] {
  if (!a.draft) return [];
  return a.messages.map((m) => toDiagnostic(m, a.document, a.version));
}

interface Published {
  version: number;
  generation: number;
  count: number;
}

/** The queue's state (`zwgk/serverStatus`): by construction one debounce timer and one queue entry per document at most. */
export type { SchedulerStats } from './protocol';
import type { SchedulerStats } from './protocol';

/** Publishes diagnostics for open documents. */
export class DiagnosticsScheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** URIs waiting to be linted, in order (a Set: one entry per document, never an unbounded queue). */
  private readonly pending = new Set<string>();
  /**
   * Documents being edited: linted before the background backlog (documents opened in bulk, re-lints
   * after a config change), so what the user types is checked next whatever else is waiting.
   */
  private readonly urgent = new Set<string>();
  /** Documents linted at least once since opened; those whose last lint was slow or stopped. */
  private readonly linted = new Set<string>();
  private readonly slow = new Map<string, 'slow' | 'stopped'>();
  private readonly waiters = new Map<string, (() => void)[]>();
  private readonly published = new Map<string, Published>();
  private draining = false;
  private readonly counters = { inFlight: 0, maxQueued: 0, maxInFlight: 0, runs: 0, published: 0 };
  /** Called after each publish (index updates). */
  onAnalyzed: (a: Analysis) => void = () => undefined;
  /** Awaited before each run (e.g. the first workspace indexing, so cross-document rules see the drafts). */
  gate: () => Promise<void> = () => Promise.resolve();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly analyzer: Analyzer,
    private readonly settings: SettingsStore,
    private readonly log: Logger,
  ) {}

  /**
   * Lint `uri` after `delay` ms (0: as soon as the queue gets to it); `urgent` puts it before the
   * background backlog. A newer call replaces an older one.
   */
  schedule(uri: string, delay: number, urgent = false): void {
    const t = this.timers.get(uri);
    if (t) clearTimeout(t);
    this.timers.delete(uri);
    if (delay <= 0) {
      this.enqueue(uri, urgent);
      return;
    }
    this.timers.set(uri, setTimeout(() => {
      this.timers.delete(uri);
      this.enqueue(uri, urgent);
    }, delay));
  }

  /**
   * While typing: debounced by `zwgk.debounce`; nothing with `zwgk.run: onSave`, nor for very large
   * documents (over LARGE_DOCUMENT characters: checked on open and save only, so typing stays smooth).
   */
  async changed(uri: string): Promise<void> {
    const s = await this.settings.get(uri);
    if (s.run === 'onSave') return;
    if (isLarge(this.documents.get(uri))) return;
    // Its last lint ran past its time budget: checked again on save, not on every keystroke.
    if (this.isStopped(uri)) return;
    this.schedule(uri, s.debounce, true);
  }

  /** Re-lint every open document (config, settings or index changed). */
  all(delay = 0): void {
    for (const d of this.documents.all()) this.schedule(d.uri, delay);
  }

  /** A closed document: drop its timers and clear what was published for it. */
  closed(uri: string, clear = true): void {
    this.linted.delete(uri);
    this.slow.delete(uri);
    for (const f of this.waiters.get(uri) ?? []) f();
    this.waiters.delete(uri);
    const t = this.timers.get(uri);
    if (t) clearTimeout(t);
    this.timers.delete(uri);
    this.pending.delete(uri);
    this.urgent.delete(uri);
    this.published.delete(uri);
    if (clear) void this.send(uri, undefined, []);
  }

  /** Forget what was published (e.g. a workspace lint published for this URI from disk). */
  forgetPublished(uri: string): void {
    this.published.delete(uri);
  }

  /** True while a lint for `uri` is waiting (debounce or queue). */
  isPending(uri: string): boolean {
    return this.timers.has(uri) || this.pending.has(uri) || this.urgent.has(uri);
  }

  stats(): SchedulerStats {
    const c = this.counters;
    return { timers: this.timers.size, queued: this.pending.size + this.urgent.size, inFlight: c.inFlight, maxQueued: c.maxQueued, maxInFlight: c.maxInFlight, runs: c.runs, published: c.published };
  }

  private enqueue(uri: string, urgent: boolean): void {
    if (urgent) {
      this.pending.delete(uri);
      this.urgent.add(uri);
    } else if (!this.urgent.has(uri)) this.pending.add(uri);
    this.counters.maxQueued = Math.max(this.counters.maxQueued, this.pending.size + this.urgent.size);
    if (!this.draining) void this.drain();
  }

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      while (this.pending.size > 0 || this.urgent.size > 0) {
        const from = this.urgent.size > 0 ? this.urgent : this.pending;
        const uri = from.values().next().value as string;
        from.delete(uri);
        const c = this.counters;
        c.inFlight++;
        c.runs++;
        c.maxInFlight = Math.max(c.maxInFlight, c.inFlight);
        try {
          await this.run(uri);
        } catch (e) {
          this.log.error(`zwgk: 检查 ${uri} 时出错`, e);
        } finally {
          c.inFlight--;
        }
        // Let requests (hover, completion, the next didChange) in between documents.
        await new Promise<void>((r) => setImmediate(r));
      }
    } finally {
      this.draining = false;
    }
  }

  /**
   * Whether requests (hover, code actions, completion) may analyse `uri` in the server's own thread: not
   * while its last lint was slow or had to be stopped. A document not linted yet is waited for (at most
   * `waitMs`), so that a pathological document just opened is never parsed here first.
   */
  async safeForRequests(uri: string, waitMs = 3000): Promise<boolean> {
    if (this.slow.has(uri)) return false;
    // Not linted yet (queued, or its lint is running right now): wait for it.
    if (!this.linted.has(uri)) {
      await new Promise<void>((resolve) => {
        const t = setTimeout(done, waitMs);
        const list = this.waiters.get(uri) ?? [];
        list.push(done);
        this.waiters.set(uri, list);
        function done() {
          clearTimeout(t);
          resolve();
        }
      });
      if (!this.linted.has(uri)) return false;
    }
    return !this.slow.has(uri);
  }

  /** True when the document's last lint had to be stopped: it is linted again on save, not while typing. */
  isStopped(uri: string): boolean {
    return this.slow.get(uri) === 'stopped';
  }

  private finished(uri: string, a: Analysis): void {
    this.linted.add(uri);
    if (a.stopped) this.slow.set(uri, 'stopped');
    else if (a.elapsed > SLOW_LINT_MS) this.slow.set(uri, 'slow');
    else this.slow.delete(uri);
    const w = this.waiters.get(uri);
    this.waiters.delete(uri);
    for (const f of w ?? []) f();
  }

  private async run(uri: string): Promise<void> {
    await this.gate();
    const doc = this.documents.get(uri);
    if (!doc) return;
    const a = await this.analyzer.analyzeAsync(doc);
    this.finished(uri, a);
    const current = this.documents.get(uri);
    // A newer version arrived while settings were pulled: its own run is already scheduled.
    if (!current || current.version !== a.version) return;
    const prev = this.published.get(uri);
    if (prev && prev.version > a.version) return;
    const diagnostics = diagnosticsOf(a);
    if (prev && prev.version === a.version && prev.generation === a.generation) return;
    // Non-drafts: publish the empty list once, then stay quiet.
    if (!a.draft && prev && prev.count === 0) {
      this.published.set(uri, { version: a.version, generation: a.generation, count: 0 });
      this.onAnalyzed(a);
      return;
    }
    this.published.set(uri, { version: a.version, generation: a.generation, count: diagnostics.length });
    if (a.error && a.draft) this.log.error(`zwgk: 无法检查 ${uri}：${a.error}`);
    if (a.draft) this.log.debug(`zwgk: ${uri} v${a.version}: ${diagnostics.length} 个问题，${a.elapsed.toFixed(1)} ms（${a.why}）`);
    await this.send(uri, a.version, diagnostics);
    this.onAnalyzed(a);
  }

  private async send(uri: string, version: number | undefined, diagnostics: Diagnostic[]): Promise<void> {
    try {
      this.counters.published++;
      await this.connection.sendDiagnostics(version === undefined ? { uri, diagnostics } : { uri, version, diagnostics });
    } catch (e) {
      this.log.debug(`zwgk: publishDiagnostics failed: ${(e as Error).message}`);
    }
  }
}
