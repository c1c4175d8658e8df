/**
 * Which open documents are drafts, and their lint results (cached per document version).
 *
 * A document is linted when it is a .md/.txt file (or an unsaved Markdown/plain-text buffer) that the
 * core's draftStatus calls a draft — the same decision as the CLI's folder walk: `zwgk.lintAllDocuments`;
 * or its front matter / catalogue header declares a known `文档类型` or carries at least 2 known keys;
 * or a `.zwgkrc*` governs it (in its folder or an ancestor) and it is not a project file (README,
 * CHANGELOG …). Ignored files never are. Everything else stays silent: no diagnostics, no hovers, no
 * log lines.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  ZwgkDocument, getRule, lintDocument, redactPersonalData, readHtmlSource, locateMessages,
  type DocFormat, type DraftSummary, type LintMessage, type SourceText,
} from '../core';
import type { LintWorker } from './lint-worker';
import { draftStatus } from '../core/draft-status';
import { isDocxViewUri, isHtmlPath } from './sources';
import type { ConfigStore, DocConfig } from './config';
import type { SettingsStore, ZwgkSettings } from './settings';
import type { WorkspaceIndex } from './workspace-index';
import { draftFormat, uriToPath } from './uri';

/** Drafts larger than this (UTF-8 bytes) are not linted: the CLI's MAX_DRAFT_BYTES. */
export const MAX_DRAFT_BYTES = 32 * 1024 * 1024;

export interface Analysis {
  uri: string;
  version: number;
  /** Bumped when configs, settings or the workspace index change: older analyses are stale. */
  generation: number;
  draft: boolean;
  /** Why it is (not) linted — for `verbose` logs only. */
  why: string;
  filePath?: string;
  format?: DocFormat;
  /** The parsed document (drafts, and documents parsed to look for metadata). */
  document?: ZwgkDocument;
  messages: LintMessage[];
  config?: DocConfig;
  settings: ZwgkSettings;
  /** Known metadata keys in the document (0 when not parsed). */
  knownKeys: number;
  /** Milliseconds spent parsing + linting. */
  elapsed: number;
  /** Set when the document could not be analysed (reported as one internal-error diagnostic). */
  error?: string;
  /** Linted in the worker thread: the document's summary for the index (there is no `document`). */
  summary?: DraftSummary;
  /** The worker stopped this lint (over its time budget, out of memory, crashed), or it was too large to start. */
  stopped?: 'timeout' | 'memory' | 'crash' | 'size';
  /**
   * What is linted when it is not the buffer itself: the text read from an .html page (messages are
   * mapped back into the HTML), or a .docx's text view (no fixes: zwgk never rewrites a .docx).
   */
  source?: { text: string; page?: SourceText; docxView?: boolean };
}

/** Metadata makes a document a draft (≥ 2 known keys, or a declared known 文档类型) — outside any config. */
export function metadataMakesDraft(text: string, filePath: string | undefined, format?: DocFormat): boolean {
  return draftStatus({ text, fileName: filePath, format, governed: false }).draft;
}

export interface AnalyzerDeps {
  configs: ConfigStore;
  settings: SettingsStore;
  index: WorkspaceIndex;
}

export class Analyzer {
  generation = 0;
  private readonly cache = new Map<string, Analysis>();

  /** With a worker, `analyzeAsync` lints off the request thread (see lint-worker.ts). */
  constructor(private readonly deps: AnalyzerDeps, private readonly worker?: LintWorker) {}

  /** Configs, settings or the index changed: every cached analysis is stale. */
  invalidate(): void {
    this.generation++;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  /** The cached analysis when it is for this very version and generation. */
  cached(doc: TextDocument): Analysis | undefined {
    const a = this.cache.get(doc.uri);
    return a && a.version === doc.version && a.generation === this.generation ? a : undefined;
  }

  /** Analysis of the document's current text, in this thread (hovers, code actions, completion). */
  async analyze(doc: TextDocument): Promise<Analysis> {
    const settings = await this.deps.settings.get(doc.uri);
    return this.analyzeWith(doc, settings);
  }

  /** Synchronous: text and version are read together, so the result always belongs to `version`. */
  analyzeWith(doc: TextDocument, settings: ZwgkSettings): Analysis {
    const hit = this.cached(doc);
    if (hit && hit.settings === settings) return hit;
    const a = analyzeText(doc.uri, doc.languageId, doc.getText(), doc.version, settings, this.deps, this.generation);
    this.cache.set(doc.uri, a);
    return a;
  }

  /**
   * For publishing: the draft decision here, the lint in the worker thread (this thread stays free for
   * requests). Without a worker, or when it cannot start, the lint runs here. Text and version are read
   * together before anything is awaited.
   */
  async analyzeAsync(doc: TextDocument): Promise<Analysis> {
    const text = doc.getText();
    const version = doc.version;
    const settings = await this.deps.settings.get(doc.uri);
    return this.analyzeTextAsync(doc.uri, doc.languageId, text, version, settings);
  }

  async analyzeTextAsync(uri: string, languageId: string, text: string, version: number, settings: ZwgkSettings): Promise<Analysis> {
    const generation = this.generation;
    const prepared = prepareAnalysis(uri, languageId, text, version, settings, this.deps, generation);
    if (!prepared.draft || prepared.stopped) return prepared;
    if (!this.worker || this.worker.failed) return lintPrepared(prepared, text, this.deps);
    const t0 = performance.now();
    const lintText = prepared.source?.text ?? text;
    const o = await this.worker.lint({ text: lintText, filePath: prepared.filePath, format: prepared.format!, config: prepared.config!.config, index: this.deps.index.drafts });
    if (o.kind === 'done') return { ...prepared, messages: backToSource(prepared, o.messages), summary: o.summary, elapsed: o.elapsed };
    if (o.kind === 'failed') {
      if (this.worker.failed) return lintPrepared(prepared, text, this.deps);
      return { ...prepared, messages: [internalError(`zwgk 无法检查这份文稿，请反馈此问题：${o.error}`, 'error')], error: o.error, elapsed: o.elapsed };
    }
    const seconds = Math.max(1, Math.round(o.ms / 1000));
    const what = o.reason === 'timeout'
      ? `zwgk 在 ${seconds} 秒内没有检查完这份文稿（文稿结构过于复杂，例如极深的列表或引用嵌套），已停止检查`
      : o.reason === 'memory' ? 'zwgk 检查这份文稿时内存不足，已停止检查' : 'zwgk 检查这份文稿时出错，已停止检查';
    return {
      ...prepared,
      messages: [internalError(`${what}；其他文稿照常检查。简化文稿结构后保存，会再检查一次。`, 'warning')],
      stopped: o.reason, error: o.reason, elapsed: performance.now() - t0,
    };
  }
}

/** One internal-error message at the top of the document. */
function internalError(message: string, severity: LintMessage['severity']): LintMessage {
  const rule = getRule('internal-error');
  return {
    ruleId: 'internal-error', severity, message,
    start: 0, end: 0, line: 1, column: 1, endLine: 1, endColumn: 1,
    clause: rule?.meta.clauses[0] ?? { source: 'zwgk', id: '内部错误', summary: true, text: '' },
  };
}

/**
 * Everything before the lint: the format, settings, config and whether the text is a draft (the core's
 * draftStatus). A non-draft comes back finished; a draft with `draft: true` and no messages yet.
 */
export function prepareAnalysis(
  uri: string, languageId: string, text: string, version: number, settings: ZwgkSettings,
  deps: AnalyzerDeps, generation = 0,
): Analysis {
  const t0 = performance.now();
  const base: Analysis = { uri, version, generation, draft: false, why: '', messages: [], settings, knownKeys: 0, elapsed: 0 };
  const done = (a: Analysis): Analysis => ({ ...a, elapsed: performance.now() - t0 });
  const format = draftFormat(uri, languageId);
  if (!format) return done({ ...base, why: '不是 .md/.txt 文件' });
  if (!settings.enable) return done({ ...base, format, why: 'zwgk.enable 为 false' });
  const filePath = uriToPath(uri);
  const config = deps.configs.forDocument(filePath, settings);
  const common = { ...base, filePath, format, config };
  // The CLI's limit (src/cli/safe-read.ts): a larger draft is refused from its size, never parsed or
  // read as a page; one warning says so. What would not be a draft stays silent.
  const bytes = text.length * 3 > MAX_DRAFT_BYTES ? Buffer.byteLength(text, 'utf8') : 0;
  if (bytes > MAX_DRAFT_BYTES) {
    const draft = isDocxViewUri(uri)
      || (isHtmlPath(filePath) ? !config.ignored && (config.governed || settings.lintAllDocuments)
        : draftStatus({ text, fileName: filePath, format, governed: config.governed, ignored: config.ignored, all: settings.lintAllDocuments }).draft);
    if (!draft) return done({ ...common, why: '文件过大，不是文稿' });
    const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
    return done({
      ...common, draft: true, why: '文稿过大', stopped: 'size', error: 'too large',
      messages: [internalError(`文稿过大（${mb(bytes)}，上限 ${mb(MAX_DRAFT_BYTES)}），zwgk 未检查：请拆分成几份文稿后再检查（命令行 zwgk lint 的上限相同）。`, 'warning')],
    });
  }
  // A .docx view is linted because the user opened it to check it; a page is linted through its reader.
  const docxView = isDocxViewUri(uri);
  let source: Analysis['source'];
  if (docxView) source = { text, docxView };
  else if (isHtmlPath(filePath)) {
    try {
      const page = readHtmlSource(text);
      source = { text: page.text, page };
    } catch (e) {
      const error = redactPersonalData(((e as Error)?.message ?? String(e)).slice(0, 200));
      return done({ ...common, draft: true, why: '网页', messages: [internalError(`zwgk 无法读取这个网页：${error}`, 'error')], error, document: new ZwgkDocument('', filePath, 'text') });
    }
  }
  if (docxView) return done({ ...common, draft: true, why: '.docx 的文字视图', source });
  // The one idea of a draft (core/draft-status), as the CLI's folder walk and the workspace lint.
  const status = draftStatus({
    text: source?.text ?? text, fileName: filePath, format, governed: config.governed, ignored: config.ignored, all: settings.lintAllDocuments,
  });
  const { why, knownKeys } = status;
  if (status.draft) return done({ ...common, draft: true, why, knownKeys, source });
  // A document on its way to becoming a draft (a key written) is parsed for completion.
  let document: ZwgkDocument | undefined;
  try {
    if (knownKeys >= 1) document = new ZwgkDocument(text, filePath, format);
  } catch {
    document = undefined;
  }
  return done({ ...common, why, knownKeys, document });
}

/** A page's messages point into its HTML; a .docx view's have no fixes. */
function backToSource<M extends LintMessage>(a: Analysis, messages: M[]): LintMessage[] {
  if (a.source?.page) return locateMessages(a.source.page, messages);
  if (a.source?.docxView) return messages.map(({ fix: _fix, ...m }) => m);
  return messages;
}

/** Lints a prepared draft in this thread. */
function lintPrepared(a: Analysis, text: string, deps: AnalyzerDeps): Analysis {
  const t0 = performance.now();
  const config = a.config!;
  try {
    let document = new ZwgkDocument(a.source?.text ?? text, a.filePath, a.format);
    const messages = backToSource(a, lintDocument(document, { config: config.config, calendar: config.calendar, index: deps.index.drafts }));
    // A page's hovers and positions are in its HTML.
    if (a.source?.page) document = new ZwgkDocument(a.source.page.html ?? '', a.filePath, 'text');
    return { ...a, document, messages, elapsed: a.elapsed + performance.now() - t0 };
  } catch (e) {
    // The engine turns a throwing rule into one internal-error message; this is for anything else
    // (parsing, the index …): one internal-error diagnostic at the top, never a dead server.
    const error = redactPersonalData(((e as Error)?.message ?? String(e)).slice(0, 200));
    return {
      ...a, document: new ZwgkDocument('', a.filePath, a.format), messages: [internalError(`zwgk 无法检查这份文稿，请反馈此问题：${error}`, 'error')],
      error, elapsed: a.elapsed + performance.now() - t0,
    };
  }
}

/** Decides whether a text is a draft and lints it, in this thread. Pure apart from reading config files. */
export function analyzeText(
  uri: string, languageId: string, text: string, version: number, settings: ZwgkSettings,
  deps: AnalyzerDeps, generation = 0,
): Analysis {
  const prepared = prepareAnalysis(uri, languageId, text, version, settings, deps, generation);
  return prepared.draft && !prepared.stopped ? lintPrepared(prepared, text, deps) : prepared;
}
