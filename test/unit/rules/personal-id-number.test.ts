import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ZwgkDocument } from '../../../src/core';
import { lintWith, fixWith, spanOf } from '../../helpers/lint';
import { gb11643CheckDigit, isValidId18, isPlausibleId15 } from '../../../src/core/util/privacy';

const ID = 'personal-id-number';
const FIX = path.resolve(__dirname, '../../fixtures');
const seed = fs.readFileSync(path.join(FIX, 'seed/haikou-2019-zwgk-yaodian.txt'), 'utf8');
const notices = fs.readdirSync(path.join(FIX, 'real-notices')).filter((f) => f.endsWith('.txt'));

// Valid numbers (check digits per GB 11643; 11010519491231002X is the standard's own example).
const VALID = '460100198503121232';
const VALID_X = '11010519491231002X';

describe('personal-id-number', () => {
  describe('validation', () => {
    it('computes the GB 11643 check digit (the standard\'s example)', () => {
      assert.equal(gb11643CheckDigit('11010519491231002'), 'X');
      assert.ok(isValidId18(VALID_X));
      assert.ok(isValidId18(VALID));
    });
    it('rejects a wrong check digit, an impossible or future birth date, an unknown province', () => {
      assert.ok(!isValidId18('460100198503121233'));
      assert.ok(!isValidId18('46010019900230123X'), '1990-02-30 with a matching check digit');
      assert.ok(!isValidId18('460100209901011232'), 'born 2099');
      assert.ok(!isValidId18('460100189912311235'), 'born 1899');
      assert.ok(!isValidId18('990100199001011234'), 'province 99');
    });
    it('15-digit numbers: province and a 19xx birth date', () => {
      assert.ok(isPlausibleId15('460100850312123'));
      assert.ok(!isPlausibleId15('460100851312123'), 'month 13');
      assert.ok(!isPlausibleId15('990100850312123'));
    });
  });

  describe('stays quiet on real text', () => {
    it('the seed (海口市2019年政务公开工作要点)', () => {
      assert.deepEqual(lintWith(ID, seed, { filename: 'seed.txt' }), []);
    });
    for (const f of notices) {
      it(`real notice ${f}`, () => {
        const text = fs.readFileSync(path.join(FIX, 'real-notices', f), 'utf8');
        assert.deepEqual(lintWith(ID, text, { filename: f }).map((m) => m.message), []);
      });
    }
  });

  describe('fires', () => {
    it('reports the exact range and never echoes the full number', () => {
      const text = `申请人王某某（身份证号：${VALID}）申请公开。`;
      const [m, ...rest] = lintWith(ID, text);
      assert.equal(rest.length, 0);
      assert.equal(spanOf(text, m), VALID);
      assert.equal(m.severity, 'error');
      assert.ok(!m.message.includes(VALID));
      assert.ok(m.message.includes('46**************32'));
      assert.equal(m.clause.id, '条例 第十五条');
      assert.equal(m.fix?.text, '46**************32');
    });
    it('an unlabelled valid number in prose (the check digit is enough)', () => {
      assert.equal(lintWith(ID, `王某某 ${VALID} 海口市龙华区`).length, 1);
    });
    it('X and x check digits, fullwidth digits', () => {
      assert.equal(lintWith(ID, `号码 ${VALID_X}。`).length, 1);
      assert.equal(lintWith(ID, `号码 ${VALID_X.toLowerCase()}。`).length, 1);
      const full = VALID.replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + +d));
      const text = `号码：${full}。`;
      const [m] = lintWith(ID, text);
      assert.equal(spanOf(text, m), full);
    });
    it('grouped 6-8-4 with spaces', () => {
      const text = '身份证号 460100 19850312 1232 已核实';
      const [m] = lintWith(ID, text);
      assert.equal(spanOf(text, m), '460100 19850312 1232');
      assert.equal(fixWith(ID, text), '身份证号 46**** ******** **32 已核实');
    });
    it('15-digit old numbers only under a 身份证 label (same line or column header)', () => {
      assert.equal(lintWith(ID, '身份证号码：460100850312123').length, 1);
      assert.equal(lintWith(ID, '登记号：460100850312123').length, 0);
      assert.equal(lintWith(ID, '身份证号码：460100851312123').length, 0, 'month 13');
      const table = '| 姓名 | 身份证号 |\n|---|---|\n| 王某某 | 460100850312123 |\n';
      assert.equal(lintWith(ID, table).length, 1);
      const txt = '序号 姓名 身份证号码 金额\n1 王某某 460100850312123 3000\n2 李某某 460106900101452 3000\n';
      assert.equal(lintWith(ID, txt, { filename: 'list.txt' }).length, 2);
    });
    it('FN-3/FN-4: a labelled number with a wrong check character but a plausible region and birth date is a warning without a fix', () => {
      const bad = VALID.slice(0, 17) + '3';
      assert.equal(isValidId18(bad), false);
      for (const text of [`身份证号：${bad}`, `| 姓名 | 身份证号 |\n|---|---|\n| 王某某 | ${bad} |\n`, `公民身份号码 ${bad.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0))}`]) {
        const [m, ...rest] = lintWith(ID, text);
        assert.equal(rest.length, 0, text);
        assert.equal(m.severity, 'warning');
        assert.equal(m.fix, undefined);
        assert.match(m.message, /^身份证号“[4４][6６]\*{14}.[3３]”未脱敏：校验码不符/);
        assert.ok(!m.message.includes(bad.slice(2, 16)), 'the number is masked in the message');
        assert.equal(fixWith(ID, text), text, 'no fix');
      }
      // Unlabelled, labelled as something else, or implausible: quiet.
      for (const text of [`编号：${bad}`, `王某某 ${bad}`, `统一社会信用代码：${bad}`, `身份证号：${VALID.slice(0, 10)}13${VALID.slice(12, 17)}3`, `身份证号：99${VALID.slice(2, 17)}3`]) {
        assert.deepEqual(lintWith(ID, text), [], text);
      }
    });
    it('metadata values (front matter), range inside the value', () => {
      const text = `---\n标题: 关于王某某申请的答复\n申请人身份证号: ${VALID}\n---\n\n正文\n`;
      const [m] = lintWith(ID, text);
      assert.equal(spanOf(text, m), VALID);
    });
    it('keeps ranges exact after astral characters and with CRLF', () => {
      const text = `𠮷𠮷姓名：𠮷某\r\n身份证号：${VALID}\r\n`;
      const [m] = lintWith(ID, text);
      assert.equal(spanOf(text, m), VALID);
      assert.equal(m.line, 2);
      assert.equal(m.column, 6);
      assert.equal(fixWith(ID, text), '𠮷𠮷姓名：𠮷某\r\n身份证号：46**************32\r\n');
      const txt = lintWith(ID, text, { filename: 'a.txt' });
      assert.equal(spanOf(text, txt[0]), VALID);
    });
  });

  describe('stays quiet', () => {
    it('masked numbers in any common form', () => {
      for (const s of ['46**************32', '35*************039', '460100********1232', '4601001985****1232', '46\\*\\*\\*\\*\\*\\*\\*\\*\\*\\*\\*\\*\\*\\*32']) {
        assert.deepEqual(lintWith(ID, `身份证号：${s}`), [], s);
      }
    });
    it('longer digit runs, codes with letters, URLs, decimals', () => {
      assert.deepEqual(lintWith(ID, `编码 1${VALID}`), []);
      assert.deepEqual(lintWith(ID, `编码 ${VALID}9`), []);
      assert.deepEqual(lintWith(ID, `编码 A${VALID}`), []);
      assert.deepEqual(lintWith(ID, `附件 http://www.haikou.gov.cn/xxgk/${VALID}.shtml`, { filename: 'a.txt' }), []);
      assert.deepEqual(lintWith(ID, `合计 ${VALID}.50 元`), []);
    });
    it('identifiers labelled as organisation codes or accounts', () => {
      assert.deepEqual(lintWith(ID, `统一社会信用代码：${VALID}`), []);
      assert.deepEqual(lintWith(ID, `| 单位 | 纳税人识别号 |\n|---|---|\n| 某公司 | ${VALID} |\n`), []);
      assert.deepEqual(lintWith(ID, `索 引 号: ${VALID}/2019-13123 分类: 规划计划\n\n正文`, { filename: 'a.txt' }), []);
    });

  });

  describe('fixes', () => {
    it('are idempotent and leave no full number', () => {
      const text = `| 户主 | 身份证号 |\n|---|---|\n| 王某某 | ${VALID} |\n| 李某某 | ${VALID_X} |\n`;
      const once = fixWith(ID, text);
      assert.equal(fixWith(ID, once), once);
      assert.deepEqual(lintWith(ID, once), []);
      assert.ok(!once.includes(VALID) && !once.includes(VALID_X));
    });
    it('option keepEnd: 3 gives the 永安 form', () => {
      assert.equal(fixWith(ID, `身份证号：${VALID}`, { options: { keepEnd: 3 } }), '身份证号：46*************232');
    });
    it('escapes the asterisks in Markdown when two masks share a paragraph, so they render as written', () => {
      const text = `王某某 ${VALID}，李某某 ${VALID_X}。\n`;
      const fixed = fixWith(ID, text);
      assert.equal(fixed, '王某某 46\\*\\*\\*\\*\\*\\*\\*\\*\\*\\*\\*\\*\\*\\*32，李某某 11\\*\\*\\*\\*\\*\\*\\*\\*\\*\\*\\*\\*\\*\\*2X。\n');
      // The project's own parser (remark-parse + GFM tables): one text node, asterisks kept.
      const para = new ZwgkDocument(fixed, 'a.md').tree.children[0] as any;
      assert.deepEqual(para.children.map((c: any) => c.type), ['text']);
      assert.equal(para.children[0].value, '王某某 46**************32，李某某 11**************2X。');
      assert.deepEqual(lintWith(ID, fixed), []);
    });
    it('plain text never escapes', () => {
      assert.equal(fixWith(ID, `王某某 ${VALID}，李某某 ${VALID_X}。\n`, { filename: 'a.txt' }), '王某某 46**************32，李某某 11**************2X。\n');
    });
  });
});
