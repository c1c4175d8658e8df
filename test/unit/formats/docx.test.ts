import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { readDocx, readSource, lintSource, FormatError, type DocxLocation } from '../../../src/core';
import { ZwgkDocument } from '../../../src/core';
import { FORMATS, p, r, wordPackage, corpusDocx, corpusFiles, splitCorpus } from '../../helpers/formats';

const NUMBERING = `
<w:abstractNum w:abstractNumId="0">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
  <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="（%4）"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>`;

const num = (ilvl: number, id = 1) => `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${id}"/></w:numPr>`;

function lines(text: string): string[] {
  return text.split('\n').filter((l) => l.trim());
}

describe('formats: .docx reader', () => {
  it('writes out Word automatic numbering (一、（一）1.（1）), restarting deeper levels, bullets without a mark', () => {
    const body = [
      p(r('总体要求'), num(0)),
      p(r('坚持全面覆盖。将“双随机、一公开”作为基本手段。'), num(1)),
      p(r('抽查事项清单'), num(2)),
      p(r('随机抽取'), num(3)),
      p(r('随机选派'), num(3)),
      p(r('建立名录库'), num(2)),
      p(r('坚持规范透明。'), num(1)),
      p(r('主要任务'), num(0)),
      p(r('完善制度'), num(1)),
      p(r('普通列表项'), num(0, 2)),
    ].join('');
    const got = lines(readDocx(wordPackage({ body, numbering: NUMBERING })).text);
    assert.deepEqual(got, [
      '一、总体要求', '（一）坚持全面覆盖。将“双随机、一公开”作为基本手段。', '1.抽查事项清单', '（1）随机抽取', '（2）随机选派', '2.建立名录库',
      '（二）坚持规范透明。', '二、主要任务', '（一）完善制度', '普通列表项',
    ]);
    // …and the document model sees them as the 公文 heading levels.
    const doc = new ZwgkDocument(readDocx(wordPackage({ body, numbering: NUMBERING })).text, 'a.docx');
    assert.deepEqual(doc.headings.filter((h) => h.depth === 1).map((h) => h.heading), ['一、总体要求', '二、主要任务']);
    assert.ok(doc.headings.some((h) => h.depth === 2 && h.heading === '（一）坚持全面覆盖'));
  });

  it('takes numbering from a paragraph style (标题 1 with a list)', () => {
    const styles = `<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style>`;
    const body = p(r('工作目标'), '<w:pStyle w:val="1"/>') + p(r('正文。')) + p(r('保障措施'), '<w:pStyle w:val="1"/>');
    assert.deepEqual(lines(readDocx(wordPackage({ body, numbering: NUMBERING, styles })).text), ['一、工作目标', '正文。', '二、保障措施']);
  });

  it('reads tracked changes as accepted (insertions in, deletions out) and says so', () => {
    const body = p(r('根据') + '<w:del w:id="1" w:author="张三"><w:r><w:delText>国办发[2019]15号</w:delText></w:r></w:del>'
      + '<w:ins w:id="2" w:author="张三"><w:r><w:t>国办发〔2019〕15号</w:t></w:r></w:ins>' + r('文件精神，制定本办法。'));
    const d = readDocx(wordPackage({ body }));
    assert.equal(d.text, '根据国办发〔2019〕15号文件精神，制定本办法。');
    assert.ok(d.notes.some((n) => n.includes('修订') && n.includes('插入 1 处') && n.includes('删除 1 处')), d.notes.join());
  });

  it('leaves comments out of the text (a reviewer’s note is not the draft) and counts them', () => {
    const body = p('<w:commentRangeStart w:id="0"/>' + r('请各单位于5月10日前报送材料。') + '<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>');
    const comments = `<w:comment w:id="0" w:author="李四"><w:p>${r('联系人电话13812345678，改为办公电话')}</w:p></w:comment>`;
    const d = readDocx(wordPackage({ body, comments }));
    assert.equal(d.text, '请各单位于5月10日前报送材料。');
    assert.ok(d.notes.some((n) => n.includes('1 条批注')));
  });

  it('reads a text box once (mc:Choice, not its VML fallback), after the paragraph it is anchored in', () => {
    const box = `<w:txbxContent>${p(r('（此件公开发布）'))}</w:txbxContent>`;
    const drawing = `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx>${box}</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>${box}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>`;
    const body = p(r('第一段。')) + p(r('第二段，') + drawing + r('带文本框。')) + p(r('第三段。'));
    const d = readDocx(wordPackage({ body }));
    assert.deepEqual(lines(d.text), ['第一段。', '第二段，带文本框。', '（此件公开发布）', '第三段。']);
    const at = d.text.indexOf('此件');
    assert.deepEqual({ part: d.map.originAt(at)?.part, paragraph: d.map.originAt(at)?.paragraph }, { part: 'textbox', paragraph: 2 });
  });

  it('puts footnotes at the end (no reference mark in the text) and locates them as 脚注N', () => {
    const body = p(r('依据《条例》') + '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="1"/></w:r>' + r('第二十六条。'));
    const footnotes = `<w:footnote w:id="1">${p('<w:r><w:footnoteRef/></w:r>' + r(' 国务院令第711号，2019年4月3日公布。'))}</w:footnote>`;
    const src = readSource('docx', wordPackage({ body, footnotes }));
    assert.deepEqual(lines(src.text), ['依据《条例》第二十六条。', ' 国务院令第711号，2019年4月3日公布。']);
    const loc = src.locate(src.text.indexOf('711号'), src.text.indexOf('711号') + 4) as DocxLocation;
    assert.equal(loc.label, '脚注1');
  });

  it('keeps field results and drops field codes; skips hidden text', () => {
    const field = '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> HYPERLINK "http://www.gov.cn" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
      + r('中国政府网') + '<w:r><w:fldChar w:fldCharType="end"/></w:r>';
    const body = p(r('详见') + field + r('。') + r('（内部备注）', '<w:vanish/>'));
    assert.equal(readDocx(wordPackage({ body })).text, '详见中国政府网。');
  });

  it('turns a leading catalogue table and custom properties into header lines; a stale title property is ignored', () => {
    const tc = (t: string) => `<w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/></w:tcPr>${p(r(t))}</w:tc>`;
    const table = `<w:tbl><w:tblPr/><w:tr>${tc('索 引 号：')}${tc('000014349/2019-00007')}${tc('主题分类：')}${tc('市场监管')}</w:tr><w:tr>${tc('发文机关：')}${tc('国务院')}${tc('成文日期：')}${tc('2019年01月27日')}</w:tr></w:tbl>`;
    const body = table + p(r('国务院关于推行“双随机、一公开”监管的意见')) + p(r('各省、自治区、直辖市人民政府：'));
    const custom = '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="文号"><vt:lpwstr>国发〔2019〕5号</vt:lpwstr></property>';
    const core = '<dc:title>关于印发某某模板的通知</dc:title>';
    const src = readSource('docx', wordPackage({ body, custom, core }));
    assert.deepEqual(src.text.split('\n').slice(0, 7), [
      '索 引 号: 000014349/2019-00007', '主题分类: 市场监管', '发文机关: 国务院', '成文日期: 2019年01月27日', '文号: 国发〔2019〕5号', '',
      '国务院关于推行“双随机、一公开”监管的意见',
    ]);
    const doc = new ZwgkDocument(src.text, 'a.docx');
    assert.equal(doc.meta('发布机构'), '国务院');
    assert.equal(doc.meta('文号'), '国发〔2019〕5号');
    assert.equal(doc.meta('标题'), '', 'a title property the text does not carry is not used');
    const at = src.text.indexOf('国务院\n');
    assert.equal((src.locate(at, at + 3) as DocxLocation).label, '表1 第2行第2列');
    assert.equal((src.locate(src.text.indexOf('国发'), src.text.indexOf('国发') + 2) as DocxLocation).label, '文档属性“文号”');
  });

  it('uses the title property when the text carries it', () => {
    const body = p(r('国务院关于')) + p(r('推行监管的意见'));
    const src = readSource('docx', wordPackage({ body, core: '<dc:title>国务院关于推行监管的意见</dc:title>' }));
    assert.equal(new ZwgkDocument(src.text, 'a.docx').meta('标题'), '国务院关于推行监管的意见');
  });

  it('locates messages: paragraph number (non-empty body paragraphs) and an excerpt with personal numbers masked', () => {
    const body = p(r('关于公示名单的通知')) + p('') + p(r('各乡镇：')) + p(r('联系人王某，身份证号110101199003078515，电话010-12345678。'));
    const src = readSource('docx', wordPackage({ body }));
    const { messages } = lintSource(src, 'a.docx');
    const id = messages.find((m) => m.ruleId === 'personal-id-number');
    assert.ok(id, messages.map((m) => m.ruleId).join());
    const loc = id.location as DocxLocation;
    assert.equal(loc.label, '第3段');
    assert.equal(loc.paragraph, 3);
    assert.ok(loc.excerpt.includes('11**************15'), loc.excerpt);
    assert.ok(!loc.excerpt.includes('110101199003078515'));
    assert.equal(id.fix, undefined, 'no fix: zwgk never rewrites a .docx');
  });

  it('gives a clear message for files that are not .docx', () => {
    assert.throws(() => readDocx(strToU8('不是压缩包')), (e: Error) => e instanceof FormatError && /不是有效的 \.docx/.test(e.message));
    const doc = fs.readFileSync(path.join(FORMATS, 'jx-shuiwu-2023-niluyong-gongshi-1.doc'));
    assert.throws(() => readDocx(doc), (e: Error) => e instanceof FormatError && /\.doc/.test(e.message) && /另存为/.test(e.message));
    assert.throws(() => readDocx(zipSync({ 'xl/workbook.xml': strToU8('<workbook/>') })), /没有 word\/document\.xml/);
    assert.throws(() => readDocx(new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3])), (e: Error) => e instanceof FormatError);
  });

  it('reads real Word files: a 职位表 with merged header rows, an 考试大纲 with typed numbering', () => {
    const table = readSource('docx', fs.readFileSync(path.join(FORMATS, 'yichun-2016-zhiweibiao.docx')));
    const rows = lines(table.text);
    assert.equal(rows[1], '2016年宜春市市直机关遴选公务员（参照管理单位工作人员）职位表');
    assert.ok(rows[2].startsWith('序号 | 部门名称 | 职位名称 | 联系人 | 联系电话 |'), rows[2]);
    const { messages } = lintSource(table, 'x.docx');
    const renamed = messages.filter((m) => m.ruleId === 'renamed-department').map((m) => (m.location as DocxLocation));
    assert.deepEqual(renamed.map((l) => [l.label, l.excerpt]), [['表1 第17行第2列', '宜春市国土资源局'], ['表1 第18行第2列', '宜春市卫生和计划生育委员会']]);

    const outline = readSource('docx', fs.readFileSync(path.join(FORMATS, 'jx-waiban-2022-kaoshi-dagang.docx')));
    const doc = new ZwgkDocument(outline.text, 'y.docx');
    assert.deepEqual(doc.headings.filter((h) => h.depth === 1).map((h) => h.heading), ['一、考试目的', '二、招考职位语种及开考比例', '三、考试安排', '四、专业考试']);
    assert.equal(lines(outline.text).at(-1)!.trim(), '2022年2月21日');
  });

  it('reads corpus documents written with the docx library back to the same header and lines', async () => {
    let n = 0;
    for (const [name, text] of corpusFiles()) {
      if (n++ % 4) continue; // a quarter of the corpus here; the CLI test covers all of it
      const { header, body } = splitCorpus(text);
      const src = readSource('docx', await corpusDocx(text));
      const back = splitCorpus(src.text);
      if (header.length >= 2) assert.deepEqual(back.header.map((h) => h.value), header.map((h) => h.value), name);
      assert.deepEqual(back.body.map((l) => l.trim()), body.map((l) => l.trim()), name);
    }
  });
});
