// Issue 11, --cache: on the 1,000-draft bench corpus (JSON out, default concurrency), the median over
// ZWGK_BENCH_ROUNDS (at least 5) rounds of: a run without the cache (the cold run), a run with an empty
// cache (which also writes it), a re-run on the unchanged tree, and a re-run after one draft was edited
// (a sentence added to its body; every round edits it again). Ratios are to the cold run, wall and CPU.
// Each run's output is compared with the cold run's: it must be identical.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { CACHE, ROOT, timed, median, mb } = require('../util');
const { writeCorpus } = require('../corpus');

const ROUNDS = Math.max(5, Number(process.env.ZWGK_BENCH_ROUNDS) || 5);

function runTo(out, args) {
  const fd = fs.openSync(out, 'w');
  try {
    return timed(process.execPath, args, { stdio: ['ignore', fd, 'pipe'] });
  } finally {
    fs.closeSync(fd);
  }
}

exports.run = async () => {
  const dir = path.join(CACHE, 'corpus-cache-1000');
  fs.rmSync(dir, { recursive: true, force: true });
  writeCorpus(dir, 1000);
  const cacheDir = path.join(CACHE, 'lint-cache') + path.sep;
  const cli = path.join(ROOT, 'dist', 'cli.js');
  const out = path.join(CACHE, 'out');
  fs.mkdirSync(out, { recursive: true });
  const edited = path.join(dir, 'd05', 'draft-0500.md');
  const original = fs.readFileSync(edited, 'utf8');
  const base = [cli, 'lint', '--format', 'json', dir];
  const cached = [cli, 'lint', '--format', 'json', '--cache', '--cache-location', cacheDir, dir];
  const runs = { cold: [], empty: [], unchanged: [], edited: [] };
  runTo(path.join(out, 'cache-warmup.json'), base);
  for (let i = 0; i < ROUNDS; i++) {
    fs.writeFileSync(edited, original);
    const cold = runTo(path.join(out, 'cache-cold.json'), base);
    const expected = fs.readFileSync(path.join(out, 'cache-cold.json'));
    fs.rmSync(cacheDir, { recursive: true, force: true });
    const steps = [['empty', cached], ['unchanged', cached]];
    runs.cold.push(cold);
    for (const [name, args] of steps) {
      runs[name].push(runTo(path.join(out, `cache-${name}.json`), args));
      if (!fs.readFileSync(path.join(out, `cache-${name}.json`)).equals(expected)) throw new Error(`--cache (${name}): output differs from the run without the cache`);
    }
    fs.writeFileSync(edited, original + `\n第${i}次修改时增加的一句话,用于测试。\n`);
    const plain = runTo(path.join(out, 'cache-edited-plain.json'), base);
    if (plain.status !== 0 && plain.status !== 1) throw new Error(`zwgk exited ${plain.status}`);
    runs.edited.push(runTo(path.join(out, 'cache-edited.json'), cached));
    if (!fs.readFileSync(path.join(out, 'cache-edited.json')).equals(fs.readFileSync(path.join(out, 'cache-edited-plain.json')))) {
      throw new Error('--cache (one draft edited): output differs from the run without the cache');
    }
  }
  fs.writeFileSync(edited, original);
  const med = (rs, k) => median(rs.map((r) => r[k]));
  const cold = { ms: med(runs.cold, 'ms'), cpu: med(runs.cold, 'cpu') };
  const row = (name) => {
    const ms = med(runs[name], 'ms');
    const cpu = med(runs[name], 'cpu');
    return `wall ${(ms / 1000).toFixed(2)} s (${(ms / cold.ms).toFixed(3)}×), CPU ${(cpu / 1000).toFixed(2)} s (${(cpu / cold.cpu).toFixed(3)}×), peak RSS ${mb(Math.max(...runs[name].map((r) => r.peak)))}`;
  };
  const files = fs.readdirSync(cacheDir).map((f) => fs.statSync(path.join(cacheDir, f)).size);
  return {
    'corpus': '1,000 drafts of ~10 KB, --format json, default concurrency; output identical in every run',
    'cold run, no cache': `wall ${(cold.ms / 1000).toFixed(2)} s, CPU ${(cold.cpu / 1000).toFixed(2)} s, peak RSS ${mb(Math.max(...runs.cold.map((r) => r.peak)))}`,
    '--cache, empty cache (writes it)': row('empty'),
    '--cache, unchanged tree': row('unchanged'),
    '--cache, one draft edited': row('edited'),
    'cache size on disk': `${mb(files.reduce((a, b) => a + b, 0))} (${files.length} files)`,
  };
};
