import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { DraftIndex, ZwgkDocument, summarize } from '../../../src/core';
import { sameUnit, isGovernmentIssuer } from '../../../src/core/util/units';
import { lintWith, spanOf } from '../../helpers/lint';
import { loadWorkspace } from '../../helpers/workspace';

const WS = path.resolve(__dirname, '../../fixtures/workspaces');
const ID = 'interpretation-drafter';

function check(ws: string, rel: string) {
  const w = loadWorkspace(path.join(WS, ws));
  const text = w.text(rel);
  return lintWith(ID, text, { filename: w.abs(rel), index: w.index }).map((m) => ({ span: spanOf(text, m), message: m.message, clause: m.clause.id }));
}

function pair(policyUnits: string, interpUnits: string) {
  const policy = `---\n标题: 海口市市级储备粮管理办法\n文档类型: 规范性文件\n${policyUnits}\n---\n\n# 海口市市级储备粮管理办法\n`;
  const interp = `---\n标题: 《海口市市级储备粮管理办法》政策解读\n文档类型: 政策解读\n${interpUnits}\n---\n\n# 《海口市市级储备粮管理办法》政策解读\n`;
  const index = new DraftIndex({ root: '/ws' });
  index.set(summarize(new ZwgkDocument(policy, '/ws/p.md'), '/ws/p.md'));
  index.set(summarize(new ZwgkDocument(interp, '/ws/i.md'), '/ws/i.md'));
  return {
    policy: lintWith(ID, policy, { filename: '/ws/p.md', index }).map((m) => `[${spanOf(policy, m)}] ${m.message}`),
    interp: lintWith(ID, interp, { filename: '/ws/i.md', index }).map((m) => `[${spanOf(interp, m)}] ${m.message}`),
  };
}

describe(ID, () => {
  it('fires on both drafts of the wrong-drafter pair, each at its own 起草单位', () => {
    assert.deepEqual(check('wrong-drafter', '政策问答/增设电梯政策问答.md'), [{
      span: '海口市自然资源和规划局', clause: '要点 二（一）',
      message: '应由政策文件《海口市既有住宅增设电梯管理办法》的起草单位“海口市住房和城乡建设局”解读（谁起草谁解读）：本解读的起草单位是“海口市自然资源和规划局”',
    }]);
    assert.deepEqual(check('wrong-drafter', '海口市既有住宅增设电梯管理办法.md'), [{
      span: '海口市住房和城乡建设局', clause: '要点 二（一）',
      message: '应由本文件的起草单位“海口市住房和城乡建设局”解读（谁起草谁解读）：政策解读《海口市既有住宅增设电梯政策问答》的起草单位是“海口市自然资源和规划局”',
    }]);
  });

  it('stays quiet on the other fixture pairs (same unit, spelled differently; or drafter unknown)', () => {
    assert.deepEqual(check('in-sync', '海口市市级储备粮管理办法.md'), []);
    assert.deepEqual(check('in-sync', '解读/《海口市市级储备粮管理办法》政策解读.md'), []);
    assert.deepEqual(check('late', '老旧小区改造资金管理办法解读.md'), []);
    assert.deepEqual(check('by-filename', '海口市公共租赁住房管理办法.md'), []);
    assert.deepEqual(check('by-title', '解读/关于《海口市公共停车设施建设管理办法》的解读.md'), []);
  });

  it('falls back to 发布机构 of a department, not of a government or its office', () => {
    assert.deepEqual(pair('发布机构: 海口市财政局', '发布机构: 海口市商务局').interp, [
      '[海口市商务局] 应由政策文件《海口市市级储备粮管理办法》的发布机构“海口市财政局”解读（谁起草谁解读）：本解读的发布机构是“海口市商务局”',
    ]);
    assert.deepEqual(pair('发布机构: 海口市人民政府办公室', '发布机构: 海口市商务局').interp, []);
    assert.deepEqual(pair('起草单位: 海口市财政局', '发布机构: 海口市人民政府办公厅').policy, []);
    assert.deepEqual(pair('起草单位: 海口市财政局', '').policy, []);
  });

  it('units: place prefix, abbreviations, notes and joint drafting are trivial differences', () => {
    const same: [string, string][] = [
      ['海口市财政局', '市财政局'],
      ['海南省海口市财政局', '海口市财政局'],
      ['海口市 财政局', '海口市财政局'],
      ['海口市发展和改革委员会', '市发改委'],
      ['海口市人力资源和社会保障局', '海口市人社局'],
      ['海口市住房和城乡建设局', '市住建局'],
      ['海口市市场监督管理局', '市市场监管局'],
      ['海口市卫生健康委员会', '市卫健委'],
      ['海口市财政局（海口市国有资产监督管理办公室）', '海口市财政局'],
      ['海口市财政局、国家税务总局海口市税务局', '国家税务总局海口市税务局'],
      ['海口市人民政府', '市政府'],
    ];
    for (const [a, b] of same) assert.ok(sameUnit(a, b), `${a} = ${b}`);
    const different: [string, string][] = [
      ['海口市财政局', '三亚市商务局'],
      ['海口市财政局', '龙华区财政局'],
      ['海口市龙华区财政局', '市财政局'],
      ['海口市住房和城乡建设局', '海口市自然资源和规划局'],
      ['市财政局', '区财政局'],
    ];
    for (const [a, b] of different) assert.ok(!sameUnit(a, b), `${a} ≠ ${b}`);
    assert.ok(isGovernmentIssuer('海口市人民政府办公室'));
    assert.ok(isGovernmentIssuer('市政府办公厅'));
    assert.ok(!isGovernmentIssuer('海口市财政局'));
  });
});
