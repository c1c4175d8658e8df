/**
 * The bin (dist/cli.js, src/cli/launch.ts) runs the bundle with V8's code cache: the first run writes it,
 * later runs use it, and whatever the cache folder holds — nothing, a damaged file, data from another
 * build, a folder that cannot be written — the run prints exactly what a run without the cache prints.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CLI, buildCli, cleanup, focusConfig, installCopy, runCli, workspace, type CliRun } from './helpers';

const DRAFT = '# 关于开展检查的通知\n\n联系人：王明，手机：13812345678。\n';

describe('zwgk bin: the compile cache', function () {
  this.timeout(60000);
  before(buildCli);
  after(cleanup);

  let dir: string;
  let log: string;
  beforeEach(() => {
    dir = workspace({ '.zwgkrc.json': focusConfig({ 'personal-phone': 'error' }), 'a.md': DRAFT });
    log = path.join(dir, 'cache.log');
  });

  const run = (cache: string, args = ['lint', '-f', 'json', 'a.md'], cli?: string): CliRun =>
    runCli(args, { cwd: dir, cli, env: { ZWGK_COMPILE_CACHE: cache, ZWGK_COMPILE_CACHE_LOG: log } });
  /** The log since the last call, with the cache folder as `<cache>`. */
  const events = (cache?: string): string[] => {
    const lines = fs.existsSync(log) ? fs.readFileSync(log, 'utf8').trim().split('\n') : [];
    fs.rmSync(log, { force: true });
    return lines.map((l) => (cache ? l.split(cache).join('<cache>') : l).replace(/cli-[0-9a-f]{32}\.bin/, 'cli-#.bin'));
  };
  const same = (a: CliRun, b: CliRun): void => {
    assert.equal(a.stdout, b.stdout);
    assert.equal(a.stderr, b.stderr);
    assert.equal(a.code, b.code);
  };
  /** The next run finds the cache `state` (damaged, rejected), prints `plain` and writes it again; the one after uses it. */
  const writtenAgain = (state: string, cache: string, plain: CliRun, cli?: string): void => {
    events(cache);
    same(run(cache, undefined, cli), plain);
    assert.deepEqual(events(cache), [`${state} <cache>/cli-#.bin`, 'wrote <cache>/cli-#.bin']);
    same(run(cache, undefined, cli), plain);
    assert.deepEqual(events(cache), ['hit <cache>/cli-#.bin']);
  };

  it('is written by the first run, private, and used by the next; the output is that of a run without it', () => {
    const plain = run('off');
    assert.equal(plain.code, 1);
    assert.match(plain.stdout, /personal-phone/);
    assert.deepEqual(events(), ['off']);
    const cache = path.join(workspace(), 'v8');
    same(run(cache), plain);
    assert.deepEqual(events(cache), ['miss <cache>/cli-#.bin', 'wrote <cache>/cli-#.bin']);
    const [file] = fs.readdirSync(cache);
    if (process.platform !== 'win32') {
      assert.equal(fs.statSync(cache).mode & 0o777, 0o700);
      assert.equal(fs.statSync(path.join(cache, file)).mode & 0o777, 0o600);
    }
    same(run(cache), plain);
    assert.deepEqual(events(cache), ['hit <cache>/cli-#.bin']);
    // Another command has its own cache (it runs other code).
    assert.equal(run(cache, ['--version']).code, 0);
    assert.deepEqual(events(cache), ['miss <cache>/cli-#.bin', 'wrote <cache>/cli-#.bin']);
    assert.equal(fs.readdirSync(cache).length, 2);
  });

  it('survives a damaged cache file (never handed to V8) and writes it again', () => {
    const plain = run('off');
    const cache = path.join(workspace(), 'v8');
    run(cache);
    const file = path.join(cache, fs.readdirSync(cache)[0]);
    const good = fs.readFileSync(file);
    const flipped = Buffer.from(good);
    for (let i = 200; i < flipped.length; i += 997) flipped[i] ^= 0x5a;
    for (const bad of [flipped, good.subarray(0, 1000), Buffer.alloc(0), Buffer.from('not a cache')]) {
      fs.writeFileSync(file, bad);
      writtenAgain('damaged', cache, plain);
    }
  });

  it('data V8 does not take (compiled from other code, here under this build\'s name) is rejected and written again', () => {
    const cli = installCopy();
    const cache = path.join(workspace(), 'v8');
    run(cache, undefined, cli);
    const [before] = fs.readdirSync(cache);
    // Another build: the cache file of the old one under the new one's name.
    fs.appendFileSync(path.join(path.dirname(cli), 'cli-main.js'), '\n// another build\n');
    const plain = run('off', undefined, cli);
    run(cache, undefined, cli);
    const after = fs.readdirSync(cache).find((f) => f !== before)!;
    fs.copyFileSync(path.join(cache, before), path.join(cache, after));
    writtenAgain('rejected', cache, plain, cli);
  });

  it('a cache someone else could have written is not used (compiled code is code): group- or world-writable, or another owner', function () {
    if (process.platform === 'win32') this.skip();
    const plain = run('off');
    const cache = path.join(workspace(), 'v8');
    run(cache);
    const file = path.join(cache, fs.readdirSync(cache)[0]);
    events();
    const untrusted = (what: string) => {
      same(run(cache), plain);
      assert.deepEqual(events(cache), [what], 'not used, not written');
    };
    fs.chmodSync(file, 0o664);
    untrusted('untrusted <cache>/cli-#.bin');
    fs.chmodSync(file, 0o600);
    fs.chmodSync(cache, 0o777);
    untrusted('untrusted <cache>');
    fs.chmodSync(cache, 0o700);
    if (process.getuid?.() === 0) {
      // Another owner (only root can hand a file to another user).
      fs.chownSync(file, 4321, 4321);
      untrusted('untrusted <cache>/cli-#.bin');
      fs.chownSync(cache, 4321, 4321);
      fs.chownSync(file, 0, 0);
      untrusted('untrusted <cache>');
      fs.chownSync(cache, 0, 0);
    }
    same(run(cache), plain);
    assert.deepEqual(events(cache), ['hit <cache>/cli-#.bin']);
  });

  it('a folder that cannot be written means no cache, and the same output', () => {
    const plain = run('off');
    events();
    const file = path.join(workspace({ 'f': 'a file, not a folder' }), 'f');
    same(run(path.join(file, 'v8')), plain);
    assert.deepEqual(events(file), ['miss <cache>/v8/cli-#.bin']);
  });

  it('without an absolute home or cache folder in the environment, there is no cache (never one in the working directory)', function () {
    if (process.platform === 'win32') this.skip();
    const plain = run('off');
    events();
    const r = runCli(['lint', '-f', 'json', 'a.md'], { cwd: dir, env: { ZWGK_COMPILE_CACHE: '', HOME: '', XDG_CACHE_HOME: 'cache', ZWGK_COMPILE_CACHE_LOG: log } });
    same(r, plain);
    assert.deepEqual(events(), ['off']);
    assert.deepEqual(fs.readdirSync(dir).sort(), ['.zwgkrc.json', 'a.md']);
  });

  it('the bundle it runs has no import() (a vm.Script without an import hook could not run it)', () => {
    const bundle = fs.readFileSync(path.join(path.dirname(CLI), 'cli-main.js'), 'utf8');
    assert.ok(bundle.length > 100000);
    assert.equal(/\bimport\s*\(/.exec(bundle)?.[0], undefined);
  });

  it('keeps the newest 16 cache files of the folder', () => {
    const cache = path.join(workspace(), 'v8');
    fs.mkdirSync(cache);
    const old = Array.from({ length: 20 }, (_, i) => path.join(cache, `cli-${i.toString(16).padStart(32, '0')}.bin`));
    old.forEach((f, i) => {
      fs.writeFileSync(f, 'old');
      fs.utimesSync(f, new Date(2020, 0, 1 + i), new Date(2020, 0, 1 + i));
    });
    fs.writeFileSync(path.join(cache, 'other.txt'), 'not ours');
    run(cache);
    const left = fs.readdirSync(cache).sort();
    assert.equal(left.filter((f) => f.endsWith('.bin')).length, 16);
    assert.ok(left.includes('other.txt'));
    // The oldest went; the one just written stays.
    for (const f of old.slice(0, 5)) assert.ok(!left.includes(path.basename(f)), f);
    assert.equal(left.filter((f) => !old.map((o) => path.basename(o)).includes(f) && f.endsWith('.bin')).length, 1);
  });
});
