// Issue 2 target: one 20,000-character draft linted warm (all rules) in under 15 ms.
'use strict';
const { loadCore, percentile, ms } = require('../util');
const { draft, prng } = require('../corpus');

exports.run = async () => {
  const core = loadCore();
  const rand = prng(7);
  let text = '';
  while (text.length < 20000) text += draft(rand, 1).slice(text ? text.indexOf('# ') : 0);
  text = text.slice(0, 20000);
  for (let i = 0; i < 30; i++) core.lintText(text, '/bench/draft.md');
  const times = [];
  for (let i = 0; i < 200; i++) {
    const t0 = process.hrtime.bigint();
    core.lintText(text, '/bench/draft.md');
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  // What the language server does on an edit: one character typed, the document re-parsed with its
  // piece cache (only the changed piece through the parser), all rules.
  const cache = new core.PieceCache();
  const mid = text.indexOf('。', 10000) + 1;
  const edited = (i) => (i % 2 ? text : text.slice(0, mid) + '。' + text.slice(mid));
  for (let i = 0; i < 30; i++) core.lintDocument(new core.ZwgkDocument(edited(i), '/bench/draft.md', 'markdown', cache));
  const editTimes = [];
  for (let i = 0; i < 200; i++) {
    const t0 = process.hrtime.bigint();
    core.lintDocument(new core.ZwgkDocument(edited(i), '/bench/draft.md', 'markdown', cache));
    editTimes.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  editTimes.sort((a, b) => a - b);
  // Per-rule cost on the same draft, to find the slowest rule.
  const perRule = [];
  for (const rule of core.ALL_RULES) {
    const cfg = core.resolveConfig([rule]);
    for (let i = 0; i < 5; i++) core.lintText(text, '/bench/draft.md', { rules: [rule], config: cfg });
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < 50; i++) core.lintText(text, '/bench/draft.md', { rules: [rule], config: cfg });
    perRule.push([rule.meta.id, Number(process.hrtime.bigint() - t0) / 1e6 / 50]);
  }
  const parseOnly = (() => {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < 50; i++) new core.ZwgkDocument(text, '/bench/draft.md');
    return Number(process.hrtime.bigint() - t0) / 1e6 / 50;
  })();
  perRule.sort((a, b) => b[1] - a[1]);
  return {
    'draft size': `${text.length} chars, ${core.ALL_RULES.length} rules`,
    'lintText warm p50': ms(percentile(times, 50)),
    'lintText warm p95': ms(percentile(times, 95)),
    'after a one-character edit, with the piece cache (editor): p50': ms(percentile(editTimes, 50)),
    'after a one-character edit, with the piece cache (editor): p95': ms(percentile(editTimes, 95)),
    'parse only (ZwgkDocument)': ms(parseOnly),
    'slowest rule incl. parse': `${perRule[0][0]} ${ms(perRule[0][1])}`,
  };
};
