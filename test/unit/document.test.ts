import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ZwgkDocument, inferKind } from '../../src/core';

const inferDocType = (title: string) => inferKind({ title, meta: () => undefined });
import { parserInput } from '../../src/core/document';

const SEED = fs.readFileSync(path.join(__dirname, '../fixtures/seed/haikou-2019-zwgk-yaodian.txt'), 'utf8');

describe('document model', () => {
  it('plain text: body starts after the catalogue header; headings from Chinese numbering', () => {
    const doc = new ZwgkDocument(SEED, 'seed.txt');
    assert.equal(doc.format, 'text');
    assert.ok(doc.bodyStart > 0 && !SEED.slice(doc.bodyStart).startsWith('文  号'));
    assert.deepEqual(doc.headings.slice(0, 3).map((h) => [h.heading, h.depth]), [
      ['一、聚焦政策落实,深化重点领域信息公开', 1],
      ['(一)推进决策和执行公开', 2],
      ['(二)细化三大攻坚战信息公开', 2],
    ]);
    // No segment overlaps the header.
    assert.ok(doc.segments.every((s) => s.start >= doc.bodyStart));
    assert.equal(doc.title?.from, 'metadata');
  });

  it('markdown: headings, table cells and paragraphs as blocks; title from the first heading', () => {
    const text = '# 海口市某某项目资金公示\n\n一、项目安排\n\n| 受益贫困户 | 资金使用 |\n|---|---|\n| 张某 | 1万元 |\n';
    const doc = new ZwgkDocument(text, 'a.md');
    assert.equal(doc.title?.text, '海口市某某项目资金公示');
    assert.ok(doc.blocks.some((b) => b.kind === 'tableCell' && b.text === '受益贫困户'));
    assert.ok(doc.headings.some((h) => h.heading === '一、项目安排' && h.depth === 1));
  });

  it('infers the type from the title and says why', () => {
    assert.equal(inferDocType('关于《海口市某某办法》的解读').value, '政策解读');
    assert.equal(inferDocType('一图读懂《海口市某某办法》').value, '政策解读');
    assert.equal(inferDocType('图解：2026年海口市政府工作报告').value, '政策解读');
    assert.equal(inferDocType('海口市卫健委2019年政府信息公开工作年度报告').value, '年度报告');
    assert.equal(inferDocType('关于公开征求《某某条例（草案）》意见的公告').value, '决策草案');
    assert.equal(inferDocType('某镇2019年扶贫项目资金公示').value, '扶贫公示');
    assert.equal(inferDocType('2020年海口市义务教育学校招生工作实施细则').value, '招生公告');
    // 要点 (a work plan) may or may not be a 政策性文件 needing a 解读: a policy, but not a sure one.
    assert.deepEqual([inferDocType('海口市人民政府办公室关于印发 2019 年政务公开工作要点的通知').value, inferDocType('海口市人民政府办公室关于印发 2019 年政务公开工作要点的通知').confidence], ['政策文件', 'low']);
    assert.equal(inferDocType('海口市某某管理办法').value, '政策文件');
    assert.match(inferDocType('某某区2019年政府信息公开工作年度报告').reason, /年度报告/);
  });

  it('FN-5: 乡村振兴 / 衔接资金 / 脱贫 notices are 扶贫公示; a 乡村振兴 award list is not', () => {
    for (const t of ['关于2025年度乡村振兴衔接资金项目的公示', '琼山区2025年巩固拓展脱贫攻坚成果同乡村振兴有效衔接项目公示', '三门坡镇2025年产业帮扶项目受益脱贫户公示', '2026年乡村振兴项目资金安排公告']) {
      assert.equal(inferDocType(t).value, '扶贫公示', t);
    }
    assert.match(inferDocType('关于2025年度乡村振兴衔接资金项目的公示').reason, /扶贫项目或资金（“乡村振兴衔接资金项目”），文种为“公示”/);
    assert.equal(inferDocType('2026年乡村振兴示范村评选结果公示').value, '其他');
    // A list of households under monitoring carries no 项目安排 / 资金使用: not the 要点's 扶贫 notice.
    assert.equal(inferDocType('2026年防返贫监测对象公示').value, '其他');
  });

  it('M-9: the reason fits the title: “印发…办法的通知” takes the kind of what it issues', () => {
    assert.match(inferDocType('海口市人民政府关于印发海口市某某管理办法的通知').reason, /所印发文件的文种为“实施办法”/);
    assert.match(inferDocType('海口市某某管理办法').reason, /文种“实施办法”/);
  });

  it('an unknown declared 文档类型 falls back to inference and never fails', () => {
    const doc = new ZwgkDocument('---\n文档类型: 奇怪类型\n标题: 某区2020年政府信息公开工作年度报告\n---\n', 'a.md');
    assert.equal(doc.type.value, '年度报告');
    assert.match(doc.type.reason, /不是已知类型/);
  });

  it('position of the very end of the text', () => {
    const doc = new ZwgkDocument('甲\n乙', 'a.md');
    assert.deepEqual(doc.positionAt(3), { line: 2, column: 2 });
  });

  it('pathological long lines reach the parser with their inline markup neutralised, same length', () => {
    const long = '*a'.repeat(20000);
    const text = `# 标题\n\n正文 **重点**\n\n${long}\n`;
    const input = parserInput(text);
    assert.equal(input.length, text.length);
    assert.ok(input.startsWith('# 标题\n\n正文 **重点**\n\n'), 'ordinary lines are untouched');
    assert.ok(!input.slice(input.indexOf('xa')).includes('*'));
    const doc = new ZwgkDocument(text, 'a.md');
    // The long line is still prose: its raw text (with the asterisks) is what rules scan.
    assert.ok(doc.segments.some((s) => text.slice(s.start, s.end) === long));
  });
});
