// Preloaded into a benchmarked Node process (node -r bench/peak.js …): reports its peak RSS (bytes) and
// CPU time (user and sys, µs; all threads) on exit.
// The peak is the process's own high-water mark (VmHWM in /proc/self/status, Linux). Not
// resourceUsage().maxRSS: on Linux a child's ru_maxrss starts from its parent's RSS at fork time, so a
// small run spawned by a big benchmark process would report the benchmark's memory, not its own.
'use strict';
const out = process.env.ZWGK_PEAK_FILE;

function peakBytes(u) {
  try {
    const m = /^VmHWM:\s+(\d+)\s+kB/m.exec(require('node:fs').readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]) * 1024;
  } catch {
    // not Linux
  }
  return u.maxRSS * 1024;
}

process.on('exit', () => {
  const u = process.resourceUsage();
  if (out) require('node:fs').writeFileSync(out, `${peakBytes(u)} ${u.userCPUTime} ${u.systemCPUTime}`);
});
