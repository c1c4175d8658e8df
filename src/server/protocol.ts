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
}

/** The Markdown explanation of one rule (clause, why, how to fix). */
export const EXPLAIN_RULE = 'zwgk/explainRule';
export interface ExplainRuleParams { id: string }
export interface ExplainRuleResult { id: string; title: string; markdown: string; docsUrl: string }

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
