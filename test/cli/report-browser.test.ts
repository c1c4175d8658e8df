/**
 * The HTML 台账 as a person sees it: `zwgk report` run on realistic drafts, the file opened in headless
 * Debian chromium (a fresh profile, no network), and its structure checked in the rendered page — every
 * section laid out, the timeline drawn with one bar per deadline, the counts the JSON gives, no request
 * leaving the file, no horizontal scrolling on a 1280-pixel screen, the office font stack applied.
 *
 * Needs /usr/bin/chromium (Debian's; test/e2e/setup.sh and .ci/run install it). Outside CI, without it,
 * the test is skipped with a message; in CI (CI set) a missing chromium fails it.
 * ZWGK_LEDGER_SCREENSHOT=docs/ledger-report.png also saves the full-page screenshot there (README).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { ROOT, buildCli, runCli } from './helpers';

const CHROMIUM = process.env.ZWGK_CHROMIUM || '/usr/bin/chromium';
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const FIXTURE = path.join(ROOT, 'test/fixtures/ledger');
const TODAY = '2026-03-02';

describe('cli: zwgk report rendered in headless chromium', function () {
  this.timeout(90_000);
  let tmp: string;
  let context: BrowserContext | undefined;

  before(function () {
    if (!fs.existsSync(CHROMIUM)) {
      if (process.env.CI) throw new Error(`${CHROMIUM} is missing: CI must install Debian's chromium (see .ci/run)`);
      console.log(`      (skipped: ${CHROMIUM} not found — apt-get install chromium, or run bash test/e2e/setup.sh)`);
      this.skip();
    }
    buildCli();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'zwgk-report-browser-'));
  });

  after(async () => {
    await context?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('lays out every section, draws the timeline and the counts, loads nothing from outside', async () => {
    const out = path.join(tmp, '台账.html');
    const r = runCli(['report', FIXTURE, '--today', TODAY, '--out', out, '--no-config-lookup'], { cwd: ROOT });
    assert.equal(r.code, 0, r.stderr);
    const json = runCli(['report', FIXTURE, '--today', TODAY, '--format', 'json', '--no-config-lookup'], { cwd: ROOT });
    const ledger = JSON.parse(json.stdout);

    context = await chromium.launchPersistentContext(path.join(tmp, 'profile'), {
      executablePath: CHROMIUM, headless: true, args: FLAGS, viewport: { width: 1280, height: 900 }, offline: true,
    });
    const page = context.pages()[0] ?? (await context.newPage());
    const requests: string[] = [];
    const errors: string[] = [];
    page.on('request', (q) => requests.push(q.url()));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto('file://' + out, { waitUntil: 'load' });

    assert.match(await page.title(), /^政务公开台账（2026-03-02）$/);
    assert.deepEqual(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:')), [], 'no request leaves the file');
    assert.deepEqual(errors, []);

    for (const id of ['summary', 'todo', 'timeline', 'pairs', 'by-rule', 'by-kind', 'ledger', 'deadlines-explained']) {
      const box = await page.locator(`#${id}`).boundingBox();
      assert.ok(box && box.width > 300 && box.height > 40, `#${id} is laid out: ${JSON.stringify(box)}`);
    }
    // The counts are the ledger's.
    assert.equal(await page.locator('#count-late .n').innerText(), String(ledger.counts.byState.late));
    assert.equal(await page.locator('#count-due-soon .n').innerText(), String(ledger.counts.byState['due-soon']));
    assert.equal(await page.locator('#count-missing .n').innerText(), String(ledger.counts.missingInterpretation));
    assert.equal(await page.locator('#todo-table tbody tr').count(), ledger.todo.length);
    assert.match(await page.locator('#todo-table tbody tr').first().innerText(), /逾期未完成[\s\S]*海口市财政局2025年政府信息公开工作年度报告/);

    // The timeline: one bar per deadline with a due date, each inside the chart, today's line drawn.
    const withDue = ledger.entries.flatMap((e: { deadlines: { due?: string }[] }) => e.deadlines.filter((d) => d.due)).length;
    assert.equal(await page.locator('#timeline-chart rect.period').count(), withDue);
    const chart = (await page.locator('#timeline-chart').boundingBox())!;
    assert.ok(chart.width > 1000, `timeline width ${chart.width}`);
    for (const bar of await page.locator('#timeline-chart rect.period').all()) {
      const b = (await bar.boundingBox())!;
      assert.ok(b.x >= chart.x && b.x + b.width <= chart.x + chart.width + 1 && b.width >= 1, `bar inside the chart: ${JSON.stringify(b)}`);
    }
    const today = (await page.locator('#timeline-chart line.today').boundingBox())!;
    assert.ok(today.x > chart.x + chart.width * 0.3 && today.x < chart.x + chart.width, 'today lies inside the plotted range');
    // Pairs: the linked 解读 and the missing one.
    const pairs = await page.locator('#pairs-table').innerText();
    assert.match(pairs, /海口市市级储备粮管理办法[\s\S]*《海口市市级储备粮管理办法》政策解读/);
    assert.match(pairs, /海口市城市绿化管理办法[\s\S]*缺少解读/);
    // Office fonts first; no horizontal scrolling at 1280 px.
    assert.match(String(await page.evaluate('getComputedStyle(document.body).fontFamily')), /^"Microsoft YaHei", 微软雅黑/);
    assert.ok(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth'), 'no horizontal scrolling');

    const shot = await page.screenshot({ fullPage: true });
    assert.equal(shot.subarray(0, 8).toString('hex'), '89504e470d0a1a0a');
    assert.ok(shot.length > 50_000, `screenshot of ${shot.length} bytes`);
    if (process.env.ZWGK_LEDGER_SCREENSHOT) fs.writeFileSync(path.resolve(ROOT, process.env.ZWGK_LEDGER_SCREENSHOT), shot);
  });
});
