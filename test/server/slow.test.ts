/**
 * One slow document does not stop the server: the lint runs in a worker thread with a time budget.
 * (A test server with a rule that takes 60 s, and a 1.5 s budget: test/server/fixtures/slow-rule-server.ts.)
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { LspClient, buildTestServer, makeWorkspace } from './lsp-client';
import { POLICY, posOf } from './drafts';

const SLOW = `${POLICY}\n触发慢规则\n`;

describe('language server: a slow document', function () {
  this.timeout(60_000);

  it('hovers and other documents are answered meanwhile; after the budget one clear diagnostic, and the server goes on', async () => {
    const command = buildTestServer('fixtures/slow-rule-server.ts');
    const ws = makeWorkspace({ '.zwgkrc.json': '{}\n' });
    const c = new LspClient({ folders: [ws], command, settings: { debounce: 0 } });
    try {
      await c.initialize();
      const other = c.open(path.join(ws, '其他.md'), POLICY);
      assert.ok((await c.diagnostics(other)).some((d) => d.code === 'personal-phone'));

      const slow = c.open(path.join(ws, '慢.md'), SLOW);
      await new Promise((r) => setTimeout(r, 200)); // its lint is running now
      // The server answers at once: a hover on the other document, its status.
      const p = posOf(POLICY, '13812345678', 2);
      const t0 = Date.now();
      const h = await c.hover(other, p.line, p.character);
      assert.ok(h, 'hover answered');
      assert.ok(Date.now() - t0 < 1000, `hover took ${Date.now() - t0} ms while a lint ran`);
      assert.ok((await c.status()).openDocuments === 2);
      // A hover on the slow document itself does not parse it in the server's thread.
      const t1 = Date.now();
      assert.equal(await c.hover(slow, 0, 0), null);
      assert.ok(Date.now() - t1 < 4000);

      // Over the budget: one clear diagnostic on the slow document, nothing else from it.
      const ds = await c.diagnostics(slow, { ms: 10_000 });
      assert.equal(ds.length, 1);
      assert.equal(ds[0].code, 'internal-error');
      assert.equal(ds[0].severity, 2);
      assert.match(String(ds[0].message), /秒内没有检查完这份文稿.*其他文稿照常检查/);

      // The other document is checked as before (a fresh worker), edits included.
      const v = c.change(other, POLICY.replace('13812345678', '138****5678'));
      const again = await c.diagnostics(other, { version: v });
      assert.ok(!again.some((d) => d.code === 'personal-phone'));
      // Typing in the stopped document does not start it again; saving does.
      const before = c.published.length;
      c.change(slow, `${SLOW}补充。\n`);
      await new Promise((r) => setTimeout(r, 500));
      assert.equal(c.published.slice(before).filter((x) => x.uri === slow).length, 0, 'not re-linted while typing');
      c.save(slow);
      const resaved = await c.waitFor('re-checked on save', () => c.published.slice(before).find((x) => x.uri === slow), 10_000);
      assert.equal(resaved.diagnostics[0]?.code, 'internal-error');
      assert.equal(c.proc.exitCode, null);
      const st = await c.status();
      assert.deepEqual(st.lintWorker, { restarts: 2, failed: false });
    } finally {
      await c.shutdown();
    }
  });
});
