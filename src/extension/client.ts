/** The language client: the server bundle over IPC, the documents it sees, and how rule links open. */
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  LanguageClient, RevealOutputChannelOn, State, TransportKind, type LanguageClientOptions, type ServerOptions,
} from 'vscode-languageclient/node';
import { LANGUAGES, SOURCE } from './feature';
import { DOCX_SCHEME } from '../server/protocol';

/** The command rule links run (the server writes `command:zwgk.explainRule?["<id>"]` for this client). */
export const EXPLAIN_COMMAND = 'zwgk.explainRule';

export function createClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
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
    documentSelector: [
      ...LANGUAGES.flatMap((language) => [{ scheme: 'file', language }, { scheme: 'untitled', language }]),
      // Saved portal pages, and the text views of .docx files (docx-view.ts).
      { scheme: 'file', language: 'html' },
      { scheme: DOCX_SCHEME },
      // Config files too: the server checks them while they are typed (diagnostics in the file, no toasts).
      { scheme: 'file', pattern: '**/.zwgkrc{.json,.yaml,.yml}' },
    ],
    synchronize: { configurationSection: 'zwgk', fileEvents: watchers },
    diagnosticCollectionName: SOURCE,
    outputChannel: output,
    // Never pop the output panel up: ordinary Markdown projects must not notice zwgk at all.
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    initializationOptions: { settings: { zwgk: plainSettings() }, ruleLinks: { command: EXPLAIN_COMMAND } },
    // Hover links may run exactly one command: opening a rule page inside VS Code (offline).
    markdown: { isTrusted: { enabledCommands: [EXPLAIN_COMMAND] }, supportHtml: false },
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

/** The client when it runs; waits while it starts; tells the user and gives undefined otherwise. */
export async function runningClient(c: LanguageClient | undefined): Promise<LanguageClient | undefined> {
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
