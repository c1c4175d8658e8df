/**
 * Protocol tests, issue 5 “server under load”: a burst of 500 edits (bounded queue, nothing stale, memory
 * bounded), a rule that throws mid-session (one internal-error diagnostic, the server keeps serving), and
 * a config file broken and repaired in the editor mid-session (live diagnostics, one notification,
 * defaults meanwhile, the repair applies without a restart). The on-disk variant of a corrupt config is in
 * config.test.ts.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ALL_RULES, lintText, resolveConfig } from '../../src/core';
import { LspClient, buildServer, buildTestServer, makeWorkspace, rangeText } from './lsp-client';
import { INTERPRETATION, POLICY, posOf } from './drafts';
/** The text that makes the injected rule of fixtures/throwing-rule-server.ts throw. */
const MARKER = '触发规则异常';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const MB = 1024 * 1024;

/** Edit `i` of a burst: `i` paragraphs added and a second mobile number that moves with them. */
function burstText(i: number): string {
  return POLICY.replace('第三条 联系人', `${'补充说明。\n\n'.repeat(i % 7)}第${i}次修改，备用手机 139${String(i).padStart(8, '0')}。\n\n第三条 联系人`);
}

describe('language server: under load and failure', function () {
  this.timeout(60000);
  before(() => buildServer());

  it('500 rapid edits: one lint at a time, at most one queued per document, the last version published last, memory bounded', async () => {
    const ws = makeWorkspace({ '.zwgkrc.json': '{}\n', '海口市市级储备粮管理办法.md': POLICY, '储备粮管理办法解读.md': INTERPRETATION });
    const policyPath = path.join(ws, '海口市市级储备粮管理办法.md');
    // Debounce 0: no timer coalesces anything, every edit goes straight to the queue (the worst case).
    const c = new LspClient({ folders: [ws], settings: { debounce: 0 } });
    try {
      await c.initialize();
      const uri = c.open(policyPath, POLICY);
      const other = c.open(path.join(ws, '储备粮管理办法解读.md'), INTERPRETATION);
      await c.diagnostics(uri, { version: 1 });
      await c.diagnostics(other, { version: 1 });
      const before = await c.status();
      const start = c.published.length;

      let last = 1;
      for (let i = 1; i <= 500; i++) last = c.change(uri, burstText(i));
      const finalText = c.text(uri);
      const diags = await c.waitFor('diagnostics of the last version', () => {
        const p = c.published.slice(start).filter((x) => x.uri === uri).pop();
        return p && p.version === last ? p.diagnostics : undefined;
      }, 30000);
      await sleep(400);

      // Nothing stale: publications in version order, the last one is the last version's, nothing after it.
      const versions = c.published.slice(start).filter((x) => x.uri === uri).map((x) => x.version!);
      assert.deepEqual(versions, [...versions].sort((a, b) => a - b));
      assert.equal(versions[versions.length - 1], last);
      // …and exactly what the core reports for the final text (single-document rules).
      const core = lintText(finalText, policyPath, { config: resolveConfig(ALL_RULES, [{}]) }).messages
        .filter((m) => !m.ruleId.startsWith('interpretation-'));
      const got = diags.filter((d) => !String(d.code).startsWith('interpretation-'));
      assert.deepEqual(
        got.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`).sort(),
        core.map((m) => `${m.ruleId}@${m.line - 1}:${m.column - 1}-${m.endLine - 1}:${m.endColumn - 1}`).sort(),
      );
      assert.deepEqual(diags.filter((d) => d.code === 'personal-phone').map((d) => rangeText(finalText, d)), ['13900000500', '13812345678']);

      const after = await c.status();
      assert.equal(after.openDocuments, 2);
      assert.equal(after.queue.maxInFlight, 1, 'one lint at a time');
      assert.ok(after.queue.maxQueued <= after.openDocuments, `queued ${after.queue.maxQueued} documents at once`);
      assert.deepEqual([after.queue.timers, after.queue.queued, after.queue.inFlight], [0, 0, 0], 'idle after the burst');
      assert.ok(after.queue.runs - before.queue.runs <= 500 + 2, `${after.queue.runs - before.queue.runs} lint runs for 500 edits`);
      const growth = after.memory.heapUsed - before.memory.heapUsed;
      assert.ok(growth < 100 * MB, `heap grew ${(growth / MB).toFixed(1)} MB`);

      // With the default debounce the next burst is coalesced into a few lints.
      c.settings = { ...c.settings, debounce: 150 };
      await c.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
      await sleep(300);
      const mid = await c.status();
      for (let i = 501; i <= 1000; i++) last = c.change(uri, burstText(i));
      await c.diagnostics(uri, { version: last, ms: 30000 });
      await sleep(400);
      const end = await c.status();
      assert.ok(end.queue.runs - mid.queue.runs <= 50, `${end.queue.runs - mid.queue.runs} lint runs for 500 debounced edits`);
      assert.equal(end.queue.maxInFlight, 1);
      assert.equal(c.published.filter((x) => x.uri === uri).pop()!.version, last);
      assert.equal(c.proc.exitCode, null);
    } finally {
      await c.shutdown();
    }
  });

  it('a rule that throws mid-session: one internal-error diagnostic, the other rules and the server keep working', async () => {
    const ws = makeWorkspace({ '.zwgkrc.json': '{}\n', 'a.md': POLICY });
    const c = new LspClient({ folders: [ws], command: buildTestServer('fixtures/throwing-rule-server.ts'), settings: { debounce: 0, trace: { server: 'verbose' } } });
    try {
      await c.initialize();
      const uri = c.open(path.join(ws, 'a.md'), POLICY);
      const v1 = await c.diagnostics(uri, { version: 1 });
      assert.equal(v1.filter((d) => d.code === 'internal-error').length, 0);

      const broken = POLICY.replace('第三条 联系人', `${MARKER}：联系人李某，13900001111，身份证号 460100198503121232。\n\n第三条 联系人`);
      const v2 = c.change(uri, broken);
      const diags = await c.diagnostics(uri, { version: v2 });
      const internal = diags.filter((d) => d.code === 'internal-error');
      assert.equal(internal.length, 1, JSON.stringify(diags, null, 1));
      assert.match(String(internal[0].message), /test-throwing-rule/);
      assert.deepEqual(internal[0].range.start, { line: 0, character: 0 });
      // The exception quoted the line: its numbers are masked, in the diagnostic and in every log line.
      assert.match(String(internal[0].message), /139\*{4}1111/);
      for (const s of ['13900001111', '460100198503121232']) {
        assert.ok(!JSON.stringify(diags).includes(s));
        assert.ok(!JSON.stringify(c.logs).includes(s), 'logs');
      }
      // The other rules still report on the same version.
      assert.deepEqual(diags.filter((d) => d.code === 'personal-phone').map((d) => rangeText(broken, d)), ['13900001111', '13812345678']);
      assert.ok(diags.some((d) => d.code === 'doc-number-format'));

      // Still serving: hover, code actions; and the next clean version has no internal-error.
      const at = posOf(broken, '海府办函[2019]168号', 2);
      const h = await c.hover(uri, at.line, at.character);
      assert.match(JSON.stringify(h?.contents), /机关代字/);
      const phone = diags.find((d) => d.code === 'personal-phone')!;
      assert.ok((await c.codeActions(uri, phone.range, [phone])).some((a) => a.title.includes('脱敏')));
      const v3 = c.change(uri, POLICY);
      assert.equal((await c.diagnostics(uri, { version: v3 })).filter((d) => d.code === 'internal-error').length, 0);
      // Every draft that triggers it gets its own single diagnostic, and the process never died.
      const b = c.open(path.join(ws, 'b.md'), broken);
      assert.equal((await c.diagnostics(b, { version: 1 })).filter((d) => d.code === 'internal-error').length, 1);
      assert.equal(c.proc.exitCode, null);
      assert.deepEqual(c.messages, [], 'no notification for a rule failure');
    } finally {
      await c.shutdown();
    }
  });

  it('a config broken and repaired in the editor: live diagnostics, no toast (not even on save), its last valid content meanwhile, the repair applies', async () => {
    const good = 'rules:\n  personal-phone: warning\n';
    const ws = makeWorkspace({ '.zwgkrc.yaml': good, 'a.md': POLICY });
    const cfgPath = path.join(ws, '.zwgkrc.yaml');
    const c = new LspClient({ folders: [ws], settings: { debounce: 0 } });
    try {
      await c.initialize();
      const uri = c.open(path.join(ws, 'a.md'), POLICY);
      const phoneSeverity = async (after: number) => (await c.waitFor('a.md re-linted', () => {
        const p = c.published.slice(after).filter((x) => x.uri === uri).pop();
        return p?.diagnostics.find((d) => d.code === 'personal-phone');
      })).severity;
      assert.equal(await phoneSeverity(0), 2);
      const cfg = c.open(cfgPath, good, 'yaml');
      assert.deepEqual(await c.diagnostics(cfg, { version: 1 }), []);

      // Typing a syntax error: live diagnostics on the buffer, nothing else changes until it is saved.
      const bad = 'rules:\n  personal-phone: [warning\n';
      const v2 = c.change(cfg, bad);
      const live = await c.diagnostics(cfg, { version: v2 });
      assert.equal(live.length, 1);
      assert.equal(live[0].code, 'zwgkrc');
      assert.match(String(live[0].message), /YAML/);
      assert.equal(c.messages.length, 0);

      // Saved (as auto-save does with every half-typed state): its last valid content stays in effect
      // (personal-phone still a warning, nothing else flips); its problems are in the file, no toast.
      let n = c.published.length;
      fs.writeFileSync(cfgPath, bad);
      c.save(cfg);
      assert.equal(await phoneSeverity(n), 2);
      assert.equal(c.messages.length, 0, 'no notification for a config being edited');
      assert.equal((await c.diagnostics(cfg)).length, 1, 'the problem is shown in the file');
      // The drafts keep being served while it is broken: edits, hovers — and no second warning.
      for (let i = 0; i < 20; i++) c.change(uri, `${POLICY}\n补充${i}\n`);
      const edited = await c.diagnostics(uri, { version: c.version(uri) });
      assert.ok(edited.some((d) => d.code === 'personal-phone' && d.severity === 2));
      const at = posOf(POLICY, '2019年06月21日', 2);
      assert.ok(await c.hover(uri, at.line, at.character));
      assert.equal(c.messages.length, 0);

      // Repaired and saved: applies at once, no restart, the buffer's diagnostics are cleared.
      n = c.published.length;
      const fixed = 'rules:\n  personal-phone: info\n';
      const v3 = c.change(cfg, fixed);
      assert.deepEqual(await c.diagnostics(cfg, { version: v3 }), []);
      fs.writeFileSync(cfgPath, fixed);
      c.save(cfg);
      assert.equal(await phoneSeverity(n), 3);
      assert.equal(c.messages.length, 0);
      assert.equal(c.proc.exitCode, null);
    } finally {
      await c.shutdown();
    }
  });

  it('zwgk/serverStatus reports the open documents, the indexed drafts and the idle queue', async () => {
    const ws = makeWorkspace({ '.zwgkrc.json': '{}\n', 'a.md': POLICY, 'b.md': INTERPRETATION });
    const c = new LspClient({ folders: [ws] });
    try {
      await c.initialize();
      const uri = c.open(path.join(ws, 'a.md'), POLICY);
      await c.diagnostics(uri, { version: 1 });
      const s = await c.status();
      assert.equal(s.openDocuments, 1);
      assert.equal(s.indexedDrafts, 2);
      assert.ok(s.queue.runs >= 1 && s.queue.published >= 1);
      assert.ok(s.memory.heapUsed > 0 && s.memory.rss >= s.memory.heapUsed);
      assert.equal(s.version, JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8')).version);
      assert.equal(c.proc.exitCode, null);
    } finally {
      await c.shutdown();
    }
  });
});
