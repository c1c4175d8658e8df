/**
 * Property-based tests (fast-check, fixed seed): for any input — random Unicode, random Markdown,
 * random front matter — the engine never throws, every rule stays alive (no internal-error), every
 * range lies inside the text, positions agree with offsets, linting is deterministic, and fixing
 * converges: a second fix pass changes nothing and leaves no fixable message.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { lintText, fixText, validateConfig, resolveConfig, ALL_RULES, META_KEYS, DOC_TYPES } from '../../src/core';

const SEED = 20190621;
const RUNS = Number(process.env.ZWGK_FC_RUNS ?? 150);

const PIECES = [
  '海府办函', '〔', '〕', '[', ']', '（', '）', '(', ')', '2019', '19', '06', '6', '年', '月', '日', '号', '第', '168', '068',
  '身份证号', '460100199001011234', '13812345678', '138****5678', '6222021234567890123', '0898-68725613', '12345',
  '秘密★', '内部资料', '主动公开', '市卫计委', '市环保局', '政府信息公开条例', '《', '》', ',', '.', ':', ';', '?', '!', '，', '。',
  '解读', '年度报告', '征求意见', '一、', '（一）', '\n', '\r\n', '\r', '\n\n', ' ', '\u3000', '# ', '## ', '| a | b |\n|---|---|\n',
  '`', '```\n', '*', '**', '> ', '- ', '<!-- zwgk-disable -->', '<!-- zwgk-enable -->', '<!-- zwgk-disable-next-line personal-phone -->',
  'https://www.haikou.gov.cn/a', 'zwgk@haikou.gov.cn', '𠮷', '\u202e', '\u0000', '\u200b', '\ufeff', '---\n', '索 引 号: ', '分类：',
  '00817804-9/2019-13123', '2019年2月30日', '二〇一九年六月二十一日', '2026-02-02', '\\', '&amp;', '<div>', '\t',
];

const piece = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...PIECES) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
);
const randomText = fc.array(piece, { maxLength: 60 }).map((a) => a.join(''));

const value = fc.oneof(fc.constantFrom(...DOC_TYPES, '主动公开', '不予公开', '2019年6月21日', '2026-03-02', '海府办函〔2019〕168号', '../x.md', ''), fc.string({ maxLength: 12 }));
const frontMatter = fc
  .array(fc.tuple(fc.constantFrom(...META_KEYS, '名称', 'foo'), value), { maxLength: 10 })
  .map((pairs) => `---\n${pairs.map(([k, v]) => `${k}: ${v}`).join('\n')}\n---\n\n`);
const header = fc
  .array(fc.tuple(fc.constantFrom('索 引 号', '分类', '发布机构', '发文日期', '名  称', '文  号', '公开属性'), value), { maxLength: 6 })
  .map((pairs) => pairs.map(([k, v]) => `${k}: ${v}`).join(' ') + '\n\n');
const draft = fc.tuple(fc.oneof(frontMatter, header, fc.constant('')), randomText).map(([h, b]) => h + b);
const anyInput = fc.tuple(fc.oneof(draft, randomText), fc.constantFrom('d.md', 'd.txt'));

function checkInvariants(text: string, file: string): void {
  const { messages, document } = lintText(text, file);
  for (const m of messages) {
    assert.notEqual(m.ruleId, 'internal-error', m.message);
    assert.ok(m.start >= 0 && m.start <= m.end && m.end <= text.length, `${m.ruleId} range ${m.start}-${m.end} outside 0-${text.length}`);
    assert.deepEqual(document.positionAt(m.start), { line: m.line, column: m.column }, `${m.ruleId} start position`);
    assert.deepEqual(document.positionAt(m.end), { line: m.endLine, column: m.endColumn }, `${m.ruleId} end position`);
    if (m.fix) assert.ok(m.fix.range[0] >= 0 && m.fix.range[0] <= m.fix.range[1] && m.fix.range[1] <= text.length, `${m.ruleId} fix range`);
  }
}

describe(`property tests (fast-check, seed ${SEED}, ${RUNS} runs each)`, function () {
  this.timeout(120000);

  it('every rule stays alive and every range lies inside the document', () => {
    fc.assert(fc.property(anyInput, ([text, file]) => checkInvariants(text, file)), { seed: SEED, numRuns: RUNS });
  });

  it('linting is deterministic', () => {
    fc.assert(fc.property(anyInput, ([text, file]) => {
      assert.deepEqual(lintText(text, file).messages, lintText(text, file).messages);
    }), { seed: SEED, numRuns: Math.ceil(RUNS / 3) });
  });

  it('fixing converges: no fixable message is left and a second pass changes nothing', () => {
    fc.assert(fc.property(anyInput, ([text, file]) => {
      const once = fixText(text, file);
      const left = once.messages.filter((m) => m.fix);
      assert.deepEqual(left.map((m) => `${m.ruleId}@${m.start}`), [], 'fixable messages left after fixing');
      const twice = fixText(once.text, file);
      assert.equal(twice.text, once.text);
      checkInvariants(once.text, file);
    }), { seed: SEED, numRuns: RUNS });
  });

  it('any config object: validation never throws; a valid one lints without a failing rule', () => {
    const ids = ALL_RULES.map((r) => r.meta.id);
    const severity = fc.constantFrom('off', 'info', 'warning', 'error', 'loud', '', 1, null);
    const ruleValue = fc.oneof(severity, fc.record({ severity }, { requiredKeys: [] }), fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }));
    const config = fc.oneof(
      fc.record({
        rules: fc.dictionary(fc.oneof(fc.constantFrom(...ids), fc.string({ maxLength: 12 })), ruleValue, { maxKeys: 5 }),
        ignore: fc.array(fc.string({ maxLength: 10 }), { maxLength: 3 }),
        calendar: fc.record({ holidays: fc.array(fc.constantFrom('2026-10-09', '2026-02-30', 'x'), { maxLength: 2 }), workdays: fc.array(fc.constantFrom('2026-10-10', '2027-01-02'), { maxLength: 2 }) }, { requiredKeys: [] }),
        extra: fc.jsonValue({ maxDepth: 2 }),
      }, { requiredKeys: [] }),
      fc.jsonValue({ maxDepth: 3 }),
    );
    fc.assert(fc.property(config, draft, (raw, text) => {
      const errors = validateConfig(raw, ALL_RULES);
      for (const e of errors) assert.ok(typeof e.key === 'string' && e.message.length > 0);
      if (errors.length > 0) return;
      const resolved = resolveConfig(ALL_RULES, [raw as object]);
      const { messages } = lintText(text, 'd.md', { config: resolved });
      assert.deepEqual(messages.filter((m) => m.ruleId === 'internal-error').map((m) => m.message), []);
    }), { seed: SEED, numRuns: RUNS });
  });
});
