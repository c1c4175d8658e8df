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
import { ZwgkDocument, getRule, lintDocument, redactPersonalData, type DocFormat, type LintMessage } from '../core';
import { draftStatus } from '../core/draft-status';
import type { ConfigStore, DocConfig } from './config';
import type { SettingsStore, ZwgkSettings } from './settings';
import type { WorkspaceIndex } from './workspace-index';
import { draftFormat, uriToPath } from './uri';

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

  constructor(private readonly deps: AnalyzerDeps) {}

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

  /** Analysis of the document's current text (settings pulled from the client first). */
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
}

/** Decides whether a text is a draft and lints it. Pure apart from reading config files. */
export function analyzeText(
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

  // The one idea of a draft (core/draft-status), as the CLI's folder walk and the workspace lint.
  const status = draftStatus({ text, fileName: filePath, format, governed: config.governed, ignored: config.ignored, all: settings.lintAllDocuments });
  const why = status.why;
  const knownKeys = status.knownKeys;
  if (!status.draft) {
    // A document on its way to becoming a draft (a key written) is parsed for completion.
    let document: ZwgkDocument | undefined;
    try {
      if (knownKeys >= 1) document = new ZwgkDocument(text, filePath, format);
    } catch {
      document = undefined;
    }
    return done({ ...common, why, knownKeys, document });
  }
  let document: ZwgkDocument | undefined;
  try {
    document = new ZwgkDocument(text, filePath, format);
    const messages = lintDocument(document, { config: config.config, calendar: config.calendar, index: deps.index.drafts });
    return done({ ...common, draft: true, why, document, messages, knownKeys });
  } catch (e) {
    // The engine turns a throwing rule into one internal-error message; this is for anything else
    // (parsing, the index …): one internal-error diagnostic at the top, never a dead server.
    const error = redactPersonalData(((e as Error)?.message ?? String(e)).slice(0, 200));
    const rule = getRule('internal-error');
    const message: LintMessage = {
      ruleId: 'internal-error', severity: 'error', message: `zwgk 无法检查这份文稿，请反馈此问题：${error}`,
      start: 0, end: 0, line: 1, column: 1, endLine: 1, endColumn: 1,
      clause: rule?.meta.clauses[0] ?? { source: 'zwgk', id: '内部错误', summary: true, text: '' },
    };
    return done({ ...common, draft: true, why, document: new ZwgkDocument('', filePath, format), messages: [message], knownKeys, error });
  }
}
