/** Protocol tests: the workspace index (progress, file events, open-document edits) and zwgk/lintWorkspace. */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient, buildServer, makeWorkspace, uriOf } from './lsp-client';
import { POLICY, INTERPRETATION } from './drafts';

const watched = (client: LspClient, file: string, type: 1 | 2 | 3) =>
  client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(file), type }] });

const missing = (c: LspClient, uri: string, after: number, want: boolean) =>
  c.waitFor(`interpretation-missing ${want ? 'reported' : 'gone'}`, () => {
    const p = c.published.slice(after).filter((x) => x.uri === uri).pop();
    return p && p.diagnostics.some((d) => d.code === 'interpretation-missing') === want ? p.diagnostics : undefined;
  });

/** A policy and its interpretation matched by title only (no links). */
const POLICY_UNLINKED = POLICY.replace('解读材料: 储备粮管理办法解读.md\n', '');
const INTERP_UNLINKED = INTERPRETATION.replace('解读对象: 海口市市级储备粮管理办法.md\n', '');

describe('language server: workspace index', function () {
  this.timeout(30000);
  before(() => buildServer());

  it('indexes the workspace at start with progress, and follows files created and deleted on disk', async () => {
    const ws = makeWorkspace({
      '.zwgkrc.json': '{}\n',
      'policy/海口市市级储备粮管理办法.md': POLICY_UNLINKED,
      'policy/储备粮管理办法解读.md': INTERP_UNLINKED,
      'node_modules/pkg/README.md': '# not a draft\n',
    });
    const c = new LspClient({ folders: [ws] });
    try {
      await c.initialize();
      const uri = c.open(path.join(ws, 'policy/海口市市级储备粮管理办法.md'), POLICY_UNLINKED);
      await missing(c, uri, 0, false);
      const kinds = c.progress.map((p) => (p as { value: { kind: string } }).value.kind);
      assert.equal(kinds[0], 'begin');
      assert.equal(kinds[kinds.length - 1], 'end');

      const interp = path.join(ws, 'policy/储备粮管理办法解读.md');
      let n = c.published.length;
      fs.unlinkSync(interp);
      await watched(c, interp, 3);
      await missing(c, uri, n, true);

      n = c.published.length;
      fs.writeFileSync(interp, INTERP_UNLINKED);
      await watched(c, interp, 1);
      await missing(c, uri, n, false);
    } finally {
      await c.shutdown();
    }
  });

  it('re-checks an open policy when its open interpretation is edited', async () => {
    const ws = makeWorkspace({
      '.zwgkrc.json': '{}\n',
      '海口市市级储备粮管理办法.md': POLICY_UNLINKED,
      '储备粮管理办法解读.md': INTERP_UNLINKED,
    });
    const c = new LspClient({ folders: [ws] });
    try {
      await c.initialize();
      const policy = c.open(path.join(ws, '海口市市级储备粮管理办法.md'), POLICY_UNLINKED);
      const interp = c.open(path.join(ws, '储备粮管理办法解读.md'), INTERP_UNLINKED);
      await missing(c, policy, 0, false);
      await c.diagnostics(interp);
      // The interpretation is retitled in the editor (not saved): it no longer interprets this policy.
      const n = c.published.length;
      c.change(interp, INTERP_UNLINKED.replace(/海口市市级储备粮管理办法/g, '海口市城市绿化管理办法'));
      await missing(c, policy, n, true);
      // Closing it without saving: back to the file on disk.
      const m = c.published.length;
      c.close(interp);
      await missing(c, policy, m, false);
    } finally {
      await c.shutdown();
    }
  });

  it('without config, indexes the drafts beside an opened draft (as the CLI does)', async () => {
    const ws = makeWorkspace({
      '海口市市级储备粮管理办法.md': POLICY_UNLINKED,
      '储备粮管理办法解读.md': INTERP_UNLINKED,
      'README.md': '# notes\n',
    });
    const c = new LspClient({ folders: [ws] });
    try {
      await c.initialize();
      const uri = c.open(path.join(ws, '海口市市级储备粮管理办法.md'), POLICY_UNLINKED);
      const diags = await missing(c, uri, 0, false);
      assert.ok(diags.some((d) => d.code === 'personal-phone'), 'linted as a draft by its metadata');
      assert.deepEqual(c.progress, [], 'no workspace-wide indexing without config');
    } finally {
      await c.shutdown();
    }
  });

  it('zwgk/lintWorkspace publishes diagnostics for closed drafts and returns the counts', async () => {
    const ws = makeWorkspace({
      '.zwgkrc.json': '{ "ignore": ["README.md"] }\n',
      'a/海口市市级储备粮管理办法.md': POLICY,
      'a/储备粮管理办法解读.md': INTERPRETATION,
      'b/notice.txt': '标题: 关于公布扶贫项目的通知\n发布机构: 市扶贫办\n\n联系电话：13812345678。\n',
      'README.md': '13900001111\n',
    });
    const c = new LspClient({ folders: [ws] });
    try {
      await c.initialize();
      const result = await c.conn.sendRequest<{ files: number; filesWithProblems: number; errors: number; warnings: number; infos: number; cancelled: boolean }>('zwgk/lintWorkspace', {});
      assert.equal(result.files, 3);
      assert.equal(result.cancelled, false);
      const uris = new Set(c.published.map((p) => p.uri));
      assert.ok(uris.has(uriOf(path.join(ws, 'a/海口市市级储备粮管理办法.md'))));
      assert.ok(uris.has(uriOf(path.join(ws, 'b/notice.txt'))));
      assert.ok(!uris.has(uriOf(path.join(ws, 'README.md'))));
      const notice = c.published.filter((p) => p.uri === uriOf(path.join(ws, 'b/notice.txt'))).pop()!;
      assert.ok(notice.diagnostics.some((d) => d.code === 'personal-phone'));
      const total = c.published.filter((p) => p.version === undefined).reduce((s, p) => s + p.diagnostics.length, 0);
      assert.equal(result.errors + result.warnings + result.infos, total);

      // A published closed file is kept current when it changes on disk.
      const notePath = path.join(ws, 'b/notice.txt');
      const n = c.published.length;
      fs.writeFileSync(notePath, '标题: 关于公布扶贫项目的通知\n发布机构: 市扶贫办\n\n联系电话：138****5678。\n');
      await watched(c, notePath, 2);
      await c.waitFor('re-lint of the closed file', () => {
        const p = c.published.slice(n).filter((x) => x.uri === uriOf(notePath)).pop();
        return p && !p.diagnostics.some((d) => d.code === 'personal-phone');
      });
    } finally {
      await c.shutdown();
    }
  });

  it('zwgk/explainRule returns the rule explanation with its clause', async () => {
    const ws = makeWorkspace({});
    const c = new LspClient({ folders: [ws] });
    try {
      await c.initialize();
      const r = await c.conn.sendRequest<{ id: string; markdown: string; docsUrl: string; file?: string } | null>('zwgk/explainRule', { id: 'doc-number-format' });
      assert.equal(r?.id, 'doc-number-format');
      assert.ok(r!.markdown.includes('发文字号'));
      // The page ships beside the server: a local file, never the network.
      assert.equal(r!.file, path.resolve(__dirname, '../../docs/rules/doc-number-format.md'));
      assert.equal(r!.docsUrl, pathToFileURL(r!.file!).href);
      assert.ok(fs.existsSync(r!.file!));
      assert.equal(await c.conn.sendRequest('zwgk/explainRule', { id: 'nope' }), null);
    } finally {
      await c.shutdown();
    }
  });
});
