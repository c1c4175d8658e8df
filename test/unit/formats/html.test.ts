import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import iconv from 'iconv-lite';
import { readSource, readHtmlSource, lintSource, lintText, decodeHtml, ZwgkDocument, type HtmlLocation } from '../../../src/core';
import { CORPUS, FORMATS, corpusHtml, splitCorpus } from '../../helpers/formats';

const read = (f: string) => fs.readFileSync(path.join(FORMATS, f));
const corpus = (f: string) => fs.readFileSync(path.join(CORPUS, f), 'utf8');
const messageKeys = (ms: { ruleId: string; message: string }[]) => ms.map((m) => `${m.ruleId} ${m.message}`).sort();

describe('formats: .html reader', () => {
  for (const [page, txt] of [['wanzai-2022-tongji-gongbao.html', 'notice/wanzai-2022-tongji-gongbao.txt'], ['yichun-2022-tongji-gongbao.html', 'notice/yichun-2022-tongji-gongbao.txt']]) {
    it(`reads the real saved page ${page} to the corpus text of its article (the hidden 附件 line left out)`, () => {
      const src = readSource('html', read(page));
      // The corpus copy kept the page's labels zwgk has no key for (生成日期, 公开方式 …) as lines.
      const want = splitCorpus(corpus(txt)).body.filter((l) => l !== '附件：' && !/^(生成日期|公开方式|公开时限|公开范围): /.test(l));
      assert.deepEqual(splitCorpus(src.text).body, want);
      const doc = new ZwgkDocument(src.text, page);
      assert.equal(doc.title?.text, want.length && splitCorpus(corpus(txt)).header.find((h) => h.key.startsWith('名'))!.value);
      assert.match(doc.meta('索引号'), /^0147\d{5}[A-Z]\/2023-00\d{5}$/);
      assert.match(doc.meta('发布机构'), /统计局$/, 'portal label 责任部门 read as 发布机构');
      // Navigation, footers and scripts are not read.
      assert.ok(!/版权所有|网站标识码|ICP备|window\.|function\(/.test(src.text), src.text.slice(0, 300));
    });
  }

  it('maps every message on a real page back into the HTML source', () => {
    const src = readSource('html', read('wanzai-2022-tongji-gongbao.html'));
    const { messages } = lintSource(src, 'p.html');
    assert.ok(messages.length > 5);
    const doc = new ZwgkDocument(src.text, 'p.html');
    const raw = lintText(src.text, 'p.html').messages;
    for (const [i, m] of messages.entries()) {
      const loc = m.location as HtmlLocation;
      assert.equal(loc.format, 'html');
      const inText = doc.text.slice(raw[i].start, raw[i].end);
      if (m.ruleId === 'fullwidth-punctuation') assert.equal(src.html!.slice(loc.start, loc.end), inText, m.message);
      const before = src.html!.slice(0, loc.start).split('\n');
      assert.equal(m.line, before.length);
      assert.equal(m.column, before[before.length - 1].length + 1);
    }
  });

  it('reads the gov.cn catalogue table with its own labels (主题分类, 发文机关, 发文字号) and drops navigation, share bar, footer and scripts', () => {
    const text = corpus('policy/gov-gf-2019-5-shuangsuiji-jianguan.txt');
    const page = corpusHtml(text, 'govcn').replace(/分  类/g, '主题分类').replace(/发布机构/g, '发文机关').replace(/文  号/g, '发文字号');
    const src = readHtmlSource(page);
    const doc = new ZwgkDocument(src.text, 'p.html');
    assert.equal(doc.meta('分类'), '市场监管、安全生产监管\\工商');
    assert.equal(doc.meta('发布机构'), '国务院');
    assert.equal(doc.meta('文号'), '国发〔2019〕5号');
    assert.equal(doc.meta('成文日期'), '2019年01月27日');
    assert.deepEqual(splitCorpus(src.text).body, splitCorpus(text).body);
    assert.ok(!/首页|分享到|主办单位|_hmt/.test(src.text));
    assert.deepEqual(messageKeys(lintSource(src, 'p.html').messages), messageKeys(lintText(text, 'p.txt').messages));
  });

  it('reads a county portal byline (来源：… 发布时间：…) above the article', () => {
    const html = `<html><head><meta charset="utf-8"></head><body><div class="nav">首页 &gt; 通知公告</div>
<div class="title"><h2>五原县行政执法公示制度</h2></div>
<div class="info"><span>来源:五原县城管执法局</span>&nbsp;&nbsp;<span>发布时间:2024-07-15 15:32</span>&nbsp;<span>浏览次数:</span></div>
<div id="zoom"><p>第一条 为规范行政执法公示工作，制定本制度。</p></div></body></html>`;
    const src = readHtmlSource(html);
    const doc = new ZwgkDocument(src.text, 'p.html');
    assert.equal(doc.meta('发布机构'), '五原县城管执法局');
    assert.equal(doc.meta('发布日期'), '2024-07-15 15:32');
    assert.equal(doc.title?.text, '五原县行政执法公示制度');
    assert.deepEqual(splitCorpus(src.text).body, ['第一条 为规范行政执法公示工作，制定本制度。']);
  });

  it('decodes a GBK page by its <meta charset=gb2312> and maps positions into the decoded HTML', () => {
    const text = corpus('gongshi/bj-2021-yishi-kaoshi-shoufei-biaozhun.txt');
    const page = corpusHtml(text, 'county', 'gb2312');
    const bytes = iconv.encode(page, 'gbk');
    assert.notDeepEqual(bytes, Buffer.from(page, 'utf8'));
    const d = decodeHtml(bytes);
    assert.equal(d.encoding, 'gb18030');
    assert.equal(d.html, page);
    const src = readSource('html', bytes);
    assert.deepEqual(splitCorpus(src.text).body, splitCorpus(text).body.map((l) => l.replace(/ \|$/, ' |').trim()));
    for (const m of lintSource(src, 'p.html').messages) {
      const loc = m.location as HtmlLocation;
      assert.ok(loc.start >= page.indexOf('UCAP-CONTENT') || loc.start < page.indexOf('<body>') + 2000, `${m.ruleId} at ${loc.start}`);
    }
  });

  it('shows whitespace as a browser does: runs collapse, a line break between Chinese characters vanishes, <br> ends a line; references map to their source', () => {
    const html = '<div id="zoom"><p>各乡镇人民\n    政府，县直各单位：</p><p>请于5月10日前&nbsp;报送,联系电话&#65306;010-12345678<br>附件&amp;名单</p></div>';
    const src = readHtmlSource(html);
    assert.deepEqual(src.text.split('\n'), ['各乡镇人民政府，县直各单位：', '请于5月10日前 报送,联系电话：010-12345678', '附件&名单']);
    const comma = src.text.indexOf(',');
    const loc = src.locate(comma, comma + 1) as HtmlLocation;
    assert.equal(html.slice(loc.start, loc.end), ',');
    const colon = src.text.indexOf('：010');
    const cl = src.locate(colon, colon + 1) as HtmlLocation;
    assert.equal(html.slice(cl.start, cl.end), '&#65306;');
  });

  it('falls back to the element with the most Chinese paragraphs when no known content container exists', () => {
    const html = `<body><div class="menu"><p>首页</p><p>机构概况</p></div><div class="main-wrap"><p>关于开展安全生产大检查的通知</p><p>各有关单位：为切实做好安全生产工作，现就有关事项通知如下。</p></div><div class="bottom"><p>版权所有：某某县人民政府</p></div></body>`;
    const src = readHtmlSource(html);
    assert.deepEqual(src.text.split('\n'), ['关于开展安全生产大检查的通知', '各有关单位：为切实做好安全生产工作，现就有关事项通知如下。']);
  });
});
