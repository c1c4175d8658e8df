/**
 * Security (issue 5): nothing from the workspace is executed, links and `extends` cannot read outside the
 * workspace, and no output ever carries a full personal number — only the draft itself holds it.
 *
 * Core: redactPersonalData; a property test (fast-check, fixed seed) that puts valid 身份证号, mobile and
 * bank card numbers wherever a rule might quote text (titles, 文号, links, headings, tables, control
 * comments …) and checks every message, its data and every fix. CLI: the built `dist/cli.js` (JSON, SARIF,
 * stylish, --fix, stdin). The language server's side is in test/server/security.test.ts.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { ALL_RULES, lintText, redactPersonalData, type LintMessage, type Rule } from '../../src/core';
import { gb11643CheckDigit, luhnValid } from '../../src/core/util/privacy';
import { buildCli, cleanup, focusConfig, parseJson, runCli, workspace, write } from '../cli/helpers';

const SEED = 20190621;
const RUNS = Number(process.env.ZWGK_FC_RUNS ?? 150);

/** Valid numbers (check digit, Luhn) as they stand in real lists, grouped or not. */
const ID = '460100198503121232';
const ID_X = '46010619900101101x';
const PHONE = '13812345678';
const PHONE_GROUPED = '139 8765 4321';
const CARD = '6222021234567890128';
const CARD_GROUPED = '6228 4800 1234 5678 903';
const SECRETS = [ID, ID_X, PHONE, PHONE_GROUPED, CARD, CARD_GROUPED];

/** A digit-only form too, so a rule that strips separators cannot leak the number either. */
function forms(secret: string): string[] {
  const digits = secret.replace(/[^0-9Xx]/g, '');
  return digits === secret ? [secret] : [secret, digits];
}

function assertNoSecret(where: string, text: string, secrets: readonly string[] = SECRETS): void {
  for (const s of secrets) for (const f of forms(s)) assert.ok(!text.includes(f), `${where} contains “${f}”:\n${text.slice(0, 2000)}`);
}

/** Every number in one draft: prose, metadata values, title, 文号, a link, headings, a table, a control comment. */
const LEAKY = [
  '---',
  `标题: 关于王某某（身份证号${ID}）违规领取补贴的处理决定`,
  '文档类型: 行政执法公示',
  `文号: 海府办函[2019]${PHONE}号`,
  `成文日期: 2019年06月21日`,
  '发布日期: 2019-06-24',
  `联系电话: ${PHONE_GROUPED}`,
  `解读材料: 解读/${PHONE}.md`,
  '---',
  '',
  `# 关于王某某（身份证号${ID}）违规领取补贴的处理决定`,
  '',
  `<!-- zwgk-disable-next-line ${PHONE} -->`,
  `当事人王某某，身份证号码：${ID}，联系电话：${PHONE}，收款账号：${CARD}。`,
  '',
  `## 二、《关于${PHONE}号码的通知》的执行情况`,
  '',
  '| 姓名 | 身份证号 | 一卡通账号 | 手机 |',
  '|---|---|---|---|',
  `| 李某某 | ${ID_X} | ${CARD_GROUPED} | ${PHONE_GROUPED} |`,
  '',
].join('\n');

function messagesText(messages: LintMessage[]): string {
  return JSON.stringify(messages.map((m) => ({ message: m.message, data: m.data, clause: m.clause })));
}

describe('security: personal numbers never leave the draft (core)', function () {
  this.timeout(120000);

  it('redactPersonalData masks valid 身份证号, mobile and bank card numbers, keeping separators', () => {
    assert.equal(redactPersonalData(`身份证号${ID}，手机${PHONE}`), '身份证号46**************32，手机138****5678');
    assert.equal(redactPersonalData(`+86 138-1234-5678`), '+86 138-****-5678');
    assert.equal(redactPersonalData(PHONE_GROUPED), '139 **** 4321');
    assert.equal(redactPersonalData(ID_X), '46**************1x');
    assert.equal(redactPersonalData(`账号${CARD}`), '账号6222***********0128');
    assert.equal(redactPersonalData(CARD_GROUPED), '6228 **** **** ***8 903');
    assert.equal(redactPersonalData('１３８１２３４５６７８'), '１３８****５６７８', 'fullwidth digits');
    assert.equal(redactPersonalData('原户主身份证号：460100850312123'), '原户主身份证号：46***********23', '15-digit ID');
  });

  it('redactPersonalData leaves everything else alone', () => {
    for (const s of [
      '索引号：00817804-9/2019-13123', '海府办函〔2019〕168号', '2019年6月21日至2026-03-02', '0898-68725613、12345',
      '138****5678 与 46**************32', '合同金额 1200000 元', '项目编号：460100198503121233（校验码不符）',
      '银行交易流水号：6228480012345678904（Luhn 不通过）', '', '没有数字',
    ]) assert.equal(redactPersonalData(s), s);
  });

  it('no message or message data carries a full number, wherever the draft puts it', () => {
    for (const file of ['d.md', 'd.txt']) {
      const { messages } = lintText(LEAKY, file);
      assert.ok(messages.some((m) => m.ruleId === 'personal-id-number'));
      assert.ok(messages.some((m) => m.ruleId === 'inline-config-invalid'), 'the control comment is quoted (masked)');
      assertNoSecret(`messages of ${file}`, messagesText(messages));
      for (const m of messages) if (m.fix) assertNoSecret(`fix of ${m.ruleId}`, m.fix.text);
    }
  });

  it('a rule whose exception quotes the draft: the internal-error message is masked', () => {
    const throwing: Rule = {
      meta: { ...ALL_RULES[0].meta, id: 'test-throwing', examples: { fire: [], quiet: [] } },
      check(ctx) {
        throw new Error(`无法解析“${ctx.doc.text.slice(0, 60)}”`);
      },
    };
    const { messages } = lintText(`联系电话：${PHONE}，身份证号：${ID}\n`, 'a.md', { rules: [...ALL_RULES, throwing] });
    const internal = messages.filter((m) => m.ruleId === 'internal-error');
    assert.equal(internal.length, 1);
    assert.match(internal[0].message, /test-throwing/);
    assert.match(internal[0].message, /138\*{4}5678/);
    assertNoSecret('internal-error', internal[0].message);
  });

  it(`property (seed ${SEED}): random valid numbers anywhere in a draft never appear in messages, data or fixes`, () => {
    const PROVINCES = ['11', '31', '44', '46', '65', '82'];
    const id = fc.tuple(fc.constantFrom(...PROVINCES), fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 1950, max: 2005 }),
      fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), fc.integer({ min: 0, max: 999 }))
      .map(([p, area, y, m, d, seq]) => {
        const first17 = `${p}${area}${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}${String(seq).padStart(3, '0')}`;
        return first17 + gb11643CheckDigit(first17);
      });
    const phone = fc.tuple(fc.constantFrom('3', '5', '7', '8', '9'), fc.integer({ min: 0, max: 999_999_999 }))
      .map(([b, n]) => `1${b}${String(n).padStart(9, '0')}`);
    const card = fc.tuple(fc.constantFrom('6222', '6228', '6217', '9558'), fc.integer({ min: 0, max: 99_999_999 }), fc.integer({ min: 0, max: 99_999 }))
      .map(([bin, a, b]) => {
        const body = `${bin}${String(a).padStart(8, '0')}${String(b).padStart(5, '0')}`;
        for (let c = 0; c < 10; c++) if (luhnValid(body + c)) return body + c;
        return body + '0';
      });
    const secret = fc.oneof(id, phone, card);
    /** Places a rule may quote from. `$` is the number. */
    const SLOTS = [
      '标题: 关于$的通知', '文号: 海府办函[2019]$号', '索引号: $', '解读材料: $.md', '解读对象: 《关于$的规定》', '联系电话: $', '起草单位: 市$局',
      '成文日期: $', '备注: $',
    ];
    const BODY = [
      '# 关于$的决定', '## 一、$', '联系人：王某，$。', '身份证号：$', '账号：$', '《关于$的通知》', '`$`', '[链接](https://example.org/$)',
      '<!-- zwgk-disable-next-line $ -->', '| 姓名 | 号码 |\n|---|---|\n| 张某 | $ |', '文号为海府办函〔2019〕$号。', '$', '（$）', '2019年$月',
    ];
    const draft = fc.tuple(
      fc.array(fc.tuple(fc.constantFrom(...SLOTS), secret), { maxLength: 4 }),
      fc.array(fc.tuple(fc.constantFrom(...BODY), secret), { minLength: 1, maxLength: 5 }),
      fc.constantFrom('d.md', 'd.txt'),
    ).map(([meta, body, file]) => {
      const secrets = [...meta, ...body].map(([, s]) => s);
      const head = meta.length ? `---\n${meta.map(([t, s]) => t.replace('$', s)).join('\n')}\n---\n\n` : '';
      return { text: head + body.map(([t, s]) => t.replace('$', s)).join('\n\n') + '\n', file, secrets };
    });
    fc.assert(fc.property(draft, ({ text, file, secrets }) => {
      const { messages } = lintText(text, file);
      assertNoSecret('messages', messagesText(messages), secrets);
      for (const m of messages) if (m.fix) assertNoSecret(`fix of ${m.ruleId}`, m.fix.text, secrets);
    }), { seed: SEED, numRuns: RUNS });
  });
});

describe('security: the CLI (dist/cli.js)', function () {
  this.timeout(60000);
  before(() => buildCli());
  after(() => cleanup());

  const MARKER = 'zwgk-was-executed';
  /** JavaScript that would leave a marker file (and turn the phone rule off) if anything ran it. */
  const EVIL_JS = `require('fs').writeFileSync(require('path').join(__dirname, '${MARKER}'), 'x');\nmodule.exports = { rules: { 'personal-phone': 'off' } };\n`;
  const NOTICE = `# 关于发放补贴的公示\n\n联系人：王某，联系电话：${PHONE}。\n`;
  const phoneIds = (dir: string, args: string[] = []) => {
    const run = runCli(['lint', '--format', 'json', ...args], { cwd: dir });
    return parseJson(run).flatMap((r) => r.messages.map((m) => m.ruleId)).filter((id) => id === 'personal-phone');
  };

  it('JavaScript configs and plugins in the workspace are never executed', () => {
    const dir = workspace({
      '.zwgkrc.js': EVIL_JS, '.zwgkrc.cjs': EVIL_JS, '.zwgkrc.mjs': EVIL_JS.replace('module.exports =', 'export default'),
      'zwgk.config.js': EVIL_JS, '.zwgkrc.ts': EVIL_JS, 'node_modules/zwgk-plugin-evil/index.js': EVIL_JS,
      'package.json': JSON.stringify({ name: 'drafts', zwgk: { rules: { 'personal-phone': 'off' } }, scripts: { postinstall: 'node zwgk.config.js' } }),
      'a.md': NOTICE,
    });
    // Only data configs count: with no .zwgkrc.json/.yaml the defaults apply (the JS would have turned the rule off).
    assert.deepEqual(phoneIds(dir, ['a.md']), ['personal-phone']);
    assert.ok(!fs.existsSync(path.join(dir, MARKER)));

    // Named explicitly, a JS config is refused (exit 2) — still not executed.
    for (const f of ['.zwgkrc.js', 'zwgk.config.js', '.zwgkrc.mjs', '.zwgkrc.ts']) {
      const run = runCli(['lint', '--config', f, 'a.md'], { cwd: dir });
      assert.equal(run.code, 2, f);
      assert.match(run.stderr, /不执行 JavaScript/);
    }
    // A `plugins` key is not a setting: exit 2 naming the key.
    write(dir, '.zwgkrc.json', JSON.stringify({ plugins: ['./zwgk.config.js', 'zwgk-plugin-evil'] }));
    const plugins = runCli(['lint', 'a.md'], { cwd: dir });
    assert.equal(plugins.code, 2);
    assert.match(plugins.stderr, /plugins/);
    assert.ok(!fs.existsSync(path.join(dir, MARKER)), 'nothing from the workspace ran');
  });

  it('extends outside the workspace or to a .js file: exit 2 naming the key, nothing read or run', () => {
    const outer = workspace({ 'outside.json': JSON.stringify({ rules: { 'personal-phone': 'off' } }) });
    const dir = path.join(outer, 'ws');
    write(dir, 'a.md', NOTICE);
    write(dir, 'evil.js', EVIL_JS);
    for (const ref of ['../outside.json', './evil.js', path.join(outer, 'outside.json')]) {
      write(dir, '.zwgkrc.json', JSON.stringify({ extends: ref }));
      const run = runCli(['lint', 'a.md'], { cwd: dir });
      assert.equal(run.code, 2, ref);
      assert.match(run.stderr, /extends/, run.stderr);
      assert.equal(run.stdout, '', 'no lint result with a config that could not be applied');
    }
    assert.ok(!fs.existsSync(path.join(dir, MARKER)));
  });

  it('a 解读材料 link to ../../etc/passwd is reported, not followed', () => {
    const dir = workspace({
      '.zwgkrc.json': focusConfig({ 'interpretation-missing': 'warning' }),
      '办法.md': ['---', '标题: 海口市市级储备粮管理办法', '文档类型: 规范性文件', '解读材料: ../../../../../../etc/passwd', '---', '', '# 海口市市级储备粮管理办法', ''].join('\n'),
    });
    const run = runCli(['lint', '--format', 'json', '办法.md'], { cwd: dir });
    const msgs = parseJson(run)[0].messages;
    assert.equal(msgs.length, 1, JSON.stringify(msgs));
    assert.equal(msgs[0].ruleId, 'interpretation-missing');
    assert.match(msgs[0].message, /工作区以外，不予跟随/);
    assert.ok(!/root:|nologin|\/bin\/(?:ba)?sh/.test(run.stdout + run.stderr), 'nothing of /etc/passwd in the output');
  });

  it('no full 身份证号, mobile or card number in stylish, JSON or SARIF output, nor with --fix or stdin', () => {
    const dir = workspace({ '.zwgkrc.json': '{}\n', 'a.md': LEAKY, 'b.txt': LEAKY });
    for (const format of ['stylish', 'json', 'sarif']) {
      const run = runCli(['lint', '--format', format, 'a.md', 'b.txt'], { cwd: dir });
      assert.equal(run.code, 1, run.stderr);
      assert.match(run.stdout, /46\*{14}32/, 'the masked ID is shown');
      assertNoSecret(`${format} stdout`, run.stdout);
      assertNoSecret(`${format} stderr`, run.stderr);
    }
    const stdin = runCli(['lint', '--format', 'json', '--stdin-filename', 'c.md', '-'], { cwd: dir, input: LEAKY });
    assert.equal(stdin.code, 1);
    assertNoSecret('stdin JSON', stdin.stdout + stdin.stderr);
    // JSON fixes carry the masked value.
    const fixes = parseJson(runCli(['lint', '--format', 'json', 'a.md'], { cwd: dir }))[0].messages.filter((m) => m.ruleId === 'personal-phone' && m.fix);
    assert.ok(fixes.length >= 2 && fixes.every((m) => /(?:\\?\*){4}/.test(m.fix!.text)));

    // A large run (worker threads when there are many files) is masked the same way.
    for (let i = 0; i < 60; i++) write(dir, `many/d${i}.md`, LEAKY);
    const many = runCli(['lint', '--format', 'json', 'many'], { cwd: dir });
    assert.equal(parseJson(many).length, 60);
    assertNoSecret('60-file run', many.stdout + many.stderr);

    const fixed = runCli(['lint', '--fix', '--format', 'json', 'a.md', 'b.txt'], { cwd: dir });
    assertNoSecret('--fix output', fixed.stdout + fixed.stderr);
    // The personal numbers the rules recognise are masked in the files themselves.
    for (const f of ['a.md', 'b.txt']) {
      const text = fs.readFileSync(path.join(dir, f), 'utf8');
      assert.ok(!text.includes(`联系电话：${PHONE}`) && !text.includes(`身份证号码：${ID}`), f);
    }
  });
});
