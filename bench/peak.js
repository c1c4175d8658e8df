// Preloaded into a benchmarked Node process (node -r bench/peak.js …): reports its peak RSS (bytes) and
// CPU time (user and sys, µs; all threads) on exit.
'use strict';
const out = process.env.ZWGK_PEAK_FILE;
process.on('exit', () => {
  const u = process.resourceUsage();
  if (out) require('node:fs').writeFileSync(out, `${u.maxRSS * 1024} ${u.userCPUTime} ${u.systemCPUTime}`);
});
