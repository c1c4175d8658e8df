/**
 * The zwgk language server: diagnostics, hovers, code actions and completion for drafts, over any LSP
 * transport (`--stdio`, `--node-ipc`, `--socket=`), on the core engine. `startServer()` is what
 * `dist/server.js` and `zwgk lsp --stdio` run.
 *
 * Every handler is guarded: an exception is logged and answered with an empty result; the server never
 * dies of one document or one request.
 */
import * as path from 'node:path';
import * as fs from 'node:fs';
import {
  CodeActionKind, DiagnosticSeverity, DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, FileChangeType,
  MessageType, ProposedFeatures, TextDocumentSyncKind, TextDocuments, createConnection,
  type CancellationToken, type Connection, type Diagnostic, type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ALL_RULES, getRule, redactPersonalData } from '../core';
import { ConfigStore, checkConfigText, type ConfigFile } from './config';
import { Analyzer, type Analysis } from './documents';
import { DiagnosticsScheduler, SOURCE, docsUrl, isLarge, type SchedulerStats } from './diagnostics';
import { hover } from './hover';
import { FIX_ALL_KIND, codeActions } from './code-actions';
import { completion } from './completion';
import { Logger } from './log';
import { SettingsStore, type ZwgkSettings } from './settings';
import { WorkspaceIndex, decodeDraft, type IndexChange } from './workspace-index';
import { LINT_WORKSPACE, WorkspaceProblems, type LintWorkspaceParams, type LintWorkspaceResult } from './workspace-lint';
import { ruleSection } from './markdown';
import { LintWorker, isLintWorker, runLintWorker, workerEntry } from './lint-worker';
import { rulePageFile, setRuleLinkCommand } from './rule-links';
import { DOCUMENT_INFO, documentInfo, type DocumentInfo } from './document-info';
import type { DocumentInfoParams, LedgerParams, LedgerResult } from './protocol';
import { LEDGER, ledgerRequest, type ParsedDrafts } from './ledger';
import { isConfigFileName, isDraftFileName, pathToUri, uriToPath } from './uri';
import { version as PACKAGE_VERSION } from '../../package.json';

/** The largest draft on disk zwgk/exportDocx reads (an open one is taken from the editor). */
const MAX_EXPORT_BYTES = 32 * 1024 * 1024;

export const SERVER_NAME = 'zwgk';
export const SERVER_VERSION: string = PACKAGE_VERSION;

export {
  EXPLAIN_RULE, LIST_RULES, SERVER_STATUS, type ExplainRuleParams, type ExplainRuleResult, type RuleSummary, type ServerStatusResult,
} from './protocol';
import { docxTextRequest, exportDocxRequest } from './sources';
import { NotReadable, readRegular } from './safe-read';
import {
  DOCX_TEXT, EXPORT_DOCX, type DocxTextParams, type DocxTextResult, type ExportDocxParams, type ExportDocxResult,
} from './protocol';
import { EXPLAIN_RULE, LIST_RULES, SERVER_STATUS, type ExplainRuleParams, type ExplainRuleResult, type RuleSummary, type ServerStatusResult } from './protocol';

let processHandlersInstalled = false;

/**
 * Starts the server on `connection` (default: the transport named on the command line). In a lint
 * worker thread (this same bundle, started by the server itself) it runs the worker instead and returns
 * undefined.
 */
export function startServer(connection?: Connection): Connection | undefined {
  if (isLintWorker()) {
    runLintWorker();
    return undefined;
  }
  const conn = connection ?? createConnection(ProposedFeatures.all);
  const documents = new TextDocuments(TextDocument);
  const log = new Logger(conn);
  const settings = new SettingsStore(conn, log);
  let folders: string[] = [];
  let documentChanges = false;
  let retrigger = false;
  let dynamicWatchers = false;
  let dynamicConfiguration = false;
  let indexedWith: { enable: boolean; lintAll: boolean } | undefined;

  if (!processHandlersInstalled) {
    processHandlersInstalled = true;
    process.on('uncaughtException', (e) => log.error('zwgk: 未捕获的异常', e));
    process.on('unhandledRejection', (e) => log.error('zwgk: 未处理的 Promise 拒绝', e));
  }

  // —— config files: problems → one warning per distinct set of problems + diagnostics in the file ——
  const shownProblems = new Map<string, string>();
  const configDiagnostics = (cf: ConfigFile): Diagnostic[] => {
    const td = TextDocument.create(pathToUri(cf.path), 'json', 0, cf.text);
    return cf.problems.map((p) => ({
      range: { start: td.positionAt(p.start), end: td.positionAt(p.end) },
      severity: DiagnosticSeverity.Error,
      source: SOURCE,
      code: 'zwgkrc',
      message: p.key.startsWith('(') ? p.message : `${p.key}：${p.message}`,
    }));
  };
  const onConfigLoaded = (cf: ConfigFile) => {
    const uri = pathToUri(cf.path);
    if (cf.problems.length === 0) {
      if (shownProblems.delete(cf.path)) void conn.sendDiagnostics({ uri, diagnostics: [] }).catch(() => undefined);
      return;
    }
    const signature = JSON.stringify(cf.problems.map((p) => [p.key, p.message]));
    const open = !!documents.get(uri);
    // An open config buffer publishes its own live diagnostics.
    if (!open) void conn.sendDiagnostics({ uri, diagnostics: configDiagnostics(cf) }).catch(() => undefined);
    if (shownProblems.get(cf.path) === signature) return;
    shownProblems.set(cf.path, signature);
    // Being edited (auto-save saves every half-typed state): the problems are in the file, no toast.
    if (open) {
      log.info(`zwgk: 配置文件 ${cf.path} 有误，已忽略该文件：${cf.problems.map((p) => `${p.key}：${p.message}`).join('；')}`);
      return;
    }
    const first = cf.problems[0];
    const more = cf.problems.length > 1 ? ` 等 ${cf.problems.length} 处` : '';
    const where = first.key.startsWith('(') ? first.message : `${first.key}：${first.message}`;
    log.warn(`zwgk: 配置文件 ${cf.path} 无效：${cf.problems.map((p) => `${p.key}：${p.message}`).join('；')}`);
    void conn.sendNotification('window/showMessage', {
      type: MessageType.Warning,
      message: redactPersonalData(cf.lastGood
        ? `zwgk：配置文件 ${path.basename(cf.path)} 无效（${where}${more}），在改正之前沿用它上一次有效的内容。`
        : `zwgk：配置文件 ${path.basename(cf.path)} 无效（${where}${more}），已忽略该文件，按其余配置和默认设置检查。`),
    });
  };

  const configs = new ConfigStore(onConfigLoaded);
  const index = new WorkspaceIndex(configs, log);
  const deps = { configs, settings, index };
  // Lints run in a worker thread, so that one slow document never stops the server from answering.
  const worker = new LintWorker(log, workerEntry());
  const analyzer = new Analyzer(deps, worker);
  const scheduler = new DiagnosticsScheduler(conn, documents, analyzer, settings, log);
  /** After "lint all drafts": the closed drafts' diagnostics, kept true (see workspace-lint.ts). */
  const problems = new WorkspaceProblems({
    ...deps, connection: conn, documents, settingsFor: (u) => settings.get(u), analyzeOpen: (d) => analyzer.analyzeAsync(d), log,
    analyzeClosed: (uri, text, s) => analyzer.analyzeTextAsync(uri, '', text, 0, s),
  });

  const guard = <P, R>(name: string, fallback: R, f: (p: P, token?: CancellationToken) => R | Promise<R>) =>
    async (p: P, token?: CancellationToken): Promise<R> => {
      try {
        return await f(p, token);
      } catch (e) {
        log.error(`zwgk: ${name} 出错`, e);
        return fallback;
      }
    };

  const openDocFor = (file: string) => documents.all().find((d) => uriToPath(d.uri) === file);

  /** Re-lint the open drafts an index change affects (all open drafts when the core cannot tell). */
  const relint = (change: IndexChange, exceptUri?: string) => {
    if (!change.changed) return;
    const open = documents.all().filter((d) => d.uri !== exceptUri);
    let targets = open;
    if (change.affected) {
      const set = new Set(change.affected);
      targets = open.filter((d) => {
        const p = uriToPath(d.uri);
        return p !== undefined && set.has(p);
      });
    }
    if (targets.length === 0) return;
    analyzer.invalidate();
    for (const d of targets) scheduler.schedule(d.uri, 50);
  };

  scheduler.onAnalyzed = (a: Analysis) => {
    if (!a.draft || !a.filePath) return;
    const summary = a.document ? index.fromOpenDocument(a.filePath, a.document) : a.summary ? index.fromSummary(a.filePath, a.summary) : undefined;
    if (!summary) return;
    relint(summary, a.uri);
    if (a.config && !a.config.governed && !a.settings.lintAllDocuments) {
      void index.indexSiblings(path.dirname(a.filePath)).then((changed) => {
        if (changed) {
          analyzer.invalidate();
          scheduler.all(0);
        }
      }).catch((e) => log.debug(`zwgk: indexSiblings: ${(e as Error).message}`));
    }
  };

  // Lints wait for the first indexing (at most INDEX_WAIT_MS), so that cross-document rules do not
  // report a missing interpretation that simply has not been read yet.
  const INDEX_WAIT_MS = 3000;
  let indexDone!: () => void;
  const firstIndex = new Promise<void>((r) => (indexDone = r));
  let waited = false;
  scheduler.gate = async () => {
    if (waited) return;
    await Promise.race([firstIndex, new Promise<void>((r) => setTimeout(r, INDEX_WAIT_MS).unref())]);
    waited = true;
  };

  const reindex = async (force = false) => {
    const s = await settings.get();
    const key = { enable: s.enable, lintAll: s.lintAllDocuments };
    if (!force && indexedWith && indexedWith.enable === key.enable && indexedWith.lintAll === key.lintAll) return;
    indexedWith = key;
    const n = await index.indexFolders(folders, s, () => conn.window.createWorkDoneProgress());
    if (n > 0) {
      analyzer.invalidate();
      scheduler.all(0);
    }
  };
  let reindexTimer: NodeJS.Timeout | undefined;
  const reindexSoon = () => {
    if (reindexTimer) clearTimeout(reindexTimer);
    reindexTimer = setTimeout(() => {
      reindexTimer = undefined;
      reindex(true)
        .then(() => problems.refresh(folders))
        .catch((e) => log.error('zwgk: 索引工作区出错', e));
    }, 300);
  };

  // —— lifecycle ——
  conn.onInitialize((params): InitializeResult => {
    const c = params.capabilities;
    settings.pull = !!c.workspace?.configuration;
    documentChanges = !!c.workspace?.workspaceEdit?.documentChanges;
    dynamicWatchers = !!c.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    dynamicConfiguration = !!c.workspace?.didChangeConfiguration?.dynamicRegistration;
    retrigger = /code|vscode/i.test(params.clientInfo?.name ?? '');
    const wf = params.workspaceFolders ?? [];
    folders = wf.map((f) => uriToPath(f.uri)).filter((p): p is string => !!p);
    if (folders.length === 0 && params.rootUri) {
      const p = uriToPath(params.rootUri);
      if (p) folders = [p];
    }
    configs.workspaceFolders = folders;
    index.setRoots(folders);
    settings.init(params.initializationOptions);
    // VS Code opens rule pages through its own command; other clients get the local page (rule-links.ts).
    setRuleLinkCommand((params.initializationOptions as { ruleLinks?: { command?: unknown } } | undefined)?.ruleLinks?.command);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
        completionProvider: { triggerCharacters: [':', '：'], resolveProvider: false },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: SERVER_NAME, version: SERVER_VERSION },
    };
  });

  conn.onInitialized(guard('initialized', undefined, async () => {
    if (dynamicConfiguration) {
      await conn.client.register(DidChangeConfigurationNotification.type, { section: 'zwgk' }).catch(() => undefined);
    }
    if (dynamicWatchers) {
      await conn.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [
          { globPattern: '**/.zwgkrc.json' }, { globPattern: '**/.zwgkrc.yaml' }, { globPattern: '**/.zwgkrc.yml' },
          { globPattern: '**/*.md' }, { globPattern: '**/*.txt' },
        ],
      }).catch(() => undefined);
    }
    try {
      conn.workspace.onDidChangeWorkspaceFolders((e) => {
        const removed = new Set(e.removed.map((f) => uriToPath(f.uri)));
        folders = [...folders.filter((f) => !removed.has(f)), ...e.added.map((f) => uriToPath(f.uri)).filter((p): p is string => !!p)];
        configs.workspaceFolders = folders;
        index.setRoots(folders);
        configs.invalidate();
        analyzer.invalidate();
        scheduler.all(0);
        reindexSoon();
      });
    } catch {
      // The client does not support workspace folder changes.
    }
    try {
      await reindex(true);
    } finally {
      indexDone();
    }
  }));

  // —— documents ——
  const justOpened = new Set<string>();
  const checkConfigBuffer = (doc: TextDocument) => {
    const p = uriToPath(doc.uri);
    if (!p) return;
    const cf = checkConfigText({ path: p, dir: path.dirname(p), text: doc.getText(), extended: [], problems: [] });
    void conn.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics: configDiagnostics(cf) }).catch(() => undefined);
  };
  const isConfigUri = (uri: string) => {
    const p = uriToPath(uri);
    return !!p && isConfigFileName(p);
  };

  documents.onDidOpen((e) => {
    try {
      justOpened.add(e.document.uri);
      if (isConfigUri(e.document.uri)) checkConfigBuffer(e.document);
      else scheduler.schedule(e.document.uri, 0);
    } catch (err) {
      log.error('zwgk: didOpen 出错', err);
    }
  });
  documents.onDidChangeContent((e) => {
    try {
      if (justOpened.delete(e.document.uri)) return;
      if (isConfigUri(e.document.uri)) checkConfigBuffer(e.document);
      else void scheduler.changed(e.document.uri).catch((err) => log.error('zwgk: didChange 出错', err));
    } catch (err) {
      log.error('zwgk: didChange 出错', err);
    }
  });
  documents.onDidSave((e) => {
    try {
      if (isConfigUri(e.document.uri)) configChanged([uriToPath(e.document.uri)!]);
      else scheduler.schedule(e.document.uri, 0);
    } catch (err) {
      log.error('zwgk: didSave 出错', err);
    }
  });
  documents.onDidClose((e) => {
    const uri = e.document.uri;
    try {
      justOpened.delete(uri);
      analyzer.forget(uri);
      settings.forget(uri);
      const p = uriToPath(uri);
      if (isConfigUri(uri)) {
        // Back to what is on disk.
        if (p && fs.existsSync(p)) {
          const cf = configs.load(p);
          void conn.sendDiagnostics({ uri, diagnostics: configDiagnostics(cf) }).catch(() => undefined);
        } else void conn.sendDiagnostics({ uri, diagnostics: [] }).catch(() => undefined);
        return;
      }
      // After a workspace lint the draft stays in Problems: its results from disk replace the buffer's.
      const keep = problems.active;
      scheduler.closed(uri, !keep);
      if (p) {
        void (async () => {
          const s = await settings.get(uri);
          relint(await index.closed(p, s));
          if (keep) await problems.files([p]);
        })().catch((err) => log.error('zwgk: didClose 出错', err));
      }
    } catch (err) {
      log.error('zwgk: didClose 出错', err);
    }
  });

  const configChanged = (files: string[]) => {
    configs.invalidate();
    for (const f of files) {
      if (fs.existsSync(f)) configs.reload(f);
      else {
        configs.forget(f);
        shownProblems.delete(f);
        void conn.sendDiagnostics({ uri: pathToUri(f), diagnostics: [] }).catch(() => undefined);
      }
    }
    analyzer.invalidate();
    scheduler.all(0);
    reindexSoon();
  };

  // The same event may come twice (the server's own registration and a client's `synchronize.fileEvents`):
  // handling is idempotent (an unchanged summary changes nothing; queued re-lints coalesce per document).
  conn.onDidChangeWatchedFiles(guard('didChangeWatchedFiles', undefined, async (params) => {
    const configFiles: string[] = [];
    const draftFiles: string[] = [];
    const affected = new Set<string>();
    let changed = false;
    let unknown = false;
    for (const c of params.changes) {
      const p = uriToPath(c.uri);
      if (!p) continue;
      if (isConfigFileName(p)) configFiles.push(p);
      else if (isDraftFileName(p)) {
        const kind = c.type === FileChangeType.Created ? 'created' : c.type === FileChangeType.Deleted ? 'deleted' : 'changed';
        const s = await settings.get(c.uri);
        const change = await index.fileEvent(p, kind, s);
        if (change.changed) {
          changed = true;
          if (change.affected) for (const a of change.affected) affected.add(a);
          else unknown = true;
        }
        draftFiles.push(p);
      }
    }
    if (configFiles.length) configChanged(configFiles);
    else if (changed) relint({ changed, affected: unknown ? undefined : [...affected] });
    if (draftFiles.length) await problems.files(draftFiles);
  }));

  conn.onDidChangeConfiguration(guard('didChangeConfiguration', undefined, async (params) => {
    settings.changed(params.settings);
    analyzer.invalidate();
    const s = await settings.get();
    log.level = s.trace.server;
    scheduler.all(0);
    // The workspace's closed drafts follow too (severities, lintAllDocuments, enable).
    if (!indexedWith || indexedWith.enable !== s.enable || indexedWith.lintAll !== s.lintAllDocuments || problems.active) reindexSoon();
  }));

  // —— features ——
  const current = async (uri: string): Promise<{ a: Analysis; doc: TextDocument } | undefined> => {
    if (!documents.get(uri)) return undefined;
    // A document whose lint is slow or was stopped is not analysed in this thread (it would block it).
    if (!(await scheduler.safeForRequests(uri))) return undefined;
    const doc = documents.get(uri);
    if (!doc) return undefined;
    // A very large document edited since its last lint: no synchronous re-lint on a hover or code action.
    if (isLarge(doc) && !analyzer.cached(doc)) return undefined;
    const a = await analyzer.analyze(doc);
    const now = documents.get(uri);
    if (!now || now.version !== a.version) return undefined;
    return { a, doc: now };
  };

  conn.onHover(guard('hover', null, async (p) => {
    const c = await current(p.textDocument.uri);
    return c ? hover(c.a, c.doc, p.position, { index, workspaceFolders: folders }) : null;
  }));

  conn.onCodeAction(guard('codeAction', [], async (p) => {
    const c = await current(p.textDocument.uri);
    return c ? codeActions(c.a, c.doc, p, { documentChanges, index: index.drafts }) : [];
  }));

  conn.onCompletion(guard('completion', null, async (p) => {
    const c = await current(p.textDocument.uri);
    if (!c || !c.a.document || !c.a.settings.enable) return null;
    // Drafts, and documents on their way to becoming one (a known key already written).
    if (!c.a.draft && c.a.knownKeys < 1) return null;
    return completion(c.a.document, c.doc, p.position, { index: index.drafts, filePath: c.a.filePath, retrigger });
  }));

  conn.onRequest(LIST_RULES, guard('rules', [] as RuleSummary[], () => ALL_RULES.map((r) => ({
    id: r.meta.id, title: r.meta.title, description: r.meta.description, category: r.meta.category,
    defaultSeverity: r.meta.defaultSeverity, fixable: r.meta.fixable, clauses: r.meta.clauses.map((c) => c.id),
  }))));

  // Word and web pages (sources.ts): the text view of a .docx, and export to a 公文 .docx.
  conn.onRequest(DOCX_TEXT, guard('docxText', { error: '内部错误' } as DocxTextResult, (p: DocxTextParams) => docxTextRequest(String(p?.uri ?? ''))));
  conn.onRequest(EXPORT_DOCX, guard('exportDocx', { error: '内部错误' } as ExportDocxResult, async (p: ExportDocxParams) => {
    const file = uriToPath(String(p?.uri ?? ''));
    if (!file) return { error: '只能导出已保存的文件' };
    const open = documents.get(pathToUri(file));
    let text: string | undefined;
    try {
      text = open ? open.getText() : decodeDraft(await readRegular(file, MAX_EXPORT_BYTES));
    } catch (e) {
      return { error: `无法读取：${e instanceof NotReadable ? e.message : (e as NodeJS.ErrnoException).code ?? (e as Error).message}` };
    }
    if (text === undefined) return { error: '无法识别文件编码' };
    const config = configs.forDocument(file, await settings.get(pathToUri(file))).config;
    return exportDocxRequest(file, text, config, !!p.force);
  }));

  conn.onRequest(EXPLAIN_RULE, guard('explainRule', null as ExplainRuleResult | null, (p: ExplainRuleParams) => {
    const rule = getRule(String(p?.id ?? ''));
    if (!rule) return null;
    const file = rulePageFile(rule.meta.id);
    return { id: rule.meta.id, title: rule.meta.title, markdown: ruleSection(rule), docsUrl: docsUrl(rule.meta.id), ...(file ? { file } : {}) };
  }));

  conn.onRequest(LINT_WORKSPACE, guard('lintWorkspace', null as LintWorkspaceResult | null, async (p: LintWorkspaceParams, token) => {
    const params = p ?? {};
    const progress = params.workDoneToken !== undefined ? conn.window.attachWorkDoneProgress(params.workDoneToken) : undefined;
    await firstIndex;
    // What is on disk now (a config just removed or added counts, whatever events are still on their way).
    configs.invalidate();
    analyzer.invalidate();
    const roots = params.folders?.length ? params.folders.map((f) => path.resolve(f)) : folders;
    const result = await problems.lintAll(roots, token, progress);
    // Open drafts see the drafts the lint indexed (cross-document rules).
    analyzer.invalidate();
    scheduler.all(0);
    return result;
  }));

  conn.onRequest(DOCUMENT_INFO, guard('documentInfo', null as DocumentInfo | null, async (p: DocumentInfoParams) => {
    const c = await current(String(p?.uri ?? ''));
    return c ? documentInfo(c.a, index.drafts) : null;
  }));

  // The 公开台账 of the workspace (ledger.ts): what the extension's tree view shows.
  const ledgerDocs: ParsedDrafts = new Map();
  conn.onRequest(LEDGER, guard('ledger', null as LedgerResult | null, async (p: LedgerParams) => {
    await firstIndex;
    return ledgerRequest({ index, configs, settings, documents, parsed: ledgerDocs }, p);
  }));

  conn.onRequest(SERVER_STATUS, guard('serverStatus', null as ServerStatusResult | null, () => {
    const m = process.memoryUsage();
    return {
      version: SERVER_VERSION,
      openDocuments: documents.all().length,
      indexedDrafts: index.drafts.size,
      queue: scheduler.stats(),
      lintWorker: { restarts: worker.restarts, failed: worker.failed },
      memory: { rss: m.rss, heapUsed: m.heapUsed, heapTotal: m.heapTotal, external: m.external, arrayBuffers: m.arrayBuffers },
      uptime: process.uptime(),
    };
  }));

  conn.onShutdown(() => {
    if (reindexTimer) clearTimeout(reindexTimer);
    worker.dispose();
  });

  documents.listen(conn);
  conn.listen();
  log.debug(`zwgk: ${ALL_RULES.length} 条规则`);
  return conn;
}

export type { ZwgkSettings };
