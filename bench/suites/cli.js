// Issue 11: zwgk against the current markdownlint-cli2, honestly. The newest markdownlint-cli2 is
// installed at bench time into bench/.cache/ (never a dependency of zwgk); on the 1,000-draft bench
// corpus and on a findings-heavy one (every sentence carries findings), zwgk as it runs by default
// (`--concurrency auto`: one thread for 10 MB of drafts), zwgk with two worker threads and
// markdownlint-cli2 (defaults) run in rounds, their order rotating each round. Each
// round gives a pair per zwgk mode; a ratio is the median over the rounds (ZWGK_BENCH_ROUNDS, at least 5)
// of zwgk / markdownlint-cli2 — for wall time and for CPU time (user + sys of the child process, every
// thread included). Both write their report to a file, as a CI job would.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { CACHE, ROOT, timed, median, mb, ms } = require('../util');
const { writeCorpus } = require('../corpus');

const ROUNDS = Math.max(5, Number(process.env.ZWGK_BENCH_ROUNDS) || 5);

/** The newest markdownlint-cli2 from the registry, installed into the cache; the installed one when offline. */
function ensureMarkdownlint() {
  const dir = path.join(CACHE, 'markdownlint-cli2');
  const pkg = path.join(dir, 'node_modules', 'markdownlint-cli2', 'package.json');
  const installed = fs.existsSync(pkg) ? JSON.parse(fs.readFileSync(pkg, 'utf8')).version : undefined;
  let latest;
  try {
    latest = execFileSync('npm', ['view', 'markdownlint-cli2', 'version'], { encoding: 'utf8', timeout: 60000, stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch (e) {
    if (!installed) throw new Error(`cannot reach the npm registry and markdownlint-cli2 is not installed: ${e.message}`);
    process.stderr.write(`  npm registry unreachable: using the installed markdownlint-cli2 ${installed}\n`);
  }
  if (latest && latest !== installed) {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'package.json'), '{"private":true}');
    process.stderr.write(`  installing markdownlint-cli2@${latest} into ${path.relative(ROOT, dir)} …\n`);
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--silent', '--no-save', `markdownlint-cli2@${latest}`], { cwd: dir, stdio: 'inherit' });
  }
  const version = JSON.parse(fs.readFileSync(pkg, 'utf8')).version;
  const base = path.join(dir, 'node_modules', 'markdownlint-cli2');
  const bin = ['markdownlint-cli2-bin.mjs', 'markdownlint-cli2.mjs'].map((f) => path.join(base, f)).find((f) => fs.existsSync(f));
  return { bin, version };
}

/** Runs a node command with stdout and stderr going to `out` (a file). */
function runTo(out, args) {
  const fd = fs.openSync(out, 'w');
  try {
    return timed(process.execPath, args, { stdio: ['ignore', fd, fd] });
  } finally {
    fs.closeSync(fd);
  }
}

function corpus(name, heavy) {
  const dir = path.join(CACHE, name);
  const marker = path.join(dir, 'd09', 'draft-0999.md');
  if (!fs.existsSync(marker)) {
    fs.rmSync(dir, { recursive: true, force: true });
    writeCorpus(dir, 1000, 20190621, heavy);
  }
  return dir;
}

const ratio = (x) => x.toFixed(2) + '×';
const sec = (x) => (x / 1000).toFixed(2) + ' s';

exports.run = async () => {
  const mdl = ensureMarkdownlint();
  process.stderr.write(`  markdownlint-cli2 ${mdl.version}\n`);
  const cli = path.join(ROOT, 'dist', 'cli.js');
  const outDir = path.join(CACHE, 'out');
  fs.mkdirSync(outDir, { recursive: true });
  const rows = { 'peer': `markdownlint-cli2 ${mdl.version} (newest on npm at bench time), defaults`, 'rounds': String(ROUNDS) };
  for (const [label, name, heavy] of [['bench corpus', 'corpus-1000', false], ['findings-heavy', 'corpus-heavy-1000', true]]) {
    const dir = corpus(name, heavy);
    const glob = path.relative(ROOT, dir) + '/**/*.md';
    const cmds = {
      auto: { out: path.join(outDir, `${name}-zwgk-auto.json`), args: [cli, 'lint', '--format', 'json', dir] },
      workers: { out: path.join(outDir, `${name}-zwgk-workers.json`), args: [cli, 'lint', '--format', 'json', '--concurrency', '2', dir] },
      mdl: { out: path.join(outDir, `${name}-markdownlint.txt`), args: [mdl.bin, glob] },
    };
    // Warm the file cache and the OS, then rounds in rotating order.
    for (const c of Object.values(cmds)) runTo(c.out, c.args);
    const runs = { auto: [], workers: [], mdl: [] };
    const names = Object.keys(cmds);
    for (let i = 0; i < ROUNDS; i++) {
      for (let k = 0; k < names.length; k++) {
        const n = names[(i + k) % names.length];
        const r = runTo(cmds[n].out, cmds[n].args);
        if (n !== 'mdl' && r.status !== 0 && r.status !== 1) throw new Error(`zwgk exited ${r.status}: ${fs.readFileSync(cmds[n].out, 'utf8').slice(0, 500)}`);
        runs[n].push(r);
      }
    }
    const autoOut = fs.readFileSync(cmds.auto.out);
    if (!autoOut.equals(fs.readFileSync(cmds.workers.out))) throw new Error(`${label}: zwgk output differs between the default run and worker threads`);
    const results = JSON.parse(autoOut.toString('utf8'));
    const messages = results.reduce((s, r) => s + r.messages.length, 0);
    const bytes = fs.readdirSync(dir).reduce((s, d) => s + fs.readdirSync(path.join(dir, d)).reduce((t, f) => t + fs.statSync(path.join(dir, d, f)).size, 0), 0);
    rows[`${label}`] = `1,000 drafts, ${(bytes / 1048576).toFixed(1)} MB; zwgk ${messages} messages, ${(autoOut.length / 1048576).toFixed(0)} MB of JSON`;
    const med = (rs, k) => median(rs.map((r) => r[k]));
    for (const mode of ['auto', 'workers']) {
      const what = mode === 'auto' ? 'default' : '2 worker threads';
      const wall = median(runs[mode].map((r, i) => r.ms / runs.mdl[i].ms));
      const cpu = median(runs[mode].map((r, i) => r.cpu / runs.mdl[i].cpu));
      rows[`${label}: zwgk (${what}) / markdownlint-cli2, wall`] = `${ratio(wall)} (zwgk ${sec(med(runs[mode], 'ms'))}, peer ${sec(med(runs.mdl, 'ms'))})`;
      rows[`${label}: zwgk (${what}) / markdownlint-cli2, CPU`] = `${ratio(cpu)} (zwgk ${sec(med(runs[mode], 'cpu'))}, peer ${sec(med(runs.mdl, 'cpu'))})`;
      rows[`${label}: zwgk (${what}) peak RSS`] = mb(Math.max(...runs[mode].map((r) => r.peak)));
    }
    rows[`${label}: markdownlint-cli2 peak RSS`] = mb(Math.max(...runs.mdl.map((r) => r.peak)));
    rows[`${label}: wall times, ms (default | 2 workers | peer)`] = names.map((n) => runs[n].map((r) => ms(r.ms)).join(' ')).join(' | ');
  }
  return rows;
};
