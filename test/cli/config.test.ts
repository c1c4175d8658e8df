/** Config discovery (nearest wins, root: true), --config, validation errors, extends safety, ignore globs. */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildCli, cleanup, focusConfig, parseJson, runCli, workspace, write } from './helpers';

const PHONE = '联系人：王明，手机：13812345678。\n';

function severities(dir: string, args: string[] = []): Record<string, string[]> {
  const run = runCli(['lint', '-f', 'json', ...args], { cwd: dir });
  assert.notEqual(run.code, 2, run.stderr);
  const out: Record<string, string[]> = {};
  for (const r of parseJson(run)) out[path.relative(dir, r.filePath).split(path.sep).join('/')] = r.messages.filter((m) => m.ruleId === 'personal-phone').map((m) => m.severity);
  return out;
}

describe('zwgk lint: configuration', function () {
  before(buildCli);
  after(cleanup);

  it('nearest config wins; ancestors are merged below it; YAML and JSON both work', () => {
    const BAD_COMMENT = '<!-- zwgk-disable-next-line no-such-rule -->\n';
    const dir = workspace({
      '.zwgkrc.json': focusConfig({ 'personal-phone': 'error' }),
      'top.md': PHONE,
      'a/.zwgkrc.yaml': 'rules:\n  personal-phone: warning\n',
      'a/x.md': BAD_COMMENT + PHONE,
      'a/b/.zwgkrc.yml': 'rules:\n  personal-phone: info\n',
      'a/b/y.md': PHONE,
      'c/z.md': PHONE,
    });
    assert.deepEqual(severities(dir), { 'a/b/y.md': ['info'], 'a/x.md': ['warning'], 'c/z.md': ['error'], 'top.md': ['error'] });
    // The ancestor's other settings still apply below the nearer file: inline-config-invalid stays off in a/.
    const [x] = parseJson(runCli(['lint', '-f', 'json', 'a/x.md'], { cwd: dir }));
    assert.deepEqual(x.messages.map((m) => m.ruleId), ['personal-phone']);
    // …and it is on (its default) where a root config does not turn it off.
    write(dir, 'a/.zwgkrc.yaml', 'root: true\nrules:\n  personal-phone: warning\n');
    const [x2] = parseJson(runCli(['lint', '-f', 'json', 'a/x.md'], { cwd: dir }));
    assert.ok(x2.messages.some((m) => m.ruleId === 'inline-config-invalid'));
  });

  it('root: true stops the search upward', () => {
    const dir = workspace({
      '.zwgkrc.json': focusConfig({ 'personal-phone': 'error' }),
      'sub/.zwgkrc.json': JSON.stringify({ root: true, rules: { 'personal-phone': 'warning' } }),
      'sub/a.md': PHONE,
      'sub/deeper/b.md': PHONE,
    });
    // Without the parent's "everything off", rules run at their defaults in sub/ — personal-phone from sub.
    assert.deepEqual(severities(dir), { 'sub/a.md': ['warning'], 'sub/deeper/b.md': ['warning'] });
    fs.writeFileSync(path.join(dir, 'sub/.zwgkrc.json'), JSON.stringify({ rules: {} }));
    assert.deepEqual(severities(dir), { 'sub/a.md': ['error'], 'sub/deeper/b.md': ['error'] });
  });

  it('--config applies above discovered files, --rule above everything; --no-config-lookup skips discovery', () => {
    const dir = workspace({
      '.zwgkrc.json': focusConfig({ 'personal-phone': 'error' }),
      'ci/zwgk.yaml': 'rules:\n  personal-phone: warning\n',
      'a.md': PHONE,
    });
    assert.deepEqual(severities(dir, ['--config', 'ci/zwgk.yaml']), { 'a.md': ['warning'] });
    assert.deepEqual(severities(dir, ['--config', 'ci/zwgk.yaml', '--rule', 'personal-phone:info']), { 'a.md': ['info'] });
    write(dir, 'ci/only.json', focusConfig({}));
    assert.deepEqual(severities(dir, ['--config', 'ci/only.json', '--no-config-lookup', '--rule', 'personal-phone:warning']), { 'a.md': ['warning'] });
    const missing = runCli(['lint', '--config', 'ci/none.json'], { cwd: dir });
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /找不到 --config/);
  });

  it('invalid config: exit 2, names the file and the offending key', () => {
    const dir = workspace({ 'drafts/.zwgkrc.json': JSON.stringify({ rules: { 'personal-phone': 'loud' } }), 'drafts/a.md': PHONE });
    const run = runCli(['lint', 'drafts'], { cwd: dir });
    assert.equal(run.code, 2);
    assert.ok(run.stderr.includes(path.join(dir, 'drafts/.zwgkrc.json')), run.stderr);
    assert.match(run.stderr, /rules\.personal-phone/);
    assert.equal(run.stdout, '', 'nothing is linted with a broken config');
  });

  it('unknown rule id and unknown key in config: exit 2 with file, key and a suggestion', () => {
    const dir = workspace({ '.zwgkrc.yaml': 'root: true\nrules:\n  personal-phon: error\nignores:\n  - x\n', 'a.md': PHONE });
    const run = runCli(['lint'], { cwd: dir });
    assert.equal(run.code, 2);
    assert.ok(run.stderr.includes(path.join(dir, '.zwgkrc.yaml')));
    assert.match(run.stderr, /rules\.personal-phon：未知的规则 id “personal-phon”，是否想写 “personal-phone”/);
    assert.match(run.stderr, /ignores/);
  });

  it('syntax errors name the file and the position', () => {
    const dir = workspace({ '.zwgkrc.json': '{ "root": true,\n  "rules": { "personal-phone": "error", }\n}', 'a.md': PHONE });
    const json = runCli(['lint'], { cwd: dir });
    assert.equal(json.code, 2);
    assert.match(json.stderr, /\.zwgkrc\.json 无效[\s\S]*不是有效的 JSON（第 2 行/);
    fs.rmSync(path.join(dir, '.zwgkrc.json'));
    write(dir, '.zwgkrc.yaml', 'rules:\n  personal-phone: error\n   bad: [\n');
    const yaml = runCli(['lint'], { cwd: dir });
    assert.equal(yaml.code, 2);
    assert.match(yaml.stderr, /\.zwgkrc\.yaml 无效[\s\S]*不是有效的 YAML/);
  });

  it('a config fails before --fix writes anything', () => {
    const dir = workspace({ '.zwgkrc.json': focusConfig({ 'personal-phone': 'error' }), 'a.md': PHONE, 'z/.zwgkrc.json': '{"rules": 3}', 'z/b.md': PHONE });
    assert.equal(runCli(['lint', '--fix'], { cwd: dir }).code, 2);
    assert.equal(fs.readFileSync(path.join(dir, 'a.md'), 'utf8'), PHONE);
  });

  it('extends: a relative data file inside the workspace; absolute paths, escapes and code are refused', () => {
    const dir = workspace({
      // The extended file is lower priority than the file that extends it.
      'shared/base.yaml': focusConfig({ 'personal-phone': 'error' }),
      '.zwgkrc.json': JSON.stringify({ root: true, extends: './shared/base.yaml', rules: { 'personal-phone': 'warning' } }),
      'a.md': PHONE,
    });
    assert.deepEqual(severities(dir), { 'a.md': ['warning'] });

    const cases: [string, RegExp][] = [
      ['/etc/passwd.json', /不能是绝对路径/],
      ['../../../../etc/x.json', /工作区.*之外/],
      ['./shared/plugin.js', /数据文件/],
      ['https://example.org/zwgk.json', /不能是绝对路径或网址/],
    ];
    for (const [ref, re] of cases) {
      write(dir, 'sub/.zwgkrc.json', JSON.stringify({ extends: ref }));
      write(dir, 'sub/b.md', PHONE);
      const run = runCli(['lint'], { cwd: dir });
      assert.equal(run.code, 2, ref);
      assert.ok(run.stderr.includes(path.join(dir, 'sub/.zwgkrc.json')), run.stderr);
      assert.match(run.stderr, /extends/);
      assert.match(run.stderr, re, run.stderr);
    }
    // A symlink inside the workspace that points outside it is refused too.
    const outside = workspace({ 'evil.json': JSON.stringify({ rules: { 'personal-phone': 'off' } }) });
    fs.symlinkSync(path.join(outside, 'evil.json'), path.join(dir, 'shared/evil.json'));
    write(dir, 'sub/.zwgkrc.json', JSON.stringify({ extends: '../shared/evil.json' }));
    const link = runCli(['lint'], { cwd: dir });
    assert.equal(link.code, 2);
    assert.match(link.stderr, /符号链接/);
    // Cycles are reported, not followed forever.
    write(dir, 'sub/.zwgkrc.json', JSON.stringify({ extends: './loop.json' }));
    write(dir, 'sub/loop.json', JSON.stringify({ extends: './.zwgkrc.json' }));
    const cycle = runCli(['lint'], { cwd: dir });
    assert.equal(cycle.code, 2);
    assert.match(cycle.stderr, /循环/);
  });

  it('never executes a JavaScript config', () => {
    const dir = workspace({ 'zwgk.config.js': 'require("fs").writeFileSync("pwned", "x")', 'a.md': PHONE });
    const run = runCli(['lint', '--config', 'zwgk.config.js'], { cwd: dir });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /不执行 JavaScript/);
    assert.ok(!fs.existsSync(path.join(dir, 'pwned')));
  });

  it('ignore globs are relative to their config file; node_modules and hidden folders are skipped', () => {
    const dir = workspace({
      '.zwgkrc.json': focusConfig({ 'personal-phone': 'error' }, { ignore: ['archive/**', '*.draft.md'] }),
      'a.md': PHONE,
      'archive/old.md': PHONE,
      'x/y/note.draft.md': PHONE,
      'x/y/keep.md': PHONE,
      'node_modules/pkg/readme.md': PHONE,
      '.git/notes.md': PHONE,
      '.github/template.md': PHONE,
      'sub/.zwgkrc.json': JSON.stringify({ ignore: ['private/', 'tmp-*.md', '!tmp-keep.md'] }),
      'sub/private/p.md': PHONE,
      'sub/private.md': PHONE,
      'sub/tmp-1.md': PHONE,
      'sub/tmp-keep.md': PHONE,
    });
    assert.deepEqual(Object.keys(severities(dir)).sort(), ['a.md', 'sub/private.md', 'sub/tmp-keep.md', 'x/y/keep.md']);
    // Ignored files named explicitly stay ignored; globs too.
    assert.deepEqual(Object.keys(severities(dir, ['archive/old.md', 'a.md'])), ['a.md']);
    assert.deepEqual(Object.keys(severities(dir, ['**/*.md'])).sort(), ['a.md', 'sub/private.md', 'sub/tmp-keep.md', 'x/y/keep.md']);
  });
});
