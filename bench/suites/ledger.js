// Issue 14, scale: the 公开台账 of 2,000 drafts built in under 1 s once the index exists. Measured on
// parsed drafts (as `zwgk report` and the language server hold them): the ledger alone, cold (no rule has
// looked at the drafts yet, so every profile and deadline is computed here) and after lint (as
// `zwgk report` builds it); plus the whole `zwgk report` command on the same 2,000 drafts on disk.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { CACHE, ROOT, loadCore, timed, ms, median } = require('../util');
const { draft, prng, writeCorpus } = require('../corpus');

const N = 2000;
const CLI = path.join(ROOT, 'dist', 'cli.js');

exports.run = async () => {
  const core = loadCore();
  const rand = prng(20260302);
  const texts = [];
  for (let i = 0; i < N; i++) texts.push([`/bench/ledger/d${String(Math.floor(i / 100)).padStart(2, '0')}/draft-${i}.md`, draft(rand, i)]);
  const calendar = new core.Calendar();
  const fresh = () => {
    const docs = texts.map(([p, t]) => new core.ZwgkDocument(t, p));
    const index = new core.DraftIndex({ root: '/bench/ledger' });
    index.load(docs.map((d) => core.summarize(d, d.filePath)));
    return { docs, index };
  };
  const cold = [];
  let entries = 0, deadlines = 0;
  for (let round = 0; round < 5; round++) {
    const { docs, index } = fresh();
    const t0 = process.hrtime.bigint();
    const l = core.buildLedger(docs.map((doc) => ({ doc })), { index, calendar, today: '2026-03-02' });
    cold.push(Number(process.hrtime.bigint() - t0) / 1e6);
    entries = l.entries.length;
    deadlines = l.entries.reduce((n, e) => n + e.deadlines.length, 0);
  }
  const { docs, index } = fresh();
  const inputs = docs.map((doc) => ({ doc, messages: core.lintDocument(doc, { index, calendar }) }));
  const warm = [];
  for (let round = 0; round < 5; round++) {
    const t0 = process.hrtime.bigint();
    core.buildLedger(inputs, { index, calendar, today: '2026-03-02' });
    warm.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  const rows = {
    'drafts': `${entries} drafts of ~10 KB (${deadlines} deadlines listed)`,
    'buildLedger, cold (profiles computed here), median of 5': ms(median(cold)),
    'buildLedger, after lint (as zwgk report), median of 5': ms(median(warm)),
  };
  if (fs.existsSync(CLI)) {
    const tree = path.join(CACHE, 'corpus-2000');
    if (!fs.existsSync(path.join(tree, 'd19', 'draft-1999.md'))) {
      fs.rmSync(tree, { recursive: true, force: true });
      writeCorpus(tree, N);
    }
    const out = path.join(CACHE, 'ledger-report.html');
    const r = timed(process.execPath, [CLI, 'report', tree, '--today', '2026-03-02', '--out', out], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`zwgk report exited ${r.status}: ${String(r.stderr).slice(0, 300)}`);
    rows['zwgk report (read, index, lint, ledger, HTML), 2,000 drafts: wall time'] = ms(r.ms);
    rows['HTML report size'] = `${(fs.statSync(out).size / 1024).toFixed(0)} KB`;
  }
  return rows;
};
