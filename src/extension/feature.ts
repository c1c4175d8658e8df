/**
 * How the extension is put together: `extension.ts` starts the language client, then hands every feature
 * the same context and lets it register its own commands, providers and views. A new feature (a view for
 * another input format, say) is one more file and one more entry in FEATURES — nothing else changes.
 */
import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

export interface FeatureContext {
  readonly context: vscode.ExtensionContext;
  readonly client: LanguageClient;
  readonly output: vscode.LogOutputChannel;
  /** The client once its server runs (waits while it starts); undefined, after telling the user, when not. */
  runningClient(): Promise<LanguageClient | undefined>;
}

/** What a feature may hand back for the integration tests (merged into the extension's API). */
export type FeatureApi = Record<string, unknown>;

export type Feature = (ctx: FeatureContext) => FeatureApi | void;

export const LANGUAGES = ['markdown', 'plaintext'];
export const SOURCE = 'zwgk';
