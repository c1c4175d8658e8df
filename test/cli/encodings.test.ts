/**
 * Encodings and line endings end to end: every encoding the CLI accepts × LF, CRLF, CR and mixed line
 * endings. Positions point at the right characters of the decoded text; --fix changes only the fixed
 * spots and writes back the same encoding, BOM and line endings (inserted lines use the draft's own);
 * a second run writes nothing; what cannot be decoded is reported and never rewritten.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import iconv from 'iconv-lite';
import { buildCli, cleanup, focusConfig, installCopy, parseJson, runCli, workspace, type JsonResult } from './helpers';
import { NOTICE_MD, NOTICE_TXT, expectedFixed, fixRulesOn } from './drafts';
import { getRule } from '../../src/core';

type Enc = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'gbk';

function encode(text: string, enc: Enc): Buffer {
  switch (enc) {
    case 'utf-8': return Buffer.from(text);
    case 'utf-8-bom': return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
    case 'utf-16le': return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf-16be': return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
    default: return iconv.encode(text, enc);
  }
}

const EOLS: Record<string, (lines: string[]) => string> = {
  LF: (l) => l.join('\n'),
  CRLF: (l) => l.join('\r\n'),
  CR: (l) => l.join('\r'),
  mixed: (l) => l.map((x, i) => x + (i === l.length - 1 ? '' : ['\r\n', '\n', '\r'][i % 3])).join(''),
};

/** Lines of a text split at any line ending, as editors and LSP count them. */
const linesOf = (text: string) => text.split(/\r\n|\r|\n/);

/** GBK cannot hold every character; a notice without the ones it lacks (it has all of these). */
const TEXT_LINES = NOTICE_TXT.replace(/\n$/, '').split('\n').concat(['备注：办公经费€100。', '']);

describe('zwgk lint: encodings × line endings', function () {
  this.timeout(60000);
  before(buildCli);
  after(cleanup);

  const encs: Enc[] = ['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'gb18030', 'gbk'];
  // One workspace for the whole matrix: each case is a file.
  let dir: string;
  const cases: { file: string; enc: Enc; eol: string; text: string }[] = [];
  before(() => {
    dir = workspace({ '.zwgkrc.json': focusConfig(fixRulesOn()) });
    for (const enc of encs) {
      for (const [eol, join] of Object.entries(EOLS)) {
        // GB18030 cannot round-trip €; GBK needs it to be told apart from GB18030 (see encoding.ts).
        const lines = enc === 'gb18030' ? TEXT_LINES.slice(0, -2).concat(['']) : TEXT_LINES;
        const text = join(lines);
        const file = `${enc}-${eol}.txt`;
        fs.writeFileSync(path.join(dir, file), encode(text, enc));
        cases.push({ file, enc, eol, text });
      }
    }
    // Markdown with YAML front matter (the 文号 and 成文日期 come from it) in every line ending.
    for (const enc of ['utf-8', 'utf-16be'] as Enc[]) {
      for (const [eol, join] of Object.entries(EOLS)) {
        const text = join(NOTICE_MD.replace(/\n$/, '').split('\n').concat(['']));
        const file = `${enc}-${eol}.md`;
        fs.writeFileSync(path.join(dir, file), encode(text, enc));
        cases.push({ file, enc, eol, text });
      }
    }
  });

  it('detects the encoding and reports exact positions in the decoded text', () => {
    const run = runCli(['lint', '-f', 'json', '--concurrency', 'off'], { cwd: dir });
    assert.equal(run.code, 1, run.stderr);
    const byFile = new Map<string, JsonResult>(parseJson(run).map((r) => [path.basename(r.filePath), r]));
    for (const c of cases) {
      const r = byFile.get(c.file)!;
      assert.ok(r, c.file);
      assert.equal(r.encoding, c.enc, c.file);
      const lines = linesOf(c.text);
      const at = (line: number, col: number, endLine: number, endCol: number) => {
        assert.equal(line, endLine, `${c.file}: one-line span`);
        return lines[line - 1].slice(col - 1, endCol - 1);
      };
      const phone = r.messages.find((m) => m.ruleId === 'personal-phone');
      assert.ok(phone, `${c.file}: phone reported`);
      assert.equal(at(phone.line, phone.column, phone.endLine, phone.endColumn), '13812345678', c.file);
      const docNo = r.messages.find((m) => m.ruleId === 'doc-number-format');
      assert.ok(docNo, `${c.file}: 文号 reported`);
      assert.match(at(docNo.line, docNo.column, docNo.endLine, docNo.endColumn), /\[2019\]|海府办函/, c.file);
      const dates = r.messages.filter((m) => m.ruleId === 'date-format');
      assert.ok(dates.length >= 1, c.file);
      for (const d of dates) assert.match(at(d.line, d.column, d.endLine, d.endColumn), /06/, c.file);
    }
  });

  it('--fix writes back the same encoding, BOM and line endings, changing only the fixed spots', () => {
    const run = runCli(['lint', '--fix', '-f', 'json', '--concurrency', 'off'], { cwd: dir });
    assert.equal(run.code, 0, run.stdout + run.stderr);
    for (const c of cases) {
      const after = fs.readFileSync(path.join(dir, c.file));
      assert.ok(after.equals(encode(expectedFixed(c.text), c.enc)), `${c.file}: ${after.toString('hex').slice(0, 80)}`);
    }
    // Idempotent: nothing left to fix, nothing written.
    const past = new Date(Date.now() - 3600_000);
    for (const c of cases) fs.utimesSync(path.join(dir, c.file), past, past);
    const mtimes = cases.map((c) => fs.statSync(path.join(dir, c.file)).mtimeMs);
    const second = runCli(['lint', '--fix', '-f', 'json'], { cwd: dir });
    assert.equal(second.code, 0);
    assert.deepEqual(parseJson(second).filter((r) => r.fixedCount).map((r) => r.filePath), []);
    cases.forEach((c, i) => assert.equal(fs.statSync(path.join(dir, c.file)).mtimeMs, mtimes[i], c.file));
  });

  it('lines a fix inserts use the draft\'s own line ending (CRLF, CR)', function () {
    if (!getRule('required-content')) this.skip();
    const draft = ['---', '标题: 某某村2026年扶贫项目公示', '---', '', '# 某某村2026年扶贫项目公示', '', '## 项目安排', '', '建设村道1.2公里。', ''];
    const d = workspace({ '.zwgkrc.json': focusConfig({ 'required-content': 'warning' }), 'crlf.md': draft.join('\r\n'), 'cr.md': draft.join('\r') });
    const run = runCli(['lint', '--fix', '-f', 'json'], { cwd: d });
    assert.notEqual(run.code, 2, run.stderr);
    const crlf = fs.readFileSync(path.join(d, 'crlf.md'), 'utf8');
    const cr = fs.readFileSync(path.join(d, 'cr.md'), 'utf8');
    assert.ok(crlf.length > draft.join('\r\n').length, 'skeleton headings were inserted');
    assert.ok(!/[^\r]\n|\r(?!\n)/.test(crlf), `CRLF only: ${JSON.stringify(crlf)}`);
    assert.ok(cr.length > draft.join('\r').length);
    assert.ok(!cr.includes('\n'), `CR only: ${JSON.stringify(cr)}`);
  });

  it('undecodable files are reported (exit 2) and never rewritten, whatever their start', () => {
    const bad: Record<string, Buffer> = {
      'bom-then-invalid.md': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('手机13812345678'), Buffer.from([0xff, 0xc0])]),
      'utf16-odd.md': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('手机13812345678', 'utf16le'), Buffer.from([0x41])]),
      'utf16-lone-surrogate.md': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('手机13812345678', 'utf16le'), Buffer.from([0x00, 0xd8, 0x41, 0x00])]),
      'latin1.txt': Buffer.from('T\xe9l\xe9phone 13812345678 caf\xe9\n', 'latin1'),
      'utf32.md': Buffer.from([0xff, 0xfe, 0x00, 0x00, 0x41, 0x00, 0x00, 0x00]),
    };
    const d = workspace({ '.zwgkrc.json': focusConfig(fixRulesOn()), ...bad });
    const run = runCli(['lint', '--fix', '-f', 'json'], { cwd: d });
    assert.equal(run.code, 2);
    const results = parseJson(run);
    assert.deepEqual(results.map((r) => path.basename(r.filePath)).sort(), Object.keys(bad).sort());
    for (const r of results) {
      assert.deepEqual(r.messages.map((m) => m.ruleId), ['file-unreadable'], r.filePath);
      assert.match(r.messages[0].message, /无法识别编码，未修改|不支持 UTF-32/);
      assert.equal(r.encoding, undefined);
    }
    for (const [name, bytes] of Object.entries(bad)) assert.ok(fs.readFileSync(path.join(d, name)).equals(bytes), name);
  });

  it('loads the code-page tables (vendor/iconv-lite.js) only for a file that is not UTF-8 or UTF-16', () => {
    const cli = installCopy((f) => f !== 'iconv-lite.js');
    const text = EOLS.LF(TEXT_LINES);
    const d = workspace({ '.zwgkrc.json': focusConfig(fixRulesOn()), 'a.md': encode(text, 'utf-8'), 'b.md': encode(text, 'utf-16le') });
    const run = runCli(['lint', '-f', 'json'], { cwd: d, cli });
    assert.deepEqual(parseJson(run).map((r) => [path.basename(r.filePath), r.encoding, r.messages.length > 0]), [['a.md', 'utf-8', true], ['b.md', 'utf-16le', true]]);
    // A GBK file needs them: this copy fails on it, the full build reads it.
    fs.writeFileSync(path.join(d, 'c.md'), encode(text, 'gbk'));
    const gbk = runCli(['lint', '-f', 'json', 'c.md'], { cwd: d, cli });
    assert.equal(gbk.code, 2);
    assert.match(gbk.stderr, /vendor\/iconv-lite\.js/);
    assert.deepEqual(parseJson(runCli(['lint', '-f', 'json', 'c.md'], { cwd: d })).map((r) => r.encoding), ['gbk']);
  });
});
