import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { zipSync, strToU8 } from 'fflate';
import { readDocx, readHtmlSource, lintSource, FormatError, readSource, type HtmlLocation } from '../../../src/core';

const RUNS = Number(process.env.ZWGK_FC_RUNS ?? 150);
const SEED = 20190621;

const xmlish = fc.array(fc.oneof(
  fc.constantFrom('<w:p>', '</w:p>', '<w:r>', '</w:r>', '<w:t>', '</w:t>', '<w:tbl><w:tr><w:tc>', '</w:tc></w:tr></w:tbl>', '<w:br/>', '<w:tab/>',
    '<w:del>', '</w:del>', '<w:ins>', '</w:ins>', '<w:fldChar w:fldCharType="begin"/>', '<w:fldChar w:fldCharType="end"/>', '<w:numPr><w:numId w:val="1"/></w:numPr>',
    '&amp;', '&#x4E00;', '&bogus;', '<![CDATA[', ']]>', '<!--', '-->', '"', "'", '<', '>'),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
), { maxLength: 60 }).map((xs) => xs.join(''));

describe('formats: any input', () => {
  it('a .docx with any document.xml never throws anything but a FormatError, and its map stays inside the text', () => {
    fc.assert(fc.property(xmlish, (body) => {
      const bytes = zipSync({ 'word/document.xml': strToU8(`<w:document><w:body>${body}</w:body></w:document>`), 'word/numbering.xml': strToU8(body) });
      try {
        const src = readSource('docx', bytes);
        const { messages } = lintSource(src, 'a.docx');
        for (const m of messages) assert.ok(m.location && m.location.format === 'docx' && typeof m.location.label === 'string');
      } catch (e) {
        assert.ok(e instanceof FormatError, String(e));
      }
    }), { numRuns: RUNS, seed: SEED });
  });

  it('random bytes named .docx give a FormatError', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), (b) => {
      assert.throws(() => readDocx(b), (e: Error) => e instanceof FormatError);
    }), { numRuns: RUNS, seed: SEED });
  });

  it('any HTML reads without an exception, and every message points inside the HTML', () => {
    const htmlish = fc.array(fc.oneof(
      fc.constantFrom('<p>', '</p>', '<div id="zoom">', '</div>', '<br>', '<table><tr><td>', '</td><td>', '</td></tr></table>', '&nbsp;', '&amp;', '&#12289;', '<script>x<', '</script>',
        '<td>索 引 号：</td>', '<td>发布机构：</td>', '来源：某局 发布时间：2024-07-15', '<h1 class="title">', '</h1>', '，', ',', '身份证号110101199003078515', '\n', '\r\n', '<!--', '-->'),
      fc.string({ unit: 'grapheme', maxLength: 10 }),
    ), { maxLength: 60 }).map((xs) => xs.join(''));
    fc.assert(fc.property(htmlish, (html) => {
      const src = readHtmlSource(html);
      for (const m of lintSource(src, 'a.html').messages) {
        const loc = m.location as HtmlLocation;
        assert.ok(loc.start >= 0 && loc.start <= loc.end && loc.end <= html.length, `${m.ruleId} ${loc.start}-${loc.end} of ${html.length}`);
        assert.ok(!m.message.includes('110101199003078515'));
      }
    }), { numRuns: RUNS, seed: SEED });
  });
});
