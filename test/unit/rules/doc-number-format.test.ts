import * as assert from 'node:assert/strict';
import { lintWith, fixWith, spanOf } from '../../helpers/lint';
import { lintText, getRule } from '../../../src/core';
import { NOTICES, SEED, notice, saved } from '../../helpers/fixtures';

const ID = 'doc-number-format';
/** The notice as the portal page was saved: without the fixture's SOURCE/NOTE lines. */

const fm = (fields: string, body = '# 海口市人民政府办公室关于印发2019年政务公开工作要点的通知\n') => `---\n${fields}\n---\n\n${body}`;

describe('doc-number-format', () => {
  describe('the seed and real notices', () => {
    it('the seed (海府办函〔2019〕168号 in its header) gives no message, also with CRLF line endings', () => {
      assert.deepEqual(lintWith(ID, SEED, { filename: 'seed.txt' }), []);
      assert.deepEqual(lintWith(ID, SEED.replace(/\n/g, '\r\n'), { filename: 'seed.txt' }), []);
    });

    for (const name of NOTICES) {
      it(`${name}: runs without an internal error, as stored and as a saved page`, () => {
        for (const text of [notice(name), saved(notice(name))]) {
          const { messages } = lintText(text, name, { rules: [getRule(ID)!, getRule('internal-error')!] });
          assert.deepEqual(messages.filter((m) => m.ruleId === 'internal-error'), []);
          for (const m of messages) assert.ok(m.start < m.end && m.end <= text.length);
        }
      });
    }

    it('10-guangzhou: its correct 文号 (穗府办函〔2017〕313号, 粤府办〔2016〕130号) stay quiet', () => {
      assert.deepEqual(lintWith(ID, saved(notice('10-guangzhou-2017-jiedu-banfa.txt')), { filename: 'n.txt' }), []);
    });

    it('04-haikou: the two damaged citations are reported as damaged, with the likely reading and no fix', () => {
      const text = saved(notice('04-haikou-2020-yiwu-jiaoyu-zhaosheng.txt'));
      const msgs = lintWith(ID, text, { filename: 'n.txt' });
      assert.deepEqual(msgs.map((m) => spanOf(text, m)), ['中发〔201926号', '琼教基〔202018号']);
      assert.ok(msgs.every((m) => !m.fix && m.severity === 'warning' && /损坏/.test(m.message)));
      assert.match(msgs[0].message, /可能是“中发〔2019〕26号”/);
      assert.match(msgs[1].message, /可能是“琼教基〔2020〕18号”/);
    });

    it('11-guoban: Part A’s 国办公开办函〔2021〕30号 is quiet; Part B’s 國辦公開辦函〔202130 (no 〕, no 号) is damaged', () => {
      const text = saved(notice('11-guoban-2021-30-nianbao-geshi-republished.txt'));
      const msgs = lintWith(ID, text, { filename: 'n.txt' });
      assert.deepEqual(msgs.map((m) => spanOf(text, m)), ['國辦公開辦函〔202130']);
      assert.equal(msgs[0].fix, undefined);
    });
  });

  describe('GB/T 9704 7.2.5 forms in the body', () => {
    const cases: [string, string][] = [
      ['海府办函[2019]168号', '海府办函〔2019〕168号'],
      ['海府办函（2019）168号', '海府办函〔2019〕168号'],
      ['海府办函(2019)168号', '海府办函〔2019〕168号'],
      ['海府办函［2019］168号', '海府办函〔2019〕168号'],
      ['海府办函【2019】168号', '海府办函〔2019〕168号'],
      ['海府办函〔2019〕第168号', '海府办函〔2019〕168号'],
      ['海府办函〔2019〕068号', '海府办函〔2019〕68号'],
      ['海府办函〔2019〕168', '海府办函〔2019〕168号'],
      ['国办发（2016）第080号', '国办发〔2016〕80号'],
    ];
    for (const [wrong, right] of cases) {
      it(`${wrong} → ${right}`, () => {
        const text = `按照《海口市人民政府办公室关于印发2019年政务公开工作要点的通知》（${wrong}）要求，现将有关情况报告如下。\n`;
        const msgs = lintWith(ID, text);
        assert.equal(msgs.length, 1);
        assert.equal(spanOf(text, msgs[0]), wrong);
        assert.equal(msgs[0].severity, 'warning');
        assert.ok(msgs[0].message.includes(`应为“${right}”`), msgs[0].message);
        const fixed = fixWith(ID, text);
        assert.equal(fixed, text.replace(wrong, right));
        assert.equal(fixWith(ID, fixed), fixed, 'idempotent');
        assert.deepEqual(lintWith(ID, fixed), []);
      });
    }

    it('correct 文号 stay quiet: 海府办函〔2019〕168号, 国办发〔2016〕80号', () => {
      assert.deepEqual(lintWith(ID, '根据《国务院办公厅印发〈关于全面推进政务公开工作的意见〉实施细则的通知》（国办发〔2016〕80号）和海府办函〔2019〕168号，制定本办法。\n'), []);
    });

    it('令 numbers use 第 legitimately: 国务院令第711号, 第12号令, 公告〔2019〕第3号 stay quiet', () => {
      const text = '依据《中华人民共和国政府信息公开条例》（国务院令第711号）、《海口市政府信息公开规定》（海口市人民政府第12号令）和中国人民银行公告〔2019〕第3号。\n';
      assert.deepEqual(lintWith(ID, text), []);
    });

    it('bracketed years that are not 文号 stay quiet', () => {
      const text = [
        '《中华人民共和国政府信息公开条例》（2019年修订）自2019年5月15日起施行。',
        '〔2019〕年度考核按(2019)年方案执行。',
        '咨询电话(0898)68725613，传真（0898）68725614。',
        '详见（2019）琼01民初68号民事判决书和粤(2019)广州市不动产权第0012345号。',
        '国办发〔2019〕1、2号文件；海府办函〔2019〕168 号。',
        '附件(1)2号楼，表（2）3项。',
      ].join('\n\n') + '\n';
      assert.deepEqual(lintWith(ID, text).map((m) => spanOf(text, m)), []);
    });

    it('the 机关代字 starts after the words in front of it (现将 …, 根据 …, 见 …)', () => {
      const text = '经市政府同意，现将海府办函[2019]168号印发给你们。根据国办发(2016)80号精神，见琼府〔2019〕第01号。\n';
      const msgs = lintWith(ID, text);
      assert.deepEqual(msgs.map((m) => spanOf(text, m)), ['海府办函[2019]168号', '国办发(2016)80号', '琼府〔2019〕第01号']);
    });

    it('a fix replaces only bracket, year and number — never the 机关代字', () => {
      const text = '现将海府办函[2019]168号印发。\n';
      const [m] = lintWith(ID, text);
      assert.equal(text.slice(m.fix!.range[0], m.fix!.range[1]), '[2019]168号');
      assert.equal(m.fix!.text, '〔2019〕168号');
    });

    it('a two-digit year in the body is reported without a fix', () => {
      const text = '按照海府办函〔19〕168号要求办理。\n';
      const msgs = lintWith(ID, text);
      assert.equal(msgs.length, 1);
      assert.equal(spanOf(text, msgs[0]), '海府办函〔19〕168号');
      assert.equal(msgs[0].fix, undefined);
      assert.match(msgs[0].message, /年份应标全称/);
      assert.equal(fixWith(ID, text), text);
    });

    it('code blocks and inline code are not scanned', () => {
      assert.deepEqual(lintWith(ID, '# 示例\n\n```\n海府办函[2019]168号\n```\n\n写法示例：`海府办函[2019]168号`。\n'), []);
    });

    it('CRLF: exact range and fix', () => {
      const text = '# 通知\r\n\r\n各单位：\r\n根据国办发（2016）80号要求。\r\n';
      const [m] = lintWith(ID, text);
      assert.equal(spanOf(text, m), '国办发（2016）80号');
      assert.equal(m.line, 4);
      assert.equal(m.column, 3);
      assert.equal(fixWith(ID, text), '# 通知\r\n\r\n各单位：\r\n根据国办发〔2016〕80号要求。\r\n');
    });
  });

  describe('metadata 文号', () => {
    it('front matter: reported as an error on the value, fixed in place', () => {
      const text = fm('标题: 海口市人民政府办公室关于印发2019年政务公开工作要点的通知\n文号: 海府办函[2019]第168号\n成文日期: 2019-06-21');
      const msgs = lintWith(ID, text);
      assert.equal(msgs.length, 1);
      assert.equal(msgs[0].severity, 'error');
      assert.equal(spanOf(text, msgs[0]), '海府办函[2019]第168号');
      assert.equal(fixWith(ID, text), text.replace('海府办函[2019]第168号', '海府办函〔2019〕168号'));
    });

    it('catalogue header (.txt): the same, with the header’s exact range', () => {
      const text = '索 引 号: 00817804-9/2019-13123 分类: 规划计划\n文  号: 海府办函（2019）168号 主 题 词:\n\n海口市人民政府办公室关于印发2019年政务公开工作要点的通知\n';
      const msgs = lintWith(ID, text, { filename: 'n.txt' });
      assert.equal(msgs.length, 1);
      assert.equal(spanOf(text, msgs[0]), '海府办函（2019）168号');
      assert.equal(msgs[0].line, 2);
      assert.equal(msgs[0].column, 7);
      assert.equal(fixWith(ID, text, { filename: 'n.txt' }), text.replace('海府办函（2019）168号', '海府办函〔2019〕168号'));
    });

    it('a quoted YAML value keeps its quotes when fixed', () => {
      const text = fm('文号: "海府办函〔2019〕068号"');
      const [m] = lintWith(ID, text);
      assert.equal(spanOf(text, m), '海府办函〔2019〕068号');
      assert.equal(fixWith(ID, text), fm('文号: "海府办函〔2019〕68号"'));
    });

    it('metadataSeverity: inherit follows the rule’s severity', () => {
      const text = fm('文号: 海府办函[2019]168号');
      assert.equal(lintWith(ID, text, { options: { metadataSeverity: 'inherit' } })[0].severity, 'warning');
      assert.equal(lintWith(ID, text, { options: { metadataSeverity: 'info' } })[0].severity, 'info');
    });

    it('a two-digit year is fixed only when it matches the 成文日期 year', () => {
      const ok = fm('文号: 海府办函〔19〕168号\n成文日期: 2019年6月21日');
      assert.equal(fixWith(ID, ok), fm('文号: 海府办函〔2019〕168号\n成文日期: 2019年6月21日'));
      const other = fm('文号: 海府办函〔19〕168号\n成文日期: 2020年6月21日');
      const [m] = lintWith(ID, other);
      assert.equal(m.fix, undefined);
      assert.match(m.message, /年份无法确定/);
      assert.equal(lintWith(ID, fm('文号: 海府办函〔19〕168号'))[0].fix, undefined);
    });

    it('令/公告 numbers, placeholders and empty values stay quiet; an unrecognisable attempt is reported', () => {
      for (const v of ['国务院令第711号', '海口市人民政府令第12号', '第12号令', '国家税务总局公告2019年第1号', '无', '—', '']) {
        assert.deepEqual(lintWith(ID, fm(`文号: ${v}`)), [], v);
      }
      const text = fm('文号: 海府办函2019年168号');
      const msgs = lintWith(ID, text);
      assert.equal(msgs.length, 1);
      assert.equal(spanOf(text, msgs[0]), '海府办函2019年168号');
      assert.equal(msgs[0].fix, undefined);
    });

    it('a damaged metadata 文号 is reported without a fix', () => {
      const text = fm('文号: 中发〔201926号');
      const [m] = lintWith(ID, text);
      assert.equal(spanOf(text, m), '中发〔201926号');
      assert.equal(m.fix, undefined);
      assert.equal(fixWith(ID, text), text);
    });
  });

  describe('year not after the 成文日期', () => {
    it('metadata 文号 vs metadata 成文日期', () => {
      const text = fm('文号: 海府办函〔2020〕168号\n成文日期: 2019-06-21');
      const msgs = lintWith(ID, text);
      assert.equal(msgs.length, 1);
      assert.equal(spanOf(text, msgs[0]), '海府办函〔2020〕168号');
      assert.match(msgs[0].message, /2020晚于成文日期的年份2019/);
      assert.deepEqual(lintWith(ID, fm('文号: 海府办函〔2019〕168号\n成文日期: 2019-12-31')), []);
      assert.deepEqual(lintWith(ID, fm('文号: 海府办函〔2018〕168号\n成文日期: 2019-01-02')), []);
    });

    it('metadata 文号 vs the signature date when there is no 成文日期 field', () => {
      const text = '文  号: 海府办函〔2020〕168号\n\n各区人民政府：\n现将要点印发给你们。\n海口市人民政府办公室\n2019年6月21日\n(此件主动公开)\n';
      const msgs = lintWith(ID, text, { filename: 'n.txt' });
      assert.equal(msgs.length, 1);
      assert.match(msgs[0].message, /落款日期/);
    });

    it('the catalogue 发文日期 is not the 成文日期', () => {
      const text = '发布机构: 市政府办公室 发文日期: 2018年06月24日\n文  号: 海府办函〔2019〕168号\n\n正文。\n';
      assert.deepEqual(lintWith(ID, text, { filename: 'n.txt' }), []);
    });

    it('body citations are compared only with an explicit metadata 成文日期', () => {
      const withField = fm('成文日期: 2019-06-21', '根据琼府〔2021〕3号，制定本办法。\n');
      const msgs = lintWith(ID, withField);
      assert.equal(msgs.length, 1);
      assert.equal(spanOf(withField, msgs[0]), '琼府〔2021〕3号');
      assert.equal(msgs[0].severity, 'warning');
      // A saved page may hold several documents: a signature date is not trusted for citations.
      assert.deepEqual(lintWith(ID, '海口市人民政府办公室\n\n2019年6月21日\n\n根据琼府〔2021〕3号，制定本办法。\n'), []);
    });
  });
});
