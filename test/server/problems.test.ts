/**
 * "Problems are the truth": after zwgk/lintWorkspace, what the client last received for each file is what
 * that file has — through opening, closing, deleting and re-configuring files. And the workspace lint
 * checks the same files `zwgk lint` checks on the same tree.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { LspClient, buildServer, makeWorkspace, uriOf } from './lsp-client';
import { POLICY } from './drafts';
import { buildCli, parseJson, runCli } from '../cli/helpers';

const PHONE = '联系人：王某，联系电话：13812345678。\n';
const NOTICE_TXT = `标题: 关于公布扶贫项目的通知\n发布机构: 市扶贫办\n\n${PHONE}`;
const TYPED_MD = `---\n文档类型: 扶贫公示\n---\n\n# 某某村扶贫项目公示\n\n${PHONE}`;
const TITLE_ONLY = `---\n标题: 周会记录\n---\n\n${PHONE}`;
const PLAIN = `# 系统说明\n\n${PHONE}`;

/** A tree without config: drafts by their metadata in sub-folders, notes and a README that are not. */
const TREE: Record<string, string> = {
  '政策/海口市市级储备粮管理办法.md': POLICY,
  '政策/子目录/通知.txt': NOTICE_TXT,
  '公示/2026/某某村.md': TYPED_MD,
  'notes/周会.md': TITLE_ONLY,
  'notes/README.md': PHONE,
  'docs/说明.md': PLAIN,
};

type Result = { files: number; skipped: number; skippedReasons: Record<string, number>; skippedFiles: string[]; cancelled: boolean };

/** The latest diagnostics the client holds per URI (what the Problems panel shows). */
function panel(c: LspClient): Map<string, Diagnostic[]> {
  const m = new Map<string, Diagnostic[]>();
  for (const p of c.published) m.set(p.uri, p.diagnostics);
  return m;
}

const codes = (ds: Diagnostic[] | undefined) => (ds ?? []).map((d) => String(d.code));
const watched = (c: LspClient, file: string, type: 1 | 2 | 3) =>
  c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(file), type }] });
/** Waits until the panel entry for `file` satisfies `pred`. */
const until = (c: LspClient, what: string, file: string, pred: (ds: Diagnostic[] | undefined) => boolean) =>
  c.waitFor(what, () => pred(panel(c).get(uriOf(file))) || undefined);

describe('language server: Problems stay true after "lint all drafts"', function () {
  this.timeout(40000);
  before(() => {
    buildServer();
    buildCli();
  });

  it('checks what `zwgk lint .` checks on the same tree (no config), and says what it skipped', async () => {
    const ws = makeWorkspace(TREE);
    const cli = runCli(['lint', '-f', 'json', '.'], { cwd: ws });
    const cliSet = parseJson(cli).map((r) => path.relative(ws, r.filePath)).sort();
    assert.deepEqual(cliSet, ['公示/2026/某某村.md', '政策/子目录/通知.txt', '政策/海口市市级储备粮管理办法.md'].sort());
    assert.match(cli.stderr, /跳过 3 个不是文稿的文件/);
    assert.match(cli.stderr, /notes\/README\.md（README\.md 是项目说明文件，不是文稿）/);
    assert.match(cli.stderr, /--all/);

    const c = new LspClient({ folders: [ws] });
    try {
      await c.initialize();
      const r = await c.conn.sendRequest<Result>('zwgk/lintWorkspace', {});
      const serverSet = [...panel(c).keys()].map((u) => path.relative(ws, new URL(u).pathname)).map(decodeURIComponent).sort();
      assert.deepEqual(serverSet, cliSet);
      assert.equal(r.files, 3);
      assert.equal(r.skipped, 3);
      assert.deepEqual(r.skippedReasons, { 'no-metadata': 2, 'project-file': 1 });
      assert.deepEqual(r.skippedFiles.map((f) => path.relative(ws, f)).sort(), ['docs/说明.md', 'notes/README.md', 'notes/周会.md']);
      assert.ok(codes(panel(c).get(uriOf(path.join(ws, '公示/2026/某某村.md')))).includes('personal-phone'));
    } finally {
      await c.shutdown();
    }

    // With --all the CLI takes every file; the server with zwgk.lintAllDocuments too.
    const all = runCli(['lint', '-f', 'json', '--all', '.'], { cwd: ws });
    assert.equal(parseJson(all).length, 6);
    const c2 = new LspClient({ folders: [ws], settings: { lintAllDocuments: true } });
    try {
      await c2.initialize();
      const r = await c2.conn.sendRequest<Result>('zwgk/lintWorkspace', {});
      assert.equal(r.files, 6);
      assert.equal(r.skipped, 0);
    } finally {
      await c2.shutdown();
    }
  });

  it('a config in a sub-folder: the same set again (its README stays out, its notes come in)', async () => {
    const ws = makeWorkspace({ ...TREE, 'notes/.zwgkrc.json': '{}\n' });
    const cliSet = parseJson(runCli(['lint', '-f', 'json', '.'], { cwd: ws })).map((r) => path.relative(ws, r.filePath)).sort();
    assert.ok(cliSet.includes('notes/周会.md') && !cliSet.includes('notes/README.md'), cliSet.join(', '));
    const c = new LspClient({ folders: [ws] });
    try {
      await c.initialize();
      await c.conn.sendRequest<Result>('zwgk/lintWorkspace', {});
      const serverSet = [...panel(c).keys()].map((u) => decodeURIComponent(path.relative(ws, new URL(u).pathname))).sort();
      assert.deepEqual(serverSet, cliSet);
    } finally {
      await c.shutdown();
    }
  });

  it('open → close replaces a closed draft\'s problems (never drops them); deleting it clears them', async () => {
    const ws = makeWorkspace(TREE);
    const file = path.join(ws, '公示/2026/某某村.md');
    const c = new LspClient({ folders: [ws] });
    try {
      await c.initialize();
      // A draft open while the workspace is linted, closed afterwards: its problems stay.
      const policy = path.join(ws, '政策/海口市市级储备粮管理办法.md');
      const pu = c.open(policy, POLICY);
      await c.diagnostics(pu);
      await c.conn.sendRequest<Result>('zwgk/lintWorkspace', {});
      assert.ok(codes(panel(c).get(uriOf(file))).includes('personal-phone'));
      c.close(pu);
      await until(c, 'the policy open during the lint keeps its problems after close', policy, (ds) => codes(ds).includes('personal-phone'));

      // Opened and edited (the phone masked in the buffer, not saved): the buffer's problems.
      const uri = c.open(file, TYPED_MD);
      const v = c.change(uri, TYPED_MD.replace('13812345678', '138****5678'));
      await c.diagnostics(uri, { version: v });
      await until(c, 'buffer result without the phone', file, (ds) => !!ds && !codes(ds).includes('personal-phone'));

      // Closed without saving: the file on disk still has the phone, and Problems says so.
      c.close(uri);
      await until(c, 'disk result after close', file, (ds) => codes(ds).includes('personal-phone'));

      // Another draft opened and closed without edits keeps its problems too.
      const other = path.join(ws, '政策/子目录/通知.txt');
      const ou = c.open(other, NOTICE_TXT);
      await c.diagnostics(ou);
      c.close(ou);
      await until(c, 'the notice keeps its phone after close', other, (ds) => codes(ds).includes('personal-phone'));
      await new Promise((r) => setTimeout(r, 300));
      assert.ok(codes(panel(c).get(uriOf(other))).includes('personal-phone'), 'not cleared afterwards either');

      // Fixed on disk: re-linted from disk.
      fs.writeFileSync(file, TYPED_MD.replace('13812345678', '138****5678'));
      await watched(c, file, 2);
      await until(c, 'the fixed file', file, (ds) => !!ds && !codes(ds).includes('personal-phone'));

      // Deleted: cleared.
      fs.unlinkSync(other);
      await watched(c, other, 3);
      await until(c, 'the deleted file cleared', other, (ds) => !!ds && ds.length === 0);
    } finally {
      await c.shutdown();
    }
  });

  it('a config created, changed to ignore, and removed: files that are no longer drafts are cleared', async () => {
    const ws = makeWorkspace(TREE);
    const doc = path.join(ws, 'docs/说明.md');
    const policy = path.join(ws, '政策/海口市市级储备粮管理办法.md');
    const config = path.join(ws, '.zwgkrc.json');
    const c = new LspClient({ folders: [ws] });
    try {
      await c.initialize();
      await c.conn.sendRequest<Result>('zwgk/lintWorkspace', {});
      assert.equal(panel(c).has(uriOf(doc)), false, 'not a draft without config');

      // A config: every file in the workspace is a draft now (README excepted).
      fs.writeFileSync(config, '{}\n');
      await watched(c, config, 1);
      await until(c, 'docs/说明.md checked under the config', doc, (ds) => codes(ds).includes('personal-phone'));
      assert.equal(panel(c).has(uriOf(path.join(ws, 'notes/README.md'))), false, 'README stays out');

      // Ignored: cleared.
      fs.writeFileSync(config, '{ "ignore": ["docs/**"] }\n');
      await watched(c, config, 2);
      await until(c, 'ignored docs/ cleared', doc, (ds) => !!ds && ds.length === 0);

      // Removed again: notes and docs are no drafts, the policy (its metadata) still is.
      fs.writeFileSync(config, '{}\n');
      await watched(c, config, 2);
      await until(c, 'docs/ back', doc, (ds) => codes(ds).includes('personal-phone'));
      fs.unlinkSync(config);
      await watched(c, config, 3);
      await until(c, 'docs/ cleared with the config gone', doc, (ds) => !!ds && ds.length === 0);
      await until(c, 'notes cleared', path.join(ws, 'notes/周会.md'), (ds) => !!ds && ds.length === 0);
      assert.ok(codes(panel(c).get(uriOf(policy))).includes('personal-phone'), 'the policy keeps its problems');
    } finally {
      await c.shutdown();
    }
  });
});
