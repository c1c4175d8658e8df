// Issue 12 target: the wording-pack pass (rule `wording`, default packs: one Aho–Corasick scan per draft)
// costs under 10 % of a whole lint (parse + every rule) on the 1,000-draft corpus. Also: the same pass
// with 1,000 more entries (a large office pack), to show the cost does not grow with the entries; and the
// cost of the other rules of issue 12 (placeholder, the 公文 element rules) on the same drafts.
'use strict';
const { loadCore, ms } = require('../util');
const { draft, prng } = require('../corpus');

function time(fn, rounds) {
  fn();
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < rounds; i++) fn();
  return Number(process.hrtime.bigint() - t0) / 1e6 / rounds;
}

exports.run = async () => {
  const core = loadCore();
  const rand = prng(20190621);
  const texts = Array.from({ length: 1000 }, (_, i) => draft(rand, i));
  const chars = texts.reduce((n, t) => n + t.length, 0);
  const wording = core.getRule('wording');
  const onlyWording = core.resolveConfig([wording]);
  const full = time(() => { for (const t of texts) core.lintText(t, '/bench/d.md'); }, 3);
  const docs = texts.map((t) => new core.ZwgkDocument(t, '/bench/d.md'));
  const pass = time(() => { for (const d of docs) core.lintDocument(d, { rules: [wording], config: onlyWording }); }, 5);
  let hits = 0;
  for (const d of docs) hits += core.lintDocument(d, { rules: [wording], config: onlyWording }).length;
  // A large office pack: 1,000 more literal entries.
  const big = { id: 'big', title: '大词库', file: 'big.yaml', citations: [], entries: Array.from({ length: 1000 }, (_, i) => ({
    id: `e${i}`, wrong: [`测试词${i}甲`], pattern: [], right: `测试词${i}乙`, examples: { fire: [], quiet: [] },
  })) };
  const bigConfig = core.resolveConfig([wording], [], [big]);
  const placeholder = core.getRule('placeholder');
  const onlyPlaceholder = core.resolveConfig([placeholder]);
  const ph = time(() => { for (const d of docs) core.lintDocument(d, { rules: [placeholder], config: onlyPlaceholder }); }, 5);
  // The 公文 element rules (GB/T 9704-2012 7.3) together: they read the same profile and blocks.
  const gongwen = ['gongwen-title', 'gongwen-recipient', 'gongwen-signature', 'attachment-list', 'published-before-issued'].map((id) => core.getRule(id));
  const onlyGongwen = core.resolveConfig(gongwen);
  // Fresh documents each round (the rules cache what they read per document, as the profile does), so
  // this includes reading the profile, which in a real lint the other rules share.
  let gw = 0;
  for (let r = 0; r < 3; r++) {
    const fresh = texts.map((t) => new core.ZwgkDocument(t, '/bench/d.md'));
    const t0 = process.hrtime.bigint();
    for (const d of fresh) core.lintDocument(d, { rules: gongwen, config: onlyGongwen });
    gw += Number(process.hrtime.bigint() - t0) / 1e6 / 3;
  }
  const passBig = time(() => { for (const d of docs) core.lintDocument(d, { rules: [wording], config: bigConfig }); }, 5);
  return {
    'corpus': `1,000 drafts, ${(chars / 1e6).toFixed(1)} M chars; default packs ${core.DEFAULT_PACKS.map((p) => p.entries.length + p.citations.length).reduce((a, b) => a + b)} entries`,
    'lint, every rule (parse included), one thread': ms(full),
    'pack pass (rule wording), same drafts': `${ms(pass)} = ${(100 * pass / full).toFixed(1)} % of the lint (target < 10 %); ${hits} messages`,
    'pack pass with 1,000 more entries': `${ms(passBig)} = ${(100 * passBig / full).toFixed(1)} %`,
    'rule placeholder, same drafts': `${ms(ph)} = ${(100 * ph / full).toFixed(1)} %`,
    'the five 公文 element rules, same drafts': `${ms(gw)} = ${(100 * gw / full).toFixed(1)} %`,
  };
};
