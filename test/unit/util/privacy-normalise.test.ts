/**
 * What a reader sees of the digits of a number (src/core/util/privacy.ts): the per-character kinds the
 * normaliser uses are exactly those of the documented patterns, for every UTF-16 code unit; and numbers
 * hidden behind such characters, character references and inline Markdown are still found, with their
 * written ranges.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { DASH, DASH_LIKE, HIDDEN, INVISIBLE, MIN_DIGITS, PLAIN, SPACE, SPACE_LIKE, candidatePatterns, charKind, longestDigitChain, phoneCandidates } from '../../../src/core/util/privacy';

describe('privacy: normalising what a reader sees', () => {
  it('charKind agrees with INVISIBLE, SPACE_LIKE and DASH_LIKE for every code unit', () => {
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      const want = INVISIBLE.test(ch) ? HIDDEN : ch === ' ' || SPACE_LIKE.test(ch) ? SPACE : DASH_LIKE.test(ch) ? DASH : PLAIN;
      if (charKind(c) !== want) assert.fail(`U+${c.toString(16).padStart(4, '0')}: ${charKind(c)}, expected ${want}`);
    }
  });

  it('finds a mobile number through invisible characters, odd spaces, dashes, references and markup, and maps it back', () => {
    const cases: [string, { entities?: boolean; markup?: boolean }, string, string][] = [
      ['联系电话：138\u200b1234\u200b5678。', {}, '138\u200b1234\u200b5678', '13812345678'],
      ['手机 138\u30001234\u30005678 联系', {}, '138\u30001234\u30005678', '13812345678'],
      ['手机：138\u20131234\u20135678', {}, '138\u20131234\u20135678', '13812345678'],
      ['手机：138&nbsp;1234&#8203;&nbsp;5678，', { entities: true }, '138&nbsp;1234&#8203;&nbsp;5678', '13812345678'],
      ['**联系人**：王明，手机：139**1234**5678。', { entities: true, markup: true }, '139**1234**5678', '13912345678'],
      ['手机：<span>139</span>12345678', { entities: true, markup: true }, '139</span>12345678', '13912345678'],
      ['汉字在前，长长的一段说明文字之后：手机 13912345678（工作日）', {}, '13912345678', '13912345678'],
    ];
    for (const [text, opts, written, digits] of cases) {
      const found = phoneCandidates(text, opts);
      assert.deepEqual(found.map((c) => [c.raw, c.digits, text.slice(c.start, c.end)]), [[written, digits, written]], text);
    }
  });

  it('every number the patterns match is a chain of at least as many digits as longestDigitChain needs (the filter that skips them is exact)', () => {
    const { strict, loose } = candidatePatterns();
    const pieces = ['1', '3', '8', '0', '9', '６', '１', 'X', ' ', '-', '－', '.', '．', '/', '+86', '年', '号', '：', 'a', '  '];
    let matched = 0;
    const digit = fc.constantFrom('0', '1', '3', '4', '5', '8', '9', '１', '３');
    // Mostly no separator; the same one at a group's end often enough that grouped numbers occur.
    const sep = fc.constantFrom('', '', '', '', ' ', '-', '－', '.', '．', '/');
    const grouping = fc.tuple(sep, fc.constantFrom([3, 7], [4, 8, 12], [6, 14], [3, 7, 11]));
    fc.assert(fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 60 }), fc.array(digit, { minLength: 11, maxLength: 20 }), grouping, (parts, digits, [s, at]) => {
      // Random text around a run of digits, grouped by one separator at the usual places, so that matches are common.
      const text = parts.slice(0, 30).join('') + digits.map((d, i) => ((at as readonly number[]).includes(i + 1) ? d + s : d)).join('') + parts.slice(30).join('');
      for (const res of [strict, loose]) {
        for (const kind of ['id', 'phone', 'card'] as const) {
          const re = new RegExp(res[kind].source, 'g');
          for (const m of text.matchAll(re)) {
            matched++;
            const body = kind === 'phone' ? m[2] : m[0];
            if (longestDigitChain(body) < MIN_DIGITS[kind]) return false;
            if (longestDigitChain(text) < MIN_DIGITS[kind]) return false;
          }
        }
      }
      return true;
    }), { numRuns: 3000, seed: 20261203 });
    assert.ok(matched > 1000, `${matched} matches tried`);
  });
});
