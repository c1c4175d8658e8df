import * as assert from 'node:assert/strict';
import { lintWith, spanOf } from '../../helpers/lint';

const ID = 'application-reply-deadline';
const reply = (received: string, replied: string, extra = '', body = '') =>
  `---\n标题: 政府信息公开申请答复书\n文档类型: 依申请答复\n收到申请日期: ${received}\n答复日期: ${replied}\n${extra}---\n\n# 政府信息公开申请答复书\n${body}`;

describe(ID, () => {
  describe('20 working days from receipt', () => {
    it('across 春节 2026: 03-06 on time, 03-09 one working day late, on the 答复日期 value', () => {
      assert.deepEqual(lintWith(ID, reply('2026-02-02', '2026-03-06')), []);
      const text = reply('2026-02-02', '2026-03-09');
      const [m, ...rest] = lintWith(ID, text);
      assert.equal(rest.length, 0);
      assert.equal(spanOf(text, m), '2026-03-09');
      assert.equal(m.message, '应于2026年3月6日前答复（自收到申请之日（2026年2月2日）起20个工作日）：答复日期2026年3月9日晚于法定期限1个工作日；如已依法延期，请写明“延期答复: 是”');
      assert.deepEqual(m.data, { deadline: '2026-03-06', workdaysLate: 1, daysLate: 3, received: '2026-02-02', extended: false });
      assert.equal(m.clause.id, '条例 第三十三条');
    });

    it('across 端午 2026 and a 调休 Saturday', () => {
      assert.deepEqual(lintWith(ID, reply('2026-06-01', '2026-06-30')), []);
      assert.equal(lintWith(ID, reply('2026-06-01', '2026-07-01')).length, 1);
      assert.deepEqual(lintWith(ID, reply('2026-01-26', '2026-02-28')), []); // the 20th working day is the 调休 Saturday
    });

    it('uses 成文日期 when there is no 答复日期', () => {
      const text = '---\n标题: 政府信息公开申请答复书\n收到申请日期: 2026-02-02\n成文日期: 2026-03-10\n---\n\n# 政府信息公开申请答复书\n';
      assert.match(lintWith(ID, text)[0].message, /晚于法定期限2个工作日/);
    });
  });

  describe('延期答复: 40 working days', () => {
    it('metadata 延期答复: 是 — the 40th working day after 2026-02-02 is 04-03 (before 清明)', () => {
      assert.deepEqual(lintWith(ID, reply('2026-02-02', '2026-04-03', '延期答复: 是\n')), []);
      const [m] = lintWith(ID, reply('2026-02-02', '2026-04-07', '延期答复: 是\n'));
      assert.equal(m.message, '应于2026年4月3日前答复（自收到申请之日（2026年2月2日）起40个工作日（含延期20个工作日））：答复日期2026年4月7日晚于法定期限1个工作日');
      assert.equal(m.data?.extended, true);
    });

    it('the body stating 延长答复期限 counts; a negated mention does not; metadata 否 wins', () => {
      assert.deepEqual(lintWith(ID, reply('2026-02-02', '2026-03-20', '', '\n经负责人同意，延长答复期限20个工作日，并已告知您。\n')), []);
      assert.equal(lintWith(ID, reply('2026-02-02', '2026-03-20', '', '\n本申请无需延期答复。\n')).length, 1);
      assert.equal(lintWith(ID, reply('2026-02-02', '2026-03-20', '延期答复: 否\n', '\n延期答复。\n')).length, 1);
    });
  });

  describe('dates from the body', () => {
    it('收到 in the text and the signature date as the reply date (plain text)', () => {
      const text = '政府信息公开申请答复书\n\n张某某：\n\n本机关于2025年4月1日收到您提交的政府信息公开申请。经查，现答复如下。\n\n海口市某某局\n\n2025年5月12日\n';
      const [m] = lintWith(ID, text, { filename: 'dafu.txt' });
      // 清明 04-04…06, 劳动节 05-01…05, 调休 Sunday 04-27: the 20th working day is 04-29.
      assert.match(m.message, /^应于2025年4月29日前答复（自收到申请之日（2025年4月1日）起20个工作日）：答复日期2025年5月12日晚于法定期限6个工作日/);
      assert.equal(spanOf(text, m), '2025年5月12日');
    });

    it('a 补正 receipt restarts the period (条例 第三十条)', () => {
      const text = reply('2026-01-05', '2026-03-06', '', '\n本机关于2026年2月2日收到您补正后的申请。\n');
      assert.deepEqual(lintWith(ID, text), []);
      const late = reply('2026-01-05', '2026-03-09', '', '\n本机关于2026年2月2日收到您补正后的申请。\n');
      assert.match(lintWith(ID, late)[0].message, /（自收到补正申请之日（2026年2月2日）起/);
    });
  });

  it('time consulting third parties is not counted: a late reply that mentions it is only info', () => {
    const [m] = lintWith(ID, reply('2026-02-02', '2026-03-20', '', '\n因涉及商业秘密，本机关书面征求了第三方意见。\n'));
    assert.equal(m.severity, 'info');
    assert.match(m.message, /征求第三方或其他机关意见，该时间不计入期限/);
  });

  it('years the calendar does not cover: info, no guess', () => {
    const [m] = lintWith(ID, reply('2026-12-15', '2027-01-30'));
    assert.equal(m.severity, 'info');
    assert.match(m.message, /^无法计算第三十三条的20个工作日答复期限：2027年不在工作日历数据范围内/);
    assert.deepEqual(lintWith(ID, reply('2026-12-15', '2026-12-31')), []);
  });

  it('other documents are not checked unless they carry both dates', () => {
    assert.deepEqual(lintWith(ID, '---\n标题: 海口市某某管理办法\n成文日期: 2026-01-05\n发布日期: 2026-05-05\n---\n\n# 海口市某某管理办法\n\n本机关于2026年1月5日收到申请。\n'), []);
    const other = '---\n标题: 关于张某某申请的处理情况\n收到申请日期: 2026-02-02\n答复日期: 2026-03-09\n---\n\n# 关于张某某申请的处理情况\n';
    assert.equal(lintWith(ID, other).length, 1);
  });

  it('the options change both periods', () => {
    assert.equal(lintWith(ID, reply('2026-02-02', '2026-03-06'), { options: { workdays: 15 } }).length, 1);
    assert.deepEqual(lintWith(ID, reply('2026-02-02', '2026-03-20', '延期答复: 是\n'), { options: { extensionWorkdays: 10 } }), []);
  });
});
