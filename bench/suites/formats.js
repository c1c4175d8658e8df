// Issue 13: .docx and .html lint time per MB next to Markdown and plain text, on the real corpus
// (test/fixtures/real-corpus, 63 published documents, ~0.5 MB of text) repeated to ~2 MB of text per
// format: .txt as published, .md (the same lines), .docx (exported by zwgk export, so a real
// WordprocessingML package), .html (a portal page around the text). In-process (read + lint, best of 3)
// and through the CLI (one folder per format, one thread).
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { CACHE, ROOT, timed, loadCore } = require('../util');

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function corpus() {
  const out = [];
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.txt')) out.push({ name: path.relative(d, p), text: fs.readFileSync(p, 'utf8') });
    }
  };
  walk(path.join(ROOT, 'test/fixtures/real-corpus'));
  return out;
}

function split(core, text) {
  const meta = core.readHeader(text);
  const start = meta.block ? meta.block.end : 0;
  return { head: text.slice(0, start), body: text.slice(start).split(/\r?\n/).filter((l) => l.trim()) };
}

function page(core, text) {
  const { head, body } = split(core, text);
  const rows = head.split('\n').filter((l) => l.trim()).map((l) => {
    const i = l.indexOf(':');
    return `<tr><td><b>${esc(l.slice(0, i))}：</b></td><td>${esc(l.slice(i + 1).trim())}</td></tr>`;
  }).join('\n');
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><script src="/j.js"></script></head><body><div class="nav"><a href="/">首页</a></div><table class="bd1">${rows}</table><div id="UCAP-CONTENT">\n${body.map((l) => `<p style="text-indent:2em">${esc(l)}</p>`).join('\n')}\n</div><div class="footer">版权所有</div></body></html>`;
}

exports.run = async () => {
  const core = loadCore();
  const docs = corpus();
  const copies = Math.max(1, Math.round((2 * 1048576) / docs.reduce((s, d) => s + Buffer.byteLength(d.text), 0)));
  const dir = path.join(CACHE, 'formats');
  fs.rmSync(dir, { recursive: true, force: true });
  const kinds = ['txt', 'md', 'docx', 'html'];
  for (const k of kinds) fs.mkdirSync(path.join(dir, k), { recursive: true });
  const inputs = { txt: [], md: [], docx: [], html: [] };
  let textBytes = 0;
  for (let c = 0; c < copies; c++) {
    for (const [i, d] of docs.entries()) {
      const base = `${c}-${i}`;
      const { head, body } = split(core, d.text);
      const md = (head ? head.trimEnd() + '\n\n' : '') + body.join('\n\n') + '\n';
      const docx = Buffer.from(await core.exportDocx(md, `${base}.md`));
      const files = { txt: d.text, md, docx, html: page(core, d.text) };
      for (const k of kinds) {
        const file = path.join(dir, k, `${base}.${k}`);
        fs.writeFileSync(file, files[k]);
        inputs[k].push({ file, bytes: files[k] });
      }
      textBytes += Buffer.byteLength(d.text);
    }
  }
  const MB = textBytes / 1048576;
  const lintOne = {
    txt: (b) => core.lintText(b, 'a.txt'),
    md: (b) => core.lintText(b, 'a.md'),
    docx: (b) => core.lintSource(core.readSource('docx', b), 'a.docx'),
    html: (b) => core.lintSource(core.readSource('html', Buffer.from(b)), 'a.html'),
  };
  const rows = {};
  const perMb = {};
  for (const k of kinds) {
    let best = Infinity;
    for (let r = 0; r < 3; r++) {
      const t0 = performance.now();
      for (const x of inputs[k]) lintOne[k](x.bytes);
      best = Math.min(best, performance.now() - t0);
    }
    const fileMb = inputs[k].reduce((s, x) => s + (typeof x.bytes === 'string' ? Buffer.byteLength(x.bytes) : x.bytes.length), 0) / 1048576;
    perMb[k] = best / MB;
    rows[`${k}: read + lint, in process (${inputs[k].length} files, ${fileMb.toFixed(1)} MB on disk)`] = `${(best / MB).toFixed(0)} ms per MB of text`;
  }
  rows['docx vs md, in process'] = `${(perMb.docx / perMb.md).toFixed(2)}×`;
  rows['html vs md, in process'] = `${(perMb.html / perMb.md).toFixed(2)}×`;
  const cli = path.join(ROOT, 'dist', 'cli.js');
  for (const k of kinds) {
    const run = () => timed(process.execPath, [cli, 'lint', '--format', 'json', '--concurrency', 'off', path.join(dir, k)]);
    run();
    const best = [run(), run()].reduce((a, b) => (a.ms < b.ms ? a : b));
    rows[`${k}: zwgk lint (CLI, one thread)`] = `${(best.ms / MB).toFixed(0)} ms per MB of text (${(best.ms / 1000).toFixed(2)} s)`;
  }
  return rows;
};
