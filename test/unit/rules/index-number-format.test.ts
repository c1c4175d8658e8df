import * as assert from 'node:assert/strict';
import { lintWith, fixWith, spanOf } from '../../helpers/lint';
import { lintText, getRule } from '../../../src/core';
import { isValidOrgCode, isValidCreditCode, orgCodeCheckChar, creditCodeCheckChar } from '../../../src/core/util/org-code';
import { parseIndexNumber } from '../../../src/core/util/index-number';
import { NOTICES, SEED, notice, saved } from '../../helpers/fixtures';

const ID = 'index-number-format';
const fm = (v: string) => `---\n标题: 海口市2019年政务公开工作要点\n索引号: ${v}\n---\n\n# 海口市2019年政务公开工作要点\n`;

describe('index-number-format', () => {
  describe('check characters (verified on real codes before being enforced)', () => {
    it('GB 11714: the seed’s 00817804-9, the real 00819544-7 and 中国政府网’s 00001434-9 pass', () => {
      for (const c of ['00817804-9', '00819544-7', '00001434-9', '000014349']) assert.ok(isValidOrgCode(c), c);
      assert.equal(orgCodeCheckChar('00817804'), '9');
      for (const c of ['00817804-8', '00819544-9', '0081780-49', '00817804-']) assert.ok(!isValidOrgCode(c), c);
    });

    it('GB 32100: the real 11341702486344515H passes; any changed character fails', () => {
      assert.ok(isValidCreditCode('11341702486344515H'));
      assert.equal(creditCodeCheckChar('11341702486344515'), 'H');
      assert.ok(!isValidCreditCode('11341702486344515A'));
      assert.ok(!isValidCreditCode('11341702486344516H'));
      assert.ok(!isValidCreditCode('1134170248634451IH'), 'I is not in the character set');
    });
  });

  describe('the seed and real notices', () => {
    it('the seed’s 00817804-9/2019-13123 stays quiet (also with CRLF)', () => {
      assert.deepEqual(lintWith(ID, SEED, { filename: 'seed.txt' }), []);
      assert.deepEqual(lintWith(ID, SEED.replace(/\n/g, '\r\n'), { filename: 'seed.txt' }), []);
    });

    for (const name of NOTICES) {
      it(`${name}: no internal error; saved pages stay quiet`, () => {
        for (const text of [notice(name), saved(notice(name))]) {
          const { messages } = lintText(text, name, { rules: [getRule(ID)!, getRule('internal-error')!] });
          assert.deepEqual(messages.filter((m) => m.ruleId === 'internal-error'), []);
        }
        assert.deepEqual(lintWith(ID, saved(notice(name)), { filename: name }), []);
      });
    }

    it('03: a re-catalogued item (索引号 year 2023, 发文日期 2016) is not reported', () => {
      const text = saved(notice('03-haikou-2015-annual-report-oldformat.txt'));
      assert.match(text, /00817804-9\/2023-08749/);
      assert.match(text, /发文日期: 2016年/);
      assert.deepEqual(lintWith(ID, text, { filename: 'n.txt' }), []);
    });

    it('a 索引号 in body text or a table (11’s “索引号 | …/202110-00013 |”) is not checked', () => {
      assert.deepEqual(lintWith(ID, '# 目录\n\n| 索引号 | 00817804-8/2019-1 |\n|---|---|\n\n索引号：00817804-8/19-1\n'), []);
    });
  });

  describe('problems', () => {
    it('wrong GB 11714 check character: reported on the organisation code, no fix', () => {
      const text = fm('00817804-8/2019-13123');
      const msgs = lintWith(ID, text);
      assert.equal(msgs.length, 1);
      assert.equal(spanOf(text, msgs[0]), '00817804-8');
      assert.match(msgs[0].message, /按GB 11714应为“9”/);
      assert.equal(msgs[0].fix, undefined);
    });

    it('wrong GB 32100 check character', () => {
      const text = fm('11341702486344515A/2021-00013');
      const [m] = lintWith(ID, text);
      assert.equal(spanOf(text, m), '11341702486344515A');
      assert.match(m.message, /按GB 32100应为“H”/);
    });

    it('implausible year: reported on the year', () => {
      for (const y of ['1985', '2099']) {
        const text = fm(`00817804-9/${y}-13123`);
        const [m] = lintWith(ID, text);
        assert.equal(spanOf(text, m), y);
      }
      assert.deepEqual(lintWith(ID, fm('00817804-9/1990-1')), []);
      assert.equal(lintWith(ID, fm('00817804-9/2019-1'), { options: { maxYear: 2018 } }).length, 1);
      assert.deepEqual(lintWith(ID, fm('00817804-9/1985-1'), { options: { minYear: 1980 } }), []);
    });

    it('wrong shape or code length', () => {
      for (const v of ['00817804-9/13123', '00817804-9-2019-13123', '00817804-9/2019', '海口市政府/2019-1', '00817804-9/201913-1']) {
        const text = fm(v);
        const msgs = lintWith(ID, text);
        assert.equal(msgs.length, 1, v);
        assert.equal(spanOf(text, msgs[0]), v);
      }
      const text = fm('0081780-9/2019-13123');
      const [m] = lintWith(ID, text);
      assert.equal(spanOf(text, m), '0081780-9');
      assert.match(m.message, /9位组织机构代码.*18位统一社会信用代码/);
    });

    it('full-width characters, spaces and lower case: normalised by the fix (idempotent)', () => {
      const text = fm('００８１７８０４－９／２０１９－１３１２３');
      const fixed = fixWith(ID, text);
      assert.equal(fixed, fm('00817804-9/2019-13123'));
      assert.equal(fixWith(ID, fixed), fixed);
      assert.equal(fixWith(ID, fm('11341702486344515h / 2021 — 00013')), fm('11341702486344515H/2021-00013'));
    });

    it('a quoted YAML value keeps its quotes', () => {
      const text = fm('"00817804-9 /2019-13123"');
      const [m] = lintWith(ID, text);
      assert.equal(spanOf(text, m), '00817804-9 /2019-13123');
      assert.equal(fixWith(ID, text), fm('"00817804-9/2019-13123"'));
    });

    it('catalogue header (.txt): exact range', () => {
      // A plain-text draft (zwgk's 文档类型 key): a saved portal page's 索引号 is the portal's and not checked.
      const text = '索 引 号: 00817804-8/2019-13123 分类: 规划计划\n发布机构: 市政府办公室\n文档类型: 其他\n\n正文。\n';
      assert.deepEqual(lintWith(ID, text.replace('文档类型: 其他\n', ''), { filename: 'n.txt' }), []);
      const [m] = lintWith(ID, text, { filename: 'n.txt' });
      assert.equal(spanOf(text, m), '00817804-8');
      assert.deepEqual([m.line, m.column], [1, 8]);
    });

    it('portal variants are quiet by default and reported with `strict`', () => {
      for (const v of ['000014349/2016-00176', '11341702486344515H/202110-00013']) {
        assert.deepEqual(lintWith(ID, fm(v)), [], v);
        assert.equal(lintWith(ID, fm(v), { options: { strict: true } }).length, 1, v);
      }
      assert.equal(fixWith(ID, fm('000014349/2016-00176'), { options: { strict: true } }), fm('00001434-9/2016-00176'));
      assert.equal(lintWith(ID, fm('11341702486344515H/202113-00013')).length, 1, 'month 13 is not a year-and-month');
    });

    it('empty or absent 索引号 is metadata-required’s business', () => {
      assert.deepEqual(lintWith(ID, fm('')), []);
      assert.deepEqual(lintWith(ID, '# 海口市2019年政务公开工作要点\n'), []);
    });
  });

  it('parseIndexNumber gives the parts', () => {
    const p = parseIndexNumber('00817804-9/2019-13123', { min: 1990, max: 2030 });
    assert.deepEqual([p.org, p.orgKind, p.year, p.serial, p.problems], ['00817804-9', 'org-code', 2019, '13123', []]);
  });
});
