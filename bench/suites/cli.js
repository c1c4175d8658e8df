// Issue 2 targets: 1,000 generated drafts of ~10 KB — zwgk CLI wall time and peak memory (all rules on),
// side by side with markdownlint-cli2 (defaults) on the same files, installed on demand into the cache.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { CACHE, ROOT, timed, mb, ms } = require('../util');
const { writeCorpus } = require('../corpus');

const MDL_VERSION = '0.18.1';

function ensureMarkdownlint() {
  const dir = path.join(CACHE, 'markdownlint-cli2');
  const bin = path.join(dir, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');
  if (!fs.existsSync(bin)) {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'package.json'), '{"private":true}');
    process.stderr.write(`installing markdownlint-cli2@${MDL_VERSION} into ${path.relative(ROOT, dir)} …\n`);
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--silent', `markdownlint-cli2@${MDL_VERSION}`], { cwd: dir, stdio: 'inherit' });
  }
  const alt = path.join(dir, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2.mjs');
  return fs.existsSync(bin) ? bin : alt;
}

exports.run = async () => {
  const corpus = path.join(CACHE, 'corpus-1000');
  fs.rmSync(corpus, { recursive: true, force: true });
  const files = writeCorpus(corpus, 1000);
  const bytes = files.reduce((s, f) => s + fs.statSync(f).size, 0);
  const cli = path.join(ROOT, 'dist', 'cli.js');
  timed(process.execPath, [cli, 'lint', '--format', 'json', corpus]); // warm the file cache
  const runs = [0, 1, 2].map(() => timed(process.execPath, [cli, 'lint', '--format', 'json', corpus]));
  const best = runs.reduce((a, b) => (a.ms < b.ms ? a : b));
  if (best.status !== 1 && best.status !== 0) throw new Error(`zwgk exited ${best.status}: ${best.stderr.slice(0, 500)}`);
  const results = JSON.parse(best.stdout);
  const messages = results.reduce((s, r) => s + r.messages.length, 0);
  const rows = {
    'corpus': `${files.length} drafts, ${(bytes / 1048576).toFixed(1)} MB`,
    'zwgk lint (all rules) wall time, best of 3': ms(best.ms),
    'zwgk peak RSS': mb(best.peak),
    'zwgk messages': String(messages),
  };
  try {
    const mdl = ensureMarkdownlint();
    const glob = path.relative(ROOT, corpus) + '/**/*.md';
    timed(process.execPath, [mdl, glob]);
    const m = [0, 1, 2].map(() => timed(process.execPath, [mdl, glob])).reduce((a, b) => (a.ms < b.ms ? a : b));
    rows[`markdownlint-cli2 ${MDL_VERSION} (defaults), best of 3`] = ms(m.ms);
    rows['markdownlint-cli2 peak RSS'] = mb(m.peak);
    rows['zwgk / markdownlint-cli2 time'] = (best.ms / m.ms).toFixed(2) + '×';
  } catch (e) {
    rows['markdownlint-cli2'] = `not measured: ${e.message.split('\n')[0]}`;
  }
  return rows;
};
