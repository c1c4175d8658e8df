/** A file-level `<!-- zwgk-disable … -->` right after the front matter / catalogue header covers the metadata too. */
import assert from 'node:assert/strict';
import { lintAll } from '../helpers/lint';

const FM = '---\n标题: 海口市某某办法\n文号: 海府办函[2019]168号\n成文日期: 2019年06月21日\n---\n';

describe('inline config: a disable comment right after the metadata', () => {
  it('disables the rule in the front matter as well as in the body', () => {
    const before = lintAll(`${FM}\n# 海口市某某办法\n`).filter((m) => m.ruleId === 'doc-number-format');
    assert.equal(before.length, 1);
    const after = lintAll(`${FM}<!-- zwgk-disable doc-number-format -->\n\n# 海口市某某办法\n`).filter((m) => m.ruleId === 'doc-number-format');
    assert.deepEqual(after, []);
  });

  it('also after other comments, but not once body text comes first', () => {
    const two = `${FM}<!-- 说明 -->\n<!-- zwgk-disable date-format -->\n\n# 海口市某某办法\n`;
    assert.deepEqual(lintAll(two).filter((m) => m.ruleId === 'date-format'), []);
    const late = `${FM}\n# 海口市某某办法\n\n<!-- zwgk-disable date-format -->\n`;
    assert.equal(lintAll(late).filter((m) => m.ruleId === 'date-format').length, 1);
  });

  it('works after a plain-text catalogue header', () => {
    const text = '索 引 号: 00817804-9/2019-13123 分类: 规划计划\n文档类型: 其他\n发布机构: 市政府办公室 成文日期: 2019年06月21日\n<!-- zwgk-disable date-format -->\n\n正文。\n';
    assert.equal(lintAll(text.replace('<!-- zwgk-disable date-format -->\n', ''), 'a.txt').filter((m) => m.ruleId === 'date-format').length, 1);
    assert.deepEqual(lintAll(text, 'a.txt').filter((m) => m.ruleId === 'date-format'), []);
  });
});
