/**
 * What a reader sees of the digits of a number (src/core/util/privacy.ts): the per-character kinds the
 * normaliser uses are exactly those of the documented patterns, for every UTF-16 code unit; and numbers
 * hidden behind such characters, character references and inline Markdown are still found, with their
 * written ranges.
 */
import { strict as assert } from 'node:assert';
import { DASH, DASH_LIKE, HIDDEN, INVISIBLE, PLAIN, SPACE, SPACE_LIKE, charKind, phoneCandidates } from '../../../src/core/util/privacy';

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
});
