import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fixText, getRule, resolveConfig, type RawConfig } from '../../../src/core';
import { lintWith, spanOf } from '../../helpers/lint';

const WS = path.resolve(__dirname, '../../fixtures/workspaces');
const ID = 'interpretation-content';
const read = (rel: string) => fs.readFileSync(path.join(WS, rel), 'utf8');

function missing(text: string, filename = 'draft.md', options?: Record<string, unknown>): string[] {
  return lintWith(ID, text, { filename, options }).flatMap((m) => (m.data as { elements: string[] }).elements);
}

function fixAll(text: string, filename: string): string {
  const rule = getRule(ID)!;
  const layer: RawConfig = { rules: { [ID]: 'warning' } };
  return fixText(text, filename, { rules: [rule], config: resolveConfig([rule], [layer]) }).text;
}

describe(ID, () => {
  it('stays quiet on a complete interpretation whose headings use synonyms (出台背景和制定依据, 名词解释 …)', () => {
    assert.deepEqual(missing(read('in-sync/解读/《海口市市级储备粮管理办法》政策解读.md')), []);
  });

  it('one message for the document naming every missing element, at the title, with the elements clause', () => {
    const text = read('late/老旧小区改造资金管理办法解读.md');
    const msgs = lintWith(ID, text, { filename: 'late.md' });
    assert.deepEqual(msgs.map((m) => m.message), [
      '政策解读缺少“目标任务”“适用范围”“执行标准”“注意事项”“关键词诠释”“惠民举措”“新旧政策差异”等部分（可用“工作目标”“主要任务”等标题）',
    ]);
    for (const m of msgs) {
      assert.equal(spanOf(text, m), '《海口市城镇老旧小区改造资金管理办法》解读');
      assert.equal(m.clause.id, '政策解读内容要素');
    }
  });

  it('a Q&A interpretation counts questions and cites the nine elements (jiedu_elements), like the sectioned form', () => {
    const text = read('wrong-drafter/政策问答/增设电梯政策问答.md');
    const msgs = lintWith(ID, text, { filename: 'qa.md' });
    assert.deepEqual(msgs.map((m) => m.message), [
      '政策问答缺少关于“目标任务”“主要内容”“注意事项”“关键词诠释”“惠民举措”“新旧政策差异”的问题（如“要达到什么目标？”“主要内容有哪些？”）',
    ]);
    assert.ok(msgs.every((m) => m.clause.id === '政策解读内容要素'));
  });

  it('惠民举措 asked in ordinary words: 带来哪些便利, 更方便, 能得到哪些帮助 (FP-5); 带来哪些变化 is no such question', () => {
    const qa = (q: string) => `---\n标题: 《海口市城市道路占用挖掘管理办法》政策问答\n文档类型: 政策解读\n---\n\n# 政策问答\n\n问一：为什么出台《办法》？\n\n答：略。\n\n问二：${q}\n\n答：略。\n`;
    const asksFor = (q: string) => !lintWith(ID, qa(q), { options: { elements: ['惠民举措'] } }).some((m) => (m.data?.elements as string[]).includes('惠民举措'));
    for (const q of ['《办法》给市民带来哪些便利？', '今后办理占道审批是否更方便？', '沿街商户能得到哪些帮助？', '群众能获得什么实惠？']) assert.ok(asksFor(q), q);
    for (const q of ['《办法》带来哪些变化？', '《办法》会带来什么影响？', '审批时限是多少？']) assert.ok(!asksFor(q), q);
  });

  it('labelled paragraphs (出台背景：…) and numbered plain-text lines count; the title does not', () => {
    const md = '---\n标题: 《海口市惠民保险补贴办法》解读\n---\n\n# 《海口市惠民保险补贴办法》解读\n\n出台背景：为减轻群众医疗负担……\n\n**适用对象**\n\n参保的本市户籍居民。\n';
    const m = missing(md);
    assert.ok(!m.includes('背景依据') && !m.includes('适用范围'));
    assert.ok(m.includes('惠民举措'), 'the title names 惠民 but is no section');
    const txt = '关于《海口市惠民保险补贴办法》的解读\n\n一、起草背景\n为减轻群众医疗负担，制定本办法。\n二、申报条件\n参保满一年的本市户籍居民。\n';
    const t = missing(txt, 'a.txt');
    assert.ok(!t.includes('背景依据') && !t.includes('执行标准') && t.includes('惠民举措'));
  });

  it('新旧政策差异 is not required when the body says the policy is new', () => {
    const text = read('in-sync/解读/《海口市市级储备粮管理办法》政策解读.md').replace(/## 九、新旧政策对比\n\n[^\n]*\n/, '');
    assert.deepEqual(missing(text), ['新旧政策差异']);
    assert.deepEqual(missing(text + '\n本办法为我市首次制定。\n'), []);
  });

  it('options: elements chooses, synonyms extend, and custom elements can be required', () => {
    const text = '---\n标题: 《海口市市级储备粮管理办法》解读\n---\n\n# 《海口市市级储备粮管理办法》解读\n\n## 一、立法沿革\n\n## 二、联系方式\n';
    assert.deepEqual(missing(text, 'draft.md', { elements: ['背景依据', '解读机关'] }), ['背景依据', '解读机关']);
    assert.deepEqual(missing(text, 'draft.md', { elements: ['背景依据', '解读机关'], synonyms: { 背景依据: ['沿革'], 解读机关: ['联系方式'] } }), []);
  });

  it('stays quiet on drafts that are not interpretations (the real 广州 解读工作实施办法 is a policy)', () => {
    const notice = fs.readFileSync(path.resolve(__dirname, '../../fixtures/real-notices/10-guangzhou-2017-jiedu-banfa.txt'), 'utf8');
    assert.deepEqual(missing(notice, '10-guangzhou-2017-jiedu-banfa.txt'), []);
    assert.deepEqual(missing(read('in-sync/海口市市级储备粮管理办法.md')), []);
  });

  it('the fix appends heading skeletons in order, at the section depth; fixing twice changes nothing', () => {
    const text = read('late/老旧小区改造资金管理办法解读.md');
    const fixed = fixAll(text, 'late.md');
    assert.equal(fixed, text + '\n## 目标任务\n\n## 适用范围\n\n## 执行标准\n\n## 注意事项\n\n## 关键词诠释\n\n## 惠民举措\n\n## 新旧政策差异\n');
    assert.equal(fixAll(fixed, 'late.md'), fixed);
    assert.deepEqual(missing(fixed), []);
  });

  it('the one message carries one fix that inserts every missing element', () => {
    const text = read('late/老旧小区改造资金管理办法解读.md');
    const fixes = lintWith(ID, text).map((m) => m.fix!);
    assert.ok(fixes.every((f) => f.range[0] === text.length && f.range[1] === text.length));
    const all = text + fixes.map((f) => f.text).join('');
    assert.equal(all, fixAll(text, 'late.md'));
  });

  it('plain text: continues the 一、二、 numbering, with the file’s line endings', () => {
    const text = '关于《海口市市级储备粮管理办法》的解读\r\n\r\n一、出台背景\r\n二、主要内容\r\n三、适用范围\r\n四、执行标准\r\n五、注意事项\r\n六、名词解释\r\n七、惠企利民举措\r\n八、工作目标';
    assert.equal(fixAll(text, 'a.txt'), text + '\r\n\r\n九、新旧政策差异\r\n');
  });
});
