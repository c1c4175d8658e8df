/** The 文号 parser the doc-number-format rule and the language server's hover share. */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { findDocNumbers, parseDocNumber, describeProblems, isOtherNumberForm } from '../../../src/core/util/doc-number';

describe('util/doc-number', () => {
  describe('parseDocNumber', () => {
    it('returns the parts of a well-formed 文号', () => {
      const n = parseDocNumber('海府办函〔2019〕168号')!;
      assert.deepEqual(
        { agency: n.agency, year: n.year, number: n.number, open: n.open, close: n.close, hasDi: n.hasDi, endsWithHao: n.endsWithHao, wellFormed: n.wellFormed, canonical: n.canonical, problems: n.problems },
        { agency: '海府办函', year: '2019', number: '168', open: '〔', close: '〕', hasDi: false, endsWithHao: true, wellFormed: true, canonical: '海府办函〔2019〕168号', problems: [] },
      );
    });

    it('keeps the parts as written and gives the canonical form', () => {
      const n = parseDocNumber('  海府办函［2019］第068号 ')!;
      assert.equal(n.raw, '海府办函［2019］第068号');
      assert.equal(n.start, 2);
      assert.equal(n.end, 17);
      assert.equal(n.bracketStart, 6);
      assert.equal(n.number, '068');
      assert.equal(n.open, '［');
      assert.equal(n.hasDi, true);
      assert.deepEqual(n.problems, ['brackets', 'di', 'leading-zero']);
      assert.equal(n.canonical, '海府办函〔2019〕68号');
      assert.equal(describeProblems(n), '年份应使用六角括号“〔〕”；顺序号前不加“第”字；顺序号不编虚位（1不编为01）');
    });

    it('is lenient for a whole value: parentheses with a short year, no 号', () => {
      const n = parseDocNumber('海府办函(19)168')!;
      assert.deepEqual(n.problems, ['brackets', 'short-year', 'missing-hao']);
      assert.equal(n.canonical, undefined, 'a short year is not expanded without the issue year');
      assert.equal(parseDocNumber('海府办函(19)168', { issueYear: 2019 })!.canonical, '海府办函〔2019〕168号');
      assert.equal(parseDocNumber('海府办函(19)168', { issueYear: 2020 })!.canonical, undefined);
    });

    it('recognises a damaged 文号 and offers a guess, never a canonical form', () => {
      const n = parseDocNumber('中发〔201926号')!;
      assert.equal(n.damaged, true);
      assert.equal(n.close, '');
      assert.equal(n.year, '201926');
      assert.equal(n.canonical, undefined);
      assert.equal(n.guess, '中发〔2019〕26号');
    });

    it('is undefined for what is not one 文号', () => {
      for (const s of ['国务院令第711号', '第12号令', '公告〔2019〕第3号', '〔2019〕168号', '海府办函', '海府办函〔2019〕', '海府办函〔2019〕168号 以及', '']) {
        assert.equal(parseDocNumber(s), undefined, s);
      }
    });

    it('accepts the traditional 號 as written', () => {
      const n = parseDocNumber('國辦發〔2016〕80號')!;
      assert.equal(n.wellFormed, true);
      assert.equal(n.canonical, '國辦發〔2016〕80號');
    });
  });

  describe('findDocNumbers', () => {
    it('finds every 文号 with offsets into the text', () => {
      const text = '根据国办发〔2016〕80号和海府办函[2019]168号，以及(中发〔201926号)。';
      const found = findDocNumbers(text);
      assert.deepEqual(found.map((n) => text.slice(n.start, n.end)), ['国办发〔2016〕80号', '海府办函[2019]168号', '中发〔201926号']);
      assert.deepEqual(found.map((n) => n.wellFormed), [true, false, false]);
    });

    it('is linear on long adversarial input', () => {
      const text = '海'.repeat(50_000) + '〔'.repeat(50_000) + '2019'.repeat(20_000) + '(2019)'.repeat(20_000);
      const t = Date.now();
      findDocNumbers(text);
      assert.ok(Date.now() - t < 2000, 'not quadratic');
    });

    it('property: every result’s range is its raw text; a canonical form parses as well-formed', () => {
      const piece = fc.constantFrom('海府办函', '国办发', '根据', '〔', '〕', '[', ']', '（', '）', '(', ')', '2019', '19', '068', '168', '第', '号', '號', '、', '，', '令', '公告', ' ', '\n', 'x');
      fc.assert(fc.property(fc.array(piece, { maxLength: 40 }).map((a) => a.join('')), (text) => {
        for (const n of findDocNumbers(text)) {
          assert.equal(text.slice(n.start, n.end), n.raw);
          assert.ok(n.start <= n.bracketStart && n.bracketStart < n.end);
          if (n.canonical) {
            const again = parseDocNumber(n.canonical)!;
            assert.ok(again && again.wellFormed && again.canonical === n.canonical, n.canonical);
          }
          assert.equal(n.wellFormed, n.problems.length === 0);
        }
      }), { seed: 20190621, numRuns: 300 });
    });
  });

  it('isOtherNumberForm: 令/公告 numbers and placeholders', () => {
    for (const s of ['国务院令第711号', '第12号令', '国家税务总局公告2019年第1号', '中国人民银行公告〔2019〕第3号', '无', '—']) assert.ok(isOtherNumberForm(s), s);
    for (const s of ['海府办函〔2019〕168号', '海府办函〔2019〕第168号']) assert.ok(!isOtherNumberForm(s), s);
  });
});
