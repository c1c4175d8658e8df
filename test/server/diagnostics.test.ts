/** Protocol tests: publishDiagnostics from the built server, over stdio, with a real JSON-RPC client. */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { lintText, resolveConfig, ALL_RULES, Calendar } from '../../src/core';
import { LspClient, startWorkspace, makeWorkspace, rangeText, uriOf } from './lsp-client';
import { POLICY, README, policyWorkspace } from './drafts';

const SEVERITY = { error: 1, warning: 2, info: 3 } as const;
/** Rule links point at the pages shipped beside the server (docs/rules/ next to dist/): offline. */
const DOCS = pathToFileURL(path.resolve(__dirname, '../../docs/rules')).href + '/';

describe('language server: diagnostics', function () {
  this.timeout(30000);
  let ws: string;
  let client: LspClient;

  before(async () => {
    ({ ws, client } = await startWorkspace(policyWorkspace()));
  });
  after(async () => {
    await client?.shutdown();
  });

  it('publishes the core messages with rule ids, exact ranges, severities, docs links and fixes', async () => {
    const file = path.join(ws, '海口市市级储备粮管理办法.md');
    const uri = client.open(file, POLICY);
    const diags = await client.waitFor('policy diagnostics', () => {
      const p = client.published.filter((x) => x.uri === uri).pop();
      return p && p.diagnostics.some((d) => d.code === 'personal-phone') ? p.diagnostics : undefined;
    });
    // Single-document rules: compare with the core, message by message.
    const core = lintText(POLICY, file, { config: resolveConfig(ALL_RULES, [{ rules: {} }]), calendar: new Calendar() }).messages
      .filter((m) => !m.ruleId.startsWith('interpretation-'));
    assert.ok(core.length >= 3);
    for (const m of core) {
      const d = diags.find((x) => x.code === m.ruleId && x.range.start.line === m.line - 1 && x.range.start.character === m.column - 1);
      assert.ok(d, `no diagnostic for ${m.ruleId} at ${m.line}:${m.column}`);
      assert.deepEqual(d.range.end, { line: m.endLine - 1, character: m.endColumn - 1 });
      assert.equal(d.severity, SEVERITY[m.severity]);
      assert.equal(d.source, 'zwgk');
      assert.equal(d.message, m.message);
      assert.equal(d.codeDescription?.href, `${DOCS}${m.ruleId}.md`);
      const data = d.data as { ruleId: string; fix?: { newText: string } };
      assert.equal(data.ruleId, m.ruleId);
      assert.equal(data.fix?.newText, m.fix?.text);
    }
    const byCode = (c: string) => diags.filter((d) => d.code === c).map((d) => rangeText(POLICY, d));
    assert.deepEqual(byCode('doc-number-format'), ['海府办函[2019]168号']);
    assert.deepEqual(byCode('date-format'), ['2019年06月21日']);
    assert.deepEqual(byCode('personal-phone'), ['13812345678']);
    // The interpretation beside it is indexed from disk: the policy is not reported as lacking one.
    assert.equal(diags.filter((d) => d.code === 'interpretation-missing').length, 0);
    client.close(uri);
  });

  it('rule links: a client naming a command (VS Code) gets command links in diagnostics and hovers, never the web', async () => {
    const ws2 = makeWorkspace(policyWorkspace());
    const c = new LspClient({ folders: [ws2], initializationOptions: { ruleLinks: { command: 'zwgk.explainRule' } } });
    try {
      await c.initialize();
      const u = c.open(path.join(ws2, '海口市市级储备粮管理办法.md'), POLICY);
      const ds = await c.waitFor('diagnostics', () => {
        const p = c.published.filter((x) => x.uri === u).pop();
        return p && p.diagnostics.length ? p.diagnostics : undefined;
      });
      const phone = ds.find((d) => d.code === 'personal-phone')!;
      assert.equal(phone.codeDescription?.href, `command:zwgk.explainRule?${encodeURIComponent('["personal-phone"]')}`);
      const h = await c.hover(u, phone.range.start.line, phone.range.start.character + 2);
      const v = (h!.contents as { value: string }).value;
      assert.ok(v.includes(`(command:zwgk.explainRule?${encodeURIComponent('["personal-phone"]')})`), v);
      for (const d of ds) assert.doesNotMatch(d.codeDescription?.href ?? '', /^https?:/);
    } finally {
      await c.shutdown();
    }
  });

  it('never publishes diagnostics of an older version after rapid edits', async () => {
    const file = path.join(ws, '海口市市级储备粮管理办法.md');
    const uri = client.open(file, POLICY);
    await client.diagnostics(uri, { version: 1 });
    const start = client.published.length;
    let last = 1;
    // 40 edits in a burst: the phone number moves one line down each time.
    for (let i = 1; i <= 40; i++) last = client.change(uri, POLICY.replace('第三条 联系人', `${'补充说明。\n\n'.repeat(i)}第三条 联系人`));
    const finalText = client.text(uri);
    const diags = await client.waitFor('diagnostics of the last version', () => {
      const p = client.published.slice(start).filter((x) => x.uri === uri).pop();
      return p && p.version === last ? p.diagnostics : undefined;
    });
    const phones = diags.filter((d) => d.code === 'personal-phone');
    assert.equal(phones.length, 1);
    assert.equal(rangeText(finalText, phones[0]), '13812345678');
    // Publications came in version order, and the debounce coalesced the burst.
    const versions = client.published.slice(start).filter((x) => x.uri === uri).map((x) => x.version!);
    assert.deepEqual(versions, [...versions].sort((a, b) => a - b));
    assert.ok(versions.length <= 10, `published ${versions.length} times for 40 edits`);
    // Nothing newer arrives later for an older version.
    await new Promise((r) => setTimeout(r, 400));
    const after = client.published.filter((x) => x.uri === uri).pop()!;
    assert.equal(after.version, last);
    client.close(uri);
  });

  it('lints a plain-text draft recognised by its catalogue header (the seed)', async () => {
    const seed = fs.readFileSync(path.resolve(__dirname, '../fixtures/seed/haikou-2019-zwgk-yaodian.txt'), 'utf8');
    const dir = makeWorkspace({ 'haikou-2019.txt': seed });
    const other = new LspClient({ folders: [dir] });
    try {
      await other.initialize();
      const uri = other.open(path.join(dir, 'haikou-2019.txt'), seed, 'plaintext');
      const diags = await other.diagnostics(uri);
      const core = lintText(seed, path.join(dir, 'haikou-2019.txt')).messages.filter((m) => !m.ruleId.startsWith('interpretation-'));
      for (const m of core) {
        assert.ok(diags.some((d) => d.code === m.ruleId && d.range.start.line === m.line - 1 && d.range.start.character === m.column - 1), `${m.ruleId} ${m.line}:${m.column}`);
      }
      assert.ok(diags.length > 0);
    } finally {
      await other.shutdown();
    }
  });

  it('stays silent in an ordinary Markdown project: empty diagnostics, no log, no message', async () => {
    const dir = makeWorkspace({ 'README.md': README, 'docs/guide.md': '---\ntitle: Guide\n标题: 指南\n---\n\n# Guide\n\n13812345678\n' });
    const quiet = new LspClient({ folders: [dir] });
    try {
      await quiet.initialize();
      const readme = quiet.open(path.join(dir, 'README.md'), README);
      assert.deepEqual(await quiet.diagnostics(readme), []);
      const guideText = fs.readFileSync(path.join(dir, 'docs/guide.md'), 'utf8');
      const guide = quiet.open(path.join(dir, 'docs/guide.md'), guideText);
      assert.deepEqual(await quiet.diagnostics(guide), []);
      quiet.change(readme, `${README}\nMore notes, 13900001111.\n`);
      await new Promise((r) => setTimeout(r, 500));
      assert.ok(quiet.published.filter((p) => p.uri === readme).every((p) => p.diagnostics.length === 0));
      assert.equal(await quiet.hover(readme, 2, 30), null, 'no hover on 政府信息公开 in a README');
      assert.deepEqual(await quiet.codeActions(readme, { start: { line: 2, character: 5 }, end: { line: 2, character: 16 } }, []), []);
      assert.deepEqual(quiet.messages, []);
      assert.deepEqual(quiet.logs, []);
      assert.deepEqual(quiet.progress, [], 'no indexing progress in a workspace without zwgk config');
    } finally {
      await quiet.shutdown();
    }
  });

  it('lints every Markdown document with zwgk.lintAllDocuments, and nothing with zwgk.enable off', async () => {
    const dir = makeWorkspace({ 'README.md': README });
    const all = new LspClient({ folders: [dir], settings: { lintAllDocuments: true } });
    try {
      await all.initialize();
      const readme = all.open(path.join(dir, 'README.md'), README);
      const diags = await all.diagnostics(readme);
      assert.deepEqual(diags.filter((d) => d.code === 'personal-phone').map((d) => rangeText(README, d)), ['13812345678']);
      all.settings = { ...all.settings, enable: false };
      const n = all.published.length;
      await all.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
      assert.deepEqual(await all.diagnostics(readme, { after: n }), []);
    } finally {
      await all.shutdown();
    }
  });

  it('applies zwgk.rules severity overrides from the settings without a restart', async () => {
    const file = path.join(ws, '海口市市级储备粮管理办法.md');
    const uri = client.open(file, POLICY);
    const before = await client.diagnostics(uri, { version: 1 });
    assert.equal(before.find((d) => d.code === 'personal-phone')?.severity, 1);
    client.settings = { ...client.settings, rules: { 'personal-phone': 'info', 'date-format': 'off', 'no-such-rule': 'error' } };
    const n = client.published.length;
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const after = await client.diagnostics(uri, { after: n });
    assert.equal(after.find((d) => d.code === 'personal-phone')?.severity, 3);
    assert.equal(after.filter((d) => d.code === 'date-format').length, 0);
    assert.ok(after.some((d) => d.code === 'doc-number-format'));
    client.settings = { ...client.settings, rules: {} };
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    client.close(uri);
  });

  it('with zwgk.run onSave, lints on open and save but not while typing', async () => {
    const dir = makeWorkspace({ '.zwgkrc.json': '{}', 'a.md': POLICY });
    const c = new LspClient({ folders: [dir], settings: { run: 'onSave' } });
    try {
      await c.initialize();
      const uri = c.open(path.join(dir, 'a.md'), POLICY);
      await c.diagnostics(uri, { version: 1 });
      const v2 = c.change(uri, POLICY.replace('13812345678', '13812345678、13900001111'));
      await new Promise((r) => setTimeout(r, 500));
      assert.ok(!c.published.some((p) => p.uri === uri && p.version === v2), 'published while typing');
      c.save(uri);
      const diags = await c.diagnostics(uri, { version: v2 });
      assert.equal(diags.filter((d) => d.code === 'personal-phone').length, 2);
    } finally {
      await c.shutdown();
    }
  });

  it('a draft over 1,000,000 characters is linted on open and save, not while typing', async () => {
    const para = '按照“谁起草谁解读”原则，切实做到政策性文件与解读方案、解读材料同步组织、同步审签、同步部署。\n\n';
    const big = `${POLICY}\n${para.repeat(Math.ceil(1_000_100 / para.length))}`;
    const uri = client.open(path.join(ws, 'big.md'), big);
    const first = await client.diagnostics(uri, { version: 1, ms: 20000 });
    assert.equal(first.filter((d) => d.code === 'personal-phone').length, 1);
    const v2 = client.change(uri, big.replace('13812345678', '13812345678、13900001111'));
    await new Promise((r) => setTimeout(r, 600));
    assert.ok(!client.published.some((p) => p.uri === uri && p.version === v2), 'linted while typing');
    // Hovers do not re-lint it synchronously either, until it is saved.
    assert.equal(await client.hover(uri, 6, 6), null);
    client.save(uri);
    const saved = await client.diagnostics(uri, { version: v2, ms: 20000 });
    assert.equal(saved.filter((d) => d.code === 'personal-phone').length, 2);
    client.close(uri);
  });

  it('keeps serving after bad requests', async () => {
    const file = path.join(ws, '海口市市级储备粮管理办法.md');
    const uri = client.open(file, POLICY);
    await client.diagnostics(uri, { version: 1 });
    assert.equal(await client.hover(uri, 9999, 9999), null);
    assert.equal(await client.hover(uriOf(path.join(ws, 'not-open.md')), 0, 0), null);
    assert.deepEqual(await client.codeActions(uriOf(path.join(ws, 'not-open.md')), { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, []), []);
    // Still alive and answering.
    const h = await client.hover(uri, 6, 6);
    assert.ok(h);
    client.close(uri);
  });
});
