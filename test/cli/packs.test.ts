/** The config key `packs` and `zwgk packs list/test`, end to end through dist/cli.js. */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildCli, cleanup, parseJson, runCli, workspace } from './helpers';

const PACK = `id: benju
title: 本局用语
entries:
  - id: kaifang-ri
    wrong: 政府开放日
    right: 政务公开日
    level: error
    source: { title: 本局关于统一活动名称的通知 }
    examples:
      fire: [举办政府开放日活动。]
      quiet: [举办政务公开日活动。]
`;

const DRAFT = '举办政府开放日活动，截止2019年底完成。\n';

function wordingOf(dir: string, args: string[] = []): string[] {
  const run = runCli(['lint', '-f', 'json', ...args, 'a.md'], { cwd: dir });
  assert.notEqual(run.code, 2, run.stderr);
  return parseJson(run)[0].messages.filter((m) => m.ruleId === 'wording').map((m) => `${m.severity}:${m.message}`);
}

describe('zwgk: wording packs from the config', function () {
  before(buildCli);
  after(cleanup);

  it('a pack named by the config is checked with the default packs; --fix applies its right form', () => {
    const dir = workspace({ '.zwgkrc.yaml': 'packs: [词库/本局.yaml]\n', '词库/本局.yaml': PACK, 'a.md': DRAFT });
    assert.deepEqual(wordingOf(dir), [
      'error:“政府开放日”应为“政务公开日”',
      'warning:“截止”表示到期停止，后面不直接接时间；表示“到某时为止”应写“截至”（或“截止到”）',
    ]);
    assert.equal(runCli(['lint', '--fix', 'a.md'], { cwd: dir }).code, 0);
    assert.equal(fs.readFileSync(path.join(dir, 'a.md'), 'utf8'), '举办政务公开日活动，截至2019年底完成。\n');
  });

  it('levels in the config switch a pack or an entry off', () => {
    const dir = workspace({
      '.zwgkrc.json': JSON.stringify({ packs: ['词库/本局.yaml'], rules: { wording: { levels: { typos: 'off', 'benju/kaifang-ri': 'info' } } } }),
      '词库/本局.yaml': PACK, 'a.md': DRAFT,
    });
    assert.deepEqual(wordingOf(dir), ['info:“政府开放日”应为“政务公开日”']);
  });

  it('a bad pack stops the run before anything is written: exit 2 naming config, pack file, line, entry and key', () => {
    const dir = workspace({ '.zwgkrc.json': '{"packs": ["词库/本局.yaml"]}', '词库/本局.yaml': PACK.replace('right:', 'rihgt:'), 'a.md': DRAFT });
    const run = runCli(['lint', '--fix', 'a.md'], { cwd: dir });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /配置文件 .*\.zwgkrc\.json 无效：\n {2}packs\[1\]：词库\/本局\.yaml 第 6 行：词条“kaifang-ri”的“rihgt”：未知的键/);
    assert.equal(fs.readFileSync(path.join(dir, 'a.md'), 'utf8'), DRAFT);
  });

  it('packs are data inside the workspace: absolute paths, escapes, URLs, code and id clashes are refused', () => {
    const outside = workspace({ 'p.yaml': PACK });
    for (const [ref, want] of [
      [path.join(outside, 'p.yaml'), /不能是绝对路径或网址/],
      ['../p.yaml', /指向工作区.*之外/],
      ['https://example.org/p.yaml', /不能是绝对路径或网址/],
      ['p.js', /必须是 \.yaml、\.yml 或 \.json 数据文件/],
      ['missing.yaml', /找不到词库文件/],
    ] as const) {
      const dir = workspace({ '.zwgkrc.json': JSON.stringify({ packs: [ref] }), 'a.md': DRAFT, 'p.js': 'require("fs").writeFileSync("pwned", "")' });
      const run = runCli(['lint', 'a.md'], { cwd: dir });
      assert.equal(run.code, 2, ref);
      assert.match(run.stderr, want, ref);
      assert.ok(!fs.existsSync(path.join(dir, 'pwned')));
    }
    const clash = workspace({ '.zwgkrc.json': '{"packs": ["p.yaml"]}', 'p.yaml': PACK.replace('id: benju', 'id: typos'), 'a.md': DRAFT });
    assert.match(runCli(['lint', 'a.md'], { cwd: clash }).stderr, /id “typos”与内置词库重复/);
  });

  it('zwgk packs list and zwgk packs test', () => {
    const dir = workspace({ '.zwgkrc.json': '{"packs": ["词库/本局.yaml"]}', '词库/本局.yaml': PACK, 'bad.yaml': PACK.replace('政务公开日活动。]', '政府开放日活动。]') });
    const list = runCli(['packs', 'list', '-f', 'json'], { cwd: dir });
    assert.equal(list.code, 0, list.stderr);
    assert.deepEqual((JSON.parse(list.stdout) as { id: string }[]).map((p) => p.id), ['citations', 'terms', 'typos', 'benju']);
    const all = runCli(['packs', 'test'], { cwd: dir });
    assert.equal(all.code, 0, all.stdout + all.stderr);
    assert.match(all.stdout, /✓ 本局用语（词库\/本局\.yaml）：2 个示例全部通过/);
    const bad = runCli(['packs', 'test', 'bad.yaml'], { cwd: dir });
    assert.equal(bad.code, 1);
    assert.match(bad.stdout, /词条“kaifang-ri”不应报告的第 1 个示例“举办政府开放日活动。”：不应报告，却报告了/);
    const invalid = runCli(['packs', 'test', 'nope.yaml'], { cwd: dir });
    assert.equal(invalid.code, 2);
    assert.match(invalid.stderr, /nope\.yaml：找不到词库文件/);
  });
});
