// Hostile inputs for the linear-time checks (issue 5): single lines built to trip catastrophic regex
// backtracking or quadratic scans. Shared by bench/suites/hostile.js (1 MB) and test/unit/hostile.test.ts
// (small sizes). Each generator returns a line of about `bytes` bytes of UTF-8.
'use strict';

/** `unit` repeated to about `bytes` bytes of UTF-8 (whole units). */
function fill(unit, bytes) {
  const n = Math.max(1, Math.round(bytes / Buffer.byteLength(unit)));
  return unit.repeat(n);
}

/** Brackets nested `depth` deep: （《〔…〕》） — repeated to the size. */
function nested(depth) {
  const open = '（《〔';
  const close = '〕》）';
  let s = '';
  for (let i = 0; i < depth; i++) s += open[i % 3];
  s += '文';
  for (let i = depth - 1; i >= 0; i--) s += close[2 - (i % 3)];
  return s;
}

const INPUTS = {
  'digits': (b) => fill('1234567890', b),
  'mobile numbers': (b) => fill('13812345678', b),
  'id numbers': (b) => fill('46010019900101123X', b),
  'open brackets 〔《（': (b) => fill('〔《（', b),
  'close brackets 〕》）': (b) => fill('〕》）', b),
  'unclosed 文号 〔2019': (b) => fill('海府办函〔2019', b),
  'dates 2019年06月21日': (b) => fill('2019年06月21日', b),
  'dates 2019-06-21': (b) => fill('2019-06-21 ', b),
  'dates 二〇一九年六月二十一日': (b) => fill('二〇一九年六月二十一日', b),
  'metadata keys': (b) => fill('索 引 号: 00817804-9/2019-13123 文号: 海府办函[2019]1号 成文日期: 2019年06月21日 ', b),
  'nested brackets 2,000 deep': (b) => fill(nested(2000), b),
  'nested [ 2,000 deep': (b) => fill('['.repeat(2000) + ']'.repeat(2000), b),
  '* run': (b) => fill('*', b),
  '*a run': (b) => fill('*a', b),
  '_ run': (b) => fill('_', b),
  '< run': (b) => fill('<', b),
  'unclosed control comments': (b) => fill('<!-- zwgk-disable ', b),
  'control comments, unknown ids': (b) => fill('<!-- zwgk-disable no-such-rule --><!-- zwgk-disable-line x -->13812345678', b),
  'mobile numbers in one paragraph': (b) => fill('王明13812345678，', b),
  'old department names': (b) => fill('市卫计委', b),
  'law title prefixes': (b) => fill('中华人民共和国', b),
  'bare law titles': (b) => fill('根据政府信息公开条例', b),
  'secrecy marks': (b) => fill('机密★', b),
  'half-width commas in Chinese': (b) => fill('中,', b),
  'labels 联系电话：': (b) => fill('联系电话：', b),
  'urls': (b) => fill('http://', b),
  'at signs': (b) => fill('a@', b),
  'spaces and tabs': (b) => 'a' + fill(' \t', b) + 'b',
};

/**
 * Inputs on which the Markdown parser itself (micromark, not a zwgk rule) is superlinear, to be measured
 * at a smaller size. Empty since document.ts neutralises inline markup on lines over 10,000 characters
 * before parsing (`*a` and nested `[` at 1 MB: about 0.3 s).
 */
const PARSER_SUPERLINEAR = new Set([]);

module.exports = { INPUTS, PARSER_SUPERLINEAR, fill, nested };
