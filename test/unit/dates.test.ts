import * as assert from 'node:assert/strict';
import { findDates, parseDate, isValidDate, addDays, weekday, formatDate } from '../../src/core';

describe('dates', () => {
  it('finds 年月日 and ISO dates with exact positions', () => {
    const text = '于2019年6月21日印发，2026-03-02起施行，2026/3/2 亦可。';
    const ds = findDates(text);
    assert.deepEqual(ds.map((d) => text.slice(d.start, d.end)), ['2019年6月21日', '2026-03-02', '2026/3/2']);
    assert.deepEqual(ds.map((d) => d.style), ['cn', 'iso', 'iso']);
  });

  it('keeps the parts as written (to see leading zeros)', () => {
    const [d] = findDates('2019年06月01日');
    assert.deepEqual(d.parts, { year: '2019', month: '06', day: '01' });
  });

  it('marks impossible dates invalid', () => {
    assert.equal(findDates('2019年2月30日')[0].valid, false);
    assert.equal(findDates('2020年2月29日')[0].valid, true);
    assert.equal(findDates('2019年13月1日')[0].valid, false);
    assert.equal(isValidDate(2100, 2, 29), false);
  });

  it('marks two-digit years invalid (not a full year)', () => {
    assert.equal(findDates('19年6月21日')[0].valid, false);
  });

  it('does not read dates out of longer digit runs or version numbers', () => {
    assert.deepEqual(findDates('编号 12019-06-211 与 v1.2019.6.2'), []);
  });

  it('parses a metadata value only when it is a date', () => {
    assert.equal(parseDate('2026年3月2日')?.day, 2);
    assert.equal(parseDate('见附件'), undefined);
  });

  it('adds days across months and years; knows the weekday', () => {
    assert.equal(formatDate(addDays({ year: 2025, month: 12, day: 31 }, 1)), '2026-01-01');
    assert.equal(weekday({ year: 2026, month: 11, day: 27 }), '星期五');
  });
});
