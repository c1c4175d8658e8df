/**
 * Wording packs: the bounded patterns, the multi-pattern automaton, reading a pack (errors that name file,
 * entry, key and line), the default packs' examples and sources, the wording rule through the engine
 * (levels, severity, control comments) and the default packs on real published documents.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import {
  DEFAULT_PACKS, getRule, lintText, parsePackText, formatPackError, resolveConfig, runPackExamples, compilePacks, type Pack,
} from '../../src/core';
import { expandPattern, PatternError, MAX_EXPANSIONS } from '../../src/core/packs/pattern';
import { AhoCorasick } from '../../src/core/packs/aho-corasick';
import { FIXTURES, SEED, NOTICES, notice, saved } from '../helpers/fixtures';

const wording = getRule('wording')!;

function lintWording(text: string, opts: { raw?: Record<string, unknown>; packs?: Pack[]; file?: string } = {}) {
  const config = resolveConfig([wording], opts.raw ? [{ rules: { wording: opts.raw as never } }] : [], opts.packs ?? []);
  return lintText(text, opts.file ?? 'draft.md', { rules: [wording, getRule('inline-config-invalid')!], config }).messages;
}

function pack(yaml: string, file = '词库/本局.yaml'): Pack {
  const { pack: p, errors } = parsePackText(yaml, file);
  assert.deepEqual(errors.map(formatPackError), []);
  return p!;
}

const LOCAL = `id: benju
title: 本局用语
level: info
entries:
  - id: weijiwei
    wrong: [市卫计委, 卫计委]
    right: 市卫健委
    source: { title: 本局机构改革通知 }
    examples:
      fire: [请市卫计委牵头。]
      quiet: [请市卫健委牵头。]
  - id: kaifang-ri
    pattern: 政府开放日(活动)?
    message: 本局统一称“政务公开日”
    level: error
    examples:
      fire: [举办政府开放日活动。]
      quiet: [举办政务公开日活动。]
`;

describe('wording packs', () => {
  describe('bounded patterns', () => {
    it('expands classes, groups, optional parts and bounded repeats to literals, with groups for $n', () => {
      assert.deepEqual(expandPattern('双随机[，,]?一公开').map((e) => e.text), ['双随机一公开', '双随机，一公开', '双随机,一公开']);
      const g = expandPattern('已(亥|丑)年');
      assert.deepEqual(g.map((e) => [e.text, e.groups[0]]), [['已亥年', '亥'], ['已丑年', '丑']]);
      assert.deepEqual(expandPattern('第[0-2]{1,2}号').length, 3 + 9);
      assert.deepEqual(expandPattern('a\\(b\\)').map((e) => e.text), ['a(b)']);
      assert.deepEqual(expandPattern('𠮷[𠮷a]').map((e) => e.text), ['𠮷𠮷', '𠮷a']);
    });

    it('refuses what is unbounded, empty or malformed, in Chinese', () => {
      for (const bad of ['双随机.*一公开', 'a+', '(a|b', 'a)', '[ab', 'a{11}', '?a', 'a?', '(|)', '[z-a]', 'x|y']) {
        assert.throws(() => expandPattern(bad), (e: unknown) => e instanceof PatternError && /[\u4e00-\u9fff]/.test((e as Error).message), bad);
      }
      assert.throws(() => expandPattern('[0-9]{4}[0-9]{4}'), new RegExp(String(MAX_EXPANSIONS)));
    });
  });

  describe('Aho–Corasick', () => {
    it('finds every occurrence of every pattern, as a naive search does', () => {
      fc.assert(fc.property(
        fc.array(fc.stringMatching(/^[ab甲乙]{1,4}$/), { minLength: 1, maxLength: 8 }),
        fc.stringMatching(/^[ab甲乙c]{0,60}$/),
        (patterns, text) => {
          const ac = new AhoCorasick(patterns);
          const got: string[] = [];
          ac.scan(text, 0, text.length, (id, end) => got.push(`${end - patterns[id].length}:${id}`));
          const want: string[] = [];
          patterns.forEach((p, id) => {
            for (let i = text.indexOf(p); i >= 0; i = text.indexOf(p, i + 1)) want.push(`${i}:${id}`);
          });
          assert.deepEqual(got.sort(), want.sort());
        },
      ), { seed: 20190621, numRuns: 300 });
    });
  });

  describe('reading a pack', () => {
    it('names the file, the entry, the key and the line of each problem', () => {
      const { pack: p, errors } = parsePackText(`id: benju
title: 本局用语
entries:
  - id: a
    wrong: 卫计委
    rigth: 卫健委
    examples: { fire: [卫计委], quiet: [卫健委] }
  - id: b
    pattern: 双随机.*一公开
    right: x$2
    level: fatal
    examples: { fire: [a], quiet: [b] }
  - id: c
    wrong: 甲
    examples: { fire: [甲] }
`, '词库/本局.yaml');
      assert.equal(p, undefined);
      const lines = errors.map(formatPackError);
      assert.ok(lines.some((l) => l === '词库/本局.yaml 第 6 行：词条“a”的“rigth”：未知的键（请检查拼写）'), lines.join('\n'));
      assert.ok(lines.some((l) => /^词库\/本局\.yaml 第 11 行：词条“b”的“level”：应为 error、warning、info、off 之一$/.test(l)), lines.join('\n'));
      assert.ok(lines.some((l) => /^词库\/本局\.yaml 第 15 行：词条“c”的“examples\.quiet”：缺少这一项$/.test(l)), lines.join('\n'));
    });

    it('checks what the schema cannot: patterns, $n, duplicate ids, dates, Chinese messages', () => {
      const { errors } = parsePackText(`id: benju
title: 本局用语
entries:
  - id: a
    pattern: 双随机.*一公开
    right: x$2
    examples: { fire: [a], quiet: [b] }
  - id: a
    wrong: 甲
    message: wrong form
    when: { followedBy: ['{日子}'], dated: { from: 2019-02-30 } }
    examples: { fire: [甲], quiet: [乙] }
`, 'p.yaml');
      const text = errors.map(formatPackError).join('\n');
      for (const want of ['词条“a”的“pattern”：“双随机.*一公开”：模式中不能用“.”', '词条“a”的“id”：与前面的词条重名', '“message”：提示应使用中文',
        '“when.followedBy”：“{日子}”不是已知的类别', '“when.dated.from”：“2019-02-30”不是有效日期']) {
        assert.ok(text.includes(want), `${want}\n---\n${text}`);
      }
      assert.match(parsePackText('id: [', 'p.yaml').errors[0].message, /^不是有效的 YAML/);
    });
  });

  it('the worked example in README is a valid pack whose examples pass', () => {
    const readme = fs.readFileSync(path.join(__dirname, '../../README.md'), 'utf8');
    const block = /```yaml\n(# 词库\/本局\.yaml[^]*?)```/.exec(readme);
    assert.ok(block, 'README has the worked example');
    const p = pack(block![1], '词库/本局.yaml');
    assert.equal(p.entries.length, 3);
    assert.deepEqual(runPackExamples(p, wording).failures, []);
  });

  describe('the default packs', () => {
    it('every example passes (fire examples are reported, quiet ones are not)', () => {
      assert.deepEqual(DEFAULT_PACKS.map((p) => p.id).sort(), ['citations', 'terms', 'typos']);
      for (const p of DEFAULT_PACKS) {
        const r = runPackExamples(p, wording);
        assert.ok(r.total >= 2 * (p.entries.length + p.citations.length), `${p.id}: examples`);
        assert.deepEqual(r.failures, [], p.id);
      }
    });

    it('every entry names its source; quotes only from texts available verbatim', () => {
      const seed = SEED.replace(/\s+/g, '');
      const laws = fs.readdirSync(path.join(FIXTURES, 'laws')).map((f) => fs.readFileSync(path.join(FIXTURES, 'laws', f), 'utf8').replace(/\s+/g, '')).join('');
      for (const p of DEFAULT_PACKS) {
        const sources = [...p.entries.map((e) => e.source ?? p.source), ...p.citations.flatMap((c) => c.versions.map((v) => v.source))];
        for (const s of sources) {
          assert.ok(s && s.title.length > 4, `${p.id}: an entry without a source`);
          assert.ok(s.url || s.quote, `${p.id}: ${s.title} needs a URL or a verbatim quote`);
          if (s.quote && /要点/.test(s.title)) assert.ok(seed.includes(s.quote.replace(/\s+/g, '')), `not verbatim from the seed: ${s.quote}`);
        }
      }
      // The 2007 and 2019 texts of the 条例 state the in-force dates the citation data uses.
      assert.ok(laws.includes('本条例自2019年5月15日起施行。'));
    });

    it('on real published documents: the real 截止/截至 errors are reported, nothing else', () => {
      const hits = (name: string) => {
        const text = fs.readFileSync(path.join(FIXTURES, 'real-corpus', name), 'utf8');
        return lintWording(text, { file: name }).map((m) => `${m.line}:${text.slice(m.start, m.end)}→${m.fix?.text ?? ''}`);
      };
      assert.deepEqual(hits('dongxihu-qxj-2023-shuangsuiji-jieguo-gongshi.txt'), ['5:截止→截至']);
      assert.deepEqual(hits('bj-zyj-2020-fazhi-zhengfu-baogao.txt'), ['16:截止→截至']);
      assert.deepEqual(hits('bj-zyj-2020-chuangxin-tuandui-shenbao.txt'), []);
      // The seed writes every term the terms pack knows as the pack wants it; the real notices are clean too
      // (the Guangzhou rules write “谁起草、谁解读”, which the terms pack deliberately does not judge).
      assert.deepEqual(lintWording(SEED, { file: 'seed.txt' }).map((m) => m.message), []);
      for (const n of NOTICES) assert.deepEqual(lintWording(saved(notice(n)), { file: n }).map((m) => m.message), [], n);
    });
  });

  describe('the wording rule', () => {
    const text = '截止2019年底，共受理申请12件；全面推行“双随机一公开”监管。\n';

    it('reports each entry at its own level, with the entry’s clause, a fix and the pack in data', () => {
      const ms = lintWording(text);
      assert.deepEqual(ms.map((m) => [m.severity, text.slice(m.start, m.end), m.fix?.text, m.data?.pack, m.data?.entry]), [
        ['warning', '截止', '截至', 'typos', 'jiezhi-date'],
        ['warning', '双随机一公开', '双随机、一公开', 'terms', 'shuangsuiji-yigongkai'],
      ]);
      assert.equal(ms[1].clause.id, '要点 一（四）');
      assert.ok(!ms[1].clause.summary && ms[1].clause.text.includes('“双随机、一公开”'));
      assert.ok(ms[0].clause.summary, 'a source without a verbatim quote is shown as a summary');
    });

    it('levels per pack and per entry; a severity set on the rule applies to every entry', () => {
      assert.deepEqual(lintWording(text, { raw: { levels: { typos: 'off' } } }).map((m) => m.data?.entry), ['shuangsuiji-yigongkai']);
      assert.deepEqual(lintWording(text, { raw: { levels: { 'terms/shuangsuiji-yigongkai': 'error' } } }).map((m) => m.severity), ['warning', 'error']);
      assert.deepEqual(lintWording(text, { raw: { severity: 'info' } }).map((m) => m.severity), ['info', 'info']);
      assert.deepEqual(lintWording(text, { raw: { severity: 'off' } }), []);
    });

    it('a pack from the config is matched in the same pass, at the level it gives', () => {
      const local = pack(LOCAL);
      const ms = lintWording('请卫计委举办政府开放日活动，截止2019年底完成。\n', { packs: [local] });
      assert.deepEqual(ms.map((m) => [m.data?.entry, m.severity, m.message]), [
        ['weijiwei', 'info', '“卫计委”应为“市卫健委”'],
        ['kaifang-ri', 'error', '本局统一称“政务公开日”'],
        ['jiezhi-date', 'warning', '“截止”表示到期停止，后面不直接接时间；表示“到某时为止”应写“截至”（或“截止到”）'],
      ]);
      assert.equal(ms[0].clause.source, '本局机构改革通知');
      assert.equal(ms[1].fix, undefined, 'no right form, no fix');
      // A literal that is part of the right form where it stands is no error (市卫健委 contains no 卫计委, 卫计委 is in 市卫计委).
      assert.deepEqual(lintWording('请市卫计委牵头。\n', { packs: [local] }).map((m) => m.message), ['“市卫计委”应为“市卫健委”']);
      assert.equal(runPackExamples(local, wording).failures.length, 0);
    });

    it('control comments switch off the rule, one pack or one entry; unknown pack ids are reported', () => {
      const body = '截止2019年底完成；推行双随机一公开。\n';
      const ids = (head: string) => lintWording(head + body).map((m) => `${m.ruleId}:${m.data?.entry ?? m.message}`);
      assert.deepEqual(ids('<!-- zwgk-disable-next-line wording -->\n'), []);
      assert.deepEqual(ids('<!-- zwgk-disable-next-line wording/typos -->\n'), ['wording:shuangsuiji-yigongkai']);
      assert.deepEqual(ids('<!-- zwgk-disable-next-line wording/terms/shuangsuiji-yigongkai -->\n'), ['wording:jiezhi-date']);
      assert.deepEqual(ids('<!-- zwgk-disable-next-line wording/tpyos -->\n'), [
        'inline-config-invalid:控制注释中的词库或词条 “wording/tpyos”不存在', 'wording:jiezhi-date', 'wording:shuangsuiji-yigongkai',
      ]);
    });

    it('outdated citations: by the document date (成文日期, else 发布日期); undated drafts are not judged', () => {
      const cite = '根据《中华人民共和国政府信息公开条例》（国务院令第492号）的规定，现答复如下。\n';
      const at = (head: string) => lintWording(head + cite).map((m) => m.message);
      assert.match(at('---\n成文日期: 2019-05-15\n---\n\n')[0], /^本文件日期为2019年5月15日，.*国务院令第711号.*“国务院令第492号”/);
      assert.deepEqual(at('---\n成文日期: 2019-05-14\n---\n\n'), []);
      assert.equal(at('---\n发布日期: 2020-01-02\n---\n\n').length, 1);
      assert.equal(at('# 答复\n\n2020年3月2日\n\n').length, 1, 'the signature date counts');
      assert.deepEqual(at(''), []);
    });

    it('inside 《》 the cited title stays as published; matching is CJK-aware without word boundaries', () => {
      assert.deepEqual(lintWording('转发《关于截止2019年底的通知》。\n'), []);
      assert.equal(lintWording('全面推行双随机一公开监管\n').length, 1);
    });

    it('one compiled matcher per list of packs, one pass over the text', () => {
      const a = compilePacks(DEFAULT_PACKS);
      assert.equal(compilePacks(DEFAULT_PACKS), a);
      assert.ok(a.automaton.states > 10 && a.keys.has('typos/jiezhi-date') && a.keys.has('citations'));
    });
  });
});
