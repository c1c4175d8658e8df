/** Protocol tests: quick fixes, fix-all (source.fixAll.zwgk) and the disable-rule actions, applied. */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { fixText, lintText } from '../../src/core';
import { LspClient, startWorkspace, applyEdits, editsFor, rangeText } from './lsp-client';
import { POLICY, posOf, policyWorkspace } from './drafts';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';

describe('language server: code actions', function () {
  this.timeout(30000);
  let ws: string;
  let client: LspClient;

  before(async () => {
    ({ ws, client } = await startWorkspace(policyWorkspace()));
  });
  after(() => client?.shutdown());

  /** Opens `text` as `name`, waits for its diagnostics. */
  async function open(name: string, text: string): Promise<{ uri: string; diags: Diagnostic[] }> {
    const uri = client.open(path.join(ws, name), text);
    return { uri, diags: await client.diagnostics(uri, { version: 1 }) };
  }

  /** Applies an action's edit in the client and sends it to the server; returns the new diagnostics. */
  async function apply(uri: string, action: CodeAction): Promise<Diagnostic[]> {
    const edits = editsFor(action.edit, uri);
    assert.ok(edits.length > 0, `no edits in “${action.title}”`);
    const dc = action.edit?.documentChanges?.[0] as { textDocument: { version: number } } | undefined;
    assert.equal(dc?.textDocument.version, client.version(uri), 'edit is versioned for the current document');
    const v = client.change(uri, applyEdits(client.text(uri), edits));
    return client.diagnostics(uri, { version: v });
  }

  it('offers each fix as a preferred quick fix with its diagnostic, and applying it fixes the problem', async () => {
    const { uri, diags } = await open('fix-one.md', POLICY);
    const d = diags.find((x) => x.code === 'doc-number-format')!;
    const actions = await client.codeActions(uri, d.range, [d], ['quickfix']);
    const fix = actions.find((a) => a.title.includes('海府办函〔2019〕168号') || a.title.includes('〔2019〕168号'));
    assert.ok(fix, actions.map((a) => a.title).join(' | '));
    assert.equal(fix.kind, 'quickfix');
    assert.equal(fix.isPreferred, true);
    assert.deepEqual(fix.diagnostics?.map((x) => x.code), ['doc-number-format']);
    const after = await apply(uri, fix);
    assert.ok(client.text(uri).includes('文号: 海府办函〔2019〕168号'));
    assert.equal(after.filter((x) => x.code === 'doc-number-format').length, 0);
    client.close(uri);
  });

  it('source.fixAll.zwgk: one minimal edit equal to the core’s fixText, also for codeActionsOnSave (only: source.fixAll)', async () => {
    const { uri } = await open('fix-all.md', POLICY);
    const actions = await client.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [], ['source.fixAll']);
    assert.deepEqual(actions.map((a) => a.kind), ['source.fixAll.zwgk']);
    assert.equal(actions[0].title, '修复全部 zwgk 问题');
    const edits = editsFor(actions[0].edit, uri);
    assert.equal(edits.length, 1);
    // Minimal: the edit starts at the first changed character, not at the top of the file.
    assert.ok(edits[0].range.start.line > 0, 'edit covers only the changed span');
    const expected = fixText(POLICY, path.join(ws, 'fix-all.md')).text;
    assert.notEqual(expected, POLICY);
    assert.equal(applyEdits(POLICY, edits), expected);
    const after = await apply(uri, actions[0]);
    assert.ok(after.every((d) => !(d.data as { fix?: unknown }).fix), 'nothing fixable left');
    // Nothing left to fix: no fix-all action.
    assert.deepEqual(await client.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [], ['source.fixAll.zwgk']), []);
    client.close(uri);
  });

  it('“在此行禁用规则”: a disable-next-line comment above a paragraph silences exactly that line', async () => {
    const text = `${POLICY}\n第四条 备用电话：13900001111。\n`;
    const { uri, diags } = await open('disable-line.md', text);
    const phone = diags.find((d) => d.code === 'personal-phone' && rangeText(text, d) === '13812345678')!;
    const actions = await client.codeActions(uri, phone.range, [phone]);
    const act = actions.find((a) => a.title === '在此行禁用规则 personal-phone');
    assert.ok(act, actions.map((a) => a.title).join(' | '));
    const after = await apply(uri, act);
    assert.ok(client.text(uri).includes('<!-- zwgk-disable-next-line personal-phone -->\n第三条 联系人'));
    assert.deepEqual(after.filter((d) => d.code === 'personal-phone').map((d) => rangeText(client.text(uri), d)), ['13900001111']);
    client.close(uri);
  });

  it('“在此行禁用规则” on a continuation line of a paragraph: an inline comment that keeps the paragraph whole', async () => {
    const text = POLICY.replace('第三条 联系人：王某，联系电话：13812345678。', '第三条 联系人：王某，\n联系电话：13812345678。');
    const { uri, diags } = await open('disable-inline.md', text);
    const phone = diags.find((d) => d.code === 'personal-phone')!;
    const act = (await client.codeActions(uri, phone.range, [phone])).find((a) => a.title === '在此行禁用规则 personal-phone')!;
    const after = await apply(uri, act);
    assert.ok(client.text(uri).includes('联系电话：13812345678。 <!-- zwgk-disable-line personal-phone -->'));
    assert.equal(after.filter((d) => d.code === 'personal-phone').length, 0);
    // Still one paragraph: the core sees the same blocks as before (plus nothing).
    const blocks = (t: string) => lintText(t, 'a.md').document.blocks.length;
    assert.equal(blocks(client.text(uri)), blocks(text));
    client.close(uri);
  });

  it('“在此文件禁用规则”: a disable comment after the front matter, which stays valid', async () => {
    const { uri, diags } = await open('disable-file.md', POLICY);
    const phone = diags.find((d) => d.code === 'personal-phone')!;
    const act = (await client.codeActions(uri, phone.range, [phone])).find((a) => a.title === '在此文件禁用规则 personal-phone')!;
    const after = await apply(uri, act);
    assert.ok(client.text(uri).includes('解读材料: 储备粮管理办法解读.md\n---\n<!-- zwgk-disable personal-phone -->\n'));
    assert.equal(after.filter((d) => d.code === 'personal-phone').length, 0);
    assert.equal(after.filter((d) => d.code === 'front-matter-invalid').length, 0);
    assert.ok(after.some((d) => d.code === 'date-format'), 'metadata still read');
    // A second rule joins the same comment.
    const date = after.find((d) => d.code === 'doc-number-format')!;
    const act2 = (await client.codeActions(uri, date.range, [date])).find((a) => a.title === '在此文件禁用规则 doc-number-format')!;
    const after2 = await apply(uri, act2);
    assert.ok(client.text(uri).includes('<!-- zwgk-disable personal-phone doc-number-format -->'));
    assert.equal(after2.filter((d) => d.code === 'doc-number-format').length, 0);
    client.close(uri);
  });

  it('works in plain-text drafts: disable-next-line above the line, file comment after the catalogue header', async () => {
    const text = [
      '索 引 号: 00817804-9/2019-13123 分类: 规划计划',
      '发布机构: 市政府办公室 发文日期: 2019年6月24日',
      '名  称: 海口市人民政府办公室关于公布扶贫项目的通知',
      '',
      '海口市人民政府办公室关于公布扶贫项目的通知',
      '',
      '联系人：王某，电话：13812345678。',
      '',
    ].join('\n');
    const { uri, diags } = await open('notice.txt', text);
    const phone = diags.find((d) => d.code === 'personal-phone')!;
    assert.ok(phone);
    const actions = await client.codeActions(uri, phone.range, [phone]);
    const line = actions.find((a) => a.title === '在此行禁用规则 personal-phone')!;
    const lineEdit = applyEdits(text, editsFor(line.edit, uri));
    assert.ok(lineEdit.includes('<!-- zwgk-disable-next-line personal-phone -->\n联系人：王某'));
    const file = actions.find((a) => a.title === '在此文件禁用规则 personal-phone')!;
    const after = await apply(uri, file);
    assert.ok(client.text(uri).startsWith(`${text.split('\n').slice(0, 3).join('\n')}\n<!-- zwgk-disable personal-phone -->\n`));
    assert.equal(after.filter((d) => d.code === 'personal-phone').length, 0);
    // The header is still read (no metadata rule starts complaining about missing keys it had).
    const header = lintText(client.text(uri), 'notice.txt').document.metadata;
    assert.equal(header.source, 'header');
    assert.equal(header.fields.length, 5);
    client.close(uri);
  });

  it('no line action inside the front matter (a comment would break it), only the file action', async () => {
    const { uri, diags } = await open('fm.md', POLICY);
    const d = diags.find((x) => x.code === 'date-format')!;
    const titles = (await client.codeActions(uri, d.range, [d])).map((a) => a.title);
    assert.ok(titles.includes('在此文件禁用规则 date-format'));
    assert.ok(!titles.includes('在此行禁用规则 date-format'));
    client.close(uri);
  });

  it('missing sections: a skeleton per section, and all of the rule’s skeletons at once', async () => {
    const text = '---\n标题: 某某村2026年扶贫项目公示\n发布机构: 某某镇人民政府\n成文日期: 2026-03-02\n公开属性: 主动公开\n---\n\n# 某某村2026年扶贫项目公示\n\n## 项目安排\n\n建设村道1.2公里。\n\n## 资金使用\n\n财政专项扶贫资金48万元。\n';
    const { uri, diags } = await open('fupin.md', text);
    const missing = diags.filter((d) => d.code === 'required-content');
    assert.equal(missing.length, 2);
    const actions = await client.codeActions(uri, missing[0].range, missing);
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('插入缺少的“受惠贫困户”'), titles.join(' | '));
    assert.ok(titles.includes('插入缺少的“监督举报方式”'));
    const all = actions.find((a) => a.title === '修复本文件全部 required-content 问题（2 处）')!;
    const after = await apply(uri, all);
    assert.ok(client.text(uri).includes('## 受惠贫困户'));
    assert.ok(client.text(uri).includes('## 监督举报方式'));
    assert.equal(after.filter((d) => d.code === 'required-content').length, 0);
    client.close(uri);
  });

  it('a position without problems gets no quick fixes', async () => {
    const { uri } = await open('clean.md', POLICY);
    const p = posOf(POLICY, '制定本办法');
    assert.deepEqual(await client.codeActions(uri, { start: p, end: p }, [], ['quickfix']), []);
    client.close(uri);
  });
});
