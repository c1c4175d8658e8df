import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ZwgkDocument } from '../../../src/core';
import { lintWith, fixWith, spanOf } from '../../helpers/lint';

const ID = 'personal-phone';
const FIX = path.resolve(__dirname, '../../fixtures');
const seed = fs.readFileSync(path.join(FIX, 'seed/haikou-2019-zwgk-yaodian.txt'), 'utf8');
const notices = fs.readdirSync(path.join(FIX, 'real-notices')).filter((f) => f.endsWith('.txt'));

const spans = (text: string, filename?: string) => lintWith(ID, text, { filename }).map((m) => spanOf(text, m));

describe('personal-phone', () => {
  describe('stays quiet on real text', () => {
    it('the seed, including its footer of landlines, 12345 and 举报电话', () => {
      assert.deepEqual(lintWith(ID, seed, { filename: 'seed.txt' }), []);
    });
    it('the seed as Markdown too', () => {
      assert.deepEqual(lintWith(ID, seed, { filename: 'seed.md' }), []);
    });
    for (const f of notices) {
      it(`real notice ${f}`, () => {
        const text = fs.readFileSync(path.join(FIX, 'real-notices', f), 'utf8');
        assert.deepEqual(lintWith(ID, text, { filename: f }).map((m) => m.message), []);
      });
    }
  });

  describe('fires', () => {
    it('a plain mobile number: exact range, masked message, error, fix', () => {
      const text = '联系人：王某某，电话13812345678。';
      const [m, ...rest] = lintWith(ID, text);
      assert.equal(rest.length, 0);
      assert.equal(spanOf(text, m), '13812345678');
      assert.equal(m.severity, 'error');
      assert.ok(!m.message.includes('13812345678'));
      assert.ok(m.message.includes('138****5678'));
      assert.equal(m.fix?.text, '138****5678');
    });
    it('prefixes and separators; the range excludes the +86 prefix', () => {
      assert.deepEqual(spans('手机 +8613812345678'), ['13812345678']);
      assert.deepEqual(spans('手机 +86 138 1234 5678'), ['138 1234 5678']);
      assert.deepEqual(spans('手机 8613812345678'), ['13812345678']);
      assert.deepEqual(spans('手机 0086-13812345678'), ['13812345678']);
      assert.deepEqual(spans('手机 138-1234-5678'), ['138-1234-5678']);
      assert.deepEqual(spans('手机 １３８１２３４５６７８'), ['１３８１２３４５６７８']);
      assert.deepEqual(spans('手机13812345678/13987654321'), ['13812345678', '13987654321']);
      assert.deepEqual(spans('手机：13812345678，13987654321'), ['13812345678', '13987654321']);
    });
    it('every mobile prefix 13–19', () => {
      for (const p of ['13', '14', '15', '16', '17', '18', '19']) assert.equal(lintWith(ID, `电话 ${p}912345678`).length, 1, p);
    });
    it('a mobile after a landline on the same line (two numbers, one personal)', () => {
      assert.deepEqual(spans('联系电话：0898-68725613 13812345678'), ['13812345678']);
    });
    it('label rules: the nearest label decides; 举报人 is a person, not a channel', () => {
      assert.deepEqual(spans('监督电话：0898-12345，联系人手机：13812345678'), ['13812345678']);
      assert.deepEqual(spans('举报人联系电话：13812345678'), ['13812345678']);
      assert.deepEqual(spans('咨询电话：13812345678（王老师）'), ['13812345678']);
    });
    it('Markdown tables and plain-text tables', () => {
      const md = '| 序号 | 户主 | 联系电话 |\n|---|---|---|\n| 1 | 王某某 | 13812345678 |\n| 2 | 李某某 | 139-8765-4321 |\n';
      assert.deepEqual(spans(md), ['13812345678', '139-8765-4321']);
      const txt = '序号\t户主\t联系电话\n1\t王某某\t13812345678\n';
      assert.deepEqual(spans(txt, 'a.txt'), ['13812345678']);
    });
    it('metadata values: a phone in front matter and in a catalogue header', () => {
      const text = '---\n标题: 关于某某的公示\n联系电话: 13812345678\n---\n\n正文\n';
      assert.deepEqual(spans(text), ['13812345678']);
      assert.deepEqual(spans('---\n标题: 某某公示\n监督电话: 13812345678\n---\n\n正文\n'), []);
    });
    it('exact ranges after astral characters, with CRLF, in .txt and .md', () => {
      const text = '𠮷某某\r\n𠮷𠮷 电话：13812345678\r\n';
      for (const f of ['a.md', 'a.txt']) {
        const [m] = lintWith(ID, text, { filename: f });
        assert.equal(spanOf(text, m), '13812345678', f);
        assert.deepEqual([m.line, m.column, m.endColumn], [2, 9, 20]);
        assert.equal(fixWith(ID, text, { filename: f }), '𠮷某某\r\n𠮷𠮷 电话：138****5678\r\n');
      }
    });
  });

  describe('stays quiet', () => {
    it('landlines, hotlines, short numbers', () => {
      for (const s of ['0898-68725613', '(0898)68710000', '（0898）68710000', '0898 68725613', '12345', '0898-12345', '010-12345678', '68725613', '400-800-1234', '95588']) {
        assert.deepEqual(spans(`联系电话：${s}`), [], s);
      }
    });
    it('masked numbers, also with escaped asterisks and several in one Markdown paragraph', () => {
      for (const s of ['138****5678', '138 **** 5678', '138-****-5678', '138xxxx5678', '138\\*\\*\\*\\*5678', '138＊＊＊＊5678', '1381234****']) {
        assert.deepEqual(spans(`电话：${s}`), [], s);
      }
      // Two masks in one paragraph parse as strong emphasis, yet the raw text is still recognised as masked.
      const text = '王某某 138****5678，李某某 139****4321。\n';
      assert.equal(new ZwgkDocument(text, 'a.md').tree.children[0].type, 'paragraph');
      assert.deepEqual(spans(text), []);
    });
    it('11 digits inside longer runs: ID numbers, bank cards, serials, decimals', () => {
      assert.deepEqual(spans('身份证号：460113912345678123'), []);
      assert.deepEqual(spans('账号：6222021381234567890'), []);
      assert.deepEqual(spans('编号 2019-13812345678'), []);
      assert.deepEqual(spans('金额 0.13812345678 万元'), []);
      assert.deepEqual(spans('金额 13812345678.5 元'), []);
      assert.deepEqual(spans('流水号 138123456789'), []);
    });
    it('numbers labelled 监督电话/投诉电话/举报电话 (same line or column header)', () => {
      assert.deepEqual(spans('监督电话：13812345678'), []);
      assert.deepEqual(spans('投诉举报电话：0898-12345、13812345678'), []);
      assert.deepEqual(spans('市扶贫办监督举报电话 13907561234'), []);
      assert.deepEqual(spans('| 单位 | 监督电话 |\n|---|---|\n| 某某镇 | 13907561234 |\n'), []);
    });
    it('option quietLabels replaces the list', () => {
      assert.equal(lintWith(ID, '监督电话：13812345678', { options: { quietLabels: ['值班电话'] } }).length, 1);
      assert.equal(lintWith(ID, '值班电话：13812345678', { options: { quietLabels: ['值班电话'] } }).length, 0);
    });
    it('11-digit amounts, counts and serial numbers (unit after, label before, column header)', () => {
      for (const s of [
        '全年一般公共预算支出15623456789元。', '预算安排 15623456789 万元', '访问量达15812345678人次', '收到申请共计13812345678件',
        '涉及13812345678户', '增长率13812345678%', '订单号：13812345678', '发票号码13812345678', '合同编号 13812345678',
        '全市常住人口（2025年）：人数 19912345678？', '人民币￥13812345678',
      ]) assert.deepEqual(spans(s), [], s);
      assert.deepEqual(spans('| 项目 | 预算金额（元） |\n|---|---|\n| 城乡低保 | 18560000000 |\n| 道路 | 13512345678 |\n'), []);
      assert.deepEqual(spans('项目\t申请件数\n政府信息公开\t13812345678\n', 'a.txt'), []);
      assert.deepEqual(spans('---\n标题: 某某预算\n预算总额: 15623456789\n---\n\n正文\n'), []);
    });
    it('still fires on phones near amounts: the phone label is nearer, or the amount is in another clause', () => {
      assert.deepEqual(spans('补助金额2400元，联系电话13812345678'), ['13812345678']);
      assert.deepEqual(spans('补助资金3000元，李某某13987654321，王某某13812345678'), ['13987654321', '13812345678']);
      assert.deepEqual(spans('手机号码13812345678'), ['13812345678']);
      assert.deepEqual(spans('电话号码：13812345678（人民路店）'), ['13812345678']);
      assert.deepEqual(spans('| 户主 | 补助金额（元） | 联系电话 |\n|---|---|---|\n| 王某某 | 2400 | 13812345678 |\n'), ['13812345678']);
      assert.deepEqual(spans('| 金额 |\n|---|\n| 联系电话13812345678 |\n'), ['13812345678']);
    });
    it('URLs and e-mail addresses', () => {
      assert.deepEqual(spans('详见 http://www.haikou.gov.cn/xxgk/13812345678.shtml', 'a.txt'), []);
      assert.deepEqual(spans('详见 <http://www.haikou.gov.cn/13812345678>'), []);
    });
  });

  describe('fixes', () => {
    it('never touch an amount, a count or an order number', () => {
      const text = '全年一般公共预算支出15623456789元，订单号：13812345678。\n\n| 项目 | 预算金额（元） |\n|---|---|\n| 城乡低保 | 18560000000 |\n';
      assert.equal(fixWith(ID, text), text);
      assert.equal(fixWith(ID, text, { filename: 'a.txt' }), text);
    });
    it('keep the separators and are idempotent', () => {
      const text = '| 户主 | 电话 |\n|---|---|\n| 王某某 | 138 1234 5678 |\n| 李某某 | +86-139-8765-4321 |\n';
      const once = fixWith(ID, text);
      assert.equal(once, '| 户主 | 电话 |\n|---|---|\n| 王某某 | 138 **** 5678 |\n| 李某某 | +86-139-****-4321 |\n');
      assert.equal(fixWith(ID, once), once);
    });
    it('escape asterisks when two numbers share a Markdown paragraph; the result renders as written', () => {
      const text = '王某某 13812345678，李某某 13987654321。\n';
      const fixed = fixWith(ID, text);
      assert.equal(fixed, '王某某 138\\*\\*\\*\\*5678，李某某 139\\*\\*\\*\\*4321。\n');
      const para = new ZwgkDocument(fixed, 'a.md').tree.children[0] as any;
      assert.deepEqual(para.children.map((c: any) => c.value), ['王某某 138****5678，李某某 139****4321。']);
      assert.deepEqual(lintWith(ID, fixed), []);
      assert.equal(fixWith(ID, fixed), fixed);
    });
    it('escape when the paragraph already holds asterisks; a lone number gets plain stars', () => {
      assert.equal(fixWith(ID, '**联系人**：13812345678\n'), '**联系人**：138\\*\\*\\*\\*5678\n');
      assert.equal(fixWith(ID, '联系人：13812345678\n'), '联系人：138****5678\n');
      assert.equal(fixWith(ID, '王某某 13812345678，李某某 13987654321。\n', { filename: 'a.txt' }), '王某某 138****5678，李某某 139****4321。\n');
    });
  });
});
