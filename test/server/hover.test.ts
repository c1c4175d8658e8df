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

  it('on a problem: rule title, why, the verbatim clause with source and id, how to fix, docs link', async () => {
    const h = await at('13812345678', 3);
    const v = plain(h);
    assert.match(v, /zwgk：.*`personal-phone`/);
    assert.match(v, /为什么：/);
    assert.match(v, /怎么改：/);
    assert.ok(v.includes('https://github.com/zwgk/zwgk/blob/main/docs/rules/personal-phone.md'));
    const m = lintText(text, 'a.md').messages.find((x) => x.ruleId === 'personal-phone')!;
    assert.ok(v.includes(m.clause.text), 'the clause text');
    assert.ok(v.includes(`${m.clause.source} ${m.clause.id}`), 'its source and id');
    assert.ok(v.includes(getRule('personal-phone')!.meta.rationale));
    // The range is the problem's.
    const p = posOf(text, '13812345678');
    assert.deepEqual(h!.range!.start, p);
    assert.equal(h!.range!.end.character, p.character + 11);
  });

  it('on a 文号 problem: quotes GB/T 9704 7.2.5 (marked 摘要) and shows the parts and the correct form', async () => {
    const v = plain(await at('海府办函[2019]168号', 2));
    assert.ok(v.includes(CLAUSES.gbt9704_7_2_5.text));
    assert.ok(v.includes('7.2.5 发文字号（摘要'));
    assert.match(v, /\| 机关代字 \| 海府办函 \|/);
    assert.match(v, /\| 年份 \| 2019 \|/);
    assert.match(v, /\| 顺序号 \| 168 \|/);
    assert.ok(v.includes('规范写法：**海府办函〔2019〕168号**'));
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

  it('on the 成文日期 field: the 主动公开 deadline it drives (20 working days, 条例 第二十六条)', async () => {
    const v = plain(await at('2019年06月21日', 3));
    const due = new Calendar().addWorkdays({ year: 2019, month: 6, day: 21 }, 20)!;
    assert.ok(v.includes(`主动公开期限：**${formatDate(due, 'cn')}**`), v);
    assert.ok(v.includes('条例 第二十六条'));
    // The date-format problem on the same value is explained too.
    assert.ok(v.includes('`date-format`'));
  });

  it('on a date field a deadline rule checked: the deadline the rule computed', async () => {
    const report = '---\n标题: 美兰区2020年政府信息公开工作年度报告\n机关层级: 政府\n发布日期: 2021-04-02\n---\n\n# 美兰区2020年政府信息公开工作年度报告\n';
    const u = client.open(path.join(ws, 'nianbao.md'), report);
    await client.diagnostics(u);
    const p = posOf(report, '2021-04-02', 2);
    const v = plain(await client.hover(u, p.line, p.character));
    assert.ok(v.includes('`annual-report-deadline` 计算的期限：**2021年3月31日 星期三**'), v);
    assert.ok(v.includes('2021年4月2日** 星期五，工作日'));
    client.close(u);
  });

  it('on the title: the document type and why', async () => {
    const p = posOf(text, '标题: 海口市', 6);
    const v = plain(await client.hover(uri, p.line, p.character));
    assert.ok(v.includes('文档类型：规范性文件'));
    assert.ok(v.includes('由元数据“文档类型”声明'));
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
