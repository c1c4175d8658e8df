import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { Calendar, lintText, resolveConfig, validateConfig, getRule, ALL_RULES, formatDate, addDays, type SimpleDate } from '../../src/core';

const d = (iso: string): SimpleDate => {
  const [year, month, day] = iso.split('-').map(Number);
  return { year, month, day };
};
const iso = (x: SimpleDate | undefined) => (x ? formatDate(x) : undefined);
const cal = new Calendar();

describe('calendar (chinese-days 1.5.7, State Council notices 2004–2026)', () => {
  describe('20 working days (条例 第二十六条、第三十三条: the start day is not counted)', () => {
    it('across 春节 2026: from 2026-02-02 the deadline is 2026-03-06, not 03-02', () => {
      assert.equal(iso(cal.addWorkdays(d('2026-02-02'), 20)), '2026-03-06');
      // Weekends alone would give 03-02: the nine-day holiday (02-15…02-23) pushes it, the two
      // 调休 Saturdays (02-14, 02-28) pull it back.
      assert.equal(cal.workdaysBetween(d('2026-02-02'), d('2026-03-06')), 20);
      assert.equal(cal.workdaysBetween(d('2026-02-02'), d('2026-03-02')), 16);
    });

    it('across 端午 2026: from 2026-06-01 the deadline is 2026-06-30', () => {
      assert.equal(iso(cal.addWorkdays(d('2026-06-01'), 20)), '2026-06-30');
      assert.equal(cal.isWorkday(d('2026-06-19')), false);
    });

    it('across 国庆 2019 with its two 调休 Saturdays', () => {
      // 2019-10-01…07 off; 09-29 (Sun) and 10-12 (Sat) worked.
      assert.equal(iso(cal.addWorkdays(d('2019-09-27'), 5)), '2019-10-10'); // 09-29, 09-30, 10-08, 10-09, 10-10
      assert.equal(cal.workdaysBetween(d('2019-09-27'), d('2019-10-12')), 7);
    });

    it('counts 0 when the end is not after the start, and addWorkdays(n ≤ 0) is the start', () => {
      assert.equal(cal.workdaysBetween(d('2026-03-06'), d('2026-03-06')), 0);
      assert.equal(cal.workdaysBetween(d('2026-03-06'), d('2026-03-01')), 0);
      assert.equal(iso(cal.addWorkdays(d('2026-03-06'), 0)), '2026-03-06');
    });
  });

  describe('调休 and holidays', () => {
    it('a 调休 Saturday/Sunday is a working day', () => {
      for (const day of ['2026-02-14', '2026-02-28', '2019-04-28', '2019-05-05', '2020-01-19']) {
        const info = cal.info(d(day));
        assert.equal(info.workday, true, day);
        assert.equal(info.weekend, true, day);
        assert.equal(info.adjustedWorkday, true, day);
      }
      assert.equal(cal.info(d('2026-02-14')).holiday, '春节');
    });

    it('official days off, including the 2020 Spring Festival extension to 02-02', () => {
      assert.equal(cal.isWorkday(d('2026-02-17')), false);
      assert.equal(cal.info(d('2026-02-17')).holiday, '春节');
      for (const day of ['2020-01-31', '2020-02-01', '2020-02-02']) assert.equal(cal.isWorkday(d(day)), false, day);
      assert.equal(cal.isWorkday(d('2020-02-03')), true);
    });

    it('an ordinary weekend is a day off, an ordinary weekday a working day', () => {
      assert.equal(cal.isWorkday(d('2026-03-07')), false);
      assert.equal(cal.isWorkday(d('2026-03-09')), true);
    });

    it('describes a day for hovers', () => {
      assert.equal(cal.describe(d('2026-02-14')), '2026年2月14日 星期六，调休上班（春节）');
      assert.equal(cal.describe(d('2026-02-17')), '2026年2月17日 星期二，休息（春节）');
      assert.equal(cal.describe(d('2026-03-09')), '2026年3月9日 星期一，工作日');
      assert.match(cal.describe(d('2027-01-04')), /2027年不在工作日历数据范围内（2004—2026年）/);
    });
  });

  describe('years the data does not cover are unknown, never guessed from weekends', () => {
    it('reports its range', () => {
      assert.deepEqual(cal.range, [2004, 2026]);
      assert.equal(cal.covers(2003), false);
      assert.equal(cal.covers(2027), false);
    });

    it('2027 and 2003 days are undefined (even a plain Monday)', () => {
      assert.equal(cal.isWorkday(d('2027-03-01')), undefined);
      assert.equal(cal.isWorkday(d('2003-12-31')), undefined);
      assert.equal(cal.info(d('2027-03-06')).covered, false);
    });

    it('a deadline that runs into an uncovered year is undefined; one that stays inside is not', () => {
      assert.equal(cal.addWorkdays(d('2026-12-20'), 20), undefined);
      assert.equal(iso(cal.addWorkdays(d('2026-12-01'), 20)), '2026-12-29');
      assert.equal(cal.workdaysBetween(d('2003-12-01'), d('2004-01-05')), undefined);
      assert.equal(cal.workdaysBetween(d('2026-12-01'), d('2027-01-05')), undefined);
      assert.equal(cal.uncoveredYear(d('2025-12-01'), d('2027-01-05')), 2027);
      assert.equal(cal.uncoveredYear(d('2025-12-01'), d('2026-12-05')), undefined);
    });

    it('a year declared complete in the options becomes countable', () => {
      const c = new Calendar({ years: [2027], holidays: ['2027-01-01'] });
      assert.equal(c.isWorkday(d('2027-01-01')), false);
      assert.equal(c.isWorkday(d('2027-01-04')), true);
      assert.equal(iso(c.addWorkdays(d('2026-12-30'), 2)), '2027-01-04');
    });
  });

  describe('local overrides', () => {
    it('an extra holiday pushes the deadline, an extra working day pulls it', () => {
      const c = new Calendar({ holidays: ['2026-03-03'], workdays: ['2026-03-01'] });
      assert.equal(c.isWorkday(d('2026-03-03')), false);
      assert.equal(c.info(d('2026-03-03')).local, true);
      assert.equal(c.isWorkday(d('2026-03-01')), true);
      assert.equal(iso(c.addWorkdays(d('2026-02-02'), 20)), '2026-03-06'); // −1 +1
      assert.equal(iso(new Calendar({ holidays: ['2026-03-03'] }).addWorkdays(d('2026-02-02'), 20)), '2026-03-09');
      assert.match(c.describe(d('2026-03-03')), /本地调整/);
    });

    it('ignores entries that are not real dates, and lists them', () => {
      const c = new Calendar({ holidays: ['2026-02-30', 'tomorrow'], workdays: ['2026-03-01'] });
      assert.deepEqual(c.ignoredOverrides, ['2026-02-30', 'tomorrow']);
      assert.equal(c.isWorkday(d('2026-03-01')), true);
    });

    it('config calendar.holidays / workdays reach the rules through the engine', () => {
      const rule = getRule('proactive-disclosure-deadline')!;
      const text = '---\n标题: 海口市某某管理办法\n公开属性: 主动公开\n成文日期: 2026-02-02\n发布日期: 2026-03-06\n---\n\n# 海口市某某管理办法\n';
      assert.equal(lintText(text, 'a.md', { rules: [rule] }).messages.length, 0);
      // Two 春节 days declared working days locally: the deadline moves to 03-04.
      const raw = { calendar: { workdays: ['2026-02-16', '2026-02-17'] } };
      assert.deepEqual(validateConfig(raw, ALL_RULES), []);
      const msgs = lintText(text, 'a.md', { rules: [rule], config: resolveConfig([rule], [raw]) }).messages;
      assert.equal(msgs.length, 1);
      assert.match(msgs[0].message, /^应于2026年3月4日前公开/);
      assert.match(msgs[0].message, /晚于法定期限2个工作日/);
      assert.deepEqual(msgs[0].data?.deadline, '2026-03-04');
    });
  });

  it('property: addWorkdays and workdaysBetween agree, and a deadline is always a working day', () => {
    const start = Date.UTC(2004, 0, 1);
    const span = Math.floor((Date.UTC(2026, 9, 1) - start) / 86400000);
    fc.assert(fc.property(fc.integer({ min: 0, max: span }), fc.integer({ min: 1, max: 40 }), (offset, n) => {
      const from = addDays({ year: 2004, month: 1, day: 1 }, offset);
      const end = cal.addWorkdays(from, n);
      assert.ok(end, `${formatDate(from)} + ${n}`);
      assert.equal(cal.workdaysBetween(from, end), n);
      assert.equal(cal.isWorkday(end), true);
      // The day before the deadline leaves one working day short.
      assert.equal(cal.workdaysBetween(from, addDays(end, -1)), n - 1);
    }), { seed: 20190621, numRuns: 300 });
  });
});

describe('calendar years declared in config', () => {
  it('a year declared complete in config is covered; without it, it is not', () => {
    const draft = '---\n标题: 某通告\n索引号: 00817804-9/2027-00001\n发布机构: 海口市某局\n成文日期: 2027年3月1日\n发布日期: 2027-03-02\n公开属性: 主动公开\n---\n\n# 某通告\n';
    const info = (cfg: object) => lintText(draft, 'a.md', { rules: ALL_RULES, config: resolveConfig(ALL_RULES, [cfg]) }).messages.filter((m) => m.ruleId === 'proactive-disclosure-deadline');
    const without = info({});
    assert.deepEqual(without.map((m) => m.severity), ['info'], 'an uncovered year gives the info message');
    assert.deepEqual(info({ calendar: { years: [2027] } }), []);
  });
});
