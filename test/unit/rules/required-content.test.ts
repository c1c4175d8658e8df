import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintWith, fixWith } from '../../helpers/lint';
import { REQUIRED_CONTENT } from '../../../src/core/data/required-content';
import { validateConfig, ALL_RULES } from '../../../src/core';

const ID = 'required-content';
const FIX = path.join(__dirname, '..', '..', 'fixtures');
const notice = (name: string) => fs.readFileSync(path.join(FIX, 'real-notices', name), 'utf8').replace(/^SOURCE:.*\r?\n(?:NOTE:.*\r?\n)?\s*/, '');
const md = (title: string, body: string, extra = '') => `---\n标题: ${title}\n${extra}---\n\n# ${title}\n\n${body}`;
const items = (msgs: { data?: Record<string, unknown> }[]) => msgs.map((m) => m.data?.item);
const SIX = ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'];

describe(ID, () => {
  it('every item’s own skeleton heading satisfies it (quick fixes converge), in Markdown and plain text', () => {
    for (const spec of REQUIRED_CONTENT) {
      for (const item of spec.items) {
        const label = item.skeleton ?? item.name;
        const title = { 年度报告: '美兰区2020年政府信息公开工作年度报告', 决策草案: '关于某某办法公开征求意见的公告', 财政信息: '某某项目绩效信息公开', 执法公示: '某某局行政执法公示', 招生公告: '某某学校招生公告', 扶贫公示: '某某村扶贫项目公示', 办事指南: '某某事项办事指南', 三定规定: '某某局职能配置、内设机构和人员编制规定', 依申请答复: '', 政策文件: '', 规范性文件: '', 政策解读: '', 其他: '' }[spec.type];
        for (const [text, filename] of [[md(title, `## ${label}\n\n（待补充）\n`, `文档类型: ${spec.type}\n`), 'a.md'], [`文档类型: ${spec.type}\n\n${title}\n${label}\n（待补充）\n`, 'a.txt']]) {
          const msgs = lintWith(ID, text, { filename, options: { requireOptional: [item.name] } });
          assert.ok(!items(msgs).includes(item.name), `${spec.type}/${item.name} in ${filename}: ${msgs.map((m) => m.message).join('; ')}`);
        }
      }
    }
  });

  describe('年度报告 (条例 第五十条)', () => {
    const report = (title: string, parts: string[], extra = '') => md(title, parts.map((p) => `## ${p}\n\n正文。\n`).join('\n'), extra);

    it('one message per missing part, naming it, with the clause', () => {
      const msgs = lintWith(ID, report('海口市生态环境局2019年政府信息公开工作年度报告', SIX.filter((_, i) => i !== 2 && i !== 3)));
      assert.deepEqual(items(msgs), ['收到和处理政府信息公开申请情况', '政府信息公开行政复议、行政诉讼情况']);
      assert.equal(msgs[0].message, '年度报告缺少“收到和处理政府信息公开申请情况”（请增加标题“三、收到和处理政府信息公开申请情况”，或在表头写明）');
      assert.equal(msgs[0].clause.id, '条例 第五十条');
    });

    it('M-8: long names are suggested as the heading the fix inserts; short names may be a label', () => {
      const [long] = lintWith(ID, report('海口市生态环境局2019年政府信息公开工作年度报告', SIX.filter((_, i) => i !== 3)));
      assert.equal(long.message, '年度报告缺少“政府信息公开行政复议、行政诉讼情况”（请增加标题“四、政府信息公开行政复议、行政诉讼情况”，或在表头写明）');
      const [short] = lintWith(ID, report('海口市生态环境局2019年政府信息公开工作年度报告', SIX.filter((_, i) => i !== 0)));
      assert.equal(short.message, '年度报告缺少“总体情况”（可用标题、“总体情况：”标签或表头写明）');
    });

    it('a government’s report must also cover 工作考核、社会评议和责任追究; a department’s need not', () => {
      assert.deepEqual(items(lintWith(ID, report('美兰区2020年政府信息公开工作年度报告', SIX))), ['工作考核、社会评议和责任追究结果情况']);
      assert.deepEqual(lintWith(ID, report('海口市生态环境局2020年政府信息公开工作年度报告', SIX)), []);
      assert.deepEqual(lintWith(ID, report('美兰区2020年政府信息公开工作年度报告', [...SIX.slice(0, 5), '六、其他需要报告的事项（含工作考核、社会评议和责任追究结果情况）'])), []);
      assert.deepEqual(items(lintWith(ID, report('2020年政府信息公开工作年度报告', SIX, '机关层级: 政府\n'))), ['工作考核、社会评议和责任追究结果情况']);
    });

    it('reports for years before 2019 are not checked (older structure); the option moves the start', () => {
      assert.deepEqual(lintWith(ID, report('海口市2018年政府信息公开工作年度报告', ['一、概述'])), []);
      assert.deepEqual(lintWith(ID, report('海口市2019年政府信息公开工作年度报告', ['一、概述']), { options: { minReportYear: 2020 } }), []);
      assert.equal(lintWith(ID, report('海口市2019年政府信息公开工作年度报告', ['一、概述'])).length, 6);
      assert.deepEqual(lintWith(ID, report('海口市政府信息公开工作年度报告', ['一、概述'])), []); // year unknown
    });

    it('the quick fix inserts a missing part before the next one, in order', () => {
      const text = md('海口市生态环境局2019年政府信息公开工作年度报告', '## 一、总体情况\n\n甲。\n\n## 二、主动公开政府信息情况\n\n乙。\n\n## 五、存在的主要问题及改进情况\n\n丙。\n\n## 六、其他需要报告的事项\n\n丁。\n');
      const fixed = fixWith(ID, text);
      const order = SIX.map((p) => fixed.indexOf(`## ${p}`));
      assert.ok(order.every((o, i) => o > 0 && (i === 0 || o > order[i - 1])), fixed);
      assert.ok(fixed.includes('## 四、政府信息公开行政复议、行政诉讼情况\n\n（待补充）\n\n## 五、'), fixed);
      assert.deepEqual(lintWith(ID, fixed), []);
    });

    it('plain text with 一、 numbering', () => {
      const text = `海口市生态环境局2019年政府信息公开工作年度报告\n${SIX.filter((_, i) => i !== 0).join('\n正文。\n')}\n正文。\n`;
      const msgs = lintWith(ID, text, { filename: 'nb.txt' });
      assert.deepEqual(items(msgs), ['总体情况']);
      const fixed = fixWith(ID, text, { filename: 'nb.txt' });
      assert.ok(fixed.startsWith('海口市生态环境局2019年政府信息公开工作年度报告\n一、总体情况\n（待补充）\n二、'), fixed);
    });

    it('11 国办公开办函〔2021〕30号 format tables: 总体情况 heading and the 第二十条第（一）项 table count; the notice itself is not a report', () => {
      const raw = notice('11-guoban-2021-30-nianbao-geshi-republished.txt');
      const declared = '文档类型: 年度报告\n报告年度: 2021\n机关层级: 部门\n\n' + raw;
      const missing = items(lintWith(ID, declared, { filename: '11.txt' }));
      assert.ok(!missing.includes('总体情况') && !missing.includes('主动公开政府信息情况'), String(missing));
      const asNotice = '名  称: 国务院办公厅政府信息与政务公开办公室关于印发《中华人民共和国政府信息公开工作年度报告格式》的通知\n\n' + raw;
      assert.deepEqual(lintWith(ID, asNotice, { filename: '11.txt' }), []);
    });

    it('12 武汉市生态环境局2020年度报告 (traditional characters): the 第二十條第(一)項 tables are 主动公开; the excerpt stops there, so only the part before them is certainly missing', () => {
      const raw = notice('12-wuhan-sthjj-2020-nianbao-2019format-tables.txt');
      assert.deepEqual(lintWith(ID, raw, { filename: '12.txt' }), []); // no title: type unknown
      const text = '名  称: 武汉市生态环境局2020年政府信息公开工作年度报告\n\n' + raw;
      assert.deepEqual(items(lintWith(ID, text, { filename: '12.txt' })), ['总体情况']);
    });

    it('03 海口市2015年年度报告 (old format) is not checked', () => {
      assert.deepEqual(lintWith(ID, notice('03-haikou-2015-annual-report-oldformat.txt'), { filename: '03.txt' }), []);
    });
  });

  describe('决策草案 (条例713号 第十五条; 要点 一（一）)', () => {
    const T = '关于《海口市某某管理办法（征求意见稿）》公开征求意见的公告';
    it('a complete notice stays quiet', () => {
      const body = '为规范某某管理，根据《中华人民共和国某某法》，市司法局起草了《海口市某某管理办法（征求意见稿）》及起草说明，现公开征求意见。\n\n征求意见时间：2026年3月2日至2026年3月31日。\n\n意见可通过电子邮件发送至 hksfj@example.gov.cn。\n\n附件：1. 海口市某某管理办法（征求意见稿）  2. 起草说明\n';
      assert.deepEqual(lintWith(ID, md(T, body)), []);
    });

    it('a bare announcement misses how and by when; a 重大行政决策 also its explanation and basis', () => {
      assert.deepEqual(items(lintWith(ID, md(T, '现将《海口市某某管理办法（征求意见稿）》公开征求意见。\n'))), ['提出意见的方式', '提出意见的期限']);
      const msgs = lintWith(ID, md(T, '现将《海口市某某管理办法（征求意见稿）》公开征求意见。\n', '文档类型: 决策草案\n'));
      assert.deepEqual(items(msgs), ['起草说明', '决策依据', '提出意见的方式', '提出意见的期限']);
      assert.equal(msgs.find((m) => m.data?.item === '决策依据')!.clause.id, '要点 一（一）');
      assert.equal(msgs.find((m) => m.data?.item === '起草说明')!.clause.id, '条例713号 第十五条');
    });

    it('metadata 征求意见期限 counts as the deadline', () => {
      const msgs = lintWith(ID, md(T, '现将《海口市某某管理办法（征求意见稿）》公开征求意见。\n', '征求意见期限: 30日\n'));
      assert.ok(!items(msgs).includes('提出意见的期限'));
    });

    it('07 清远 (traditional characters), declared a 决策草案: its draft is attached (附件), where an explanation may be too: quiet', () => {
      const text = '文档类型: 决策草案\n\n' + notice('07-qingyuan-2020-zhengqiu-yijian-14days.txt');
      assert.deepEqual(items(lintWith(ID, text, { filename: '07.txt' })), []);
      // Without the attachment, the missing 起草说明 is certain.
      const bare = text.split(/\r?\n/).filter((l) => !/附件/.test(l)).join('\n');
      assert.deepEqual(items(lintWith(ID, bare, { filename: '07.txt' })), ['起草说明']);
    });
  });

  describe('财政信息 (要点 一（五）)', () => {
    it('a project disclosure with synonyms (实施单位、资金安排) is complete', () => {
      const body = '| 项目名称 | 立项依据 | 实施单位 | 资金安排（万元） | 绩效目标 | 绩效评价结果 |\n|---|---|---|---|---|---|\n| 某某工程 | 市政府常务会议纪要 | 市水务局 | 500 | 完成治理 | 优 |\n';
      assert.deepEqual(lintWith(ID, md('2025年某某专项资金项目信息公开', body)), []);
    });

    it('missing items are named; a budget-stage disclosure needs no 绩效评价结果', () => {
      const body = '## 立项依据\n\n略。\n\n## 预算安排\n\n300万元。\n';
      assert.deepEqual(items(lintWith(ID, md('2025年某某专项资金项目信息公开', body))), ['实施主体', '绩效目标', '绩效评价结果']);
      assert.deepEqual(items(lintWith(ID, md('2026年某某项目预算公开', body))), ['实施主体', '绩效目标']);
    });

    it('an inferred 财政信息 that is not about a project (部门预算、决算) is not checked', () => {
      assert.deepEqual(lintWith(ID, md('海口市某某局2026年部门预算公开说明', '一、部门职责\n')), []);
    });
  });

  describe('执法公示 (要点 一（六）)', () => {
    it('08 五原县 行政执法公示制度 is a regulation about publication: quiet', () => {
      assert.deepEqual(lintWith(ID, notice('08-wuyuan-xingzheng-zhifa-gongshi-zhidu.txt'), { filename: '08.txt' }), []);
    });

    it('08 declared an 执法公示: its list covers 职责、依据、程序; the stored excerpt lacks 监督途径 and 执法结果', () => {
      const text = '文档类型: 执法公示\n\n' + notice('08-wuyuan-xingzheng-zhifa-gongshi-zhidu.txt');
      assert.deepEqual(items(lintWith(ID, text, { filename: '08.txt' })), ['监督途径', '执法结果']);
    });

    it('监督电话 / 投诉电话 count as 监督途径', () => {
      const base = '执法职责：甲。\n\n执法依据：乙。\n\n执法程序：丙。\n\n执法结果：丁。\n\n';
      assert.deepEqual(lintWith(ID, md('某某局行政执法公示', base + '监督电话：0898-12345678\n')), []);
      assert.deepEqual(lintWith(ID, md('某某局行政执法公示', base + '投诉电话：0898-12345678\n')), []);
      assert.deepEqual(items(lintWith(ID, md('某某局行政执法公示', base))), ['监督途径']);
    });
  });

  describe('招生公告 (要点 一（三）)', () => {
    const raw = notice('04-haikou-2020-yiwu-jiaoyu-zhaosheng.txt');
    it('04 海口市2020年义务教育招生实施细则: 招生对象 = 报名条件, 入学办法 = 招生程序, 划片招生 = 范围; the excerpt stops ([... ends here ...]), so the missing 咨询方式 is not certain', () => {
      assert.deepEqual(items(lintWith(ID, raw, { filename: '04.txt' })), []);
      // The same page ending with its last paragraph: 咨询方式 is missing for sure.
      const ended = raw.replace('[... the stored copy ends here ...]', '十、本细则自发布之日起施行。');
      const msgs = lintWith(ID, ended, { filename: '04.txt' });
      assert.deepEqual(items(msgs), ['咨询方式']);
      assert.equal(msgs[0].clause.id, '要点 一（三）');
    });

    it('with a 咨询电话 line it is complete; 学校情况/录取结果 are only required on request', () => {
      const full = raw.replace('[... the stored copy ends here ...]', '十、咨询电话:0898-66666666');
      assert.deepEqual(lintWith(ID, full, { filename: '04.txt' }), []);
      assert.deepEqual(items(lintWith(ID, full, { filename: '04.txt', options: { requireOptional: ['学校情况', '录取结果'] } })), ['学校情况', '录取结果']);
    });
  });

  describe('扶贫公示 (要点 一（二）)', () => {
    it('synonyms from real notices: 受益贫困户, 监督电话', () => {
      const body = '| 项目名称 | 资金规模（万元） | 受益贫困户 |\n|---|---|---|\n| 村道硬化 | 48 | 32户 |\n\n监督电话：0898-12317\n';
      assert.deepEqual(lintWith(ID, md('某某村2026年扶贫项目公示', body)), []);
    });

    it('the synonyms option extends an item; skipItems turns one off', () => {
      const body = '## 项目安排\n\n甲。\n\n## 资金使用\n\n乙。\n\n## 帮扶名册\n\n丙。\n\n## 监督举报\n\n丁。\n';
      assert.deepEqual(items(lintWith(ID, md('某某村2026年扶贫项目公示', body))), ['受惠贫困户']);
      assert.deepEqual(lintWith(ID, md('某某村2026年扶贫项目公示', body), { options: { synonyms: { 受惠贫困户: ['帮扶名册'] } } }), []);
      assert.deepEqual(lintWith(ID, md('某某村2026年扶贫项目公示', body), { options: { skipItems: ['受惠贫困户'] } }), []);
    });
  });

  describe('办事指南 (要点 三（四）) and 三定规定 (要点 四（三）)', () => {
    it('a guide names its 事项 in the title; materials and 流程 are needed', () => {
      assert.deepEqual(items(lintWith(ID, md('社会团体成立登记办事指南', '## 申请材料\n\n略。\n'))), ['办理流程']);
      assert.deepEqual(lintWith(ID, md('社会团体成立登记办事指南', '## 申请材料\n\n略。\n\n## 办理流程\n\n略。\n')), []);
    });

    it('the 三定 title names all three parts, but only the body counts', () => {
      const T = '海口市生态环境局职能配置、内设机构和人员编制规定';
      assert.deepEqual(items(lintWith(ID, md(T, '第一条 为了……制定本规定。\n'))), ['职能配置', '内设机构', '人员编制']);
      assert.deepEqual(lintWith(ID, md(T, '第三条 主要职责。\n\n第四条 内设机构。\n\n第五条 人员编制。\n')), []);
    });
  });

  it('the options are validated by the config schema', () => {
    assert.deepEqual(validateConfig({ rules: { [ID]: { severity: 'error', synonyms: { 受惠贫困户: ['帮扶名册'] }, skipItems: ['录取结果'], minReportYear: 2020 } } }, ALL_RULES), []);
    const errs = validateConfig({ rules: { [ID]: { synonyms: { 受惠贫困户: '帮扶名册' } } } }, ALL_RULES);
    assert.ok(errs.length > 0 && errs.some((e) => e.key.startsWith(`rules.${ID}`)), JSON.stringify(errs));
  });

  it('documents of other types are not checked', () => {
    assert.deepEqual(lintWith(ID, md('海口市某某管理办法', '第一条 为了……\n')), []);
    assert.deepEqual(lintWith(ID, fs.readFileSync(path.join(FIX, 'seed', 'haikou-2019-zwgk-yaodian.txt'), 'utf8'), { filename: 'seed.txt' }), []);
  });

  it('the fix appends at the end of a file without a final newline, keeping a blank line in Markdown', () => {
    const text = md('某某局行政执法公示', '执法职责：甲。\n\n执法依据：乙。\n\n执法程序：丙。\n\n执法结果：丁。').replace(/\n$/, '');
    const fixed = fixWith(ID, text);
    assert.ok(fixed.endsWith('执法结果：丁。\n\n## 监督途径\n\n（待补充）\n'), JSON.stringify(fixed.slice(-40)));
  });

  it('keeps CRLF line endings in the fix', () => {
    const text = md('某某局行政执法公示', '## 执法职责\n\n## 执法依据\n\n## 执法程序\n\n## 执法结果\n').replace(/\n/g, '\r\n');
    const fixed = fixWith(ID, text);
    assert.ok(fixed.endsWith('## 执法结果\r\n\r\n## 监督途径\r\n\r\n（待补充）\r\n'), JSON.stringify(fixed.slice(-40)));
  });
});
