/** Protocol tests: completion of metadata keys and values in front matter and catalogue headers. */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { DISCLOSURE_VALUES, DOC_TYPES, META_KEYS, formatDate } from '../../src/core';
import { LspClient, startWorkspace, applyEdits, makeWorkspace } from './lsp-client';
import { INTERPRETATION, README } from './drafts';
import type { CompletionItem, TextEdit } from 'vscode-languageserver-protocol';

describe('language server: completion', function () {
  this.timeout(30000);
  let ws: string;
  let client: LspClient;

  before(async () => {
    ({ ws, client } = await startWorkspace({ '.zwgkrc.json': '{}\n', '储备粮管理办法解读.md': INTERPRETATION }));
  });
  after(() => client?.shutdown());

  async function itemsAt(name: string, text: string, line: number, character: number): Promise<CompletionItem[] | null> {
    const uri = client.open(path.join(ws, name), text);
    await client.diagnostics(uri);
    const list = await client.completion(uri, line, character);
    client.close(uri);
    return list ? list.items : null;
  }

  const labels = (items: CompletionItem[] | null) => (items ?? []).map((i) => i.label);

  it('offers the known keys not yet written at the start of a front-matter line', async () => {
    const text = '---\n标题: 海口市市级储备粮管理办法\n\n发布日期: 2026-03-02\n---\n\n# 海口市市级储备粮管理办法\n';
    const items = await itemsAt('keys.md', text, 2, 0);
    const ls = labels(items);
    assert.deepEqual(ls, META_KEYS.filter((k) => k !== '标题' && k !== '发布日期'));
    const item = items!.find((i) => i.label === '文档类型')!;
    assert.equal((item.textEdit as TextEdit).newText, '文档类型: ');
    assert.equal(applyEdits(text, [item.textEdit as TextEdit]).split('\n')[2], '文档类型: ');
  });

  it('replaces the part of the key already typed', async () => {
    const text = '---\n标题: 海口市市级储备粮管理办法\n公开\n---\n';
    const items = await itemsAt('typed.md', text, 2, 2);
    const item = items!.find((i) => i.label === '公开属性')!;
    assert.equal(applyEdits(text, [item.textEdit as TextEdit]).split('\n')[2], '公开属性: ');
  });

  it('文档类型, 公开属性 and 机关层级 values', async () => {
    const base = '---\n标题: 海口市市级储备粮管理办法\n';
    assert.deepEqual(labels(await itemsAt('t1.md', `${base}文档类型: \n---\n`, 2, 6)), [...DOC_TYPES]);
    assert.deepEqual(labels(await itemsAt('t2.md', `${base}公开属性: \n---\n`, 2, 6)), [...DISCLOSURE_VALUES]);
    assert.deepEqual(labels(await itemsAt('t3.md', `${base}机关层级: \n---\n`, 2, 6)), ['政府', '部门']);
    // A value already started is replaced as a whole.
    const text = `${base}文档类型: 政策\n---\n`;
    const items = await itemsAt('t4.md', text, 2, 8);
    const item = items!.find((i) => i.label === '政策解读')!;
    assert.equal(applyEdits(text, [item.textEdit as TextEdit]).split('\n')[2], '文档类型: 政策解读');
    // Opened by the ':' trigger character: the space YAML needs is inserted too.
    const bare = `${base}文档类型:\n---\n`;
    const items2 = await itemsAt('t5.md', bare, 2, 5);
    const item2 = items2!.find((i) => i.label === '规范性文件')!;
    assert.equal(applyEdits(bare, [item2.textEdit as TextEdit]).split('\n')[2], '文档类型: 规范性文件');
  });

  it('today’s date for date keys, in ISO and 公文 form', async () => {
    const now = new Date();
    const today = { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
    const ls = labels(await itemsAt('d.md', '---\n标题: 海口市市级储备粮管理办法\n成文日期: \n---\n', 2, 6));
    assert.deepEqual(ls, [formatDate(today, 'iso'), formatDate(today, 'cn')]);
  });

  it('解读材料 offers the interpretations in the workspace as relative paths', async () => {
    const ls = labels(await itemsAt('p.md', '---\n标题: 海口市市级储备粮管理办法\n文档类型: 规范性文件\n解读材料: \n---\n', 3, 6));
    assert.deepEqual(ls, ['储备粮管理办法解读.md']);
  });

  it('works in the catalogue header of a plain-text draft', async () => {
    const text = '索 引 号: 00817804-9/2019-13123 分类: 规划计划\n公开属性: \n\n正文。\n';
    assert.deepEqual(labels(await itemsAt('h.txt', text, 1, 6)), [...DISCLOSURE_VALUES]);
    const keys = labels(await itemsAt('h2.txt', '索 引 号: 00817804-9/2019-13123 分类: 规划计划\n\n\n正文。\n', 1, 0));
    assert.ok(keys.includes('发布机构') && !keys.includes('索引号') && !keys.includes('分类'));
  });

  it('nothing in the body, and nothing in a README', async () => {
    const text = '---\n标题: 海口市市级储备粮管理办法\n---\n\n# 海口市市级储备粮管理办法\n\n文档类型: \n';
    assert.equal(await itemsAt('body.md', text, 6, 6), null);
    const dir = makeWorkspace({ 'README.md': README });
    const quiet = new LspClient({ folders: [dir] });
    try {
      await quiet.initialize();
      const text2 = `---\ntitle: x\n\n---\n${README}`;
      const uri = quiet.open(path.join(dir, 'README.md'), text2);
      await quiet.diagnostics(uri);
      assert.equal(await quiet.completion(uri, 2, 0), null);
    } finally {
      await quiet.shutdown();
    }
  });
});
