import * as assert from 'node:assert/strict';
import { ZwgkDocument, lintText, fixText, resolveConfig, validateConfig, ALL_RULES, applyFixes, type Rule } from '../../src/core';

/** A throw-away rule for engine tests: reports every “甲” (fix: “乙”). */
const markRule: Rule = {
  meta: {
    id: 'test-mark', title: '测试', description: '测试规则', category: '用语', defaultSeverity: 'warning',
    clauses: [{ source: '测试', id: '测试', text: '这是测试用的条款文本。' }], rationale: '', howToFix: '', fixable: true,
    examples: { fire: [], quiet: [] },
  },
  check(ctx) {
    for (const s of ctx.doc.segments) {
      const t = ctx.doc.text.slice(s.start, s.end);
      for (let i = t.indexOf('甲'); i >= 0; i = t.indexOf('甲', i + 1)) {
        ctx.report({ start: s.start + i, end: s.start + i + 1, message: '把甲改为乙', fix: { range: [s.start + i, s.start + i + 1], text: '乙' } });
      }
    }
  },
};
const throwing: Rule = { meta: { ...markRule.meta, id: 'test-throws' }, check() { throw new Error('boom'); } };
const rules = [...ALL_RULES, markRule, throwing];

function lint(text: string, file = 'a.md') {
  return lintText(text, file, { rules, config: resolveConfig(rules) }).messages;
}

describe('engine', () => {
  it('gives exact 1-based lines and UTF-16 columns, also after astral characters', () => {
    const text = '# 标题\n\n𠮷𠮷甲\n';
    const m = lint(text).find((x) => x.ruleId === 'test-mark')!;
    assert.deepEqual([m.line, m.column, m.endLine, m.endColumn], [3, 5, 3, 6]);
    assert.equal(text.slice(m.start, m.end), '甲');
  });

  it('turns a throwing rule into one internal-error message and keeps the others', () => {
    const ms = lint('甲\n');
    assert.equal(ms.filter((m) => m.ruleId === 'internal-error').length, 1);
    assert.match(ms.find((m) => m.ruleId === 'internal-error')!.message, /test-throws.*boom/);
    assert.ok(ms.some((m) => m.ruleId === 'test-mark'));
  });

  it('honours severities from config, and off', () => {
    const cfg = resolveConfig(rules, [{ rules: { 'test-mark': 'error' } as never }]);
    assert.equal(lintText('甲', 'a.md', { rules, config: cfg }).messages.find((m) => m.ruleId === 'test-mark')!.severity, 'error');
    const off = resolveConfig(rules, [{ rules: { 'test-mark': 'off' } as never }]);
    assert.ok(!lintText('甲', 'a.md', { rules, config: off }).messages.some((m) => m.ruleId === 'test-mark'));
  });

  it('never reads code, inline code or HTML as prose', () => {
    const ms = lint('`甲`\n\n```\n甲\n```\n\n<div>甲</div>\n').filter((m) => m.ruleId === 'test-mark');
    assert.deepEqual(ms, []);
  });

  describe('inline control comments', () => {
    it('disable / enable a range', () => {
      const text = '甲\n\n<!-- zwgk-disable test-mark -->\n\n甲\n\n<!-- zwgk-enable test-mark -->\n\n甲\n';
      assert.deepEqual(lint(text).filter((m) => m.ruleId === 'test-mark').map((m) => m.line), [1, 9]);
    });
    it('disable-next-line and disable-line, for one rule or all', () => {
      const text = '<!-- zwgk-disable-next-line test-mark -->\n甲\n甲 <!-- zwgk-disable-line -->\n甲\n';
      assert.deepEqual(lint(text).filter((m) => m.ruleId === 'test-mark').map((m) => m.line), [4]);
    });
    it('work in plain text files too', () => {
      const text = '<!-- zwgk-disable-next-line test-mark -->\n甲\n甲\n';
      assert.deepEqual(lint(text, 'a.txt').filter((m) => m.ruleId === 'test-mark').map((m) => m.line), [3]);
    });
    it('are ignored inside code blocks', () => {
      const text = '```\n<!-- zwgk-disable -->\n```\n\n甲\n';
      assert.equal(lint(text).filter((m) => m.ruleId === 'test-mark').length, 1);
    });
    it('report unknown rule ids at the id', () => {
      const text = '<!-- zwgk-disable test-mrak -->\n';
      const m = lint(text).find((x) => x.ruleId === 'inline-config-invalid')!;
      assert.equal(text.slice(m.start, m.end), 'test-mrak');
    });
  });

  describe('fixes', () => {
    it('applies non-overlapping fixes and skips overlapping ones', () => {
      const r = applyFixes('abcdef', [{ range: [0, 2], text: 'X' }, { range: [1, 3], text: 'Y' }, { range: [4, 5], text: 'Z' }]);
      assert.equal(r.text, 'XcdZf');
      assert.equal(r.skipped.length, 1);
    });
    it('fixText re-lints until stable and a second run changes nothing', () => {
      const once = fixText('甲甲\n\n甲\n', 'a.md', { rules, config: resolveConfig(rules) });
      assert.equal(once.text, '乙乙\n\n乙\n');
      assert.equal(once.fixed, 3);
      const twice = fixText(once.text, 'a.md', { rules, config: resolveConfig(rules) });
      assert.equal(twice.fixed, 0);
      assert.equal(twice.text, once.text);
    });
  });
});

describe('ALL_RULES', () => {
  it('is in the ids\' collation order, and every id is lower-case kebab-case ASCII (what its code-unit sort relies on)', () => {
    const ids = ALL_RULES.map((r) => r.meta.id);
    for (const id of ids) assert.match(id, /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/);
    assert.deepEqual(ids, [...ids].sort((a, b) => a.localeCompare(b)));
  });
});

describe('config', () => {
  it('accepts severities and option objects', () => {
    assert.deepEqual(validateConfig({ rules: { 'front-matter-invalid': 'warning' }, ignore: ['old/**'] }, ALL_RULES), []);
    assert.deepEqual(validateConfig({ rules: { 'front-matter-invalid': { severity: 'off' } } }, ALL_RULES), []);
  });
  it('names an unknown rule id, with a suggestion', () => {
    const errs = validateConfig({ rules: { 'front-matter-invalidd': 'error' } }, ALL_RULES);
    assert.equal(errs.length, 1);
    assert.equal(errs[0].key, 'rules.front-matter-invalidd');
    assert.match(errs[0].message, /未知的规则 id.*front-matter-invalid/);
  });
  it('names an unknown top-level key and a bad severity', () => {
    const errs = validateConfig({ rulez: {}, rules: { 'front-matter-invalid': 'loud' } }, ALL_RULES);
    assert.ok(errs.some((e) => e.key === 'rulez'));
    assert.ok(errs.some((e) => e.key === 'rules.front-matter-invalid'));
  });
  it('merges layers: nearer wins, options merge', () => {
    const r = resolveConfig(ALL_RULES, [
      { rules: { 'front-matter-invalid': 'warning' } as never, calendar: { holidays: ['2026-10-09'] } },
      { rules: { 'front-matter-invalid': { severity: 'info' } } as never },
    ]);
    assert.equal(r.rules.get('front-matter-invalid')!.severity, 'info');
    assert.deepEqual(r.calendar.holidays, ['2026-10-09']);
  });
});

describe('prose segments', () => {
  it('cut out URLs and e-mail addresses, in Markdown and plain text', () => {
    const text = '详见http://www.gov.cn/a,b?c=1甲 或 www.haikou.gov.cn/x.html. 邮箱 zwgk@haikou.gov.cn 甲\n';
    for (const file of ['a.md', 'a.txt']) {
      const doc = new ZwgkDocument(text, file);
      const prose = doc.segments.map((s) => text.slice(s.start, s.end)).join('|');
      assert.equal(prose, '详见|甲 或 |. 邮箱 | 甲', file);
    }
  });
  it('keep Markdown table cells', () => {
    const ms = lint('| 名称 | 金额 |\n|---|---|\n| 甲 | 1 |\n').filter((m) => m.ruleId === 'test-mark');
    assert.deepEqual(ms.map((m) => [m.line, m.column]), [[3, 3]]);
  });
});

describe('applyFixes', () => {
  it('applies identical fixes once and all insertions at one offset in order', () => {
    const r = applyFixes('ab', [
      { range: [2, 2], text: '\n## 背景依据' }, { range: [2, 2], text: '\n## 目标任务' }, { range: [2, 2], text: '\n## 背景依据' },
      { range: [0, 1], text: 'A' },
    ]);
    assert.equal(r.text, 'Ab\n## 背景依据\n## 目标任务');
    assert.equal(r.applied.length, 3);
  });
  it('an insertion right after a replaced range is not an overlap; a range inside one is', () => {
    const r = applyFixes('abc', [{ range: [0, 2], text: 'X' }, { range: [2, 2], text: 'Y' }, { range: [1, 2], text: 'Z' }]);
    assert.equal(r.text, 'XYc');
    assert.equal(r.skipped.length, 1);
  });
});
