import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildCli, cleanup, runCli, workspace } from './helpers';

const POLICY = `---\n标题: 海口市市级储备粮管理办法\n文档类型: 规范性文件\n发布机构: 海口市人民政府\n公开属性: 主动公开\n成文日期: 2026-02-02\n解读材料: 储备粮解读.md\n---\n\n# 海口市市级储备粮管理办法\n\n第一条 为加强市级储备粮管理，制定本办法。\n`;
const INTERP = `---\n标题: 《海口市市级储备粮管理办法》政策解读\n文档类型: 政策解读\n起草单位: 海口市发展和改革委员会\n发布日期: 2026-03-05\n---\n\n# 《海口市市级储备粮管理办法》政策解读\n\n一、起草背景\n`;
const GREEN = `---\n标题: 海口市城市绿化管理办法\n文档类型: 规范性文件\n发布机构: 海口市人民政府\n公开属性: 主动公开\n成文日期: 2026-01-05\n发布日期: 2026-01-09\n---\n\n# 海口市城市绿化管理办法\n\n第一条 为加强城市绿化管理，制定本办法。\n`;

describe('cli: zwgk report (公开台账)', () => {
  before(() => buildCli());
  after(cleanup);

  it('--format json: the ledger of the drafts, days left counted from --today', () => {
    const dir = workspace({ 'drafts/储备粮管理办法.md': POLICY, 'drafts/储备粮解读.md': INTERP, 'drafts/绿化管理办法.md': GREEN });
    const r = runCli(['report', 'drafts', '--today', '2026-03-02', '--format', 'json'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    const ledger = JSON.parse(r.stdout);
    assert.equal(ledger.today, '2026-03-02');
    assert.equal(ledger.counts.drafts, 3);
    const p = ledger.entries.find((e: { path: string }) => e.path.endsWith('储备粮管理办法.md'));
    assert.deepEqual(p.deadlines.map((d: Record<string, unknown>) => [d.rule, d.due, d.workdaysLeft, d.state]), [['proactive-disclosure-deadline', '2026-03-06', 4, 'due-soon']]);
    assert.equal(p.pairs[0].path.endsWith('储备粮解读.md'), true);
    const g = ledger.entries.find((e: { path: string }) => e.path.endsWith('绿化管理办法.md'));
    assert.equal(g.interpretation, 'missing');
    assert.ok(g.problems.byRule['interpretation-missing'] >= 1);
    assert.equal(ledger.todo[0].what, '即将到期');
  });

  it('--out report.html: one self-contained file (no script, no external resource), Chinese labels', () => {
    const dir = workspace({ '储备粮管理办法.md': POLICY, '储备粮解读.md': INTERP, '绿化管理办法.md': GREEN });
    const r = runCli(['report', '--out', '台账.html', '--today', '2026-03-02'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /台账已写入 台账\.html：3 份文稿/);
    const html = fs.readFileSync(path.join(dir, '台账.html'), 'utf8');
    assert.match(html, /^<!DOCTYPE html>/);
    assert.match(html, /<html lang="zh-CN">/);
    assert.doesNotMatch(html, /<script|<link |<img |@import|url\(|https?:\/\/(?!www\.w3\.org)/i);
    for (const id of ['summary', 'todo', 'timeline', 'pairs', 'by-rule', 'by-kind', 'ledger', 'deadlines-explained']) assert.match(html, new RegExp(`id="${id}"`));
    assert.match(html, /<svg class="chart" id="timeline-chart"/);
    assert.match(html, /Microsoft YaHei/);
    assert.match(html, /海口市市级储备粮管理办法/);
    assert.match(html, /2026-03-06/);
    assert.match(html, /条例 第二十六条/);
  });

  it('an ID number in a file name (or folder name) is masked in the HTML, also in what a link would carry', () => {
    const ID = '460100198001011236';
    const dir = workspace({ [`张三${ID}.md`]: GREEN, [`材料${ID}/储备粮管理办法.md`]: POLICY });
    const out = runCli(['report', '--all', '--out', '台账.html', '--today', '2026-03-02', '.'], { cwd: dir });
    assert.equal(out.code, 0, out.stderr);
    const stdout = runCli(['report', '--all', '--today', '2026-03-02', '.'], { cwd: dir });
    for (const html of [fs.readFileSync(path.join(dir, '台账.html'), 'utf8'), stdout.stdout]) {
      // written out, percent-encoded in an href, or as character references: never the digits in a row
      const digits = html.replace(/%[0-9A-F]{2}|&#\d+;/gi, ' ').replace(/\D+/g, ' ');
      assert.ok(!html.includes(ID) && !digits.split(' ').includes(ID), 'the full number is in the report');
      assert.match(html, /张三46\*{14}36\.md/);
      assert.match(html, /海口市城市绿化管理办法/);
    }
  });

  it('bad input: clear messages, exit code 2', () => {
    const dir = workspace({ 'a.md': POLICY });
    const cases: [string[], RegExp][] = [
      [['report', '--today', '2026-13-01', '--format', 'json'], /--today 应为日期 YYYY-MM-DD/],
      [['report', '--today', '明天', '--format', 'json'], /--today 应为日期/],
      [['report', '--format', 'pdf'], /--format 只能是 html 或 json/],
      [['report', '没有这个目录', '--format', 'json'], /找不到文件/],
      [['report', '--out', 'no/such/dir/r.html'], /--out 所在的文件夹不存在/],
      [['report', '--out', '.'], /--out 指向的是文件夹/],
      [['report', '--due-soon', 'x', '--format', 'json'], /--due-soon 应为 0–60 的整数/],
    ];
    for (const [args, re] of cases) {
      const r = runCli(args, { cwd: dir });
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, re, args.join(' '));
    }
  });

  it('an unreadable draft is left out with a notice; the others are listed', () => {
    const dir = workspace({ 'a.md': POLICY, 'b.md': Buffer.from([0xff, 0xfe, 0x00, 0x00, 0x01, 0x02, 0x00, 0x00]) });
    const r = runCli(['report', '.', 'b.md', '--format', 'json', '--today', '2026-03-02'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    const ledger = JSON.parse(r.stdout);
    assert.deepEqual(ledger.entries.map((e: { path: string }) => path.basename(e.path)), ['a.md']);
    assert.match(r.stderr, /b\.md .*未列入台账/);
  });
});
