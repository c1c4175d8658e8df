// Issue 5, scale: `zwgk lint` on a 10,000-draft tree (one thread and a worker per core) and on a
// single 20 MB draft (lint and --fix): wall time and peak RSS of the whole process (threads included).
// Output goes to /dev/null: what is measured is the linter, not the pipe.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { CACHE, ROOT, timed, mb, ms } = require('../util');
const { writeCorpus, draft, prng } = require('../corpus');

const CLI = path.join(ROOT, 'dist', 'cli.js');

/** One Markdown draft of about `bytes` bytes: a corpus draft, then the bodies of more as its sections. */
function bigDraft(file, bytes) {
  const rand = prng(11);
  const parts = [draft(rand, 0)];
  let size = Buffer.byteLength(parts[0]);
  for (let i = 1; size < bytes; i++) {
    const d = draft(rand, i);
    const body = d.slice(d.indexOf('\n# ') + 1).replace(/^# /, '## ');
    parts.push(body);
    size += Buffer.byteLength(body) + 1;
  }
  fs.writeFileSync(file, parts.join('\n'));
  return size;
}

function run(args) {
  const fd = fs.openSync('/dev/null', 'w');
  try {
    const r = timed(process.execPath, [CLI, ...args], { stdio: ['ignore', fd, 'pipe'], encoding: 'utf8' });
    if (r.status !== 0 && r.status !== 1) throw new Error(`zwgk ${args.join(' ')} exited ${r.status}: ${String(r.stderr).slice(0, 300)}`);
    return r;
  } finally {
    fs.closeSync(fd);
  }
}

exports.run = async () => {
  const rows = {};
  const tree = path.join(CACHE, 'corpus-10000');
  if (!fs.existsSync(path.join(tree, 'd99', 'draft-9999.md'))) {
    process.stderr.write('  writing 10,000 drafts …\n');
    fs.rmSync(tree, { recursive: true, force: true });
    writeCorpus(tree, 10000);
  }
  rows['tree'] = '10,000 drafts of ~10 KB in 100 folders';
  run(['lint', '--format', 'json', '--concurrency', 'off', tree]); // warm the file cache
  // `auto` would pick one thread on a busy machine: the worker row names its threads.
  const cores = String(Math.min(8, require('node:os').availableParallelism()));
  for (const [label, extra] of [['one thread', ['--concurrency', 'off']], [`${cores} worker threads`, ['--concurrency', cores]]]) {
    const r = run(['lint', '--format', 'json', ...extra, tree]);
    rows[`10,000 drafts, ${label}: wall time`] = `${ms(r.ms)} (${Math.round(10000 / (r.ms / 1000))} drafts/s)`;
    rows[`10,000 drafts, ${label}: peak RSS`] = mb(r.peak);
  }

  const dir = path.join(CACHE, 'big');
  fs.mkdirSync(dir, { recursive: true });
  const big = path.join(dir, 'big-20mb.md');
  const bytes = bigDraft(big, 20 * 1048576);
  rows['big draft'] = `${(bytes / 1048576).toFixed(1)} MB Markdown, one file`;
  const lint = run(['lint', '--format', 'json', big]);
  rows['20 MB draft, lint: wall time'] = ms(lint.ms);
  rows['20 MB draft, lint: peak RSS'] = mb(lint.peak);
  const copy = path.join(dir, 'big-20mb-fix.md');
  fs.copyFileSync(big, copy);
  const fix = run(['lint', '--fix', '--format', 'json', copy]);
  rows['20 MB draft, --fix: wall time'] = ms(fix.ms);
  rows['20 MB draft, --fix: peak RSS'] = mb(fix.peak);
  fs.rmSync(copy, { force: true });
  return rows;
};
