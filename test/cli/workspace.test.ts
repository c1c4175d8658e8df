/** Cross-document rules from the CLI: the draft index covers linted files and their folder-mates. */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildCli, cleanup, focusConfig, parseJson, runCli, workspace } from './helpers';

const POLICY = '---\n标题: 海口市市级储备粮管理办法\n文档类型: 规范性文件\n文号: 海府规〔2026〕3号\n起草单位: 海口市发展和改革委员会\n发布日期: 2026-03-05\n---\n\n# 海口市市级储备粮管理办法\n\n第一条 为加强市级储备粮管理，确保储备粮数量真实、质量良好、储存安全，制定本办法。\n';
const JIEDU = '---\n标题: 关于《海口市市级储备粮管理办法》的解读\n文档类型: 政策解读\n---\n\n# 关于《海口市市级储备粮管理办法》的解读\n\n一、起草背景\n';
const withLink = (ref: string) => POLICY.replace('发布日期', `解读材料: ${ref}\n发布日期`);

describe('zwgk lint: cross-document rules', function () {
  before(buildCli);
  after(cleanup);

  const missing = (dir: string, args: string[]) => {
    const run = runCli(['lint', '-f', 'json', ...args], { cwd: dir });
    assert.notEqual(run.code, 2, run.stderr);
    return parseJson(run).flatMap((r) => r.messages.filter((m) => m.ruleId === 'interpretation-missing').map((m) => `${path.basename(r.filePath)}: ${m.message}`));
  };

  it('an interpretation next to the linted policy is found even when only the policy is linted', () => {
    const dir = workspace({ '.zwgkrc.json': focusConfig({ 'interpretation-missing': 'warning' }), '政策/储备粮管理办法.md': POLICY, '政策/解读.md': JIEDU });
    assert.deepEqual(missing(dir, ['政策/储备粮管理办法.md']), []);
    fs.rmSync(path.join(dir, '政策/解读.md'));
    const left = missing(dir, ['政策/储备粮管理办法.md']);
    assert.equal(left.length, 1);
    assert.match(left[0], /: 补写政策解读并在元数据“解读材料”中写明：没有找到本规范性文件的政策解读/);
  });

  it('links between linted folders resolve; links leaving the workspace are reported', () => {
    const dir = workspace({
      '.zwgkrc.json': focusConfig({ 'interpretation-missing': 'warning' }),
      '政策/储备粮管理办法.md': withLink('../解读/储备粮.md'),
      '解读/储备粮.md': JIEDU,
    });
    assert.deepEqual(missing(dir, ['政策', '解读']), []);
    fs.writeFileSync(path.join(dir, '政策/储备粮管理办法.md'), withLink('../../../共享盘/储备粮解读.md'));
    const out = missing(dir, ['政策']);
    assert.equal(out.length, 1, out.join('\n'));
  });
});
