// Language server (issue 3, 4, 5): editor latency didChange → publishDiagnostics on a 20,000-character
// draft (p50/p95 over 200 edits, debounce set to 0 so it is excluded), a burst of 500 rapid edits (time
// to the last version's diagnostics, nothing stale after it), indexing 2,000 drafts at start, and the
// server's memory (RSS) after indexing and after the burst, and from `zwgk/serverStatus` the heap before/after
// the burst (flat = no growth kept), lint runs per burst and the most documents ever queued at once.
// Uses the built dist/server.js over stdio.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { spawn } = require('node:child_process');
const { pathToFileURL } = require('node:url');
const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-jsonrpc/node');
const { ROOT, CACHE, percentile, ms, mb } = require('../util');
const { writeCorpus, draft, prng } = require('../corpus');

function rssOf(pid) {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

function startServer(folder, settings) {
  const proc = spawn(process.execPath, [path.join(ROOT, 'dist/server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const conn = createMessageConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
  const listeners = new Set();
  const events = [];
  const emit = (e) => {
    events.push(e);
    for (const l of [...listeners]) l(e);
  };
  conn.onNotification('textDocument/publishDiagnostics', (p) => emit({ kind: 'diagnostics', p, t: performance.now() }));
  conn.onNotification('$/progress', (p) => emit({ kind: 'progress', p, t: performance.now() }));
  conn.onNotification('window/logMessage', () => undefined);
  conn.onNotification('window/showMessage', () => undefined);
  conn.onRequest('workspace/configuration', (p) => p.items.map(() => settings));
  conn.onRequest('client/registerCapability', () => null);
  conn.onRequest('window/workDoneProgress/create', () => null);
  conn.listen();
  const waitFor = (pred, timeout = 120000) => new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error('bench: timeout')), timeout);
    const l = (e) => {
      if (pred(e)) {
        clearTimeout(t);
        listeners.delete(l);
        resolve(e);
      }
    };
    listeners.add(l);
  });
  return { proc, conn, waitFor, events };
}

async function initialize(s, folder) {
  await s.conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(folder).href,
    workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'bench' }],
    capabilities: { workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } }, window: { workDoneProgress: true } },
  });
  await s.conn.sendNotification('initialized', {});
}

async function stop(s) {
  try {
    await s.conn.sendRequest('shutdown');
    await s.conn.sendNotification('exit');
  } catch {
    // gone
  }
  s.conn.dispose();
  s.proc.kill();
}

exports.run = async () => {
  const rows = {};
  const settings = { enable: true, run: 'onType', debounce: 0, lintAllDocuments: false, rules: {} };

  // —— indexing 2,000 drafts ——
  const corpus = path.join(CACHE, 'server-corpus-2000');
  if (!fs.existsSync(path.join(corpus, '.zwgkrc.json'))) {
    writeCorpus(corpus, 2000);
    fs.writeFileSync(path.join(corpus, '.zwgkrc.json'), '{}\n');
  }
  {
    const s = startServer(corpus, settings);
    const t0 = performance.now();
    const end = s.waitFor((e) => e.kind === 'progress' && e.p.value.kind === 'end');
    await initialize(s, corpus);
    const e = await end;
    rows['index 2,000 drafts (initialized → progress end)'] = ms(e.t - t0);
    await new Promise((r) => setTimeout(r, 500));
    if (global.gc) global.gc();
    const rss = rssOf(s.proc.pid);
    if (rss) rows['server RSS after indexing 2,000 drafts'] = mb(rss);
    const st = await s.conn.sendRequest('zwgk/serverStatus');
    rows['server heap after indexing 2,000 drafts (drafts indexed)'] = `${mb(st.memory.heapUsed)} (${st.indexedDrafts})`;
    await stop(s);
  }

  // —— latency on a 20,000-character draft ——
  const dir = path.join(CACHE, 'server-latency');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, '.zwgkrc.json'), '{}\n');
  const rand = prng(7);
  let text = '';
  while (text.length < 20000) text += draft(rand, 1).slice(text ? text.indexOf('# ') : 0);
  text = text.slice(0, 20000);
  const file = path.join(dir, 'draft.md');
  fs.writeFileSync(file, text);
  const uri = pathToFileURL(file).href;
  const s = startServer(dir, settings);
  await initialize(s, dir);
  let version = 1;
  const first = s.waitFor((e) => e.kind === 'diagnostics' && e.p.uri === uri && e.p.version === 1);
  await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
  const opened = await first;
  rows['20k draft: diagnostics per publish'] = String(opened.p.diagnostics.length);
  // One character typed at the end of a middle line each time (as a user types).
  const lines = text.split('\n');
  const line = Math.floor(lines.length / 2);
  const times = [];
  for (let i = 0; i < 230; i++) {
    version++;
    const ch = lines[line].length + (i % 2 === 0 ? 0 : 0);
    const change = i % 2 === 0
      ? { range: { start: { line, character: ch }, end: { line, character: ch } }, text: '。' }
      : { range: { start: { line, character: ch }, end: { line, character: ch + 1 } }, text: '' };
    const v = version;
    const got = s.waitFor((e) => e.kind === 'diagnostics' && e.p.uri === uri && e.p.version === v);
    const t0 = performance.now();
    await s.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [change] });
    const e = await got;
    if (i >= 30) times.push(e.t - t0);
  }
  times.sort((a, b) => a - b);
  rows['didChange → publishDiagnostics p50 (20k chars, no debounce)'] = ms(percentile(times, 50));
  rows['didChange → publishDiagnostics p95 (20k chars, no debounce)'] = ms(percentile(times, 95));

  // —— burst of 500 edits, with the default 150 ms debounce ——
  settings.debounce = 150;
  await s.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
  const before = s.events.length;
  const status0 = await s.conn.sendRequest('zwgk/serverStatus');
  const t0 = performance.now();
  for (let i = 0; i < 500; i++) {
    version++;
    const ch = lines[line].length;
    const change = i % 2 === 0
      ? { range: { start: { line, character: ch }, end: { line, character: ch } }, text: '。' }
      : { range: { start: { line, character: ch }, end: { line, character: ch + 1 } }, text: '' };
    s.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
  }
  const last = version;
  const done = await s.waitFor((e) => e.kind === 'diagnostics' && e.p.uri === uri && e.p.version === last);
  rows['500-edit burst: last edit sent → its diagnostics'] = ms(done.t - t0);
  await new Promise((r) => setTimeout(r, 500));
  const pubs = s.events.slice(before).filter((e) => e.kind === 'diagnostics' && e.p.uri === uri);
  rows['500-edit burst: publications / stale after last'] = `${pubs.length} / ${pubs.filter((e) => e.p.version !== last && e.t > done.t).length}`;
  const rss = rssOf(s.proc.pid);
  if (rss) rows['server RSS after the burst'] = mb(rss);
  const status1 = await s.conn.sendRequest('zwgk/serverStatus');
  rows['500-edit burst: lint runs / most documents queued at once'] = `${status1.queue.runs - status0.queue.runs} / ${status1.queue.maxQueued}`;
  rows['500-edit burst: heap before → after'] = `${mb(status0.memory.heapUsed)} → ${mb(status1.memory.heapUsed)}`;
  await stop(s);
  return rows;
};
