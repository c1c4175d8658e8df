// Where the time of one `zwgk lint` goes, stage by stage, in this process (not a suite: a tool for
// profiling work). Usage: node bench/breakdown.js [corpus dir] — default the 1,000-draft bench corpus.
// Stages are measured separately on all drafts (best of 2 rounds), so their sum is close to, not equal
// to, a real run (no GC interplay, no output).
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { CACHE, loadCore, filesIn } = require('./util');
const { writeCorpus } = require('./corpus');

function best(fn, rounds = 2) {
  let b = Infinity;
  let out;
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    out = fn();
    b = Math.min(b, performance.now() - t0);
  }
  return { ms: b, out };
}

function main() {
  let dir = process.argv[2];
  if (!dir) {
    dir = path.join(CACHE, 'corpus-1000');
    if (!fs.existsSync(dir)) writeCorpus(dir, 1000);
  }
  const core = loadCore();
  const files = filesIn(dir);
  const rows = [];
  const read = best(() => files.map((f) => fs.readFileSync(f)));
  rows.push(['read files', read.ms]);
  const texts = best(() => read.out.map((b) => b.toString('utf8'))).out;
  rows.push(['decode UTF-8', best(() => read.out.map((b) => b.toString('utf8'))).ms]);
  const sums = best(() => texts.map((t, i) => core.summarizeText(t, files[i])));
  rows.push(['summarizeText (index pass)', sums.ms]);
  rows.push(['DraftIndex.load', best(() => { const ix = new core.DraftIndex({ root: [dir] }); ix.load(sums.out); return ix; }).ms]);
  const index = new core.DraftIndex({ root: [dir] });
  index.load(sums.out);
  const docs = best(() => texts.map((t, i) => new core.ZwgkDocument(t, files[i])));
  rows.push(['ZwgkDocument (parse + model)', docs.ms]);
  const cfg = core.resolveConfig(core.ALL_RULES);
  const all = best(() => docs.out.map((d) => core.lintDocument(d, { rules: core.ALL_RULES, config: cfg, index })));
  rows.push(['lintDocument, all rules', all.ms]);
  rows.push(['lintDocument, no rules (directives, sort)', best(() => docs.out.map((d) => core.lintDocument(d, { rules: [], config: cfg, index }))).ms]);
  const perRule = [];
  for (const rule of core.ALL_RULES) {
    if (!rule.check) continue;
    perRule.push([`  rule ${rule.meta.id}`, best(() => docs.out.map((d) => core.lintDocument(d, { rules: [rule], config: cfg, index }))).ms]);
  }
  perRule.sort((a, b) => b[1] - a[1]);
  const messages = all.out.reduce((s, m) => s + m.length, 0);
  const total = rows.reduce((s, r) => s + r[1], 0) - rows[rows.length - 1][1];
  console.log(`${files.length} drafts, ${messages} messages; total of stages ${total.toFixed(0)} ms`);
  for (const [k, v] of [...rows, ...perRule]) console.log(`${k.padEnd(48)} ${v.toFixed(0).padStart(6)} ms ${((100 * v) / total).toFixed(1).padStart(5)}%`);
}

main();
