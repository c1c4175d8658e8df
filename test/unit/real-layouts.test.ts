/**
 * Issue 8, failure class by failure class: must-fire and must-stay-quiet cases cut from real published
 * pages (test/corpus/docs, ../shared/reference/real-corpus and real-notices; the layouts as the portals
 * print them). Each `it` names the class it holds.
 */
import * as assert from 'node:assert/strict';
import { ZwgkDocument, profileOf, readHeader, inspectDocument, Calendar } from '../../src/core';
import { lintWith } from '../helpers/lint';

const doc = (text: string, file = 'page.txt') => new ZwgkDocument(text, file);
const fields = (text: string) => readHeader(text).fields.filter((f) => f.known).map((f) => [f.key, f.value]);

describe('real layouts (issue 8)', () => {
  describe('1. the kind from how a 公文 is built, not from keywords', () => {
    it('a 指导意见 about the 行政执法公示 system is a policy; it is not asked for 执法依据', () => {
      const text = '名  称: 国务院办公厅关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见\n发布机构: 国务院办公厅\n\n各省、自治区、直辖市人民政府：\n一、总体要求\n';
      assert.deepEqual([doc(text).type.value, doc(text).type.confidence], ['政策文件', 'high']);
      assert.deepEqual(lintWith('required-content', text, { filename: 'p.txt' }), []);
    });

    it('a 工作导引 on how to run 扶贫 公示 is a guide, not a 公示: not asked for 受惠贫困户', () => {
      const text = '名  称: 扶贫项目资金公告公示工作导引\n发布机构: 某县扶贫开发领导小组办公室\n\n一、公示内容\n项目名称、资金规模。\n';
      assert.equal(doc(text).type.value, '其他');
      assert.deepEqual(lintWith('required-content', text, { filename: 'p.txt' }), []);
    });

    it('titles ending in 意见 / 指导意见 / 实施方案, and 印发《X》的通知, are policies; 《X》解读 is an interpretation', () => {
      for (const t of ['国务院关于做好当前和今后一个时期促进就业工作的若干意见', '国务院关于加快推进农业机械化和农机装备产业转型升级的指导意见',
        '国务院办公厅关于印发“无废城市”建设试点工作方案的通知', '北京市卫生健康委员会关于印发《北京市中医医术确有专长人员医师资格考核注册管理实施细则（试行）》的通知',
        '政务服务丨济宁市人民政府关于持续深化“市县同权”改革的实施意见']) {
        assert.equal(doc(`名  称: ${t}\n发布机构: 某机关\n\n正文。\n`).type.value, '政策文件', t);
      }
      assert.equal(doc('名  称: 《北京市人民政府关于支持中医药振兴发展的意见》解读\n发布日期: 2017-05-17\n\n正文。\n').type.value, '政策解读');
      // A 转发 of a 通知 is a notice, whatever the forwarded notice is about.
      assert.equal(doc('名  称: 北京市中医管理局关于转发市科技奖励办《2020年度北京市科学技术奖提名工作的通知》的通知\n发布机构: 北京市中医管理局\n\n正文。\n').type.value, '其他');
    });

    it('the catalogue’s own 公文种类 / 分类 speaks when the title has no 文种', () => {
      assert.equal(doc('标  题: 关于市级储备粮的若干问题\n公文种类: 意见\n发文机关: 某市人民政府\n\n正文。\n').type.value, '政策文件');
      assert.equal(doc('名称: 市级储备粮问答\n分类: 政策解读\n发布机构: 某市发改委\n\n问：什么是储备粮？\n').type.value, '政策解读');
    });

    it('a declared 文档类型 always wins', () => {
      assert.deepEqual([doc('---\n标题: 海口市某某管理办法\n文档类型: 其他\n---\n\n# 海口市某某管理办法\n', 'a.md').type.value], ['其他']);
    });
  });

  describe('2. portal headers as real portals print them', () => {
    it('unknown labels (信息分类、更新时间、浏览次数) are skipped, not fatal; synonyms are read', () => {
      const text = '索引号：000014349/2019-00007\n信息分类：通知公告\n发文机构：国务院\n更新时间：2019-02-15\n发文字号：国发〔2019〕5号\n公文生成日期：2019-01-27\n\n正文。\n';
      assert.deepEqual(fields(text), [['索引号', '000014349/2019-00007'], ['分类', '通知公告'], ['发布机构', '国务院'], ['文号', '国发〔2019〕5号'], ['成文日期', '2019-01-27']]);
    });

    it('a header under breadcrumbs (当前位置、首页 > …、> … lines) is found', () => {
      const text = '您当前的位置:首页\n> 政务公开 > 重点领域 > 环境保护\n\n索 引 号: 002564301/2021-00880 成文日期: 2021-07-15\n发布机构: 湖州市交通运输局\n\n正文。\n';
      assert.deepEqual(fields(text), [['索引号', '002564301/2021-00880'], ['成文日期', '2021-07-15'], ['发布机构', '湖州市交通运输局']]);
    });

    it('a `|` table with labels with and without colons (汉阴, 宿迁)', () => {
      const text = '索引号 | xzfgzbmzfb/2021-3740 | 公开目录: | 县政府办文件 |\n文号 | 汉政办发〔2021〕88号 | 成文日期: | 2021年09月28日 |\n\n正文。\n';
      assert.deepEqual(fields(text), [['索引号', 'xzfgzbmzfb/2021-3740'], ['分类', '县政府办文件'], ['文号', '汉政办发〔2021〕88号'], ['成文日期', '2021年09月28日']]);
    });

    it('a bulleted list with each value on the line below its label (镇巴)', () => {
      const text = '  • 索引号:\n\n    6107280000/2024-001005\n  • 发文机构:\n\n    县政府网站\n  • 发文字号:\n\n    镇政发〔2024〕7号\n\n正文。\n';
      assert.deepEqual(fields(text), [['索引号', '6107280000/2024-001005'], ['发布机构', '县政府网站'], ['文号', '镇政发〔2024〕7号']]);
    });

    it('colon-less catalogue runs (内蒙古: 索 引 号 主题分类 综合政务 …)', () => {
      const text = '索 引 号 主题分类 综合政务 \\ 其他\n发布机构 自治区人民政府 文  号 内政发〔2013〕62号\n成文日期 2013-07-02\n内蒙古自治区人民政府关于印发《内蒙古自治区人民政府工作规则》的通知\n';
      const d = doc(text);
      assert.equal(d.meta('文号'), '内政发〔2013〕62号');
      assert.equal(d.meta('成文日期'), '2013-07-02');
      assert.equal(d.title?.text, '内蒙古自治区人民政府关于印发《内蒙古自治区人民政府工作规则》的通知');
    });

    it('a title containing ：stays a title; the byline under it is read and not linted as prose', () => {
      const text = '名  称: 图解：2019年海口市政府工作报告\n\n图解：2019年海口市政府工作报告\n发布时间:2020-12-01 10:46信息来源:市城市管理行政执法局(市城管局)文字大小:[ ] 背景色:\n\n正文。\n';
      const d = doc(text);
      assert.equal(d.meta('标题'), '图解：2019年海口市政府工作报告');
      assert.equal(d.type.value, '政策解读');
      assert.equal(d.meta('发布机构'), '市城市管理行政执法局(市城管局)');
      assert.deepEqual(lintWith('fullwidth-punctuation', text, { filename: 'p.txt', options: { foldAt: 0 } }), []);
    });
  });

  describe('3. form rules where the drafter is responsible', () => {
    it('a portal’s zero-padded catalogue date is its system format: quiet; the same in front matter fires', () => {
      const page = '名  称: 国务院办公厅关于全面推行行政规范性文件合法性审核机制的指导意见\n发布机构: 国务院办公厅\n成文日期: 2018年12月04日\n\n正文。\n';
      assert.deepEqual(lintWith('date-format', page, { filename: 'p.txt' }), []);
      assert.equal(lintWith('date-format', '---\n标题: 某某办法\n成文日期: 2018年12月04日\n---\n\n# 某某办法\n', { filename: 'a.md' }).length, 1);
    });

    it('a date or punctuation in quoted evidence is never rewritten', () => {
      const text = '---\n标题: 某某局行政处罚决定书\n---\n\n# 某某局行政处罚决定书\n\n当事人在询问笔录中称：“我于2019年03月05日收到通知,但没有办理备案”。\n';
      assert.deepEqual(lintWith('date-format', text), []);
      assert.ok(lintWith('fullwidth-punctuation', text, { options: { foldAt: 0 } }).every((m) => m.fix === undefined));
    });

    it('二O一一年 / 二○一二年 are dates; the Latin O is itself worth a message (yanzhou, 北京中医局)', () => {
      const text = '名  称: 北京中医药重点学科管理办法\n发布日期: 2009-06-30\n\n现将办法印发给你们。\n北京市中医管理局\n二OO一年四月十八日\n';
      const d = doc(text);
      assert.equal(profileOf(d).issued?.year, 2001);
      const [m] = lintWith('date-format', text, { filename: 'p.txt' });
      assert.match(m.message, /^应写作“[^”]*〇[^”]*”：.*“零”是“〇”/);
      assert.equal(m.fix?.text, '二〇〇一年四月十八日');
    });
  });

  describe('4. what was missed', () => {
    it('a report year written （2023年度） is read; the deadline and the six parts are checked', () => {
      const text = '---\n标题: 海口市生态环境局政府信息公开工作年度报告（2023年度）\n发布日期: 2024-02-20\n---\n\n# 海口市生态环境局政府信息公开工作年度报告（2023年度）\n\n一、总体情况\n\n二、主动公开政府信息情况\n';
      assert.equal(profileOf(doc(text, 'a.md')).reportYear?.year, 2023);
      assert.equal(lintWith('annual-report-deadline', text).length, 1);
      assert.ok(lintWith('required-content', text).length >= 4);
    });

    it('sub-headings （一）主动公开情况 inside part 一 are not parts 二 and 三', () => {
      const text = '---\n标题: 东街街道2023年度政府信息公开工作年度报告\n---\n\n# 东街街道2023年度政府信息公开工作年度报告\n\n一、总体情况\n\n（一）主动公开情况\n\n（二）依申请公开情况\n\n四、政府信息公开行政复议、行政诉讼情况\n\n五、存在的主要问题及改进情况\n\n六、其他需要报告的事项\n';
      const items = lintWith('required-content', text).map((m) => (m.data as { item: string }).item);
      assert.ok(items.includes('主动公开政府信息情况') && items.includes('收到和处理政府信息公开申请情况'), items.join());
    });

    it('请于7月26日前 (no year) takes the year from the notice’s own date (湖州, 2021)', () => {
      const text = '---\n标题: 关于公开征求《湖州市出租汽车客运管理办法》（修订征求意见稿）意见的通知\n文档类型: 决策草案\n发布日期: 2021-07-15\n---\n\n# 关于公开征求《湖州市出租汽车客运管理办法》（修订征求意见稿）意见的通知\n\n请于7月26日前将意见反馈至市交通运输局。\n';
      const [m] = lintWith('comment-period', text);
      assert.match(m.message, /2021年7月15日至2021年7月26日.*共12天/);
      assert.match(m.message, /截止日未写年份，按公告日期取2021年/);
      // The same notice of 2018 predates 条例713号 (2019-09-01): not judged by it.
      assert.deepEqual(lintWith('comment-period', text.replace('2021-07-15', '2018-07-15')), []);
    });
  });

  describe('5. rules know when their source was in force', () => {
    it('a 1996 document: its Chinese-numeral dates and its lateness are not judged by later rules', () => {
      const text = '名  称: 国务院办公厅转发国家地震局关于我国地震重点监视防御区的确定和加强防震减灾工作意见报告的通知\n发布机构: 国务院办公厅\n文  号: 国办发〔1996〕2号\n成文日期: 1996年02月05日\n发布日期: 2018年12月24日\n\n国务院办公厅\n一九九六年二月五日\n';
      for (const id of ['date-format', 'proactive-disclosure-deadline', 'doc-number-format']) assert.deepEqual(lintWith(id, text, { filename: 'p.txt' }), [], id);
      assert.deepEqual(inspectDocument(doc(text), new Calendar({})).versions, { 条例: null, 'GB/T 9704': null });
    });

    it('the 2007 条例: replies within 15 working days, every annual report by 3月31日', () => {
      const reply = '---\n标题: 政府信息公开申请答复书\n文档类型: 依申请答复\n收到申请日期: 2018-03-01\n答复日期: 2018-03-26\n---\n\n# 政府信息公开申请答复书\n';
      const [m] = lintWith('application-reply-deadline', reply);
      assert.match(m.message, /15个工作日.*（按当时施行的2007年条例第二十四条）/);
      assert.equal(m.clause.id, '条例（2007） 第二十四条');
      const report = '---\n标题: 海口市生态环境局2017年政府信息公开工作年度报告\n发布日期: 2018-03-20\n---\n\n# 海口市生态环境局2017年政府信息公开工作年度报告\n';
      assert.deepEqual(lintWith('annual-report-deadline', report), [], 'a department’s report for 2017: 3月31日, not 1月31日');
    });
  });

  describe('6. noise', () => {
    it('a page with half-width punctuation throughout gives one message with the count, not a wall', () => {
      const body = '为深入贯彻落实《条例》,进一步做好政务公开工作,现将有关事项通知如下:一是加强组织领导;二是完善工作机制;三是强化监督考核(含年度考评).';
      const text = `名  称: 关于做好政务公开工作的通知\n发布机构: 某县人民政府办公室\n\n${body}\n${body}\n`;
      const msgs = lintWith('fullwidth-punctuation', text, { filename: 'p.txt' });
      assert.equal(msgs.length, 1);
      assert.match(msgs[0].message, /^全文有\d+处中文标点写成了半角/);
    });
  });
});
