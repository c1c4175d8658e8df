import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildCli, runCli, workspace } from './helpers';
import { FORMATS, corpusDocx, corpusFiles, corpusHtml, corpusMarkdown } from '../helpers/formats';

interface JsonMessage { ruleId: string; severity: string; message: string; line: number; column: number; location?: Record<string, unknown> }
interface JsonResult { filePath: string; messages: JsonMessage[]; format?: string }

function lintJson(cwd: string, args: string[] = ['.']): JsonResult[] {
  const run = runCli(['lint', '-f', 'json', '--concurrency', 'off', ...args], { cwd, timeout: 120000 });
  assert.ok(run.code === 0 || run.code === 1, `exit ${run.code}: ${run.stderr}`);
  return JSON.parse(run.stdout) as JsonResult[];
}

/** What a finding says, whatever the format: rule, severity, wording. */
function findings(r: JsonResult): string[] {
  return r.messages.map((m) => `${m.ruleId} ${m.severity} ${m.message}`).sort();
}

const stem = (file: string) => path.basename(file).replace(/\.(txt|md|docx|html)$/, '');

describe('zwgk lint on .docx and .html', function () {
  this.timeout(180000);
  before(() => buildCli());

  it('gives the same findings for the same text whatever the format: every corpus document as .txt, .md, .docx and .html', async () => {
    const docs = corpusFiles();
    // A config makes every file a draft (some corpus pages carry no catalogue header: a folder walk
    // without config would skip them in every format alike).
    const files: Record<string, string | Buffer> = { '.zwgkrc.json': '{}\n' };
    let i = 0;
    for (const [rel, text] of docs) {
      const name = rel.replace(/\//g, '__').replace(/\.txt$/, '');
      // One folder per format (cross-document rules see the same set of drafts in each) …
      files[`txt/${name}.txt`] = text;
      files[`md/${name}.md`] = corpusMarkdown(text);
      files[`docx/${name}.docx`] = await corpusDocx(text);
      files[`html/${name}.html`] = corpusHtml(text, i % 2 ? 'govcn' : 'county');
      // … and one folder mixing them.
      const kind = ['txt', 'md', 'docx', 'html'][i % 4];
      files[`mixed/${name}.${kind}`] = files[`${kind}/${name}.${kind}`];
      i++;
    }
    const dir = workspace(files);
    const byFormat = new Map<string, Map<string, string[]>>();
    for (const kind of ['txt', 'md', 'docx', 'html', 'mixed']) {
      const results = lintJson(path.join(dir, kind));
      byFormat.set(kind, new Map(results.map((r) => [stem(r.filePath), findings(r)])));
    }
    const txt = byFormat.get('txt')!;
    assert.equal(txt.size, docs.size);
    let total = 0;
    for (const [name, want] of txt) {
      total += want.length;
      for (const kind of ['md', 'docx', 'html', 'mixed']) assert.deepEqual(byFormat.get(kind)!.get(name), want, `${kind}: ${name}`);
    }
    assert.ok(total > 100, `the corpus gives findings to compare (${total})`);
  });
});

describe('zwgk lint on .docx and .html: reporting, --fix, unsupported Word formats, stdin', function () {
  this.timeout(60000);
  before(() => buildCli());
  const realDocx = () => fs.readFileSync(path.join(FORMATS, 'yichun-2016-zhiweibiao.docx'));

  it('stylish shows a .docx message at its table cell with an excerpt; JSON and SARIF carry the location', () => {
    const dir = workspace({ '职位表.docx': realDocx() });
    const stylish = runCli(['lint', '职位表.docx'], { cwd: dir });
    assert.equal(stylish.code, 0, stylish.stderr);
    assert.match(stylish.stdout, /表1 第17行第2列\s+警告\s+改为“[^”]+”：“市国土资源局”已在机构改革中更名/);
    assert.match(stylish.stdout, /\n\s+“宜春市国土资源局”\n/);
    const [json] = JSON.parse(runCli(['lint', '-f', 'json', '职位表.docx'], { cwd: dir }).stdout) as JsonResult[];
    assert.equal(json.format, 'docx');
    assert.deepEqual(json.messages[0].location, { format: 'docx', part: 'table', table: 1, row: 17, cell: 2, label: '表1 第17行第2列', excerpt: '宜春市国土资源局' });
    const sarif = JSON.parse(runCli(['lint', '-f', 'sarif', '职位表.docx'], { cwd: dir }).stdout);
    const loc = sarif.runs[0].results[0].locations[0];
    assert.equal(loc.physicalLocation.artifactLocation.uri, encodeURIComponent('职位表') + '.docx');
    assert.equal(loc.physicalLocation.region.snippet.text, '宜春市国土资源局');
    assert.deepEqual(loc.logicalLocations, [{ name: '表1 第17行第2列', kind: 'tableCell' }]);
  });

  it('--fix never writes a .docx or .html, and says how many fixable findings it left and why', () => {
    const page = '<html><body><div id="zoom"><p>关于做好2019年政务公开工作的通知</p><p>根据国办发[2019]14号文件,现通知如下。</p></div></body></html>';
    const dir = workspace({ 'a.html': page, 'b.docx': realDocx() });
    const before = fs.readFileSync(path.join(dir, 'a.html'));
    const run = runCli(['lint', '--fix', 'a.html', 'b.docx'], { cwd: dir });
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(fs.readFileSync(path.join(dir, 'a.html')), before);
    assert.deepEqual(fs.readFileSync(path.join(dir, 'b.docx')), realDocx());
    assert.match(run.stderr, /a\.html：\d+ 处可自动修复的问题未修复——zwgk 不改写 \.html 文件/);
    assert.match(run.stdout, /doc-number-format/);
    assert.deepEqual(fs.readdirSync(dir).sort(), ['a.html', 'b.docx']);
  });

  it('a named .doc or .wps is reported as not supported (exit 2); one found in a folder gets a notice and the rest is linted', () => {
    const doc = fs.readFileSync(path.join(FORMATS, 'jx-shuiwu-2023-niluyong-gongshi-1.doc'));
    const dir = workspace({ 'old.doc': doc, 'draft.wps': doc, 'sub/old2.doc': doc, 'sub/ok.txt': '名称: 测试\n发布机构: 某局\n\n正文。' });
    const named = runCli(['lint', 'old.doc', 'draft.wps'], { cwd: dir });
    assert.equal(named.code, 2);
    assert.match(named.stdout, /不支持 \.doc 文件：请在 Word 或 WPS 中“另存为”Word 文档（\.docx）后再检查/);
    assert.match(named.stdout, /不支持 \.wps 文件/);
    const walked = runCli(['lint', 'sub'], { cwd: dir });
    assert.notEqual(walked.code, 2, walked.stderr);
    assert.match(walked.stderr, /old2\.doc 是旧版 Word\/WPS 文件，未检查/);
  });

  it('a .docx that is not one (renamed, damaged) is reported, and the other files are still linted', () => {
    const dir = workspace({ 'bad.docx': '这其实是文本', 'ok.txt': '名称: 测试\n发布机构: 某局\n\n正文。' });
    const run = runCli(['lint', '-f', 'json', '.'], { cwd: dir });
    assert.equal(run.code, 2);
    const results = JSON.parse(run.stdout) as JsonResult[];
    assert.match(results.find((r) => r.filePath.endsWith('bad.docx'))!.messages[0].message, /不是有效的 \.docx 文件/);
    assert.ok(results.some((r) => r.filePath.endsWith('ok.txt')));
  });

  it('reads a .docx from stdin with --stdin-filename', () => {
    const dir = workspace({});
    const run = runCli(['lint', '-', '--stdin-filename', '职位表.docx', '-f', 'json'], { cwd: dir, input: realDocx() });
    const [r] = JSON.parse(run.stdout) as JsonResult[];
    assert.deepEqual(r.messages.map((m) => m.location?.label), ['表1 第17行第2列', '表1 第18行第2列']);
  });

  it('zwgk export FILE --to text prints the text zwgk checks', () => {
    const dir = workspace({ '职位表.docx': realDocx() });
    const run = runCli(['export', '职位表.docx', '--to', 'text'], { cwd: dir });
    assert.equal(run.code, 0, run.stderr);
    const lines = run.stdout.split('\n');
    // Line numbers of .docx messages count these lines.
    const [r] = JSON.parse(runCli(['lint', '-f', 'json', '职位表.docx'], { cwd: dir }).stdout) as JsonResult[];
    assert.ok(lines[r.messages[0].line - 1].includes('宜春市国土资源局'));
  });
});
