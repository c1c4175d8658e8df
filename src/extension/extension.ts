/**
 * The zwgk VS Code extension: a thin client. It starts the language server (`dist/server.js`, over
 * IPC), which does all the checking, and adds what only an editor can: commands (lint the workspace,
 * explain a rule, insert a template, create the config, restart), a status bar item and templates.
 * Nothing from the workspace is executed: the config is data, read by the server.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  LanguageClient, RevealOutputChannelOn, State, TransportKind, WorkDoneProgress,
  type LanguageClientOptions, type ServerOptions,
} from 'vscode-languageclient/node';
import { TEMPLATES, getTemplate, renderTemplate, type Template, type TemplateFormat } from './templates';
// Only leaf modules: the request shapes and the catalogue key list. The engine stays in the server.
import { DOCX_SCHEME, EXPLAIN_RULE, LINT_WORKSPACE, LIST_RULES, type ExplainRuleResult, type LintWorkspaceResult, type RuleSummary } from '../server/protocol';
import { catalogueKeysIn } from '../core/meta-keys';
import { registerDocxView } from './docx-view';

export { LINT_WORKSPACE, type LintWorkspaceResult };
const SOURCE = 'zwgk';
const LANGUAGES = ['markdown', 'plaintext'];
const CONFIG_FILE = '.zwgkrc.json';
const CONFIG_GLOB = '**/.zwgkrc{.json,.yaml,.yml}';


/** What `activate` returns: used by the integration tests (and by other extensions, if ever). */
export interface ZwgkApi {
  /** Resolves when the language server is running. */
  ready(): Promise<void>;
  readonly client: LanguageClient;
  /** The status bar item's text, or undefined while it is hidden. */
  status(): string | undefined;
}

let client: LanguageClient | undefined;
let statusItem: vscode.StatusBarItem | undefined;
let statusVisible = false;
/** Folders holding a .zwgkrc* (a config governs its folder and everything below, as in the server). */
let configDirs: string[] = [];

export async function activate(context: vscode.ExtensionContext): Promise<ZwgkApi> {
  const output = vscode.window.createOutputChannel('zwgk', { log: true });
  context.subscriptions.push(output);
  client = createClient(context, output);

  const c = client;
  const setState = (s: State) => {
    void vscode.commands.executeCommand('setContext', 'zwgk.serverRunning', s === State.Running);
    void vscode.commands.executeCommand('setContext', 'zwgk.serverStopped', s === State.Stopped);
  };
  context.subscriptions.push(c.onDidChangeState((e) => setState(e.newState)));

  context.subscriptions.push(
    vscode.commands.registerCommand('zwgk.lintWorkspace', () => lintWorkspace()),
    vscode.commands.registerCommand('zwgk.explainRule', (id?: unknown) => explainRule(context, typeof id === 'string' ? id : undefined)),
    vscode.commands.registerCommand('zwgk.insertTemplate', (arg?: unknown) => insertTemplate(arg)),
    vscode.commands.registerCommand('zwgk.createConfig', (folder?: unknown) => createConfig(context, folder)),
    vscode.commands.registerCommand('zwgk.restartServer', () => restartServer()),
    vscode.commands.registerCommand('zwgk.showOutput', () => c.outputChannel.show(true)),
  );

  setupStatusBar(context);
  registerDocxView(context, runningClient);

  const started = c.start().catch((e: unknown) => {
    output.error(e instanceof Error ? e.message : String(e));
    void vscode.window.showErrorMessage(vscode.l10n.t('zwgk: the language server could not start. See the zwgk output for details.'));
  });
  return { ready: () => started.then(() => undefined), client: c, status: () => (statusVisible ? statusItem?.text : undefined) };
}

export async function deactivate(): Promise<void> {
  const c = client;
  client = undefined;
  if (c) await c.stop().catch(() => undefined);
}

function createClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
  // `__dirname` is dist/ when bundled: the server bundle sits next to this file.
  const serverModule = path.join(__dirname, 'server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const watchers = [
    vscode.workspace.createFileSystemWatcher('**/.zwgkrc*'),
    vscode.workspace.createFileSystemWatcher('**/*.{md,txt,docx,html,htm}'),
  ];
  context.subscriptions.push(...watchers);
  const clientOptions: LanguageClientOptions = {
    // Drafts, saved portal pages, and the text views of .docx files (docx-view.ts).
    documentSelector: [...LANGUAGES.flatMap((language) => [{ scheme: 'file', language }, { scheme: 'untitled', language }]), { scheme: 'file', language: 'html' }, { scheme: DOCX_SCHEME }],
    synchronize: { configurationSection: 'zwgk', fileEvents: watchers },
    diagnosticCollectionName: SOURCE,
    outputChannel: output,
    // Never pop the output panel up: ordinary Markdown projects must not notice zwgk at all.
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    initializationOptions: { settings: { zwgk: plainSettings() } },
    markdown: { isTrusted: false, supportHtml: false },
  };
  return new LanguageClient('zwgk', 'zwgk', serverOptions, clientOptions);
}

function plainSettings(): Record<string, unknown> {
  const s = vscode.workspace.getConfiguration('zwgk');
  return {
    enable: s.get('enable'), run: s.get('run'), lintAllDocuments: s.get('lintAllDocuments'),
    rules: s.get('rules'), debounce: s.get('debounce'), trace: { server: s.get('trace.server') },
  };
}

async function runningClient(): Promise<LanguageClient | undefined> {
  const c = client;
  if (!c) return undefined;
  if (c.state === State.Running) return c;
  if (c.state === State.Starting) {
    await new Promise<void>((resolve) => {
      const sub = c.onDidChangeState((e) => {
        if (e.newState !== State.Starting) {
          sub.dispose();
          resolve();
        }
      });
    });
    if ((c.state as State) === State.Running) return c;
  }
  void vscode.window.showErrorMessage(vscode.l10n.t('zwgk: the language server is not running. Run “zwgk: Restart the Language Server”.'));
  return undefined;
}

// ————————————————————————————— lint the workspace —————————————————————————————

async function lintWorkspace(): Promise<LintWorkspaceResult | undefined> {
  const c = await runningClient();
  if (!c) return undefined;
  let result: LintWorkspaceResult | undefined;
  try {
    result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('zwgk: checking the drafts in the workspace'), cancellable: true },
      async (progress, token) => {
        const workDoneToken = `zwgk-lint-workspace-${Date.now()}-${Math.random().toString(36).slice(2)}`;
        let done = 0;
        const sub = c.onProgress(WorkDoneProgress.type, workDoneToken, (v) => {
          if (v.kind === 'end') return;
          const pct = typeof v.percentage === 'number' ? v.percentage : done;
          progress.report({ message: v.message, increment: Math.max(0, pct - done) });
          done = Math.max(done, pct);
        });
        try {
          return await c.sendRequest<LintWorkspaceResult>(LINT_WORKSPACE, { workDoneToken }, token);
        } finally {
          sub.dispose();
        }
      },
    );
  } catch (e) {
    const err = e as { code?: number; message?: string };
    // -32800: RequestCancelled (the user pressed Cancel before the server answered).
    if (err && err.code === -32800) return { files: 0, filesWithProblems: 0, errors: 0, warnings: 0, infos: 0, cancelled: true };
    void vscode.window.showErrorMessage(vscode.l10n.t('zwgk: checking the workspace failed: {0}', err?.message ?? String(e)));
    return undefined;
  }
  if (!result) return undefined;
  const summary = result.cancelled
    ? vscode.l10n.t('zwgk: cancelled after {0} drafts ({1} errors, {2} warnings so far).', result.files, result.errors, result.warnings)
    : vscode.l10n.t('zwgk: checked {0} drafts, {1} with problems — {2} errors, {3} warnings, {4} infos.', result.files, result.filesWithProblems, result.errors, result.warnings, result.infos);
  const show = vscode.l10n.t('Show Problems');
  void vscode.window.showInformationMessage(summary, show).then((pick) => {
    if (pick === show) void vscode.commands.executeCommand('workbench.actions.view.problems');
  });
  return result;
}

// ————————————————————————————— explain a rule —————————————————————————————

interface RuleItem extends vscode.QuickPickItem { rule?: RuleSummary }

async function explainRule(context: vscode.ExtensionContext, ruleId?: string): Promise<vscode.Uri | undefined> {
  const c = await runningClient();
  if (!c) return undefined;
  const rules = await c.sendRequest<RuleSummary[]>(LIST_RULES);
  let rule = ruleId ? rules.find((r) => r.id === ruleId) : undefined;
  if (ruleId && !rule) {
    void vscode.window.showErrorMessage(vscode.l10n.t('zwgk: there is no rule “{0}”.', ruleId));
    return undefined;
  }
  if (!rule) {
    const active = vscode.window.activeTextEditor;
    // Rules reported at the cursor come first.
    const here = active
      ? vscode.languages.getDiagnostics(active.document.uri)
          .filter((d) => d.source === SOURCE && d.range.contains(active.selection.active))
          .map((d) => codeOf(d))
      : [];
    const items: RuleItem[] = [];
    const byCategory = new Map<string, RuleSummary[]>();
    for (const r of rules) {
      if (!byCategory.has(r.category)) byCategory.set(r.category, []);
      byCategory.get(r.category)!.push(r);
    }
    const item = (r: RuleSummary): RuleItem => ({
      label: r.id,
      description: `${r.title} · ${r.defaultSeverity}`,
      detail: `${r.description} （${r.clauses.join('；')}）`,
      rule: r,
    });
    const atCursor = rules.filter((r) => here.includes(r.id));
    if (atCursor.length) {
      items.push({ label: vscode.l10n.t('At the cursor'), kind: vscode.QuickPickItemKind.Separator }, ...atCursor.map(item));
    }
    for (const [category, list] of byCategory) {
      items.push({ label: category, kind: vscode.QuickPickItemKind.Separator }, ...list.map(item));
    }
    const pick = await vscode.window.showQuickPick(items, {
      title: vscode.l10n.t('zwgk: Explain a Rule'),
      placeHolder: vscode.l10n.t('Rule id, title or clause (e.g. personal-phone, 同步解读, 第十五条)'),
      matchOnDescription: true,
      matchOnDetail: true,
    });
    rule = pick?.rule;
  }
  if (!rule) return undefined;
  // The generated rule page ships with the extension; fall back to the server's explanation.
  const docFile = vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules', `${rule.id}.md`);
  let uri: vscode.Uri;
  try {
    await vscode.workspace.fs.stat(docFile);
    uri = docFile;
  } catch {
    const explained = await c.sendRequest<ExplainRuleResult | null>(EXPLAIN_RULE, { id: rule.id });
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: explained?.markdown ?? `# ${rule.id}` });
    uri = doc.uri;
  }
  await vscode.commands.executeCommand('markdown.showPreview', uri);
  return uri;
}

function codeOf(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  if (c === undefined) return undefined;
  return typeof c === 'object' ? String(c.value) : String(c);
}

// ————————————————————————————— templates —————————————————————————————

interface TemplateItem extends vscode.QuickPickItem { template: Template }

interface InsertArgs {
  /** Template id (`jiedu`) or name (`政策解读`). */
  id?: string;
  /** `cursor`: into the active editor; `new`: a new untitled document. Default: decided as below. */
  target?: 'cursor' | 'new';
  /** For a new document: `markdown` (default) or `text`. */
  format?: TemplateFormat;
}

async function insertTemplate(arg?: unknown): Promise<vscode.TextEditor | undefined> {
  const args: InsertArgs = typeof arg === 'string' ? { id: arg } : arg && typeof arg === 'object' ? (arg as InsertArgs) : {};
  let template = args.id ? getTemplate(args.id) ?? TEMPLATES.find((t) => t.name === args.id) : undefined;
  if (args.id && !template) {
    void vscode.window.showErrorMessage(vscode.l10n.t('zwgk: there is no template “{0}”.', args.id));
    return undefined;
  }
  if (!template) {
    const items: TemplateItem[] = TEMPLATES.map((t) => ({
      label: t.name,
      description: t.prefixes.join(' · '),
      detail: t.description,
      template: t,
    }));
    const pick = await vscode.window.showQuickPick(items, {
      title: vscode.l10n.t('zwgk: Insert Template'),
      placeHolder: vscode.l10n.t('Template (the same templates are snippets: type zwgk- or its Chinese name)'),
      matchOnDescription: true,
      matchOnDetail: true,
    });
    template = pick?.template;
  }
  if (!template) return undefined;

  const active = vscode.window.activeTextEditor;
  const usable = active && LANGUAGES.includes(active.document.languageId) ? active : undefined;
  const emptyDoc = usable !== undefined && usable.document.getText().trim() === '';
  // A whole-document template goes into an empty draft, or a new one; the metadata template goes on top.
  let target = args.target ?? (usable && (emptyDoc || template.headerOnly) ? 'cursor' : 'new');
  if (target === 'cursor' && !usable) target = 'new';
  let editor: vscode.TextEditor;
  let format: TemplateFormat;
  if (target === 'cursor' && usable) {
    editor = usable;
    format = usable.document.languageId === 'plaintext' ? 'text' : 'markdown';
  } else {
    format = args.format ?? (usable?.document.languageId === 'plaintext' ? 'text' : 'markdown');
    const doc = await vscode.workspace.openTextDocument({ language: format === 'text' ? 'plaintext' : 'markdown', content: '' });
    editor = await vscode.window.showTextDocument(doc);
  }
  const snippet = new vscode.SnippetString(renderTemplate(template, format) + (template.headerOnly ? '\n' : ''));
  const at = template.headerOnly && !emptyDoc && target === 'cursor' && !looksLikeDraft(editor.document)
    ? new vscode.Position(0, 0)
    : editor.selection.active;
  await editor.insertSnippet(snippet, at);
  return editor;
}

/**
 * The server's own test, cheaply: a draft's front matter / catalogue header names at least two known
 * keys, or its 文档类型 (one `标题:` alone does not make a README a draft).
 */
function looksLikeDraft(doc: vscode.TextDocument): boolean {
  const head = doc.getText(new vscode.Range(0, 0, 60, 0));
  const keys = catalogueKeysIn(head);
  return keys.size >= 2 || keys.has('文档类型');
}

// ————————————————————————————— config —————————————————————————————

async function createConfig(context: vscode.ExtensionContext, arg?: unknown): Promise<vscode.Uri | undefined> {
  const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
  let folder: vscode.WorkspaceFolder | undefined;
  if (arg instanceof vscode.Uri) folder = vscode.workspace.getWorkspaceFolder(arg);
  if (!folder) {
    if (folders.length === 0) {
      void vscode.window.showErrorMessage(vscode.l10n.t('zwgk: open a folder first; .zwgkrc.json belongs in a workspace folder.'));
      return undefined;
    }
    folder = folders.length === 1 ? folders[0] : await vscode.window.showWorkspaceFolderPick({ placeHolder: vscode.l10n.t('Folder for .zwgkrc.json') });
  }
  if (!folder) return undefined;
  // An existing config (JSON or YAML) is opened, never overwritten.
  for (const name of [CONFIG_FILE, '.zwgkrc.yaml', '.zwgkrc.yml']) {
    const existing = vscode.Uri.joinPath(folder.uri, name);
    if (await exists(existing)) {
      await vscode.window.showTextDocument(existing);
      return existing;
    }
  }
  const file = vscode.Uri.joinPath(folder.uri, CONFIG_FILE);
  const content = JSON.stringify({ $schema: await schemaRef(context, folder), rules: {}, ignore: [] }, null, 2) + '\n';
  const edit = new vscode.WorkspaceEdit();
  edit.createFile(file, { ignoreIfExists: true, contents: new TextEncoder().encode(content) });
  if (!(await vscode.workspace.applyEdit(edit))) {
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(content));
  }
  const editor = await vscode.window.showTextDocument(file);
  // Cursor inside "rules": {}.
  const rulesLine = editor.document.getText().split('\n').findIndex((l) => l.includes('"rules"'));
  if (rulesLine >= 0) {
    const col = editor.document.lineAt(rulesLine).text.indexOf('{') + 1;
    editor.selection = new vscode.Selection(rulesLine, col, rulesLine, col);
  }
  configDirs = [...new Set([...configDirs, path.dirname(file.fsPath)])];
  updateStatus();
  return file;
}

/** `$schema`: the CLI's copy in node_modules when the project has one (stable), else the extension's. */
async function schemaRef(context: vscode.ExtensionContext, folder: vscode.WorkspaceFolder): Promise<string> {
  const local = vscode.Uri.joinPath(folder.uri, 'node_modules', 'zwgk', 'schemas', 'zwgkrc.schema.json');
  if (await exists(local)) return './node_modules/zwgk/schemas/zwgkrc.schema.json';
  return vscode.Uri.joinPath(context.extensionUri, 'schemas', 'zwgkrc.schema.json').toString();
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

async function restartServer(): Promise<void> {
  const c = client;
  if (!c) return;
  await c.restart();
}

// ————————————————————————————— status bar —————————————————————————————

function setupStatusBar(context: vscode.ExtensionContext): void {
  statusItem = vscode.window.createStatusBarItem('zwgk.status', vscode.StatusBarAlignment.Right, 100);
  statusItem.name = 'zwgk';
  statusItem.command = 'workbench.actions.view.problems';
  context.subscriptions.push(statusItem);
  const update = () => updateStatus();
  context.subscriptions.push(
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.languages.onDidChangeDiagnostics((e) => {
      const uri = vscode.window.activeTextEditor?.document.uri.toString();
      if (uri && e.uris.some((u) => u.toString() === uri)) update();
    }),
    vscode.workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration('zwgk')) update(); }),
  );
  // Whether the workspace has a config (then every .md/.txt is a draft for the server too).
  const watcher = vscode.workspace.createFileSystemWatcher(CONFIG_GLOB);
  const recheck = async () => {
    const found = await vscode.workspace.findFiles(CONFIG_GLOB, '**/node_modules/**', 200);
    configDirs = [...new Set(found.filter((u) => u.scheme === 'file').map((u) => path.dirname(u.fsPath)))];
    update();
  };
  context.subscriptions.push(watcher, watcher.onDidCreate(recheck), watcher.onDidDelete(recheck));
  void recheck();
}

/** Counts of this draft's zwgk problems, or hidden for files zwgk does not check. */
function updateStatus(): void {
  const item = statusItem;
  if (!item) return;
  const editor = vscode.window.activeTextEditor;
  if (!editor || !LANGUAGES.includes(editor.document.languageId)) {
    hideStatus();
    return;
  }
  const diags = vscode.languages.getDiagnostics(editor.document.uri).filter((d) => d.source === SOURCE);
  const settings = vscode.workspace.getConfiguration('zwgk', editor.document.uri);
  const draft = diags.length > 0 || governed(editor.document.uri) || settings.get<boolean>('lintAllDocuments') === true || looksLikeDraft(editor.document);
  if (!draft || settings.get<boolean>('enable') === false) {
    hideStatus();
    return;
  }
  const errors = diags.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
  const warnings = diags.filter((d) => d.severity === vscode.DiagnosticSeverity.Warning).length;
  const infos = diags.length - errors - warnings;
  item.text = diags.length === 0 ? '$(check) zwgk' : `$(error) ${errors} $(warning) ${warnings} zwgk`;
  item.tooltip = diags.length === 0
    ? vscode.l10n.t('zwgk: no problems in this draft')
    : vscode.l10n.t('zwgk: {0} errors, {1} warnings, {2} infos in this draft — click to show the Problems panel', errors, warnings, infos);
  item.accessibilityInformation = { label: typeof item.tooltip === 'string' ? item.tooltip : 'zwgk' };
  item.backgroundColor = errors > 0 ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
  item.show();
  statusVisible = true;
}

function hideStatus(): void {
  statusItem?.hide();
  statusVisible = false;
}

/** A .zwgkrc* in the file's folder or above it (the server then lints every .md/.txt there). */
function governed(uri: vscode.Uri): boolean {
  if (uri.scheme !== 'file') return false;
  const file = uri.fsPath;
  return configDirs.some((d) => file.startsWith(d.endsWith(path.sep) ? d : d + path.sep));
}
