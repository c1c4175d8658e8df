import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ZwgkDocument, getField, getDateField, headerPairs, readHeader } from '../../src/core';

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

  it('reports front matter that is never closed', () => {
    const d = new ZwgkDocument('---\n标题: 某某\n\n正文\n', 'c.md');
    assert.equal(d.metadata.problems.length, 1);
    assert.match(d.metadata.problems[0].message, /没有结束/);
  });
});
