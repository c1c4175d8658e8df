/** Protocol tests: `.zwgkrc*` files — severities, ignore, invalid config (one warning), edits without restart. */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LspClient, buildServer, makeWorkspace, rangeText, uriOf } from './lsp-client';
import { POLICY, README } from './drafts';

const watched = (client: LspClient, file: string, type: 1 | 2 | 3) =>
  client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(file), type }] });

describe('language server: configuration files', function () {
  this.timeout(30000);
  before(() => buildServer());

  it('applies the nearest .zwgkrc.yaml (severity) and its ignore globs', async () => {
    const ws = makeWorkspace({
      '.zwgkrc.json': '{ "rules": { "personal-phone": "warning" } }\n',
      'sub/.zwgkrc.yaml': 'rules:\n  personal-phone: info\nignore:\n  - archive/\n',
      'sub/a.md': POLICY,
      'sub/archive/old.md': POLICY,
      'b.md': POLICY,
    });
    const c = new LspClient({ folders: [ws] });
    try {
      await c.initialize();
      const a = c.open(path.join(ws, 'sub/a.md'), POLICY);
      const b = c.open(path.join(ws, 'b.md'), POLICY);
      const old = c.open(path.join(ws, 'sub/archive/old.md'), POLICY);
      assert.equal((await c.diagnostics(a)).find((d) => d.code === 'personal-phone')?.severity, 3);
      assert.equal((await c.diagnostics(b)).find((d) => d.code === 'personal-phone')?.severity, 2);
      assert.deepEqual(await c.diagnostics(old), []);
    } finally {
      await c.shutdown();
    }
  });

  it('an invalid config: one warning (not one per keystroke), a diagnostic on the key, drafts linted with defaults (or its last valid content); fixing it applies at once', async () => {
    const cfg = '{\n  "rules": {\n    "personal-phon": "off",\n    "date-format": "off"\n  }\n}\n';
    const ws = makeWorkspace({ '.zwgkrc.json': cfg, 'a.md': POLICY });
    const cfgPath = path.join(ws, '.zwgkrc.json');
    const c = new LspClient({ folders: [ws] });
    try {
      await c.initialize();
      const uri = c.open(path.join(ws, 'a.md'), POLICY);
      const diags = await c.diagnostics(uri);
      // Defaults: the invalid file is left out entirely (date-format is not turned off).
      assert.ok(diags.some((d) => d.code === 'personal-phone'));
      assert.ok(diags.some((d) => d.code === 'date-format'));
      const cfgDiags = await c.diagnostics(uriOf(cfgPath));
      assert.equal(cfgDiags.length, 1);
      assert.equal(rangeText(cfg, cfgDiags[0]), '"personal-phon"');
      assert.match(String(cfgDiags[0].message), /personal-phone/, 'suggests the right id');
      for (let i = 0; i < 10; i++) c.change(uri, `${POLICY}\n补充${i}\n`);
      await c.diagnostics(uri, { version: 11 });
      await new Promise((r) => setTimeout(r, 300));
      assert.equal(c.messages.length, 1, JSON.stringify(c.messages));
      assert.equal(c.messages[0].type, 2);
      assert.match(c.messages[0].message, /\.zwgkrc\.json/);
      assert.match(c.messages[0].message, /rules\.personal-phon/);

      // Fixed on disk: the file applies (personal-phone off) without a restart, its diagnostic is cleared.
      const n = c.published.length;
      fs.writeFileSync(cfgPath, '{ "rules": { "personal-phone": "off" } }\n');
      await watched(c, cfgPath, 2);
      const after = await c.waitFor('re-lint with the fixed config', () => {
        const p = c.published.slice(n).filter((x) => x.uri === uri).pop();
        return p && !p.diagnostics.some((d) => d.code === 'personal-phone') ? p.diagnostics : undefined;
      });
      assert.ok(after.some((d) => d.code === 'date-format'));
      assert.deepEqual(await c.diagnostics(uriOf(cfgPath), { after: n }), []);
      assert.equal(c.messages.length, 1);

      // Broken again mid-session (syntax error): one new warning, the server keeps serving, and the
      // file's last valid content stays in effect until it is valid again (personal-phone still off).
      fs.writeFileSync(cfgPath, '{ "rules": { "personal-phone": "off", } ');
      await watched(c, cfgPath, 2);
      await c.waitFor('second warning', () => c.messages.length === 2);
      assert.match(c.messages[1].message, /JSON/);
      assert.match(c.messages[1].message, /沿用它上一次有效的内容/);
      const v = c.change(uri, POLICY);
      const again = await c.diagnostics(uri, { version: v });
      assert.ok(!again.some((d) => d.code === 'personal-phone'), 'the last valid content applies');
      assert.ok(again.some((d) => d.code === 'date-format'));

      // Deleted: its diagnostics are cleared.
      const m = c.published.length;
      fs.unlinkSync(cfgPath);
      await watched(c, cfgPath, 3);
      assert.deepEqual(await c.diagnostics(uriOf(cfgPath), { after: m }), []);
    } finally {
      await c.shutdown();
    }
  });

  it('creating a .zwgkrc.json turns a plain folder into a zwgk workspace without a restart', async () => {
    const ws = makeWorkspace({ 'notes.md': README });
    const c = new LspClient({ folders: [ws] });
    try {
      await c.initialize();
      const uri = c.open(path.join(ws, 'notes.md'), README);
      assert.deepEqual(await c.diagnostics(uri), []);
      const n = c.published.length;
      const cfgPath = path.join(ws, '.zwgkrc.yml');
      fs.writeFileSync(cfgPath, 'rules: {}\n');
      await watched(c, cfgPath, 1);
      const diags = await c.waitFor('lint after config created', () => {
        const p = c.published.slice(n).filter((x) => x.uri === uri).pop();
        return p && p.diagnostics.length ? p.diagnostics : undefined;
      });
      assert.ok(diags.some((d) => d.code === 'personal-phone'));
      assert.deepEqual(c.messages, []);
    } finally {
      await c.shutdown();
    }
  });
});
