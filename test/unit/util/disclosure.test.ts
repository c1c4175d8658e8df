/**
 * One 主动公开 detector (util/disclosure) for metadata-required, secrecy-mark and
 * proactive-disclosure-deadline: metadata wins over the 附注, the 附注 is read in traditional characters
 * too, a saved portal page implies 主动公开, and a contradiction is metadata-required's message only.
 */
import * as assert from 'node:assert/strict';
import { ZwgkDocument } from '../../../src/core';
import { disclosureOf, isProactive } from '../../../src/core/util/disclosure';
import { lintWith } from '../../helpers/lint';

const draft = (meta: string, note: string) =>
  `---\n标题: 关于X的通知\n发布机构: 海口市某局\n成文日期: 2026-02-02\n发布日期: 2026-04-20\n${meta}---\n\n秘密★1年\n\n# 关于X的通知\n\n正文。\n\n海口市某局\n\n2026年2月2日\n\n${note}\n`;
const RULES = ['metadata-required', 'secrecy-mark', 'proactive-disclosure-deadline'];
const fired = (text: string, filename = 'x.md') => RULES.filter((id) => lintWith(id, text, { filename }).length > 0);

describe('util/disclosure: one 公开属性 for every rule', () => {
  it('metadata 依申请公开 with the 附注 （此件主动公开）: the metadata wins; only metadata-required names the contradiction', () => {
    const text = draft('公开属性: 依申请公开\n', '（此件主动公开）');
    const d = disclosureOf(new ZwgkDocument(text, 'x.md'))!;
    assert.deepEqual([d.value, d.from], ['依申请公开', 'metadata']);
    assert.deepEqual(fired(text), ['metadata-required']);
    assert.match(lintWith('metadata-required', text)[0].message, /与附注“（此件主动公开）”不一致/);
  });

  it('the 附注 alone (also in traditional characters) makes it 主动公开 for all three rules', () => {
    for (const note of ['（此件主动公开）', '(此件公开发布)', '（此件主動公開）']) {
      const text = draft('', note);
      assert.equal(isProactive(new ZwgkDocument(text, 'x.md')), true, note);
      // metadata-required: 索引号 missing; secrecy-mark: the mark; proactive: 2026-02-02 → 04-20 is late.
      assert.deepEqual(fired(text), RULES, note);
      assert.match(lintWith('secrecy-mark', text)[0].message, /附注为“/);
    }
  });

  it('a 附注 inside a code block is not a 附注', () => {
    const text = draft('', '```\n（此件主动公开）\n```');
    assert.equal(disclosureOf(new ZwgkDocument(text, 'x.md')), undefined);
    assert.deepEqual(fired(text).filter((id) => id !== 'metadata-required'), []);
  });

  it('a saved portal page (catalogue header) is 主动公开; front matter without 公开属性 is not', () => {
    const page = '索 引 号: 00817804-9/2026-00012 分类: 通知公告\n发布机构: 市政府办公室 发文日期: 2026-04-20\n名  称: 关于X的通知\n\n秘密★1年\n\n关于X的通知\n\n正文。\n\n2026年2月2日\n';
    const d = disclosureOf(new ZwgkDocument(page, 'p.txt'))!;
    assert.deepEqual([d.value, d.from, d.why], ['主动公开', 'portal', '门户网站目录页面即为主动公开']);
    assert.deepEqual(fired(page, 'p.txt'), ['secrecy-mark', 'proactive-disclosure-deadline']);
    assert.equal(disclosureOf(new ZwgkDocument(draft('', ''), 'x.md')), undefined);
  });
});
