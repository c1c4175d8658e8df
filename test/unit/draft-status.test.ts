/** The one idea of a draft (core/draft-status): the decision the CLI walk, the server and lint-all share. */
import * as assert from 'node:assert/strict';
import { draftStatus, isProjectFile } from '../../src/core/draft-status';

const FRONT = '---\n标题: 关于做好政务公开工作的通知\n发布机构: 海口市人民政府办公室\n---\n\n正文。\n';
const TYPED = '---\n文档类型: 政策解读\n---\n\n正文。\n';
const TITLE_ONLY = '---\n标题: 周会记录\n---\n\n联系人手机13812345678。\n';
const HEADER = '索 引 号: 00817804-9/2019-13123 分类: 规划计划\n发布机构: 海口市人民政府办公室\n\n正文。\n';
const NOTE = '# 周会记录\n\n本文标题: 略\n会议分类: 内部\n';

describe('draftStatus', () => {
  it('front matter with two known keys, or a declared known 文档类型, makes a draft without any config', () => {
    assert.equal(draftStatus({ text: FRONT, fileName: 'a.md', governed: false }).reason, 'metadata');
    const typed = draftStatus({ text: TYPED, fileName: 'a.md', governed: false });
    assert.equal(typed.reason, 'declared-type');
    assert.equal(typed.declaredType, '政策解读');
    assert.equal(draftStatus({ text: '---\n文档类型: 会议纪要\n---\n', fileName: 'a.md', governed: false }).draft, false, 'an unknown 文档类型 is not a declaration');
  });

  it('a portal catalogue header counts, in .txt and .md, with a BOM too', () => {
    assert.equal(draftStatus({ text: HEADER, fileName: 'page.txt', governed: false }).draft, true);
    assert.equal(draftStatus({ text: `\uFEFF${HEADER}`, fileName: 'page.md', governed: false }).draft, true);
    assert.equal(draftStatus({ text: HEADER, governed: false, format: 'text' }).knownKeys, 3);
  });

  it('one 标题 alone, or key-like lines in the body, make no draft', () => {
    const s = draftStatus({ text: TITLE_ONLY, fileName: 'notes.md', governed: false });
    assert.deepEqual([s.draft, s.reason, s.knownKeys], [false, 'no-metadata', 1]);
    assert.match(s.why, /只有 1 个目录字段/);
    assert.equal(draftStatus({ text: NOTE, fileName: 'n.md', governed: false }).draft, false);
  });

  it('a config makes every .md/.txt a draft, except a project file without metadata; ignored files never are', () => {
    assert.equal(draftStatus({ text: NOTE, fileName: 'n.md', governed: true }).reason, 'config');
    const readme = draftStatus({ text: NOTE, fileName: '/w/docs/README.md', governed: true });
    assert.deepEqual([readme.draft, readme.reason], [false, 'project-file']);
    assert.equal(draftStatus({ text: FRONT, fileName: 'README.md', governed: true }).draft, true, 'its own metadata makes it a draft');
    assert.equal(draftStatus({ text: FRONT, fileName: 'a.md', governed: true, ignored: true }).reason, 'ignored');
  });

  it('`all` takes every file, README included', () => {
    assert.equal(draftStatus({ text: NOTE, fileName: 'README.md', governed: false, all: true }).draft, true);
  });

  it('project files by name', () => {
    for (const n of ['README.md', 'readme.zh-cn.md', 'CHANGELOG.md', 'LICENSE.txt', 'CONTRIBUTING.md', 'C:\\w\\Security.md']) assert.ok(isProjectFile(n), n);
    for (const n of ['通知.md', 'readme-draft-notice.txt.bak', '关于README的通知.md']) assert.ok(!isProjectFile(n), n);
  });

  it('broken front matter makes no draft by itself and never throws', () => {
    assert.doesNotThrow(() => draftStatus({ text: '---\n标题: [\n发布机构: x\n---\n', fileName: 'a.md', governed: false }));
    assert.equal(draftStatus({ text: '---\n' + 'a: b\n'.repeat(5000), fileName: 'a.md', governed: false }).draft, false);
  });
});
