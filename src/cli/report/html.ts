/**
 * The 公开台账 as one self-contained HTML file: no script, no stylesheet or font from outside, charts as
 * SVG written here. Opens offline on an office PC; fonts are those Chinese Windows and Linux desktops
 * already have (微软雅黑, 宋体, 仿宋 …). Pure: ledger in, string out.
 */
import * as path from 'node:path';
import { CLAUSES, getRule, redactPersonalData, STATE_LABEL, type Ledger, type LedgerDeadline, type LedgerEntry, type LedgerState } from '../../core';

export interface HtmlOptions {
  /** Paths are shown relative to this folder. */
  cwd: string;
  /** Shown in the footer. */
  version?: string;
  /** Rows in the timeline at most (the most urgent first). */
  timelineRows?: number;
}

const esc = (s: unknown) => String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const COLOR: Record<LedgerState, string> = { late: '#c0392b', 'due-soon': '#d68910', 'on-time': '#1e8449', unknown: '#7f8c8d' };

const RULE_NAMES: Record<string, string> = {
  'proactive-disclosure-deadline': '主动公开',
  'annual-report-deadline': '年度报告',
  'application-reply-deadline': '依申请答复',
  'comment-period': '征求意见',
  'normative-filing-deadline': '规范性文件报送',
};

const INTERP_LABEL: Record<string, string> = {
  linked: '已有解读', external: '解读在外部（网址/附件）', 'broken-link': '解读链接失效', missing: '缺少解读',
  'not-required': '—', unchecked: '未检查', 'no-workspace': '未检查', 'not-policy': '—',
};

const SYNC_LABEL = { 'in-sync': '同步', 'out-of-sync': '未同步', unknown: '无法计算', 'no-date': '缺发布日期' } as const;

function rel(p: string, cwd: string): string {
  const r = path.relative(cwd, p);
  return (r && !r.startsWith('..') && !path.isAbsolute(r) ? r : p).replace(/\\/g, '/');
}

function day(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / 86400000;
}

function isoOfDay(n: number): string {
  return new Date(n * 86400000).toISOString().slice(0, 10);
}

function cut(s: string, n: number): string {
  return [...s].length > n ? [...s].slice(0, n - 1).join('') + '…' : s;
}

function left(d: LedgerDeadline): string {
  if (d.done) return d.late ? d.late.text.replace(/^，/, '') : '按期完成';
  if (d.workdaysLeft !== undefined) return d.workdaysLeft < 0 ? `已过${-d.workdaysLeft}个工作日` : d.workdaysLeft === 0 ? '今天到期' : `剩${d.workdaysLeft}个工作日`;
  if (d.daysLeft !== undefined) return d.daysLeft < 0 ? `已过${-d.daysLeft}天` : `剩${d.daysLeft}天`;
  return d.status === 'unknown' ? '无法计算' : '—';
}

function badge(state: LedgerState | undefined, text = state ? STATE_LABEL[state] : '—'): string {
  return state ? `<span class="badge s-${state}">${esc(text)}</span>` : '<span class="muted">—</span>';
}

/** Timeline: one row per deadline, a bar from the start of the period to the due date, a mark on the day done, today as a line. */
function timeline(ledger: Ledger, cwd: string, maxRows: number): string {
  const rows: { e: LedgerEntry; d: LedgerDeadline }[] = [];
  for (const e of ledger.entries) for (const d of e.deadlines) if (d.due) rows.push({ e, d });
  if (!rows.length) return '<p class="muted">没有可以画出的期限（文稿没有成文日期、收到申请日期或报告年度）。</p>';
  const rank: Record<LedgerState, number> = { late: 0, 'due-soon': 1, 'on-time': 2, unknown: 3 };
  rows.sort((a, b) => rank[a.d.state] - rank[b.d.state] || a.d.due!.localeCompare(b.d.due!));
  const shown = rows.slice(0, maxRows);
  const dates = [ledger.today];
  for (const { d } of shown) for (const x of [d.from, d.due, d.done]) if (x) dates.push(x);
  let lo = Math.min(...dates.map(day)) - 3, hi = Math.max(...dates.map(day)) + 3;
  if (hi - lo < 30) hi = lo + 30;
  const W = 1100, labelW = 330, rowH = 24, top = 34, plotW = W - labelW - 20;
  const H = top + shown.length * rowH + 16;
  const x = (iso: string) => labelW + ((day(iso) - lo) / (hi - lo)) * plotW;
  const parts: string[] = [];
  // Month ticks.
  const first = new Date(lo * 86400000);
  for (let y = first.getUTCFullYear(), m = first.getUTCMonth(); ; m++) {
    const t = Date.UTC(y, m, 1) / 86400000;
    if (t > hi) break;
    if (t < lo) continue;
    const iso = isoOfDay(t), px = x(iso);
    const dt = new Date(t * 86400000);
    parts.push(`<line x1="${px.toFixed(1)}" y1="${top - 6}" x2="${px.toFixed(1)}" y2="${H - 10}" class="grid"/>`);
    parts.push(`<text x="${(px + 3).toFixed(1)}" y="${top - 10}" class="tick">${dt.getUTCMonth() === 0 || parts.length < 3 ? `${dt.getUTCFullYear()}年` : ''}${dt.getUTCMonth() + 1}月</text>`);
  }
  shown.forEach(({ e, d }, i) => {
    const y = top + i * rowH;
    const cy = y + rowH / 2;
    const title = `${RULE_NAMES[d.rule] ?? d.label}｜${e.title}`;
    if (i % 2 === 0) parts.push(`<rect x="0" y="${y}" width="${W}" height="${rowH}" class="zebra"/>`);
    parts.push(`<text x="6" y="${cy + 4}" class="label"><title>${esc(`${e.title}（${rel(e.path, cwd)}）`)}</title>${esc(cut(title, 24))}</text>`);
    const x0 = x(d.from ?? d.due!), x1 = x(d.due!);
    parts.push(`<rect x="${Math.min(x0, x1).toFixed(1)}" y="${cy - 5}" width="${Math.max(2, Math.abs(x1 - x0)).toFixed(1)}" height="10" rx="3" fill="${d.state === 'on-time' ? '#2e6da4' : COLOR[d.state]}" class="period s-${d.state}"><title>${esc(`${d.label}：${d.period}，${d.from ? `自${d.from}起，` : ''}截止${d.due}`)}</title></rect>`);
    parts.push(`<line x1="${x1.toFixed(1)}" y1="${cy - 8}" x2="${x1.toFixed(1)}" y2="${cy + 8}" class="due"/>`);
    if (d.done) {
      const xd = x(d.done);
      if (d.late && xd > x1) parts.push(`<line x1="${x1.toFixed(1)}" y1="${cy}" x2="${xd.toFixed(1)}" y2="${cy}" class="overrun"/>`);
      parts.push(`<circle cx="${xd.toFixed(1)}" cy="${cy}" r="5" fill="${COLOR[d.state]}" class="done"><title>${esc(`${d.doneSource ?? '完成'}：${d.done}（${STATE_LABEL[d.state]}）`)}</title></circle>`);
    } else if (d.state === 'late') {
      parts.push(`<line x1="${x1.toFixed(1)}" y1="${cy}" x2="${x(ledger.today).toFixed(1)}" y2="${cy}" class="overrun dashed"/>`);
    }
  });
  const xt = x(ledger.today);
  parts.push(`<line x1="${xt.toFixed(1)}" y1="${top - 4}" x2="${xt.toFixed(1)}" y2="${H - 6}" class="today"/>`);
  parts.push(`<text x="${(xt + 4).toFixed(1)}" y="${H - 4}" class="today-label">今天 ${esc(ledger.today)}</text>`);
  const more = rows.length > shown.length ? `<p class="muted">另有 ${rows.length - shown.length} 项期限未画出（见下方台账明细）。</p>` : '';
  return `<svg class="chart" id="timeline-chart" role="img" aria-label="发布与期限时间线" viewBox="0 0 ${W} ${H}" width="100%">${parts.join('')}</svg>
<p class="legend"><span class="key bar"></span>法定期限（自起算日至截止日） <span class="key dot"></span>实际发布/答复日 <span class="key red"></span>超出期限 <span class="key today"></span>今天</p>${more}`;
}

/** A horizontal bar chart of counts. */
function bars(items: [string, number][], id: string, label: string, color = '#2e6da4'): string {
  if (!items.length) return '<p class="muted">没有。</p>';
  const W = 520, rowH = 24, labelW = 190;
  const max = Math.max(...items.map(([, n]) => n));
  const H = items.length * rowH + 6;
  const parts = items.map(([name, n], i) => {
    const y = i * rowH + 3;
    const w = Math.max(2, (n / max) * (W - labelW - 50));
    return `<text x="${labelW - 8}" y="${y + 16}" class="label" text-anchor="end">${esc(cut(name, 14))}<title>${esc(name)}</title></text>`
      + `<rect x="${labelW}" y="${y + 4}" width="${w.toFixed(1)}" height="15" rx="2" fill="${color}"/>`
      + `<text x="${(labelW + w + 6).toFixed(1)}" y="${y + 16}" class="num">${n}</text>`;
  });
  return `<svg class="chart bars" id="${id}" role="img" aria-label="${esc(label)}" viewBox="0 0 ${W} ${H}" width="${W}">${parts.join('')}</svg>`;
}

/** The deadlines the ledger lists, each with the clause it applies, quoted from clauses.ts. */
function explained(): string {
  const q = (c: { id: string; text: string }) => `<blockquote><span class="cid">${esc(c.id)}</span>${esc(c.text)}</blockquote>`;
  const items: [string, string, { id: string; text: string }][] = [
    ['主动公开：20个工作日', '自成文日期起算（没有时取落款日期），到发布日期为止；工作日按国务院节假日安排计算，含调休上班日。2019年5月15日前成文的按2007年条例第十八条（同为20个工作日）。', CLAUSES.tiaoli_26],
    ['年度报告：1月31日 / 3月31日', '政府部门为次年1月31日前，县级以上人民政府为次年3月31日前；2018年度及以前的报告均为3月31日前（2007年条例第三十一条）。', CLAUSES.tiaoli_49],
    ['依申请公开答复：20个工作日', '自收到申请日期起算，写明延期答复的再加20个工作日；2019年5月15日前收到的申请按2007年条例（15个工作日）。', CLAUSES.tiaoli_33],
    ['征求意见：不少于30日', '重大行政决策草案的征求意见窗口；台账列出窗口的最后一天、是否仍在征求意见中。', CLAUSES.tiaoli713_15],
    ['规范性文件报送：下月5日 / 次月10日', '按月汇总的下月5日前、各区按季度汇总的次月10日前报送档案馆。', CLAUSES.yaodian_3_3],
    ['解读同步', '政策文件与解读的发布日期相同（或在配置 graceDays 允许的工作日内）为“同步”。', CLAUSES.yaodian_2_1],
  ];
  return `<dl class="rules">${items.map(([t, d, c]) => `<dt>${esc(t)}</dt><dd>${esc(d)}${q(c)}</dd>`).join('')}</dl>`;
}

export function renderHtml(ledger: Ledger, options: HtmlOptions): string {
  const { cwd } = options;
  const c = ledger.counts;
  const problems = ledger.entries.reduce((n, e) => n + e.problems.error + e.problems.warning + e.problems.info, 0);
  const card = (id: string, n: number, label: string, cls: string) => `<div class="card ${cls}" id="${id}"><div class="n">${n}</div><div class="l">${esc(label)}</div></div>`;
  // A path holding a personal number (张三460100198001011236.md) gets no link: the href would carry the number in
  // full (percent-encoding glues hex digits to it, so the output's masking cannot see it); the title is masked.
  const link = (p: string, line: number, text: string) =>
    redactPersonalData(p) !== p
      ? `<span class="nolink" title="${esc(`${redactPersonalData(rel(p, cwd))} 第${line}行（路径含个人号码，未加链接）`)}">${esc(text)}</span>`
      : `<a href="${esc(encodeURI('file://' + p.replace(/\\/g, '/').replace(/^(?=[A-Za-z]:)/, '/')))}" title="${esc(`${rel(p, cwd)} 第${line}行`)}">${esc(text)}</a>`;

  const todo = ledger.todo.length
    ? `<table id="todo-table"><thead><tr><th>#</th><th>事项</th><th>文稿</th><th>说明</th><th>位置</th></tr></thead><tbody>${ledger.todo.slice(0, 50).map((t, i) => `<tr class="p${t.priority}"><td>${i + 1}</td><td><span class="badge t${t.priority}">${esc(t.what)}</span></td><td>${link(t.path, t.line, cut(t.title, 40))}</td><td>${esc(t.text)}</td><td class="muted">${esc(rel(t.path, cwd))}:${t.line}</td></tr>`).join('')}</tbody></table>${ledger.todo.length > 50 ? `<p class="muted">另有 ${ledger.todo.length - 50} 项。</p>` : ''}`
    : '<p class="ok">没有需要处理的事项。</p>';

  const pairRows: string[] = [];
  const missing: LedgerEntry[] = [];
  for (const e of ledger.entries) {
    if (e.interpretation === 'missing' || e.interpretation === 'broken-link') missing.push(e);
    if (e.role !== 'policy') continue;
    for (const p of e.pairs) {
      const gap = p.gapWorkdays !== undefined ? `${p.gapWorkdays > 0 ? '晚' : p.gapWorkdays < 0 ? '早' : ''}${Math.abs(p.gapWorkdays)}个工作日` : p.gapDays !== undefined ? `${Math.abs(p.gapDays)}天` : '—';
      pairRows.push(`<tr class="sync-${p.sync}"><td>${link(e.path, e.publishedLine, cut(e.title, 36))}</td><td class="date">${esc(e.published ?? '—')}</td><td>${link(p.path, 1, cut(p.title, 36))}</td><td class="date">${esc(p.published ?? '—')}</td><td class="num">${esc(gap)}</td><td><span class="badge y-${p.sync}">${SYNC_LABEL[p.sync]}</span></td></tr>`);
    }
  }
  for (const e of missing) pairRows.push(`<tr class="sync-missing"><td>${link(e.path, e.titleLine, cut(e.title, 36))}</td><td>${esc(e.published ?? '—')}</td><td colspan="3" class="muted">${esc(INTERP_LABEL[e.interpretation])}</td><td><span class="badge y-out-of-sync">${esc(INTERP_LABEL[e.interpretation])}</span></td></tr>`);
  const pairs = pairRows.length
    ? `<table id="pairs-table"><thead><tr><th>政策文件</th><th>发布日期</th><th>政策解读</th><th>发布日期</th><th>相差</th><th>状态</th></tr></thead><tbody>${pairRows.join('')}</tbody></table>`
    : '<p class="muted">工作区中没有政策文件与解读。</p>';

  const ruleItems = Object.entries(c.byRule).sort((a, b) => b[1] - a[1]).map(([id, n]) => [`${getRule(id)?.meta.title ?? id}`, n] as [string, number]);
  const kindItems = Object.entries(c.byKind).sort((a, b) => b[1] - a[1]);

  const detail = ledger.entries.map((e) => {
    const ds = e.deadlines.length ? e.deadlines : [undefined];
    return ds.map((d, i) => `<tr>${i === 0 ? `<td rowspan="${ds.length}">${link(e.path, e.titleLine, cut(e.title, 44))}<div class="muted small">${esc(rel(e.path, cwd))}</div></td><td rowspan="${ds.length}" class="date">${esc(e.kind)}</td><td rowspan="${ds.length}">${esc(e.publisher ?? '—')}</td><td rowspan="${ds.length}" class="date">${esc(e.issued ?? '—')}</td><td rowspan="${ds.length}" class="date">${esc(e.published ?? '—')}</td><td rowspan="${ds.length}" class="date">${esc(INTERP_LABEL[e.interpretation])}</td>` : ''}`
      + (d ? `<td>${esc(d.label)}<div class="muted small">${esc(d.period)}｜${esc(d.clause)}</div></td><td class="date">${esc(d.due ?? '—')}</td><td>${esc(left(d))}</td><td>${badge(d.state, d.windowOpen ? '征求意见中' : undefined)}</td>` : '<td class="muted" colspan="4">没有适用的法定期限</td>')
      + (i === 0 ? `<td rowspan="${ds.length}" class="num">${e.problems.error + e.problems.warning + e.problems.info || ''}</td>` : '') + '</tr>').join('');
  }).join('');

  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="zwgk${options.version ? ' ' + esc(options.version) : ''}">
<title>政务公开台账（${esc(ledger.today)}）</title>
<style>
body { font-family: "Microsoft YaHei", "微软雅黑", "PingFang SC", "Hiragino Sans GB", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "SimHei", "黑体", sans-serif; color: #222; margin: 0; background: #f4f5f7; font-size: 14px; }
header { background: #9e1b1b; color: #fff; padding: 18px 32px 14px; }
header h1 { font-family: "FangSong", "仿宋", "FangSong_GB2312", "STFangsong", "Noto Serif CJK SC", "SimSun", "宋体", serif; font-size: 28px; margin: 0 0 4px; letter-spacing: 2px; }
header .sub { opacity: .9; }
main { padding: 16px 32px 32px; max-width: 1200px; }
section { background: #fff; border-radius: 6px; padding: 14px 18px 16px; margin: 14px 0; box-shadow: 0 1px 2px rgba(0,0,0,.08); }
h2 { font-size: 18px; margin: 0 0 10px; border-left: 4px solid #9e1b1b; padding-left: 8px; }
.cards { display: flex; gap: 12px; flex-wrap: wrap; }
.card { flex: 1 1 120px; border-radius: 6px; padding: 10px 14px; background: #fff; box-shadow: 0 1px 2px rgba(0,0,0,.08); border-top: 4px solid #2e6da4; }
.card .n { font-size: 28px; font-weight: bold; }
.card .l { color: #555; }
.card.late { border-color: ${COLOR.late}; } .card.late .n { color: ${COLOR.late}; }
.card.soon { border-color: ${COLOR['due-soon']}; } .card.soon .n { color: ${COLOR['due-soon']}; }
.card.miss { border-color: #8e44ad; } .card.miss .n { color: #8e44ad; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid #e3e5e8; padding: 5px 8px; text-align: left; vertical-align: top; }
th { background: #f0f1f3; font-weight: normal; color: #444; white-space: nowrap; }
td.num { text-align: right; white-space: nowrap; }
td.date { white-space: nowrap; }
a { color: #1a4f8b; text-decoration: none; } a:hover { text-decoration: underline; }
.muted { color: #888; } .small { font-size: 12px; } .ok { color: ${COLOR['on-time']}; }
.badge { display: inline-block; padding: 0 7px; border-radius: 9px; font-size: 12px; color: #fff; white-space: nowrap; }
.s-late, .t1, .t6, .y-out-of-sync { background: ${COLOR.late}; } .s-due-soon, .t2 { background: ${COLOR['due-soon']}; }
.s-on-time, .y-in-sync { background: ${COLOR['on-time']}; } .s-unknown, .y-unknown, .y-no-date { background: ${COLOR.unknown}; }
.t3, .t4 { background: #8e44ad; } .t5 { background: #c0392b; }
.chart text { font-family: inherit; } .chart .label { font-size: 12px; fill: #333; } .chart .tick { font-size: 11px; fill: #777; }
.chart .num { font-size: 12px; fill: #333; } .chart .grid { stroke: #e3e5e8; } .chart .zebra { fill: #fafbfc; }
.chart .period { opacity: .38; } .chart .due { stroke: #333; stroke-width: 1.5; }
.chart .overrun { stroke: ${COLOR.late}; stroke-width: 3; } .chart .dashed { stroke-dasharray: 4 3; }
.chart .today { stroke: #9e1b1b; stroke-width: 1.5; stroke-dasharray: 5 3; } .chart .today-label { font-size: 11px; fill: #9e1b1b; }
.legend { color: #555; font-size: 12px; } .key { display: inline-block; width: 18px; height: 8px; margin: 0 4px 0 12px; vertical-align: middle; }
.key.bar { background: #2e6da4; opacity: .4; } .key.dot { width: 9px; height: 9px; border-radius: 5px; background: ${COLOR['on-time']}; }
.key.red { height: 3px; background: ${COLOR.late}; } .key.today { width: 2px; height: 12px; background: #9e1b1b; }
.two { display: flex; gap: 14px; flex-wrap: wrap; } .two section { flex: 1 1 440px; margin: 0; }
blockquote { margin: 4px 0 0; padding: 4px 10px; border-left: 3px solid #d9d9d9; background: #fafafa; font-family: "SimSun", "宋体", "NSimSun", "Noto Serif CJK SC", "Source Han Serif SC", serif; font-size: 13px; color: #333; } .cid { font-weight: bold; margin-right: 6px; font-family: "Microsoft YaHei", "微软雅黑", "Noto Sans CJK SC", sans-serif; }
dl.rules dt { font-weight: bold; margin-top: 6px; } dl.rules dd { margin: 2px 0 0 1.5em; color: #444; }
footer { color: #888; font-size: 12px; padding: 0 32px 24px; }
@media print { body { background: #fff; } section { box-shadow: none; border: 1px solid #ddd; } }
</style>
</head>
<body>
<header><h1>政务公开台账</h1><div class="sub">统计日期 ${esc(ledger.today)}（“即将到期”指剩余不超过 ${ledger.dueSoonWorkdays} 个工作日）｜共 ${c.drafts} 份文稿</div></header>
<main>
<div class="cards" id="summary">
${card('count-late', c.byState.late, '逾期', 'late')}
${card('count-due-soon', c.byState['due-soon'], '即将到期', 'soon')}
${card('count-missing', c.missingInterpretation, '缺少解读', 'miss')}
${card('count-out-of-sync', c.outOfSync, '解读未同步', 'miss')}
${card('count-unknown', c.byState.unknown, '期限无法计算', '')}
${card('count-problems', problems, '检查发现的问题', '')}
</div>
<section id="todo"><h2>优先处理</h2>${todo}</section>
<section id="timeline"><h2>发布与法定期限时间线</h2>${timeline(ledger, cwd, options.timelineRows ?? 40)}</section>
<section id="pairs"><h2>政策文件与解读</h2><p class="muted small">解读应与政策文件同步组织、同步审签、同步部署（国办发〔2016〕80号；要点 二（一））；“相差”按工作日计。</p>${pairs}</section>
<div class="two">
<section id="by-rule"><h2>按规则统计问题</h2>${bars(ruleItems, 'chart-by-rule', '按规则统计问题')}</section>
<section id="by-kind"><h2>按文稿类型统计</h2>${bars(kindItems, 'chart-by-kind', '按文稿类型统计', '#9e1b1b')}</section>
</div>
<section id="ledger"><h2>台账明细</h2>
<table id="ledger-table"><thead><tr><th>文稿</th><th>类型</th><th>发布机构</th><th>成文日期</th><th>发布日期</th><th>解读</th><th>法定期限</th><th>截止日</th><th>剩余/实际</th><th>状态</th><th>问题</th></tr></thead><tbody>${detail}</tbody></table>
</section>
<section id="deadlines-explained"><h2>台账所列期限</h2>
${explained()}
<p class="muted small">截止日与 zwgk 检查消息中的截止日出自同一处计算；无法计算（如日历数据未覆盖的年份）时不作推测。</p>
</section>
</main>
<footer>由 zwgk${options.version ? ' ' + esc(options.version) : ''} 生成｜离线文件，不含外部脚本或字体</footer>
</body>
</html>
`;
}
