import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintWith, fixWith, spanOf } from '../../helpers/lint';
import { validateConfig, ALL_RULES } from '../../../src/core';
import { KNOWN_TITLES } from '../../../src/core/data/law-titles';

const ID = 'book-title-marks';
const FIX = path.resolve(__dirname, '../../fixtures');
const seed = fs.readFileSync(path.join(FIX, 'seed/haikou-2019-zwgk-yaodian.txt'), 'utf8');
const notices = fs.readdirSync(path.join(FIX, 'real-notices')).filter((f) => f.endsWith('.txt'));
const laws = fs.readdirSync(path.join(FIX, 'laws')).filter((f) => f.endsWith('.md'));

function spans(text: string, options?: Record<string, unknown>, filename = 'draft.md'): string[] {
  return lintWith(ID, text, { options, filename }).map((m) => spanOf(text, m));
}

describe('book-title-marks', () => {
  describe('the seed', () => {
    // Decision: the seed's heading "(二)抓好政府信息公开条例的贯彻落实" cites the regulation's title
    // without 《》 — the next sentence of the same paragraph writes 《政府信息公开条例》. Per GB/T 15834 this
    // is a true positive, and it is the only one in the seed.
    it('reports exactly one span: 政府信息公开条例 in heading (二) of part 四', () => {
      const msgs = lintWith(ID, seed, { filename: 'seed.txt' });
      assert.equal(msgs.length, 1);
      const [m] = msgs;
      assert.equal(spanOf(seed, m), '政府信息公开条例');
      assert.equal(seed.slice(m.start - 5, m.end + 6), '(二)抓好政府信息公开条例的贯彻落实。');
      assert.equal(m.line, 77);
      assert.equal(m.severity, 'warning');
      assert.equal(m.clause.source, 'GB/T 15834-2011《标点符号用法》');
    });
    it('its fix wraps just that title, and a second fix changes nothing', () => {
      const fixed = fixWith(ID, seed, { filename: 'seed.txt' });
      assert.equal(fixed, seed.replace('抓好政府信息公开条例的', '抓好《政府信息公开条例》的'));
      assert.equal(fixWith(ID, fixed, { filename: 'seed.txt' }), fixed);
    });
  });

  describe('real texts that mark their titles', () => {
    for (const f of notices) {
      it(`is quiet on real notice ${f}`, () => {
        const text = fs.readFileSync(path.join(FIX, 'real-notices', f), 'utf8');
        assert.deepEqual(spans(text, undefined, f), []);
      });
    }
    for (const f of laws) {
      it(`is quiet on the regulation's own text ${f} (its title, its SOURCE file path)`, () => {
        const text = fs.readFileSync(path.join(FIX, 'laws', f), 'utf8');
        assert.deepEqual(spans(text, undefined, f), []);
      });
    }
  });

  describe('fires', () => {
    it('on every known title when cited after 根据, with the exact range and the fix', () => {
      for (const t of KNOWN_TITLES) {
        const text = `根据${t}第十条规定办理。`;
        const msgs = lintWith(ID, text);
        assert.deepEqual(msgs.map((m) => spanOf(text, m)), [t], t);
        assert.deepEqual(msgs[0].fix, { range: [2, 2 + t.length], text: `《${t}》` });
      }
    });
    it('on the 中华人民共和国 form of a known title, as one span', () => {
      const text = '依据中华人民共和国政府信息公开条例第十五条，不予公开。';
      assert.deepEqual(spans(text), ['中华人民共和国政府信息公开条例']);
    });
    it('on 中华人民共和国X法 / …条例 not in the list', () => {
      const text = '根据中华人民共和国刑法、中华人民共和国海洋环境保护法和中华人民共和国道路交通安全法实施条例的规定。';
      assert.deepEqual(spans(text), ['中华人民共和国刑法', '中华人民共和国海洋环境保护法', '中华人民共和国道路交通安全法实施条例']);
      assert.deepEqual(spans('依照中华人民共和国立法法第七十二条。'), ['中华人民共和国立法法']);
    });
    it('in headings, link text and after citation words', () => {
      const text = '## 二、贯彻落实个人信息保护法\n\n按照[重大行政决策程序暂行条例](http://www.gov.cn/zhengce/content/2019-05/08/content_5389670.htm)，违反保密法的，依照行政处罚法和国家赔偿法处理；新预算法已施行。\n';
      assert.deepEqual(spans(text), ['个人信息保护法', '重大行政决策程序暂行条例', '保密法', '行政处罚法', '国家赔偿法', '预算法']);
      assert.equal(fixWith(ID, text), '## 二、贯彻落实《个人信息保护法》\n\n按照[《重大行政决策程序暂行条例》](http://www.gov.cn/zhengce/content/2019-05/08/content_5389670.htm)，违反《保密法》的，依照《行政处罚法》和《国家赔偿法》处理；新《预算法》已施行。\n');
    });
    it('"…法规定" is the title followed by 规定', () => {
      assert.deepEqual(spans('根据义务教育法规定，适龄儿童免试入学。'), ['义务教育法']);
    });
    it('`titles` adds names (with or without 中华人民共和国) to the built-in list', () => {
      const text = '依照海南省政务服务管理办法办理，并执行个人信息保护法。';
      assert.deepEqual(spans(text), ['个人信息保护法']);
      assert.deepEqual(spans(text, { titles: ['海南省政务服务管理办法'] }), ['海南省政务服务管理办法', '个人信息保护法']);
    });
  });

  describe('stays quiet', () => {
    it('inside 《》 and 〈〉, also when emphasis splits the text', () => {
      for (const text of [
        '按照新修订的《政府信息公开条例》(以下简称《条例》)，加强对《条例》的宣传解读。',
        '制定《海南省实施〈中华人民共和国政府信息公开条例〉办法》。',
        '根据《**政府信息公开条例**》第十五条。',
      ]) assert.deepEqual(spans(text), [], text);
    });
    it('on 法律/法规/法治/法定/法人 and other words that merely start like a title', () => {
      for (const text of [
        '严格依照教育法律法规办理。',
        '坚持预算法定原则，推进统计法治建设。',
        '依照会计法规和审计法律制度。',
        '该公司法人代表已变更，子公司法务部负责。',
        '中华人民共和国成立以来，依法行政不断推进。',
        '中华人民共和国公民依法享有宪法规定的权利。',
      ]) assert.deepEqual(spans(text), [], text);
    });
    it('on a known short name inside a longer, unknown title (no partial wrap)', () => {
      for (const text of ['学习海洋环境保护法相关知识。', '依据执业医师法第三条。', '修订行政监察法的建议。']) {
        assert.deepEqual(spans(text), [], text);
      }
    });
    it('on a title that is part of a longer title: 实施办法, 释义, 草案', () => {
      for (const text of [
        '按照政府信息公开条例实施办法执行。',
        '参阅个人信息保护法释义第二章。',
        '对预算法修正案草案提出意见。',
        '个人信息保护法（草案）公开征求意见。',
      ]) assert.deepEqual(spans(text), [], text);
    });
    it('on names in quotes (a column name), file names and paths', () => {
      for (const text of [
        '在门户网站开设“政府信息公开条例”专栏。',
        '附件：政府信息公开条例.pdf',
        '见 laws/政府信息公开条例(2019-04-03).md',
      ]) assert.deepEqual(spans(text), [], text);
    });
    it('on the document\'s own title, and in code', () => {
      assert.deepEqual(spans('# 中华人民共和国政府信息公开条例\n\n第一条 制定本条例。\n'), []);
      assert.deepEqual(spans('配置 `政府信息公开条例`\n\n```\n根据政府信息公开条例\n```\n'), []);
    });
    it('on a local regulation with a similar name (海南省… before a long title)', () => {
      assert.deepEqual(spans('根据海南省政府信息公开条例的规定。'), []);
    });
  });

  describe('configuration', () => {
    it('the schema accepts `titles` and names a wrong value', () => {
      assert.deepEqual(validateConfig({ rules: { [ID]: { severity: 'info', titles: ['海南省政务服务管理办法'] } } }, ALL_RULES), []);
      const bad = validateConfig({ rules: { [ID]: { titles: '海南省政务服务管理办法' } } }, ALL_RULES);
      assert.ok(bad.some((e) => e.key === `rules.${ID}.titles`), JSON.stringify(bad));
    });
  });

  it('fixing twice changes nothing more than fixing once', () => {
    const text = '根据中华人民共和国预算法和政府信息公开条例，违反保密法的，依照行政处罚法处理。';
    const once = fixWith(ID, text);
    assert.equal(once, '根据《中华人民共和国预算法》和《政府信息公开条例》，违反《保密法》的，依照《行政处罚法》处理。');
    assert.equal(fixWith(ID, once), once);
    assert.deepEqual(lintWith(ID, once), []);
  });
});
