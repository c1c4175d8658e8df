/** The server's fast draft summary (head only when the title is in the metadata) equals the core's full one. */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ZwgkDocument, summarize } from '../../src/core';
import { summarizeDraft } from '../../src/server/workspace-index';
import { POLICY, INTERPRETATION, README } from './drafts';

const FIXTURES = path.resolve(__dirname, '../fixtures');

function cases(): [string, string][] {
  const out: [string, string][] = [
    ['/ws/policy.md', POLICY],
    ['/ws/interp.md', INTERPRETATION],
    ['/ws/README.md', README],
    ['/ws/crlf.md', POLICY.replace(/\n/g, '\r\n')],
    ['/ws/no-title.md', POLICY.replace('标题: 海口市市级储备粮管理办法\n', '')],
    ['/ws/unclosed.md', '---\n标题: 某某办法\n\n# 正文标题\n'],
    ['/ws/bad-yaml.md', '---\n标题: 关于: 印发\n  错误缩进: x\n---\n\n# 正文标题\n'],
    ['/ws/header.md', '索 引 号: 00817804-9/2019-13123 分类: 规划计划\n名  称: 海口市某某通知\n\n# 另一个标题\n'],
  ];
  for (const dir of ['real-notices', 'seed']) {
    for (const f of fs.readdirSync(path.join(FIXTURES, dir))) {
      if (/\.(md|txt)$/.test(f)) out.push([path.join('/ws', dir, f), fs.readFileSync(path.join(FIXTURES, dir, f), 'utf8')]);
    }
  }
  return out;
}

describe('language server: fast draft summaries', () => {
  for (const [file, text] of cases()) {
    it(path.basename(file), () => {
      assert.deepEqual(summarizeDraft(text, file), summarize(new ZwgkDocument(text, file), file));
    });
  }
});

describe('language server: the index parses a draft’s head only (issue 10, item 8)', () => {
  it('a title outside the metadata comes from the first lines; what lies past the head is not parsed', () => {
    // 2 MB of `|` lines under a heading: the summary is the heading, without parsing a million lines.
    const hostile = '# 关于做好政务公开工作的通知\n\n' + '|\n'.repeat(1e6);
    assert.equal(summarizeDraft(hostile, '/ws/b.md').title, '关于做好政务公开工作的通知');
    // The bound is real: an annual report's sections 150 paragraphs down are past the head …
    const late = '本年度的工作。\n\n'.repeat(150) + '一、总体情况\n\n二、主动公开政府信息情况\n';
    assert.equal(summarize(new ZwgkDocument(late, '/ws/a.md'), '/ws/a.md').type, '年度报告');
    assert.notEqual(summarizeDraft(late, '/ws/a.md').type, '年度报告');
    // … and a short draft is summarised whole, exactly as the core does.
    const near = '本年度的工作。\n\n'.repeat(3) + '一、总体情况\n\n二、主动公开政府信息情况\n';
    assert.deepEqual(summarizeDraft(near, '/ws/a.md'), summarize(new ZwgkDocument(near, '/ws/a.md'), '/ws/a.md'));
  });
});
