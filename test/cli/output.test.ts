/** zwgk lint output formats, exit codes, --max-warnings, --rule; zwgk rules; zwgk explain. */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ALL_RULES } from '../../src/core';
import { CLI, buildCli, cleanup, focusConfig, jsonOutput, parseJson, runCli, workspace } from './helpers';
import { NOTICE_MD } from './drafts';

const PHONE = '联系人：王明，手机：13812345678。\n';
const CLEAN = '# 海口市政务公开工作考核办法\n\n办公电话：0898-68725613。\n';

describe('zwgk lint: output formats', function () {
  before(buildCli);
  after(cleanup);

  it('json: ESLint-like array with absolute paths, 1-based UTF-16 columns, clause and fix', () => {
    const dir = workspace({ '.zwgkrc.json': focusConfig({ 'personal-phone': 'error' }), 'drafts/通知.md': '𠮷' + PHONE, 'drafts/clean.md': CLEAN });
    const run = runCli(['lint', '--format', 'json', 'drafts'], { cwd: dir });
    assert.equal(run.code, 1, run.stderr);
    const results = parseJson(run);
    assert.deepEqual(results.map((r) => r.filePath), [path.join(dir, 'drafts/clean.md'), path.join(dir, 'drafts/通知.md')]);
    const [clean, notice] = results;
    assert.deepEqual(clean.messages, []);
    assert.equal(clean.errorCount, 0);
    assert.equal(notice.errorCount, 1);
    assert.equal(notice.warningCount, 0);
    const m = notice.messages[0];
    assert.deepEqual(Object.keys(m).slice(0, 8), ['ruleId', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn', 'clause']);
    assert.equal(m.ruleId, 'personal-phone');
    assert.equal(m.severity, 'error');
    // 𠮷 is two UTF-16 code units: the number starts at code unit 2 + 8 of line 1 → column 11.
    const line = '𠮷' + PHONE;
    assert.equal(m.line, 1);
    assert.equal(m.column, line.indexOf('13812345678') + 1);
    assert.equal(m.endColumn, line.indexOf('13812345678') + 12);
    assert.match(m.clause.source, /政府信息公开条例/);
    // The clause's text stands once in the file's clauses, which the message cites by ref.
    const cited = notice.clauses[m.clause.ref];
    assert.deepEqual([cited.source, cited.id], [m.clause.source, m.clause.id]);
    assert.ok(cited.text.length > 10);
    assert.deepEqual(clean.clauses, []);
    assert.deepEqual(m.fix, { range: [line.indexOf('13812345678'), line.indexOf('13812345678') + 11], text: '138****5678' });
    assert.equal(notice.fixableCount, 1);
    assert.equal(notice.encoding, 'utf-8');
  });

  it('sarif: 2.1.0 log with rule metadata (help = clause), results, regions and fixes', () => {
    const dir = workspace({ '.zwgkrc.json': focusConfig({ 'personal-phone': 'warning' }), '文稿 目录/通知.md': PHONE });
    const run = runCli(['lint', '-f', 'sarif'], { cwd: dir });
    assert.equal(run.code, 0, run.stderr);
    const log = JSON.parse(run.stdout);
    assert.equal(log.version, '2.1.0');
    assert.match(log.$schema, /sarif-2\.1\.0/);
    assert.equal(log.runs.length, 1);
    const run0 = log.runs[0];
    assert.equal(run0.tool.driver.name, 'zwgk');
    assert.match(run0.tool.driver.version, /^\d+\.\d+\.\d+/);
    assert.equal(run0.columnKind, 'utf16CodeUnits');
    const ids = run0.tool.driver.rules.map((r: { id: string }) => r.id);
    for (const r of ALL_RULES) assert.ok(ids.includes(r.meta.id), `rule ${r.meta.id} in driver.rules`);
    const phone = run0.tool.driver.rules.find((r: { id: string }) => r.id === 'personal-phone');
    assert.ok(phone.shortDescription.text);
    assert.ok(phone.fullDescription.text);
    assert.ok(phone.help.text.includes(ALL_RULES.find((r) => r.meta.id === 'personal-phone')!.meta.clauses[0].text));
    assert.match(phone.helpUri, /docs\/rules\/personal-phone\.md$/);
    assert.equal(run0.results.length, 1);
    const res = run0.results[0];
    assert.equal(res.ruleId, 'personal-phone');
    assert.equal(run0.tool.driver.rules[res.ruleIndex].id, 'personal-phone');
    assert.equal(res.level, 'warning');
    assert.match(res.message.text, /138\*\*\*\*5678/);
    const loc = res.locations[0].physicalLocation;
    assert.equal(loc.artifactLocation.uri, `${encodeURIComponent('文稿 目录')}/${encodeURIComponent('通知.md')}`);
    assert.equal(loc.artifactLocation.uriBaseId, '%SRCROOT%');
    assert.match(run0.originalUriBaseIds['%SRCROOT%'].uri, /^file:\/\/.*\/$/);
    const col = PHONE.indexOf('13812345678') + 1;
    assert.deepEqual(loc.region, { startLine: 1, startColumn: col, endLine: 1, endColumn: col + 11 });
    assert.deepEqual(res.fixes[0].artifactChanges[0].replacements[0], {
      deletedRegion: { startLine: 1, startColumn: col, endLine: 1, endColumn: col + 11 },
      insertedContent: { text: '138****5678' },
    });
    assert.equal(run0.invocations[0].executionSuccessful, true);
  });

  it('json and sarif are streamed file by file, yet form one document (json: a message a line; sarif: pretty-printed)', () => {
    const dir = workspace({ '.zwgkrc.json': focusConfig({ 'personal-phone': 'error' }), 'a.md': PHONE, 'b.md': CLEAN, 'c.md': PHONE + PHONE });
    const json = runCli(['lint', '-f', 'json'], { cwd: dir }).stdout;
    assert.equal(json, jsonOutput(JSON.parse(json)));
    assert.equal(json.split('\n').filter((l) => l.startsWith('{"ruleId":')).length, 3);
    const sarifOut = runCli(['lint', '-f', 'sarif'], { cwd: dir }).stdout;
    assert.equal(sarifOut, JSON.stringify(JSON.parse(sarifOut), null, 2) + '\n');
    const empty = workspace({});
    assert.equal(runCli(['lint', '-f', 'json'], { cwd: empty }).stdout, '[]\n');
    const sarif = JSON.parse(runCli(['lint', '-f', 'sarif'], { cwd: empty }).stdout);
    assert.deepEqual(sarif.runs[0].results, []);
  });

  it('to a file (stdout redirected), every format writes exactly what it writes to a pipe, with and without the cache', () => {
    // Enough output for many writes: 1,200 drafts, over 1,000 pieces and a few MB.
    const files: Record<string, string> = { '.zwgkrc.json': focusConfig({ 'personal-phone': 'error', 'fullwidth-punctuation': 'warning' }) };
    for (let i = 0; i < 1200; i++) files[`d${String(i).padStart(4, '0')}.md`] = `# 第${i}号通知\n\n${PHONE.repeat(1 + (i % 7))}说明,情况(略)。\n`;
    const dir = workspace(files);
    const cache = path.join(workspace(), 'c') + path.sep;
    for (const args of [['-f', 'json'], ['-f', 'sarif'], ['-f', 'stylish'], ['-f', 'json', '--cache', '--cache-location', cache], ['-f', 'json', '--cache', '--cache-location', cache]]) {
      const piped = runCli(['lint', ...args], { cwd: dir });
      const out = path.join(workspace(), 'out.txt');
      const fd = fs.openSync(out, 'w');
      let r: ReturnType<typeof spawnSync>;
      try {
        r = spawnSync(process.execPath, [CLI, 'lint', ...args], { cwd: dir, stdio: ['ignore', fd, 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
      } finally {
        fs.closeSync(fd);
      }
      assert.equal(r.status, piped.code, args.join(' '));
      const written = fs.readFileSync(out);
      fs.rmSync(out);
      assert.ok(written.length > 1_000_000, `${written.length} bytes`);
      assert.ok(written.equals(piped.stdoutBytes), args.join(' '));
    }
  });

  it('stylish: grouped by file, line:col severity message rule-id, summary; no colour when piped', () => {
    const dir = workspace({ '.zwgkrc.json': focusConfig({ 'personal-phone': 'error' }), 'a.md': PHONE, 'b.md': CLEAN, 'c.txt': '标题\n\n手机 13912345678\n' });
    const run = runCli(['lint'], { cwd: dir });
    assert.equal(run.code, 1);
    assert.doesNotMatch(run.stdout, /\x1b\[/);
    const lines = run.stdout.split('\n');
    assert.equal(lines[0], 'a.md');
    assert.match(lines[1], /^ {2}1:\d+ {2}错误 {2}手机号码.*personal-phone$/);
    assert.ok(!run.stdout.includes('b.md'), 'clean files are not listed');
    assert.ok(lines.includes('c.txt'));
    assert.match(run.stdout, /✖ 2 个问题（2 个错误，0 个警告，0 个提示）/);
    assert.match(run.stdout, /其中 2 个可用 --fix 自动修复/);
  });

  it('stylish: colour with FORCE_COLOR, none when NO_COLOR is set', () => {
    const dir = workspace({ '.zwgkrc.json': focusConfig({ 'personal-phone': 'error' }), 'a.md': PHONE });
    assert.match(runCli(['lint'], { cwd: dir, env: { FORCE_COLOR: '1' } }).stdout, /\x1b\[31m错误/);
    assert.doesNotMatch(runCli(['lint'], { cwd: dir, env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout, /\x1b\[/);
  });

  it('stylish: a clean run says so', () => {
    const dir = workspace({ '.zwgkrc.json': focusConfig({ 'personal-phone': 'error' }), 'a.md': CLEAN });
    const run = runCli(['lint'], { cwd: dir });
    assert.equal(run.code, 0);
    assert.match(run.stdout, /✔ 检查了 1 个文件，没有发现问题/);
  });
});

describe('zwgk lint: exit codes', function () {
  before(buildCli);
  after(cleanup);

  it('0 without problems, 1 with an error, 0 with warnings only', () => {
    const dir = workspace({ '.zwgkrc.json': focusConfig({ 'personal-phone': 'error' }), 'clean.md': CLEAN, 'phone.md': PHONE });
    assert.equal(runCli(['lint', 'clean.md'], { cwd: dir }).code, 0);
    assert.equal(runCli(['lint', 'phone.md'], { cwd: dir }).code, 1);
    assert.equal(runCli(['lint', 'phone.md', '--rule', 'personal-phone:warning'], { cwd: dir }).code, 0);
    assert.equal(runCli(['lint', 'phone.md', '--rule', 'personal-phone:info'], { cwd: dir }).code, 0);
  });

  it('2 for usage errors: unknown option, bad --format, missing path, stdin-filename without -', () => {
    const dir = workspace({ 'a.md': CLEAN });
    assert.equal(runCli(['lint', '--frobnicate'], { cwd: dir }).code, 2);
    const bad = runCli(['lint', '--format', 'xml'], { cwd: dir });
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /stylish, json, sarif/);
    const missing = runCli(['lint', 'nope.md'], { cwd: dir });
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /找不到文件.*nope\.md/);
    assert.equal(runCli(['lint', 'nope/**/*.md', '--no-error-on-unmatched-pattern'], { cwd: dir }).code, 0);
    assert.equal(runCli(['lint', 'a.md', '--stdin-filename', 'x.md'], { cwd: dir }).code, 2);
    assert.equal(runCli(['lint', '--max-warnings', 'many'], { cwd: dir }).code, 2);
    assert.equal(runCli(['frobnicate'], { cwd: dir }).code, 2);
  });

  it('--max-warnings: exit 1 only when warnings exceed N', () => {
    const dir = workspace({ '.zwgkrc.json': focusConfig({ 'personal-phone': 'warning' }), 'a.md': PHONE, 'b.md': PHONE });
    assert.equal(runCli(['lint', '--max-warnings', '2'], { cwd: dir }).code, 0);
    const over = runCli(['lint', '--max-warnings', '1'], { cwd: dir });
    assert.equal(over.code, 1);
    assert.match(over.stderr, /警告 2 个，超过 --max-warnings 1/);
    assert.equal(runCli(['lint', '--max-warnings', '0', '--rule', 'personal-phone:info'], { cwd: dir }).code, 0, 'info does not count');
  });

  it('--rule id:severity overrides the config (repeatable); unknown id or severity exits 2 with a suggestion', () => {
    const dir = workspace({ '.zwgkrc.json': focusConfig({ 'personal-phone': 'error' }), 'a.md': PHONE });
    const off = runCli(['lint', '-f', 'json', '--rule', 'personal-phone:off'], { cwd: dir });
    assert.equal(off.code, 0);
    assert.deepEqual(parseJson(off)[0].messages, []);
    const warn = parseJson(runCli(['lint', '-f', 'json', '--rule', 'personal-phone:off', '--rule', 'personal-phone:warning'], { cwd: dir }));
    assert.equal(warn[0].messages[0].severity, 'warning');
    const unknown = runCli(['lint', '--rule', 'personal-phon:error'], { cwd: dir });
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /personal-phon.*不存在.*personal-phone/);
    assert.equal(unknown.stdout, '');
    const badSev = runCli(['lint', '--rule', 'personal-phone:fatal'], { cwd: dir });
    assert.equal(badSev.code, 2);
    assert.match(badSev.stderr, /fatal/);
  });

  it('a realistic notice with several rules on', () => {
    const dir = workspace({ 'drafts/通知.md': NOTICE_MD, '.zwgkrc.json': JSON.stringify({ root: true }) });
    const run = runCli(['lint', '-f', 'json', 'drafts/'], { cwd: dir });
    const [r] = parseJson(run);
    assert.ok(r.messages.some((m) => m.ruleId === 'personal-phone'), 'the mobile number is found');
    assert.ok(!r.messages.some((m) => m.ruleId === 'personal-phone' && m.line === 14 && m.column === NOTICE_MD.split('\n')[13].indexOf('0898') + 1), 'the landline is not');
    assert.equal(run.code, r.errorCount > 0 ? 1 : 0);
  });
});

describe('zwgk rules / explain', function () {
  before(buildCli);
  after(cleanup);

  it('rules lists every rule with severity, fixable, clauses and title', () => {
    const dir = workspace();
    const run = runCli(['rules'], { cwd: dir });
    assert.equal(run.code, 0);
    for (const r of ALL_RULES) {
      const line = run.stdout.split('\n').find((l) => l.startsWith(r.meta.id + ' '));
      assert.ok(line, `${r.meta.id} listed`);
      assert.ok(line!.includes(r.meta.defaultSeverity));
      assert.ok(line!.includes(r.meta.title));
      assert.equal(line!.includes('✓'), r.meta.fixable);
    }
  });

  it('rules --format json', () => {
    const run = runCli(['rules', '--format', 'json'], { cwd: workspace() });
    const list = JSON.parse(run.stdout) as { id: string; defaultSeverity: string; fixable: boolean; clauses: { source: string; id: string; text: string }[]; title: string }[];
    assert.deepEqual(list.map((r) => r.id), ALL_RULES.map((r) => r.meta.id));
    const phone = list.find((r) => r.id === 'personal-phone')!;
    assert.equal(phone.fixable, true);
    assert.ok(phone.clauses.some((c) => c.id === '条例 第十五条' && c.text.includes('个人隐私')));
  });

  it('explain prints title, description, rationale, clause text with source, how to fix, an example', () => {
    const meta = ALL_RULES.find((r) => r.meta.id === 'personal-phone')!.meta;
    const run = runCli(['explain', 'personal-phone'], { cwd: workspace() });
    assert.equal(run.code, 0);
    for (const part of [meta.title, meta.description, meta.rationale, meta.howToFix, meta.clauses[0].text, meta.clauses[0].source, meta.examples.fire[0].text.split('\n')[0]]) {
      assert.ok(run.stdout.includes(part), `explain shows: ${part.slice(0, 40)}`);
    }
    // How the detector decides comes after 如何修改, under its own heading (not in 为什么).
    assert.ok(meta.detection && !meta.rationale.includes('监督电话'));
    assert.ok(run.stdout.includes(meta.detection), 'explain shows 检测方法');
    assert.ok(run.stdout.indexOf('检测方法') > run.stdout.indexOf('如何修改'));
    const json = JSON.parse(runCli(['explain', 'personal-phone', '--format', 'json'], { cwd: workspace() }).stdout) as { detection?: string };
    assert.equal(json.detection, meta.detection);
  });

  it('explain of an unknown id exits 2 with a suggestion', () => {
    const run = runCli(['explain', 'personal-phon'], { cwd: workspace() });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /未知的规则 id “personal-phon”，是否想写 “personal-phone”/);
  });
});
