/** --fix safety: encodings, BOM, line endings, idempotence, binary and undecodable files, stdin. */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import iconv from 'iconv-lite';
import { buildCli, cleanup, focusConfig, parseJson, runCli, workspace } from './helpers';
import { NOTICE_MD, NOTICE_TXT, expectedFixed, fixRulesOn } from './drafts';

const crlf = (s: string) => s.replace(/\n/g, '\r\n');
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

function setup(files: Record<string, string | Buffer>): string {
  return workspace({ '.zwgkrc.json': focusConfig(fixRulesOn()), ...files });
}

function bytes(dir: string, rel: string): Buffer {
  return fs.readFileSync(path.join(dir, rel));
}

describe('zwgk lint --fix', function () {
  before(buildCli);
  after(cleanup);

  it('UTF-8 with BOM and CRLF: only the fixed spots change; BOM and CRLF are kept', () => {
    const text = crlf(NOTICE_MD);
    const dir = setup({ '通知.md': Buffer.concat([BOM, Buffer.from(text)]) });
    const run = runCli(['lint', '--fix', '-f', 'json'], { cwd: dir });
    assert.equal(run.code, 0, run.stdout + run.stderr);
    const [r] = parseJson(run);
    assert.deepEqual(r.messages, []);
    assert.equal(r.encoding, 'utf-8-bom');
    assert.ok(r.fixedCount! >= 1);
    const want = Buffer.concat([BOM, Buffer.from(expectedFixed(text))]);
    assert.ok(bytes(dir, '通知.md').equals(want), bytes(dir, '通知.md').toString());
    assert.ok(!bytes(dir, '通知.md').toString().includes('13812345678'));
    assert.equal(bytes(dir, '通知.md').toString().split('\r\n').length, text.split('\r\n').length);
  });

  it('GB18030 (portal page saved as text): detected, fixed and written back as GB18030', () => {
    const original = iconv.encode(NOTICE_TXT, 'gb18030');
    assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(original), 'the fixture is not valid UTF-8');
    const dir = setup({ '考核办法.txt': original });
    const lint = parseJson(runCli(['lint', '-f', 'json'], { cwd: dir }));
    assert.equal(lint[0].encoding, 'gb18030');
    const phone = lint[0].messages.find((m) => m.ruleId === 'personal-phone')!;
    const line = NOTICE_TXT.split('\n')[phone.line - 1];
    assert.equal(line.slice(phone.column - 1, phone.endColumn - 1), '13812345678', 'positions are in the decoded text');

    const run = runCli(['lint', '--fix'], { cwd: dir });
    assert.equal(run.code, 0, run.stdout + run.stderr);
    const after = bytes(dir, '考核办法.txt');
    assert.ok(after.equals(iconv.encode(expectedFixed(NOTICE_TXT), 'gb18030')), iconv.decode(after, 'gb18030'));
    assert.ok(iconv.decode(after, 'gb18030').includes('0898-68725613'), 'the landline stays');
  });

  it('GBK with the euro sign (not GB18030-round-trippable) is handled as GBK', () => {
    const text = '办公经费：€100。联系人手机：13812345678\n';
    const original = iconv.encode(text, 'gbk');
    const dir = setup({ 'a.txt': original });
    const run = runCli(['lint', '--fix', '-f', 'json'], { cwd: dir });
    assert.equal(parseJson(run)[0].encoding, 'gbk');
    assert.ok(bytes(dir, 'a.txt').equals(iconv.encode(expectedFixed(text), 'gbk')));
  });

  it('UTF-16LE and UTF-16BE with BOM', () => {
    const text = crlf(NOTICE_MD);
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
    const dir = setup({ 'le.md': le, 'be.md': be });
    const run = runCli(['lint', '--fix', '-f', 'json'], { cwd: dir });
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.deepEqual(parseJson(run).map((r) => r.encoding).sort(), ['utf-16be', 'utf-16le']);
    assert.ok(bytes(dir, 'le.md').equals(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(expectedFixed(text), 'utf16le')])));
    assert.ok(bytes(dir, 'be.md').equals(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(expectedFixed(text), 'utf16le').swap16()])));
  });

  it('a second run changes nothing and leaves the file untouched (same mtime)', () => {
    const dir = setup({ 'a.md': NOTICE_MD, 'b.txt': iconv.encode(NOTICE_TXT, 'gb18030') });
    assert.equal(runCli(['lint', '--fix'], { cwd: dir }).code, 0);
    const past = new Date(Date.now() - 3600_000);
    for (const f of ['a.md', 'b.txt']) fs.utimesSync(path.join(dir, f), past, past);
    const before = ['a.md', 'b.txt'].map((f) => [bytes(dir, f), fs.statSync(path.join(dir, f)).mtimeMs] as const);
    const second = runCli(['lint', '--fix', '-f', 'json'], { cwd: dir });
    assert.equal(second.code, 0);
    assert.deepEqual(parseJson(second).map((r) => r.fixedCount), [0, 0]);
    ['a.md', 'b.txt'].forEach((f, i) => {
      assert.ok(bytes(dir, f).equals(before[i][0]));
      assert.equal(fs.statSync(path.join(dir, f)).mtimeMs, before[i][1]);
    });
  });

  it('keeps the file mode and writes through a symlink (the link stays a link)', function () {
    if (process.platform === 'win32') this.skip();
    const dir = setup({ 'real/a.md': NOTICE_MD });
    fs.chmodSync(path.join(dir, 'real/a.md'), 0o640);
    fs.symlinkSync(path.join(dir, 'real/a.md'), path.join(dir, 'link.md'));
    assert.equal(runCli(['lint', '--fix', 'link.md'], { cwd: dir }).code, 0);
    assert.ok(fs.lstatSync(path.join(dir, 'link.md')).isSymbolicLink());
    assert.equal(fs.readFileSync(path.join(dir, 'real/a.md'), 'utf8'), expectedFixed(NOTICE_MD));
    assert.equal(fs.statSync(path.join(dir, 'real/a.md')).mode & 0o777, 0o640);
    assert.deepEqual(fs.readdirSync(path.join(dir, 'real')), ['a.md'], 'no temporary file left behind');
  });

  it('reports the problems left after fixing', () => {
    const dir = workspace({ '.zwgkrc.json': focusConfig({ ...fixRulesOn(), 'inline-config-invalid': 'error' }), 'a.md': '<!-- zwgk-disable-next-line no-such-rule -->\n' + NOTICE_MD });
    const run = runCli(['lint', '--fix', '-f', 'json'], { cwd: dir });
    assert.equal(run.code, 1);
    const [r] = parseJson(run);
    assert.deepEqual(r.messages.map((m) => m.ruleId), ['inline-config-invalid']);
    assert.ok(!fs.readFileSync(path.join(dir, 'a.md'), 'utf8').includes('13812345678'));
  });

  it('binary files are skipped with a notice; undecodable files are reported and never rewritten', () => {
    const binary = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00, 0xff]);
    const garbage = Buffer.concat([Buffer.from('联系人手机：13812345678 '), Buffer.from([0xff, 0xfe, 0xfd, 0x80, 0x81])]);
    const dir = setup({ 'scan.md': binary, 'broken.txt': garbage, 'ok.md': NOTICE_MD });
    const run = runCli(['lint', '--fix', '-f', 'json'], { cwd: dir });
    assert.equal(run.code, 2, 'a file that could not be checked makes the run exit 2');
    assert.match(run.stderr, /scan\.md 是二进制文件，已跳过/);
    const results = parseJson(run);
    assert.deepEqual(results.map((r) => path.basename(r.filePath)), ['broken.txt', 'ok.md']);
    assert.equal(results[0].messages[0].ruleId, 'file-unreadable');
    assert.match(results[0].messages[0].message, /无法识别编码，未修改/);
    assert.ok(bytes(dir, 'broken.txt').equals(garbage));
    assert.ok(bytes(dir, 'scan.md').equals(binary));
    assert.equal(fs.readFileSync(path.join(dir, 'ok.md'), 'utf8'), expectedFixed(NOTICE_MD), 'the other files are still fixed');
  });

  it('stdin: lints with the config of --stdin-filename; with --fix prints the fixed text', () => {
    const dir = setup({ 'drafts/.keep.md': '' });
    const lint = runCli(['lint', '-', '--stdin-filename', 'drafts/新通知.md', '-f', 'json'], { cwd: dir, input: NOTICE_MD });
    assert.equal(lint.code, 1);
    const [r] = parseJson(lint);
    assert.equal(r.filePath, path.join(dir, 'drafts/新通知.md'));
    assert.ok(r.messages.some((m) => m.ruleId === 'personal-phone'));
    assert.ok(!fs.existsSync(path.join(dir, 'drafts/新通知.md')), 'stdin mode never writes a file');

    const fix = runCli(['lint', '-', '--fix', '--stdin-filename', 'drafts/新通知.md'], { cwd: dir, input: NOTICE_MD });
    assert.equal(fix.code, 0, fix.stderr);
    assert.equal(fix.stdout, expectedFixed(NOTICE_MD));

    const gb = runCli(['lint', '-', '--fix', '--stdin-filename', 'a.txt'], { cwd: dir, input: iconv.encode(NOTICE_TXT, 'gb18030') });
    assert.ok(gb.stdoutBytes.equals(iconv.encode(expectedFixed(NOTICE_TXT), 'gb18030')), 'stdin keeps its encoding');

    const garbage = Buffer.from([0x41, 0xff, 0xfe, 0x80]);
    const bad = runCli(['lint', '-', '--fix'], { cwd: dir, input: garbage });
    assert.equal(bad.code, 2);
    assert.ok(bad.stdoutBytes.equals(garbage), 'undecodable stdin passes through unchanged');
  });

  it('files with other extensions named explicitly are skipped; a folder named like a file is walked', () => {
    const dir = setup({ 'notes.md/inner.md': NOTICE_MD, 'data.csv': '13812345678\n' });
    const run = runCli(['lint', '-f', 'json', 'notes.md', 'data.csv'], { cwd: dir });
    assert.match(run.stderr, /data\.csv 不是 \.md、\.txt、\.docx 或 \.html 文件/);
    assert.deepEqual(parseJson(run).map((r) => path.relative(dir, r.filePath)), [path.join('notes.md', 'inner.md')]);
  });
});
