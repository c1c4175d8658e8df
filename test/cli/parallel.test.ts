/**
 * Worker threads (`--concurrency`): the same output, byte for byte, as one thread — in every format, with
 * --fix, on a tree that exercises every path of the runner; files are written once each.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildCli, cleanup, runCli, workspace, parseJson } from './helpers';
import { snapshot, writeMixedTree } from './trees';
import { autoThreads } from '../../src/cli/runner';
import { parseConcurrency } from '../../src/cli/commands/lint';
import { CliError } from '../../src/cli/errors';

describe('zwgk lint: worker threads', function () {
  this.timeout(120000);
  before(buildCli);
  after(cleanup);

  let tree: string;
  before(() => {
    tree = workspace();
    writeMixedTree(tree, 63);
  });

  for (const format of ['json', 'stylish', 'sarif']) {
    it(`${format}: identical stdout, stderr and exit code with no, 1, 2 and 3 worker threads`, () => {
      const one = runCli(['lint', '-f', format, '--concurrency', 'off', '.'], { cwd: tree, timeout: 60000 });
      assert.equal(one.code, 2, 'the tree holds an undecodable file');
      for (const threads of ['1', '2', '3']) {
        const many = runCli(['lint', '-f', format, '--concurrency', threads, '.'], { cwd: tree, timeout: 60000 });
        assert.equal(many.code, one.code);
        assert.ok(many.stdoutBytes.equals(one.stdoutBytes), `${format} with ${threads} threads differs`);
        assert.equal(many.stderr, one.stderr);
      }
      if (format === 'json') {
        const results = parseJson(one);
        assert.ok(results.length >= 60, String(results.length));
        const rules = new Set(results.flatMap((r) => r.messages.map((m) => m.ruleId)));
        for (const id of ['personal-phone', 'doc-number-format', 'date-format', 'file-unreadable', 'inline-config-invalid']) assert.ok(rules.has(id), id);
        assert.deepEqual([...new Set(results.map((r) => r.encoding))].sort(), [undefined, 'gb18030', 'utf-16be', 'utf-16le', 'utf-8', 'utf-8-bom'].sort());
        assert.match(one.stderr, /scan\.md 是二进制文件，已跳过/);
      }
    });
  }

  it('the default (auto) uses threads for more than 50 files and still gives the same output', () => {
    const one = runCli(['lint', '-f', 'json', '--concurrency', 'off'], { cwd: tree, timeout: 60000 });
    const auto = runCli(['lint', '-f', 'json'], { cwd: tree, timeout: 60000 });
    assert.ok(auto.stdoutBytes.equals(one.stdoutBytes));
  });

  it('--fix: every file written once, atomically, to the same bytes as a one-thread run; a second run changes nothing', () => {
    const a = workspace();
    const b = workspace();
    writeMixedTree(a, 63);
    writeMixedTree(b, 63);
    const before = snapshot(a);
    const runA = runCli(['lint', '--fix', '--concurrency', 'off', '.'], { cwd: a, timeout: 60000 });
    const runB = runCli(['lint', '--fix', '--concurrency', '2', '.'], { cwd: b, timeout: 60000 });
    assert.equal(runB.code, runA.code);
    assert.equal(runB.stdout, runA.stdout, 'stylish output (relative paths) is the same');
    assert.equal(runB.stderr, runA.stderr);
    const afterA = snapshot(a);
    const afterB = snapshot(b);
    assert.deepEqual([...afterB.keys()], [...afterA.keys()], 'no temporary file left, none lost');
    let changed = 0;
    for (const [rel, bytes] of afterA) {
      assert.ok(afterB.get(rel)!.equals(bytes), `${rel} differs`);
      if (!before.get(rel)!.equals(bytes)) changed++;
    }
    assert.ok(changed >= 30, `fixes were written (${changed} files changed)`);
    assert.ok(afterA.get(path.join('杂项', 'broken.txt'))!.equals(before.get(path.join('杂项', 'broken.txt'))!), 'undecodable file untouched');
    assert.ok(afterA.get(path.join('杂项', 'scan.md'))!.equals(before.get(path.join('杂项', 'scan.md'))!), 'binary file untouched');

    const mtimes = new Map([...afterB.keys()].map((rel) => [rel, fs.statSync(path.join(b, rel)).mtimeMs]));
    const again = runCli(['lint', '--fix', '-f', 'json', '--concurrency', '2', '.'], { cwd: b, timeout: 60000 });
    assert.deepEqual(parseJson(again).map((r) => r.fixedCount ?? 0).filter((n) => n > 0), []);
    for (const [rel, t] of mtimes) assert.equal(fs.statSync(path.join(b, rel)).mtimeMs, t, `${rel} rewritten by the second run`);
  });

  it('progress goes to stderr (ZWGK_PROGRESS=1 stands in for a terminal) and is erased; stdout is unchanged', () => {
    const quiet = runCli(['lint', '-f', 'json', '--concurrency', '2'], { cwd: tree, timeout: 60000 });
    const shown = runCli(['lint', '-f', 'json', '--concurrency', '2'], { cwd: tree, timeout: 60000, env: { ZWGK_PROGRESS: '1' } });
    assert.ok(shown.stdoutBytes.equals(quiet.stdoutBytes));
    assert.match(shown.stderr, /\r\x1b\[K检查 \d+\/\d+（\d+%）/);
    assert.ok(!quiet.stderr.includes('\x1b[K'), 'no progress when stderr is not a terminal');
    const single = runCli(['lint', '-f', 'json', '--concurrency', 'off'], { cwd: tree, timeout: 60000, env: { ZWGK_PROGRESS: '1' } });
    assert.match(single.stderr, /\r\x1b\[K(建立文稿索引|检查) \d+\/\d+/);
    // Every progress line is erased before a notice or the end.
    for (const out of [shown.stderr, single.stderr]) {
      for (const line of out.split('\n').filter((l) => l.includes('zwgk:'))) {
        const before = line.slice(0, line.indexOf('zwgk:'));
        assert.ok(before === '' || before.endsWith('\r\x1b[K'), JSON.stringify(line));
      }
      assert.ok(out.endsWith('\n') || out.endsWith('\r\x1b[K'), JSON.stringify(out.slice(-40)));
    }
  });

  it('--concurrency: auto, off or a positive number; anything else is a usage error', () => {
    assert.equal(parseConcurrency(undefined), undefined);
    assert.equal(parseConcurrency('auto'), undefined);
    assert.equal(parseConcurrency('off'), 0);
    assert.equal(parseConcurrency('3'), 3);
    for (const bad of ['0', '-1', 'two', '1.5', '']) assert.throws(() => parseConcurrency(bad), CliError, bad);
    const run = runCli(['lint', '--concurrency', 'many'], { cwd: tree });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /--concurrency 应为 auto、off 或正整数/);
  });

  it('auto: one thread for 50 files or fewer, under 32 MB or with fewer than 3 free cores; else one worker per free core (at most 8)', () => {
    const MB = 1024 * 1024;
    assert.equal(autoThreads(50, 8, 500 * MB), 0);
    assert.equal(autoThreads(1000, 8, 10 * MB), 0, 'the 1,000-draft bench corpus: one thread');
    assert.equal(autoThreads(3000, 8, 31 * MB), 0);
    assert.equal(autoThreads(3000, 8, 32 * MB), 8);
    assert.equal(autoThreads(10000, 64, 100 * MB), 8);
    assert.equal(autoThreads(60, 8, 40 * MB), 3, 'one per 25 files');
    assert.equal(autoThreads(10000, 2, 100 * MB), 0, 'two vCPUs: workers measured slower than one thread');
    assert.equal(autoThreads(10000, 1, 100 * MB), 0);
    assert.equal(autoThreads(10000, 4, 100 * MB), 4);
    assert.equal(autoThreads(10000, 4, 100 * MB, 0.6), 3, 'one core partly busy');
    assert.equal(autoThreads(10000, 4, 100 * MB, 1.6), 0, 'two cores busy: workers would only compete with the other work');
    // The size is asked for only when the rest allows workers (it costs a stat of every file).
    let asked = 0;
    assert.equal(autoThreads(1000, 2, () => (asked++, 100 * MB)), 0);
    assert.equal(asked, 0);
    assert.equal(autoThreads(1000, 8, () => (asked++, 10 * MB)), 0);
    assert.equal(asked, 1);
  });

});
