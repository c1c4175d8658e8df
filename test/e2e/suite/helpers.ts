/** Helpers for the integration tests: the workspace, waiting for diagnostics, ranges of text. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
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

// ————————————————————————————— the harness: screenshots and clicks in the real workbench —————————————————————————————

export interface HarnessAnswer {
  ok: boolean;
  error?: string;
  file?: string;
  count?: number;
  text?: string;
}

let requests = 0;
// run.js bundles each test file on its own, so each has its own copy of this module and its own
// counter: the id also carries a token of this copy, or a later file would read an earlier one's answer.
const copy = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;

/**
 * Asks the harness (test/e2e/run.js, which drives the browser) to do something in the workbench page:
 * `screenshot` (saved under .vscode-test/screenshots/), `click` a selector, `count` or read the `text` of
 * elements, `press` keys. Undefined when there is no harness (the @vscode/test-electron route).
 */
export async function harness(req: { op: string; [key: string]: unknown }, timeoutMs = 15_000): Promise<HarnessAnswer | undefined> {
  const dir = process.env.ZWGK_E2E_CHANNEL;
  if (!dir) return undefined;
  const id = `${process.pid}-${copy}-${++requests}`;
  const file = path.join(dir, `${id}.json`);
  console.log(`[zwgk-e2e-request] ${JSON.stringify({ id, ...req })}`);
  const t0 = Date.now();
  while (!fs.existsSync(file)) {
    if (Date.now() - t0 > timeoutMs) throw new Error(`the harness did not answer ${req.op} in ${timeoutMs} ms`);
    await sleep(50);
  }
  const answer = JSON.parse(fs.readFileSync(file, 'utf8')) as HarnessAnswer;
  fs.rmSync(file, { force: true });
  return answer;
}

/** A screenshot of the whole workbench, after `settle` ms for the UI to draw. */
export async function screenshot(name: string, settle = 600): Promise<string | undefined> {
  await sleep(settle);
  const r = await harness({ op: 'screenshot', name });
  if (r && !r.ok) throw new Error(`screenshot ${name}: ${r.error}`);
  return r?.file;
}

/** The text of the first element matching `selector` in the workbench (undefined without a harness). */
export async function domText(selector: string): Promise<string | undefined> {
  const r = await harness({ op: 'text', selector });
  if (r && !r.ok) throw new Error(`text of ${selector}: ${r.error}`);
  return r?.text;
}

export async function domCount(selector: string): Promise<number | undefined> {
  const r = await harness({ op: 'count', selector });
  return r?.count;
}

/**
 * Polls the text of the first visible element matching `selector` until `pred` holds; the text, or
 * undefined without a harness. Fails after `timeoutMs`.
 */
export async function waitForDom(selector: string, pred: (text: string) => boolean, timeoutMs = 10_000): Promise<string | undefined> {
  if (!process.env.ZWGK_E2E_CHANNEL) return undefined;
  const visible = `${selector} >> visible=true`;
  const t0 = Date.now();
  let last = '';
  for (;;) {
    const r = await harness({ op: 'text', selector: visible, timeout: 1000 });
    if (r?.ok && r.text !== undefined) {
      last = r.text;
      if (pred(last)) return last;
    }
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out waiting for ${selector}; last text:\n${last}`);
    await sleep(200);
  }
}

/** The tab of a Markdown preview whose label names `name` (the rule pages open as locked previews). */
export function previewTab(name: string): vscode.Tab | undefined {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) =>
    t.input instanceof vscode.TabInputWebview && /markdown\.preview/.test(t.input.viewType) && t.label.includes(name));
}

/**
 * Shows the Problems panel filtered to `text` (its own filter box: the list is virtualised, so only
 * what fits is in the page) and waits until the panel's text `shows` what the caller expects; returns
 * that text. The filter box takes focus only once the panel is shown: typed too early the text goes
 * nowhere, so it is typed again (three tries). Undefined without a harness; call `clearProblemsFilter()`
 * afterwards.
 */
export async function filterProblems(text: string, shows: (panelText: string) => boolean): Promise<string | undefined> {
  if (!process.env.ZWGK_E2E_CHANNEL) return undefined;
  for (let attempt = 1; ; attempt++) {
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    await vscode.commands.executeCommand('problems.action.focusFilter');
    await harness({ op: 'press', keys: 'Control+A' });
    await harness({ op: 'type', text });
    try {
      return await waitForDom('.markers-panel', shows, 5000);
    } catch (e) {
      if (attempt >= 3) throw e;
    }
  }
}

export async function clearProblemsFilter(): Promise<void> {
  if (!process.env.ZWGK_E2E_CHANNEL) return;
  await vscode.commands.executeCommand('problems.action.clearFilterText');
}
