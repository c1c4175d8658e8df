import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintWith, fixWith, spanOf } from '../../helpers/lint';
import { ZwgkDocument, type LintMessage } from '../../../src/core';

const ID = 'fullwidth-punctuation';
/** Every mark on its own (these tests are about what is detected, not how a systematic cause is folded). */
const PER_MARK = { foldAt: 0 };
const FIX = path.resolve(__dirname, '../../fixtures');
const seed = fs.readFileSync(path.join(FIX, 'seed/haikou-2019-zwgk-yaodian.txt'), 'utf8');
const notices = fs.readdirSync(path.join(FIX, 'real-notices')).filter((f) => f.endsWith('.txt'));
const laws = fs.readdirSync(path.join(FIX, 'laws')).filter((f) => f.endsWith('.md'));

const HALF = /[,.:;?!()]/;
const FULL: Record<string, string> = { ',': '，', '.': '。', ':': '：', ';': '；', '?': '？', '!': '！', '(': '（', ')': '）' };

function spans(text: string, filename = 'draft.md'): string[] {
  return lintWith(ID, text, { filename, options: PER_MARK }).map((m) => spanOf(text, m));
}

/** Every message: one half-width mark, fixed to its full-width form (or 、 after 一.). */
function assertWellFormed(text: string, msgs: LintMessage[]): void {
  for (const m of msgs) {
    const s = spanOf(text, m);
    if (/^\.{3}(?:\.{3})?$/.test(s)) { assert.equal(m.fix?.text, '……'); continue; }
    assert.equal(s.length, 1, `1-character range, got ${JSON.stringify(s)}`);
    assert.ok(HALF.test(s));
    assert.ok(m.fix && m.fix.range[1] === m.end && (m.fix.text === FULL[s] || (s === '.' && m.fix.text === '、')));
    assert.ok(!(/[0-9]/.test(text[m.start - 1] ?? '') && /[0-9]/.test(text[m.end] ?? '')), `inside a digit run: ${text.slice(m.start - 8, m.end + 8)}`);
  }
}

describe('fullwidth-punctuation', () => {
  describe('the seed (its stored copy has half-width punctuation: every report is a true positive)', () => {
    const msgs = lintWith(ID, seed, { filename: 'seed.txt', options: PER_MARK });
    const doc = new ZwgkDocument(seed, 'seed.txt');

    it('reports exactly the half-width marks of the body, one message each', () => {
      const count: Record<string, number> = {};
      for (const m of msgs) count[spanOf(seed, m)] = (count[spanOf(seed, m)] ?? 0) + 1;
      assert.deepEqual(count, { ',': 170, ':': 7, '(': 37, ')': 37, '?': 1 });
      // Independent count: every half-width mark after the catalogue header is one of them.
      const inBody = [...seed.slice(doc.bodyStart)].filter((c) => HALF.test(c)).length;
      assert.equal(msgs.length, inBody);
      assertWellFormed(seed, msgs);
    });
    it('leaves the catalogue header alone (索 引 号: … 发文日期: …)', () => {
      assert.ok(doc.metadata.block);
      assert.ok(msgs.every((m) => m.start >= doc.bodyStart));
    });
    it('never lands inside the footer phone numbers or other digit runs', () => {
      for (const num of ['0898-68725613', '0898-68710000', '0898-12345', '4601000009', '46010002000008']) {
        let at = seed.indexOf(num);
        assert.ok(at > 0, num);
        for (; at >= 0; at = seed.indexOf(num, at + 1)) {
          assert.ok(msgs.every((m) => m.start < at || m.start >= at + num.length), num);
        }
      }
      // The mark before the number is the 电话: colon, a true positive.
      const colon = seed.indexOf('技术支持电话:') + '技术支持电话'.length;
      assert.ok(msgs.some((m) => m.start === colon && m.fix!.text === '：'));
    });
    it('pairs the brackets: (一) (此件主动公开) IPv6(互联网协议第6版) (国办发〔2018〕123号)', () => {
      for (const snippet of ['(一)推进决策', '(此件主动公开)', 'IPv6(互联网协议第6版)', '(国办发〔2018〕123号)', '镇(街)、村(居)']) {
        const at = seed.indexOf(snippet);
        const open = at + snippet.indexOf('(');
        const close = at + snippet.indexOf(')');
        assert.ok(msgs.some((m) => m.start === open) && msgs.some((m) => m.start === close), snippet);
      }
    });
    it('the fixed seed has no half-width mark left in its body, the header is unchanged, and a second fix changes nothing', () => {
      const fixed = fixWith(ID, seed, { filename: 'seed.txt', options: PER_MARK });
      const fixedDoc = new ZwgkDocument(fixed, 'seed.txt');
      assert.equal(fixed.slice(0, fixedDoc.bodyStart), seed.slice(0, doc.bodyStart));
      assert.ok(!HALF.test(fixed.slice(fixedDoc.bodyStart)));
      assert.ok(fixed.includes('各区人民政府，市政府直属各单位：'));
      assert.ok(fixed.includes('网站技术支持电话：0898-68725613'));
      assert.equal(fixWith(ID, fixed, { filename: 'seed.txt', options: PER_MARK }), fixed);
      assert.equal(fixed.length, seed.length);
    });
  });

  describe('real notices (punctuation damaged by the stored copy: reports expected, crashes not)', () => {
    for (const f of notices) {
      it(f, () => {
        const text = fs.readFileSync(path.join(FIX, 'real-notices', f), 'utf8');
        const msgs = lintWith(ID, text, { filename: f, options: PER_MARK });
        // The stored copies lost their full-width marks: there is something to report, never in the catalogue header.
        assert.ok(msgs.length > 0, 'the stored copy has half-width marks');
        const bodyStart = new ZwgkDocument(text, f).bodyStart;
        assert.deepEqual(msgs.filter((m) => m.start < bodyStart).map((m) => `${m.line}:${m.column}`), [], 'no report in the catalogue header');
        assertWellFormed(text, msgs);
        const fixed = fixWith(ID, text, { filename: f, options: PER_MARK });
        assert.equal(fixWith(ID, fixed, { filename: f, options: PER_MARK }), fixed);
        assert.deepEqual(lintWith(ID, fixed, { filename: f, options: PER_MARK }).map((m) => `${m.line}:${m.column} ${m.message}`), [], 'the fix leaves nothing to report');
        // URLs survive the fix untouched.
        for (const url of text.match(/https?:\/\/[A-Za-z0-9\-._~:/?#@!$&'*+,;=%]{1,300}/g) ?? []) {
          const core = url.replace(/[.,:;?!)]+$/, '');
          assert.ok(fixed.includes(core), `${core} changed`);
        }
      });
    }
    for (const f of laws) {
      it(`law text ${f}: only the half-width brackets 办公厅(室) (一) are reported`, () => {
        const text = fs.readFileSync(path.join(FIX, 'laws', f), 'utf8');
        const msgs = lintWith(ID, text, { filename: f, options: PER_MARK });
        assert.ok(msgs.length > 0);
        assert.deepEqual([...new Set(msgs.map((m) => spanOf(text, m)))].sort(), ['(', ')']);
        assertWellFormed(text, msgs);
      });
    }
  });

  describe('stays quiet', () => {
    it('on quoted examples without Chinese (FP-8); a quotation with Chinese in it is still checked', () => {
      assert.deepEqual(spans('如将“〔2026〕”写成“(2026)”，把“,”改为“，”，或写成‘(a)’。'), []);
      assert.deepEqual(spans('标题写成“关于(试行)的通知”。'), ['(', ')']);
      assert.deepEqual(spans('他说“好,走”。'), [',']);
    });
    it('on numbers, times, ratios, decimals, thousands and list numbers', () => {
      const text = '增长3.5%，合计1,000万元；10:30开始，比例1:2，第3.2节，版本v2.0。\n\n1.加强组织领导。\n\n2.完善制度。\n';
      assert.deepEqual(spans(text), []);
      assert.deepEqual(spans(text, 'a.txt'), []);
    });
    it('on URLs, e-mail addresses and file names in plain text', () => {
      const text = '网址：http://www.haikou.gov.cn/xxgk/index.html?a=1,2&b=(3) 邮箱：zwgk@haikou.gov.cn 附件：政务公开要点.docx、a.md\n';
      assert.deepEqual(spans(text, 'a.txt'), []);
    });
    it('on Markdown links, autolinks, images, inline code and code blocks', () => {
      const text = [
        '详见[政务公开专栏](http://www.haikou.gov.cn/zwgk/(2019)/index.html "标题:说明")。',
        '',
        '访问 <https://www.gov.cn/zhengce/a,b.htm> 或 https://www.haikou.gov.cn/a?b=1 。',
        '',
        '![图:流程](img/flow(1).png)',
        '',
        '配置：`发布机构:市政府,分类:规划`，命令 `zwgk lint --fix drafts/`。',
        '',
        '```yaml',
        '标题: 海口市政务公开要点',
        '发布日期: 2019-06-24',
        '```',
        '',
      ].join('\n');
      assert.deepEqual(spans(text), []);
    });
    it('on front matter keys and values', () => {
      const text = '---\n标题: 海口市2019年政务公开工作要点\n文号: 海府办函〔2019〕168号\n---\n\n正文。\n';
      assert.deepEqual(spans(text), []);
    });
    it('on English text, abbreviations and English ellipses; a Chinese ellipsis written ... or ...... is reported (FN-7)', () => {
      const text = 'Open Government Information (OGI), see U.S. practice... and so on\n\n注:U.S.政府\n';
      assert.deepEqual(spans(text), [':']);
      const cn = '等等...\n\n包括政务公开......等工作。共....项。[... the stored copy ends here ...]\n';
      const msgs = lintWith(ID, cn);
      assert.deepEqual(msgs.map((m) => spanOf(cn, m)), ['...', '......']);
      assert.equal(msgs[0].message, '应为省略号“……”：中文文本中不用“...”');
      assert.equal(fixWith(ID, cn), '等等……\n\n包括政务公开……等工作。共....项。[... the stored copy ends here ...]\n');
    });
    it('on brackets around numbers between digits and in English: 电话(0898)68725613, version (2019) of', () => {
      assert.deepEqual(spans('联系电话(0898)68725613。'), []);
      assert.deepEqual(spans('This is version (2019) of the list.'), []);
    });
    it('on a 文号 written with round brackets (doc-number-format owns it)', () => {
      assert.deepEqual(spans('按照海府办函(2019)168号文件执行。'), []);
    });
    it('on HTML entities and HTML in Markdown', () => {
      assert.deepEqual(spans('版权所有&copy;海口市人民政府。<span style="color:red">注意</span>'), []);
    });
  });

  describe('fires', () => {
    it('with exact one-character ranges and one message per mark', () => {
      const text = '各区人民政府,市政府直属各单位:';
      const msgs = lintWith(ID, text);
      assert.deepEqual(msgs.map((m) => [m.start, m.end, m.fix!.text]), [[6, 7, '，'], [15, 16, '：']]);
      assert.deepEqual(msgs.map((m) => m.column), [7, 16]);
      assert.ok(msgs[0].message.includes('，') && msgs[0].message.includes(','));
    });
    it('on a half-width mark after Markdown emphasis: **注意**:请', () => {
      const text = '**注意**:请于6月30日前报送!';
      assert.deepEqual(spans(text), [':', '!']);
      assert.equal(fixWith(ID, text), '**注意**：请于6月30日前报送！');
    });
    it('a Markdown-escaped bracket is replaced together with its backslash', () => {
      const text = '\\(此件主动公开\\)';
      const msgs = lintWith(ID, text);
      assert.deepEqual(msgs.map((m) => spanOf(text, m)), ['(', ')']);
      assert.equal(fixWith(ID, text), '（此件主动公开）');
    });
    it('sentence-final and sentence-joining periods, and 一. as a section number', () => {
      assert.equal(fixWith(ID, '推进决策公开.加强政策解读.\n'), '推进决策公开。加强政策解读。\n');
      assert.equal(fixWith(ID, '一.总体要求\n\n## 二.重点任务\n'), '一、总体要求\n\n## 二、重点任务\n');
      assert.equal(fixWith(ID, '见《条例》.'), '见《条例》。');
    });
    it('brackets as pairs: Chinese inside, or Chinese on both sides', () => {
      assert.equal(fixWith(ID, '第(2)项'), '第（2）项');
      assert.equal(fixWith(ID, '(1)加强领导'), '（1）加强领导');
      assert.equal(fixWith(ID, '实施IPv6(互联网协议第6版)改造'), '实施IPv6（互联网协议第6版）改造');
      assert.equal(fixWith(ID, '网站(www.haikou.gov.cn)下载'), '网站（www.haikou.gov.cn）下载');
      assert.equal(fixWith(ID, '（一)推进'), '（一）推进');
      // English words with a Chinese gloss inside stay (mostly Latin inside, no Chinese outside).
      assert.deepEqual(spans('a note (月 lost) -- extraction'), []);
    });
    it('a mark next to a bracket it converts is fixed in the same pass: 主体(承办机构);', () => {
      const text = '主体(承办机构);\n';
      assert.deepEqual(spans(text, 'a.txt'), ['(', ')', ';']);
    });
    it('keeps CRLF line endings', () => {
      const text = '各区人民政府,市政府直属各单位:\r\n\r\n(此件主动公开)\r\n';
      assert.equal(fixWith(ID, text, { filename: 'a.txt' }), '各区人民政府，市政府直属各单位：\r\n\r\n（此件主动公开）\r\n');
    });
  });

  it('fixing twice changes nothing more than fixing once', () => {
    for (const t of ['a,(中)', '各区人民政府,市政府:\n(一)推进.', '主办:海口市 承办:信息中心\n是否继续?']) {
      const once = fixWith(ID, t);
      assert.equal(fixWith(ID, once), once, t);
      assert.deepEqual(lintWith(ID, once), [], t);
    }
  });

  describe('a text with half-width punctuation throughout: one message, one fix (issue 8)', () => {
    const SEED = fs.readFileSync(path.join(__dirname, '../../fixtures/seed/haikou-2019-zwgk-yaodian.txt'), 'utf8');

    it('the seed (a page saved with half-width marks) gets one message with the count, at the first mark', () => {
      const each = lintWith(ID, SEED, { filename: 'seed.txt', options: PER_MARK });
      const msgs = lintWith(ID, SEED, { filename: 'seed.txt' });
      assert.equal(msgs.length, 1);
      assert.equal(msgs[0].start, each[0].start);
      assert.match(msgs[0].message, new RegExp(`^全文有${each.length}处中文标点写成了半角`));
      assert.equal((msgs[0].data as { count: number }).count, each.length);
    });

    it('its one fix corrects every mark, exactly as the marks fixed one by one', () => {
      assert.equal(fixWith(ID, SEED, { filename: 'seed.txt' }), fixWith(ID, SEED, { filename: 'seed.txt', options: PER_MARK }));
    });

    it('a few slips in a text that otherwise uses full-width marks are reported one by one', () => {
      const text = '各区人民政府，市政府直属各单位：\n\n' + '经市政府同意，现将要点印发给你们，请认真贯彻执行。'.repeat(5) + '各单位要加强领导,明确责任,抓好落实;请及时报送.工作情况(含问题)等,一并报送;逾期,不再受理.\n';
      const msgs = lintWith(ID, text);
      assert.ok(msgs.length >= 10, String(msgs.length));
      assert.ok(msgs.every((m) => !/^全文有/.test(m.message)));
    });

    it('foldAt: 0 never folds', () => {
      assert.ok(lintWith(ID, SEED, { filename: 'seed.txt', options: { foldAt: 0 } }).length > 100);
    });

    it('a half-width mark inside quoted evidence is reported but never rewritten', () => {
      const text = '当事人在询问笔录中称“我没有收到通知,也不知道要备案”。\n';
      const [m] = lintWith(ID, text, { options: PER_MARK });
      assert.equal(spanOf(text, m), ',');
      assert.equal(m.fix, undefined);
    });
  });
});
