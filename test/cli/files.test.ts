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
});
