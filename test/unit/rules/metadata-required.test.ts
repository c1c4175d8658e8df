import * as assert from 'node:assert/strict';
import { lintWith, fixWith, spanOf } from '../../helpers/lint';
import { lintText, getRule, ZwgkDocument } from '../../../src/core';
import { disclosureOf } from '../../../src/core/util/disclosure';
import { NOTICES, SEED, notice, saved } from '../../helpers/fixtures';

const ID = 'metadata-required';
const fm = (fields: string, body = '# 海口市2019年政务公开工作要点\n') => `---\n${fields}\n---\n\n${body}`;

const FULL = '标题: 海口市2019年政务公开工作要点\n发布机构: 市政府办公室\n成文日期: 2019-06-21\n公开属性: 主动公开\n索引号: 00817804-9/2019-13123';

describe('metadata-required', () => {
  describe('the seed and real notices', () => {
    it('the seed stays quiet: its header has 名称/发布机构/发文日期/索引号 and its 附注 (此件主动公开) gives the 公开属性', () => {
      assert.deepEqual(lintWith(ID, SEED, { filename: 'seed.txt' }), []);
      assert.deepEqual(lintWith(ID, SEED.replace(/\n/g, '\r\n'), { filename: 'seed.txt' }), []);
      const d = disclosureOf(new ZwgkDocument(SEED, 'seed.txt'))!;
      assert.deepEqual([d.value, d.from, SEED.slice(d.start, d.end)], ['主动公开', 'note', '(此件主动公开)']);
    });

    it('without its 附注 the seed stays quiet: a saved portal page is 主动公开 (FP-3); the same fields in front matter warn', () => {
      const text = SEED.replace('(此件主动公开)', '');
      assert.deepEqual(lintWith(ID, text, { filename: 'seed.txt' }), []);
      const d = disclosureOf(new ZwgkDocument(text, 'seed.txt'))!;
      assert.deepEqual([d.value, d.from], ['主动公开', 'portal']);
      const asFrontMatter = fm('标题: 海口市人民政府办公室关于印发2019年政务公开工作要点的通知\n发布机构: 市政府办公室\n发文日期: 2019年06月24日\n索引号: 00817804-9/2019-13123');
      const [m, ...rest] = lintWith(ID, asFrontMatter);
      assert.equal(rest.length, 0);
      assert.match(m.message, /缺少目录元数据“公开属性”/);
      assert.equal(m.clause.id, '公开属性源头认定');
    });

    it('a saved portal page is not asked for fields (its catalogue is the portal’s); a plain-text draft with the same header is', () => {
      const page = '索 引 号: 分类: 通知公告\n发布机构: 市政府办公室 发文日期: 2026年03月02日\n名  称: 关于某事的通知\n\n关于某事的通知\n';
      assert.deepEqual(lintWith(ID, page.replace('索 引 号: ', ''), { filename: 'p.txt' }), []);
      const stated = page.replace('索 引 号: ', '').replace('\n\n关于', '\n公开属性: 主动公开\n\n关于');
      assert.deepEqual(lintWith(ID, stated, { filename: 'p.txt' }), []);
      // The same lines with zwgk's own 文档类型 key: a drafter's plain-text draft.
      const draft = stated.replace('\n\n关于', '\n文档类型: 其他\n\n关于');
      assert.deepEqual(lintWith(ID, draft, { filename: 'p.txt' }).map((m) => m.message.replace(/：.*/, '')), ['缺少目录元数据“索引号”']);
    });

    for (const name of NOTICES) {
      it(`${name}: no internal error, as stored and as a saved page`, () => {
        for (const text of [notice(name), saved(notice(name))]) {
          const { messages } = lintText(text, name, { rules: [getRule(ID)!, getRule('internal-error')!] });
          assert.deepEqual(messages.filter((m) => m.ruleId === 'internal-error'), []);
        }
      });
    }

    it('saved portal pages 03 and 04 stay quiet, as stored (SOURCE:/NOTE: above the header) and as saved', () => {
      for (const name of ['03-haikou-2015-annual-report-oldformat.txt', '04-haikou-2020-yiwu-jiaoyu-zhaosheng.txt']) {
        for (const text of [notice(name), saved(notice(name))]) {
          assert.equal(new ZwgkDocument(text, name).metadata.source, 'header', name);
          assert.deepEqual(lintWith(ID, text, { filename: name }), [], name);
        }
      }
    });
  });

  describe('front matter', () => {
    it('complete metadata stays quiet', () => {
      assert.deepEqual(lintWith(ID, fm(FULL)), []);
    });

    it('one message per missing field, all on the opening fence, each with the same skeleton fix', () => {
      const text = fm('标题: 海口市2019年政务公开工作要点\n分类: 规划计划');
      const msgs = lintWith(ID, text);
      assert.deepEqual(msgs.map((m) => m.message.replace(/：.*/, '')), ['缺少目录元数据“发布机构”', '缺少目录元数据“成文日期（或发布日期）”', '缺少目录元数据“公开属性”']);
      for (const m of msgs) {
        assert.equal(spanOf(text, m), '---');
        assert.deepEqual(m.fix, msgs[0].fix);
        assert.deepEqual(m.data, { missingKeys: ['发布机构', '成文日期', '公开属性'] });
      }
      const fixed = fixWith(ID, text);
      assert.equal(fixed, fm('标题: 海口市2019年政务公开工作要点\n分类: 规划计划\n发布机构: \n成文日期: \n公开属性: '));
      assert.equal(fixWith(ID, fixed), fixed, 'idempotent: nothing left to insert');
      // The inserted keys are now reported as empty, each on its own key.
      const after = lintWith(ID, fixed);
      assert.deepEqual(after.map((m) => spanOf(fixed, m).replace(/:.*/, '')), ['发布机构', '成文日期', '公开属性']);
      assert.ok(after.every((m) => !m.fix && /为空/.test(m.message)));
    });

    it('M-3: each field cites its own source', () => {
      const clauseOf = (text: string) => Object.fromEntries(lintWith(ID, text).map((m) => [m.message.replace(/^缺少目录元数据“(.*?)”.*|^目录元数据“(.*?)”为空.*/, '$1$2'), m.clause.id]));
      assert.deepEqual(clauseOf(fm('文档类型: 规范性文件\n标题: 海口市某某办法')), {
        发布机构: '目录字段', '成文日期（或发布日期）': '条例 第十二条', 公开属性: '公开属性源头认定', 文号: '7.2.5 发文字号',
      });
      assert.deepEqual(clauseOf(fm('标题: x\n发布机构: x\n成文日期: 2019-06-21\n公开属性: 主动公开')), { 索引号: '索引号' });
      assert.deepEqual(clauseOf(fm('标题: x\n发布机构: x\n成文日期: 2019-06-21\n公开属性: 不予公开')), { 不予公开理由: '公开属性源头认定' });
    });

    it('CRLF: the skeleton uses the document’s line ending', () => {
      const text = fm('标题: 海口市2019年政务公开工作要点\n成文日期: 2019-06-21\n公开属性: 依申请公开').replace(/\n/g, '\r\n');
      assert.equal(fixWith(ID, text), fm('标题: 海口市2019年政务公开工作要点\n成文日期: 2019-06-21\n公开属性: 依申请公开\n发布机构: ').replace(/\n/g, '\r\n'));
    });

    it('发布日期 (or its alias 发文日期) satisfies the date', () => {
      assert.deepEqual(lintWith(ID, fm(FULL.replace('成文日期', '发布日期'))), []);
      assert.deepEqual(lintWith(ID, fm(FULL.replace('成文日期', '发文日期'))), []);
    });

    it('索引号 only when 主动公开 (metadata or 附注)', () => {
      const noIndex = FULL.replace(/\n索引号:.*/, '');
      assert.equal(lintWith(ID, fm(noIndex)).length, 1);
      assert.deepEqual(lintWith(ID, fm(noIndex.replace('主动公开', '依申请公开'))), []);
      const viaNote = fm(noIndex.replace(/\n公开属性:.*/, ''), '# 海口市2019年政务公开工作要点\n\n海口市人民政府办公室\n\n2019年6月21日\n\n（此件公开发布）\n');
      const [m] = lintWith(ID, viaNote);
      assert.match(m.message, /缺少目录元数据“索引号”.*附注/);
    });

    it('文号 for 规范性文件 and 政策文件, declared or inferred from the title; not for other types', () => {
      const base = FULL.replace('海口市2019年政务公开工作要点', '海口市政府信息公开申请办理规定');
      const [m] = lintWith(ID, fm(base, '# 海口市政府信息公开申请办理规定\n'));
      assert.match(m.message, /缺少目录元数据“文号”：政策文件须有发文字号；文档类型由标题的文种“规定”判断/);
      assert.equal(lintWith(ID, fm(`${FULL}\n文档类型: 规范性文件`)).length, 1);
      assert.deepEqual(lintWith(ID, fm(`${base}\n文号: 海府〔2019〕12号`, '# 海口市政府信息公开申请办理规定\n')), []);
      assert.deepEqual(lintWith(ID, fm(`${FULL}\n文档类型: 政策解读`)), []);
    });

    it('不予公开 needs 不予公开理由', () => {
      const closed = FULL.replace('主动公开', '不予公开').replace(/\n索引号:.*/, '');
      const [m] = lintWith(ID, fm(closed));
      assert.match(m.message, /不予公开理由/);
      assert.deepEqual(lintWith(ID, fm(`${closed}\n不予公开理由: 涉及第三方商业秘密（条例第十五条）`)), []);
    });

    it('an unknown 公开属性 value is reported on the value; so is a value contradicting the 附注', () => {
      const text = fm(FULL.replace('公开属性: 主动公开', '公开属性: 公开'));
      const msgs = lintWith(ID, text);
      assert.equal(msgs.length, 1);
      assert.equal(spanOf(text, msgs[0]), '公开');
      assert.match(msgs[0].message, /应为“主动公开”、“依申请公开”、“不予公开”之一/);
      const clash = fm(FULL.replace('主动公开', '依申请公开'), '# 海口市2019年政务公开工作要点\n\n（此件主动公开）\n');
      const [c] = lintWith(ID, clash);
      assert.equal(spanOf(clash, c), '依申请公开');
      assert.match(c.message, /不一致/);
    });

    it('a broken front matter is left to front-matter-invalid', () => {
      assert.deepEqual(lintWith(ID, '---\n标题: 关于: 印发\n  错误缩进: x\n---\n\n# 海口市某某办法\n'), []);
      assert.deepEqual(lintWith(ID, '---\n标题: 海口市某某办法\n\n# 海口市某某办法\n'), []);
    });
  });

  describe('no metadata block', () => {
    it('an ordinary note (type 其他, no 附注) stays quiet', () => {
      assert.deepEqual(lintWith(ID, '# 周例会记录\n\n讨论了下周的培训安排。\n'), []);
      assert.deepEqual(lintWith(ID, '周例会记录\n讨论了下周的培训安排。\n', { filename: 'n.txt' }), []);
    });

    it('a catalogue item gets ONE summary message on line 1; Markdown gets a front matter skeleton', () => {
      const text = '# 海口市2019年政府信息公开工作年度报告\n\n一、总体情况\n';
      const msgs = lintWith(ID, text);
      assert.equal(msgs.length, 1);
      assert.equal(spanOf(text, msgs[0]), '# 海口市2019年政府信息公开工作年度报告');
      assert.match(msgs[0].message, /没有目录元数据，缺少“发布机构”、“成文日期（或发布日期）”、“公开属性”；文档类型“年度报告”/);
      const fixed = fixWith(ID, text);
      assert.equal(fixed, `---\n发布机构: \n成文日期: \n公开属性: \n---\n\n${text}`);
      assert.equal(fixWith(ID, fixed), fixed);
    });

    it('a 附注 makes a note of type 其他 a catalogue item; plain text gets no fix', () => {
      const text = '关于做好防台风工作的通知\n各单位：请做好防台风工作。\n2019年6月21日\n（此件主动公开）\n';
      const msgs = lintWith(ID, text, { filename: 'n.txt' });
      assert.equal(msgs.length, 1);
      assert.match(msgs[0].message, /“发布机构”、“成文日期（或发布日期）”、“索引号”/);
      assert.equal(msgs[0].fix, undefined);
    });
  });
});
