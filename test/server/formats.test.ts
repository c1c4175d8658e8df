/** Protocol tests: .docx text views, .html pages, the workspace lint over both, and export to Word. */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startWorkspace, uriOf, rangeText } from './lsp-client';
import { DOCX_SCHEME, DOCX_TEXT, EXPORT_DOCX, LINT_WORKSPACE, type DocxTextResult, type ExportDocxResult } from '../../src/server/protocol';
import { FORMATS } from '../helpers/formats';
import { readDocx, readHtml } from '../../src/core';

const viewUri = (file: string) => DOCX_SCHEME + ':' + new URL(uriOf(file)).pathname;
const TABLE = fs.readFileSync(path.join(FORMATS, 'yichun-2016-zhiweibiao.docx'));
const PAGE = '<html><head><meta charset="utf-8"></head><body><div class="nav">首页</div><div id="zoom">\n<p>关于做好政务公开工作的通知</p>\n<p>根据国办发[2019]14号文件精神,现通知如下。</p></div></body></html>';

describe('language server: Word and web pages', function () {
  this.timeout(30000);

  it('serves the text of a .docx, lints its view (no fixes), and hovers on its problems', async () => {
    const { ws, client: c } = await startWorkspace({});
    try {
      const file = path.join(ws, '职位表.docx');
      fs.writeFileSync(file, TABLE);
      const uri = viewUri(file);
      const res = await c.conn.sendRequest<DocxTextResult>(DOCX_TEXT, { uri });
      assert.ok('text' in res, JSON.stringify(res));
      assert.equal(res.text, readDocx(TABLE).text);
      void c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text: res.text } });
      const diags = await c.waitFor('docx view diagnostics', () => c.published.filter((p) => p.uri === uri && p.diagnostics.length).pop()?.diagnostics);
      const renamed = diags.filter((d) => d.code === 'renamed-department');
      assert.deepEqual(renamed.map((d) => rangeText(res.text, d)), ['市国土资源局', '市卫生和计划生育委员会']);
      assert.ok(renamed.every((d) => !(d.data as { fix?: unknown }).fix), 'no fix offered on a read-only .docx view');
      const h = await c.conn.sendRequest<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: renamed[0].range.start });
      assert.ok(h && /renamed-department|机构改革/.test(h.contents.value), JSON.stringify(h));
      const bad = await c.conn.sendRequest<DocxTextResult>(DOCX_TEXT, { uri: viewUri(path.join(ws, 'missing.docx')) });
      assert.ok('error' in bad);
    } finally {
      await c.shutdown();
    }
  });

  it('lints an open .html page with diagnostics in the HTML source, without fixes', async () => {
    const { ws, client: c } = await startWorkspace({ '.zwgkrc.json': '{}\n' });
    try {
      const uri = c.open(path.join(ws, '通知.html'), PAGE, 'html');
      const diags = await c.waitFor('html diagnostics', () => c.published.filter((p) => p.uri === uri && p.diagnostics.length).pop()?.diagnostics);
      const doc = diags.find((d) => d.code === 'doc-number-format')!;
      assert.match(rangeText(PAGE, doc), /\[2019\]/);
      const comma = diags.find((d) => d.code === 'fullwidth-punctuation')!;
      assert.equal(rangeText(PAGE, comma), ',');
      assert.ok(diags.every((d) => !(d.data as { fix?: unknown }).fix));
      assert.ok(!readHtml(PAGE).text.includes('首页'));
    } finally {
      await c.shutdown();
    }
  });

  it('the workspace lint includes .docx (published on the view URI) and .html files', async () => {
    const { ws, client: c } = await startWorkspace({ '.zwgkrc.json': '{}\n', 'b/通知.html': PAGE });
    try {
      fs.writeFileSync(path.join(ws, '职位表.docx'), TABLE);
      const result = await c.conn.sendRequest<{ files: number }>(LINT_WORKSPACE, {});
      assert.equal(result.files, 2);
      const docx = c.published.find((p) => p.uri === viewUri(path.join(ws, '职位表.docx')));
      assert.ok(docx && docx.diagnostics.some((d) => d.code === 'renamed-department'));
      const html = c.published.find((p) => p.uri === uriOf(path.join(ws, 'b/通知.html')));
      assert.ok(html && html.diagnostics.some((d) => d.code === 'doc-number-format'));
    } finally {
      await c.shutdown();
    }
  });

  it('exports a Markdown draft as a 公文 .docx beside it, checked by reading it back; never overwrites unasked', async () => {
    const md = fs.readFileSync(path.join(__dirname, '../../examples/problems/文号和日期.md'), 'utf8');
    const { ws, client: c } = await startWorkspace({ '文号和日期.md': md });
    try {
      const uri = uriOf(path.join(ws, '文号和日期.md'));
      const r = await c.conn.sendRequest<ExportDocxResult>(EXPORT_DOCX, { uri });
      assert.deepEqual(r.differences, []);
      assert.equal(r.path, path.join(ws, '文号和日期.docx'));
      assert.equal(r.messages, 5);
      const bytes = fs.readFileSync(r.path!);
      assert.ok(readDocx(bytes).text.includes('文号'));
      const again = await c.conn.sendRequest<ExportDocxResult>(EXPORT_DOCX, { uri });
      assert.equal(again.exists, true);
      assert.deepEqual(fs.readFileSync(r.path!), bytes);
      assert.equal(fileURLToPath(uri), path.join(ws, '文号和日期.md'));
    } finally {
      await c.shutdown();
    }
  });
});
