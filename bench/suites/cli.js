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
  let mdl;
  let mdlError;
  try {
    mdl = ensureMarkdownlint();
  } catch (e) {
    mdlError = e;
  }
  const glob = path.relative(ROOT, corpus) + '/**/*.md';
  const zwgk = (extra) => timed(process.execPath, [cli, 'lint', '--format', 'json', ...extra, corpus]);
  // Warm the file cache, then alternate the three so that load from elsewhere hits them alike.
  zwgk([]);
  if (mdl) timed(process.execPath, [mdl, glob]);
  const runs = { auto: [], off: [], mdl: [] };
  for (let i = 0; i < 3; i++) {
    runs.auto.push(zwgk([]));
    runs.off.push(zwgk(['--concurrency', 'off']));
    if (mdl) runs.mdl.push(timed(process.execPath, [mdl, glob]));
  }
  const bestOf = (rs) => rs.reduce((a, b) => (a.ms < b.ms ? a : b));
  const best = bestOf(runs.auto);
  const single = bestOf(runs.off);
  if (best.status !== 1 && best.status !== 0) throw new Error(`zwgk exited ${best.status}: ${best.stderr.slice(0, 500)}`);
  if (single.stdout !== best.stdout) throw new Error('zwgk output differs between one thread and worker threads');
  const results = JSON.parse(best.stdout);
  const messages = results.reduce((s, r) => s + r.messages.length, 0);
  const rows = {
    'corpus': `${files.length} drafts, ${(bytes / 1048576).toFixed(1)} MB`,
    'zwgk lint (all rules) wall time, best of 3': ms(best.ms),
    'zwgk peak RSS (all threads)': mb(best.peak),
    'zwgk messages': String(messages),
    'zwgk lint --concurrency off (one thread), best of 3': ms(single.ms),
    'zwgk one thread peak RSS': mb(single.peak),
    'worker threads speed-up (same output, byte for byte)': (single.ms / best.ms).toFixed(2) + '×',
  };
  if (mdl) {
    const m = bestOf(runs.mdl);
    rows[`markdownlint-cli2 ${MDL_VERSION} (defaults), best of 3`] = ms(m.ms);
    rows['markdownlint-cli2 peak RSS'] = mb(m.peak);
    rows['zwgk / markdownlint-cli2 time'] = (best.ms / m.ms).toFixed(2) + '×';
    rows['zwgk one thread / markdownlint-cli2 time'] = (single.ms / m.ms).toFixed(2) + '×';
  } else {
    rows['markdownlint-cli2'] = `not measured: ${mdlError.message.split('\n')[0]}`;
  }
  return rows;
};
