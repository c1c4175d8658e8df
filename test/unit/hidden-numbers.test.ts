/**
 * Issue 10, item 11: personal numbers hidden from the privacy rules by characters a published page does
 * not show (zero-width spaces, joiners, soft hyphens, direction marks, `&#8203;`), by other spaces and
 * dashes used for grouping, by dots and slashes, or inside code — a reader still sees the whole number.
 * Each must be found with its exact range in the original text, and fixed there; and what is not a
 * personal number (amounts, dates, counts, 文号, 索引号) must stay quiet.
 */
import * as assert from 'node:assert/strict';
import { fixText, redactPersonalData } from '../../src/core';
import { lintWith, spanOf } from '../helpers/lint';

const ID = '460100198001011236'; // valid GB 11643 check digit
const CARD = '6217001234567810'; // Luhn, UnionPay prefix

/** [rule, the draft line, the number as written in it] */
const HIDDEN: [string, string, string][] = [
  ['personal-id-number', `身份证号：4601\u200b00198001011236。`, `4601\u200b00198001011236`],
  ['personal-id-number', `身份证号：460100198001\u200d011236。`, `460100198001\u200d011236`],
  ['personal-id-number', `身份证号：4601001980\u206001011236。`, `4601001980\u206001011236`],
  ['personal-id-number', `身份证号：46010019800\u00ad1011236。`, `46010019800\u00ad1011236`],
  ['personal-id-number', `身份证号：460100\u200e198001011236。`, `460100\u200e198001011236`],
  ['personal-id-number', `身份证号：460100&#8203;198001011236。`, `460100&#8203;198001011236`],
  ['personal-id-number', `身份证号：460100&ZeroWidthSpace;198001011236。`, `460100&ZeroWidthSpace;198001011236`],
  ['personal-id-number', `身份证号：460100\u00a019800101\u00a01236。`, `460100\u00a019800101\u00a01236`],
  ['personal-id-number', `身份证号：460100\u300019800101\u30001236。`, `460100\u300019800101\u30001236`],
  ['personal-id-number', `身份证号：460100-19800101-1236。`, `460100-19800101-1236`],
  ['personal-id-number', `身份证号：460100\u201319800101\u20131236。`, `460100\u201319800101\u20131236`],
  ['personal-id-number', `身份证号：\`${ID}\`。`, ID],
  ['personal-phone', '联系人：王某某，手机139.1234.5678。', '139.1234.5678'],
  ['personal-phone', '联系人：王某某，手机139\u00a01234\u00a05678。', '139\u00a01234\u00a05678'],
  ['personal-phone', '联系人：王某某，手机139\u30001234\u30005678。', '139\u30001234\u30005678'],
  ['personal-phone', '联系人：王某某，手机1391 234 5678。', '1391 234 5678'],
  ['personal-phone', '联系人：王某某，手机139/1234/5678。', '139/1234/5678'],
  ['personal-phone', '联系人：王某某，手机139\u200b1234\u200b5678。', '139\u200b1234\u200b5678'],
  ['personal-phone', '联系人：王某某，手机`13912345678`。', '13912345678'],
  ['bank-card-number', '银行卡号：6217-0012-3456-7810。', '6217-0012-3456-7810'],
  ['bank-card-number', '银行卡号：6217  0012  3456  7810。', '6217  0012  3456  7810'],
  ['bank-card-number', '银行卡号：6217\u200b0012\u200b3456\u200b7810。', '6217\u200b0012\u200b3456\u200b7810'],
  ['bank-card-number', `银行卡号：&#54;217001234567810。`, `&#54;217001234567810`],
];

describe('numbers hidden from the privacy rules (issue 10, item 11)', () => {
  for (const [rule, line, written] of HIDDEN) {
    it(`${rule}: ${JSON.stringify(written)}`, () => {
      const text = `# 公示\n\n${line}\n`;
      const ms = lintWith(rule, text);
      assert.equal(ms.length, 1, `${JSON.stringify(line)}: ${ms.map((m) => m.message).join(' | ')}`);
      assert.equal(spanOf(text, ms[0]), written, 'the range is the number as written, hidden characters included');
      const digits = written.replace(/&[^;]*;/g, '').replace(/\D/g, '');
      assert.ok(!ms[0].message.replace(/\D/g, '').includes(digits), 'the message never echoes the number');
      // The fix masks it in place; nothing else changes, and the masked number is not reported again.
      const fixed = fixText(text, 'draft.md').text;
      assert.ok(fixed.includes('*'), fixed);
      assert.equal(fixed.slice(0, fixed.indexOf(line.slice(0, 4))), '# 公示\n\n');
      assert.deepEqual(lintWith(rule, fixed), [], fixed);
    });
  }

  it('in code the mask is plain stars (a backslash would be shown)', () => {
    const text = `# 公示\n\n身份证号 \`${ID}\`，手机 \`13912345678\`，以及 **重点**。\n`;
    const fixed = fixText(text, 'draft.md').text;
    assert.ok(fixed.includes('`46**************36`'), fixed);
    assert.ok(fixed.includes('`139****5678`'), fixed);
  });

  it('a code block is shown as written too', () => {
    const text = `# 公示\n\n\`\`\`\n王某某 ${ID} 13912345678\n\`\`\`\n`;
    assert.equal(lintWith('personal-id-number', text).length, 1);
    assert.equal(lintWith('personal-phone', text).length, 1);
  });

  it('in plain text a character reference is literal, not a hidden character', () => {
    // `&#8203;` in a .txt draft is shown as those seven characters: the digits are not one number.
    assert.deepEqual(lintWith('personal-id-number', '身份证号：460100&#8203;198001011236。\n', { filename: 'a.txt' }), []);
    // but a real zero-width space is still invisible there
    assert.equal(lintWith('personal-id-number', '身份证号：460100\u200b198001011236。\n', { filename: 'a.txt' }).length, 1);
  });

  describe('must stay quiet', () => {
    const QUIET: [string, string][] = [
      ['amounts with no-break-space grouping', '全年支出 1\u00a0380\u00a0000\u00a0000 元，其中 13\u00a0812\u00a0345\u00a0678 元用于民生。'],
      ['amounts with ideographic-space grouping', '预算 13\u3000812\u3000345\u3000678 元。'],
      ['amounts with dots and commas', '合计 139.1234 万元，增长 13,812,345,678 元。'],
      ['dates in every separator', '2019.06.21、2019/06/21、2019-06-21、2019\u201306\u201321、2019 06 21 印发。'],
      ['counts followed by a unit', '访问量达 1391 234 5678 人次，办件 139.1234.5678 件。'],
      ['文号 and 索引号', '海府办函〔2019〕138号；索引号：00817804-9/2019-13123；11460100MB1234567X/2019-00123。'],
      ['landline numbers grouped', '咨询电话：0898-6871-0000，传真 0898 6872 5613。'],
      ['a long serial number in a code span', '流水号 `2019046010000123458`。'],
      ['version and time stamps', '版本 13.9.1234，时间 13:12:34。'],
      ['a credit code labelled in a code span', '统一社会信用代码：`914601007358123404`。'],
    ];
    for (const [title, line] of QUIET) {
      it(title, () => {
        const text = `# 通知\n\n${line}\n`;
        for (const rule of ['personal-id-number', 'personal-phone', 'bank-card-number']) {
          assert.deepEqual(lintWith(rule, text).map((m) => m.message), [], `${rule}: ${line}`);
        }
      });
    }
  });
});

describe('numbers split by inline Markdown: the page shows them whole', () => {
  const SPLIT: [string, string, string][] = [
    ['personal-phone', '联系人：王某某，手机139**1234**5678。', '139**1234**5678'],
    ['personal-phone', '联系人：王某某，手机139<span>1234</span>5678。', '139<span>1234</span>5678'],
    ['personal-phone', '联系人：王某某，手机[139](tel:139)12345678。', '139](tel:139)12345678'],
    ['personal-phone', '联系人：王某某，手机139`1234`5678。', '139`1234`5678'],
    ['personal-phone', '| 户主 | 电话 |\n|---|---|\n| 王某某 | 138_1234_5678 |', '138_1234_5678'],
    ['personal-id-number', `身份证号：460100**19800101**1236。`, `460100**19800101**1236`],
    ['personal-id-number', `身份证号：<b>460100</b>198001011236。`, `460100</b>198001011236`],
    ['bank-card-number', '银行卡号：6217~~0012~~34567810。', '6217~~0012~~34567810'],
  ];
  for (const [rule, line, written] of SPLIT) {
    it(`${rule}: ${JSON.stringify(written)}`, () => {
      const text = `# 公示\n\n${line}\n`;
      const ms = lintWith(rule, text);
      assert.equal(ms.length, 1, `${JSON.stringify(line)}: ${ms.map((m) => m.message).join(' | ')}`);
      assert.equal(spanOf(text, ms[0]), written);
      const digits = written.replace(/\]\([^)]*\)|<[^>]*>/g, '').replace(/\D/g, '');
      assert.ok(!ms[0].message.replace(/\D/g, '').includes(digits), 'the message never echoes the number');
      assert.ok(/\*{4}/.test(ms[0].message), ms[0].message);
      // No one place to mask: no fix that could leave part of it, or break the markup.
      assert.equal(ms[0].fix, undefined);
    });
  }

  it('a whole number inside markup is reported once, from its segment, with its fix', () => {
    for (const line of ['手机 **13912345678**。', '手机 <span>13912345678</span>。', '手机 [13912345678](tel:13912345678)。']) {
      const ms = lintWith('personal-phone', `# 公示\n\n${line}\n`);
      assert.equal(ms.length, 1, `${line}: ${ms.map((m) => m.message).join(' | ')}`);
      assert.ok(ms[0].fix, line);
    }
  });

  it('stays quiet where markup joins what the page shows apart', () => {
    for (const line of [
      '编号 138**、**12345678 号。', // the page shows 138、12345678
      '手机 138\\*\\*\\*\\*5678 已脱敏。', // escaped stars: 138****5678
      '手机 138****5678 已脱敏。',
      '金额 1381234*5678* 元。',
      '见 [第138号](http://a.cn/12345678) 文件。',
      '联系人手机[138]12345678。', // brackets that open no link are shown: [138]12345678
    ]) {
      for (const rule of ['personal-id-number', 'personal-phone', 'bank-card-number']) {
        assert.deepEqual(lintWith(rule, `# 通知\n\n${line}\n`).map((m) => m.message), [], `${rule}: ${line}`);
      }
    }
  });
});

describe('redaction of output: paths and hidden characters (issue 10, item 10)', () => {
  it('a number in a file name is masked, with or without an extension', () => {
    for (const p of [`张三${ID}.md`, `/srv/公示/张三${ID}.md`, `drafts/${ID}_张三.txt`, `id-${ID}.md`, `C:\\公示\\${ID}.md`, `file:///srv/${ID}.md`]) {
      const out = redactPersonalData(p);
      assert.ok(!out.includes(ID) && out.includes('46**************36'), `${p} → ${out}`);
    }
    assert.equal(redactPersonalData('/srv/张三13912345678.md'), '/srv/张三139****5678.md');
    assert.equal(redactPersonalData(`/srv/卡${CARD}.txt`), '/srv/卡6217********7810.txt');
  });

  it('hidden characters inside a number in a message are looked through', () => {
    const out = redactPersonalData('标题：王某某4601\u200b00198001011236的申请');
    assert.ok(!out.replace(/\u200b/g, '').includes(ID), out);
  });

  it('what is not a personal number is left as it is', () => {
    for (const s of ['索引号 00817804-9/2019-13123', '海府办函〔2019〕168号', '/srv/2019/06/21/index.html', '共 12345678901 字节']) {
      assert.equal(redactPersonalData(s), s);
    }
  });
});
