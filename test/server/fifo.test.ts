/**
 * Issue 10, item 4, the server's part: a FIFO (or one swapped in for a file) never hangs a request. A
 * read of a FIFO blocks a libuv thread until a writer comes — forever — and four of them stop every file
 * read of the server; so every file the server reads is opened without blocking and checked to be a
 * regular file first (src/server/safe-read.ts).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { LspClient, buildServer, makeWorkspace, startWorkspace, uriOf } from './lsp-client';
import { DOCX_SCHEME, DOCX_TEXT, EXPORT_DOCX, LINT_WORKSPACE, type DocxTextResult, type ExportDocxResult } from '../../src/server/protocol';

const viewUri = (file: string) => DOCX_SCHEME + ':' + new URL(uriOf(file)).pathname;
const within = <T>(p: Promise<T>, ms: number, what: string): Promise<T> =>
  Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what}: no answer in ${ms} ms`)), ms))]);

/** A draft opened now is linted and hovered: the server is not stuck on a read. */
async function stillAnswers(c: LspClient, ws: string): Promise<void> {
  const b = c.open(path.join(ws, 'b.md'), '# 公示\n\n联系人：李某某，手机13912345679。\n');
  const ds = await within(c.diagnostics(b), 15000, 'diagnostics');
  assert.ok(ds.some((d) => d.code === 'personal-phone'));
  assert.ok(await within(c.hover(b, 2, 12), 5000, 'hover'));
}

describe('language server: FIFOs never hang a request (issue 10, item 4)', function () {
  this.timeout(60000);
  before(function () {
    if (process.platform !== 'linux') this.skip();
  });

  it('the text of a .docx, an export, the workspace lint and the ledger: answered, and the server goes on', async () => {
    const { ws, client: c } = await startWorkspace({ '.zwgkrc.json': '{}', 'a.md': '# 公示\n\n联系人：王某某，手机13912345678。\n' });
    try {
      // more FIFOs than libuv has threads (4): one blocked read each would stop every file read
      const fifos = ['p1.docx', 'p2.docx', 'p3.html', 'p4.md', 'p5.md', 'p6.html'];
      for (const n of fifos) assert.equal(spawnSync('mkfifo', [path.join(ws, n)]).status, 0);
      for (const n of ['p1.docx', 'p2.docx']) {
        const r = await within(c.conn.sendRequest<DocxTextResult>(DOCX_TEXT, { uri: viewUri(path.join(ws, n)) }), 10000, `docxText ${n}`);
        assert.ok('error' in r && r.error, JSON.stringify(r));
      }
      for (const n of ['p4.md', 'p5.md']) {
        const r = await within(c.conn.sendRequest<ExportDocxResult>(EXPORT_DOCX, { uri: uriOf(path.join(ws, n)) }), 10000, `exportDocx ${n}`);
        assert.ok('error' in r && r.error, JSON.stringify(r));
      }
      const lint = await within(c.conn.sendRequest<{ files: number }>(LINT_WORKSPACE, {}), 20000, 'lintWorkspace');
      assert.ok(lint.files >= 1, JSON.stringify(lint));
      // still reading files: a draft opened now is linted, with its folder-mates indexed
      await stillAnswers(c, ws);
    } finally {
      await c.shutdown();
    }
    assert.equal(c.proc.exitCode, 0);
  });

  it('a wording pack that is a FIFO: the config reports it, drafts are still linted', async () => {
    buildServer();
    const ws = makeWorkspace({ '.zwgkrc.json': '{ "packs": ["./p.yaml"] }', 'a.md': '# 公示\n' });
    assert.equal(spawnSync('mkfifo', [path.join(ws, 'p.yaml')]).status, 0);
    const c = new LspClient({ folders: [ws] });
    try {
      await within(c.initialize(), 15000, 'initialize');
      await stillAnswers(c, ws);
    } finally {
      await c.shutdown();
    }
    assert.equal(c.proc.exitCode, 0);
  });
});
