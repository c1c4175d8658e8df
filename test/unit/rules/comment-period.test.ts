import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintWith, spanOf } from '../../helpers/lint';
import { ZwgkDocument } from '../../../src/core';

const ID = 'comment-period';
const FIX = path.join(__dirname, '..', '..', 'fixtures');
const notice = (name: string) => fs.readFileSync(path.join(FIX, 'real-notices', name), 'utf8').replace(/^SOURCE:.*\r?\n(?:NOTE:.*\r?\n)?\s*/, '');
// A 重大行政决策 (named in the title): the regulation's 30 days apply (see util/major-decision.ts).
const TITLE = '关于海口市某某重大行政决策事项（征求意见稿）公开征求意见的公告';
const meta = (period: string, extra = '') => `---\n标题: ${TITLE}\n征求意见期限: ${period}\n${extra}---\n\n# ${TITLE}\n`;
const body = (sentence: string, extra = '') => `---\n标题: ${TITLE}\n${extra}---\n\n# ${TITLE}\n\n${sentence}\n`;

describe(ID, () => {
  describe('counting: first and last day both count (N = end − start + 1)', () => {
    it('30 days exactly is fine; 29 fires', () => {
      assert.deepEqual(lintWith(ID, meta('2026-03-01至2026-03-30')), []);
      const text = meta('2026-03-01至2026-03-29');
      const [m, ...rest] = lintWith(ID, text);
      assert.equal(rest.length, 0);
      assert.equal(m.message, '征求意见期限应不少于30日，或说明缩短的理由（如情况紧急）：现为2026年3月1日至2026年3月29日，首尾两日均计入，共29天');
      assert.equal(spanOf(text, m), '2026-03-01至2026-03-29');
      assert.deepEqual(m.data, { days: 29, minimum: 30, start: '2026-03-01', deadline: '2026-03-29' });
      assert.equal(m.clause.id, '条例713号 第十五条');
    });

    it('Chinese dates, an end without its year or month, a window across the new year', () => {
      assert.deepEqual(lintWith(ID, meta('2026年3月1日至3月30日')), []);
      assert.equal(lintWith(ID, meta('2026年3月1日至3月29日'))[0].data?.days, 29);
      assert.equal(lintWith(ID, meta('2026年3月1日至29日'))[0].data?.days, 29);
      assert.deepEqual(lintWith(ID, meta('2026年2月1日至3月2日')), []); // 28 + 2 = 30
      const [m] = lintWith(ID, meta('2025年12月15日至1月10日'));
      assert.equal(m.data?.days, 27);
      assert.equal(m.data?.deadline, '2026-01-10');
      assert.deepEqual(lintWith(ID, meta('2026年3月1日起至3月30日止')), []);
    });

    it('a stated length: 30日 / 三十日 / 自发布之日起30日 / 为期一个月 are fine; 20日 and 十五天 fire', () => {
      for (const ok of ['30日', '三十日', '自发布之日起30日', '为期一个月', '45天']) assert.deepEqual(lintWith(ID, meta(ok)), [], ok);
      assert.equal(lintWith(ID, meta('20日'))[0].data?.days, 20);
      assert.match(lintWith(ID, meta('十五天'))[0].message, /^征求意见期限应不少于30日，或说明缩短的理由（如情况紧急）：现为15天$/);
    });

    it('a length counted from 发布日期 gives the dates too', () => {
      const [m] = lintWith(ID, meta('自发布之日起20日', '发布日期: 2026-03-02\n'));
      assert.equal(m.data?.start, '2026-03-02');
      assert.equal(m.data?.deadline, '2026-03-21');
    });

    it('N个工作日 is converted with the working-day calendar', () => {
      // 20 working days after 2026-02-02 is 03-06 (春节): 32 calendar days, fine.
      assert.deepEqual(lintWith(ID, meta('20个工作日', '发布日期: 2026-02-02\n')), []);
      // 20 working days after 2026-03-02 is 03-30: 28 days, too short.
      const [m] = lintWith(ID, meta('20个工作日', '发布日期: 2026-03-02\n'));
      assert.match(m.message, /：现为20个工作日（2026年3月3日至2026年3月30日，共28天）/);
    });

    it('the minDays option', () => {
      assert.deepEqual(lintWith(ID, meta('20日'), { options: { minDays: 20 } }), []);
      assert.equal(lintWith(ID, meta('19日'), { options: { minDays: 20 } }).length, 1);
    });
  });

  describe('the window in the body', () => {
    it('征求意见时间：… on the dates of the sentence', () => {
      const text = body('征求意见时间：2026年3月2日至2026年3月16日。');
      const [m] = lintWith(ID, text);
      assert.equal(spanOf(text, m), '2026年3月2日至2026年3月16日');
      assert.equal(m.data?.days, 15);
    });

    it('only an end date: counted from 发布日期 (the start day included)', () => {
      const text = body('请于2026年4月20日前将书面意见反馈至市司法局。', '发布日期: 2026-04-01\n');
      const [m] = lintWith(ID, text);
      assert.equal(spanOf(text, m), '2026年4月20日');
      assert.match(m.message, /^征求意见期限应不少于30日.*共20天，自元数据“发布日期”起算$/);
      assert.deepEqual(lintWith(ID, body('意见反馈截止时间：2026年4月30日。', '发布日期: 2026-04-01\n')), []);
    });

    it('only an end date and no date to start from: nothing to compute', () => {
      assert.deepEqual(lintWith(ID, body('请于2026年4月20日前将书面意见反馈至市司法局。')), []);
    });

    it('metadata wins over the body', () => {
      assert.deepEqual(lintWith(ID, meta('2026-03-01至2026-03-30') + '\n征求意见时间：2026年3月2日至2026年3月16日。\n'), []);
    });

    it('dates that are not about comments are ignored (施行日期、有效期)', () => {
      assert.deepEqual(lintWith(ID, body('本办法自2026年5月1日起施行，有效期至2026年5月20日。')), []);
    });
  });

  describe('a stated reason', () => {
    it('因…紧急 / 缩短期限 in a sentence about the period keeps it quiet', () => {
      assert.deepEqual(lintWith(ID, body('因防汛形势紧急，征求意见期限为10日：2026年5月6日至2026年5月15日。')), []);
      assert.deepEqual(lintWith(ID, body('征求意见时间：2026年5月6日至2026年5月15日。\n\n鉴于上级要求6月前出台，本次征求意见期限予以缩短。')), []);
    });

    it('紧急/缩短 in the draft’s own subject is not a reason', () => {
      const text = body('为进一步缩短企业开办时间，制定本办法。\n\n征求意见时间：2026年5月6日至2026年5月15日。');
      assert.equal(lintWith(ID, text).length, 1);
    });
  });

  it('an end before the start is reported as such', () => {
    const [m] = lintWith(ID, meta('2026-03-30至2026-03-01'));
    assert.match(m.message, /截止日期2026年3月1日早于开始日期2026年3月30日/);
  });

  it('a letter asking units for their views (…意见的函) is an internal consultation, unless declared a 决策草案', () => {
    const T2 = '关于征求《海口市某某管理办法（送审稿）》修改意见的函';
    const text = (extra: string) => `---\n标题: ${T2}\n${extra}---\n\n# ${T2}\n\n征求意见时间：2026年3月2日至2026年3月6日。\n`;
    assert.deepEqual(lintWith(ID, text('')), []);
    assert.equal(lintWith(ID, text('文档类型: 决策草案\n'))[0].data?.days, 5);
    // A 函 that says it is a public consultation is not internal.
    assert.equal(lintWith(ID, body('征求意见时间：2026年3月2日至2026年3月6日。').replace(/公开征求意见的公告/g, '向社会公开征求意见的函')).length, 1);
  });

  it('only 决策草案 are checked', () => {
    const text = '---\n标题: 关于2026年清明节放假安排的通知\n征求意见期限: 10日\n---\n\n# 关于2026年清明节放假安排的通知\n';
    assert.deepEqual(lintWith(ID, text), []);
  });

  describe('real notice 07: 清远市司法局 规章项目库管理办法 (征求意见稿), 公告時間 2020-06-10 至 06-23', () => {
    const raw = notice('07-qingyuan-2020-zhengqiu-yijian-14days.txt');

    it('as stored it has no title: its opening reads as a consultation, but not surely (low confidence): quiet', () => {
      assert.deepEqual([new ZwgkDocument(raw, '07.txt').type.value, new ZwgkDocument(raw, '07.txt').type.confidence], ['决策草案', 'low']);
      assert.deepEqual(lintWith(ID, raw, { filename: '07.txt' }), []);
    });

    it('declared a 决策草案, its 14-day window fires once, on the first statement (traditional characters read)', () => {
      const text = '文档类型: 决策草案\n\n' + raw;
      const msgs = lintWith(ID, text, { filename: '07.txt' });
      assert.equal(msgs.length, 1);
      assert.equal(spanOf(text, msgs[0]), '2020年6月10日至2020年6月23日');
      assert.equal(msgs[0].line, 4); // the 公告時間 line, not the 反馈情况说明 that repeats the dates
      assert.match(msgs[0].message, /^征求意见期限应不少于30日，或说明缩短的理由.*共14天$/);
    });

    it('with its title in the catalogue header it is a 决策草案 notice, but nothing says it is a 重大行政决策: quiet', () => {
      const text = '名  称: 关于《清远市人民政府规章项目库管理办法》（征求意见稿）公开征求意见的公告\n\n' + raw;
      assert.equal(new ZwgkDocument(text, '07.txt').type.value, '决策草案');
      assert.deepEqual(lintWith(ID, text, { filename: '07.txt' }), []);
      // Said to be one, it fires as above.
      assert.equal(lintWith(ID, text.replace('現向社會公開征求意見', '该事项列入重大行政决策事项目录，現向社會公開征求意見'), { filename: '07.txt' })[0]?.data?.days, 14);
    });
  });
});
