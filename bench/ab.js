// A/B comparison of node commands on a busy machine: runs them in alternation, N rounds, output to
// /dev/null, and prints the median wall and CPU time of each (CPU: user + sys of the child, all threads).
// Usage: node bench/ab.js N 'script args…' 'script args…' …   (each command is split on spaces)
'use strict';
const fs = require('node:fs');
const { timed, median } = require('./util');

const [n, ...cmds] = process.argv.slice(2);
const rounds = Number(n) || 5;
const runs = cmds.map(() => []);
const fd = fs.openSync('/dev/null', 'w');
for (let i = 0; i < rounds; i++) {
  for (let k = 0; k < cmds.length; k++) {
    const j = (i + k) % cmds.length;
    runs[j].push(timed(process.execPath, cmds[j].split(' '), { stdio: ['ignore', fd, 'ignore'] }));
  }
}
cmds.forEach((c, j) => {
  const cpu = median(runs[j].map((r) => r.cpu));
  const wall = median(runs[j].map((r) => r.ms));
  console.log(`cpu ${(cpu / 1000).toFixed(2)} s  wall ${(wall / 1000).toFixed(2)} s  [${runs[j].map((r) => (r.cpu / 1000).toFixed(2)).join(' ')}]  ${c}`);
});
