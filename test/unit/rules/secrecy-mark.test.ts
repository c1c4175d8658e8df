import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintWith, spanOf } from '../../helpers/lint';

const ID = 'secrecy-mark';
const FIX = path.resolve(__dirname, '../../fixtures');
const seed = fs.readFileSync(path.join(FIX, 'seed/haikou-2019-zwgk-yaodian.txt'), 'utf8');
const notices = fs.readdirSync(path.join(FIX, 'real-notices')).filter((f) => f.endsWith('.txt'));

const ACTIVE = '---\n标题: 某某通知\n公开属性: 主动公开\n---\n\n';
const marks = (text: string, filename?: string) => lintWith(ID, text, { filename }).map((m) => spanOf(text, m));

describe('secrecy-mark', () => {
  describe('stays quiet on real text marked 主动公开', () => {
    it('the seed (保密要求, 依法应当保密的 …) with （此件主动公开）', () => {
      assert.deepEqual(lintWith(ID, seed + '\n（此件主动公开）\n', { filename: 'seed.txt' }), []);
    });
    for (const f of notices) {
      it(`real notice ${f} (国家秘密、商业秘密 in prose)`, () => {
        const text = fs.readFileSync(path.join(FIX, 'real-notices', f), 'utf8') + '\n（此件公开发布）\n';
        assert.deepEqual(lintWith(ID, text, { filename: f }).map((m) => m.message), []);
      });
    }
    it('the text of 条例 第十四条 and common prose', () => {
      const text = ACTIVE + '依法确定为国家秘密的政府信息，法律、行政法规禁止公开的政府信息，不予公开。\n\n' +
        '涉及商业秘密、个人隐私等公开会对第三方合法权益造成损害的政府信息，行政机关不得公开。\n\n' +
        '加强数据机密性保护，严守工作秘密，保守国家秘密。除依法应当保密的外，要主动向社会公布决策草案。\n\n' +
        '本单位内部资料管理制度另行制定。\n\n内部资料管理办法\n';
      assert.deepEqual(marks(text), []);
    });
  });

  describe('fires in a 主动公开 document', () => {
    it('秘密★1年 at the top: exact range, error, 第十四条', () => {
      const text = ACTIVE + '秘密★1年\n\n# 某某通知\n';
      const [m, ...rest] = lintWith(ID, text);
      assert.equal(rest.length, 0);
      assert.equal(spanOf(text, m), '秘密★1年');
      assert.equal(m.severity, 'error');
      assert.equal(m.clause.id, '条例 第十四条');
      assert.equal(m.fix, undefined);
      assert.match(m.message, /秘密★1年.*主动公开/);
    });
    it('the star forms: 机密★, 绝密★长期, 秘 密★10年, 机密 ★ 6个月, inside bold', () => {
      assert.deepEqual(marks(ACTIVE + '机密★\n'), ['机密★']);
      assert.deepEqual(marks(ACTIVE + '绝密★长期\n'), ['绝密★长期']);
      assert.deepEqual(marks(ACTIVE + '秘　密★10年\n'), ['秘　密★10年']);
      assert.deepEqual(marks(ACTIVE + '机密 ★ 6个月\n'), ['机密 ★ 6个月']);
      assert.deepEqual(marks(ACTIVE + '**机密★1年**\n'), ['机密★1年']);
      assert.deepEqual(marks(ACTIVE + '000123\u3000秘密★1年\u3000特急\n'), ['秘密★1年']);
      assert.deepEqual(marks(ACTIVE + '> 份号：000123 机密★\n'), ['机密★']);
    });
    it('a level alone on its line, and 密级：…', () => {
      assert.deepEqual(marks(ACTIVE + '机密\n\n# 某某方案\n'), ['机密']);
      assert.deepEqual(marks(ACTIVE + '【秘密】\n\n# 某某方案\n'), ['秘密']);
      assert.deepEqual(marks('秘 密\n某某方案\n（此件主动公开）\n', 'a.txt'), ['秘 密']);
      assert.deepEqual(marks(ACTIVE + '密级：秘密　　份号：000123\n'), ['密级：秘密']);
      assert.deepEqual(marks(ACTIVE + '份号：000123　密级：机密★5年\n'), ['密级：机密★5年']);
    });
    it('内部资料 marks', () => {
      assert.deepEqual(marks(ACTIVE + '内部资料 注意保存\n'), ['内部资料 注意保存']);
      assert.deepEqual(marks(ACTIVE + '内部文件，请勿外传\n'), ['内部文件，请勿外传']);
      assert.deepEqual(marks(ACTIVE + '# 政策汇编（内部资料）\n'), ['（内部资料）']);
      assert.deepEqual(marks(ACTIVE + '内部资料\n\n# 汇编\n'), ['内部资料']);
      const [m] = lintWith(ID, ACTIVE + '内部资料 注意保存\n');
      assert.equal(m.clause.id, '条例 第十六条');
    });
    it('the 主动公开 note in the body (plain text, CRLF) instead of metadata', () => {
      const text = '机密★1年\r\n海口市某某通知\r\n……\r\n（此件主动公开）\r\n';
      const [m] = lintWith(ID, text, { filename: 'a.txt' });
      assert.equal(spanOf(text, m), '机密★1年');
      assert.match(m.message, /此件主动公开/);
    });
    it('a 密级 metadata field and a catalogue header', () => {
      const text = '---\n标题: 某某通知\n公开属性: 主动公开\n密级: 机密\n---\n\n正文\n';
      assert.deepEqual(marks(text), ['机密']);
      const header = '索 引 号: 00817804-9/2019-13123 分类: 规划计划\n公开属性: 主动公开\n\n𠮷𠮷\n（秘密★）𠮷\n';
      const [m] = lintWith(ID, header, { filename: 'a.txt' });
      assert.equal(spanOf(header, m), '秘密★');
    });
  });

  describe('stays quiet', () => {
    it('when the document is not 主动公开 or does not say', () => {
      assert.deepEqual(marks('---\n公开属性: 依申请公开\n---\n\n秘密★1年\n'), []);
      assert.deepEqual(marks('---\n公开属性: 不予公开\n不予公开理由: 国家秘密\n---\n\n机密★\n'), []);
      assert.deepEqual(marks('秘密★1年\n\n# 某某报告\n'), []);
      assert.deepEqual(marks('机密★\n某某\n（此件依申请公开）\n', 'a.txt'), []);
    });
    it('marks quoted in prose, levels in a table, levels in a list', () => {
      assert.deepEqual(marks(ACTIVE + '凡标注“秘密★”“机密★1年”字样的文件一律不得上网。\n'), []);
      assert.deepEqual(marks(ACTIVE + '| 密级 | 期限 |\n|---|---|\n| 绝密 | 30年 |\n| 秘密 | 10年 |\n'), []);
      assert.deepEqual(marks('密级 期限\n绝密 30年\n机密 20年\n秘密|10年\n（此件主动公开）\n', 'a.txt'), []);
      assert.deepEqual(marks(ACTIVE + '国家秘密的密级分为绝密、机密、秘密三级。\n'), []);
      assert.deepEqual(marks(ACTIVE + '- 秘密级事项\n- 机密性要求\n'), []);
      assert.deepEqual(marks(ACTIVE + '文件标注秘密★后仍在网上公开。密级分绝密/机密/秘密★三种标志。\n'), []);
    });
  });
});
