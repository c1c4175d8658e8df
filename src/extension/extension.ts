/**
 * The zwgk VS Code extension: a thin client. It starts the language server (`dist/server.js`, over
 * IPC), which does all the checking, and adds what only an editor can. Each feature registers itself from
 * its own file (see feature.ts): lint the workspace, explain a rule (offline rule pages), templates
 * (command, code lenses in an empty draft, `zwgk-` completion), the config command, the status bar, the
 * text view of Word files and export to Word, the 政务公开台账 view.
 * Nothing from the workspace is executed: the config is data, read by the server.
 */
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { createClient, runningClient } from './client';
import type { Feature, FeatureApi, FeatureContext } from './feature';
import { lintWorkspaceFeature } from './lint-workspace';
import { explainRuleFeature } from './explain-rule';
import { templateFeature } from './template-features';
import { configFeature } from './config-command';
import { statusFeature } from './status';
import { ZwgkWorkspace } from './workspace-state';
import { registerDocxView } from './docx-view';
import { ledgerFeature } from './ledger-view';

export { LINT_WORKSPACE, type LintWorkspaceResult } from '../server/protocol';

/** What `activate` returns: used by the integration tests (and by other extensions, if ever). */
export interface ZwgkApi extends FeatureApi {
  /** Resolves when the language server is running. */
  ready(): Promise<void>;
  readonly client: LanguageClient;
  /** The status bar item's text, or undefined while it is hidden. */
  status(): string | undefined;
}

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<ZwgkApi> {
  const output = vscode.window.createOutputChannel('zwgk', { log: true });
  context.subscriptions.push(output);
  const c = createClient(context, output);
  client = c;

  const setState = (s: State) => {
    void vscode.commands.executeCommand('setContext', 'zwgk.serverRunning', s === State.Running);
    void vscode.commands.executeCommand('setContext', 'zwgk.serverStopped', s === State.Stopped);
  };
  context.subscriptions.push(
    c.onDidChangeState((e) => setState(e.newState)),
    vscode.commands.registerCommand('zwgk.restartServer', () => c.restart()),
    vscode.commands.registerCommand('zwgk.showOutput', () => c.outputChannel.show(true)),
  );

  const state = new ZwgkWorkspace();
  context.subscriptions.push(state);
  const features: Feature[] = [
    lintWorkspaceFeature, explainRuleFeature, templateFeature(state), configFeature(state), statusFeature,
    // The 政务公开台账 tree view in its own activity-bar container (ledger-view.ts).
    ledgerFeature,
    // Word files: a read-only text view the server checks, and export to a 公文 .docx (docx-view.ts).
    (f) => registerDocxView(f.context, f.runningClient),
  ];
  const ctx: FeatureContext = { context, client: c, output, runningClient: () => runningClient(client) };
  const api: FeatureApi = {};
  for (const feature of features) Object.assign(api, feature(ctx) ?? {});

  const started = c.start().catch((e: unknown) => {
    output.error(e instanceof Error ? e.message : String(e));
    void vscode.window.showErrorMessage(vscode.l10n.t('zwgk: the language server could not start. See the zwgk output for details.'));
  });
  return {
    status: () => undefined,
    ...api,
    ready: () => Promise.all([started, state.ready]).then(() => undefined),
    client: c,
  };
}

export async function deactivate(): Promise<void> {
  const c = client;
  client = undefined;
  if (c) await c.stop().catch(() => undefined);
}
