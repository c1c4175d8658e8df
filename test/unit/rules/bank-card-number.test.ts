import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintWith, fixWith, spanOf } from '../../helpers/lint';
import { luhnValid } from '../../../src/core/util/privacy';

const ID = 'bank-card-number';
const FIX = path.resolve(__dirname, '../../fixtures');
const seed = fs.readFileSync(path.join(FIX, 'seed/haikou-2019-zwgk-yaodian.txt'), 'utf8');
const notices = fs.readdirSync(path.join(FIX, 'real-notices')).filter((f) => f.endsWith('.txt'));

const spans = (text: string, opts: { filename?: string; options?: Record<string, unknown> } = {}) =>
  lintWith(ID, text, opts).map((m) => spanOf(text, m));

// Luhn-valid numbers: card-like (issuer prefixes 62, 4, 955) and not card-like (prefix 10, 20, 91).
const CARD19 = '6222021234567890128';
const CARD16 = '6225880123456783';
const VISA = '4367420123456781';
const NON_IIN = '1000123456789012346';
const SERIAL = '2019046010000123458';
const CREDIT = '914601007358123404';
const ID_LUHN = '460100198503121128'; // a valid 身份证号 that also passes Luhn

describe('bank-card-number', () => {
  it('Luhn check (textbook examples)', () => {
    assert.ok(luhnValid('79927398713'));
    assert.ok(luhnValid('4111111111111111'));
    assert.ok(!luhnValid('4111111111111112'));
    for (const n of [CARD19, CARD16, VISA, NON_IIN, SERIAL, CREDIT, ID_LUHN]) assert.ok(luhnValid(n), n);
  });

  describe('stays quiet on real text', () => {
    it('the seed', () => assert.deepEqual(lintWith(ID, seed, { filename: 'seed.txt' }), []));
    for (const f of notices) {
      it(`real notice ${f}`, () => {
        const text = fs.readFileSync(path.join(FIX, 'real-notices', f), 'utf8');
        assert.deepEqual(lintWith(ID, text, { filename: f }).map((m) => m.message), []);
      });
    }
  });

  describe('fires', () => {
    it('exact range, masked message, error, fix', () => {
      const text = `王某某，银行卡号${CARD19}，补助1200元。`;
      const [m, ...rest] = lintWith(ID, text);
      assert.equal(rest.length, 0);
      assert.equal(spanOf(text, m), CARD19);
      assert.equal(m.severity, 'error');
      assert.ok(!m.message.includes(CARD19));
      assert.ok(m.message.includes('6222***********0128'));
      assert.equal(m.fix?.text, '6222***********0128');
    });
    it('16–19 digits, grouped by spaces in fours', () => {
      assert.deepEqual(spans(`卡号 ${CARD16}`), [CARD16]);
      assert.deepEqual(spans('卡号 6225 8801 2345 6783'), ['6225 8801 2345 6783']);
      assert.deepEqual(spans('卡号 6222 0212 3456 7890 128'), ['6222 0212 3456 7890 128']);
    });
    it('unlabelled: fires only with a card issuer prefix', () => {
      assert.deepEqual(spans(`转入 ${CARD19}`), [CARD19]);
      assert.deepEqual(spans(`转入 ${VISA}`), [VISA]);
      assert.deepEqual(spans(`转入 ${NON_IIN}`), []);
      assert.deepEqual(spans(`转入 ${SERIAL}`), []);
    });
    it('labelled (same line, column header, metadata key): fires whatever the prefix', () => {
      assert.deepEqual(spans(`存折账号：${NON_IIN}`), [NON_IIN]);
      assert.deepEqual(spans(`| 户主 | 开户银行 | 账号 |\n|---|---|---|\n| 王某某 | 农村信用社 | ${NON_IIN} |\n`), [NON_IIN]);
      assert.deepEqual(spans(`户名 开户行 账号\n王某某 农信社 ${NON_IIN}\n`, { filename: 'a.txt' }), [NON_IIN]);
      assert.deepEqual(spans(`---\n标题: 补助发放\n收款账号: ${NON_IIN}\n---\n\n正文\n`), [NON_IIN]);
    });
    it('option requireLabel: unlabelled numbers stay quiet, labelled ones still fire', () => {
      const options = { requireLabel: true };
      assert.deepEqual(spans(`转入 ${CARD19}`, { options }), []);
      assert.deepEqual(spans(`一卡通账号 ${CARD19}`, { options }), [CARD19]);
    });
    it('exact ranges after astral characters and with CRLF', () => {
      const text = `𠮷某某\r\n账号：𠮷 ${CARD19}\r\n`;
      for (const f of ['a.md', 'a.txt']) {
        const [m] = lintWith(ID, text, { filename: f });
        assert.equal(spanOf(text, m), CARD19, f);
        assert.equal(fixWith(ID, text, { filename: f }), '𠮷某某\r\n账号：𠮷 6222***********0128\r\n');
      }
    });
  });

  describe('stays quiet', () => {
    it('numbers failing Luhn, even labelled', () => {
      assert.deepEqual(spans('银行卡号：6222021234567890123'), []);
    });
    it('统一社会信用代码, 索引号, 编号, 流水号 — labelled identifiers', () => {
      assert.deepEqual(spans(`统一社会信用代码：${CREDIT}`), []);
      assert.deepEqual(spans(`| 单位名称 | 统一社会信用代码 |\n|---|---|\n| 某某公司 | ${CREDIT} |\n`), []);
      assert.deepEqual(spans(`项目编号：${CARD19}`), []);
      assert.deepEqual(spans(`银行交易流水号：${CARD19}`), []);
      assert.deepEqual(spans(`索 引 号: ${CARD19}/2019-13123 分类: 规划计划\n\n正文`, { filename: 'a.txt' }), []);
      assert.deepEqual(spans(`统一社会信用代码 ${CREDIT}`), []);
      assert.deepEqual(spans(`中标单位 ${CREDIT}`), [], 'a 91… credit code has no card prefix');
    });
    it('ID numbers (even those passing Luhn), masked numbers, dates, amounts, longer runs', () => {
      assert.deepEqual(spans(`身份证号：${ID_LUHN}`), []);
      assert.deepEqual(spans(`王某某 ${ID_LUHN}`), []);
      for (const s of ['6222***********0128', '6222 **** **** ***8 128', '622202******0128', '6222\\*\\*\\*\\*\\*\\*\\*\\*\\*\\*\\*0128']) assert.deepEqual(spans(`账号：${s}`), [], s);
      assert.deepEqual(spans('2019年6月24日 20190624'), []);
      assert.deepEqual(spans(`拨付 ${CARD16}.00 元`), []);
      assert.deepEqual(spans(`账号 ${CARD19}1`), []);
      assert.deepEqual(spans(`编码 A${CARD19}`), []);
    });
    it('URLs', () => {
      assert.deepEqual(spans(`见 http://www.haikou.gov.cn/${CARD19}.shtml`, { filename: 'a.txt' }), []);
    });
  });

  describe('fixes', () => {
    it('keep grouping, honour keepStart/keepEnd, are idempotent', () => {
      const text = `| 户主 | 账号 |\n|---|---|\n| 王某某 | 6222 0212 3456 7890 128 |\n| 李某某 | ${CARD16} |\n`;
      const once = fixWith(ID, text);
      assert.equal(once, '| 户主 | 账号 |\n|---|---|\n| 王某某 | 6222 **** **** ***0 128 |\n| 李某某 | 6225********6783 |\n');
      assert.equal(fixWith(ID, once), once);
      assert.equal(fixWith(ID, `账号：${CARD19}`, { options: { keepStart: 6 } }), '账号：622202*********0128');
    });
  });
});
