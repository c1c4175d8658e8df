/** zwgk lint on awkward trees: symlink loops, Chinese names with spaces, unreadable files. */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildCli, cleanup, focusConfig, parseJson, runCli, workspace, write } from './helpers';

const PHONE = '联系人：王明，手机：13812345678。\n';

describe('zwgk lint: files and folders', function () {
  before(buildCli);
  after(cleanup);

  it('a symlink loop does not hang and each draft is linted once', function () {
    if (process.platform === 'win32') this.skip();
    const dir = workspace({ '.zwgkrc.json': focusConfig({ 'personal-phone': 'error' }), '政策 文件/通知 一.md': PHONE, '政策 文件/子目录/二.txt': PHONE });
    fs.symlinkSync('..', path.join(dir, '政策 文件/子目录/回到上级'));
    fs.symlinkSync(path.join(dir, '政策 文件'), path.join(dir, '政策 文件/子目录/环'));
    fs.symlinkSync(path.join(dir, '政策 文件/通知 一.md'), path.join(dir, '别名.md'));
    const run = runCli(['lint', '-f', 'json', '.'], { cwd: dir, timeout: 15000 });
    assert.equal(run.code, 1, run.stderr);
    const paths = parseJson(run).map((r) => path.relative(dir, r.filePath));
    assert.equal(paths.length, 2, paths.join(', '));
    assert.equal(new Set(paths.map((p) => fs.realpathSync(path.join(dir, p)))).size, 2);
  });

  it('a project README/CHANGELOG found by walking is not a draft; named explicitly, it is linted', () => {
    const dir = workspace({ '.zwgkrc.json': focusConfig({ 'personal-phone': 'error' }), 'README.md': PHONE, 'CHANGELOG.md': PHONE, 'docs/readme.zh-cn.md': PHONE, '通知.md': PHONE });
    const walked = runCli(['lint', '-f', 'json', '.'], { cwd: dir });
    assert.deepEqual(parseJson(walked).map((r) => path.relative(dir, r.filePath)), ['通知.md']);
    const named = runCli(['lint', '-f', 'json', 'README.md'], { cwd: dir });
    assert.equal(named.code, 1);
    assert.deepEqual(parseJson(named).map((r) => path.basename(r.filePath)), ['README.md']);
  });

  it('an unreadable file is reported (exit 2) and the others are still linted', function () {
    if (process.platform === 'win32' || process.getuid?.() === 0) this.skip(); // root reads anything
    const dir = workspace({ '.zwgkrc.json': focusConfig({ 'personal-phone': 'error' }), 'a.md': PHONE });
    const locked = write(dir, 'b.md', PHONE);
    fs.chmodSync(locked, 0);
    const run = runCli(['lint', '-f', 'json'], { cwd: dir });
    fs.chmodSync(locked, 0o644);
    assert.equal(run.code, 2);
    const results = parseJson(run);
    assert.deepEqual(results.map((r) => path.basename(r.filePath)), ['a.md', 'b.md']);
    assert.equal(results[0].messages[0].ruleId, 'personal-phone');
    assert.equal(results[1].messages[0].ruleId, 'file-unreadable');
  });

  it('a file that fails to read (an I/O error, even for root) is reported; the others are linted, in order', function () {
    if (process.platform !== 'linux') this.skip();
    // Reading /proc/self/mem through a link fails with EIO whoever runs the test.
    const dir = workspace({ '.zwgkrc.json': focusConfig({ 'personal-phone': 'error' }), 'a.md': PHONE, 'c.md': PHONE });
    fs.symlinkSync('/proc/self/mem', path.join(dir, 'b.md'));
    for (const threads of ['off', '2']) {
      const run = runCli(['lint', '-f', 'json', '--concurrency', threads], { cwd: dir });
      assert.equal(run.code, 2, run.stderr);
      const results = parseJson(run);
      assert.deepEqual(results.map((r) => path.basename(r.filePath)), ['a.md', 'b.md', 'c.md']);
      assert.deepEqual(results.map((r) => r.messages[0].ruleId), ['personal-phone', 'file-unreadable', 'personal-phone']);
      assert.match(results[1].messages[0].message, /I\/O 错误（EIO）/);
      assert.match(run.stderr, /1 个文件未能完整检查或写回，退出码 2/);
    }
  });

  it('paths with spaces and Chinese names, in folders named like files, in every output format', () => {
    const dir = workspace({
      '.zwgkrc.json': focusConfig({ 'personal-phone': 'error' }),
      '2019年 政策文件/关于 印发 考核办法的通知.md': PHONE,
      '归档.md/扶贫 公示（第1期）.txt': PHONE,
    });
    const json = parseJson(runCli(['lint', '-f', 'json'], { cwd: dir }));
    assert.deepEqual(json.map((r) => path.relative(dir, r.filePath)), [path.join('2019年 政策文件', '关于 印发 考核办法的通知.md'), path.join('归档.md', '扶贫 公示（第1期）.txt')]);
    const stylish = runCli(['lint'], { cwd: dir });
    assert.match(stylish.stdout, /2019年 政策文件\/关于 印发 考核办法的通知\.md\n/);
    const sarif = JSON.parse(runCli(['lint', '-f', 'sarif'], { cwd: dir }).stdout);
    const uris = sarif.runs[0].results.map((r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => r.locations[0].physicalLocation.artifactLocation.uri);
    assert.deepEqual(uris, [`${encodeURIComponent('2019年 政策文件')}/${encodeURIComponent('关于 印发 考核办法的通知.md')}`, `${encodeURIComponent('归档.md')}/${encodeURIComponent('扶贫 公示（第1期）.txt')}`]);
    // A glob and a folder argument with spaces reach the same files.
    assert.equal(parseJson(runCli(['lint', '-f', 'json', '2019年 政策文件/*.md'], { cwd: dir })).length, 1);
    assert.equal(parseJson(runCli(['lint', '-f', 'json', '归档.md'], { cwd: dir })).length, 1);
  });
});
