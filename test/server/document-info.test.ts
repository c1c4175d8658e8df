/** zwgk/documentInfo: what the status bar shows — the kind and why, the next deadline, the 解读 status. */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { startWorkspace, type LspClient } from './lsp-client';
import { POLICY, INTERPRETATION, policyWorkspace } from './drafts';

type Info = { draft: boolean; why: string; kind?: { value: string; inferred: boolean; reason: string }; items: { text: string; detail: string; state: string }[] };

const REPORT = '---\n标题: 海口市生态环境局2025年政府信息公开工作年度报告\n文档类型: 年度报告\n发布机构: 海口市生态环境局\n机关层级: 部门\n报告年度: 2025\n成文日期: 2026-01-10\n---\n\n# 海口市生态环境局2025年政府信息公开工作年度报告\n';
const REPLY = '---\n标题: 政府信息公开申请答复书\n文档类型: 依申请答复\n收到申请日期: 2026-02-02\n答复日期: 2026-03-10\n公开属性: 依申请公开\n---\n\n# 政府信息公开申请答复书\n';

describe('language server: zwgk/documentInfo (the status bar)', function () {
  this.timeout(30000);
  let ws: string;
  let c: LspClient;
  const info = async (rel: string, text: string): Promise<Info> => {
    const uri = c.open(path.join(ws, rel), text);
    await c.diagnostics(uri);
    const r = await c.conn.sendRequest<Info | null>('zwgk/documentInfo', { uri });
    c.close(uri);
    assert.ok(r);
    return r;
  };

  before(async () => {
    ({ ws, client: c } = await startWorkspace({ ...policyWorkspace(), 'notes/README.md': '# 说明\n' }));
  });
  after(() => c?.shutdown());

  it('an annual report: its kind (declared) and its deadline — a department’s 1月31日 of the next year', async () => {
    const r = await info('nianbao.md', REPORT);
    assert.deepEqual(r.kind, { value: '年度报告', inferred: false, reason: '由元数据“文档类型”声明' });
    assert.equal(r.items[0].text, '发布期限 2026年1月31日');
    assert.equal(r.items[0].state, 'due');
    assert.equal(r.items[0].detail, '年度报告公布期限：2026年1月31日 星期六（次年1月31日前，条例 第四十九条）');
    const late = await info('nianbao-late.md', REPORT.replace('成文日期: 2026-01-10', '发布日期: 2026-02-03'));
    assert.equal(late.items[0].state, 'late');
  });

  it('a reply to an application: the reply deadline in working days (春节 2026 counted)', async () => {
    const r = await info('dafu.md', REPLY);
    assert.equal(r.items[0].text, '答复期限 2026年3月6日');
    assert.equal(r.items[0].state, 'late');
  });

  it('a policy: the 解读 status first — found beside it, or missing', async () => {
    const linked = await info('海口市市级储备粮管理办法.md', POLICY);
    assert.equal(linked.kind?.value, '规范性文件');
    assert.equal(linked.items[0].text, '解读已关联');
    assert.match(linked.items[0].detail, /《海口市市级储备粮管理办法》政策解读/);
    const alone = await info('other/海口市城市绿化管理办法.md', POLICY.replace(/海口市市级储备粮管理办法/g, '海口市城市绿化管理办法').replace('解读材料: 储备粮管理办法解读.md\n', ''));
    assert.equal(alone.items[0].text, '未找到解读');
    assert.equal(alone.items[0].state, 'missing');
    const interp = await info('储备粮管理办法解读.md', INTERPRETATION);
    assert.equal(interp.items.at(-1)?.text, '解读对象已关联');
  });

  it('a README is no draft: the answer says so and why', async () => {
    const r = await info('notes/README.md', '# 说明\n');
    assert.equal(r.draft, false);
    assert.match(r.why, /项目说明文件/);
  });
});
