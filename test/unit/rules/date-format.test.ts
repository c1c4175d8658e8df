import * as assert from 'node:assert/strict';
import { lintWith, fixWith, spanOf } from '../../helpers/lint';
import { lintText, getRule } from '../../../src/core';
import { findChineseNumeralDates } from '../../../src/core/util/cn-numeral-date';
import { NOTICES, SEED, notice, saved } from '../../helpers/fixtures';

const ID = 'date-format';
const fm = (fields: string, body = '# 海口市2019年政务公开工作要点\n') => `---\n${fields}\n---\n\n${body}`;

describe('date-format', () => {
  describe('the seed and real notices', () => {
    it('the seed stays quiet: its header 发文日期 2019年06月24日 is a catalogue field; 2019年6月21日 is correct', () => {
      assert.deepEqual(lintWith(ID, SEED, { filename: 'seed.txt' }), []);
      assert.deepEqual(lintWith(ID, SEED.replace(/\n/g, '\r\n'), { filename: 'seed.txt' }), []);
    });

    for (const name of NOTICES) {
      it(`${name}: no internal error, as stored and as a saved page`, () => {
        for (const text of [notice(name), saved(notice(name))]) {
          const { messages } = lintText(text, name, { rules: [getRule(ID)!, getRule('internal-error')!] });
          assert.deepEqual(messages.filter((m) => m.ruleId === 'internal-error'), []);
        }
      });
    }

    it('correct real dates stay quiet (2015年1月1日, 2017年12月13日, 2020年6月10日, ISO catalogue times)', () => {
      for (const name of ['03-haikou-2015-annual-report-oldformat.txt', '07-qingyuan-2020-zhengqiu-yijian-14days.txt', '08-wuyuan-xingzheng-zhifa-gongshi-zhidu.txt', '10-guangzhou-2017-jiedu-banfa.txt', '11-guoban-2021-30-nianbao-geshi-republished.txt', '12-wuhan-sthjj-2020-nianbao-2019format-tables.txt']) {
        assert.deepEqual(lintWith(ID, saved(notice(name)), { filename: name }).map((m) => m.message), [], name);
        // As stored (SOURCE:/NOTE: lines above the header) the header is still read as the catalogue: 发文日期 2016年02月26日 is a catalogue value.
        assert.deepEqual(lintWith(ID, notice(name), { filename: name }).map((m) => m.message), [], name);
      }
    });

    it('04-haikou: the damaged 2014年831日 is reported once, without a fix, on exactly that text', () => {
      const text = saved(notice('04-haikou-2020-yiwu-jiaoyu-zhaosheng.txt'));
      const msgs = lintWith(ID, text, { filename: 'n.txt' });
      assert.deepEqual(msgs.map((m) => spanOf(text, m)), ['2014年831日']);
      assert.equal(msgs[0].fix, undefined);
      assert.match(msgs[0].message, /缺少“月”字/);
    });

    it('digits that cannot be a month and day are not called a damaged date (2020年365日)', () => {
      assert.deepEqual(lintWith(ID, '全年共2020年365日值班记录。\n'), []);
    });
  });

  describe('body dates', () => {
    it('leading zeros: warning with a fix on the exact date', () => {
      const text = '海口市人民政府办公室\n\n2019年06月01日\n';
      const [m, ...rest] = lintWith(ID, text);
      assert.equal(rest.length, 0);
      assert.equal(spanOf(text, m), '2019年06月01日');
      assert.equal(m.severity, 'warning');
      assert.match(m.message, /应为“2019年6月1日”/);
      const fixed = fixWith(ID, text);
      assert.equal(fixed, '海口市人民政府办公室\n\n2019年6月1日\n');
      assert.equal(fixWith(ID, fixed), fixed);
    });

    it('spaces inside a date are kept by the fix', () => {
      assert.equal(fixWith(ID, '定于2019 年 06 月 21 日召开。\n'), '定于2019 年 6 月 21 日召开。\n');
    });

    it('a two-digit year is reported without a fix', () => {
      const text = '于19年6月21日印发。\n';
      const [m] = lintWith(ID, text);
      assert.equal(spanOf(text, m), '19年6月21日');
      assert.equal(m.fix, undefined);
      assert.equal(fixWith(ID, text), text);
    });

    it('Chinese-numeral dates: converted to Arabic numerals', () => {
      const text = '海口市人民政府\n\n二〇一九年六月二十一日\n\n二○二○年十二月三十一日\n';
      const msgs = lintWith(ID, text);
      assert.deepEqual(msgs.map((m) => spanOf(text, m)), ['二〇一九年六月二十一日', '二○二○年十二月三十一日']);
      assert.equal(fixWith(ID, text), '海口市人民政府\n\n2019年6月21日\n\n2020年12月31日\n');
    });

    it('impossible dates are errors, without a fix, in either style', () => {
      const text = '自2019年2月30日起施行，原定2019-13-01，改为2019/2/29，又称二〇一九年二月二十九日。\n';
      const msgs = lintWith(ID, text);
      assert.deepEqual(msgs.map((m) => spanOf(text, m)), ['2019年2月30日', '2019-13-01', '2019/2/29', '二〇一九年二月二十九日']);
      assert.ok(msgs.every((m) => m.severity === 'error' && !m.fix));
      assert.match(msgs[0].message, /2019年2月只有28天/);
      assert.match(msgs[1].message, /没有13月/);
    });

    it('leap years are respected', () => {
      assert.deepEqual(lintWith(ID, '自2020年2月29日起施行。\n'), []);
    });

    it('impossibleSeverity: inherit follows the rule severity', () => {
      assert.equal(lintWith(ID, '自2019年2月30日起施行。\n', { options: { impossibleSeverity: 'inherit' } })[0].severity, 'warning');
    });

    it('numbers that only look like dates stay quiet', () => {
      const text = '见第2019.3.45条；版本2019.10.1；索引号00817804-9/2019-13123；电话0898-6872-5613；GB/T 9704-2012。\n';
      assert.deepEqual(lintWith(ID, text).map((m) => spanOf(text, m)), []);
    });

    it('ISO dates in the body and dates without a day stay quiet', () => {
      assert.deepEqual(lintWith(ID, '发布于2019-06-24，2019年6月起执行，每年3月31日前公布。\n'), []);
    });

    it('a date after a catalogue label is a catalogue value (only impossibility counts)', () => {
      assert.deepEqual(lintWith(ID, '来源：市政府办公室 发布时间：2019年06月24日\n\n正文。\n'), []);
      assert.deepEqual(lintWith(ID, '| 发文日期 | 2019年06月24日 |\n|---|---|\n'), []);
      assert.equal(lintWith(ID, '发布时间：2019年02月30日\n')[0].severity, 'error');
    });

    it('FN-1: the label exemption holds only in the catalogue block, and only for catalogue date labels', () => {
      const body = (s: string) => `---\n标题: 关于报名的通知\n---\n\n# 关于报名的通知\n\n${s}\n`;
      // Generic labels and 成文日期 in the body: 公文 style.
      for (const s of ['截止日期：2026年03月05日', '报名时间：2026年07月01日至2026年07月10日。', '成文日期：2026年03月05日', '日期: 2026年03月05日']) {
        assert.ok(lintWith(ID, body(s)).length >= 1, s);
      }
      assert.equal(lintWith(ID, body('报名时间：2026年07月01日至2026年07月10日。')).length, 2, 'both dates of one sentence');
      // A catalogue date label deep in the body, without other catalogue keys: 公文 style too.
      const deep = body('一\n\n二\n\n三\n\n四\n\n五\n\n六\n\n本通知发布日期：2026年03月05日');
      assert.equal(lintWith(ID, deep).length, 1);
      // …but a catalogue line (another key on it) anywhere is a catalogue value.
      assert.deepEqual(lintWith(ID, deep.replace('本通知发布日期', '信息来源：本网 发布日期')), []);
    });

    it('FN-7: 2026.3.2 and 2026/03/02 in a draft’s body are info with a fix; hyphen ISO, tables and notes are left alone', () => {
      const draft = (s: string) => `---\n标题: 关于报送材料的通知\n---\n\n# 关于报送材料的通知\n\n${s}\n`;
      const [m] = lintWith(ID, draft('请于2026.3.2前报送。'));
      assert.deepEqual([m.severity, m.message, m.fix?.text], ['info', '宜写作“2026年3月2日”：公文正文中的日期不写作“2026.3.2”', '2026年3月2日']);
      assert.equal(fixWith(ID, draft('请于2026/03/02前报送。')), draft('请于2026年3月2日前报送。'));
      for (const s of ['2026-03-02起施行。', '| 日期 |\n|---|\n| 2026/03/02 |', '见第2019.3.4节。', '2026.3.2版', 'V2026-03-45', 'build_2026.3.2']) {
        assert.deepEqual(lintWith(ID, draft(s)), [], s);
      }
      assert.deepEqual(lintWith(ID, '# 周会\n\n2026/03/02 开会\n'), []);
      assert.equal(lintWith(ID, '海口市某局关于X的通知\n\n请于2026/03/02前报送。\n', { filename: 'a.txt' }).length, 0, 'a plain .txt note of type 其他');
      assert.equal(lintWith(ID, '海口市某局关于X的通知\n\n请于2026/03/02前报送。\n\n（此件主动公开）\n', { filename: 'a.txt' }).length, 1, 'a 附注 makes it a 公文');
    });

    it('FP-8: an ISO-looking run glued to a letter is a version, not an impossible date', () => {
      assert.deepEqual(lintWith(ID, '平台升级到V2026-03-45版。'), []);
      assert.equal(lintWith(ID, '本办法自2026-03-45起施行。')[0].severity, 'error');
    });

    it('code is not scanned', () => {
      assert.deepEqual(lintWith(ID, '```\n2019年06月21日 2019年2月30日\n```\n'), []);
    });

    it('CRLF: exact position and fix', () => {
      const text = '# 通知\r\n\r\n海口市人民政府办公室\r\n2019年06月21日\r\n';
      const [m] = lintWith(ID, text);
      assert.equal(spanOf(text, m), '2019年06月21日');
      assert.deepEqual([m.line, m.column, m.endLine, m.endColumn], [4, 1, 4, 12]);
      assert.equal(fixWith(ID, text), '# 通知\r\n\r\n海口市人民政府办公室\r\n2019年6月21日\r\n');
    });
  });

  describe('metadata dates', () => {
    it('成文日期 in front matter: 公文 style required (ISO accepted), leading zeros fixed', () => {
      assert.deepEqual(lintWith(ID, fm('成文日期: 2019-06-21')), []);
      assert.deepEqual(lintWith(ID, fm('成文日期: 2019年6月21日')), []);
      const text = fm('成文日期: 2019年06月21日');
      const [m] = lintWith(ID, text);
      assert.equal(spanOf(text, m), '2019年06月21日');
      assert.equal(fixWith(ID, text), fm('成文日期: 2019年6月21日'));
    });

    it('成文日期 in the catalogue header of a saved portal page is the portal’s system format: quiet (issue 8)', () => {
      const page = '名  称: 海口市2019年政务公开工作要点 成文日期: 2019年06月21日\n发布机构: 市政府办公室\n\n正文。\n';
      assert.deepEqual(lintWith(ID, page, { filename: 'n.txt' }), []);
      // Impossible dates are wrong whoever wrote them.
      assert.equal(lintWith(ID, page.replace('2019年06月21日', '2019年02月30日'), { filename: 'n.txt' }).length, 1);
    });

    it('成文日期 in the header of a plain-text draft (it carries zwgk’s own keys, e.g. 文档类型)', () => {
      const text = '名  称: 海口市2019年政务公开工作要点 成文日期: 2019年06月21日\n文档类型: 其他\n\n正文。\n';
      const [m] = lintWith(ID, text, { filename: 'n.txt' });
      assert.equal(spanOf(text, m), '2019年06月21日');
      assert.equal(fixWith(ID, text, { filename: 'n.txt' }), text.replace('2019年06月21日', '2019年6月21日'));
    });

    it('成文日期 in Chinese numerals or with a two-digit year', () => {
      assert.equal(fixWith(ID, fm('成文日期: 二〇一九年六月二十一日')), fm('成文日期: 2019年6月21日'));
      assert.equal(lintWith(ID, fm('成文日期: 19年6月21日')).length, 1);
    });

    it('other catalogue date fields: any style, but impossible dates are errors', () => {
      assert.deepEqual(lintWith(ID, fm('发布日期: 2019年06月24日\n收到申请日期: 2019-06-03\n答复日期: 2019/6/24')), []);
      for (const [k, v] of [['发布日期', '2019-02-30'], ['收到申请日期', '2019年13月1日'], ['答复日期', '2019-04-31'], ['成文日期', '2019-02-29'], ['征求意见期限', '2019年6月1日至2019年6月31日']]) {
        const text = fm(`${k}: ${v}`);
        const msgs = lintWith(ID, text);
        assert.equal(msgs.length, 1, `${k}: ${v}`);
        assert.equal(msgs[0].severity, 'error');
        assert.ok(v.includes(spanOf(text, msgs[0])));
      }
    });

    it('a date field whose value is no date is reported', () => {
      const text = fm('答复日期: 下周一');
      const [m] = lintWith(ID, text);
      assert.equal(spanOf(text, m), '下周一');
      assert.match(m.message, /不是可识别的日期/);
    });

    it('quoted YAML values: exact range, quotes kept by the fix', () => {
      const text = fm('成文日期: "2019年06月21日"');
      const [m] = lintWith(ID, text);
      assert.equal(spanOf(text, m), '2019年06月21日');
      assert.equal(fixWith(ID, text), fm('成文日期: "2019年6月21日"'));
    });
  });

  it('findChineseNumeralDates reads 〇/○/零 and 十 forms', () => {
    assert.deepEqual(
      findChineseNumeralDates('二〇〇八年一月一日、二零一九年十月十日、二○二○年十一月二十日').map((d) => [d.year, d.month, d.day, d.valid]),
      [[2008, 1, 1, true], [2019, 10, 10, true], [2020, 11, 20, true]],
    );
    assert.deepEqual(findChineseNumeralDates('二〇一九年六月'), []);
  });
});
