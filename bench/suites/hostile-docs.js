// Issue 10, item 8: whole hostile documents at the sizes the attacks used, each linted alone by the CLI
// (`zwgk lint -f json`, one file in its own folder): wall time, peak RSS and whether it completed without
// a crashed rule. Before the parser guard these took up to 89 s or 2.8 GB, or ended in internal-error or
// a V8 abort (figures in README, Reliability). `--fix` is measured on the two that a fix touches.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { ROOT, CACHE, timed, mb, ms } = require('../util');

// ZWGK_BENCH_CLI: another build to compare with (e.g. main's), same inputs.
const CLI = process.env.ZWGK_BENCH_CLI || path.join(ROOT, 'dist', 'cli.js');
const LIMIT_MS = 300000;

const DOCS = {
  'front matter a: [[[…]]] 50,000 deep': () => `---\na: ${'['.repeat(50000)}${']'.repeat(50000)}\n---\n\n正文。\n`,
  '`- ` × 10,000 on one line': () => '- '.repeat(10000) + 'x\n',
  '`[a](` × 200,000': () => '[a]('.repeat(200000) + '\n',
  '`>` nested 8,000 deep': () => '>'.repeat(8000) + ' 文\n',
  'list indented 1,000 levels': () => Array.from({ length: 1000 }, (_, i) => ' '.repeat(i * 2) + '- a').join('\n') + '\n',
  '1e6 `|` lines (2 MB)': () => '|\n'.repeat(1e6),
  'table with 1e5 columns': () => '|' + 'a|'.repeat(1e5) + '\n|' + '-|'.repeat(1e5) + '\n',
  '100k reference definitions': () => Array.from({ length: 1e5 }, (_, i) => `[r${i}]: http://x/${i}`).join('\n') + '\n',
  '100k control comments': () => '<!-- zwgk-disable personal-phone -->\n'.repeat(1e5),
  '`*a_` on 16,000 lines (one paragraph)': () => '*a_\n'.repeat(16000),
  'CR-only draft, 1 MB': () => ('---\r标题: 关于做好政务公开工作的通知\r---\r\r' + '请各单位做好工作,市卫计委负责.\r\r'.repeat(30000)),
};

exports.run = async () => {
  const rows = {};
  const base = path.join(CACHE, 'hostile-docs');
  fs.rmSync(base, { recursive: true, force: true });
  let i = 0;
  for (const [label, make] of Object.entries(DOCS)) {
    const dir = path.join(base, String(i++));
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, 'a.md');
    fs.writeFileSync(file, make());
    const bytes = fs.statSync(file).size;
    process.stderr.write(`  ${label} …\n`);
    const r = timed(process.execPath, [CLI, 'lint', '--no-config-lookup', '-f', 'json', file], { timeout: LIMIT_MS });
    let verdict;
    if (r.status === null) verdict = `did not finish in ${LIMIT_MS / 1000} s`;
    else {
      let crashed = false;
      try {
        crashed = JSON.parse(r.stdout).some((res) => res.messages.some((m) => m.ruleId === 'internal-error'));
      } catch {
        crashed = true;
      }
      verdict = `${ms(r.ms)}, ${mb(r.peak)}${crashed ? ', internal-error' : ''} (exit ${r.status})`;
    }
    rows[`${label} (${(bytes / 1048576).toFixed(1)} MB)`] = verdict;
  }
  for (const label of ['CR-only draft, 1 MB', '`[a](` × 200,000']) {
    const file = path.join(base, 'fix.md');
    fs.writeFileSync(file, DOCS[label]());
    const r = timed(process.execPath, [CLI, 'lint', '--no-config-lookup', '--fix', '-f', 'json', file], { timeout: LIMIT_MS });
    rows[`--fix: ${label}`] = r.status === null ? 'did not finish' : `${ms(r.ms)}, ${mb(r.peak)} (exit ${r.status})`;
  }
  fs.rmSync(base, { recursive: true, force: true });
  return rows;
};
