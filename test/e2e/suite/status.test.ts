/**
 * The status bar item in the real workbench: what VS Code does not show already (it counts the problems
 * itself) — the active draft's kind, then its next deadline (an annual report: 发布期限) or, for a policy,
 * whether its 解读 is found; nothing on a plain README.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { activate, closeAll, domCount, fileUri, open, screenshot, waitFor, waitForDom, type ZwgkApi } from './helpers';

const REPORT = 'drafts/年度报告.md';
const README = 'notes/README.md';
const POLICY = 'drafts/某某管理办法.md';
/** The item in the page: its accessible label starts with “zwgk ” (accessibilityInformation). */
const ITEM = '.part.statusbar [aria-label^="zwgk "]';

describe('the status bar item', function () {
  this.timeout(60_000);
  let api: ZwgkApi;

  before(async () => {
    api = await activate();
  });

  after(async () => {
    await closeAll();
    fs.rmSync(fileUri(POLICY).fsPath, { force: true });
  });

  it('an annual report: 年度报告 · 发布期限 2026年1月31日 (条例 第四十九条, a department); the tooltip says why', async () => {
    await open(REPORT);
    const text = await waitFor('the status item of the report', () => api.status()?.includes('年度报告') && api.status());
    assert.equal(text, '$(law) 年度报告 · $(calendar) 发布期限 2026年1月31日');
    const tooltip = (api as unknown as { statusTooltip(): string | undefined }).statusTooltip() ?? '';
    assert.match(tooltip, /年度报告公布期限：2026年1月31日 星期六（[^）]*条例 第四十九条）/, tooltip);
    // As shown: the icons are drawn, the words are the item's.
    const shown = await waitForDom(ITEM, (t) => t.includes('年度报告'));
    if (shown !== undefined) {
      assert.equal(shown.replace(/\s+/g, ' ').trim(), '年度报告 · 发布期限 2026年1月31日');
      assert.equal(await domCount(`.part.statusbar .statusbar-item.warning-kind:has(${ITEM.replace('.part.statusbar ', '')})`), 0, 'an open deadline is no warning');
      await screenshot('status-bar');
    }
  });

  it('a 规范性文件 without a 解读 in the workspace: 规范性文件 · 未找到解读, on a warning background', async () => {
    fs.writeFileSync(fileUri(POLICY).fsPath, [
      '---', '标题: 海口市某某管理办法', '文档类型: 规范性文件', '发布机构: 海口市人民政府', '成文日期: 2026-03-02', '---', '',
      '# 海口市某某管理办法', '', '第一条 为了规范某某管理，制定本办法。', '',
    ].join('\n'));
    await open(POLICY);
    const text = await waitFor('the status item of the policy', () => api.status()?.includes('规范性文件') && api.status());
    assert.equal(text, '$(law) 规范性文件 · $(warning) 未找到解读');
    const shown = await waitForDom(ITEM, (t) => t.includes('规范性文件'));
    if (shown !== undefined) {
      assert.equal(shown.replace(/\s+/g, ' ').trim(), '规范性文件 · 未找到解读');
      // statusBarItem.warningBackground: VS Code marks the entry as of the warning kind.
      assert.equal(await domCount(`.part.statusbar .statusbar-item.warning-kind:has(${ITEM.replace('.part.statusbar ', '')})`), 1);
    }
  });

  it('absent on a plain README (not a draft), back on the draft', async () => {
    await open(README);
    await waitFor('no status item on the README', () => api.status() === undefined);
    const count = await domCount(`${ITEM} >> visible=true`);
    if (count !== undefined) assert.equal(count, 0, 'the item is not in the status bar');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(fileUri(REPORT)));
    await waitFor('the item back on the report', () => api.status()?.includes('年度报告'));
  });
});
