/**
 * Issue 10 ("Reliability under attack"), the core's part: properties that must hold for any input of
 * the shapes that broke — front matter under every line ending, rename maps of any kind, nesting that
 * would blow the parsers — plus the guards themselves.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { lintText, fixText, resolveConfig, ALL_RULES, ZwgkDocument, META_KEYS, getField, readHeader } from '../../src/core';
import { neutraliseLongLines, parserInput, parseGuarded, pieceBounds, nestingDepth, yamlProblem, MAX_CONTAINER_DEPTH, MAX_YAML_DEPTH, MAX_PARAGRAPH_EMPHASIS } from '../../src/core/parser-guard';

const SEED = 20190621;
const RUNS = Number(process.env.ZWGK_FC_RUNS ?? 150);

describe('front matter survives --fix under every line ending (issue 10, item 2)', function () {
  this.timeout(60000);
  const key = fc.constantFrom(...META_KEYS.filter((k) => k !== '文档类型'));
  const val = fc.constantFrom('关于做好政务公开工作的通知', '市政府办公室', '2019-06-21', '主动公开', '海府办函〔2019〕168号', '说明:含冒号', '');
  const body = fc.array(fc.constantFrom('# 标题', '请各单位做好工作.', '(此件主动公开)', '市卫计委负责,', '联系电话13812345678', ''), { maxLength: 8 });
  const eol = fc.constantFrom('\n', '\r\n', '\r');

  it('every key and value is still front matter after fixing, and the line endings are kept', () => {
    fc.assert(fc.property(fc.uniqueArray(fc.tuple(key, val), { selector: ([k]) => k, maxLength: 6 }), body, eol, (pairs, lines, nl) => {
      const text = ['---', ...pairs.map(([k, v]) => `${k}: ${v}`), '---', '', ...lines].join(nl) + nl;
      const before = new ZwgkDocument(text, 'd.md');
      if (before.metadata.source !== 'front-matter' || before.metadata.problems.length) return;
      const { text: fixed } = fixText(text, 'd.md');
      const after = new ZwgkDocument(fixed, 'd.md');
      assert.equal(after.metadata.source, 'front-matter', JSON.stringify(fixed));
      assert.deepEqual(after.metadata.problems, []);
      for (const f of before.metadata.fields) {
        const g = after.metadata.fields.find((x) => x.rawKey === f.rawKey);
        assert.ok(g, `${f.rawKey} lost: ${JSON.stringify(fixed)}`);
        // keys keep their half-width colon: the YAML still parses to the same value
        assert.equal(g.value, f.value);
      }
      assert.ok(fixed.startsWith('---' + nl), JSON.stringify(fixed));
      const breaks = fixed.match(/\r\n|\r|\n/g) ?? [];
      assert.ok(breaks.every((b) => b === nl), `mixed line endings: ${JSON.stringify(fixed)}`);
    }), { seed: SEED, numRuns: RUNS });
  });
});

describe('renamed-department: any rename map converges (issue 10, item 7)', function () {
  this.timeout(60000);
  // A small alphabet, so that names contain each other, overlap, chain and cycle.
  const name = fc.array(fc.constantFrom('市', '旅', '游', '委', '员', '会', '局'), { minLength: 2, maxLength: 6 }).map((a) => a.join(''));
  const renames = fc.dictionary(name, fc.oneof({ weight: 5, arbitrary: name }, { weight: 1, arbitrary: fc.constant('') }), { maxKeys: 5 });
  const prose = fc.array(fc.oneof(name, fc.constantFrom('，', '请', '负责', '\n\n')), { maxLength: 20 }).map((a) => '# 通知\n\n' + a.join('') + '\n');

  it('a second fix changes nothing, and the text never grows more than one rename per old name written', () => {
    fc.assert(fc.property(renames, prose, (map, text) => {
      const rule = ALL_RULES.find((r) => r.meta.id === 'renamed-department')!;
      const config = resolveConfig([rule], [{ rules: { 'renamed-department': { severity: 'warning', renames: map } } }]);
      const opts = { rules: [rule], config };
      const once = fixText(text, 'd.md', opts).text;
      const twice = fixText(once, 'd.md', opts).text;
      assert.equal(twice, once, `not stable for ${JSON.stringify(map)}: ${JSON.stringify(text)} → ${JSON.stringify(once)} → ${JSON.stringify(twice)}`);
      const longest = Math.max(0, ...Object.values(map).map((v) => v.length));
      assert.ok(once.length <= text.length * Math.max(1, longest), 'bounded growth');
      assert.deepEqual(lintText(once, 'd.md', opts).messages.filter((m) => m.fix), []);
    }), { seed: SEED, numRuns: RUNS * 2 });
  });

  it('the new name written already is left alone; a chain reports the final name; a cycle stays quiet', () => {
    const rule = ALL_RULES.find((r) => r.meta.id === 'renamed-department')!;
    const lint = (renames: Record<string, string>, text: string) => {
      const config = resolveConfig([rule], [{ rules: { 'renamed-department': { severity: 'warning', renames } } }]);
      return lintText(text, 'd.md', { rules: [rule], config }).messages;
    };
    assert.deepEqual(lint({ 市旅游委: '市旅游委员会' }, '请市旅游委员会落实。\n'), []);
    assert.equal(lint({ 市旅游委: '市旅游委员会' }, '请市旅游委落实。\n')[0].fix?.text, '市旅游委员会');
    assert.equal(lint({ 市甲局: '市乙局', 市乙局: '市丙局' }, '请市甲局落实。\n')[0].fix?.text, '市丙局');
    assert.deepEqual(lint({ 市甲局: '市乙局', 市乙局: '市甲局' }, '请市甲局和市乙局落实。\n'), []);
  });
});

describe('parser guard (issue 10, items 1 and 8)', () => {
  it('leaves ordinary drafts exactly as they are', () => {
    const text = '# 标题\n\n> 引用\n> > 二级\n\n- 一\n  - 二\n    1. 三\n\n正文。\n';
    assert.equal(parserInput(text), text);
  });

  it('neutralises inline markup on lines of LONG_LINE+ characters only, in time linear in the line length', () => {
    // What the guard did with a regex for the long runs (/[^\r\n]{10000,}/): the same, for every line-break style.
    const viaRegex = (text: string) => text.replace(/[^\r\n]{10000,}/g, (line) => line.replace(/[*_[\]<>`!~\\]/g, 'x'));
    const arb = fc.array(fc.tuple(fc.integer({ min: 0, max: 12000 }), fc.constantFrom('*', '`', '<', '[a](', '文', ' '), fc.constantFrom('\n', '\r', '\r\n', '')), { minLength: 1, maxLength: 4 })
      .map((ls) => ls.map(([n, c, br]) => c.repeat(Math.ceil(n / c.length)).slice(0, n) + br).join(''));
    fc.assert(fc.property(arb, (text) => {
      assert.equal(neutraliseLongLines(text), viaRegex(text));
    }), { seed: 20190621, numRuns: 30 });
    // 200 lines of 9,999 characters (2 MB): the regex took about 20 s on this here (2.2 s for 20 lines).
    const lines = ('政'.repeat(9999) + '\n').repeat(200);
    const t0 = performance.now();
    assert.equal(neutraliseLongLines(lines), lines);
    assert.ok(performance.now() - t0 < 2000);
  });

  it('caps container nesting at MAX_CONTAINER_DEPTH, same length, same line breaks', () => {
    for (const text of ['- '.repeat(10000) + 'x', '>'.repeat(8000) + ' 文', '> '.repeat(3000) + '\r' + '1. '.repeat(3000) + '\r\n' + '\t'.repeat(500) + '- a']) {
      const input = parserInput(text);
      assert.equal(input.length, text.length);
      assert.deepEqual(input.match(/\r\n|\r|\n/g), text.match(/\r\n|\r|\n/g));
      for (const line of input.split(/\r\n|\r|\n/)) {
        const prefix = /^[ \t>]*(?:(?:[*+-]|[0-9]{1,9}[.)])(?:[ \t][ \t>]*|$))*/.exec(line)![0];
        const markers = prefix.match(/[>*+-]|[0-9]{1,9}[.)]/g)?.length ?? 0;
        assert.ok(markers <= MAX_CONTAINER_DEPTH, `${markers} containers on one line`);
      }
      const doc = new ZwgkDocument(text, 'd.md');
      assert.ok(doc.blocks.length >= 1);
    }
  });

  it('caps emphasis delimiters per paragraph at MAX_PARAGRAPH_EMPHASIS (quadratic in micromark)', () => {
    // One paragraph of `*a_` lines: every delimiter becomes a letter, same length, same line breaks.
    const hostile = '*a_\n'.repeat(4000);
    const input = parserInput(hostile);
    assert.equal(input.length, hostile.length);
    assert.doesNotMatch(input, /[*_]/);
    assert.deepEqual(input.match(/\n/g)?.length, 4000);
    // Only that paragraph: the one after a blank line keeps its emphasis, as do ordinary paragraphs.
    const mixed = `${hostile}\n**重要**：请于6月30日前报送。\n`;
    assert.ok(parserInput(mixed).endsWith('\n**重要**：请于6月30日前报送。\n'));
    const justUnder = '*a_ '.repeat(MAX_PARAGRAPH_EMPHASIS / 2);
    assert.equal(parserInput(justUnder), justUnder);
    assert.notEqual(parserInput(justUnder + '*'), justUnder + '*');
    // A long list of bold items (each its own paragraph) and many bold headings are left as they are.
    const list = Array.from({ length: 2000 }, (_, i) => `- **第${i + 1}项**：内容_说明`).join('\n') + '\n';
    assert.equal(parserInput(list), list);
    const headings = Array.from({ length: 600 }, (_, i) => `## **第${i + 1}条**`).join('\n') + '\n';
    assert.equal(parserInput(headings), headings);
    // A bullet that cannot start an item (indented 4, or empty) does not restart the count.
    assert.doesNotMatch(parserInput('*a_\n    - *a_\n'.repeat(2000)), /[*_]/);
    assert.equal(new ZwgkDocument(mixed, 'd.md').blocks.length >= 2, true);
  });

  it('YAML nesting is measured without parsing, quotes and comments skipped', () => {
    assert.equal(nestingDepth('a: [1, [2, {b: 3}]]'), 3);
    assert.equal(nestingDepth('a: "[[[[["\nb: 1 # [[[['), 0);
    assert.equal(nestingDepth('a:\n  b:\n    c: 1'), 4);
    assert.ok(yamlProblem('a: ' + '['.repeat(100), 1e6)?.includes(`${MAX_YAML_DEPTH} 层`));
    assert.match(yamlProblem('a: 1\n'.repeat(30000), 65536) ?? '', /内容过长/);
    assert.equal(yamlProblem('标题: 关于[2019]号文件的通知\n', 65536), undefined);
  });

  it('deep front matter is a front-matter-invalid message on line 1, and the body is still linted', () => {
    for (const depth of [5000, 10000, 50000]) {
      const text = `---\na: ${'['.repeat(depth)}${']'.repeat(depth)}\n---\n\n联系人手机13912345678。\n`;
      const { messages } = lintText(text, 'd.md');
      const fm = messages.find((m) => m.ruleId === 'front-matter-invalid');
      assert.ok(fm && fm.line === 1, `${depth}`);
      assert.ok(messages.some((m) => m.ruleId === 'personal-phone'), 'the body is still checked');
      assert.ok(!messages.some((m) => m.ruleId === 'internal-error'));
      assert.equal(getField(new ZwgkDocument(text, 'd.md').metadata, '标题'), undefined);
    }
  });
});

describe('catalogue header of a table with 100,000 columns (issue 10, item 8)', () => {
  it('a row is read for its first 64 cells: a real catalogue row as before, a hostile one bounded', () => {
    const row = '| 发文机关 | 国务院办公厅 | 发文字号 | 国办发〔2018〕115号 |';
    const wide = row.slice(0, -1) + '| a '.repeat(100000) + '|\n|' + '-|'.repeat(100004) + '\n';
    for (const text of [`${row}\n\n正文。\n`, wide]) {
      const meta = readHeader(text);
      assert.equal(getField(meta, '文号')?.value, '国办发〔2018〕115号');
      assert.equal(getField(meta, '发布机构')?.value, '国务院办公厅');
    }
    // a key past the 64th cell is not read: the bound is real, not a side effect of the parse
    const late = '|' + ' a |'.repeat(70) + ' 发文字号 | 国办发〔2018〕115号 |\n';
    assert.equal(getField(readHeader(late), '文号'), undefined);
    assert.equal(getField(readHeader('| 发文字号 | 国办发〔2018〕115号 |' + ' a |'.repeat(70) + '\n'), '文号')?.value, '国办发〔2018〕115号');
  });
});

describe('big documents are parsed in pieces with the same blocks (issue 10, item 8)', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { unified } = require('unified') as typeof import('unified');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const remarkParse = require('remark-parse').default;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const remarkFrontmatter = require('remark-frontmatter').default;
  const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);
  const parse = (s: string) => processor.parse(s) as unknown as Parameters<typeof parseGuarded>[0] extends (s: string) => infer T ? T : never;

  /** Every node as type@start-end (line:column of the start), in document order. */
  function shape(tree: { type: string; children?: unknown[]; position?: { start: { line: number; column: number; offset?: number }; end: { offset?: number } } }): string[] {
    const out: string[] = [];
    const stack = [tree];
    while (stack.length) {
      const n = stack.pop()!;
      if (n.type !== 'root' && n.position) out.push(`${n.type}@${n.position.start.offset}-${n.position.end.offset}(${n.position.start.line}:${n.position.start.column})`);
      const kids = (n.children ?? []) as typeof tree[];
      for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
    }
    return out;
  }

  const BLOCKS = [
    '# 一、总体要求\n\n请各单位做好政务公开工作，**重点**公开 [专栏](http://www.haikou.gov.cn/)。\n',
    '- 一\n- 二\n\n  续行\n- 三\n',
    '> 引用一\n> 引用二\n>\n> 引用三\n',
    '```\n代码\n\n# 不是标题\n\n```\n',
    '~~~~\n```\n\n仍是代码\n~~~~\n',
    '<!-- zwgk-disable personal-phone\n\n跨空行的注释\n\n-->\n',
    '<pre>\n\n预排\n\n</pre>\n',
    '| 姓名 | 金额 |\n|---|---|\n| 王某 | 100 |\n',
    '1. 第一\n2. 第二\n\n3. 第三\n',
    '    缩进代码\n\n    第二段\n',
    '一、工作目标\r\n\r\n（一）推进决策公开。\r\n',
    '第一条 为规范政府信息公开工作，制定本办法。\r\r第二条 本办法适用于本市。\r',
  ];

  it('cut at block boundaries only, every node where the whole parse has it', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...BLOCKS), { minLength: 5, maxLength: 60 }), fc.integer({ min: 40, max: 400 }), (blocks, piece) => {
      const text = '---\n标题: 测试\n---\n\n' + blocks.join('\n');
      const whole = shape(parse(text) as never);
      const pieces = shape(parseGuarded(parse, text, piece, Infinity) as never);
      assert.deepEqual(pieces, whole);
    }), { seed: SEED, numRuns: RUNS });
  });

  it('a text whose every line is indented is still cut (past twice the longest piece), with exact offsets', () => {
    // An unclosed front matter, then list items indented ever deeper: no line at the margin to cut before.
    const text = '---\n标题: 测试\n' + Array.from({ length: 3000 }, (_, i) => ' '.repeat(1 + (i % 40)) + '- 项目' + i + '\n').join('');
    const tree = parseGuarded(parse, text, 4096) as unknown as { children: { position: { start: { offset: number }; end: { offset: number } } }[] };
    const cuts = pieceBounds(text, 4096, 8192);
    assert.ok(cuts.length >= Math.floor(text.length / (2 * 8192 + 60)), `${cuts.length} cuts in ${text.length} characters`);
    let last = 0;
    for (const c of [...cuts, text.length]) {
      assert.ok(c - last <= 2 * 8192 + 60, `a piece of ${c - last} characters`);
      last = c;
    }
    for (const c of tree.children) assert.ok(c.position.start.offset <= c.position.end.offset && c.position.end.offset <= text.length);
    assert.ok(tree.children.length >= cuts.length);
  });

  it('a long run without blank lines is cut at line breaks, with exact offsets', () => {
    const text = '|\n'.repeat(30000);
    const tree = parseGuarded(parse, text, 4096) as unknown as { children: { position: { start: { offset: number; line: number }; end: { offset: number } } }[] };
    assert.ok(tree.children.length > 5);
    let at = 0;
    for (const c of tree.children) {
      assert.equal(c.position.start.offset, at);
      assert.equal(c.position.start.line, at / 2 + 1);
      at = c.position.end.offset + 1;
    }
    assert.equal(at, text.length);
  });
});
