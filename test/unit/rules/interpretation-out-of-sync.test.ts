import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { DraftIndex, ZwgkDocument, summarize } from '../../../src/core';
import { lintWith, spanOf } from '../../helpers/lint';
import { loadWorkspace } from '../../helpers/workspace';

const WS = path.resolve(__dirname, '../../fixtures/workspaces');
const ID = 'interpretation-out-of-sync';

function check(ws: string, rel: string, options?: Record<string, unknown>) {
  const w = loadWorkspace(path.join(WS, ws));
  const text = w.text(rel);
  return lintWith(ID, text, { filename: w.abs(rel), index: w.index, options }).map((m) => ({ severity: m.severity, span: spanOf(text, m), message: m.message }));
}

/** A linked pair in a fresh workspace; returns the messages on the policy and on the interpretation. */
function pair(policyDate: string, interpDate: string, options?: Record<string, unknown>) {
  const policy = `---\n标题: 海口市市级储备粮管理办法\n文档类型: 规范性文件\n发布日期: ${policyDate}\n解读材料: 解读.md\n---\n\n# 海口市市级储备粮管理办法\n`;
  const interp = `---\n标题: 《海口市市级储备粮管理办法》政策解读\n文档类型: 政策解读\n发布日期: ${interpDate}\n---\n\n# 《海口市市级储备粮管理办法》政策解读\n`;
  const index = new DraftIndex({ root: '/ws' });
  index.set(summarize(new ZwgkDocument(policy, '/ws/p.md'), '/ws/p.md'));
  index.set(summarize(new ZwgkDocument(interp, '/ws/解读.md'), '/ws/解读.md'));
  const on = (text: string, file: string) => lintWith(ID, text, { filename: file, index, options }).map((m) => `${m.severity} [${spanOf(text, m)}] ${m.message}`);
  return { policy: on(policy, '/ws/p.md'), interp: on(interp, '/ws/解读.md') };
}

describe(ID, () => {
  it('late across 春节 2026: 3 working days (2026-02-14 is a 调休 working Saturday), on both drafts at their own 发布日期', () => {
    assert.deepEqual(check('late', '海口市城镇老旧小区改造资金管理办法.md'), [{
      severity: 'warning', span: '2026-02-13',
      message: '解读应与政策文件同日发布：政策解读《〈海口市城镇老旧小区改造资金管理办法〉解读》的发布日期2026年2月25日比本文件的发布日期2026年2月13日晚3个工作日（12天）',
    }]);
    assert.deepEqual(check('late', '老旧小区改造资金管理办法解读.md'), [{
      severity: 'warning', span: '2026-02-25',
      message: '解读应与政策文件同日发布：本解读的发布日期2026年2月25日比政策文件《海口市城镇老旧小区改造资金管理办法》的发布日期2026年2月13日晚3个工作日（12天）',
    }]);
  });

  it('graceDays: 3 working days allowed → quiet; 2 allowed → still late', () => {
    assert.deepEqual(check('late', '海口市城镇老旧小区改造资金管理办法.md', { graceDays: 3 }), []);
    assert.deepEqual(check('late', '老旧小区改造资金管理办法解读.md', { graceDays: 2 }).map((m) => m.message), [
      '解读应与政策文件同步发布（允许相差2个工作日）：本解读的发布日期2026年2月25日比政策文件《海口市城镇老旧小区改造资金管理办法》的发布日期2026年2月13日晚3个工作日（12天）',
    ]);
  });

  it('a file-name match across the 劳动节 调休 Saturday 2026-05-09: Fri → Mon is 2 working days', () => {
    assert.deepEqual(check('by-filename', '海口市公共租赁住房管理办法_解读.md').map((m) => m.message), [
      '解读应与政策文件同日发布：本解读的发布日期2026年5月11日比政策文件《海口市公共租赁住房管理办法》的发布日期2026年5月8日晚2个工作日（3天）',
    ]);
  });

  it('same day, written differently (2026年3月5日 vs 2026-03-05, 发文日期 vs 发布日期): quiet', () => {
    assert.deepEqual(check('in-sync', '海口市市级储备粮管理办法.md'), []);
    assert.deepEqual(check('in-sync', '解读/《海口市市级储备粮管理办法》政策解读.md'), []);
    assert.deepEqual(check('by-title', '文件/海府办规〔2026〕2号.txt'), []);
  });

  it('default grace 0: a weekend day later is still not the same day', () => {
    const r = pair('2026-03-06', '2026-03-07');
    assert.deepEqual(r.policy, ['warning [2026-03-06] 解读应与政策文件同日发布：政策解读《〈海口市市级储备粮管理办法〉政策解读》的发布日期2026年3月7日比本文件的发布日期2026年3月6日晚1天（0个工作日）']);
    assert.deepEqual(pair('2026-03-06', '2026-03-07', { graceDays: 1 }).policy, []);
  });

  it('an interpretation published before the policy is out of sync too', () => {
    assert.deepEqual(pair('2026-03-09', '2026-03-05').interp, ['warning [2026-03-05] 解读应与政策文件同日发布：本解读的发布日期2026年3月5日比政策文件《海口市市级储备粮管理办法》的发布日期2026年3月9日早2个工作日（4天）']);
  });

  it('a year the calendar does not cover: with grace, an info that it cannot be computed; without, the calendar days', () => {
    assert.deepEqual(pair('2031-03-03', '2031-03-05', { graceDays: 2 }).interp, ['info [2031-03-05] 无法计算本解读与政策文件《海口市市级储备粮管理办法》发布日期（2031年3月3日、2031年3月5日）相差的工作日：日历数据只覆盖2004—2026年']);
    assert.deepEqual(pair('2031-03-03', '2031-03-05').policy, ['warning [2031-03-03] 解读应与政策文件同日发布：政策解读《〈海口市市级储备粮管理办法〉政策解读》的发布日期2031年3月5日比本文件的发布日期2031年3月3日晚2天（工作日无法计算：日历数据只覆盖2004—2026年）']);
    assert.deepEqual(pair('2031-03-03', '2031-03-03', { graceDays: 2 }).policy, []);
  });

  it('quiet without dates to compare or without a linked draft', () => {
    assert.deepEqual(pair('2026-03-05', '未定').policy, []);
    assert.deepEqual(check('missing', '海口市促进会展业发展若干措施.md'), []);
    assert.deepEqual(check('broken-link', '海口市城市绿化管理办法.md'), []);
  });
});
