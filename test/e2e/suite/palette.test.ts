/**
 * “Chinese everywhere it matters”, in the real workbench with VS Code's default English UI: the command
 * palette, opened with F1 and searched by the Chinese names a 政务公开 office knows (插入模板, 检查工作区,
 * 解释规则), finds zwgk's commands; Enter on the first runs it (the template picker opens).
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activate, closeAll, harness, screenshot, sleep, waitForDom } from './helpers';

const ROWS = '.quick-input-widget .quick-input-list';

/** Opens the palette with F1 and types `text`; the rows' text once `pred` holds (undefined without a harness). */
async function palette(text: string, pred: (rows: string) => boolean): Promise<string | undefined> {
  if (!process.env.ZWGK_E2E_CHANNEL) return undefined;
  await harness({ op: 'press', keys: 'Escape' });
  await harness({ op: 'press', keys: 'F1' });
  await waitForDom('.quick-input-widget .quick-input-box input', () => true);
  await harness({ op: 'type', text });
  return waitForDom(ROWS, pred);
}

describe('the command palette in an English UI', function () {
  this.timeout(60_000);

  before(async () => {
    await activate();
  });

  after(async () => {
    await harness({ op: 'press', keys: 'Escape' });
    await closeAll();
  });

  it('VS Code runs in its default English UI (so the Chinese names are found in the English titles)', () => {
    assert.equal(vscode.env.language, 'en');
  });

  it('插入模板 finds zwgk: Insert Template…; Enter runs it (the template picker opens)', async function () {
    const rows = await palette('插入模板', (t) => t.includes('Insert Template'));
    if (rows === undefined) this.skip();
    assert.match(rows!, /zwgk: Insert Template… \(插入模板\)/, rows);
    await screenshot('palette-chinese');
    await harness({ op: 'press', keys: 'Enter' });
    // The command's own picker: its title (English UI: the l10n default) and the templates by Chinese name.
    const picker = await waitForDom('.quick-input-widget', (t) => t.includes('zwgk: Insert Template (插入模板)') && t.includes('年度报告'));
    assert.ok(picker!.includes('政策解读'), picker);
    await harness({ op: 'press', keys: 'Escape' });
  });

  it('检查工作区 finds zwgk: Lint All Drafts; 解释规则 finds zwgk: Explain a Rule…', async function () {
    const lint = await palette('检查工作区', (t) => t.includes('Lint All Drafts'));
    if (lint === undefined) this.skip();
    assert.match(lint!, /zwgk: Lint All Drafts in the Workspace \(检查工作区全部文稿\)/, lint);
    const explain = await palette('解释规则', (t) => t.includes('Explain a Rule'));
    assert.match(explain!, /zwgk: Explain a Rule… \(解释规则\)/, explain);
    // Only zwgk's command answers 解释规则: nothing else in VS Code carries that name.
    assert.doesNotMatch(explain!, /Lint All Drafts|Insert Template/, explain);
    await harness({ op: 'press', keys: 'Escape' });
    await sleep(200);
  });
});
