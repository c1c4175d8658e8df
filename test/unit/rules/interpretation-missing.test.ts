import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { DraftIndex, ZwgkDocument, summarize } from '../../../src/core';
import { lintWith, spanOf } from '../../helpers/lint';
import { loadWorkspace } from '../../helpers/workspace';

const WS = path.resolve(__dirname, '../../fixtures/workspaces');
const ID = 'interpretation-missing';

function check(ws: string, rel: string, options?: Record<string, unknown>) {
  const w = loadWorkspace(path.join(WS, ws));
  const text = w.text(rel);
  return lintWith(ID, text, { filename: w.abs(rel), index: w.index, options }).map((m) => ({ severity: m.severity, span: spanOf(text, m), message: m.message, clause: m.clause.id }));
}

describe(ID, () => {
  it('fires on a 政策文件 (type inferred from its title) with no interpretation in the workspace, at its title', () => {
    assert.deepEqual(check('missing', '海口市促进会展业发展若干措施.md'), [{
      severity: 'warning', span: '海口市促进会展业发展若干措施', clause: '要点 二（一）',
      message: '补写政策解读并在元数据“解读材料”中写明：没有找到本政策文件的政策解读（文档类型由标题推断为“政策文件”；如不是，请在元数据中写明“文档类型”），工作区中也没有标题或文件名与之对应的解读',
    }]);
  });

  it('fires on a 解读材料 path that does not exist, at the path — even when an interpretation exists under another name', () => {
    assert.deepEqual(check('broken-link', '海口市城市绿化管理办法.md'), [{
      severity: 'warning', span: '解读/绿化管理办法解读.md', clause: '要点 二（一）',
      message: '解读材料“解读/绿化管理办法解读.md”找不到：工作区中没有这个文件',
    }]);
  });

  it('fires on a 解读材料 path that leaves the workspace, and does not follow it', () => {
    assert.deepEqual(check('outside', '海口市夜间经济发展若干措施.md'), [{
      severity: 'warning', span: '../../共享盘/夜间经济解读.md', clause: '要点 二（一）',
      message: '解读材料“../../共享盘/夜间经济解读.md”指向工作区以外，不予跟随；请把该文件放进工作区，或改写为网址',
    }]);
  });

  it('fires on a broken 解读对象 on the interpretation side too', () => {
    const index = new DraftIndex({ root: '/ws' });
    const text = '---\n标题: 《海口市市级储备粮管理办法》政策解读\n文档类型: 政策解读\n解读对象: ../储备粮管理办法.md\n---\n\n# 《海口市市级储备粮管理办法》政策解读\n';
    const msgs = lintWith(ID, text, { filename: '/ws/解读/a.md', index: (index.set(summarize(new ZwgkDocument(text, '/ws/解读/a.md'), '/ws/解读/a.md')), index) });
    assert.deepEqual(msgs.map((m) => [spanOf(text, m), m.message]), [['../储备粮管理办法.md', '解读对象“../储备粮管理办法.md”找不到：工作区中没有这个文件']]);
  });

  it('stays quiet when the interpretation is linked, backlinked, or matched by title or file name', () => {
    assert.deepEqual(check('in-sync', '海口市市级储备粮管理办法.md'), []);
    assert.deepEqual(check('wrong-drafter', '海口市既有住宅增设电梯管理办法.md'), []);
    assert.deepEqual(check('late', '海口市城镇老旧小区改造资金管理办法.md'), []);
    assert.deepEqual(check('by-title', '文件/海府办规〔2026〕2号.txt'), []);
    assert.deepEqual(check('by-filename', '海口市公共租赁住房管理办法.md'), []);
  });

  it('stays quiet on interpretations and on drafts that are not policies', () => {
    assert.deepEqual(check('in-sync', '解读/《海口市市级储备粮管理办法》政策解读.md'), []);
    assert.deepEqual(check('by-title', '解读/《海口市公共停车设施收费管理办法》解读.md'), []);
    assert.deepEqual(check('missing', '海口市商务局2025年政府信息公开工作年度报告.md'), []);
  });

  it('without a workspace: an info that it cannot look, unless 解读材料 is written (then nothing to check)', () => {
    const w = loadWorkspace(path.join(WS, 'missing'));
    const text = w.text('海口市促进会展业发展若干措施.md');
    const msgs = lintWith(ID, text, { filename: w.abs('海口市促进会展业发展若干措施.md') });
    assert.deepEqual(msgs.map((m) => [m.severity, spanOf(text, m)]), [['info', '海口市促进会展业发展若干措施']]);
    assert.match(msgs[0].message, /^无法查找本政策文件的政策解读：没有可检查的工作区/);
    const broken = loadWorkspace(path.join(WS, 'broken-link'));
    assert.deepEqual(lintWith(ID, broken.text('海口市城市绿化管理办法.md'), { filename: broken.abs('海口市城市绿化管理办法.md') }), []);
  });

  it('an empty 解读材料 value: the message sits on the key; 无 counts as no interpretation', () => {
    const index = new DraftIndex({ root: '/ws' });
    index.set({ path: '/ws/other.md', title: '其他', type: '其他', metadata: {} });
    const none = '---\n标题: 海口市市级储备粮管理办法\n文档类型: 规范性文件\n解读材料: 无\n---\n\n# 海口市市级储备粮管理办法\n';
    const [m] = lintWith(ID, none, { filename: '/ws/p.md', index });
    assert.equal(spanOf(none, m), '无');
    assert.match(m.message, /^补写政策解读并在元数据“解读材料”中写明：没有找到本规范性文件的政策解读，/);
    const empty = '---\n标题: 海口市市级储备粮管理办法\n文档类型: 规范性文件\n解读材料:\n---\n\n# 海口市市级储备粮管理办法\n';
    assert.deepEqual(lintWith(ID, empty, { filename: '/ws/p.md', index }).map((x) => spanOf(empty, x)), ['解读材料']);
  });
});
