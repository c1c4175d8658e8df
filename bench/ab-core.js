// In-process A/B of the core engine, for before/after of an optimisation on a busy machine: bundles
// src/core at a git ref (default HEAD) and the working tree, then alternates them over the corpus, each
// round doing what `zwgk lint` does per draft (draftStatus, summarizeText, ZwgkDocument, lintDocument
// against the index), and prints the median CPU time (user + sys of this process) of each.
// Usage: node bench/ab-core.js [ref=HEAD] [rounds=7] [corpus dir]
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { execSync } = require('node:child_process');
const { CACHE, ROOT, median, filesIn } = require('./util');

function bundle(srcRoot, out) {
  require('esbuild').buildSync({ entryPoints: [path.join(srcRoot, 'src/core/index.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: out, logLevel: 'warning' });
  return require(out);
}

function run(core, files, texts) {
  const cfg = core.resolveConfig(core.ALL_RULES);
  const c0 = process.cpuUsage();
  const sums = [];
  for (let i = 0; i < texts.length; i++) {
    core.draftStatus({ text: texts[i], fileName: files[i], governed: false });
    sums.push(core.summarizeText(texts[i], files[i]));
  }
  const index = new core.DraftIndex({ root: [path.dirname(files[0])] });
  index.load(sums);
  let n = 0;
  for (let i = 0; i < texts.length; i++) n += core.lintDocument(new core.ZwgkDocument(texts[i], files[i]), { rules: core.ALL_RULES, config: cfg, index }).length;
  const c = process.cpuUsage(c0);
  return { cpu: (c.user + c.system) / 1000, n };
}

const ref = process.argv[2] || 'HEAD';
const rounds = Number(process.argv[3]) || 7;
const dir = process.argv[4] || path.join(CACHE, 'corpus-1000');
const base = path.join(CACHE, 'ab-base');
fs.rmSync(base, { recursive: true, force: true });
fs.mkdirSync(base, { recursive: true });
execSync(`git archive ${ref} src | tar -x -C ${base}`, { cwd: ROOT });
const A = bundle(base, path.join(CACHE, 'ab-a.js'));
const B = bundle(ROOT, path.join(CACHE, 'ab-b.js'));
const files = filesIn(dir);
const texts = files.map((f) => fs.readFileSync(f, 'utf8'));
run(A, files, texts); run(B, files, texts);
const ra = [], rb = [];
for (let i = 0; i < rounds; i++) {
  if (i % 2) { rb.push(run(B, files, texts)); ra.push(run(A, files, texts)); } else { ra.push(run(A, files, texts)); rb.push(run(B, files, texts)); }
}
const ma = median(ra.map((r) => r.cpu)), mb = median(rb.map((r) => r.cpu));
console.log(`${files.length} drafts; messages ${ra[0].n} (${ref}) / ${rb[0].n} (working tree)`);
console.log(`${ref.padEnd(12)} cpu median ${ma.toFixed(0)} ms  [${ra.map((r) => r.cpu.toFixed(0)).join(' ')}]`);
console.log(`${'working tree'.padEnd(12)} cpu median ${mb.toFixed(0)} ms  [${rb.map((r) => r.cpu.toFixed(0)).join(' ')}]  (${((mb / ma - 1) * 100).toFixed(1)} %)`);
