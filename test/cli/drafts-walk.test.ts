/**
 * `zwgk lint` on a folder lints what the editor would lint (the core's draftStatus): drafts by their
 * metadata or a config; other .md/.txt files are skipped with a notice; `--all` takes them; a file named
 * on the command line is always linted.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildCli, cleanup, parseJson, runCli, workspace } from './helpers';

const PHONE = '联系人手机：13812345678。\n';
const DRAFT = `---\n标题: 关于公布扶贫项目的通知\n发布机构: 某某镇人民政府\n---\n\n${PHONE}`;
const HEADER = `索 引 号: 00817804-9/2026-00012 分类: 通知公告\n发布机构: 某某镇人民政府\n\n${PHONE}`;

describe('zwgk lint: which files in a folder are drafts', function () {
  before(buildCli);
  after(cleanup);

  it('no config: drafts by front matter or a portal header, in every sub-folder; the rest skipped with a notice', () => {
    const dir = workspace({ '通知.md': DRAFT, 'a/b/门户页面.txt': HEADER, '笔记.md': PHONE, 'README.md': PHONE, 'a/周会.md': `---\n标题: 周会\n---\n${PHONE}` });
    const run = runCli(['lint', '-f', 'json', '.'], { cwd: dir });
    assert.equal(run.code, 1, run.stderr);
    assert.deepEqual(parseJson(run).map((r) => path.relative(dir, r.filePath)).sort(), ['a/b/门户页面.txt', '通知.md']);
    assert.match(run.stderr, /跳过 3 个不是文稿的文件/);
    assert.match(run.stderr, /笔记\.md（没有 \.zwgkrc 配置，也没有目录元数据）/);
    assert.match(run.stderr, /a\/周会\.md（没有 \.zwgkrc 配置，元数据只有 1 个目录字段）/);
    assert.match(run.stderr, /加 --all 检查全部文件/);
    // JSON on stdout stays the results only.
    assert.doesNotMatch(run.stdout, /跳过/);
  });

  it('--all lints every .md/.txt found; a file named explicitly is linted whatever it is', () => {
    const dir = workspace({ '通知.md': DRAFT, '笔记.md': PHONE, 'README.md': PHONE });
    const all = runCli(['lint', '-f', 'json', '--all', '.'], { cwd: dir });
    assert.deepEqual(parseJson(all).map((r) => path.basename(r.filePath)).sort(), ['README.md', '笔记.md', '通知.md'].sort());
    assert.doesNotMatch(all.stderr, /跳过/);
    const named = runCli(['lint', '-f', 'json', '笔记.md'], { cwd: dir });
    assert.equal(named.code, 1);
    assert.deepEqual(parseJson(named).map((r) => path.basename(r.filePath)), ['笔记.md']);
    // A glob is like a folder: drafts only.
    const glob = runCli(['lint', '-f', 'json', '*.md'], { cwd: dir });
    assert.deepEqual(parseJson(glob).map((r) => path.basename(r.filePath)), ['通知.md']);
  });

  it('a config governs its folder: every file there is a draft but README; --config counts as a config', () => {
    const dir = workspace({ 'drafts/.zwgkrc.json': '{}\n', 'drafts/笔记.md': PHONE, 'drafts/README.md': PHONE, 'other/笔记.md': PHONE });
    const run = runCli(['lint', '-f', 'json', '.'], { cwd: dir });
    assert.deepEqual(parseJson(run).map((r) => path.relative(dir, r.filePath)), ['drafts/笔记.md']);
    fs.writeFileSync(path.join(dir, 'strict.json'), '{}\n');
    const withConfig = runCli(['lint', '-f', 'json', '--config', 'strict.json', 'other'], { cwd: dir });
    assert.deepEqual(parseJson(withConfig).map((r) => path.relative(dir, r.filePath)), ['other/笔记.md']);
  });

  it('a FIFO or an unreadable entry found by walking never hangs the decision', function () {
    if (process.platform === 'win32') this.skip();
    const dir = workspace({ '通知.md': DRAFT });
    const { execFileSync } = require('node:child_process') as typeof import('node:child_process');
    try {
      execFileSync('mkfifo', [path.join(dir, '管道.md')]);
    } catch {
      this.skip();
    }
    const run = runCli(['lint', '-f', 'json', '.'], { cwd: dir, timeout: 15000 });
    assert.ok(parseJson(run).some((r) => path.basename(r.filePath) === '通知.md'), run.stderr);
  });
});
