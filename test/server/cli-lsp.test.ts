/** `zwgk lsp --stdio`: the CLI starts the language server bundled next to it (dist/server.js), for any LSP editor. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CLI, buildCli } from '../cli/helpers';
import { transportArgs } from '../../src/cli/commands/lsp';
import { LspClient, buildServer, makeWorkspace, rangeText } from './lsp-client';
import { POLICY } from './drafts';

describe('zwgk lsp', function () {
  this.timeout(30000);
  before(() => {
    buildServer();
    buildCli();
  });

  for (const args of [['lsp', '--stdio'], ['lsp']]) {
    it(`zwgk ${args.join(' ')}: initialize, diagnostics, hover, shutdown`, async () => {
      const ws = makeWorkspace({ '.zwgkrc.json': '{}\n', 'a.md': POLICY });
      const c = new LspClient({ folders: [ws], command: [CLI, ...args] });
      try {
        const init = await c.initialize();
        assert.equal(init.serverInfo?.name, 'zwgk');
        assert.ok(init.capabilities.hoverProvider);
        const uri = c.open(path.join(ws, 'a.md'), POLICY);
        const diags = await c.diagnostics(uri, { version: 1 });
        assert.deepEqual(diags.filter((d) => d.code === 'personal-phone').map((d) => rangeText(POLICY, d)), ['13812345678']);
        assert.ok(await c.hover(uri, 6, 6));
        assert.equal(c.stderr, '');
      } finally {
        await c.shutdown();
      }
      assert.equal(c.proc.exitCode, 0, 'exits 0 after shutdown + exit');
    });
  }

  it('passes the transport on as vscode-languageserver reads it (--stdio by default)', () => {
    assert.deepEqual(transportArgs({}, ['node', 'cli.js', 'lsp']), ['--stdio']);
    assert.deepEqual(transportArgs({ stdio: true }, ['node', 'cli.js', 'lsp', '--stdio']), []);
    assert.deepEqual(transportArgs({ nodeIpc: true }, ['node', 'cli.js', 'lsp', '--node-ipc']), []);
    assert.deepEqual(transportArgs({ socket: '6009' }, ['node', 'cli.js', 'lsp', '--socket', '6009']), ['--socket=6009']);
    assert.deepEqual(transportArgs({ socket: '6009' }, ['node', 'cli.js', 'lsp', '--socket=6009']), []);
    assert.deepEqual(transportArgs({ pipe: '/tmp/zwgk.sock' }, ['node', 'cli.js', 'lsp', '--pipe', '/tmp/zwgk.sock']), ['--pipe=/tmp/zwgk.sock']);
  });

  it('is listed in zwgk --help; without the server bundle beside it: exit 2 with a clear message', () => {
    const help = spawnSync(process.execPath, [CLI, '--help'], { encoding: 'utf8' });
    assert.match(help.stdout, /lsp/);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zwgk-cli-alone-'));
    try {
      for (const f of ['cli.js', 'cli-main.js']) fs.copyFileSync(path.join(path.dirname(CLI), f), path.join(dir, f));
      const r = spawnSync(process.execPath, [path.join(dir, 'cli.js'), 'lsp', '--stdio'], { encoding: 'utf8', input: '', timeout: 10000 });
      assert.equal(r.status, 2);
      assert.match(r.stderr, /找不到语言服务器.*server\.js/);
      assert.equal(r.stdout, '', 'nothing on stdout, which belongs to the protocol');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
