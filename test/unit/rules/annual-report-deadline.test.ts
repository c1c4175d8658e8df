import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintWith, spanOf } from '../../helpers/lint';

const ID = 'annual-report-deadline';
const FIX = path.join(__dirname, '..', '..', 'fixtures');
/** A real notice as a draft: the SOURCE/NOTE lines of the fixture removed. */
const notice = (name: string) => fs.readFileSync(path.join(FIX, 'real-notices', name), 'utf8').replace(/^SOURCE:.*\r?\n(?:NOTE:.*\r?\n)?\s*/, '');
const fm = (fields: string, title: string) => `---\n标题: ${title}\n${fields}\n---\n\n# ${title}\n`;
const DEPT = '海口市生态环境局2019年政府信息公开工作年度报告';
const GOV = '美兰区2019年政府信息公开工作年度报告';

describe(ID, () => {
  describe('departments: 1月31日 of the next year', () => {
    it('fires on 2月10日 with the deadline date and the days late, on the 发布日期 value', () => {
      const text = fm('发布日期: 2020-02-10', DEPT);
      const [m, ...rest] = lintWith(ID, text);
      assert.equal(rest.length, 0);
      assert.equal(spanOf(text, m), '2020-02-10');
      assert.match(m.message, /^应于2020年1月31日前公布：政府部门的年度报告（2019年度，/);
      assert.match(m.message, /由标题中的机关“海口市生态环境局”推断/);
      assert.match(m.message, /晚于法定期限10天/);
      assert.deepEqual(m.data, { deadline: '2020-01-31', daysLate: 10, level: 'department', reportYear: 2019 });
      assert.equal(m.severity, 'warning');
      assert.equal(m.clause.id, '条例 第四十九条');
    });

    it('1月31日 itself is on time; 2月1日 is one day late', () => {
      assert.deepEqual(lintWith(ID, fm('发布日期: 2020-01-31', DEPT)), []);
      const [m] = lintWith(ID, fm('发布日期: 2020-02-01', DEPT));
      assert.match(m.message, /晚于法定期限1天/);
    });

    it('reports for years before 2019 were due by 3月31日 for everyone (the 1月31日 rule came with the 2019 条例)', () => {
      const t = '海口市水务局2018年政府信息公开工作年度报告';
      assert.deepEqual(lintWith(ID, fm('发布日期: 2019-03-20', t)), []);
      const [m] = lintWith(ID, fm('发布日期: 2019-04-02', t));
      assert.match(m.message, /应于2019年3月31日前公布.*晚于法定期限2天/);
    });
  });

  describe('governments: 3月31日 of the next year', () => {
    it('a report published exactly on 3月31日 is on time', () => {
      assert.deepEqual(lintWith(ID, fm('发布日期: 2020-03-31', GOV)), []);
      assert.deepEqual(lintWith(ID, fm('发布日期: 2020年3月31日', '海口市2019年政府信息公开工作年度报告')), []);
    });

    it('4月1日 is one day late; 2月 is fine for a government', () => {
      const [m] = lintWith(ID, fm('发布日期: 2020-04-01', GOV));
      assert.match(m.message, /^应于2020年3月31日前公布：政府的年度报告（2019年度，/);
      assert.match(m.message, /晚于法定期限1天/);
      assert.equal(m.data?.deadline, '2020-03-31');
      assert.deepEqual(lintWith(ID, fm('发布日期: 2020-02-20', GOV)), []);
    });
  });

  describe('the level', () => {
    it('metadata 机关层级 wins over the name', () => {
      const [m] = lintWith(ID, fm('机关层级: 部门\n发布日期: 2020-02-20', GOV));
      assert.match(m.message, /由元数据“机关层级”声明/);
      assert.equal(m.data?.deadline, '2020-01-31');
      assert.deepEqual(lintWith(ID, fm('机关层级: 政府\n发布日期: 2020-02-20', DEPT)), []);
    });

    it('from 发布机构 when the title names no authority (…人民政府 → government, …委员会 → department)', () => {
      const t = '2019年政府信息公开工作年度报告';
      assert.deepEqual(lintWith(ID, fm('发布机构: 海口市美兰区人民政府\n发布日期: 2020-03-02', t)), []);
      const [m] = lintWith(ID, fm('发布机构: 海口市卫生健康委员会\n发布日期: 2020-03-02', t));
      assert.match(m.message, /由发布机构“海口市卫生健康委员会”推断/);
      assert.equal(m.data?.deadline, '2020-01-31');
    });

    it('a government office named in the title is a department; as 发布机构 alone it is ambiguous', () => {
      const [m] = lintWith(ID, fm('发布日期: 2020-02-20', '海口市人民政府办公厅2019年政府信息公开工作年度报告'));
      assert.equal(m.data?.level, 'department');
      // 发布机构 市政府办公厅 publishes the government's report too: unknown level.
      const t = '2019年政府信息公开工作年度报告';
      const [info] = lintWith(ID, fm('发布机构: 海口市人民政府办公厅\n发布日期: 2020-02-20', t));
      assert.equal(info.severity, 'info');
      assert.match(info.message, /若这是政府部门的年度报告，应于2020年1月31日前公布.*晚于法定期限20天/);
      assert.match(info.message, /机关层级/);
      // After 3月31日 it is late whatever the level.
      const [late] = lintWith(ID, fm('发布机构: 海口市人民政府办公厅\n发布日期: 2020-04-10', t));
      assert.equal(late.severity, 'warning');
      assert.match(late.message, /最迟应于2020年3月31日前公布.*晚于法定期限10天/);
    });

    it('a 街道办事处 is a 派出机关 at the level of a 乡镇: 3月31日, like a 镇人民政府 (FP-6)', () => {
      for (const org of ['海口市龙华区金贸街道办事处', '海口市美兰区海府路街道', '龙华区金贸街道办', '海口市琼山区三门坡镇人民政府']) {
        const title = `${org}2025年政府信息公开工作年度报告`;
        assert.deepEqual(lintWith(ID, fm('发布日期: 2026-03-20', title)), [], org);
        const [m] = lintWith(ID, fm('发布日期: 2026-04-02', title));
        assert.equal(m.data?.level, 'government', org);
      }
      // As 发布机构, and as a declared 机关层级.
      assert.deepEqual(lintWith(ID, fm('发布机构: 海口市龙华区金贸街道办事处\n发布日期: 2026-03-20', '2025年政府信息公开工作年度报告')), []);
      assert.deepEqual(lintWith(ID, fm('机关层级: 街道办事处\n发布日期: 2026-03-20', DEPT.replace('2019', '2025'))), []);
      // The 办事处 of a department is still a department.
      assert.equal(lintWith(ID, fm('发布日期: 2026-02-10', '海口市水务局驻京办事处2025年政府信息公开工作年度报告'))[0].data?.level, 'department');
    });
  });

  describe('the report year', () => {
    it('metadata 报告年度 (2019 / 2019年度) wins over the title', () => {
      const [m] = lintWith(ID, fm('报告年度: 2019年度\n机关层级: 部门\n发布日期: 2020-02-03', '海口市某某局政府信息公开工作年度报告'));
      assert.equal(m.data?.reportYear, 2019);
      assert.equal(m.data?.deadline, '2020-01-31');
    });

    it('without a report year, or without 发布日期, there is nothing to compute', () => {
      assert.deepEqual(lintWith(ID, fm('发布日期: 2020-05-03', '海口市某某局政府信息公开工作年度报告')), []);
      assert.deepEqual(lintWith(ID, fm('成文日期: 2020-05-03', DEPT)), []);
    });

    it('a date inside the report year itself is not judged (not yet due)', () => {
      assert.deepEqual(lintWith(ID, fm('发布日期: 2019-12-30', DEPT)), []);
    });
  });

  describe('not an annual report', () => {
    it('other types, and notices that only cite 《…年度报告格式》', () => {
      assert.deepEqual(lintWith(ID, fm('发布日期: 2020-05-03', '海口市某某管理办法')), []);
      assert.deepEqual(lintWith(ID, fm('发布日期: 2022-05-03', '关于做好2021年政府信息公开工作年度报告编制发布工作的通知')), []);
    });
  });

  describe('real notices', () => {
    it('03 海口市2015年年度报告 (government, 2016-02-26) is on time', () => {
      const text = notice('03-haikou-2015-annual-report-oldformat.txt');
      assert.deepEqual(lintWith(ID, text, { filename: '03.txt' }), []);
      // The same report published after 3月31日 would be late: the level comes from the title (海口市 → government),
      // not from 发布机构 市政府办公厅.
      const late = text.replace('发文日期: 2016年02月26日', '发文日期: 2016年04月06日');
      const [m] = lintWith(ID, late, { filename: '03.txt' });
      // A 2015 report falls under the 2007 条例: 3月31日 for every 行政机关, and the message names that version.
      assert.match(m.message, /^应于2016年3月31日前公布：年度报告（2015年度）按条例（2007） 第三十一条各级行政机关每年3月31日前公布/);
      assert.equal(m.clause.id, '条例（2007） 第三十一条');
      assert.match(m.message, /晚于法定期限6天/);
    });

    it('11 国办公开办函〔2021〕30号 (the format notice, republished) is not a report', () => {
      const text = '---\n标题: 国务院办公厅政府信息与政务公开办公室关于印发《中华人民共和国政府信息公开工作年度报告格式》的通知\n发布日期: 2021-10-08\n---\n\n' + notice('11-guoban-2021-30-nianbao-geshi-republished.txt');
      assert.deepEqual(lintWith(ID, text), []);
    });

    it('12 武汉市生态环境局2020年度报告 (no title in the stored copy) stays quiet; with its title and a late date it fires', () => {
      const raw = notice('12-wuhan-sthjj-2020-nianbao-2019format-tables.txt');
      assert.deepEqual(lintWith(ID, raw, { filename: '12.txt' }), []);
      const text = '---\n标题: 武汉市生态环境局2020年政府信息公开工作年度报告\n发布日期: 2021-02-05\n---\n\n' + raw;
      const [m] = lintWith(ID, text);
      assert.equal(m.data?.level, 'department');
      assert.match(m.message, /2021年1月31日.*晚于法定期限5天/);
    });
  });
});
