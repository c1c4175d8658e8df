import * as assert from 'node:assert/strict';
import { lintWith, spanOf } from '../../helpers/lint';
import { filingPeriod, filingDeadline, isDistrictAuthor } from '../../../src/core/rules/normative-filing-deadline';
import { formatDate } from '../../../src/core';

const ID = 'normative-filing-deadline';
const doc = (title: string, dates: string) => `---\n标题: ${title}\n${dates}\n---\n\n# ${title}\n`;

describe(ID, () => {
  describe('periods from the title', () => {
    it('months and quarters in the usual spellings', () => {
      assert.deepEqual(filingPeriod('海口市某某局2026年3月规范性文件报送情况'), { kind: 'month', year: 2026, n: 3, label: '2026年3月' });
      assert.deepEqual(filingPeriod('2026年12月份部门规范性文件汇总'), { kind: 'month', year: 2026, n: 12, label: '2026年12月' });
      assert.deepEqual(filingPeriod('美兰区2026年第一季度规范性文件汇总'), { kind: 'quarter', year: 2026, n: 1, label: '2026年第一季度' });
      assert.deepEqual(filingPeriod('龙华区2025年4季度规范性文件报送目录'), { kind: 'quarter', year: 2025, n: 4, label: '2025年第四季度' });
    });

    it('no period, no 规范性文件, or not a 报送/汇总 document', () => {
      assert.equal(filingPeriod('关于报送规范性文件的通知'), undefined);
      assert.equal(filingPeriod('2026年3月政府信息公开工作汇总'), undefined);
      assert.equal(filingPeriod('海口市规范性文件管理办法'), undefined);
      assert.equal(filingPeriod('2026年3月5日规范性文件报送'), undefined); // a date, not a month
    });

    it('reports, notices and reviews about filings are not the filing (FP-4)', () => {
      for (const t of [
        '海口市人民政府办公室关于2026年第一季度行政规范性文件备案审查情况的通报', '关于做好2026年第一季度规范性文件报送工作的通知',
        '2026年3月规范性文件报送情况的报告', '美兰区2026年第一季度规范性文件清理汇总', '2026年3月规范性文件备案', '2026年3月规范性文件目录',
      ]) assert.equal(filingPeriod(t), undefined, t);
    });

    it('deadlines: the 5th of the next month, the 10th after the quarter; December rolls into January', () => {
      const f = (t: string) => formatDate(filingDeadline(filingPeriod(t)!));
      assert.equal(f('2026年3月规范性文件报送'), '2026-04-05');
      assert.equal(f('2026年12月规范性文件报送'), '2027-01-05');
      assert.equal(f('2026年第一季度规范性文件汇总'), '2026-04-10');
      assert.equal(f('2026年第三季度规范性文件汇总'), '2026-10-10');
      assert.equal(f('2025年第四季度规范性文件汇总'), '2026-01-10');
      assert.equal(formatDate(filingDeadline(filingPeriod('2026年1月规范性文件报送')!, 31)), '2026-02-28');
    });
  });

  describe('monthly (city departments): “下月5日前” includes the 5th', () => {
    const T = '海口市某某局2026年3月规范性文件报送情况';
    it('the 5th is on time, the 6th one day late', () => {
      assert.deepEqual(lintWith(ID, doc(T, '成文日期: 2026-04-05')), []);
      const text = doc(T, '成文日期: 2026-04-06');
      const [m, ...rest] = lintWith(ID, text);
      assert.equal(rest.length, 0);
      assert.equal(spanOf(text, m), '2026-04-06');
      assert.equal(m.message, '应于2026年4月5日前报送（2026年3月的规范性文件按月汇总，下月5日前，当日视为按期）：成文日期2026年4月6日晚于规定期限1天');
      assert.deepEqual(m.data, { deadline: '2026-04-05', daysLate: 1, period: '2026年3月' });
      assert.equal(m.clause.id, '要点 三（三）');
    });

    it('发布日期 is preferred over 成文日期', () => {
      assert.deepEqual(lintWith(ID, doc(T, '成文日期: 2026-04-08\n发布日期: 2026-04-03')), []);
    });

    it('a date within the month itself is early, not late', () => {
      assert.deepEqual(lintWith(ID, doc(T, '发布日期: 2026-03-31')), []);
    });
  });

  describe('quarterly (districts): 次月10日前', () => {
    it('04-10 on time for Q1, 04-15 five days late; Q4 due 01-10 of the next year', () => {
      assert.deepEqual(lintWith(ID, doc('美兰区2026年第一季度规范性文件汇总', '发布日期: 2026-04-10')), []);
      const [m] = lintWith(ID, doc('美兰区2026年第一季度规范性文件汇总', '发布日期: 2026-04-15'));
      assert.match(m.message, /^应于2026年4月10日前报送（2026年第一季度的规范性文件按季度汇总，次月10日前，当日视为按期）：.*晚于规定期限5天/);
      assert.equal(lintWith(ID, doc('美兰区2025年第四季度规范性文件汇总', '发布日期: 2026-01-11'))[0].data?.deadline, '2026-01-10');
    });

    it('only districts file quarterly: a city authority’s quarterly summary is not checked; an unnamed author is', () => {
      assert.equal(isDistrictAuthor('海口市龙华区人民政府2026年第一季度规范性文件汇总', undefined), true);
      assert.equal(isDistrictAuthor('2026年第一季度规范性文件汇总', '海口市美兰区人民政府办公室'), true);
      assert.equal(isDistrictAuthor('海口市司法局2026年第一季度规范性文件汇总', undefined), false);
      assert.equal(isDistrictAuthor('海口市某某社区2026年第一季度规范性文件汇总', undefined), false);
      assert.equal(isDistrictAuthor('2026年第一季度规范性文件汇总', undefined), undefined);
      assert.deepEqual(lintWith(ID, doc('海口市司法局2026年第一季度规范性文件汇总', '发布日期: 2026-04-15')), []);
      assert.deepEqual(lintWith(ID, doc('2026年第一季度规范性文件汇总', '发布机构: 海口市人民政府办公室\n发布日期: 2026-04-15')), []);
      assert.equal(lintWith(ID, doc('2026年第一季度规范性文件汇总', '发布日期: 2026-04-15')).length, 1);
      assert.equal(lintWith(ID, doc('海口市龙华区人民政府2026年第一季度规范性文件汇总', '发布日期: 2026-04-15')).length, 1);
    });
  });

  it('the signature date is used when metadata has no date (plain text)', () => {
    const text = '海口市某某局2026年2月规范性文件报送情况\n\n市政府档案馆：\n\n现将本局2026年2月制定的规范性文件报送如下。\n\n海口市某某局\n\n2026年3月9日\n';
    const [m] = lintWith(ID, text, { filename: 'baosong.txt' });
    assert.equal(spanOf(text, m), '2026年3月9日');
    assert.match(m.message, /^应于2026年3月5日前报送.*：正文落款日期2026年3月9日晚于规定期限4天/);
  });

  it('options for other cities’ deadlines', () => {
    const T = '某某局2026年3月规范性文件报送';
    assert.deepEqual(lintWith(ID, doc(T, '发布日期: 2026-04-08'), { options: { monthlyDay: 10 } }), []);
    assert.equal(lintWith(ID, doc('某区2026年第一季度规范性文件汇总', '发布日期: 2026-04-08'), { options: { quarterlyDay: 5 } }).length, 1);
  });

  it('no date at all: quiet', () => {
    assert.deepEqual(lintWith(ID, '---\n标题: 海口市某某局2026年3月规范性文件报送情况\n---\n\n# 海口市某某局2026年3月规范性文件报送情况\n'), []);
  });
});
