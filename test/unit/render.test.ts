/** The rule page generator (scripts/render.ts) and the rule texts it renders: 为什么 / 如何修改 / 检测方法. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ALL_RULES, getRule } from '../../src/core';
import { renderRuleDoc } from '../../scripts/render';

/** Sentences of a text (split after 。！？；), trimmed, without the empty ones. */
const sentences = (s: string) => s.split(/(?<=[。！？；])/).map((x) => x.trim()).filter((x) => x.length > 4);

describe('rule pages', () => {
  it('a rule with `detection` gets a 检测方法 section after 如何修改; one without has none', () => {
    const rule = getRule('personal-phone')!;
    const plain = renderRuleDoc({ ...rule, meta: { ...rule.meta, detection: undefined } });
    assert.ok(!plain.includes('## 检测方法'));
    const page = renderRuleDoc({ ...rule, meta: { ...rule.meta, detection: '只报告校验通过的号码。' } });
    const at = page.indexOf('## 检测方法');
    assert.ok(at > page.indexOf('## 如何修改'), page.slice(0, 400));
    assert.ok(page.includes('## 检测方法\n\n只报告校验通过的号码。\n'));
  });

  it('every rule says why it matters in a sentence or two, and how it decides under 检测方法 (not in 为什么)', () => {
    for (const r of ALL_RULES) {
      const m = r.meta;
      assert.ok(m.detection && m.detection.length > 10, `${m.id}: has a detection text`);
      assert.ok(sentences(m.rationale).length <= 3, `${m.id}: rationale is a sentence or two:\n${m.rationale}`);
      assert.ok(m.rationale.length <= 160, `${m.id}: rationale is short (${m.rationale.length} characters)`);
      // Detector talk belongs to 检测方法: odds, check digits, labels that keep it quiet.
      assert.doesNotMatch(m.rationale, /不报告|校验|误报(?!告)|1\/\d+|选项|本规则/, `${m.id}: rationale explains the detector`);
      for (const s of sentences(m.rationale)) {
        assert.ok(!m.detection.includes(s) && !m.howToFix.includes(s), `${m.id}: “${s}” is said twice`);
      }
    }
  });

  it('the committed docs/rules pages are the rendered ones (检测方法 included)', () => {
    for (const r of ALL_RULES) {
      const file = path.join(__dirname, '../../docs/rules', `${r.meta.id}.md`);
      const page = fs.readFileSync(file, 'utf8');
      // The wording page continues with the list of its packs (renderPackDocs).
      assert.equal(r.meta.id === 'wording' ? page.slice(0, renderRuleDoc(r).length) : page, renderRuleDoc(r), `${r.meta.id}: run npx tsx scripts/generate.ts`);
      assert.ok(page.includes(`## 检测方法\n\n`), `${r.meta.id}: page has 检测方法`);
    }
  });
});
