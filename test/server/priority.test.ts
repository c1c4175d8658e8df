/**
 * The document being edited comes first: 5,000 documents opened at once (a tool, a huge workspace
 * restored) must not leave the one the user types in showing old diagnostics. And the protocol's exit
 * codes.
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { spawn } from 'node:child_process';
import { LspClient, SERVER, buildServer, makeWorkspace } from './lsp-client';
import { buildCli, CLI } from '../cli/helpers';

const DRAFT = (i: number) => `---\n标题: 关于第${i}批扶贫项目的公示\n文档类型: 扶贫公示\n发布日期: 2026-03-02\n---\n\n# 关于第${i}批扶贫项目的公示\n\n联系人：王某，电话：13812345678。\n`;

describe('language server: the edited document first', function () {
  this.timeout(120_000);
  before(() => buildServer());

  it('5,000 didOpens, then 500 edits to one document: its last version is published within 3 s of the last edit', async () => {
    const ws = makeWorkspace({ '.zwgkrc.json': '{}\n' });
    const c = new LspClient({ folders: [ws] });
    try {
      await c.initialize();
      for (let i = 0; i < 5000; i++) c.open(path.join(ws, `bulk/${i}.md`), DRAFT(i));
      const file = path.join(ws, '正在编辑.md');
      const uri = c.open(file, DRAFT(0));
      let text = DRAFT(0);
      for (let i = 0; i < 500; i++) {
        text = text.replace(/电话：[^。]*。/, `电话：${i % 2 ? '0898-68723456' : '13812345678'}。`) + (i === 499 ? '\n联系人手机13900001111。\n' : '');
        c.change(uri, text);
      }
      const last = c.version(uri);
      const t0 = Date.now();
      const diags = await c.diagnostics(uri, { version: last, ms: 3000 });
      const ms = Date.now() - t0;
      assert.ok(diags.some((d) => d.code === 'personal-phone' && String(d.message).includes("139****1111")), 'the last edit is what is reported');
      const status = await c.status();
      assert.ok(status.queue.queued > 100, `the backlog is still there (${status.queue.queued} queued): the edited document jumped it`);
      console.log(`      last version published ${ms} ms after the last edit, ${status.queue.queued} documents still queued`);
    } finally {
      c.proc.kill();
    }
  });
});

describe('language server: exit codes', function () {
  this.timeout(30_000);
  before(() => {
    buildServer();
    buildCli();
  });

  /** Starts a server, initializes it, optionally sends shutdown, then exit; resolves to the exit code. */
  const run = async (command: string[], shutdown: boolean): Promise<number | null> => {
    const ws = makeWorkspace({});
    const c = new LspClient({ folders: [ws], command });
    await c.initialize();
    if (shutdown) await c.conn.sendRequest('shutdown');
    const exited = new Promise<number | null>((r) => c.proc.on('exit', (code) => r(code)));
    await c.conn.sendNotification('exit');
    const timeout = new Promise<'hung'>((r) => setTimeout(() => r('hung'), 5000));
    const code = await Promise.race([exited, timeout]);
    if (code === 'hung') {
      c.proc.kill();
      throw new Error('the server did not exit');
    }
    c.conn.dispose();
    return code;
  };

  // LSP: “The server should exit with success code 0 if the shutdown request has been received before;
  // otherwise with error code 1.”
  for (const [name, command] of [['dist/server.js', [SERVER, '--stdio']], ['zwgk lsp', [CLI, 'lsp', '--stdio']]] as const) {
    it(`${name}: exit after shutdown → 0, exit without shutdown → 1 (as the protocol says)`, async () => {
      assert.equal(await run([...command], true), 0);
      assert.equal(await run([...command], false), 1);
    });
  }

  it('the server ends when its client goes away (stdin closed), without a hang', async () => {
    const p = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const exited = new Promise<number | null>((r) => p.on('exit', (code) => r(code)));
    p.stdin.end();
    const code = await Promise.race([exited, new Promise<'hung'>((r) => setTimeout(() => r('hung'), 5000))]);
    if (code === 'hung') p.kill();
    assert.notEqual(code, 'hung');
  });
});
