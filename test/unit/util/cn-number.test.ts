import * as assert from 'node:assert/strict';
import { parseSmallNumber, toChineseNumber } from '../../../src/core/util/cn-number';
import { findChineseNumeralDates } from '../../../src/core/util/cn-numeral-date';

describe('util/cn-number: the one small Chinese number parser', () => {
  it('reads 一…九十九, 两, 〇, and Arabic digits', () => {
    const cases: [string, number][] = [
      ['一', 1], ['两', 2], ['〇', 0], ['十', 10], ['十五', 15], ['二十', 20], ['二十一', 21], ['三十', 30], ['九十九', 99], ['30', 30], ['365', 365],
    ];
    for (const [s, n] of cases) assert.equal(parseSmallNumber(s), n, s);
  });
  it('rejects what is not a small number', () => {
    for (const s of ['', '百', '一百', '十十', '二十二十', '零十', '一二', 'abc', '1000', '三十日']) assert.equal(parseSmallNumber(s), undefined, s);
  });
  it('writes 1–99 as section numbers are written, and round-trips', () => {
    assert.deepEqual([1, 10, 11, 19, 20, 21, 99].map(toChineseNumber), ['一', '十', '十一', '十九', '二十', '二十一', '九十九']);
    for (let n = 1; n <= 99; n++) assert.equal(parseSmallNumber(toChineseNumber(n)), n);
    assert.throws(() => toChineseNumber(100), RangeError);
  });
  it('is what the Chinese-numeral dates use for month and day', () => {
    const [d] = findChineseNumeralDates('二〇一九年十二月三十一日');
    assert.deepEqual([d.year, d.month, d.day, d.valid], [2019, 12, 31, true]);
  });
});
