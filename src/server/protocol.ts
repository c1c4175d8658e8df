/**
 * The zwgk-specific requests between the language server and its clients (the VS Code extension, tests,
 * other editors): names and shapes only — no code, no imports of the server, so a client can import this
 * one file without pulling the engine in.
 */

/** Lint every draft in the workspace (or the given folders) and publish diagnostics for them. */
export const LINT_WORKSPACE = 'zwgk/lintWorkspace';
export interface LintWorkspaceParams {
  /** Optional: only these folders (absolute paths). */
  folders?: string[];
  workDoneToken?: string | number;
}
export interface LintWorkspaceResult {
  /** Drafts checked. */
  files: number;
  /** Drafts with at least one problem. */
  filesWithProblems: number;
  errors: number;
  warnings: number;
  infos: number;
  cancelled: boolean;
  /** .md/.txt files found that are not drafts (no config, no catalogue metadata, ignored, README …). */
  skipped: number;
  /** Skipped files by reason: `no-metadata`, `project-file`, `ignored` (see core/draft-status). */
  skippedReasons: Partial<Record<string, number>>;
  /** The first skipped files (absolute paths), at most 50. */
  skippedFiles: string[];
}

/** The Markdown explanation of one rule (clause, why, how to fix). */
export const EXPLAIN_RULE = 'zwgk/explainRule';
export interface ExplainRuleParams { id: string }
export interface ExplainRuleResult {
  id: string;
  title: string;
  markdown: string;
  /** The rule link as diagnostics carry it (a command, or the local page's `file:` URI). */
  docsUrl: string;
  /** The rule page shipped with the server (absolute path), when there is one. */
  file?: string;
}

/** Every rule, for pickers: metadata only. */
export const LIST_RULES = 'zwgk/rules';
export interface RuleSummary {
  id: string;
  title: string;
  description: string;
  category: string;
  defaultSeverity: string;
  fixable: boolean;
  /** Clause ids as cited, e.g. 条例 第十五条. */
  clauses: string[];
}

/** The server's state — queue, open documents, indexed drafts, memory (for status and benchmarks). */
export const SERVER_STATUS = 'zwgk/serverStatus';
export interface ServerStatusResult {
  version: string;
  openDocuments: number;
  indexedDrafts: number;
  queue: SchedulerStats;
  /** The lint worker thread: lints stopped over their time budget (each restarts the worker), or unusable. */
  lintWorker: { restarts: number; failed: boolean };
  /** process.memoryUsage() of the server, in bytes. */
  memory: { rss: number; heapUsed: number; heapTotal: number; external: number; arrayBuffers: number };
  uptime: number;
}

/** Counters of the diagnostics queue (see diagnostics.ts). */
export interface SchedulerStats {
  /** Documents waiting for their debounce timer. */
  timers: number;
  /** Documents queued to be linted. */
  queued: number;
  /** Lints running now (0 or 1: the queue drains one document at a time). */
  inFlight: number;
  /** Most documents ever queued at once, and most lints ever run at once. */
  maxQueued: number;
  maxInFlight: number;
  /** Lint runs started, and diagnostics published, since the server started. */
  runs: number;
  published: number;
}

/** What zwgk understood about an open draft (the status bar): its kind, deadlines, 解读 status. */
export const DOCUMENT_INFO = 'zwgk/documentInfo';
export interface DocumentInfoParams { uri: string }
export interface DocumentInfoItem {
  /** Short, for the status bar: “发布期限 2026年3月31日”, “未找到解读”. */
  text: string;
  /** One line for the tooltip. */
  detail: string;
  /** ok: met / linked; due: still to come; late: missed; missing: not found; info: a fact. */
  state: 'ok' | 'due' | 'late' | 'missing' | 'info';
}
export interface DocumentInfo {
  draft: boolean;
  /** Why the document is (not) checked (config, metadata, README …). */
  why: string;
  kind?: { value: string; inferred: boolean; reason: string };
  /** Deadlines and the 解读 status, the most important first. */
  items: DocumentInfoItem[];
}

/** URI scheme of the read-only text view of a .docx (`zwgk-docx:/path/to/file.docx`). */
export const DOCX_SCHEME = 'zwgk-docx';

/** The text zwgk checks in a .docx (what its view shows). */
export const DOCX_TEXT = 'zwgk/docxText';
export interface DocxTextParams { uri: string }
export type DocxTextResult = { text: string; notes: string[] } | { error: string };

/** Export a Markdown/plain-text draft as a 公文 .docx next to it (GB/T 9704-2012), checked by reading it back. */
export const EXPORT_DOCX = 'zwgk/exportDocx';
export interface ExportDocxParams { uri: string; force?: boolean }
export interface ExportDocxResult {
  /** The .docx written (or, with `exists`, the one that is there and was not overwritten). */
  path?: string;
  exists?: boolean;
  /** What differs between the draft and the .docx read back (empty: none). */
  differences?: string[];
  lines?: number;
  messages?: number;
  error?: string;
}

/**
 * The 公开台账 of the workspace (core/ledger): every indexed draft with its kind, dates, 解读 and the
 * statutory deadlines that apply, placed against `today`. The tree view of the extension shows it.
 */
export const LEDGER = 'zwgk/ledger';
export interface LedgerParams {
  /** The day days left are counted from (YYYY-MM-DD); default: the server's local date. */
  today?: string;
  /** Working days left at or below which a deadline is 即将到期 (default 5). */
  dueSoonWorkdays?: number;
}
/** The core's Ledger (see src/core/ledger), as JSON; `error` when `today` cannot be read. */
export type LedgerResult = { ledger: import('../core/ledger').Ledger } | { error: string };
