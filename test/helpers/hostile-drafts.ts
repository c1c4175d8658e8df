/**
 * Random hostile drafts for the fuzz run (test/cli/fuzz.test.ts) and the hostile benchmark: the shapes
 * of every attack in issue 10 mixed with ordinary draft text, from a seeded PRNG.
 */
import iconv from 'iconv-lite';

const ID = '460100198001011236';
const PHONE = '13912345678';
const CARD = '6217001234567810';
const SECRETS = [ID, PHONE, CARD];

/** The personal numbers planted in the drafts (valid check digit, Luhn). */
export const HOSTILE = { ID, PHONE, CARD, SECRETS };

/** mulberry32: a small seeded PRNG. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Gen = (r: () => number) => string;

const pick = <T>(r: () => number, a: readonly T[]): T => a[Math.floor(r() * a.length)];
const int = (r: () => number, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
const hide = (r: () => number, s: string) => {
  const at = int(r, 1, s.length - 1);
  return s.slice(0, at) + pick(r, ['\u200b', '\u200d', '\u2060', '\u00ad', '\u200e', '&#8203;', '\u00a0', '\u3000', '-']) + s.slice(at);
};

/** Pieces of hostile (and ordinary) Markdown, each a few bytes to some tens of KB. */
const PIECES: Gen[] = [
  () => '请各单位做好政务公开工作,加强政策解读.',
  () => '（此件主动公开）',
  () => '市卫计委、市旅游委负责落实。',
  (r) => `联系人：王某某，手机${r() < 0.5 ? PHONE : hide(r, PHONE)}。`,
  (r) => `身份证号：${r() < 0.5 ? ID : hide(r, ID)}`,
  (r) => `银行卡号：${r() < 0.5 ? CARD : hide(r, CARD)}`,
  (r) => `\`${pick(r, SECRETS)}\``,
  (r) => '- '.repeat(int(r, 10, 600)) + 'x',
  (r) => '>'.repeat(int(r, 10, 600)) + ' 文',
  (r) => '[a]('.repeat(int(r, 10, 4000)),
  (r) => '*a'.repeat(int(r, 10, 6000)),
  (r) => '《〔（'.repeat(int(r, 10, 1000)),
  (r) => '|' + 'a|'.repeat(int(r, 2, 800)) + '\n|' + '-|'.repeat(int(r, 2, 800)),
  (r) => Array.from({ length: int(r, 2, 300) }, (_, i) => `[r${i}]: http://x/${i}`).join('\n'),
  (r) => '<!-- zwgk-disable personal-phone -->\n'.repeat(int(r, 1, 300)),
  (r) => '|\n'.repeat(int(r, 10, 3000)),
  (r) => '```\n' + '代码 13912345678\n'.repeat(int(r, 1, 50)) + (r() < 0.7 ? '```' : ''),
  () => '# 关于做好2020年政务公开工作的通知',
  () => '一、总体要求',
  () => '&#49;&#51;&#57;12345678',
  () => '\ufeff\u202e\u0000\u0007',
  (r) => 'x'.repeat(int(r, 10, 12000)),
  () => '海府办函〔2019〕168号，索引号：00817804-9/2019-13123，2019年6月21日。',
];

const FRONT: Gen[] = [
  () => '',
  () => '---\n标题: 关于做好政务公开工作的通知\n文档类型: 通知\n---\n\n',
  (r) => `---\na: ${'['.repeat(int(r, 100, 6000))}${']'.repeat(int(r, 0, 100))}\n---\n\n`,
  (r) => `---\n${'k: &a [1]\n'}${Array.from({ length: int(r, 1, 8) }, (_, i) => `k${i}: *a`).join('\n')}\n---\n\n`,
  (r) => '---\n' + 'a: 1\n'.repeat(int(r, 1, 14000)) + '---\n\n',
  () => '---\n标题: 未结束的前置元数据\n',
  () => `---\n标题: 王某某${ID}的申请\n---\n\n`,
];

export function draft(r: () => number): string {
  let body = pick(r, FRONT)(r);
  const n = int(r, 1, 8);
  for (let i = 0; i < n; i++) body += pick(r, PIECES)(r) + pick(r, ['\n', '\n\n', '\r', '\r\n', '\r\n\r\n', ' ']);
  const eol = r();
  if (eol < 0.15) body = body.replace(/\r\n|\n/g, '\r'); // CR only
  else if (eol < 0.3) body = body.replace(/\r?\n/g, '\r\n');
  return body;
}

export function bytesOf(r: () => number, text: string): Buffer {
  const k = r();
  if (k < 0.08) return iconv.encode(text.replace(/[^\u0000-\uffff]/gu, ''), 'gb18030');
  if (k < 0.12) return Buffer.from('2320b8eab054a4bdb67d0a0aa5bbb77ca84da9772ca8ccbedab1f8a8d2bfecb27aa9dbbcd0a8c6b6b52e0a', 'hex'); // Big5
  if (k < 0.14) return Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(64)]); // binary
  if (k < 0.18) return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
  return Buffer.from(text);
}

