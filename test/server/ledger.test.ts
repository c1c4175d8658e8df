/** zwgk/ledger: the 公开台账 the tree view shows — every indexed draft, deadlines placed against `today`. */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { startWorkspace, type LspClient } from './lsp-client';
import type { Ledger } from '../../src/core/ledger';

const POLICY = `---\n标题: 海口市市级储备粮管理办法\n文档类型: 规范性文件\n发布机构: 海口市人民政府\n公开属性: 主动公开\n成文日期: 2026-02-02\n解读材料: 储备粮解读.md\n---\n\n# 海口市市级储备粮管理办法\n\n第一条 为加强市级储备粮管理，制定本办法。\n`;
const INTERP = `---\n标题: 《海口市市级储备粮管理办法》政策解读\n文档类型: 政策解读\n起草单位: 海口市发展和改革委员会\n发布日期: 2026-03-05\n---\n\n# 《海口市市级储备粮管理办法》政策解读\n`;
const GREEN = `---\n标题: 海口市城市绿化管理办法\n文档类型: 规范性文件\n发布机构: 海口市人民政府\n公开属性: 主动公开\n成文日期: 2026-01-05\n发布日期: 2026-01-09\n---\n\n# 海口市城市绿化管理办法\n`;

describe('language server: zwgk/ledger (公开台账)', function () {
  this.timeout(30000);
  let ws: string;
  let c: LspClient;
  const ledger = async (params: Record<string, unknown>): Promise<Ledger> => {
    const r = await c.conn.sendRequest<{ ledger?: Ledger; error?: string } | null>('zwgk/ledger', params);
    assert.ok(r && r.ledger, JSON.stringify(r));
    return r.ledger;
  };

  before(async () => {
    ({ ws, client: c } = await startWorkspace({ '.zwgkrc.json': '{ "rules": {} }\n', '储备粮管理办法.md': POLICY, '储备粮解读.md': INTERP, 'sub/绿化管理办法.md': GREEN }));
  });
  after(() => c?.shutdown());

  it('lists every draft of the workspace with its deadline counted from the given today', async () => {
    const l = await ledger({ today: '2026-03-02' });
    assert.equal(l.today, '2026-03-02');
    assert.deepEqual(l.entries.map((e) => path.relative(ws, e.path)).sort(), ['sub/绿化管理办法.md', '储备粮管理办法.md', '储备粮解读.md'].sort());
    const p = l.entries.find((e) => e.path.endsWith('储备粮管理办法.md'))!;
    assert.deepEqual(p.deadlines.map((d) => [d.due, d.workdaysLeft, d.state, d.line]), [['2026-03-06', 4, 'due-soon', 6]]);
    assert.equal(p.pairs[0].path, path.join(ws, '储备粮解读.md'));
    assert.equal(l.entries.find((e) => e.path.endsWith('绿化管理办法.md'))!.interpretation, 'missing');
    const later = await ledger({ today: '2026-03-10' });
    assert.equal(later.entries.find((e) => e.path.endsWith('储备粮管理办法.md'))!.deadlines[0].state, 'late');
  });

  it('an open editor buffer counts as it is now, not as saved', async () => {
    const uri = c.open(path.join(ws, '储备粮管理办法.md'), POLICY.replace('成文日期: 2026-02-02\n', '成文日期: 2026-02-02\n发布日期: 2026-03-05\n'));
    await c.diagnostics(uri);
    const l = await ledger({ today: '2026-03-10' });
    const d = l.entries.find((e) => e.path.endsWith('储备粮管理办法.md'))!.deadlines[0];
    assert.deepEqual([d.done, d.state], ['2026-03-05', 'on-time']);
    c.close(uri);
  });

  it('a today that is not a date: an error message, not a crash', async () => {
    const r = await c.conn.sendRequest<{ error?: string }>('zwgk/ledger', { today: '3月2日' });
    assert.match(r.error ?? '', /“今天”的日期无法识别/);
  });
});

describe('language server: zwgk/ledger lists what lint-all calls a draft', function () {
  this.timeout(30000);
  it('the draft with catalogue metadata, not a README (even under a config) or a plain note without one', async () => {
    const { ws, client } = await startWorkspace({
      'drafts/.zwgkrc.json': '{ "rules": {} }\n',
      'drafts/README.md': '# 说明\n\n本文件夹存放待发布的文稿。\n',
      'drafts/绿化管理办法.md': GREEN,
      'notes/README.md': '# 会议笔记\n\n这是一个普通的 Markdown 项目。\n',
      'notes/周会.md': '# 周会\n\n讨论了下周的工作安排。\n',
    });
    try {
      // As in the editor: lint all drafts, then the view asks for the ledger.
      const lint = await client.conn.sendRequest<{ files: number; skipped: number }>('zwgk/lintWorkspace', {});
      assert.deepEqual([lint.files, lint.skipped], [1, 3]);
      const r = await client.conn.sendRequest<{ ledger?: Ledger }>('zwgk/ledger', { today: '2026-03-02' });
      assert.deepEqual(r.ledger!.entries.map((e) => path.relative(ws, e.path)), ['drafts/绿化管理办法.md']);
    } finally {
      await client.shutdown();
    }
  });
});
