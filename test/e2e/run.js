#!/usr/bin/env node
// zwgk's integration tests inside a real VS Code (`npm run test:e2e`).
//
// Default route (works with only npm + Debian apt reachable): code-server 4.100.3 (= VS Code 1.100.3),
// installed on demand by test/e2e/setup.sh into the ignored cache .vscode-test/code-server/, opened in
// Debian's headless chromium through playwright-core. The web workbench loads this folder as the
// extension under development and runs the mocha suite (test/e2e/suite, bundled into
// .vscode-test/e2e-suite/) in the Node extension host, next to the real language server.
// `--electron` runs the same suite through @vscode/test-electron (downloads VS Code: needs the network).
//
// usage: node test/e2e/run.js [--electron] [--grep RE] [--timeout SECS] [--keep] [--verbose] [--no-setup]
//   --grep RE     only tests whose title matches
//   --timeout S   overall limit (default 240 s; the first code-server start unpacks nothing, it is ~5 s)
//   --keep        keep the run folder (logs, user data, the workspace copy) even on success
//   --verbose     also print the raw browser console and the workbench URL
//   --no-setup    fail instead of running test/e2e/setup.sh when code-server is missing
// env: ZWGK_E2E_CACHE (default .vscode-test), CHROMIUM_BIN (default /usr/bin/chromium),
//      CODE_SERVER_ENTRY (a code-server out/node/entry.js to use instead of the cache)
// exit: 0 all tests passed, 1 tests failed, 2 harness problem (setup, server died, timeout, …).
'use strict';
const path = require('node:path');
const fs = require('node:fs');
const net = require('node:net');
const http = require('node:http');
const cp = require('node:child_process');

const ROOT = path.resolve(__dirname, '..', '..');
const CACHE = path.resolve(process.env.ZWGK_E2E_CACHE || path.join(ROOT, '.vscode-test'));
const FIXTURE = path.join(__dirname, 'workspace');
const SUITE_SRC = path.join(__dirname, 'suite');
// The tests module must live inside the extension folder, or the host cannot tell which extension
// a `require('vscode')` comes from.
const SUITE_OUT = path.join(ROOT, '.vscode-test', 'e2e-suite');
const VSCODE_VERSION = '1.100.3';

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(`--${name}`);
const opt = (name, def) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] !== undefined && !argv[i + 1].startsWith('--') ? argv[i + 1] : def;
};
const electron = flag('electron');
const keep = flag('keep');
const verbose = flag('verbose');
const grep = opt('grep', process.env.ZWGK_E2E_GREP || '');
const timeoutMs = Number(opt('timeout', 240)) * 1000;

// Screenshots the tests ask for (test/e2e/suite/helpers.ts `screenshot()`): kept after the run.
const SHOTS = path.join(CACHE, 'screenshots');

const t0 = Date.now();
const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(1)}s`;
const log = (...a) => console.log(`[e2e ${elapsed()}]`, ...a);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
// Workbench chatter that says nothing about the tests.
const NOISE = /Ignoring fetching additional builtin extensions|Creating a socket|connection token|\[Service Worker\]|ChatSessionStore|additional builtin extensions cache|Extension host .* started|Started local extension host|webview|Found additional builtin|\[LocalProcessExtensionHost\]/;

function fail(msg) {
  console.error(`[e2e] ${msg}`);
  process.exit(2);
}

function checkBuild() {
  for (const f of ['dist/extension.js', 'dist/server.js']) {
    if (!fs.existsSync(path.join(ROOT, f))) fail(`${f} is missing: run \`node esbuild.js\` (npm run test:e2e builds first)`);
  }
}

/** Bundles the suite (TypeScript) into .vscode-test/e2e-suite/: index.js + one file per *.test.ts. */
async function buildSuite() {
  const esbuild = require('esbuild');
  fs.rmSync(SUITE_OUT, { recursive: true, force: true });
  const entryPoints = fs.readdirSync(SUITE_SRC).filter((f) => f === 'index.ts' || f.endsWith('.test.ts')).map((f) => path.join(SUITE_SRC, f));
  await esbuild.build({
    entryPoints, outdir: SUITE_OUT, bundle: true, platform: 'node', target: 'node20', format: 'cjs',
    sourcemap: 'inline', logLevel: 'warning', external: ['vscode', 'mocha'],
  });
  return path.join(SUITE_OUT, 'index.js');
}

function makeRunDir() {
  const runs = path.join(CACHE, 'runs');
  fs.mkdirSync(runs, { recursive: true });
  const runDir = fs.mkdtempSync(path.join(runs, 'run-'));
  const d = (n) => { const p = path.join(runDir, n); fs.mkdirSync(p, { recursive: true }); return p; };
  const dirs = {
    runDir, userData: d('user-data'), extensions: d('extensions'), tmp: d('tmp'), chrome: d('chrome-profile'),
    xdgConfig: d('xdg/config'), xdgData: d('xdg/data'), xdgCache: d('xdg/cache'),
    workspace: path.join(runDir, 'workspace'),
  };
  // A fresh copy of the fixture: the tests save files (fix-all on save) and write settings.
  fs.cpSync(FIXTURE, dirs.workspace, { recursive: true });
  fs.mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
  fs.writeFileSync(path.join(dirs.userData, 'User', 'settings.json'), JSON.stringify({
    'workbench.startupEditor': 'none',
    'security.workspace.trust.enabled': false,
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'workbench.enableExperiments': false,
    'files.hotExit': 'off',
    'git.enabled': false,
  }, null, 2));
  return dirs;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

function httpOk(url) {
  return new Promise((resolve) => {
    const req = http.get(url, (res) => { res.resume(); resolve(res.statusCode === 200); });
    req.on('error', () => resolve(false));
    req.setTimeout(2000, () => { req.destroy(); resolve(false); });
  });
}

function codeServerEntry() {
  if (process.env.CODE_SERVER_ENTRY) return process.env.CODE_SERVER_ENTRY;
  const entry = path.join(CACHE, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  const stamp = path.join(CACHE, 'code-server', '.installed-4.100.3');
  if (fs.existsSync(entry) && fs.existsSync(stamp)) return entry;
  if (flag('no-setup')) fail(`code-server is not installed in ${path.dirname(stamp)}: run sh test/e2e/setup.sh`);
  log('code-server missing: running test/e2e/setup.sh (about a minute, once)');
  const r = cp.spawnSync('sh', [path.join(__dirname, 'setup.sh')], { stdio: 'inherit', env: { ...process.env, ZWGK_E2E_CACHE: CACHE } });
  if (r.status !== 0 || !fs.existsSync(entry)) fail('setup failed (see above)');
  log('setup done');
  return entry;
}

// ————————————————————————————— code-server + chromium —————————————————————————————

async function runInCodeServer(testsPath) {
  const entry = codeServerEntry();
  const chromiumBin = process.env.CHROMIUM_BIN || '/usr/bin/chromium';
  if (!fs.existsSync(chromiumBin)) fail(`${chromiumBin} not found: run sh test/e2e/setup.sh (apt-get install chromium) or set CHROMIUM_BIN`);
  const { chromium } = require('playwright-core');
  const dirs = makeRunDir();
  const port = await freePort();
  const host = `127.0.0.1:${port}`;
  // The tests talk to this harness through the console (a request line) and a folder (the answer file).
  const channel = path.join(dirs.runDir, 'channel');
  fs.mkdirSync(channel, { recursive: true });
  fs.rmSync(SHOTS, { recursive: true, force: true });
  fs.mkdirSync(SHOTS, { recursive: true });
  const configFile = path.join(dirs.runDir, 'config.yaml');
  // An explicit --config keeps code-server from writing ~/.config/code-server/config.yaml.
  fs.writeFileSync(configFile, `bind-addr: ${host}\nauth: none\ncert: false\n`);
  log('run folder', dirs.runDir);

  const csLog = path.join(dirs.runDir, 'code-server.log');
  const out = fs.openSync(csLog, 'a');
  const server = cp.spawn(process.execPath, [
    entry, '--config', configFile, '--bind-addr', host, '--auth', 'none',
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    '--disable-getting-started-override', '--ignore-last-opened',
    '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions,
  ], {
    stdio: ['ignore', out, out],
    detached: true, // own process group: server, extension host, language server and pty host end together
    env: {
      ...process.env,
      TMPDIR: dirs.tmp,
      XDG_CONFIG_HOME: dirs.xdgConfig,
      XDG_DATA_HOME: dirs.xdgData,
      XDG_CACHE_HOME: dirs.xdgCache,
      EXTENSIONS_GALLERY: '{"serviceUrl":""}', // no marketplace lookups
      ZWGK_E2E_GREP: grep,
      ZWGK_E2E_CHANNEL: channel,
    },
  });
  log(`code-server (VS Code ${VSCODE_VERSION}) pid ${server.pid} on ${host}`);

  let context;
  let finished = false;
  const finish = async (code, why) => {
    if (finished) return;
    finished = true;
    log(`${why} -> exit ${code}`);
    if (context) await context.close().catch(() => undefined);
    try { process.kill(-server.pid, 'SIGTERM'); } catch { /* gone */ }
    await sleep(500);
    try { process.kill(-server.pid, 'SIGKILL'); } catch { /* gone */ }
    if (code === 0 && !keep) fs.rmSync(dirs.runDir, { recursive: true, force: true });
    else log(`logs kept in ${dirs.runDir} (code-server.log, user-data/logs/*/exthost1/remoteexthost.log, output_logging_*/ for the zwgk channel)`);
    process.exit(code);
  };
  process.on('SIGINT', () => finish(130, 'interrupted'));
  process.on('SIGTERM', () => finish(143, 'terminated'));
  server.on('exit', (c, s) => finish(2, `code-server exited early (code ${c}, signal ${s}; see ${csLog})`));
  setTimeout(() => finish(2, `timeout after ${timeoutMs / 1000}s`), timeoutMs).unref();

  const base = `http://${host}`;
  for (let i = 0; !(await httpOk(`${base}/healthz`)); i++) {
    if (i > 300) return finish(2, 'code-server did not come up in 30 s');
    await sleep(100);
  }
  log('code-server up');

  context = await chromium.launchPersistentContext(dirs.chrome, {
    executablePath: chromiumBin,
    headless: true,
    viewport: { width: 1280, height: 860 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  const page = context.pages()[0] || (await context.newPage());
  // The workbench forwards every extension-host console line to codeAutomationLog and reports the
  // result of the tests module's run() through codeAutomationExit (0 resolved, 1 rejected).
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    args = Array.isArray(args) ? args : [args];
    const first = typeof args[0] === 'string' ? args[0] : '';
    if (first.startsWith(REQUEST)) {
      void answer(page, channel, first.slice(REQUEST.length));
      return;
    }
    if (!verbose && NOISE.test(first)) return;
    const fn = console[type] || console.log;
    if (typeof args[0] === 'string') fn(args[0], ...args.slice(1)); else fn(...args);
  });
  await page.exposeFunction('codeAutomationExit', (code) =>
    finish(code === 0 ? 0 : typeof code === 'number' ? 1 : 2, code === 0 ? 'all tests passed' : `tests failed (codeAutomationExit(${code}))`));
  if (verbose) page.on('console', (m) => console.log(`[browser:${m.type()}]`, m.text()));
  page.on('pageerror', (e) => console.log('[browser:pageerror]', e.message));
  page.on('crash', () => finish(2, 'page crashed'));

  const remote = (p) => `vscode-remote://${host}${p.split(path.sep).map(encodeURIComponent).join('/')}`;
  const payload = [
    ['extensionDevelopmentPath', remote(ROOT)],
    ['extensionTestsPath', remote(testsPath)],
    ['enableProposedApi', ''],
    ['skipWelcome', 'true'],
  ];
  const url = `${base}/?folder=${encodeURIComponent(dirs.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  log('opening the workbench', verbose ? url : '');
  const resp = await page.goto(url, { waitUntil: 'domcontentloaded' });
  if (!resp || resp.status() !== 200) return finish(2, `workbench page answered HTTP ${resp && resp.status()} (see ${csLog})`);
  log('workbench loaded; tests run in the extension host');
}

// ————————————————————————————— requests from the tests —————————————————————————————

const REQUEST = '[zwgk-e2e-request] ';

/**
 * Does what a test asked (a screenshot of the workbench, a click, keys) and writes the answer file the
 * test waits for: `<channel>/<id>.json` = { ok, error?, file? }.
 */
async function answer(page, channel, json) {
  let req;
  try {
    req = JSON.parse(json);
  } catch {
    return;
  }
  const done = (r) => {
    const tmp = path.join(channel, `${req.id}.tmp`);
    fs.writeFileSync(tmp, JSON.stringify(r));
    fs.renameSync(tmp, path.join(channel, `${req.id}.json`));
  };
  try {
    if (req.op === 'screenshot') {
      const name = String(req.name).replace(/[^\w.-]+/g, '-');
      const file = path.join(SHOTS, `${name}.png`);
      await page.screenshot({ path: file });
      log(`screenshot ${path.relative(ROOT, file)}`);
      done({ ok: true, file });
    } else if (req.op === 'click') {
      await page.click(req.selector, { timeout: req.timeout || 5000 });
      done({ ok: true });
    } else if (req.op === 'count') {
      done({ ok: true, count: await page.locator(req.selector).count() });
    } else if (req.op === 'text') {
      done({ ok: true, text: await page.locator(req.selector).first().innerText({ timeout: req.timeout || 5000 }) });
    } else if (req.op === 'press') {
      await page.keyboard.press(req.keys);
      done({ ok: true });
    } else if (req.op === 'type') {
      await page.keyboard.type(req.text);
      done({ ok: true });
    } else done({ ok: false, error: `unknown op ${req.op}` });
  } catch (e) {
    done({ ok: false, error: e && e.message ? e.message : String(e) });
  }
}

// ————————————————————————————— @vscode/test-electron —————————————————————————————

async function runInElectron(testsPath) {
  const { runTests } = require('@vscode/test-electron');
  const dirs = makeRunDir();
  log(`@vscode/test-electron: VS Code ${VSCODE_VERSION} (downloaded into ${path.join(ROOT, '.vscode-test')} on first use)`);
  try {
    await runTests({
      version: VSCODE_VERSION,
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: testsPath,
      extensionTestsEnv: { ZWGK_E2E_GREP: grep },
      launchArgs: [dirs.workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome',
        '--skip-release-notes', `--user-data-dir=${dirs.userData}`, `--extensions-dir=${dirs.extensions}`],
    });
  } catch (e) {
    log(`failed: ${e && e.message ? e.message : e}`);
    log(`logs kept in ${dirs.runDir}`);
    process.exit(/Failed to download|getaddrinfo|ENOTFOUND|ECONNREFUSED|timed out/i.test(String(e && e.message)) ? 2 : 1);
  }
  if (!keep) fs.rmSync(dirs.runDir, { recursive: true, force: true });
  log('all tests passed -> exit 0');
  process.exit(0);
}

async function main() {
  checkBuild();
  const testsPath = await buildSuite();
  log('suite bundled into', path.relative(ROOT, SUITE_OUT));
  if (electron) await runInElectron(testsPath);
  else await runInCodeServer(testsPath);
}

main().catch((e) => fail(`error: ${e && e.stack ? e.stack : e}`));
