/**
 * The extension's manifest (package.json) against its code and files: every command the code
 * registers is contributed (and vice versa), every %key% is translated in English and Chinese, every
 * runtime string has a zh-cn translation, contributed files exist, and the engine/version pins that
 * let the extension run in the VS Code we can test against (1.100).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const read = (rel: string) => fs.readFileSync(path.join(ROOT, rel), 'utf8');
const pkg = JSON.parse(read('package.json'));
/** Every source file of the extension (features register themselves from their own files). */
const source = fs.readdirSync(path.join(ROOT, 'src/extension')).filter((f) => f.endsWith('.ts')).sort().map((f) => read(`src/extension/${f}`)).join('\n');

function nlsKeys(value: unknown, out = new Set<string>()): Set<string> {
  if (typeof value === 'string') {
    const m = /^%(.+)%$/.exec(value);
    if (m) out.add(m[1]);
  } else if (Array.isArray(value)) value.forEach((v) => nlsKeys(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => nlsKeys(v, out));
  return out;
}

describe('extension manifest', () => {
  it('contributes exactly the commands the extension registers, each in the zwgk category', () => {
    const registered = [...source.matchAll(/registerCommand\('([^']+)'/g)].map((m) => m[1]).sort();
    const contributed = (pkg.contributes.commands as { command: string; category: string }[]).map((c) => c.command).sort();
    assert.deepEqual(contributed, registered);
    for (const c of pkg.contributes.commands) assert.equal(c.category, 'zwgk');
    for (const id of ['zwgk.lintWorkspace', 'zwgk.explainRule', 'zwgk.insertTemplate', 'zwgk.createConfig', 'zwgk.restartServer']) {
      assert.ok(contributed.includes(id), id);
    }
    for (const m of pkg.contributes.menus.commandPalette) assert.ok(contributed.includes(m.command), m.command);
  });

  it('every %key% has an English and a Chinese text; both files have the same keys', () => {
    const keys = [...nlsKeys(pkg)].sort();
    assert.ok(keys.length >= 10);
    const en = JSON.parse(read('package.nls.json'));
    const zh = JSON.parse(read('package.nls.zh-cn.json'));
    assert.deepEqual(Object.keys(en).sort(), keys, 'package.nls.json keys = keys used in package.json');
    assert.deepEqual(Object.keys(zh).sort(), keys, 'package.nls.zh-cn.json keys = keys used in package.json');
    for (const k of keys) assert.match(zh[k], /[\u4e00-\u9fff]/, `zh-cn text for ${k} is Chinese`);
    assert.equal(zh['command.insertTemplate'], '插入模板…');
  });

  it('command titles carry their Chinese name in an English UI too (the palette finds 插入模板, 解释规则 …)', () => {
    const en = JSON.parse(read('package.nls.json'));
    const zh = JSON.parse(read('package.nls.zh-cn.json'));
    for (const c of pkg.contributes.commands as { command: string; title: string }[]) {
      const key = /^%(.+)%$/.exec(c.title)![1];
      assert.match(en[key], /[A-Za-z].*（?\(?[\u4e00-\u9fff]/, `${c.command}: English title with its Chinese name: ${en[key]}`);
      // The Chinese name in the English title is (the start of) the Chinese title.
      const cn = /\(([^)]*[\u4e00-\u9fff][^)]*)\)$/.exec(en[key])?.[1];
      assert.ok(cn, en[key]);
      assert.ok(zh[key].replace(/[…\s]/g, '').includes(cn.replace(/[…\s]/g, '').slice(0, 4)), `${c.command}: “${cn}” vs “${zh[key]}”`);
    }
    assert.equal(en['command.insertTemplate'], 'Insert Template… (插入模板)');
  });

  it('every runtime string (vscode.l10n.t) has a zh-cn translation with the same placeholders', () => {
    assert.equal(pkg.l10n, './l10n');
    const strings = [...source.matchAll(/vscode\.l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)].map((m) => m[1]);
    assert.ok(strings.length >= 10);
    const zh = JSON.parse(read('l10n/bundle.l10n.zh-cn.json')) as Record<string, string>;
    const en = JSON.parse(read('l10n/bundle.l10n.json')) as Record<string, string>;
    assert.deepEqual(Object.keys(zh).sort(), [...new Set(strings)].sort(), 'zh-cn bundle = strings in the code');
    assert.deepEqual(Object.keys(en).sort(), Object.keys(zh).sort());
    const holes = (s: string) => (s.match(/\{\d\}/g) ?? []).sort().join();
    for (const s of strings) assert.equal(holes(zh[s]), holes(s), `placeholders of “${s}”`);
    for (const s of strings) assert.match(zh[s], /[\u4e00-\u9fff]/, `zh-cn text of “${s}” is Chinese`);
    for (const s of strings) assert.equal(en[s], s, `the English bundle gives “${s}” as written in the code`);
    // Every call takes a literal the pattern above reads: a call with a variable, a template or a
    // double-quoted string would otherwise escape the check (and stay English in a Chinese UI).
    const calls = source.match(/\bl10n\.t\(/g) ?? [];
    assert.equal(calls.length, source.match(/vscode\.l10n\.t\(\s*'/g)?.length, 'every l10n.t( call has a single-quoted literal');
  });

  it('no user-facing text in English only: notifications, pickers and prompts go through l10n.t (or are Chinese)', () => {
    // A string literal as the text of a notification or a picker's title / placeholder / prompt.
    const direct = [...source.matchAll(/(?:show(?:Information|Warning|Error)Message\(|\b(?:placeHolder|prompt|title):\s*)\s*(['`"])((?:(?!\1)[^\\]|\\.)*)\1/g)]
      .map((m) => m[2])
      .filter((t) => /[A-Za-z]{2}/.test(t) && !/[\u4e00-\u9fff]/.test(t));
    assert.deepEqual(direct, []);
  });

  it('settings: the zwgk.* keys the server reads', () => {
    const props = pkg.contributes.configuration.properties;
    assert.deepEqual(Object.keys(props).sort(), ['zwgk.debounce', 'zwgk.enable', 'zwgk.lintAllDocuments', 'zwgk.rules', 'zwgk.run', 'zwgk.trace.server']);
    assert.deepEqual(props['zwgk.run'].enum, ['onType', 'onSave']);
    assert.deepEqual(props['zwgk.rules'].additionalProperties.enum, ['off', 'info', 'warning', 'error']);
    assert.deepEqual(props['zwgk.trace.server'].enum, ['off', 'messages', 'verbose']);
  });

  it('activation, trust and engine: runs untrusted, on Markdown/plain text/.zwgkrc, in VS Code 1.100', () => {
    assert.deepEqual(pkg.activationEvents, ['onLanguage:markdown', 'onLanguage:plaintext', 'workspaceContains:**/.zwgkrc*']);
    assert.equal(pkg.capabilities.untrustedWorkspaces.supported, true);
    assert.equal(pkg.engines.vscode, '^1.100.0');
    assert.match(pkg.devDependencies['@types/vscode'], /^~?1\.100\./);
    assert.equal(pkg.main, './dist/extension.js');
  });

  it('contributed files exist: snippets, grammars, schema', () => {
    const c = pkg.contributes;
    for (const s of c.snippets) assert.ok(fs.existsSync(path.join(ROOT, s.path)), s.path);
    assert.deepEqual(c.snippets.map((s: { language: string }) => s.language).sort(), ['markdown', 'plaintext']);
    for (const g of c.grammars) assert.ok(fs.existsSync(path.join(ROOT, g.path)), g.path);
    for (const v of [...c.jsonValidation, ...(c.yamlValidation ?? [])]) assert.ok(fs.existsSync(path.join(ROOT, v.url)), v.url);
    assert.deepEqual(c.jsonValidation[0].fileMatch, ['.zwgkrc.json']);
  });

  it('the extension stays a thin client: the server is forked over IPC, no child processes of its own', () => {
    assert.doesNotMatch(source, /child_process|require\(/);
    assert.match(source, /path\.join\(__dirname, 'server\.js'\)/);
    assert.match(source, /TransportKind\.ipc/);
  });
});
