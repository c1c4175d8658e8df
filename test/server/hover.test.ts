/** Protocol tests: hovers — problems with their clause, requirement terms, 文号, dates, title, links. */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { CLAUSES, Calendar, formatDate, getRule, lintText } from '../../src/core';
import { LspClient, startWorkspace } from './lsp-client';
import { POLICY, posOf, policyWorkspace } from './drafts';

/** Hover Markdown with the escapes removed, to compare with plain clause text. */
function plain(h: { contents: unknown } | null): string {
  assert.ok(h, 'no hover');
  const c = h.contents as { kind: string; value: string };
  assert.equal(c.kind, 'markdown');
  return c.value.replace(/\\(.)/g, '$1');
}

describe('language server: hover', function () {
  this.timeout(30000);
  let ws: string;
  let client: LspClient;
  let uri: string;
  const text = `${POLICY}\n第四条 本办法自2026年2月14日起施行，2026年2月17日前完成备案，2027年1月4日前评估。\n`;

  before(async () => {
    ({ ws, client } = await startWorkspace(policyWorkspace(text)));
    uri = client.open(path.join(ws, '海口市市级储备粮管理办法.md'), text);
    await client.diagnostics(uri);
  });
  after(() => client?.shutdown());

  const at = (needle: string, extra = 1) => {
    const p = posOf(text, needle, extra);
    return client.hover(uri, p.line, p.character);
  };

  /** Non-empty lines of a hover (what a drafter has to read). */
  const lines = (v: string) => v.split('\n').filter((l) => l.trim() && l.trim() !== '>');

  it('on a problem: 怎么改 with the quick fix, a clause excerpt, the rule page — not the message again, no 为什么', async () => {
    const h = await at('13812345678', 3);
    const v = plain(h);
    const m = lintText(text, 'a.md').messages.find((x) => x.ruleId === 'personal-phone')!;
    const first = lines(v)[0];
    assert.equal(first, '**怎么改：** 脱敏为“138****5678”（快速修复）', 'the fix first');
    assert.ok(!v.includes(m.message), 'VS Code shows the message above the hover: not repeated');
    assert.ok(!v.includes('为什么'), 'the rationale is on the rule page, not in the hover');
    assert.ok(!v.includes(getRule('personal-phone')!.meta.rationale));
    // The clause: its first sentence and its id, then the link to the local rule page.
    assert.ok(v.includes('> 涉及商业秘密、个人隐私等公开会对第三方合法权益造成损害的政府信息，行政机关不得公开。……'), v);
    assert.ok(v.includes(`—— ${m.clause.id}`));
    assert.ok(!v.includes('但是，第三方同意公开'), 'only an excerpt of the clause');
    assert.match(v, /\[规则说明：手机号码未脱敏\]\(file:\/\/\/.*\/docs\/rules\/personal-phone\.md\)$/);
    assert.ok(lines(v).length <= 5, `short: ${lines(v).length} lines\n${v}`);
    // The range is the problem's.
    const p = posOf(text, '13812345678');
    assert.deepEqual(h!.range!.start, p);
    assert.equal(h!.range!.end.character, p.character + 11);
  });

  it('on a 文号 problem: the parts once, the fix, GB/T 9704 7.2.5 quoted once (marked 摘要)', async () => {
    const v = plain(await at('海府办函[2019]168号', 2));
    assert.match(v, /^\*\*怎么改：\*\* 将“\[2019\]168号”改为“〔2019〕168号”/);
    assert.equal(v.split('7.2.5').length - 1, 1, `the clause once:\n${v}`);
    assert.ok(v.includes('（摘要）'));
    assert.match(v, /\| 机关代字 \| 海府办函 \|/);
    assert.match(v, /\| 年份 \| 2019 \|/);
    assert.match(v, /\| 顺序号 \| 168 \|/);
    assert.ok(!v.includes('格式不规范'), 'the message says what is wrong');
    assert.ok(!v.includes('规范写法'), 'the fix says the correct form');
  });

  it('on a well-formed 文号 in the body: its parts and “格式规范”', async () => {
    const v = plain(await at('国办发〔2016〕80号', 3));
    assert.match(v, /\| 机关代字 \| 国办发 \|/);
    assert.match(v, /\| 顺序号 \| 80 \|/);
    assert.ok(v.includes('格式规范'));
    assert.ok(!v.includes('格式不规范'));
  });

  it('on a requirement term: what the work points require, with the verbatim clause', async () => {
    const v = plain(await at('同步审签', 1));
    assert.ok(v.includes('同步解读'));
    assert.ok(v.includes(CLAUSES.yaodian_2_1.text), 'the clause text of 要点 二（一）');
    assert.ok(v.includes('要点 二（一）'));
    const w = plain(await at('谁起草谁解读', 2));
    assert.ok(w.includes('**谁起草谁解读**'));
  });

  it('on dates: weekday and working day per the official calendar (holiday, 调休, uncovered year)', async () => {
    const cal = new Calendar();
    const adjusted = plain(await at('2026年2月14日', 2));
    const i14 = cal.info({ year: 2026, month: 2, day: 14 });
    assert.equal(i14.adjustedWorkday, true);
    assert.ok(adjusted.includes('星期六'));
    assert.ok(adjusted.includes(`调休上班（${i14.holiday}）`));
    const holiday = plain(await at('2026年2月17日', 2));
    assert.ok(holiday.includes('星期二'));
    assert.ok(holiday.includes('休息日（春节）'));
    const uncovered = plain(await at('2027年1月4日', 2));
    assert.ok(uncovered.includes('2027年不在工作日历数据范围内'));
  });

  it('on the 成文日期 field: leads with the weekday line, then the 主动公开 deadline it drives, then 怎么改 of its date-format problem', async () => {
    const v = plain(await at('2019年06月21日', 3));
    const due = new Calendar().addWorkdays({ year: 2019, month: 6, day: 21 }, 20)!;
    assert.match(lines(v)[0], /^\*\*2019年6月21日\*\* 星期五，工作日$/);
    assert.ok(v.includes(`主动公开期限：**${formatDate(due, 'cn')}**`), v);
    assert.ok(v.includes('条例 第二十六条'));
    assert.ok(v.indexOf('主动公开期限') < v.indexOf('怎么改'), 'the date first, then the problem');
    assert.match(v, /将“2019年06月21日”改为“2019年6月21日”/);
    assert.ok(v.includes('[规则说明：日期格式]'));
  });

  it('on a date a deadline rule reported: the weekday line first; the deadline is in the message, not repeated', async () => {
    const report = '---\n标题: 美兰区2020年政府信息公开工作年度报告\n机关层级: 政府\n发布日期: 2021-04-02\n---\n\n# 美兰区2020年政府信息公开工作年度报告\n';
    const u = client.open(path.join(ws, 'nianbao.md'), report);
    const diags = await client.diagnostics(u);
    const message = diags.find((d) => d.code === 'annual-report-deadline')!.message as string;
    assert.match(message, /2021年3月31日/);
    const p = posOf(report, '2021-04-02', 2);
    const v = plain(await client.hover(u, p.line, p.character));
    assert.match(lines(v)[0], /^\*\*2021年4月2日\*\* 星期五，工作日$/);
    assert.ok(!v.includes('计算的期限'), v);
    assert.ok(!v.includes(message));
    assert.match(v, /\*\*怎么改：\*\* 在法定期限内发布/);
    client.close(u);
  });

  it('on a date field: the deadlines the core computes for this kind and version — an annual report is not held to the 20 working days; a 2018 application to the 2007 条例’s 15', async () => {
    const report = '---\n标题: 海口市某某局2025年政府信息公开工作年度报告\n文档类型: 年度报告\n机关层级: 部门\n报告年度: 2025\n成文日期: 2026-01-10\n公开属性: 主动公开\n---\n\n# 海口市某某局2025年政府信息公开工作年度报告\n';
    const u = client.open(path.join(ws, 'nianbao-2025.md'), report);
    await client.diagnostics(u);
    let p = posOf(report, '2026-01-10', 2);
    const v = plain(await client.hover(u, p.line, p.character));
    assert.match(lines(v)[0], /^\*\*2026年1月10日\*\* 星期六/);
    assert.ok(!v.includes('主动公开期限'), v);
    client.close(u);
    const reply = '---\n标题: 关于王某申请公开信息的答复\n文档类型: 依申请答复\n收到申请日期: 2018-03-01\n---\n\n# 关于王某申请公开信息的答复\n';
    const r = client.open(path.join(ws, 'dafu-2018.md'), reply);
    await client.diagnostics(r);
    p = posOf(reply, '2018-03-01', 2);
    const w = plain(await client.hover(r, p.line, p.character));
    const due = new Calendar().addWorkdays({ year: 2018, month: 3, day: 1 }, 15)!;
    assert.ok(w.includes(`依申请公开答复期限：**${formatDate(due, 'cn')}**`), w);
    assert.ok(w.includes('15个工作日'), w);
    client.close(r);
  });

  it('on a 收到申请日期 not extended: the reply deadline, then how far an approved extension reaches, with 第三十三条’s own sentence', async () => {
    const cal = new Calendar();
    const reply = (extra: string, received = '2026-03-02') =>
      `---\n标题: 关于王某申请公开信息的答复\n文档类型: 依申请答复\n收到申请日期: ${received}\n${extra}---\n\n# 关于王某申请公开信息的答复\n`;
    const hoverOn = async (name: string, body: string, date: string) => {
      const u = client.open(path.join(ws, name), body);
      await client.diagnostics(u);
      const p = posOf(body, date, 2);
      const v = plain(await client.hover(u, p.line, p.character));
      client.close(u);
      return v;
    };
    const cn = (n: number, from = { year: 2026, month: 3, day: 2 }) => formatDate(cal.addWorkdays(from, n)!, 'cn');
    // Not replied yet, no extension: 20 working days, at most 20 more with approval.
    const open = await hoverOn('dafu-open.md', reply(''), '2026-03-02');
    assert.match(lines(open)[0], /^\*\*2026年3月2日\*\* 星期一，工作日$/, 'the weekday line first');
    assert.ok(open.includes(`依申请公开答复期限：**${cn(20)}**`), open);
    const ext = lines(open).find((l) => l.includes('经批准延期'));
    assert.ok(ext, open);
    assert.match(ext, new RegExp(`^- 经批准延期：最长至 \\*\\*${cn(40)}\\*\\* 星期.（再延长不超过20个工作日；`), ext);
    assert.ok(ext.includes('再延长不超过20个工作日'), ext);
    // The clause's sentence as the 条例 (2019) has it (政府信息公开条例-2019.md, 第三十三条 第二款).
    assert.ok(ext.includes('条例 第三十三条：“需要延长答复期限的，应当经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不得超过20个工作日。”'), ext);
    assert.ok(open.indexOf('依申请公开答复期限') < open.indexOf('经批准延期'), 'the statutory deadline first');
    // Already extended: the period includes the extension, nothing more to offer.
    const extended = await hoverOn('dafu-ext.md', reply('延期答复: 是\n'), '2026-03-02');
    assert.ok(extended.includes(`依申请公开答复期限：**${cn(40)}**`), extended);
    assert.ok(extended.includes('含延期20个工作日'), extended);
    assert.ok(!extended.includes('经批准延期'), extended);
    // Replied on time: no extension to think about.
    const done = await hoverOn('dafu-done.md', reply('答复日期: 2026-03-10\n'), '2026-03-02');
    assert.ok(done.includes('依申请公开答复期限'), done);
    assert.ok(!done.includes('经批准延期'), done);
    // Under the 2007 条例: 15 more at most, its own 第二十四条 sentence.
    const old = await hoverOn('dafu-2018-open.md', reply('', '2018-03-01'), '2018-03-01');
    const from2018 = { year: 2018, month: 3, day: 1 };
    assert.ok(old.includes(`最长至 **${cn(30, from2018)}**`), old);
    assert.ok(old.includes('条例（2007） 第二十四条：“如需延长答复期限的，应当经政府信息公开工作机构负责人同意，并告知申请人，延长答复的期限最长不得超过15个工作日。”'), old);
    // Other deadlines (an annual report's) have no extension.
    const report = '---\n标题: 海口市某某局2025年政府信息公开工作年度报告\n文档类型: 年度报告\n机关层级: 部门\n报告年度: 2025\n成文日期: 2026-01-10\n---\n\n# 海口市某某局2025年政府信息公开工作年度报告\n';
    assert.ok(!(await hoverOn('nianbao-ext.md', report, '2026-01-10')).includes('经批准延期'));
  });

  it('on the title: what zwgk understood — the type and why, its dates, the versions applied, the deadlines', async () => {
    const p = posOf(text, '标题: 海口市', 6);
    const v = plain(await client.hover(uri, p.line, p.character));
    assert.ok(v.includes('文档类型：规范性文件'));
    assert.ok(v.includes('由元数据“文档类型”声明'));
    assert.match(v, /成文日期 \d{4}-\d{2}-\d{2}（元数据“成文日期”，第\d+行）/);
    assert.match(v, /适用：条例（2019年修订，国务院令第711号） · GB\/T 9704-2012/);
    assert.match(v, /主动公开期限：20个工作日，截止 \d{4}-\d{2}-\d{2} — /);
    assert.ok(v.includes('zwgk inspect'));
  });

  it('on a 解读材料 link: the linked draft’s title and dates', async () => {
    const v = plain(await at('储备粮管理办法解读.md', 2));
    assert.ok(v.includes('《海口市市级储备粮管理办法》政策解读'));
    assert.ok(v.includes('发布日期：2019-06-24'));
    assert.ok(v.includes('起草单位：海口市发展和改革委员会'));
  });

  it('nothing on plain prose', async () => {
    assert.equal(await at('制定本办法', 1), null);
  });
});
