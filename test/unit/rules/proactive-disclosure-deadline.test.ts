import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintWith, spanOf } from '../../helpers/lint';

const ID = 'proactive-disclosure-deadline';
const SEED = fs.readFileSync(path.join(__dirname, '..', '..', 'fixtures', 'seed', 'haikou-2019-zwgk-yaodian.txt'), 'utf8');
const doc = (formed: string, published: string, extra = '公开属性: 主动公开', body = '') =>
  `---\n标题: 海口市某某管理办法\n${extra}\n成文日期: ${formed}\n发布日期: ${published}\n---\n\n# 海口市某某管理办法\n${body}`;

describe(ID, () => {
  describe('20 working days after 成文日期, on the official calendar', () => {
    it('across 春节 2026: 03-06 is the 20th working day (on time), 03-09 is one working day late', () => {
      assert.deepEqual(lintWith(ID, doc('2026-02-02', '2026-03-06')), []);
      const text = doc('2026-02-02', '2026-03-09');
      const [m, ...rest] = lintWith(ID, text);
      assert.equal(rest.length, 0);
      assert.equal(spanOf(text, m), '2026-03-09');
      assert.equal(m.message, '应于2026年3月6日前公开（主动公开信息自成文日期2026年2月2日起20个工作日）：发布日期2026年3月9日晚于法定期限1个工作日');
      assert.deepEqual(m.data, { deadline: '2026-03-06', workdaysLate: 1, daysLate: 3, formed: '2026-02-02' });
      assert.equal(m.clause.id, '条例 第二十六条');
    });

    it('weekends alone would put the deadline at 03-02: a draft published 03-04 is NOT late', () => {
      assert.deepEqual(lintWith(ID, doc('2026-02-02', '2026-03-04')), []);
    });

    it('counts late days in working days: 03-11 is 3 working days late', () => {
      const [m] = lintWith(ID, doc('2026-02-02', '2026-03-11'));
      assert.match(m.message, /晚于法定期限3个工作日$/);
    });

    it('across 端午 2026: from 06-01 the deadline is 06-30', () => {
      assert.deepEqual(lintWith(ID, doc('2026-06-01', '2026-06-30')), []);
      const [m] = lintWith(ID, doc('2026-06-01', '2026-07-01'));
      assert.equal(m.data?.deadline, '2026-06-30');
    });

    it('a deadline on a 调休 Saturday (2026-02-28) counts that Saturday', () => {
      assert.deepEqual(lintWith(ID, doc('2026-01-26', '2026-02-28')), []);
      const [m] = lintWith(ID, doc('2026-01-26', '2026-03-02'));
      assert.match(m.message, /^应于2026年2月28日前公开（.*晚于法定期限1个工作日/);
    });

    it('published on the day off right after the deadline says so', () => {
      const [m] = lintWith(ID, doc('2026-02-02', '2026-03-07'));
      assert.match(m.message, /晚于法定期限（在期限届满后的休息日）/);
      assert.equal(m.data?.workdaysLate, 0);
    });

    it('the workdays option (法律、法规另有规定的) changes the period', () => {
      // The 15th working day is 02-28, the 调休 Saturday.
      const [m] = lintWith(ID, doc('2026-02-02', '2026-03-06'), { options: { workdays: 15 } });
      assert.match(m.message, /^应于2026年2月28日前公开（.*起15个工作日）：.*晚于法定期限5个工作日/);
    });
  });

  describe('what counts as 主动公开 and as 成文日期', () => {
    it('the 附注 （此件主动公开） or （此件公开发布） in the body, and the signature date above it', () => {
      for (const mark of ['（此件主动公开）', '(此件公开发布)']) {
        const text = `---\n标题: 关于做好某某工作的通知\n发布日期: 2025-07-15\n---\n\n# 关于做好某某工作的通知\n\n各区政府：\n\n现将有关事项通知如下。\n\n海口市人民政府办公厅\n\n2025年6月3日\n\n${mark}\n`;
        const [m] = lintWith(ID, text);
        assert.ok(m, mark);
        assert.match(m.message, /^应于2025年7月1日前公开（主动公开信息自正文落款日期2025年6月3日起20个工作日）/);
      }
    });

    it('metadata 公开属性 other than 主动公开 wins over the body; no mark at all → quiet', () => {
      assert.deepEqual(lintWith(ID, doc('2026-01-05', '2026-05-05', '公开属性: 依申请公开', '\n（此件主动公开）\n')), []);
      assert.deepEqual(lintWith(ID, doc('2026-01-05', '2026-05-05', '文号: 海府〔2026〕1号')), []);
    });

    it('missing or reversed dates are left to the metadata and date rules', () => {
      assert.deepEqual(lintWith(ID, '---\n标题: 某某办法\n公开属性: 主动公开\n发布日期: 2026-05-05\n---\n\n# 某某办法\n'), []);
      assert.deepEqual(lintWith(ID, doc('2026-05-05', '2026-01-05')), []);
      assert.deepEqual(lintWith(ID, doc('2026-02-30', '2026-05-05')), []);
    });
  });

  describe('years the calendar does not cover', () => {
    it('a deadline in 2027 gives an info message, never a guess', () => {
      const text = doc('2026-12-20', '2027-02-01');
      const [m] = lintWith(ID, text);
      assert.equal(m.severity, 'info');
      assert.match(m.message, /^无法计算第二十六条的20个工作日期限：2027年不在工作日历数据范围内（国务院节假日安排2004—2026年），不按周末推算/);
    });

    it('2003: before the 条例 took effect (2008-05-01) nothing is checked, not even “cannot compute”', () => {
      assert.deepEqual(lintWith(ID, doc('2003-11-03', '2003-12-20')), []);
    });

    it('published before the uncovered year: still provably on time', () => {
      assert.deepEqual(lintWith(ID, doc('2026-12-20', '2026-12-31')), []);
    });

    it('a deadline inside the data but a publication after it: late, counted in calendar days', () => {
      const [m] = lintWith(ID, doc('2026-11-02', '2027-01-20'));
      assert.equal(m.severity, 'warning');
      assert.match(m.message, /^应于2026年11月30日前公开.*晚于法定期限51天（2027年不在工作日历数据范围内，工作日数无法计算）/);
    });
  });

  describe('the seed (海府办函〔2019〕168号)', () => {
    it('signed 2019-06-21, published 2019-06-24 (此件主动公开): on time', () => {
      assert.deepEqual(lintWith(ID, SEED, { filename: 'seed.txt' }), []);
    });

    it('the same notice published 2019-08-01 would be 9 working days late (deadline 2019-07-19)', () => {
      const late = SEED.replace('发文日期: 2019年06月24日', '发文日期: 2019年08月01日');
      const [m] = lintWith(ID, late, { filename: 'seed.txt' });
      assert.match(m.message, /^应于2019年7月19日前公开（主动公开信息自正文落款日期2019年6月21日起20个工作日）：发布日期2019年8月1日晚于法定期限9个工作日/);
      assert.equal(spanOf(late, m), '2019年08月01日');
    });
  });
});
