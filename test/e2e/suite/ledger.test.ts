/**
 * The 政务公开台账 view in the real VS Code: its own activity-bar container, exactly the drafts “Lint All
 * Drafts” checks, the annual report of the fixture listed by state and by kind with the due date the
 * deadline rule gives, moved from 即将到期 to 逾期 as "today" passes the due date, moved again when the
 * draft is edited, and opening the draft at the line the period starts from when its row is clicked.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { activate, closeAll, fileUri, harness, screenshot, sleep, waitFor } from './helpers';

const REPORT = 'drafts/年度报告.md';
const TITLE = '海口市某某局2025年政府信息公开工作年度报告';

interface Node { kind: string; label: string; description?: string; path?: string; line?: number; children?: Node[] }
interface LedgerApi { ledgerTree(): Promise<Node[]>; ledgerVisible(): boolean }
interface Ledger { today: string; entries: { path: string; kind: string; deadlines: { rule: string; due?: string; state: string; line: number }[] }[] }

const group = (roots: Node[], root: string, label: string) => roots.find((r) => r.label === root)?.children?.find((g) => g.label === label);
/** Like waitFor, for an asynchronous check. */
async function waitAsync(what: string, check: () => Promise<unknown>, timeoutMs = 20_000): Promise<void> {
  const t0 = Date.now();
  while (!(await check())) {
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(200);
  }
}

const refresh = (today: string) => vscode.commands.executeCommand<Ledger>('zwgk.refreshLedger', { today });

describe('the 政务公开台账 view', function () {
  this.timeout(60_000);
  let api: LedgerApi;
  let original: string;

  before(async () => {
    original = fs.readFileSync(fileUri(REPORT).fsPath, 'utf8');
    api = (await activate()) as unknown as LedgerApi;
    await vscode.commands.executeCommand('workbench.view.extension.zwgk-ledger');
    await waitFor('the ledger view to show', () => api.ledgerVisible());
  });

  after(async () => {
    // The other suites read the annual report as the fixture has it (an auto-save may have written the edit).
    fs.writeFileSync(fileUri(REPORT).fsPath, original);
    await refresh('');
    await closeAll();
    await vscode.commands.executeCommand('workbench.view.explorer');
  });

  it('lists exactly the drafts “Lint All Drafts” checks (every kind: the ledger excludes none), in 按类型 once each', async () => {
    const lint = await vscode.commands.executeCommand<{ files: number; skipped: number; skippedFiles: string[]; cancelled: boolean }>('zwgk.lintWorkspace');
    assert.equal(lint.cancelled, false);
    assert.equal(lint.skippedFiles.length, lint.skipped, 'every skipped file is named (fewer than 50)');
    // What lint-all checked: the workspace's .md/.txt files less the ones it says it skipped.
    const skipped = new Set(lint.skippedFiles);
    const checked = (await vscode.workspace.findFiles('**/*.{md,txt}')).map((u) => u.fsPath).filter((f) => !skipped.has(f)).sort();
    assert.equal(checked.length, lint.files, `lint-all checked ${lint.files}: ${checked.join(', ')}`);
    const ledger = await refresh('2026-01-26');
    assert.deepEqual(ledger.entries.map((e) => e.path).sort(), checked, 'the ledger lists the drafts lint-all checked');
    const byKind = (await api.ledgerTree()).find((r) => r.label === '按类型')!;
    assert.equal(byKind.description, `${checked.length} 份文稿`);
    assert.deepEqual(byKind.children!.flatMap((g) => g.children!.map((n) => n.path!)).sort(), checked, '按类型 shows each once');
    for (const rel of ['notes/README.md', 'notes/周会.md']) assert.ok(skipped.has(fileUri(rel).fsPath), `${rel} is not a draft`);
    assert.ok(checked.includes(fileUri('公示/村务/某某村村务公示.md').fsPath), 'the draft outside any config, by its metadata');
    // The summary toast would cover the next screenshot.
    await vscode.commands.executeCommand('notifications.clearAll');
  });

  it('lists the annual report under 即将到期 and under its kind, with the due date of 条例 第四十九条 (a department: 1月31日)', async () => {
    const ledger = await refresh('2026-01-26');
    assert.equal(ledger.today, '2026-01-26');
    const entry = ledger.entries.find((e) => e.path === fileUri(REPORT).fsPath);
    assert.ok(entry, 'the annual report is in the ledger');
    assert.deepEqual(entry.deadlines.map((d) => [d.rule, d.due, d.state]), [['annual-report-deadline', '2026-01-31', 'due-soon']]);
    const roots = await api.ledgerTree();
    assert.deepEqual(roots.map((r) => r.label), ['按状态', '按类型']);
    const soon = group(roots, '按状态', '即将到期');
    assert.ok(soon, JSON.stringify(roots.map((r) => r.children?.map((g) => g.label))));
    const row = soon.children!.find((n) => n.label === TITLE)!;
    assert.match(row.description ?? '', /截止2026-01-31 · 剩4个工作日/);
    assert.ok(group(roots, '按类型', '年度报告')?.children?.some((n) => n.label === TITLE));
    await screenshot('ledger-view');
  });

  it('a click on the row opens the draft at the line the period starts from (报告年度)', async () => {
    await refresh('2026-01-26');
    await sleep(800);
    const clicked = await harness({ op: 'click', selector: `.pane-body .monaco-list-row:has-text("${TITLE}")` });
    if (!clicked) {
      // No harness (the @vscode/test-electron route): run the row's command as the click would.
      const row = group(await api.ledgerTree(), '按状态', '即将到期')!.children!.find((n) => n.label === TITLE)!;
      await vscode.commands.executeCommand('vscode.open', vscode.Uri.file(row.path!), { selection: new vscode.Range(row.line! - 1, 0, row.line! - 1, 0) });
    } else assert.ok(clicked.ok, clicked.error);
    await sleep(1000);
    await screenshot('ledger-click');
    const editor = await waitFor('the draft to open', () => {
      const e = vscode.window.activeTextEditor;
      return e && e.document.uri.fsPath === fileUri(REPORT).fsPath ? e : undefined;
    });
    assert.equal(editor.document.lineAt(editor.selection.active.line).text, '报告年度: 2025');
    await closeAll();
  });

  it('after the due date it is 逾期; editing the draft (a 发布日期 on time) moves it to 按期 without a save', async () => {
    await refresh('2026-02-02');
    assert.ok(group(await api.ledgerTree(), '按状态', '逾期')?.children?.some((n) => n.label === TITLE));
    const doc = await vscode.workspace.openTextDocument(fileUri(REPORT));
    const editor = await vscode.window.showTextDocument(doc, { preview: false });
    const line = doc.getText().split('\n').findIndex((l) => l.startsWith('成文日期'));
    await editor.edit((e) => e.insert(new vscode.Position(line + 1, 0), '发布日期: 2026-01-20\n'));
    // The view refreshes itself after the lint of the edit (diagnostics change).
    await waitAsync('the report to move to 按期', async () => group(await api.ledgerTree(), '按状态', '按期')?.children?.some((n) => n.label === TITLE), 20_000);
    // Back to the fixture's text, in the buffer and on disk (the other suites read it).
    await editor.edit((e) => e.delete(new vscode.Range(line + 1, 0, line + 2, 0)));
    await doc.save();
    assert.equal(doc.getText(), original);
    await closeAll();
  });
});
