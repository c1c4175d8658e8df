'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const ROOT = path.resolve(__dirname, '..');
const CACHE = path.join(__dirname, '.cache');

/**
 * CPU time (user + sys, ms) of this process's finished children, from /proc/self/stat (cutime, cstime:
 * what getrusage(RUSAGE_CHILDREN) gives, every thread and waited-for descendant included); undefined
 * where there is no /proc.
 */
function childrenCpuMs() {
  try {
    const stat = fs.readFileSync('/proc/self/stat', 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // After the command name: state is field 3, cutime 16 and cstime 17 (1-based) in clock ticks.
    return ((Number(f[13]) + Number(f[14])) * 1000) / CLOCK_TICKS;
  } catch {
    return undefined;
  }
}
const CLOCK_TICKS = (() => {
  try {
    return Number(require('node:child_process').execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/**
 * Runs a command; returns wall time (ms), CPU time of the child (user + sys of all its threads, ms) and,
 * for node commands, peak RSS (bytes). CPU comes from /proc (see childrenCpuMs), else from the child's
 * own process.resourceUsage() at exit (which misses Node's start before the preload runs).
 */
function timed(cmd, args, opts = {}) {
  const peakFile = path.join(CACHE, `peak-${process.pid}-${Date.now()}`);
  const isNode = cmd === process.execPath;
  const fullArgs = isNode ? ['-r', path.join(__dirname, 'peak.js'), ...args] : args;
  const cpu0 = childrenCpuMs();
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, fullArgs, { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, ZWGK_PEAK_FILE: peakFile, NO_COLOR: '1' }, ...opts });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const cpu1 = childrenCpuMs();
  let peak;
  let cpu = cpu0 !== undefined && cpu1 !== undefined ? cpu1 - cpu0 : undefined;
  if (fs.existsSync(peakFile)) {
    const [rss, user, sys] = fs.readFileSync(peakFile, 'utf8').split(' ').map(Number);
    peak = rss;
    if (cpu === undefined && Number.isFinite(user)) cpu = (user + sys) / 1000;
    fs.unlinkSync(peakFile);
  }
  return { ms, cpu, peak, status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Bundles src/core into the cache once, for in-process benchmarks. */
function loadCore() {
  const out = path.join(CACHE, 'core.js');
  require('esbuild').buildSync({ entryPoints: [path.join(ROOT, 'src/core/index.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: out, logLevel: 'warning' });
  return require(out);
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n === 0 ? NaN : n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** The .md/.txt files under `dir`, in a stable (sorted) order. */
function filesIn(dir) {
  const out = [];
  for (const ent of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const p = path.join(dir, ent.name);
    if (ent.isDirectory()) out.push(...filesIn(p));
    else if (/\.(md|txt)$/.test(ent.name)) out.push(p);
  }
  return out;
}

const mb = (b) => (b / 1048576).toFixed(0) + ' MB';
const ms = (x) => x.toFixed(x < 10 ? 2 : 0) + ' ms';

module.exports = { ROOT, CACHE, timed, loadCore, percentile, median, mb, ms, filesIn };
