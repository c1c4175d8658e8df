/** Helpers for the integration tests: the workspace, waiting for diagnostics, ranges of text. */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'zwgk.zwgk';

export interface ZwgkApi {
  ready(): Promise<void>;
  status(): string | undefined;
  client: { state: number };
}

export async function activate(): Promise<ZwgkApi> {
  const ext = vscode.extensions.getExtension<ZwgkApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not loaded`);
  const api = await ext.activate();
  await api.ready();
  return api;
}

export function workspaceRoot(): string {
  const f = vscode.workspace.workspaceFolders?.[0];
  assert.ok(f, 'no workspace folder open');
  return f.uri.fsPath;
}

export function fileUri(rel: string): vscode.Uri {
  return vscode.Uri.file(path.join(workspaceRoot(), ...rel.split('/')));
}

export async function open(rel: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(fileUri(rel));
  return vscode.window.showTextDocument(doc, { preview: false });
}

export function zwgk(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'zwgk');
}

export function codeOf(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  if (c === undefined) return undefined;
  return typeof c === 'object' ? String(c.value) : String(c);
}

export function byCode(uri: vscode.Uri, code: string): vscode.Diagnostic[] {
  return zwgk(uri).filter((d) => codeOf(d) === code);
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `check` (also on every diagnostics change) until it returns a truthy value. */
export async function waitFor<T>(what: string, check: () => T | undefined | false | null, timeoutMs = 20_000): Promise<T> {
  const t0 = Date.now();
  for (;;) {
    const v = check();
    if (v) return v;
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise<void>((resolve) => {
      const sub = vscode.languages.onDidChangeDiagnostics(() => { sub.dispose(); resolve(); });
      setTimeout(() => { sub.dispose(); resolve(); }, 100);
    });
  }
}

export function waitForCode(uri: vscode.Uri, code: string, timeoutMs?: number): Promise<vscode.Diagnostic[]> {
  return waitFor(`${code} on ${path.basename(uri.fsPath)}`, () => {
    const ds = byCode(uri, code);
    return ds.length ? ds : undefined;
  }, timeoutMs);
}

/** The range of the n-th occurrence of `needle` in the document. */
export function rangeOf(doc: vscode.TextDocument, needle: string, nth = 0): vscode.Range {
  const text = doc.getText();
  let i = -1;
  for (let k = 0; k <= nth; k++) {
    i = text.indexOf(needle, i + 1);
    assert.ok(i >= 0, `“${needle}” not found in ${path.basename(doc.uri.fsPath)}`);
  }
  return new vscode.Range(doc.positionAt(i), doc.positionAt(i + needle.length));
}

export function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}

/** Closes every editor without a save prompt (dirty documents are reverted first). */
export async function closeAll(): Promise<void> {
  for (const doc of vscode.workspace.textDocuments) {
    if (!doc.isDirty) continue;
    await vscode.window.showTextDocument(doc, { preview: false });
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/**
 * Runs a `vscode.execute…Provider` command, retrying when it is cancelled: while the built-in
 * Markdown language server starts, its providers may cancel, and VS Code then cancels the whole
 * command (not only that provider's part).
 */
export async function execute<T>(command: string, ...args: unknown[]): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await vscode.commands.executeCommand<T>(command, ...args);
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      if (!/Canceled/i.test(msg) || attempt >= 10) throw e;
      await sleep(300);
    }
  }
}
