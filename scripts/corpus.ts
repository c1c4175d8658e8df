/**
 * `npm run corpus` — zwgk on the real-document corpus (test/corpus/): per rule, messages / confirmed /
 * rejected (= not in the reviewed record), the kind and catalogue-field accuracy, and every message
 * that still needs a review. Exit 1 when anything is unreviewed, lost or a kind-bound rule fires on
 * another kind.
 *
 * `npm run corpus -- --skeleton` writes a review skeleton for each document that has none: the kind and
 * fields zwgk read, and its messages marked `why: 待审核`. A reviewer reads the document, corrects the
 * kind and fields, deletes every message judged wrong (and fixes the rule), and writes the reason for
 * every one kept. A record with 待审核 left in it fails the test.
 */
import * as fs from 'node:fs';
import { stringify } from 'yaml';
import { runCorpus, compare, reviewPath, type Review } from '../test/corpus/harness';

const results = runCorpus();

if (process.argv.includes('--skeleton')) {
  let n = 0;
  for (const r of results) {
    if (r.review) continue;
    const header: Record<string, string> = {};
    for (const f of r.inspected.fields) if (f.known && f.value && !(f.key in header)) header[f.key] = f.value;
    const review: Review = {
      kind: r.inspected.kind.value,
      header,
      findings: r.messages.map((m) => ({ rule: m.ruleId, line: m.line, at: m.at, why: `待审核：${m.message}` })),
    };
    fs.writeFileSync(reviewPath(r.file), stringify(review, { lineWidth: 0 }));
    n++;
  }
  console.log(`wrote ${n} review skeleton(s)`);
  process.exit(0);
}

const c = compare(results);

if (process.argv.includes('--readme')) {
  // README's table between <!-- corpus:start --> and <!-- corpus:end -->.
  const rows = [...c.perRule.entries()].sort((a, b) => a[0].localeCompare(b[0]));
  const msgs = results.reduce((a, r) => a + r.messages.length, 0);
  const table = [
    `${results.length} documents, ${msgs} messages; kind right for ${c.kinds.right} of ${c.kinds.total}; catalogue fields read as the page states them: ${c.fields.right} of ${c.fields.total}.`,
    '',
    '| rule | messages | confirmed | rejected |',
    '|---|---|---|---|',
    ...rows.map(([rule, st]) => `| \`${rule}\` | ${st.messages} | ${st.confirmed} | ${st.rejected} |`),
  ].join('\n');
  const readme = fs.readFileSync('README.md', 'utf8');
  fs.writeFileSync('README.md', readme.replace(/<!-- corpus:start -->[\s\S]*?<!-- corpus:end -->/, `<!-- corpus:start -->\n${table}\n<!-- corpus:end -->`));
  console.log(table);
  process.exit(0);
}
const pad = (s: string | number, n: number) => String(s).padEnd(n);
console.log(`real-document corpus: ${results.length} documents, ${results.reduce((a, r) => a + r.messages.length, 0)} messages`);
console.log('');
console.log(`${pad('rule', 30)}${pad('messages', 10)}${pad('confirmed', 11)}rejected`);
for (const [rule, s] of [...c.perRule.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
  console.log(`${pad(rule, 30)}${pad(s.messages, 10)}${pad(s.confirmed, 11)}${s.rejected}`);
}
console.log('');
console.log(`kind: ${c.kinds.right}/${c.kinds.total} right; catalogue fields: ${c.fields.right}/${c.fields.total} read as the page states them`);
for (const w of c.kinds.wrong) console.log(`  kind ${w.file}: zwgk ${w.got}, reviewed ${w.want}`);
for (const w of c.fields.wrong) console.log(`  field ${w.file}: ${w.key} zwgk “${w.got ?? '—'}”, page “${w.want}”`);
for (const f of c.missingReviews) console.log(`  no review: ${f}`);
for (const u of c.unreviewed) console.log(`  NOT REVIEWED ${u.file}:${u.message.line}:${u.message.column} ${u.message.ruleId} ${u.message.message}`);
for (const l of c.lost) console.log(`  LOST ${l.file}:${l.finding.line} ${l.finding.rule} “${l.finding.at}” (${l.finding.why})`);
for (const w of c.wrongKind) console.log(`  WRONG KIND ${w.file}: ${w.rule} on a ${w.kind}`);
const pending = results.flatMap((r) => (r.review?.findings ?? []).filter((f) => f.why.startsWith('待审核')).map((f) => `${r.file}:${f.line} ${f.rule}`));
for (const p of pending) console.log(`  PENDING ${p}`);
const bad = c.unreviewed.length + c.lost.length + c.wrongKind.length + c.missingReviews.length + pending.length;
console.log(bad ? `\n${bad} problem(s)` : '\nall messages reviewed; nothing lost');
process.exit(bad ? 1 : 0);
