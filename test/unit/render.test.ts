/** The rule page generator (scripts/render.ts): the optional 检测方法 section. */
import * as assert from 'node:assert/strict';
import { getRule } from '../../src/core';
import { renderRuleDoc } from '../../scripts/render';

describe('rule pages', () => {
  it('a rule with `detection` gets a 检测方法 section after 如何修改; one without has none', () => {
    const rule = getRule('personal-phone')!;
    const plain = renderRuleDoc(rule);
    assert.ok(!plain.includes('## 检测方法'));
    const page = renderRuleDoc({ ...rule, meta: { ...rule.meta, detection: '只报告校验通过的号码。' } });
    const at = page.indexOf('## 检测方法');
    assert.ok(at > page.indexOf('## 如何修改'), page.slice(0, 400));
    assert.ok(page.includes('## 检测方法\n\n只报告校验通过的号码。\n'));
  });
});
