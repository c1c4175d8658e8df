import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { unzipSync, strFromU8 } from 'fflate';
import { ROOT, buildCli, runCli, workspace } from './helpers';
import { checkDocxExport, exportDocx, readDocx, ZwgkDocument, lintText, lintSource, readSource, LAYOUT } from '../../src/core';

const EXAMPLES = path.join(ROOT, 'examples');
const drafts = (dir: string) => fs.readdirSync(path.join(EXAMPLES, dir)).filter((f) => /\.(md|txt)$/.test(f)).map((f) => path.join(EXAMPLES, dir, f));
const keys = (ms: { ruleId: string; message: string }[]) => ms.map((m) => `${m.ruleId} ${m.message}`).sort();

function has(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
}

describe('export to Word (GB/T 9704-2012)', function () {
  this.timeout(120000);

  for (const file of [...drafts('clean'), ...drafts('problems')]) {
    it(`round-trips ${path.relative(EXAMPLES, file)}: same lines, metadata and zwgk messages read back`, async () => {
      const text = fs.readFileSync(file, 'utf8');
      const bytes = await exportDocx(text, file);
      const check = checkDocxExport(text, file, bytes);
      assert.deepEqual(check.differences, []);
      // The same through the public reading path (as `zwgk lint x.docx` does).
      const back = lintSource(readSource('docx', bytes), file.replace(/\.(md|txt)$/, '.docx'));
      assert.deepEqual(keys(back.messages), keys(lintText(text, file).messages));
      assert.ok(check.lines.read.length >= 1);
    });
  }

  it('lays the page out per GB/T 9704-2012 and names the fonts without embedding them', async () => {
    const file = drafts('clean').find((f) => !f.includes('解读'))!;
    const bytes = await exportDocx(fs.readFileSync(file, 'utf8'), file);
    const parts = unzipSync(bytes);
    const xml = strFromU8(parts['word/document.xml']);
    assert.match(xml, /<w:pgSz w:w="11906" w:h="16838"/, 'A4');
    // 天头 37 mm, 订口 28 mm, 版心 156 × 225 mm.
    const mm = (tw: number) => Math.round((tw / 1440) * 25.4);
    assert.deepEqual({ top: mm(LAYOUT.margin.top), left: mm(LAYOUT.margin.left), width: 210 - mm(LAYOUT.margin.left) - mm(LAYOUT.margin.right), height: 297 - mm(LAYOUT.margin.top) - mm(LAYOUT.margin.bottom) }, { top: 37, left: 28, width: 156, height: 225 });
    assert.match(xml, new RegExp(`<w:pgMar w:top="${LAYOUT.margin.top}" w:right="${LAYOUT.margin.right}" w:bottom="${LAYOUT.margin.bottom}" w:left="${LAYOUT.margin.left}"`));
    // 22 lines a page: exact line pitch of 225 mm / 22.
    assert.match(xml, /<w:spacing w:after="0" w:before="0" w:line="580" w:lineRule="exact"\/>/);
    assert.match(xml, /w:eastAsia="方正小标宋简体"[^]*?<w:sz w:val="44"\/>/, '标题 2号小标宋');
    assert.match(xml, /w:eastAsia="仿宋_GB2312"[^]*?<w:sz w:val="32"\/>/, '正文 3号仿宋');
    assert.match(xml, /w:eastAsia="黑体"/, '章 headings in 黑体');
    assert.match(xml, /<w:ind w:right="1280"\/><w:jc w:val="right"\/><\/w:pPr><w:r><w:rPr>(?:(?!<\/w:p>).)*2026年3月2日/, '成文日期 右空四字');
    assert.match(xml, /<w:ind w:right="640"\/><w:jc w:val="right"\/><\/w:pPr>(?:(?!<\/w:p>).)*海口市人民政府办公室/, '署名 centred over the date');
    // 页码: 4号宋体, odd pages right and even pages left, with a dash each side.
    const footers = Object.keys(parts).filter((n) => /^word\/footer\d+\.xml$/.test(n)).map((n) => strFromU8(parts[n]));
    assert.equal(footers.length, 2);
    for (const f of footers) assert.match(f, /— <\/w:t>[^]*PAGE[^]*<w:t xml:space="preserve"> —<\/w:t>/);
    assert.match(strFromU8(parts['word/settings.xml']), /<w:evenAndOddHeaders\/>/);
    assert.ok(!Object.keys(parts).some((n) => n.startsWith('word/fonts/')), 'no embedded fonts');
    assert.ok(!/embedRegular|embedTrueTypeFonts/.test(Object.values(parts).map((p) => strFromU8(p)).join('')));
    // Metadata as custom properties; the title as the title property.
    const back = new ZwgkDocument(readDocx(bytes).text, 'x.docx');
    const draft = new ZwgkDocument(fs.readFileSync(file, 'utf8'), file);
    assert.deepEqual(back.metadata.fields.map((f) => [f.key, f.value]), draft.metadata.fields.map((f) => [f.key, f.value]));
  });

  it('zwgk export FILE --to docx writes next to the draft, checks it, and never overwrites without --force', () => {
    buildCli();
    const src = drafts('problems').find((f) => f.endsWith('文号和日期.md'))!;
    const dir = workspace({ '文号和日期.md': fs.readFileSync(src) });
    const run = runCli(['export', '文号和日期.md', '--to', 'docx'], { cwd: dir });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /已导出 文号和日期\.docx[^]*回读检查通过：正文 \d+ 行、元数据 \d+ 项、检查结果 5 条与原稿一致/);
    const lintDocx = JSON.parse(runCli(['lint', '-f', 'json', '文号和日期.docx'], { cwd: dir }).stdout)[0];
    const lintMd = JSON.parse(runCli(['lint', '-f', 'json', '文号和日期.md'], { cwd: dir }).stdout)[0];
    assert.deepEqual(keys(lintDocx.messages), keys(lintMd.messages));
    const again = runCli(['export', '文号和日期.md', '--to', 'docx'], { cwd: dir });
    assert.equal(again.code, 2);
    assert.match(again.stderr, /已存在，未覆盖（要覆盖请加 --force）/);
    assert.equal(runCli(['export', '文号和日期.md', '--to', 'docx', '--force'], { cwd: dir }).code, 0);
    assert.deepEqual(fs.readdirSync(dir).sort(), ['文号和日期.docx', '文号和日期.md']);
  });

  it('renders the first page with LibreOffice (when installed): title, text, signature, date and page number on an A4 page', async function () {
    if (!has('soffice') || !has('pdftoppm') || !has('pdftotext')) {
      console.log('      (skipped: LibreOffice or poppler-utils is not installed — apt-get install -y libreoffice-writer-nogui poppler-utils fonts-wqy-zenhei)');
      this.skip();
    }
    const file = drafts('clean').find((f) => !f.includes('解读'))!;
    const dir = workspace({ 'draft.docx': Buffer.from(await exportDocx(fs.readFileSync(file, 'utf8'), file)) });
    const conv = spawnSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/lo-profile`, '--convert-to', 'pdf', '--outdir', dir, path.join(dir, 'draft.docx')], { timeout: 100000 });
    assert.equal(conv.status, 0, String(conv.stderr));
    const pdf = path.join(dir, 'draft.pdf');
    const info = spawnSync('pdfinfo', [pdf]).stdout?.toString() ?? '';
    if (info) assert.match(info, /Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    const text = spawnSync('pdftotext', ['-f', '1', '-l', '1', '-layout', pdf, '-']).stdout.toString();
    for (const want of ['海口市政务公开目录管理办法', '第一条', '海口市人民政府办公室', '2026', '（此件主动公开）']) assert.ok(text.includes(want), `${want} on page 1:\n${text}`);
    assert.match(text, /—\s*1\s*—/, 'page number');
    const png = path.join(dir, 'page');
    assert.equal(spawnSync('pdftoppm', ['-png', '-r', '40', '-f', '1', '-l', '1', pdf, png]).status, 0);
    const out = fs.readdirSync(dir).find((f) => /^page-?1\.png$/.test(f))!;
    assert.ok(fs.statSync(path.join(dir, out)).size > 2000, 'a page with text on it');
  });
});
