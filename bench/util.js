'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const ROOT = path.resolve(__dirname, '..');
const CACHE = path.join(__dirname, '.cache');

/** Runs a command, returns wall time (ms) and, for node commands, peak RSS (bytes). */
function timed(cmd, args, opts = {}) {
  const peakFile = path.join(CACHE, `peak-${process.pid}-${Date.now()}`);
  const isNode = cmd === process.execPath;
  const fullArgs = isNode ? ['-r', path.join(__dirname, 'peak.js'), ...args] : args;
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, fullArgs, { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, ZWGK_PEAK_FILE: peakFile, NO_COLOR: '1' }, ...opts });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  let peak;
  if (fs.existsSync(peakFile)) { peak = Number(fs.readFileSync(peakFile, 'utf8')); fs.unlinkSync(peakFile); }
  return { ms, peak, status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Bundles src/core into the cache once, for in-process benchmarks. */
function loadCore() {
  const out = path.join(CACHE, 'core.js');
  require('esbuild').buildSync({ entryPoints: [path.join(ROOT, 'src/core/index.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: out, logLevel: 'warning' });
  return require(out);
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const mb = (b) => (b / 1048576).toFixed(0) + ' MB';
const ms = (x) => x.toFixed(x < 10 ? 2 : 0) + ' ms';

module.exports = { ROOT, CACHE, timed, loadCore, percentile, mb, ms };
