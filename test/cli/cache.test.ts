/**
 * zwgk lint --cache: on a realistic tree (real published documents and Markdown policy ↔ 解读 workspaces),
 * through edits, renames, deletions, config changes and changes to the drafts a cached result depends
 * on, every run prints exactly what a run without the cache prints — and re-lints exactly the files
 * whose result can have changed (ZWGK_CACHE_LOG lists what was reused and what was linted). .docx and
 * .html files are not stored: they are read and linted on every run.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildCli, cleanup, focusConfig, installCopy, runCli, workspace, write, type CliRun } from './helpers';
import { STAMP_MARGIN_MS } from '../../src/cli/cache';
import { MAX_SEGMENTS } from '../../src/cli/cache-output';

const FIXTURES = path.resolve(__dirname, '../fixtures');

/** The tree: cache-tree/ plus two Markdown workspaces of policy ↔ 解读. */
function tree(): string {
  const dir = workspace();
  fs.cpSync(path.join(FIXTURES, 'cache-tree'), dir, { recursive: true });
  fs.cpSync(path.join(FIXTURES, 'workspaces/in-sync'), path.join(dir, 'md/in-sync'), { recursive: true });
  fs.cpSync(path.join(FIXTURES, 'workspaces/by-title'), path.join(dir, 'md/by-title'), { recursive: true });
  // A Word file and a saved web page: linted every time (never stored), with the same output.
  fs.mkdirSync(path.join(dir, 'web'));
  for (const f of ['yichun-2022-tongji-gongbao.html', 'jx-waiban-2022-kaoshi-dagang.docx']) fs.copyFileSync(path.join(FIXTURES, 'formats', f), path.join(dir, 'web', f));
  return dir;
}

function files(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...files(p));
    else if (/\.(md|txt)$/.test(e.name)) out.push(p); // --all: every .md/.txt, READMEs too
  }
  return out.sort();
}

interface Step {
  run: CliRun;
  hit: string[];
  linted: string[];
  /** Files not read: their stat was unchanged. */
  known: string[];
}

/**
 * Runs `zwgk lint ARGS` with and without the cache (cache in `cacheDir`) and asserts the same exit code,
 * stdout and stderr; returns the cached run with the files it reused and linted (relative to `dir`).
 */
function same(dir: string, cacheDir: string, args: string[] = ['-f', 'json', '.'], { all = true } = {}): Step {
  const log = path.join(cacheDir, `log-${Math.random().toString(36).slice(2)}`);
  const every = all ? ['--all'] : [];
  const cached = runCli(['lint', ...every, '--cache', '--cache-location', cacheDir + path.sep, ...args], { cwd: dir, env: { ZWGK_CACHE_LOG: log } });
  const plain = runCli(['lint', ...every, ...args], { cwd: dir });
  assert.equal(cached.stdout, plain.stdout, 'stdout');
  assert.equal(cached.stderr, plain.stderr, 'stderr');
  assert.equal(cached.code, plain.code, 'exit code');
  const lines = fs.existsSync(log) ? fs.readFileSync(log, 'utf8').trim().split('\n') : [];
  const of = (kind: string) => lines.filter((l) => l.startsWith(kind + ' ')).map((l) => path.relative(dir, l.slice(kind.length + 1))).sort();
  return { run: cached, hit: of('hit'), linted: of('lint'), known: of('known') };
}

const cacheDirs: string[] = [];
function cacheDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'zwgk-cache-'));
  cacheDirs.push(d);
  return d;
}

function edit(file: string, f: (text: string) => string): void {
  const text = fs.readFileSync(file, 'utf8');
  const next = f(text);
  assert.notEqual(next, text, `edit of ${file} changes nothing`);
  fs.writeFileSync(file, next);
}

describe('zwgk lint --cache', function () {
  this.timeout(120000);
  before(buildCli);
  after(() => {
    cleanup();
    for (const d of cacheDirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });

  it('gives the output of a run without it through edits, renames, deletions and config changes, re-linting only what can have changed', () => {
    const dir = tree();
    const cache = cacheDir();
    const all = files(dir).map((f) => path.relative(dir, f));
    assert.ok(all.length >= 20, `${all.length} drafts`);

    // Cold: everything is linted; warm: nothing is.
    let s = same(dir, cache);
    assert.ok((JSON.parse(s.run.stdout) as { messages: unknown[] }[]).reduce((n, r) => n + r.messages.length, 0) > 20);
    assert.deepEqual(s.linted, all);
    s = same(dir, cache);
    assert.deepEqual(s.linted, []);
    assert.deepEqual(s.hit, all);
    // The other formats give their own output from the same stored results.
    for (const format of ['stylish', 'sarif']) {
      s = same(dir, cache, ['-f', format, '.']);
      assert.deepEqual(s.linted, []);
    }

    // A body edit in a draft nothing links to: that draft only.
    const notice = 'notice/gov-gbf-2019-3-xiaoqu-youeryuan.txt';
    edit(path.join(dir, notice), (t) => t + '\n联系电话：13812345678\n');
    s = same(dir, cache);
    assert.deepEqual(s.linted, [notice]);
    assert.match(s.run.stdout, /138\*\*\*\*5678/);

    // The interpretation of a cached policy is published on another day: the policy's result depends on
    // it (interpretation-out-of-sync), so both are linted again.
    const pair = 'pair/bj-2018-zhuanchang-xize';
    const policy = `${pair}/bj-wjw-2018-zhuanchang-xize.txt`;
    const interp = `${pair}/bj-wjw-2018-zhuanchang-xize-jiedu.txt`;
    const before = s.run.stdout;
    edit(path.join(dir, interp), (t) => t.replace('发布日期: 2018-12-25', '发布日期: 2019-01-28'));
    s = same(dir, cache);
    assert.deepEqual(s.linted, [interp, policy].sort());
    assert.notEqual(s.run.stdout, before);
    assert.match(s.run.stdout, /interpretation-out-of-sync/);

    // A Markdown policy is renamed: it is linted under its new name, and so is its interpretation,
    // whose 解读材料 link no longer resolves.
    const mdPolicy = files(path.join(dir, 'md/in-sync')).map((f) => path.relative(dir, f)).find((f) => !f.includes('解读/'))!;
    const renamed = path.join(path.dirname(mdPolicy), '改名后的办法.md');
    fs.renameSync(path.join(dir, mdPolicy), path.join(dir, renamed));
    s = same(dir, cache);
    assert.ok(s.linted.includes(renamed), s.linted.join(' '));
    assert.ok(s.linted.some((f) => f.startsWith('md/in-sync/解读/')), s.linted.join(' '));
    assert.ok(s.linted.length <= 4, s.linted.join(' '));

    // The interpretation of the other pair is deleted: its policy has none any more.
    const pair2 = files(path.join(dir, 'pair/bj-2017-zhenxing-yijian')).map((f) => path.relative(dir, f));
    fs.rmSync(path.join(dir, pair2.find((f) => f.endsWith('-jiedu.txt'))!));
    s = same(dir, cache);
    assert.deepEqual(s.linted, pair2.filter((f) => !f.endsWith('-jiedu.txt')));

    // A config in one folder: the drafts under it only. At the root: every draft.
    fs.writeFileSync(path.join(dir, 'gongshi/.zwgkrc.json'), JSON.stringify({ rules: { 'personal-phone': 'off', 'fullwidth-punctuation': 'info' } }));
    s = same(dir, cache);
    assert.deepEqual(s.linted, files(path.join(dir, 'gongshi')).map((f) => path.relative(dir, f)));
    fs.writeFileSync(path.join(dir, '.zwgkrc.json'), JSON.stringify({ rules: { 'date-format': 'error' } }));
    s = same(dir, cache);
    assert.deepEqual(s.linted, files(dir).map((f) => path.relative(dir, f)));
    // Calendar overrides are part of the config too.
    fs.writeFileSync(path.join(dir, '.zwgkrc.json'), JSON.stringify({ rules: { 'date-format': 'error' }, calendar: { holidays: ['2018-12-26'] } }));
    s = same(dir, cache);
    assert.equal(s.hit.length, 0);
    // --rule on the command line as well.
    s = same(dir, cache, ['-f', 'json', '--rule', 'book-title-marks:off', '.']);
    assert.equal(s.hit.length, 0);
    s = same(dir, cache, ['-f', 'json', '--rule', 'book-title-marks:off', '.']);
    assert.equal(s.linted.length, 0);

    // A subset of the tree, then the whole tree: the entries of the files left out are kept.
    s = same(dir, cache);
    assert.equal(s.hit.length, 0); // the results stored last were for --rule book-title-marks:off
    s = same(dir, cache, ['-f', 'json', 'notice']);
    assert.equal(s.linted.length, 0);
    s = same(dir, cache);
    assert.equal(s.linted.length, 0);
  });

  it('does not read a file whose stat is unchanged, and still sees every edit, even one that keeps size and modification time', async () => {
    const dir = tree();
    // Not a draft (no metadata, no config): skipped, with the same notice, also when its status is stored.
    write(dir, 'notes/会议记录.md', '# 会议记录\n\n随手记的几句话。\n');
    // This one gets a whole-second modification time, so that setting it back later is exact.
    const target = 'notice/gov-gbf-2019-3-xiaoqu-youeryuan.txt';
    const abs = path.join(dir, target);
    const mtime = Date.parse('2020-01-01T00:00:00Z') / 1000;
    fs.utimesSync(abs, mtime, mtime);
    const cache = cacheDir();
    const run = () => same(dir, cache, ['-f', 'json', '.'], { all: false });
    // Just written: too recent for a stat to be trusted; every file is read on every run.
    let s = run();
    assert.ok(s.linted.length >= 15, s.linted.join(' '));
    assert.match(s.run.stderr, /跳过 \d+ 个不是文稿的文件.*会议记录\.md/);
    s = run();
    assert.deepEqual([s.known, s.linted], [[], []]);
    const drafts = s.hit;
    // Older than the margin: the next run reads them once more and keeps their stats; the one after reads none.
    await new Promise((resolve) => setTimeout(resolve, STAMP_MARGIN_MS + 300));
    s = run();
    assert.deepEqual([s.known, s.linted, s.hit], [[], [], drafts]);
    s = run();
    assert.deepEqual(s.linted, []);
    assert.deepEqual(s.hit, drafts);
    assert.ok(s.known.includes('notes/会议记录.md'), 'the skipped note is not read either');
    assert.ok(drafts.every((f) => s.known.includes(f)), s.known.join(' '));

    // Edited in place to the same size, and the modification time set back (as a tool restoring it would):
    // the change time differs, so it is read, and linted again.
    const st = fs.statSync(abs);
    const text = fs.readFileSync(abs, 'utf8');
    const next = text.replace('。', '，');
    assert.notEqual(next, text);
    fs.writeFileSync(abs, next);
    fs.utimesSync(abs, mtime, mtime);
    assert.deepEqual([fs.statSync(abs).size, fs.statSync(abs).mtimeMs], [st.size, st.mtimeMs]);
    s = run();
    assert.deepEqual(s.linted, [target]);
    assert.ok(!s.known.includes(target));
    // New times, the same bytes: read, and its result reused.
    const touched = drafts.find((f) => f !== target)!;
    fs.utimesSync(path.join(dir, touched), new Date(), new Date());
    s = run();
    assert.deepEqual(s.linted, []);
    assert.ok(s.hit.includes(touched) && !s.known.includes(touched));
    // The note gets metadata: decided again from its new bytes, now a draft, linted.
    write(dir, 'notes/会议记录.md', '---\n文档类型: 通知\n标题: 关于召开工作会议的通知\n发布机构: 某市人民政府办公室\n---\n\n# 关于召开工作会议的通知\n\n随手记的几句话。\n');
    s = run();
    assert.deepEqual(s.linted, ['notes/会议记录.md']);
    assert.doesNotMatch(s.run.stderr, /会议记录/);
  });

  it('stores the output of a re-linted draft beside the outputs it reuses, and merges them when there are too many', () => {
    const dir = workspace({ '.zwgkrc.json': focusConfig({ 'personal-phone': 'error', 'fullwidth-punctuation': 'warning' }) });
    for (let i = 0; i < 12; i++) write(dir, `d${i}.md`, `# 第${i}号通知\n\n联系人：王明,手机：1381234${String(i).padStart(4, '0')}。\n`);
    const cache = cacheDir();
    const segments = () => fs.readdirSync(cache).filter((f) => /\.out-[\w-]+$/.test(f)).sort();
    let s = same(dir, cache);
    assert.equal(s.linted.length, 12);
    const [first] = segments();
    const firstStat = fs.statSync(path.join(cache, first));
    // One draft edited: its output goes to a second segment; the first is left as it was.
    edit(path.join(dir, 'd3.md'), (t) => t + '\n补充一句,说明情况。\n');
    s = same(dir, cache);
    assert.deepEqual(s.linted, ['d3.md']);
    assert.equal(segments().length, 2);
    assert.ok(segments().includes(first));
    assert.equal(fs.statSync(path.join(cache, first)).mtimeMs, firstStat.mtimeMs);
    // Edited again: the segment with its previous output is no longer needed, and deleted.
    edit(path.join(dir, 'd3.md'), (t) => t + '\n又补充一句,说明情况。\n');
    s = same(dir, cache);
    assert.equal(segments().length, 2);
    // Another draft edited in each run: a segment each, until there would be more than MAX_SEGMENTS;
    // then all are merged into one, and the output stays the same.
    const counts: number[] = [];
    for (let i = 4; i < 4 + MAX_SEGMENTS; i++) {
      edit(path.join(dir, `d${i}.md`), (t) => t + `\n第${i}次补充,说明情况。\n`);
      s = same(dir, cache);
      assert.deepEqual(s.linted, [`d${i}.md`]);
      counts.push(segments().length);
    }
    assert.deepEqual(counts, [3, 4, 5, 6, 7, 8, 1, 2]);
    assert.ok(!segments().includes(first), 'merged');
    // Most outputs change (every draft edited): the dead bytes are not kept.
    for (let i = 0; i < 12; i++) edit(path.join(dir, `d${i}.md`), (t) => t.replace('王明', '李华'));
    s = same(dir, cache);
    assert.equal(s.linted.length, 12);
    assert.equal(segments().length, 1);
    s = same(dir, cache);
    assert.deepEqual(s.linted, []);

    // Temporary files a killed run left (its process is gone) go with the next write; those of a run still
    // going (here: this test's own process) and files that are not the cache's stay.
    const [file] = fs.readdirSync(cache).filter((f) => f.endsWith('.json'));
    const dead = [`${file}.out-0f0f0f0f-aaaa.99999999.tmp`, `${file}.99999999.tmp`];
    const kept = [`${file}.out-1e1e1e1e-bbbb.${process.pid}.tmp`, 'notes.99999999.tmp'];
    for (const f of [...dead, ...kept]) fs.writeFileSync(path.join(cache, f), 'x'.repeat(1000));
    edit(path.join(dir, 'd0.md'), (t) => t + '\n再补充,说明情况。\n');
    s = same(dir, cache);
    assert.deepEqual(s.linted, ['d0.md']);
    const left = fs.readdirSync(cache);
    assert.deepEqual(dead.filter((f) => left.includes(f)), [], 'left by a killed run: removed');
    assert.deepEqual(kept.filter((f) => !left.includes(f)), [], 'a live run\'s, or not the cache\'s: kept');
  });

  it('keeps the output identical with worker threads, and with --fix (files fixed to the same bytes)', () => {
    // Enough drafts for worker threads: the tree three times over.
    const base = tree();
    for (const copy of ['b', 'c']) {
      for (const f of files(base).filter((x) => !x.includes(`${path.sep}copy-`))) {
        const to = path.join(base, `copy-${copy}`, path.relative(base, f));
        fs.mkdirSync(path.dirname(to), { recursive: true });
        fs.copyFileSync(f, to);
      }
    }
    const cache = cacheDir();
    const n = files(base).length;
    assert.ok(n > 50, `${n} drafts`);
    let s = same(base, cache, ['-f', 'json', '--concurrency', '2', '.']);
    assert.equal(s.linted.length, n);
    edit(path.join(base, 'copy-b/pair/bj-2018-zhuanchang-xize/bj-wjw-2018-zhuanchang-xize-jiedu.txt'), (t) => t.replace('发布日期: 2018-12-25', '发布日期: 2019-02-01'));
    s = same(base, cache, ['-f', 'json', '--concurrency', '2', '.']);
    assert.equal(s.linted.length, 2);

    // --fix: the same tree fixed with and without the cache gives the same output and the same bytes.
    const a = tree();
    const b = tree();
    const fixCache = cacheDir();
    const lint = (dir: string, args: string[]) => runCli(['lint', '--all', ...args], { cwd: dir });
    const withCache = ['--cache', '--cache-location', fixCache + path.sep];
    // A cached run first, so that --fix meets stored results.
    lint(a, ['-f', 'json', ...withCache, '.']);
    const fa = lint(a, ['--fix', '-f', 'json', ...withCache, '.']);
    const fb = lint(b, ['--fix', '-f', 'json', '.']);
    assert.equal(fa.stdout.split(a).join('<dir>'), fb.stdout.split(b).join('<dir>'));
    assert.equal(fa.code, fb.code);
    for (const f of files(a)) assert.equal(fs.readFileSync(f, 'utf8'), fs.readFileSync(path.join(b, path.relative(a, f)), 'utf8'), f);
    // After the fix the cache holds the fixed files' results: the next runs agree too.
    for (const args of [['-f', 'json', '.'], ['--fix', '-f', 'json', '.'], ['-f', 'stylish', '.']]) {
      const ra = lint(a, [...withCache, ...args]);
      const rb = lint(b, args);
      assert.equal(ra.stdout.split(a).join('<dir>'), rb.stdout.split(b).join('<dir>'), args.join(' '));
      assert.equal(ra.code, rb.code);
    }
  });

  it('ignores a corrupt or foreign cache file without crashing, and never overwrites a file that is not a cache', () => {
    const dir = workspace({
      '.zwgkrc.json': focusConfig({ 'personal-phone': 'error', 'fullwidth-punctuation': 'warning' }),
      'a.md': '# 通知\n\n联系人：王明,手机：13812345678。\n',
      'b.md': '# 公告\n\n没有问题。\n',
    });
    const cache = cacheDir();
    same(dir, cache);
    const [file] = fs.readdirSync(cache).filter((f) => f.endsWith('.json'));
    const cacheFile = path.join(cache, file);
    const good = fs.readFileSync(cacheFile);

    // Truncated, garbled lines, wrong types in a well-formed line, a garbled stored output: the same output.
    for (const damaged of [
      good.subarray(0, Math.floor(good.length / 2)),
      Buffer.from(good.toString('utf8').replace(/\],\[/g, '],{')),
      Buffer.from(good.toString('utf8').replace(/"errorCount":1/g, '"errorCount":"x"')),
      Buffer.from(good.toString('utf8').split('\n')[0] + '\n["r","' + path.join(dir, 'a.md') + '",1,2,3]\n'),
    ]) {
      fs.writeFileSync(cacheFile, damaged);
      same(dir, cache);
      same(dir, cache);
    }
    // Stored outputs garbled in place (same size), then deleted: formatted again from the cache lines.
    const segments = () => fs.readdirSync(cache).filter((f) => f.startsWith(file + '.out-'));
    assert.equal(segments().length, 1);
    const segment = path.join(cache, segments()[0]);
    fs.writeFileSync(segment, Buffer.alloc(fs.statSync(segment).size, 0x7b));
    let s = same(dir, cache);
    assert.match(s.run.stdout, /138\*\*\*\*5678/);
    for (const f of segments()) fs.rmSync(path.join(cache, f));
    s = same(dir, cache);
    assert.match(s.run.stdout, /138\*\*\*\*5678/);
    assert.equal(segments().length, 1, 'written again');

    // A file that is not a zwgk cache: left alone, and said so.
    const foreign = path.join(cache, 'notes.json');
    fs.writeFileSync(foreign, '{"important": true}\n');
    const r = runCli(['lint', '--all', '-f', 'json', '--cache', '--cache-location', foreign], { cwd: dir });
    const plain = runCli(['lint', '--all', '-f', 'json'], { cwd: dir });
    assert.equal(r.stdout, plain.stdout);
    assert.equal(r.code, plain.code);
    assert.match(r.stderr, /不是 zwgk 的缓存文件/);
    assert.equal(fs.readFileSync(foreign, 'utf8'), '{"important": true}\n');
  });

  it('lives in node_modules/.cache/zwgk/ by default; --cache-location takes a file or a folder; it needs --cache', () => {
    const dir = workspace({ 'a.md': '# 通知\n\n联系人：王明，手机：13812345678。\n' });
    assert.equal(runCli(['lint', '--all', '--cache'], { cwd: dir }).code, 1);
    const defaultDir = path.join(dir, 'node_modules/.cache/zwgk');
    // The results and, beside them, their output (created with the folder).
    assert.deepEqual(fs.readdirSync(defaultDir).map((f) => f.replace(/^lint-[\w-]+/, 'lint-*').replace(/out-[\w-]+$/, 'out-*')).sort(), ['lint-*.json', 'lint-*.json.out-*']);
    const file = path.join(cacheDir(), 'my-cache.json');
    assert.equal(runCli(['lint', '--all', '--cache', '--cache-location', file], { cwd: dir }).code, 1);
    assert.ok(fs.existsSync(file));
    const usage = runCli(['lint', '--all', '--cache-location', file], { cwd: dir });
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /--cache-location 只能与 --cache 一起使用/);
  });

  it('is not reused by other code: a change to the bundle or to a library it loads from vendor/ re-lints everything', () => {
    const dir = workspace({ 'a.md': '# 通知\n\n联系人：王明，手机：13812345678。\n', 'b.txt': '关于开展检查的通知\n\n各单位：现将有关事项通知如下。\n' });
    const cli = installCopy();
    const install = path.dirname(cli);
    const libs = fs.readdirSync(path.join(install, 'vendor'));
    assert.ok(libs.includes('hast-util-from-html.js') && libs.includes('iconv-lite.js'), libs.join());
    const cache = cacheDir();
    const lint = (): string[] => {
      const log = path.join(cache, `log-${Math.random().toString(36).slice(2)}`);
      const r = runCli(['lint', '--all', '--cache', '--cache-location', cache + path.sep, '.'], { cwd: dir, cli, env: { ZWGK_CACHE_LOG: log } });
      assert.equal(r.code, 1, r.stderr);
      return fs.readFileSync(log, 'utf8').trim().split('\n').map((l) => l.replace(dir + path.sep, '')).sort();
    };
    const linted = ['lint a.md', 'lint b.txt'];
    assert.deepEqual(lint(), linted);
    assert.deepEqual(lint(), ['hit a.md', 'hit b.txt']);
    for (const f of ['vendor/hast-util-from-html.js', 'vendor/iconv-lite.js', 'cli-main.js']) {
      fs.appendFileSync(path.join(install, f), '\n// another build\n');
      assert.deepEqual(lint(), linted, f);
      assert.deepEqual(lint(), ['hit a.md', 'hit b.txt'], f);
    }
  });
});
