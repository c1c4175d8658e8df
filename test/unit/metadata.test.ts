import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ZwgkDocument, getField, getDateField, headerPairs, readHeader } from '../../src/core';
import { hasCatalogueKeys, catalogueKeysIn, HEADER_KEY_PATTERN, yamlErrorText } from '../../src/core/metadata';

const SEED = fs.readFileSync(path.join(__dirname, '../fixtures/seed/haikou-2019-zwgk-yaodian.txt'), 'utf8');

describe('metadata: catalogue header (the seed\'s style)', () => {
  const doc = new ZwgkDocument(SEED, 'seed.txt');

  it('reads every pair, with spaced keys and several pairs a line', () => {
    const got = doc.metadata.fields.map((f) => [f.key, f.rawKey, f.value]);
    assert.deepEqual(got, [
      ['索引号', '索 引 号', '00817804-9/2019-13123'],
      ['分类', '分类', '规划计划'],
      ['发布机构', '发布机构', '市政府办公室'],
      ['发布日期', '发文日期', '2019年06月24日'],
      ['标题', '名  称', '海口市人民政府办公室关于印发 2019 年政务公开工作要点的通知'],
      ['文号', '文  号', '海府办函〔2019〕168号'],
      ['主题词', '主 题 词', ''],
    ]);
    assert.equal(doc.metadata.source, 'header');
  });

  it('keeps exact source ranges for keys and values', () => {
    for (const f of doc.metadata.fields) {
      assert.equal(SEED.slice(f.start, f.end), f.value);
      assert.equal(SEED.slice(f.keyStart, f.keyEnd), f.rawKey);
    }
  });

  it('parses dates in 年月日 form', () => {
    const d = getDateField(doc.metadata, '发布日期');
    assert.ok(d);
    assert.deepEqual([d.year, d.month, d.day, d.valid], [2019, 6, 24, true]);
  });

  it('accepts the full-width colon and a value that contains a colon-free slash', () => {
    const pairs = headerPairs('索引号：11460100MB0000000X/2026-00001　分类：政策文件');
    assert.deepEqual(pairs.map((p) => [p.key, p.value]), [['索引号', '11460100MB0000000X/2026-00001'], ['分类', '政策文件']]);
  });

  it('stops at the first line that does not start with a key', () => {
    const m = readHeader('标题: 某某通知\n发布机构: 市政府\n\n正文：分类: 不是元数据\n');
    assert.deepEqual(m.fields.map((f) => f.key), ['标题', '发布机构']);
  });

  it('finds no header when the text starts with prose', () => {
    const m = readHeader('各区人民政府：\n标题: 这不是目录\n');
    assert.equal(m.source, 'none');
    assert.equal(m.fields.length, 0);
  });

  it('ignores a key word inside a value (no space before it)', () => {
    const pairs = headerPairs('标题: 关于公开分类:目录的通知');
    assert.equal(pairs.length, 1);
    assert.equal(pairs[0].value, '关于公开分类:目录的通知');
  });
});

describe('metadata: saved portal pages (FP-2)', () => {
  const FIX = path.join(__dirname, '../fixtures/real-notices');
  const notice = (name: string) => fs.readFileSync(path.join(FIX, name), 'utf8');
  const fields = (text: string) => readHeader(text).fields.map((f) => [f.key, f.value]);

  it('keys padded with up to 8 spaces (名    称:, 分        类:) are keys; the value never takes the next key in', () => {
    const text = '索 引 号: 00817804-9/2026-00231 分    类: 规范性文件\n名    称: 关于X的通知\n文        号: 海府办函〔2026〕91号 主 题 词:\n公开属性: 主动公开\n\n正文\n';
    assert.deepEqual(fields(text), [
      ['索引号', '00817804-9/2026-00231'], ['分类', '规范性文件'], ['标题', '关于X的通知'], ['文号', '海府办函〔2026〕91号'], ['主题词', ''], ['公开属性', '主动公开'],
    ]);
    const m = readHeader(text);
    for (const f of m.fields) assert.equal(text.slice(f.start, f.end), f.value);
    // Nine spaces are too many: 分 and 类 are then two words, not a key.
    assert.deepEqual(headerPairs('索引号: 1/2026-1 分         类: 通知').map((p) => p.key), ['索引号']);
  });

  it('a value ends before an unknown key (two spaces then CJK and a colon, or one space and a 2–4 character key)', () => {
    // 信息来源 is a synonym of 发布机构 (the first one read wins); 作者 is a label zwgk does not know: it
    // ends the value before it and is kept, unknown.
    assert.deepEqual(headerPairs('发布机构：海口市人民政府办公室　　信息来源：本网　　发文日期：2026-04-17').map((p) => [p.key, p.value]), [
      ['发布机构', '海口市人民政府办公室'], ['发布机构', '本网'], ['发布日期', '2026-04-17'],
    ]);
    assert.deepEqual(headerPairs('发布时间:2024-07-15 15:32 作者:五原县城管执法局').map((p) => [p.key, p.value]), [['发布日期', '2024-07-15 15:32'], [undefined, '五原县城管执法局']]);
    // A colon in a value with no key before it stays in the value.
    assert.equal(headerPairs('标题: 关于公开分类:目录的通知')[0].value, '关于公开分类:目录的通知');
  });

  it('up to 4 lines (not counting breadcrumbs) may stand above the header: a breadcrumb, the SOURCE:/NOTE: lines of a stored copy', () => {
    const crumb = '当前位置：首页 > 政府信息公开 > 通知公告\n\n索 引 号: 00817804-9/2026-00231 分类: 通知公告\n发布机构: 海口市人民政府办公室 发文日期: 2026-04-17\n名  称: 海口市人民政府办公室关于X的通知\n\n海口市人民政府办公室关于X的通知\n\n正文。\n';
    const d = new ZwgkDocument(crumb, 'crumb.txt');
    assert.equal(d.metadata.source, 'header');
    assert.equal(d.meta('发布机构'), '海口市人民政府办公室');
    assert.equal(d.title?.text, '海口市人民政府办公室关于X的通知');
    assert.equal(d.metadata.titleLine, undefined, 'a breadcrumb is not a title');
    // The stored fixtures: SOURCE: and NOTE: above the Haikou header.
    const n03 = new ZwgkDocument(notice('03-haikou-2015-annual-report-oldformat.txt'), '03.txt');
    assert.equal(n03.metadata.source, 'header');
    assert.deepEqual([n03.meta('索引号'), n03.meta('发布日期'), n03.type.value], ['00817804-9/2023-08749', '2016年02月26日', '年度报告']);
    assert.equal(new ZwgkDocument(notice('04-haikou-2020-yiwu-jiaoyu-zhaosheng.txt'), '04.txt').type.value, '招生公告');
  });

  it('real notice 08: title line, then the byline 来源/发布时间 (aliases of 发布机构/发布日期)', () => {
    for (const text of [notice('08-wuyuan-xingzheng-zhifa-gongshi-zhidu.txt'), notice('08-wuyuan-xingzheng-zhifa-gongshi-zhidu.txt').replace(/^SOURCE:.*\n(?:NOTE:.*\n)?\s*/, '')]) {
      const d = new ZwgkDocument(text, '08.txt');
      assert.deepEqual(d.metadata.fields.filter((f) => f.known).map((f) => [f.key, f.rawKey, f.value]), [['发布机构', '来源', '五原县城管执法局'], ['发布日期', '发布时间', '2024-07-15 15:32']]);
      // A 制度 about 行政执法公示 is not itself an 执法公示 (issue 8).
      assert.deepEqual([d.title?.text, d.title?.from, d.type.value], ['行政执法公示制度', 'line', '其他']);
      assert.equal(text.slice(d.title!.start, d.title!.end), '行政执法公示制度');
      assert.ok(d.blocks[0].text.startsWith('第一章'), 'the body starts after the byline');
    }
  });

  it('not a header: one key after prose lines, or a header more than 4 lines down', () => {
    assert.equal(readHeader('关于公开征求《某办法》意见的公告\n现公开征求意见。\n征求意见期限：2026年5月6日至6月4日\n').source, 'none');
    assert.equal(readHeader('一\n二\n三\n四\n五\n索引号: 1/2026-1 分类: 通知\n发布机构: 市政府\n').source, 'none');
    assert.equal(readHeader('一\n二\n三\n四\n索引号: 1/2026-1 分类: 通知\n发布机构: 市政府\n').source, 'header');
    // Breadcrumbs and page tools do not count as lines above the header.
    assert.equal(readHeader('返回顶部\n当前位置：首页 > 政务公开\n> 通知公告\n一\n二\n三\n四\n索引号: 1/2026-1 分类: 通知\n发布机构: 市政府\n').source, 'header');
  });

  it('hasCatalogueKeys / catalogueKeysIn: known keys at line starts near the top (for the server and the extension)', () => {
    assert.ok(hasCatalogueKeys(SEED));
    assert.deepEqual([...catalogueKeysIn('---\n标题: x\n发文日期: 2026-01-01\n---\n')], ['标题', '发布日期']);
    assert.ok(hasCatalogueKeys('名    称: 关于X的通知\n', 1));
    assert.ok(!hasCatalogueKeys('名    称: 关于X的通知\n'));
    assert.ok(!hasCatalogueKeys('# 周会记录\n\n本文标题: 略\n会议分类: 内部\n'));
    assert.ok(new RegExp(HEADER_KEY_PATTERN).test('索  引  号：1'));
  });
});

describe('metadata: YAML front matter', () => {
  const text = '---\n标题: 海口市某某管理办法\n文档类型: 规范性文件\n成文日期: 2026年3月2日\n报告年度: 2019\n主题词: [政务公开, 解读]\nfoo: bar\n---\n\n# 海口市某某管理办法\n';
  const doc = new ZwgkDocument(text, 'a.md');

  it('reads known and unknown keys with ranges', () => {
    assert.equal(doc.metadata.source, 'front-matter');
    assert.equal(doc.meta('标题'), '海口市某某管理办法');
    assert.equal(doc.meta('报告年度'), '2019');
    assert.equal(doc.meta('主题词'), '政务公开、解读');
    const foo = doc.metadata.fields.find((f) => f.key === 'foo');
    assert.ok(foo && !foo.known);
    const f = getField(doc.metadata, '成文日期')!;
    assert.equal(text.slice(f.start, f.end), '2026年3月2日');
  });

  it('takes the declared document type', () => {
    assert.deepEqual([doc.type.value, doc.type.inferred], ['规范性文件', false]);
  });

  it('keeps ranges exact with CRLF line endings', () => {
    const crlf = text.replace(/\n/g, '\r\n');
    const d = new ZwgkDocument(crlf, 'a.md');
    const f = getField(d.metadata, '成文日期')!;
    assert.equal(crlf.slice(f.start, f.end), '2026年3月2日');
    assert.equal(d.eol, '\r\n');
  });

  it('reports broken YAML as a problem and still parses the body', () => {
    const d = new ZwgkDocument('---\n标题: [未闭合\n---\n\n# 正文\n', 'b.md');
    assert.ok(d.metadata.problems.length > 0);
    assert.ok(d.blocks.some((b) => b.text === '正文'));
  });

  it('M-5: YAML errors are explained in Chinese, by error code, with what to do', () => {
    const msgs = (fm: string) => new ZwgkDocument(`---\n${fm}---\n\n# 正文\n`, 'y.md').metadata.problems.map((p) => p.message);
    assert.match(msgs('标题: 关于: 印发\n')[0], /^前置元数据（YAML）格式错误：值中的“: ”.*请用引号括起/);
    assert.match(msgs('标题: [未闭合\n')[0], /缩进不一致|配对/);
    assert.match(msgs('a:\n  b: 1\n c: 2\n')[0], /缩进不一致/);
    assert.match(msgs('标题:\n\t- a\n')[0], /制表符/);
    assert.match(msgs('标题: "abc\n')[0], /引号/);
    for (const m of [...msgs('标题: 关于: 印发\n  错误缩进: x\n'), ...msgs('标题: @x\n'), ...msgs('标题: "a"b\n')]) {
      assert.ok(!/[A-Za-z]{3,}/.test(m.replace(/YAML|Tab/g, '')), `no English: ${m}`);
    }
    assert.equal(yamlErrorText('SOMETHING_NEW', 'Strange thing\nmore'), '无法解析（Strange thing）；请按“键: 值”逐行书写，值中含冒号时用引号括起');
  });

  it('reports front matter that is never closed', () => {
    const d = new ZwgkDocument('---\n标题: 某某\n\n正文\n', 'c.md');
    assert.equal(d.metadata.problems.length, 1);
    assert.match(d.metadata.problems[0].message, /没有结束/);
  });
});
