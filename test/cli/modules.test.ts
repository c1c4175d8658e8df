/** In-process tests of the CLI modules: encodings, atomic writes, file expansion, ignore globs, the runner. */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { ALL_RULES, resolveConfig } from '../../src/core';
import { decode, encode, encodeExact } from '../../src/cli/encoding';
import { writeFileAtomic, stampOf } from '../../src/cli/write';
import { expandInputs, draftsInFolder } from '../../src/cli/files';
import { ignorePatterns, ConfigLoader } from '../../src/cli/config-loader';
import { buildIndex, lintFile, type RunContext } from '../../src/cli/runner';
import { closest } from '../../src/cli/suggest';
import { displayWidth } from '../../src/cli/text';
import { CliError } from '../../src/cli/errors';
import picomatch from 'picomatch';
import { cleanup, workspace, write } from './helpers';
import { NOTICE_MD, NOTICE_TXT } from './drafts';

describe('cli/encoding', () => {
  it('detects UTF-8, UTF-8 BOM, UTF-16 LE/BE BOM, GB18030 and binary', () => {
    const t = NOTICE_TXT;
    assert.deepEqual(decode(Buffer.from(t)), { kind: 'text', text: t, encoding: 'utf-8', bom: false });
    assert.deepEqual(decode(encode(t, 'utf-8', true)), { kind: 'text', text: t, encoding: 'utf-8', bom: true });
    assert.deepEqual(decode(encode(t, 'utf-16le', true)), { kind: 'text', text: t, encoding: 'utf-16le', bom: true });
    assert.deepEqual(decode(encode(t, 'utf-16be', true)), { kind: 'text', text: t, encoding: 'utf-16be', bom: true });
    assert.deepEqual(decode(iconv.encode(t, 'gb18030')), { kind: 'text', text: t, encoding: 'gb18030', bom: false });
    assert.equal(decode(Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01])).kind, 'binary');
    assert.equal(decode(Buffer.alloc(0)).kind, 'text');
  });

  it('refuses what it cannot decode exactly', () => {
    for (const bad of [
      Buffer.from([0x41, 0xff, 0x42]), // stray byte: not UTF-8, not GB18030
      Buffer.from([0xef, 0xbb, 0xbf, 0xc3, 0x28]), // UTF-8 BOM with invalid UTF-8
      Buffer.from([0xff, 0xfe, 0x41]), // UTF-16 with an odd number of bytes
      Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x41, 0x00]), // lone surrogate
      Buffer.from([0xff, 0xfe, 0x00, 0x00, 0x41, 0x00, 0x00, 0x00]), // UTF-32LE
      Buffer.from('caf\xe9 au lait', 'latin1'), // Latin-1, not Chinese
    ]) {
      assert.equal(decode(bad).kind, 'undecodable', bad.toString('hex'));
    }
  });

  it('round-trips any text through every encoding it accepts (property)', () => {
    const cjk = fc.string({ unit: fc.constantFrom(...'政务公开〔〕《》，。：；“”（）一二三海口市0123456789abc \n\r\t'.split(''), '𠮷', '\r\n') });
    fc.assert(
      fc.property(fc.oneof(cjk, fc.string({ unit: 'grapheme' })), fc.constantFrom('utf-8', 'utf-16le', 'utf-16be'), fc.boolean(), (text, enc, bom) => {
        const b = encode(text, enc as 'utf-8', enc === 'utf-8' ? bom : true);
        const d = decode(b);
        if (text.includes('\0')) return d.kind === 'binary';
        return d.kind === 'text' && d.text === text && d.encoding === enc;
      }),
      { seed: 20190621, numRuns: 300 },
    );
    fc.assert(
      fc.property(cjk, (text) => {
        const b = iconv.encode(text + '政务', 'gb18030');
        const d = decode(b);
        // Pure-ASCII-plus-CJK GB18030 may also be valid UTF-8 by chance; either way the bytes must round-trip.
        return d.kind === 'text' && encode(d.text, d.encoding, d.bom).equals(b);
      }),
      { seed: 20190621, numRuns: 300 },
    );
  });

  it('encodeExact refuses a character the target encoding cannot hold', () => {
    assert.equal(encodeExact('𠮷', 'gbk', false), undefined);
    assert.ok(encodeExact('𠮷', 'gb18030', false));
  });
});

describe('cli/write', () => {
  after(cleanup);

  it('replaces the file atomically, keeps the mode, leaves no temporary file', () => {
    const dir = workspace({ 'a.md': 'old' });
    const file = path.join(dir, 'a.md');
    fs.chmodSync(file, 0o600);
    writeFileAtomic(file, Buffer.from('new'), stampOf(fs.statSync(file)));
    assert.equal(fs.readFileSync(file, 'utf8'), 'new');
    assert.equal(fs.statSync(file).mode & 0o777, 0o600);
    assert.deepEqual(fs.readdirSync(dir), ['a.md']);
  });

  it('does not write when the file changed since it was read', () => {
    const dir = workspace({ 'a.md': 'old' });
    const file = path.join(dir, 'a.md');
    const stamp = stampOf(fs.statSync(file));
    fs.writeFileSync(file, 'edited by someone else');
    assert.throws(() => writeFileAtomic(file, Buffer.from('new'), stamp), CliError);
    assert.equal(fs.readFileSync(file, 'utf8'), 'edited by someone else');
    assert.deepEqual(fs.readdirSync(dir), ['a.md']);
  });
});

describe('cli/files', () => {
  after(cleanup);

  it('walks in name order, follows symlinks once, survives symlink loops, dedupes files', function () {
    if (process.platform === 'win32') this.skip();
    const dir = workspace({ 'b/2.md': 'x', 'b/1.txt': 'x', 'a.md': 'x', 'b/c/3.md': 'x', 'b/skip.pdf': 'x' });
    fs.symlinkSync('..', path.join(dir, 'b/c/up')); // loop: b/c/up → b
    fs.symlinkSync(path.join(dir, 'b'), path.join(dir, 'b/c/self'));
    fs.symlinkSync(path.join(dir, 'a.md'), path.join(dir, 'z-alias.md'));
    fs.symlinkSync(path.join(dir, 'missing.md'), path.join(dir, 'dangling.md'));
    const { files, unmatched } = expandInputs(['.', 'a.md'], { cwd: dir });
    assert.deepEqual(files.map((f) => path.relative(dir, f)), ['a.md', path.join('b', '1.txt'), path.join('b', '2.md'), path.join('b', 'c', '3.md')]);
    assert.deepEqual(unmatched, []);
  });

  it('globs match below their base; unmatched patterns are reported', () => {
    const dir = workspace({ 'drafts/2019/a.md': 'x', 'drafts/2019/b.txt': 'x', 'drafts/2020/c.md': 'x', 'other/d.md': 'x' });
    const { files, unmatched } = expandInputs(['drafts/**/*.md', 'nope/*.md', 'gone.md'], { cwd: dir });
    assert.deepEqual(files.map((f) => path.relative(dir, f).split(path.sep).join('/')), ['drafts/2019/a.md', 'drafts/2020/c.md']);
    assert.deepEqual(unmatched, ['nope/*.md', 'gone.md']);
  });

  it('draftsInFolder lists the drafts of one folder only', () => {
    const dir = workspace({ 'a.md': 'x', 'b.txt': 'x', 'c.pdf': 'x', 'sub/d.md': 'x', '.hidden.md': 'x' });
    assert.deepEqual(draftsInFolder(dir).map((f) => path.basename(f)), ['a.md', 'b.txt']);
  });
});

describe('cli/config-loader: ignore patterns', () => {
  const m = (globs: string[]) => picomatch(ignorePatterns(globs), { dot: true });
  it('is gitignore-like: bare names match at any depth, slashes anchor, folders include their contents', () => {
    assert.ok(m(['*.draft.md'])('x/y/a.draft.md'));
    assert.ok(m(['templates'])('a/templates/t.md'));
    assert.ok(m(['archive/'])('archive/2019/old.md'));
    assert.ok(m(['archive/'])('x/archive/old.md'), 'a trailing slash alone does not anchor (as in .gitignore)');
    assert.ok(m(['docs/archive'])('docs/archive/old.md'));
    assert.ok(!m(['docs/archive'])('x/docs/archive/old.md'), 'a slash in the middle anchors');
    assert.ok(m(['/a.md'])('a.md'));
    assert.ok(!m(['/a.md'])('sub/a.md'));
    assert.deepEqual(ignorePatterns(['', '# comment']), []);
  });
});

describe('cli/runner', () => {
  after(cleanup);

  function ctx(fix = false): RunContext & { notices: string[] } {
    const notices: string[] = [];
    const config = resolveConfig(ALL_RULES);
    return { rules: ALL_RULES, configFor: () => config, fix, display: (f) => f, notice: (s) => notices.push(s), notices };
  }

  it('the index holds every linted file and the drafts next to them (not their texts)', () => {
    const dir = workspace({ 'a/policy.md': NOTICE_MD, 'a/jiedu.txt': NOTICE_TXT, 'a/deeper/x.md': '# x\n', 'b/other.md': '# other\n', 'a/bin.md': Buffer.from([0, 1]) });
    const { index } = buildIndex([path.join(dir, 'a/policy.md')], ctx());
    assert.deepEqual([...index.all()].map((s) => path.relative(dir, s.path)).sort(), ['a/jiedu.txt', 'a/policy.md']);
    const policy = index.get(path.join(dir, 'a/policy.md'))!;
    assert.equal(policy.title, '海口市人民政府办公厅关于印发海口市政务公开工作考核办法的通知');
    assert.ok(!JSON.stringify(policy).includes('13812345678'), 'the summary keeps metadata, not the body');
  });

  it('a file that vanished or cannot be read becomes a file-unreadable result; the run goes on', () => {
    const dir = workspace({ 'a.md': NOTICE_MD });
    const gone = lintFile(path.join(dir, 'gone.md'), ctx(), buildIndex([], ctx()).index)!;
    assert.equal(gone.fatal, true);
    assert.equal(gone.messages[0].ruleId, 'file-unreadable');
    assert.match(gone.messages[0].message, /无法读取文件：文件不存在/);
  });

  it('chmod 000 files are reported, not fatal to the run (non-root only)', function () {
    if (process.platform === 'win32' || process.getuid?.() === 0) this.skip();
    const dir = workspace({ 'a.md': NOTICE_MD });
    const file = write(dir, 'locked.md', NOTICE_MD);
    fs.chmodSync(file, 0);
    const r = lintFile(file, ctx(), buildIndex([], ctx()).index)!;
    assert.match(r.messages[0].message, /没有访问权限（EACCES）/);
  });
});

describe('cli helpers', () => {
  it('suggests the closest rule id', () => {
    const ids = ALL_RULES.map((r) => r.meta.id);
    assert.equal(closest('personal-phon', ids), 'personal-phone');
    assert.equal(closest('zzzzzzzzzzzzzzzzzzzz', ids), undefined);
  });

  it('measures CJK as two columns', () => {
    assert.equal(displayWidth('文号abc'), 7);
    assert.equal(displayWidth('〔2019〕'), 8);
  });
});
