import * as assert from 'node:assert/strict';
import { buildLedger, Calendar, DraftIndex, ZwgkDocument, lintDocument, resolveConfig, summarize, ALL_RULES, type Ledger, type LedgerEntry } from '../../../src/core';

const cal = new Calendar();

/** A workspace of drafts (path under /ws → text), linted and put in the ledger as the CLI does. */
function ledgerOf(files: Record<string, string>, today: string, options: { config?: ReturnType<typeof resolveConfig> } = {}): Ledger {
  const index = new DraftIndex({ root: '/ws' });
  const docs = Object.entries(files).map(([p, text]) => new ZwgkDocument(text, `/ws/${p}`));
  for (const d of docs) index.set(summarize(d, d.filePath!));
  const inputs = docs.map((doc) => ({ doc, config: options.config, messages: lintDocument(doc, { index, calendar: cal, config: options.config }) }));
  return buildLedger(inputs, { index, calendar: cal, today });
}

function entry(l: Ledger, file: string): LedgerEntry {
  const e = l.entries.find((x) => x.path === `/ws/${file}`);
  assert.ok(e, `no entry for ${file}`);
  return e;
}

const POLICY = (pub: string, extra = '') => `---\n标题: 海口市市级储备粮管理办法\n文档类型: 规范性文件\n文号: 海府规〔2026〕3号\n发布机构: 海口市人民政府\n公开属性: 主动公开\n成文日期: 2026-02-02\n${pub ? `发布日期: ${pub}\n` : ''}${extra}---\n\n# 海口市市级储备粮管理办法\n\n第一条 为加强市级储备粮管理，确保储备粮数量真实、质量良好、储存安全，制定本办法。\n`;
const INTERP = (pub: string) => `---\n标题: 《海口市市级储备粮管理办法》政策解读\n文档类型: 政策解读\n起草单位: 海口市发展和改革委员会\n发布日期: ${pub}\n解读对象: 储备粮管理办法.md\n---\n\n# 《海口市市级储备粮管理办法》政策解读\n\n一、起草背景\n\n为加强市级储备粮管理，制定本办法。\n`;
const ANNUAL = `---\n标题: 海口市生态环境局2025年政府信息公开工作年度报告\n文档类型: 年度报告\n发布机构: 海口市生态环境局\n机关层级: 部门\n报告年度: 2025\n公开属性: 主动公开\n---\n\n# 海口市生态环境局2025年政府信息公开工作年度报告\n\n## 一、总体情况\n\n2025年，我局认真贯彻落实《中华人民共和国政府信息公开条例》。\n`;
const REPLY = `---\n标题: 政府信息公开申请答复书\n文档类型: 依申请答复\n发布机构: 海口市自然资源和规划局\n收到申请日期: 2026-01-05\n---\n\n# 政府信息公开申请答复书\n\n申请人：\n\n本机关于2026年1月5日收到您提交的政府信息公开申请。\n`;

describe('ledger: core (公开台账)', () => {
  it('a policy with no 发布日期 yet: 20 working days from 2026-02-02 across 春节 end on 2026-03-06; 4 working days left on 2026-03-02 → due soon', () => {
    const l = ledgerOf({ '储备粮管理办法.md': POLICY(''), '储备粮解读.md': INTERP('2026-03-05') }, '2026-03-02');
    const e = entry(l, '储备粮管理办法.md');
    assert.equal(e.kind, '规范性文件');
    assert.equal(e.title, '海口市市级储备粮管理办法');
    assert.equal(e.publisher, '海口市人民政府');
    assert.equal(e.issued, '2026-02-02');
    assert.equal(e.published, undefined);
    const d = e.deadlines.find((x) => x.rule === 'proactive-disclosure-deadline')!;
    assert.equal(d.due, '2026-03-06');
    assert.equal(d.status, 'open');
    assert.equal(d.workdaysLeft, 4); // 3, 4, 5, 6 March
    assert.equal(d.daysLeft, 4);
    assert.equal(d.state, 'due-soon');
    assert.equal(e.state, 'due-soon');
    assert.equal(d.line, 7, 'opens at the 成文日期 line');
    assert.equal(l.todo[0].what, '即将到期');
    assert.equal(l.todo[0].path, '/ws/储备粮管理办法.md');
  });

  it('the same policy seen earlier is on time, and later is overdue (counted in working days past the due date)', () => {
    const early = entry(ledgerOf({ '储备粮管理办法.md': POLICY('') }, '2026-02-10'), '储备粮管理办法.md').deadlines[0];
    assert.equal(early.state, 'on-time');
    assert.ok(early.workdaysLeft! > 5);
    const l = ledgerOf({ '储备粮管理办法.md': POLICY('') }, '2026-03-10');
    const late = entry(l, '储备粮管理办法.md').deadlines[0];
    assert.equal(late.state, 'late');
    assert.equal(late.workdaysLeft, -2); // 9 and 10 March
    assert.equal(late.daysLeft, -4);
    assert.equal(l.todo[0].what, '逾期未完成');
    assert.match(l.todo[0].text, /截止2026-03-06，已过2个工作日，尚未发布/);
  });

  it('published late: state late from the deadline module, whatever today is; the pair gap is in working days', () => {
    const l = ledgerOf({ '储备粮管理办法.md': POLICY('2026-03-11'), '储备粮解读.md': INTERP('2026-03-13') }, '2026-06-01');
    const e = entry(l, '储备粮管理办法.md');
    const d = e.deadlines.find((x) => x.rule === 'proactive-disclosure-deadline')!;
    assert.equal(d.status, 'late');
    assert.equal(d.state, 'late');
    assert.equal(d.done, '2026-03-11');
    assert.equal(d.workdaysLeft, undefined);
    assert.equal(d.late?.workdays, 3);
    assert.equal(e.interpretation, 'linked');
    assert.deepEqual(e.pairs.map((p) => [p.path, p.sync, p.gapWorkdays, p.gapDays]), [['/ws/储备粮解读.md', 'out-of-sync', 2, 2]]);
    assert.equal(l.counts.outOfSync, 1, 'a pair is counted once (on the policy)');
    const i = entry(l, '储备粮解读.md');
    assert.equal(i.role, 'interpretation');
    assert.equal(i.interpretation, 'not-policy');
    assert.equal(i.pairs[0].sync, 'out-of-sync');
    // Problem counts are the lint messages: the rules said so too.
    assert.equal(e.problems.byRule['proactive-disclosure-deadline'], 1);
    assert.equal(e.problems.byRule['interpretation-out-of-sync'], 1);
    assert.deepEqual(l.todo.map((t) => t.what), ['解读未同步', '已逾期']);
  });

  it('a policy without any 解读 in the workspace is 缺少解读, as interpretation-missing says', () => {
    const l = ledgerOf({ '储备粮管理办法.md': POLICY('2026-03-05'), '值班.md': '# 关于做好2026年春节期间值班工作的通知\n' }, '2026-03-06');
    const e = entry(l, '储备粮管理办法.md');
    assert.equal(e.interpretation, 'missing');
    assert.equal(e.problems.byRule['interpretation-missing'], 1);
    assert.equal(l.counts.missingInterpretation, 1);
    assert.ok(l.todo.some((t) => t.what === '缺少解读' && t.path === e.path));
    assert.equal(entry(l, '值班.md').interpretation, 'not-policy');
  });

  it('same-day pair in sync; graceDays from the config is honoured', () => {
    const inSync = ledgerOf({ '储备粮管理办法.md': POLICY('2026-03-05'), '储备粮解读.md': INTERP('2026-03-05') }, '2026-03-06');
    assert.deepEqual(entry(inSync, '储备粮管理办法.md').pairs.map((p) => [p.sync, p.gapWorkdays]), [['in-sync', 0]]);
    const config = resolveConfig(ALL_RULES, [{ rules: { 'interpretation-out-of-sync': { severity: 'warning', graceDays: 3 } } }]);
    const grace = ledgerOf({ '储备粮管理办法.md': POLICY('2026-03-05'), '储备粮解读.md': INTERP('2026-03-09') }, '2026-03-10', { config });
    assert.deepEqual(entry(grace, '储备粮管理办法.md').pairs.map((p) => [p.sync, p.gapWorkdays]), [['in-sync', 2]]);
  });

  it('an annual report of a department not yet published: due 2026-01-31 (第四十九条); a 依申请 reply not yet given: 20 working days', () => {
    const l = ledgerOf({ '年报.md': ANNUAL, '答复.md': REPLY }, '2026-01-26');
    const a = entry(l, '年报.md');
    assert.equal(a.kind, '年度报告');
    assert.deepEqual(a.deadlines.map((d) => [d.rule, d.due, d.state, d.daysLeft]), [['annual-report-deadline', '2026-01-31', 'due-soon', 5]]);
    const r = entry(l, '答复.md').deadlines.find((d) => d.rule === 'application-reply-deadline')!;
    assert.equal(r.from, '2026-01-05');
    assert.equal(r.due, '2026-02-02'); // 20 working days from 5 January 2026
    assert.equal(r.workdaysLeft, 5); // 27–30 Jan, 2 Feb
    assert.equal(r.state, 'due-soon');
    assert.equal(entry(ledgerOf({ '答复.md': REPLY }, '2026-01-23'), '答复.md').deadlines[0].state, 'on-time', '6 working days left');
    assert.deepEqual(l.counts.byKind, { 年度报告: 1, 依申请答复: 1 });
  });

  it('a year the calendar does not cover: cannot compute (never a guess)', () => {
    const text = '---\n标题: 海口市某某管理办法\n公开属性: 主动公开\n成文日期: 2031-02-02\n---\n\n# 海口市某某管理办法\n';
    const e = entry(ledgerOf({ 'x.md': text }, '2031-02-03'), 'x.md');
    assert.deepEqual(e.deadlines.map((d) => [d.due, d.state]), [[undefined, 'unknown']]);
    assert.equal(e.state, 'unknown');
  });

  it('an open 征求意见 window: days left until its last day; a window too short is late', () => {
    const open = `---\n标题: 海口市生态环境局关于公开征求《海口市扬尘污染防治办法（征求意见稿）》意见的公告\n文档类型: 决策草案\n发布机构: 海口市生态环境局\n成文日期: 2026年3月2日\n发布日期: 2026-03-02\n征求意见期限: 2026年3月2日至2026年4月10日\n---\n\n# 关于公开征求《海口市扬尘污染防治办法（征求意见稿）》意见的公告\n\n为提高决策的科学性，现将《海口市扬尘污染防治办法（征求意见稿）》全文公布，征求社会各界意见。本办法涉及重大公共利益。\n`;
    const l = ledgerOf({ 'open.md': open }, '2026-04-01');
    const d = entry(l, 'open.md').deadlines.find((x) => x.rule === 'comment-period')!;
    assert.equal(d.due, '2026-04-10');
    assert.equal(d.windowOpen, true);
    assert.equal(d.daysLeft, 9);
    assert.equal(d.state, 'on-time');
    const short = open.replace('2026年4月10日', '2026年3月16日');
    const s = entry(ledgerOf({ 'short.md': short }, '2026-03-10'), 'short.md').deadlines.find((x) => x.rule === 'comment-period')!;
    assert.deepEqual([s.due, s.status, s.state, s.late?.text], ['2026-03-16', 'late', 'late', '少于30日']);
  });

  it('a rule switched off in the config lists no deadline for it', () => {
    const config = resolveConfig(ALL_RULES, [{ rules: { 'proactive-disclosure-deadline': 'off' } }]);
    const e = entry(ledgerOf({ '储备粮管理办法.md': POLICY('') }, '2026-03-02', { config }), '储备粮管理办法.md');
    assert.equal(e.deadlines.some((d) => d.rule === 'proactive-disclosure-deadline'), false);
  });

  it('a bad today is refused with a clear message', () => {
    assert.throws(() => ledgerOf({ 'a.md': POLICY('') }, '明天'), /“今天”的日期无法识别/);
  });
});
