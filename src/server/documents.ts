/**
 * Which open documents are drafts, and their lint results (cached per document version).
 *
 * A document is linted when it is a .md/.txt file (or an unsaved Markdown/plain-text buffer)
 * and one of:
 *   - a `.zwgkrc*` governs it (in its folder or an ancestor) and does not `ignore` it;
 *   - `zwgk.lintAllDocuments` is on;
 *   - its front matter / catalogue header carries at least 2 known metadata keys, or declares a known
 *     `文档类型` — one `标题:` alone is not enough (a README or a note may have a title).
 * Everything else stays silent: no diagnostics, no hovers, no log lines.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  DOC_TYPES, ZwgkDocument, hasCatalogueKeys, getField, getRule, lintDocument, redactPersonalData, readHtmlSource, locateMessages,
  type DocFormat, type LintMessage, type SourceText,
} from '../core';
import { isDocxViewUri, isHtmlPath } from './sources';
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

/** Cheap test: could the text have front matter or a catalogue header with known keys? */
export function mayHaveMetadata(text: string): boolean {
  return hasCatalogueKeys(text, 1);
}

/** Metadata makes a document a draft: ≥ 2 known keys, or a declared known 文档类型. */
export function metadataMakesDraft(doc: ZwgkDocument): { draft: boolean; known: number } {
  const known = new Set(doc.metadata.fields.filter((f) => f.known).map((f) => f.key)).size;
  const declared = getField(doc.metadata, '文档类型');
  const typed = !!declared && (DOC_TYPES as readonly string[]).includes(declared.value);
  return { draft: known >= 2 || typed, known };
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
  if (config.ignored) return done({ ...common, why: '被配置的 ignore 排除' });

  let document: ZwgkDocument | undefined;
  let why = '';
  let knownKeys = 0;
  // A .docx view is linted because the user opened it to check it; a page is linted through its reader.
  const docxView = isDocxViewUri(uri);
  let draft = config.governed || settings.lintAllDocuments || docxView;
  let page: SourceText | undefined;
  try {
    if (isHtmlPath(filePath)) {
      page = readHtmlSource(text);
      text = page.text;
    }
    if (docxView) why = '.docx 的文字视图';
    if (docxView) { /* why set above */ } else if (config.governed) why = `由配置 ${config.files[config.files.length - 1].path} 管理`;
    else if (settings.lintAllDocuments) why = 'zwgk.lintAllDocuments 为 true';
    else {
      if (!mayHaveMetadata(text)) return done({ ...common, why: '没有配置，也没有元数据' });
      document = new ZwgkDocument(text, filePath, format);
      const m = metadataMakesDraft(document);
      knownKeys = m.known;
      if (!m.draft) return done({ ...common, document, knownKeys, why: `没有配置，元数据不足（${m.known} 个已知键）` });
      draft = true;
      why = `元数据有 ${m.known} 个已知键`;
    }
    document ??= new ZwgkDocument(text, filePath, format);
    if (!knownKeys) knownKeys = new Set(document.metadata.fields.filter((f) => f.known).map((f) => f.key)).size;
    let messages = lintDocument(document, { config: config.config, calendar: config.calendar, index: deps.index.drafts });
    // Neither a .docx nor a page is ever rewritten: no fixes; a page's messages point into its HTML.
    if (page) {
      messages = locateMessages(page, messages);
      document = new ZwgkDocument(page.html ?? '', filePath, 'text');
    } else if (docxView) messages = messages.map(({ fix: _fix, ...m }) => m);
    return done({ ...common, draft: true, why, document, messages, knownKeys });
  } catch (e) {
    // The engine turns a throwing rule into one internal-error message; this is for anything else
    // (parsing, the index …): one internal-error diagnostic at the top, never a dead server.
    const error = redactPersonalData(((e as Error)?.message ?? String(e)).slice(0, 200));
    if (!draft) return done({ ...common, why: `无法解析：${error}`, error });
    const rule = getRule('internal-error');
    const message: LintMessage = {
      ruleId: 'internal-error', severity: 'error', message: `zwgk 无法检查这份文稿，请反馈此问题：${error}`,
      start: 0, end: 0, line: 1, column: 1, endLine: 1, endColumn: 1,
      clause: rule?.meta.clauses[0] ?? { source: 'zwgk', id: '内部错误', summary: true, text: '' },
    };
    return done({ ...common, draft: true, why, document: new ZwgkDocument('', filePath, format), messages: [message], knownKeys, error });
  }
}
