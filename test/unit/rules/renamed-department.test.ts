import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintWith, fixWith, spanOf } from '../../helpers/lint';
import { validateConfig, resolveConfig, lintText, getRule, ALL_RULES } from '../../../src/core';
import { builtinRenames, renameTable } from '../../../src/core/data/renamed-departments';

const ID = 'renamed-department';
const FIX = path.resolve(__dirname, '../../fixtures');
const seed = fs.readFileSync(path.join(FIX, 'seed/haikou-2019-zwgk-yaodian.txt'), 'utf8');
const notices = fs.readdirSync(path.join(FIX, 'real-notices')).filter((f) => f.endsWith('.txt'));

/** The seed as if it had been drafted with the pre-reform names (new → old). */
const OLD_FOR_NEW: [string, string][] = [
  ['市卫健委', '市卫计委'],
  ['市生态环境局', '市环保局'],
  ['市农业农村局', '市农业局'],
  ['市自然资源和规划局', '市国土资源局'],
  ['市旅游和文化广电体育局', '市旅游委'],
];
function seedWithOldNames(): string {
  let t = seed;
  for (const [n, o] of OLD_FOR_NEW) t = t.split(n).join(o);
  return t;
}

describe('renamed-department', () => {
  describe('the seed and real notices', () => {
    it('is quiet on the seed, which uses the new names (dated 2019-06-24, after the reform)', () => {
      assert.deepEqual(lintWith(ID, seed, { filename: 'seed.txt' }), []);
    });
    for (const f of notices) {
      it(`is quiet on real notice ${f}`, () => {
        const text = fs.readFileSync(path.join(FIX, 'real-notices', f), 'utf8');
        assert.deepEqual(lintWith(ID, text, { filename: f }).map((m) => m.message), []);
      });
    }
    it('reports every old name put back into the seed, and the fix restores the published text', () => {
      const old = seedWithOldNames();
      const msgs = lintWith(ID, old, { filename: 'seed.txt' });
      // 市卫健委 ×2, 市生态环境局 ×1, 市农业农村局 ×1, 市自然资源和规划局 ×2, 市旅游和文化广电体育局 ×1
      assert.deepEqual(msgs.map((m) => spanOf(old, m)), ['市卫计委', '市环保局', '市农业局', '市国土资源局', '市卫计委', '市国土资源局', '市旅游委']);
      assert.deepEqual([...new Set(msgs.map((m) => m.line))], [45, 47]);
      for (const m of msgs) {
        assert.equal(m.severity, 'warning');
        assert.equal(m.clause.id, '要点 四（三）');
        assert.equal(m.line, old.slice(0, m.start).split('\n').length);
      }
      assert.equal(fixWith(ID, old, { filename: 'seed.txt' }), seed);
    });
    it('stays quiet on the same seed dated before the reform, and fires again with an earlier `since`', () => {
      // The document's own date is its 落款 (成文日期), not the page's 发文日期.
      const old = seedWithOldNames().replace('发文日期: 2019年06月24日', '发文日期: 2018年06月24日').replace('2019年6月21日', '2018年6月21日');
      assert.deepEqual(lintWith(ID, old, { filename: 'seed.txt' }), []);
      assert.equal(lintWith(ID, old, { filename: 'seed.txt', options: { since: '2018-01-01' } }).length, 7);
    });
  });

  describe('fires', () => {
    it('on a draft with no date at all', () => {
      const text = '请市环保局牵头落实。\n';
      const [m, ...rest] = lintWith(ID, text);
      assert.equal(rest.length, 0);
      assert.equal(spanOf(text, m), '市环保局');
      assert.deepEqual(m.fix, { range: [1, 5], text: '市生态环境局' });
      assert.ok(m.message.includes('市生态环境局'));
    });
    it('prefers 成文日期 over 发布日期', () => {
      const text = '---\n成文日期: 2019-03-01\n发布日期: 2018-12-01\n---\n\n请市农业局落实。\n';
      assert.equal(lintWith(ID, text).length, 1);
      const early = '---\n成文日期: 2018-11-01\n发布日期: 2019-03-01\n---\n\n请市农业局落实。\n';
      assert.equal(lintWith(ID, early).length, 0);
    });
    it('handles the 区/县/省 levels and full names, with exact ranges', () => {
      const text = '由海口市卫生和计划生育委员会、龙华区卫计委、某县环保局、省卫计委和省环保厅负责。\n';
      const msgs = lintWith(ID, text);
      assert.deepEqual(msgs.map((m) => [spanOf(text, m), m.fix!.text]), [
        ['市卫生和计划生育委员会', '市卫生健康委员会'],
        ['区卫计委', '区卫健委'],
        ['县环保局', '县生态环境局'],
        ['省卫计委', '省卫健委'],
        ['省环保厅', '省生态环境厅'],
      ]);
      assert.equal(fixWith(ID, text), '由海口市卫生健康委员会、龙华区卫健委、某县生态环境局、省卫健委和省生态环境厅负责。\n');
    });
    it('maps every old 海口 name in requirements §7 to the seed\'s new name', () => {
      const cases: [string, string][] = [
        ['市卫计委', '市卫健委'], ['市环保局', '市生态环境局'], ['市环境保护局', '市生态环境局'],
        ['市国土资源局', '市自然资源和规划局'], ['市国土局', '市自然资源和规划局'], ['市规划委', '市自然资源和规划局'],
        ['市规划局', '市自然资源和规划局'], ['市旅游委', '市旅游和文化广电体育局'], ['市文体局', '市旅游和文化广电体育局'],
        ['市农业局', '市农业农村局'],
      ];
      for (const [o, n] of cases) {
        const text = `请海口${o}于6月30日前报送。`;
        assert.equal(fixWith(ID, text), `请海口${n}于6月30日前报送。`, o);
      }
    });
    it('海口 market regulation: 市工商局/市质监局/市食药监局 → 市市场监督管理局 (named in the seed); 市安监局 only by config', () => {
      const text = '请市工商局、市质量技术监督局、市食药监局和市安监局按职责分工落实。';
      assert.deepEqual(lintWith(ID, text).map((m) => [spanOf(text, m), m.fix?.text]), [
        ['市工商局', '市市场监督管理局'], ['市质量技术监督局', '市市场监督管理局'], ['市食药监局', '市市场监督管理局'],
      ]);
      assert.deepEqual(lintWith(ID, text, { options: { renames: { 市安监局: '市应急管理局' } } }).map((m) => spanOf(text, m)).pop(), '市安监局');
      assert.deepEqual(lintWith(ID, '区工商局负责登记。'), [], 'district level not built in');
    });
    it('the longest old name wins (市规划委员会, not 市规划委 + 员会)', () => {
      const text = '海口市规划委员会印发。';
      const msgs = lintWith(ID, text);
      assert.deepEqual(msgs.map((m) => spanOf(text, m)), ['市规划委员会']);
      assert.equal(fixWith(ID, text), '海口市自然资源和规划局印发。');
    });
    it('checks the department-naming metadata (发布机构, 起草单位, 标题) and fixes it in place', () => {
      const text = '---\n标题: 市卫计委关于做好2019年健康扶贫信息公开的通知\n发布机构: 海口市卫计委\n成文日期: 2019-08-01\n---\n\n正文。\n';
      const msgs = lintWith(ID, text);
      assert.equal(msgs.length, 2);
      assert.ok(msgs.every((m) => m.line === 2 || m.line === 3));
      assert.equal(fixWith(ID, text), text.split('卫计委').join('卫健委'));
    });
    it('checks the seed-style catalogue header too', () => {
      const text = '索 引 号: 00817804-9/2019-13123 分类: 卫生\n发布机构: 市卫计委 发文日期: 2019年06月24日\n名  称: 关于公开基层医疗卫生机构信息的通知\n\n正文。\n';
      const msgs = lintWith(ID, text, { filename: 'a.txt' });
      assert.deepEqual(msgs.map((m) => spanOf(text, m)), ['市卫计委']);
    });
    it('in Markdown link text and emphasis, but not in code', () => {
      const text = '详见[市卫计委公告](http://wsjsw.haikou.gov.cn/) 与 **市环保局** 通知，配置写作 `市农业局`。\n\n```\n市国土局\n```\n';
      assert.deepEqual(lintWith(ID, text).map((m) => spanOf(text, m)), ['市卫计委', '市环保局']);
    });
  });

  describe('stays quiet', () => {
    it('on every new name of the built-in table', () => {
      const values = [...new Set(Object.values(builtinRenames()))];
      const text = values.map((v) => `请海口${v}牵头落实。`).join('\n') + '\n';
      assert.deepEqual(lintWith(ID, text).map((m) => spanOf(text, m)), []);
    });
    it('no new name contains an old one (fixes are idempotent by construction)', () => {
      const table = builtinRenames();
      for (const v of Object.values(table)) for (const k of Object.keys(table)) assert.ok(!v.includes(k), `${v} contains ${k}`);
    });
    it('on other words that contain the letters of an old name', () => {
      const text = '海口市城市规划委员会审议通过；城市规划局部调整；超市农业局面；社区农业局部；各级环境保护部门、国土资源部署。\n';
      assert.deepEqual(lintWith(ID, text).map((m) => spanOf(text, m)), []);
    });
    it('on statements about the reform and history', () => {
      for (const text of [
        '原市卫计委的档案已移交。',
        '原海口市卫生和计划生育委员会的职责划入新部门。',
        '市生态环境局（原市环保局）负责解读。',
        '市生态环境局(市环保局)负责解读。',
        '市环保局更名为市生态环境局。',
        '机构改革前，市国土资源局负责征地信息公开。',
        '组建市自然资源和规划局，不再保留市国土资源局、市规划委。',
        '按照《海口市卫计委关于做好2018年健康扶贫工作的通知》要求执行。',
        '海口市环保局（现海口市生态环境局）2017年公开了监测数据。',
        '市环保局(现市生态环境局)负责解读。',
      ]) assert.deepEqual(lintWith(ID, text).map((m) => spanOf(text, m)), [], text);
    });
    it('（现…） after the old name gives the new one; other brackets do not', () => {
      const text = '市环保局（负责监测）报送数据。';
      assert.deepEqual(lintWith(ID, text).map((m) => spanOf(text, m)), ['市环保局']);
    });
    it('but 原则 does not make a sentence historical', () => {
      const text = '按照属地原则，市卫计委负责落实。';
      assert.deepEqual(lintWith(ID, text).map((m) => spanOf(text, m)), ['市卫计委']);
    });
    it('海口-specific merges are not guessed for districts (add them in config)', () => {
      const text = '区国土资源局、区旅游委负责落实。';
      assert.deepEqual(lintWith(ID, text), []);
    });
  });

  describe('configuration', () => {
    it('`renames` merges with the built-in table', () => {
      const text = '由市旅游发展局、市卫计委负责。';
      const msgs = lintWith(ID, text, { options: { renames: { 市旅游发展局: '市旅游和文化广电体育局' } } });
      assert.deepEqual(msgs.map((m) => [spanOf(text, m), m.fix!.text]), [
        ['市旅游发展局', '市旅游和文化广电体育局'],
        ['市卫计委', '市卫健委'],
      ]);
    });
    it('an empty new name switches a built-in entry off; a configured value overrides one', () => {
      const text = '由市规划局、市农业局负责。';
      const msgs = lintWith(ID, text, { options: { renames: { 市规划局: '', 市农业局: '市农业农村厅' } } });
      assert.deepEqual(msgs.map((m) => [spanOf(text, m), m.fix!.text]), [['市农业局', '市农业农村厅']]);
      assert.equal(renameTable({ 市规划局: '' }).has('市规划局'), false);
      assert.equal(renameTable({}).get('市规划局'), '市自然资源和规划局');
    });
    it('renames from two config layers merge key by key', () => {
      const rule = getRule(ID)!;
      const config = resolveConfig([rule], [
        { rules: { [ID]: { renames: { 市甲局: '市乙局' } } } },
        { rules: { [ID]: { severity: 'error', renames: { 市丙局: '市丁局' } } } },
      ]);
      const text = '市甲局、市丙局、市卫计委。';
      const msgs = lintText(text, 'a.md', { rules: [rule], config }).messages;
      assert.deepEqual(msgs.map((m) => [spanOf(text, m), m.severity]), [['市甲局', 'error'], ['市丙局', 'error'], ['市卫计委', 'error']]);
    });
    it('the schema accepts the documented options and names a wrong one', () => {
      assert.deepEqual(validateConfig({ rules: { [ID]: { severity: 'warning', renames: { 市旅游委: '市旅游和文化广电体育局' }, since: '2019-01-01' } } }, ALL_RULES), []);
      const bad = validateConfig({ rules: { [ID]: { renames: { 市旅游委: 3 } } } }, ALL_RULES);
      assert.ok(bad.some((e) => e.key.startsWith(`rules.${ID}.renames`)), JSON.stringify(bad));
      const badDate = validateConfig({ rules: { [ID]: { since: '2019年1月1日' } } }, ALL_RULES);
      assert.ok(badDate.some((e) => e.key === `rules.${ID}.since`), JSON.stringify(badDate));
    });
  });

  it('fixing twice changes nothing more than fixing once', () => {
    const samples = [seedWithOldNames(), '由海口市卫生和计划生育委员会、区卫计委、市国土局负责。\n'];
    for (const s of samples) {
      const once = fixWith(ID, s, { filename: 'a.txt' });
      assert.equal(fixWith(ID, once, { filename: 'a.txt' }), once);
      assert.deepEqual(lintWith(ID, once, { filename: 'a.txt' }), []);
    }
  });
});
