// Summarises a V8 .cpuprofile (from `node --cpu-prof`): self and inclusive time per function, in % of
// the samples. Usage: node bench/profile-summary.js FILE.cpuprofile [top=40] [filter] [under]
// (`under`: only samples with a frame whose label contains it — e.g. "rules/date-format.ts" — still in %
// of all samples).
// Inclusive time counts a function once per sample even when it recurses.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

/** For an esbuild bundle (not minified): the module a line belongs to, from its `// path` comments. */
const bundles = new Map();
function moduleAt(file, line) {
  let starts = bundles.get(file);
  if (starts === undefined) {
    starts = null;
    try {
      const lines = fs.readFileSync(file, 'utf8').split('\n');
      starts = [];
      lines.forEach((l, i) => {
        const m = /^\/\/ ((?:src|node_modules)\/\S+)$/.exec(l);
        if (m) starts.push([i, m[1]]);
      });
    } catch {
      // not a readable file (node: internals)
    }
    bundles.set(file, starts);
  }
  if (!starts || !starts.length) return undefined;
  let lo = 0, hi = starts.length - 1, found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid][0] <= line) { found = mid; lo = mid + 1; } else hi = mid - 1;
  }
  return found < 0 ? undefined : `${starts[found][1].replace(/^node_modules\//, '~')}:+${line - starts[found][0]}`;
}

function summarize(file, top = 40, filter, under) {
  const prof = JSON.parse(fs.readFileSync(file, 'utf8'));
  const byId = new Map(prof.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const label = (n) => {
    const cf = n.callFrame;
    const file = cf.url ? cf.url.replace(/^file:\/\//, '') : '';
    const src = file ? moduleAt(file, cf.lineNumber) : undefined;
    const where = src ?? (file ? `${path.basename(file)}:${cf.lineNumber + 1}` : '');
    return `${cf.functionName || '(anonymous)'} ${where}`;
  };
  const self = new Map();
  const incl = new Map();
  const counts = new Map();
  for (const id of prof.samples) counts.set(id, (counts.get(id) ?? 0) + 1);
  let total = 0;
  for (const [id, c] of counts) {
    total += c;
    if (under) {
      let inside = false;
      for (let cur = id; cur !== undefined && !inside; cur = parent.get(cur)) inside = label(byId.get(cur)).includes(under);
      if (!inside) continue;
    }
    const n = byId.get(id);
    const l = label(n);
    self.set(l, (self.get(l) ?? 0) + c);
    const seen = new Set();
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const cl = label(byId.get(cur));
      if (seen.has(cl)) continue;
      seen.add(cl);
      incl.set(cl, (incl.get(cl) ?? 0) + c);
    }
  }
  const ms = (prof.endTime - prof.startTime) / 1000;
  const show = (m, title) => {
    console.log(`\n${title} (${total} samples, ${ms.toFixed(0)} ms)`);
    [...m.entries()].filter(([l]) => !filter || l.includes(filter)).sort((a, b) => b[1] - a[1]).slice(0, top)
      .forEach(([l, c]) => console.log(`${((100 * c) / total).toFixed(1).padStart(6)}%  ${l}`));
  };
  show(self, 'self');
  show(incl, 'inclusive');
  // Self time by module (bundle modules from their `// path` comments).
  const byModule = new Map();
  for (const [l, c] of self) {
    const where = l.slice(l.lastIndexOf(' ') + 1).replace(/:\+?\d+$/, '') || '(native / GC)';
    byModule.set(where, (byModule.get(where) ?? 0) + c);
  }
  show(byModule, 'self by module');
}

if (require.main === module) summarize(process.argv[2], Number(process.argv[3] ?? 40), process.argv[4] || undefined, process.argv[5]);
module.exports = { summarize };
