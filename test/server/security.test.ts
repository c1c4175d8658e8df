/**
 * Protocol tests, issue 5 “security”, the language server's side (the core's and the CLI's are in
 * test/unit/security.test.ts): nothing from the workspace runs, `extends` and `解读材料` links cannot
 * read outside the workspace, and no diagnostic, hover, code action title, notification or log line (trace
 * verbose) carries a full 身份证号, mobile or bank card number.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic, TextEdit } from 'vscode-languageserver-protocol';
import { LspClient, applyEdits, buildServer, editsFor, makeWorkspace, uriOf } from './lsp-client';
import { POLICY, README, posOf } from './drafts';

const MARKER = 'zwgk-was-executed';
/** JavaScript that would leave a marker file (and turn the phone rule off) if anything ran it. */
const EVIL_JS = `require('fs').writeFileSync(require('path').join(__dirname, '${MARKER}'), 'x');\nmodule.exports = { rules: { 'personal-phone': 'off' } };\n`;

const ID = '460100198503121232';
const PHONE = '13812345678';
const PHONE2 = '139 8765 4321';
const CARD = '6222021234567890128';
const SECRETS = [ID, PHONE, PHONE2, '13987654321', CARD];

/** A 公示 with the numbers in the title, the 文号, the catalogue, prose and a table. */
const LEAKY = [
  '---',
  `标题: 关于王某某（身份证号${ID}）违规领取补贴的处理决定`,
  '文档类型: 行政执法公示',
  '发布机构: 海口市民政局',
  `文号: 海府办函[2019]${PHONE}号`,
  '发布日期: 2019-06-24',
  `联系电话: ${PHONE2}`,
  `解读材料: 解读/${PHONE}.md`,
  '---',
  '',
  `# 关于王某某（身份证号${ID}）违规领取补贴的处理决定`,
  '',
  `当事人王某某，身份证号码：${ID}，联系电话：${PHONE}，收款账号：${CARD}。`,
  '',
  '| 姓名 | 身份证号 | 手机 |',
  '|---|---|---|',
  `| 王某某 | ${ID} | ${PHONE2} |`,
  '',
].join('\n');

function assertNoSecret(where: string, value: unknown): void {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  for (const s of SECRETS) assert.ok(!text.includes(s), `${where} contains “${s}”: ${text.slice(0, 1500)}`);
}

/** Every position where a secret starts (and one character into it). */
function secretPositions(text: string): { line: number; character: number }[] {
  const out: { line: number; character: number }[] = [];
  for (const s of [ID, PHONE, PHONE2, CARD]) {
    let i = text.indexOf(s);
    while (i >= 0) {
      for (const extra of [0, 3]) {
        const before = text.slice(0, i + extra).split('\n');
        out.push({ line: before.length - 1, character: before[before.length - 1].length });
      }
      i = text.indexOf(s, i + 1);
    }
  }
  return out;
}

describe('language server: security', function () {
  this.timeout(30000);
  before(() => buildServer());

  it('JavaScript configs in the workspace are never executed, nor do they make it a zwgk workspace', async () => {
    const ws = makeWorkspace({
      '.zwgkrc.js': EVIL_JS, '.zwgkrc.cjs': EVIL_JS, 'zwgk.config.js': EVIL_JS, '.zwgkrc.ts': EVIL_JS,
      'README.md': README, 'a.md': POLICY,
    });
    const c = new LspClient({ folders: [ws], settings: { trace: { server: 'verbose' } } });
    try {
      await c.initialize();
      // Not governed: the README stays silent; a draft (by its metadata) is linted with the defaults.
      const readme = c.open(path.join(ws, 'README.md'), README);
      assert.deepEqual(await c.diagnostics(readme), []);
      const draft = c.open(path.join(ws, 'a.md'), POLICY);
      assert.equal((await c.diagnostics(draft)).find((d) => d.code === 'personal-phone')?.severity, 1);
      // Opening, changing and saving a JS config in the editor, or telling the server it changed on disk.
      const js = c.open(path.join(ws, '.zwgkrc.js'), EVIL_JS, 'javascript');
      c.save(js);
      await c.conn.sendNotification('workspace/didChangeWatchedFiles', {
        changes: ['.zwgkrc.js', '.zwgkrc.cjs', 'zwgk.config.js', '.zwgkrc.ts'].map((f) => ({ uri: uriOf(path.join(ws, f)), type: 2 })),
      });
      const v = c.change(draft, `${POLICY}\n补充。\n`);
      assert.equal((await c.diagnostics(draft, { version: v })).find((d) => d.code === 'personal-phone')?.severity, 1);
      assert.ok(!c.published.some((p) => p.uri === js && p.diagnostics.length > 0));
      assert.ok(!fs.existsSync(path.join(ws, MARKER)), 'a workspace file was executed');
      assert.deepEqual(c.messages, []);
    } finally {
      await c.shutdown();
    }
  });

  it('extends outside the workspace or to a .js file: a warning and a diagnostic naming extends, defaults apply, nothing run', async () => {
    const outer = makeWorkspace({ 'outside.json': JSON.stringify({ rules: { 'personal-phone': 'off' } }) });
    const ws = path.join(outer, 'ws');
    fs.mkdirSync(ws);
    fs.writeFileSync(path.join(ws, 'evil.js'), EVIL_JS);
    fs.writeFileSync(path.join(ws, 'a.md'), POLICY);
    for (const [i, ref] of ['../outside.json', './evil.js', path.join(outer, 'outside.json')].entries()) {
      const cfg = `{\n  "extends": ${JSON.stringify(ref)}\n}\n`;
      fs.writeFileSync(path.join(ws, '.zwgkrc.json'), cfg);
      const c = new LspClient({ folders: [ws] });
      try {
        await c.initialize();
        const uri = c.open(path.join(ws, 'a.md'), POLICY);
        assert.equal((await c.diagnostics(uri)).find((d) => d.code === 'personal-phone')?.severity, 1, `${ref}: defaults`);
        await c.waitFor('warning', () => c.messages.length > 0);
        assert.match(c.messages[0].message, /extends/, ref);
        const cfgDiags = await c.diagnostics(uriOf(path.join(ws, '.zwgkrc.json')));
        assert.equal(cfgDiags.length, 1, ref);
        assert.equal(cfg.split('\n')[cfgDiags[0].range.start.line].slice(cfgDiags[0].range.start.character, cfgDiags[0].range.end.character), '"extends"');
        assert.match(String(cfgDiags[0].message), i === 1 ? /数据文件/ : /工作区|绝对路径/);
      } finally {
        await c.shutdown();
      }
    }
    assert.ok(!fs.existsSync(path.join(ws, MARKER)));
  });

  it('a 解读材料 link to ../../etc/passwd: reported, not followed, and the hover says so', async () => {
    const text = POLICY.replace('解读材料: 储备粮管理办法解读.md', '解读材料: ../../../../../../etc/passwd');
    const ws = makeWorkspace({ '.zwgkrc.json': '{}\n', 'a.md': text });
    const c = new LspClient({ folders: [ws], settings: { trace: { server: 'verbose' } } });
    try {
      await c.initialize();
      const uri = c.open(path.join(ws, 'a.md'), text);
      const diags = await c.diagnostics(uri);
      const link = diags.filter((d) => d.code === 'interpretation-missing');
      assert.equal(link.length, 1, JSON.stringify(diags));
      assert.match(String(link[0].message), /工作区以外，不予跟随/);
      const at = posOf(text, '../../../../../../etc/passwd', 4);
      const h = await c.hover(uri, at.line, at.character);
      assert.match(JSON.stringify(h?.contents), /指向工作区之外，不会读取/);
      const everything = JSON.stringify([c.published, c.logs, c.messages, h]);
      assert.ok(!/root:|nologin|\/bin\/(?:ba)?sh/.test(everything), 'nothing of /etc/passwd was read');
    } finally {
      await c.shutdown();
    }
  });

  it('no full number in diagnostics, hovers, code action titles and fixes, notifications or verbose logs', async () => {
    const ws = makeWorkspace({ '.zwgkrc.json': '{}\n', 'a.md': LEAKY, 'b.txt': LEAKY });
    const c = new LspClient({ folders: [ws], settings: { trace: { server: 'verbose' } } });
    try {
      await c.initialize();
      for (const name of ['a.md', 'b.txt']) {
        const uri = c.open(path.join(ws, name), LEAKY);
        const diags = await c.diagnostics(uri, { version: 1 });
        // (In a .txt draft the --- block is not front matter: no 文号 there.)
        for (const id of ['personal-id-number', 'personal-phone', 'bank-card-number', ...(name === 'a.md' ? ['doc-number-format'] : [])]) {
          assert.ok(diags.some((d) => d.code === id), `${name}: ${id}`);
        }
        assertNoSecret(`${name} diagnostics`, diags);

        // Hovers on every number, the title and the 文号.
        const positions = [...secretPositions(LEAKY), posOf(LEAKY, '# 关于', 3), posOf(LEAKY, '海府办函', 2), posOf(LEAKY, '解读/', 1)];
        let hovers = 0;
        for (const p of positions) {
          const h = await c.hover(uri, p.line, p.character);
          if (h) hovers++;
          assertNoSecret(`${name} hover at ${p.line}:${p.character}`, h);
        }
        assert.ok(hovers >= positions.length / 2, `${hovers} hovers`);

        // Code actions on every diagnostic: titles say what the fix does, without the number.
        const quickFixEdits: TextEdit[] = [];
        for (const d of diags) {
          const actions = await c.codeActions(uri, d.range, [d]);
          assertNoSecret(`${name} action titles for ${d.code}`, actions.map((a) => a.title));
          assertNoSecret(`${name} action diagnostics for ${d.code}`, actions.map((a) => a.diagnostics));
          const preferred = actions.find((a) => a.isPreferred);
          if (preferred && (d.data as { fix?: unknown })?.fix) {
            const edits = editsFor(preferred.edit, uri);
            assertNoSecret(`${name} quick fix of ${d.code}`, edits);
            quickFixEdits.push(...edits);
          }
        }
        const masks = diags.filter((d: Diagnostic) => ['personal-id-number', 'personal-phone', 'bank-card-number'].includes(String(d.code)));
        for (const d of masks) {
          const title = (await c.codeActions(uri, d.range, [d])).find((a) => a.isPreferred)!.title;
          assert.match(title, /^脱敏为“[^”]*\*{4}/, title);
        }
        // Fix all: the result has every reported number masked. (The one edit rewrites a span of the
        // document itself, so unfixed text between two fixes — the 文号 — travels back into the same document.)
        const all = await c.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [], ['source.fixAll.zwgk']);
        assert.equal(all.length, 1);
        const fixed = applyEdits(LEAKY, editsFor(all[0].edit, uri));
        for (const s of [ID, PHONE2, CARD]) assert.ok(!fixed.includes(s), `${s} left after fix all`);
        assert.ok(!fixed.includes(`联系电话：${PHONE}`));
        assert.ok(quickFixEdits.length >= masks.length);
      }
      // Log lines name the file: a draft whose name holds a number (verbose logs every lint).
      const named = c.open(path.join(ws, `王某某-${PHONE}.md`), LEAKY);
      await c.diagnostics(named, { version: 1 });
      await c.hover(uriOf(path.join(ws, `${PHONE}.md`)), 0, 0);
      await c.conn.sendRequest('zwgk/explainRule', { id: PHONE });
      assert.ok(c.logs.length > 0, 'verbose logging is on');
      assertNoSecret('logs', c.logs);
      assertNoSecret('notifications', c.messages);
      assertNoSecret('server stderr', c.stderr);
    } finally {
      await c.shutdown();
    }
  });
});
