// Preloaded into a benchmarked Node process (node -r bench/peak.js …): reports its peak RSS on exit.
'use strict';
const out = process.env.ZWGK_PEAK_FILE;
process.on('exit', () => {
  if (out) require('node:fs').writeFileSync(out, String(process.resourceUsage().maxRSS * 1024));
});
