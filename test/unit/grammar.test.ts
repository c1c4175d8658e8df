/**
 * The TextMate grammars in syntaxes/: generated files current, every regex compiles in JavaScript
 * (the grammar is written in the Oniguruma subset JS shares) and is linear-time (bounded quantifiers),
 * and a small TextMate-like scanner gives the expected scopes on real 公文 lines.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { grammarFiles, INJECTION_FILE, PLAINTEXT_FILE, INJECTION_SCOPE, PLAINTEXT_SCOPE } from '../../scripts/grammar';
import { META_KEYS, META_ALIASES } from '../../src/core';

const ROOT = path.resolve(__dirname, '../..');

interface Pattern { name?: string; match?: string; begin?: string; end?: string; include?: string; patterns?: Pattern[]; captures?: Record<string, { name: string }> }
interface Grammar { scopeName: string; injectionSelector?: string; patterns: Pattern[]; repository?: Record<string, Pattern> }

const grammar = JSON.parse(fs.readFileSync(path.join(ROOT, INJECTION_FILE), 'utf8')) as Grammar;

/** Oniguruma-only syntax → JavaScript (the grammar avoids it; kept so a future edit still gets tested). */
function toJs(src: string): string {
  return src
    .replace(/\\h/g, '[0-9a-fA-F]')
    .replace(/\\x\{([0-9a-fA-F]{1,6})\}/g, '\\u{$1}')
    .replace(/\\A/g, '^')
    .replace(/\\[zZ]/g, '$');
}

function allRegexes(g: Grammar): { where: string; src: string }[] {
  const out: { where: string; src: string }[] = [];
  const walk = (p: Pattern, where: string) => {
    for (const k of ['match', 'begin', 'end'] as const) if (p[k]) out.push({ where: `${where}.${k}`, src: p[k]! });
    p.patterns?.forEach((c, i) => walk(c, `${where}.patterns[${i}]`));
  };
  g.patterns.forEach((p, i) => walk(p, `patterns[${i}]`));
  for (const [k, p] of Object.entries(g.repository ?? {})) walk(p, `repository.${k}`);
  return out;
}

/** Flattened match patterns in grammar order (includes of #repository resolved). */
function flatPatterns(g: Grammar): Pattern[] {
  const out: Pattern[] = [];
  const add = (p: Pattern) => {
    if (p.include?.startsWith('#')) add(g.repository![p.include.slice(1)]);
    else if (p.match) out.push(p);
    else p.patterns?.forEach(add);
  };
  g.patterns.forEach(add);
  return out;
}

/**
 * Scans a line like TextMate with `match` rules only: at each position the rule whose match starts
 * first wins (ties: the earlier rule). Returns [text, scopes] for every matched token and capture.
 */
function scan(line: string): [string, string][] {
  const rules = flatPatterns(grammar).map((p) => ({ p, re: new RegExp(toJs(p.match!), 'gu') }));
  const out: [string, string][] = [];
  let pos = 0;
  while (pos < line.length) {
    let best: { p: Pattern; m: RegExpExecArray } | undefined;
    for (const r of rules) {
      r.re.lastIndex = pos;
      const m = r.re.exec(line);
      if (m && m[0].length > 0 && (!best || m.index < best.m.index)) best = { p: r.p, m };
    }
    if (!best) break;
    const { p, m } = best;
    if (p.name) out.push([m[0], p.name]);
    for (const [i, c] of Object.entries(p.captures ?? {})) if (m[Number(i)]) out.push([m[Number(i)], c.name]);
    pos = m.index + m[0].length;
  }
  return out;
}

const has = (tokens: [string, string][], text: string, scope: string) =>
  tokens.some(([t, s]) => t === text && s === scope);

describe('grammar (syntaxes/)', () => {
  it('generated grammar files are current (npx tsx scripts/grammar.ts)', () => {
    for (const [rel, want] of Object.entries(grammarFiles())) {
      assert.equal(fs.readFileSync(path.join(ROOT, rel), 'utf8'), want, `${rel} is out of date`);
    }
    assert.equal(grammar.scopeName, INJECTION_SCOPE);
    const plain = JSON.parse(fs.readFileSync(path.join(ROOT, PLAINTEXT_FILE), 'utf8')) as Grammar;
    assert.equal(plain.scopeName, PLAINTEXT_SCOPE);
    assert.deepEqual(plain.patterns, [{ include: INJECTION_SCOPE }]);
    assert.match(grammar.injectionSelector!, /^L:text\.html\.markdown /);
    assert.match(grammar.injectionSelector!, /-markup\.fenced_code/);
  });

  it('the package contributes both grammars at these paths', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const grammars = pkg.contributes.grammars as { scopeName: string; path: string; injectTo?: string[]; language?: string }[];
    const inj = grammars.find((g) => g.scopeName === INJECTION_SCOPE)!;
    assert.equal(inj.path, `./${INJECTION_FILE}`);
    assert.deepEqual(inj.injectTo, ['text.html.markdown']);
    const plain = grammars.find((g) => g.scopeName === PLAINTEXT_SCOPE)!;
    assert.equal(plain.path, `./${PLAINTEXT_FILE}`);
    assert.equal(plain.language, 'plaintext');
  });

  it('every regex compiles in JavaScript, with and without the u flag', () => {
    const rs = allRegexes(grammar);
    assert.ok(rs.length >= 8);
    for (const { where, src } of rs) {
      assert.doesNotThrow(() => new RegExp(toJs(src), 'g'), `${where}`);
      assert.doesNotThrow(() => new RegExp(toJs(src), 'gu'), `${where}`);
    }
  });

  it('every quantifier is bounded (linear time, no nested repetition)', () => {
    for (const { where, src } of allRegexes(grammar)) {
      const bare = src.replace(/\\./g, 'e').replace(/\[[^\]]*\]/g, 'c');
      assert.doesNotMatch(bare, /[*+]|\{\d+,\}/, `${where}: unbounded quantifier in ${src}`);
      assert.doesNotMatch(bare, /\)\{\d+(?:,\d+)?\}/, `${where}: repeated group in ${src}`);
    }
  });

  it('time stays linear on hostile lines', () => {
    const hostile = ['〔'.repeat(20000), '2019年'.repeat(5000), '第一'.repeat(10000), '《'.repeat(20000), '索 引 '.repeat(5000), '1'.repeat(50000)];
    for (const line of hostile) {
      const t0 = process.hrtime.bigint();
      scan(line);
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      // A generous bound that only catastrophic backtracking breaks (not a latency target).
      assert.ok(ms < 5000, `${line.slice(0, 10)}…: ${ms} ms`);
    }
  });

  it('highlights 文号 with its parts', () => {
    const t = scan('海府办函〔2019〕168号');
    assert.ok(has(t, '海府办函〔2019〕168号', 'entity.name.tag.docnumber.zwgk'));
    assert.ok(has(t, '海府办函', 'entity.name.tag.docnumber.agency.zwgk'));
    assert.ok(has(t, '2019', 'constant.numeric.year.zwgk'));
    assert.ok(has(t, '168', 'constant.numeric.docnumber.zwgk'));
    // After a lead word the 机关代字 starts after it; a wrong 第 is marked.
    const u = scan('根据海府办函〔2019〕第68号的要求');
    assert.ok(has(u, '海府办函〔2019〕第68号', 'entity.name.tag.docnumber.zwgk'));
    assert.ok(has(u, '第', 'invalid.deprecated.docnumber.zwgk'));
    // Wrong brackets are still a 文号 (the rule reports them); in running text only the bracket part.
    assert.ok(has(scan('（琼府〔2019〕5号）'), '琼府〔2019〕5号', 'entity.name.tag.docnumber.zwgk'));
    assert.ok(has(scan('文号:海府办函[2019]168号'), '海府办函[2019]168号', 'entity.name.tag.docnumber.zwgk'));
    assert.ok(has(scan('各区人民政府要结合本地实际认真贯彻国办发〔2016〕80号'), '〔2016〕80号', 'entity.name.tag.docnumber.zwgk'));
    assert.ok(!scan('(2019)年').some(([, s]) => s.startsWith('entity.name.tag.docnumber')));
    // A function word before the 文号 ends the words before it: the 机关代字 is what follows.
    const v = scan('年度报告按国办公开办函〔2021〕30号格式编制');
    assert.ok(has(v, '国办公开办函', 'entity.name.tag.docnumber.agency.zwgk'), JSON.stringify(v));
    assert.ok(!v.some(([c, s]) => c.includes('年度报告') && s.includes('agency')), JSON.stringify(v));
    assert.ok(has(scan('本通知由海府办〔2019〕3号印发'), '海府办', 'entity.name.tag.docnumber.agency.zwgk'));
  });

  it('highlights dates in both styles, not index numbers or phone numbers', () => {
    for (const d of ['2019年6月21日', '2026-03-02', '2026-3-2', '二〇一九年六月二十一日']) {
      assert.ok(has(scan(`于${d}发布`), d, 'constant.numeric.date.zwgk'), d);
    }
    assert.ok(!scan('索引号 00817804-9/2019-13123').some(([, s]) => s === 'constant.numeric.date.zwgk'));
    assert.ok(!scan('电话 0898-6872-1234').some(([, s]) => s === 'constant.numeric.date.zwgk'));
    assert.ok(!scan('2019-05-1512').some(([, s]) => s === 'constant.numeric.date.zwgk'));
  });

  it('highlights 《titles》', () => {
    const t = scan('根据《中华人民共和国政府信息公开条例》和《关于〈某办法〉的说明》');
    assert.ok(has(t, '《中华人民共和国政府信息公开条例》', 'string.quoted.title.zwgk'));
    assert.ok(has(t, '《', 'punctuation.definition.string.begin.zwgk'));
    assert.ok(has(t, '《关于〈某办法〉的说明》', 'string.quoted.title.zwgk'));
    assert.ok(!scan('《未闭合\n').some(([, s]) => s === 'string.quoted.title.zwgk'));
  });

  it('highlights every catalogue key the parser knows, with the portal spacing', () => {
    for (const k of [...META_KEYS, ...Object.keys(META_ALIASES)]) {
      assert.ok(has(scan(`${k}: x`), k, 'keyword.other.key.zwgk'), k);
      assert.ok(has(scan(`${k}：x`), k, 'keyword.other.key.zwgk'), `${k}：`);
    }
    const seed = scan('索 引 号: 00817804-9/2019-13123 分类: 规划计划');
    assert.ok(has(seed, '索 引 号', 'keyword.other.key.zwgk'));
    assert.ok(has(seed, '分类', 'keyword.other.key.zwgk'));
    assert.ok(has(seed, ':', 'punctuation.separator.key-value.zwgk'));
    assert.ok(has(scan('名  称: 2020年海口市义务教育学校招生工作实施细则'), '名  称', 'keyword.other.key.zwgk'));
    // Not inside running text.
    assert.ok(!scan('本文标题:略').some(([, s]) => s === 'keyword.other.key.zwgk'));
  });

  it('highlights clause references', () => {
    for (const c of ['第十五条', '第四十九条第一款', '第三十六条第（一）项', '条例 第二十六条', '第20条', '要点 二（一）', '要点二(三)']) {
      assert.ok(has(scan(`依据${c}的规定`), c, 'support.constant.clause.zwgk'), c);
    }
    assert.ok(!scan('第一次会议').some(([, s]) => s === 'support.constant.clause.zwgk'));
  });
});

