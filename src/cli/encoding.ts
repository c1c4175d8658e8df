/**
 * Decoding drafts from bytes and encoding them back, byte-exact.
 *
 * Detection order: BOM (UTF-8, UTF-16LE, UTF-16BE) → NUL bytes (binary) → strict UTF-8 → GB18030, then
 * GBK (common in government offices). Bytes that are valid GB18030 but read like Big5 (traditional
 * Chinese, whose byte ranges overlap GBK's) are refused as ambiguous — never guessed. A decoding is only accepted when encoding the text again gives
 * back exactly the same bytes, so that writing a fixed text changes nothing but the fixed spots; anything
 * else is "undecodable" and is never linted or rewritten.
 */
import { isUtf8 } from 'node:buffer';
import { iconv } from '../core/util/iconv';

export type EncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'gbk';

export interface DecodedText {
  kind: 'text';
  text: string;
  encoding: EncodingName;
  bom: boolean;
}

export interface BinaryContent {
  kind: 'binary';
}

export interface Undecodable {
  kind: 'undecodable';
  /** Chinese, for the user. */
  reason: string;
}

export type Decoded = DecodedText | BinaryContent | Undecodable;

const BOM_UTF8 = [0xef, 0xbb, 0xbf];
const BOM_UTF16LE = [0xff, 0xfe];
const BOM_UTF16BE = [0xfe, 0xff];

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function startsWith(buf: Uint8Array, prefix: number[]): boolean {
  if (buf.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (buf[i] !== prefix[i]) return false;
  return true;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.compare(a, b) === 0;
}

/** Control characters that never occur in a real draft (C0 except tab/LF/VT/FF/CR, DEL, C1). */
// eslint-disable-next-line no-control-regex
const STRAY_CONTROL = /[\u0000-\u0008\u000e-\u001a\u001c-\u001f\u007f-\u009f]/;
/** Private-use characters: what mis-decoded bytes in the GBK user-defined areas turn into. */
const PRIVATE_USE = /[\ue000-\uf8ff]/;
const CJK = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]/;

function decodeUtf16(body: Uint8Array, bigEndian: boolean): string | undefined {
  if (body.length % 2 !== 0) return undefined;
  const le = Buffer.from(body);
  if (bigEndian) le.swap16();
  const text = le.toString('utf16le');
  // Lone surrogates would not survive a round trip.
  return sameBytes(Buffer.from(text, 'utf16le'), le) && !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text)
    ? text
    : undefined;
}

export const AMBIGUOUS_BIG5 = '编码无法确定：既可按 GB18030 也可按 Big5（繁体中文）解读，按错误的编码修改会损坏原文；请另存为 UTF-8 后再检查';

/**
 * Share of a GB18030 byte string's two-byte characters that are what simplified Chinese text is made
 * of: GB2312 hanzi (lead 0xB0–0xF7, trail 0xA1–0xFE). Symbol rows (0xA1–0xA3 punctuation and full-width
 * forms, 0xA2 numbered marks, 0xA9 box drawing) are left out of the count; everything else — kana,
 * Greek, Cyrillic, pinyin rows, GBK extensions, four-byte sequences — counts against. Big5 text read as
 * GB18030 lands there: its common characters have lead bytes 0xA4–0xC6 and trail bytes 0x40–0x7E for
 * about two in five, so its share is around 0.4; real GBK drafts score well above 0.9.
 */
export function gb2312Share(buf: Uint8Array): { share: number; counted: number } {
  let typical = 0;
  let other = 0;
  for (let i = 0; i < buf.length; i++) {
    const b = buf[i];
    if (b < 0x80) continue;
    const t = buf[i + 1] ?? 0;
    if (t >= 0x30 && t <= 0x39) {
      other++;
      i += 3;
      continue;
    }
    i++;
    if (b >= 0xa1 && b <= 0xa3) continue;
    if (b === 0xa9) continue;
    if (b >= 0xb0 && b <= 0xf7 && t >= 0xa1 && t <= 0xfe) typical++;
    else other++;
  }
  const counted = typical + other;
  return { share: counted ? typical / counted : 1, counted };
}

/** Bytes that decode cleanly as GB18030 but read like Big5: a share under 0.8, and valid Big5 too. */
function mayBeBig5(buf: Buffer): boolean {
  if (gb2312Share(buf).share >= 0.8) return false;
  const text = iconv().decode(buf, 'big5');
  if (text.includes('\ufffd') || PRIVATE_USE.test(text) || STRAY_CONTROL.test(text)) return false;
  return sameBytes(iconv().encode(text, 'big5'), buf);
}

/** Decodes file contents; see the module comment for the order of detection. */
export function decode(input: Uint8Array): Decoded {
  const buf = Buffer.isBuffer(input) ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength);

  if (startsWith(buf, BOM_UTF8)) {
    try {
      return { kind: 'text', text: strictUtf8.decode(buf.subarray(3)), encoding: 'utf-8', bom: true };
    } catch {
      return { kind: 'undecodable', reason: '文件以 UTF-8 BOM 开头，但内容不是有效的 UTF-8' };
    }
  }
  if (startsWith(buf, BOM_UTF16LE) || startsWith(buf, BOM_UTF16BE)) {
    const be = buf[0] === 0xfe;
    if (!be && buf.length >= 4 && buf[2] === 0 && buf[3] === 0) {
      return { kind: 'undecodable', reason: '不支持 UTF-32 编码' };
    }
    const text = decodeUtf16(buf.subarray(2), be);
    if (text === undefined) return { kind: 'undecodable', reason: `文件以 ${be ? 'UTF-16BE' : 'UTF-16LE'} BOM 开头，但内容不是有效的 UTF-16` };
    if (text.includes('\0')) return { kind: 'binary' };
    return { kind: 'text', text, encoding: be ? 'utf-16be' : 'utf-16le', bom: true };
  }
  if (buf.indexOf(0) !== -1) return { kind: 'binary' };

  // Validating first (fast, native) and then decoding is quicker than a fatal TextDecoder; same result.
  if (isUtf8(buf)) return { kind: 'text', text: buf.toString('utf8'), encoding: 'utf-8', bom: false };
  // not UTF-8: try the Chinese national encodings
  for (const encoding of ['gb18030', 'gbk'] as const) {
    const text = iconv().decode(buf, encoding);
    if (text.includes('\ufffd') || PRIVATE_USE.test(text) || STRAY_CONTROL.test(text) || !CJK.test(text)) continue;
    if (!sameBytes(iconv().encode(text, encoding), buf)) continue;
    if (mayBeBig5(buf)) return { kind: 'undecodable', reason: AMBIGUOUS_BIG5 };
    return { kind: 'text', text, encoding, bom: false };
  }
  return { kind: 'undecodable', reason: '不是有效的 UTF-8、UTF-16（带 BOM）或 GB18030/GBK 文本' };
}

/** Encodes `text` in `encoding` (with the BOM when `bom`). */
export function encode(text: string, encoding: EncodingName, bom: boolean): Buffer {
  switch (encoding) {
    case 'utf-8': {
      const body = Buffer.from(text, 'utf8');
      return bom ? Buffer.concat([Buffer.from(BOM_UTF8), body]) : body;
    }
    case 'utf-16le': {
      const body = Buffer.from(text, 'utf16le');
      return bom ? Buffer.concat([Buffer.from(BOM_UTF16LE), body]) : body;
    }
    case 'utf-16be': {
      const body = Buffer.from(text, 'utf16le').swap16();
      return bom ? Buffer.concat([Buffer.from(BOM_UTF16BE), body]) : body;
    }
    case 'gb18030':
    case 'gbk':
      return iconv().encode(text, encoding);
  }
}

/**
 * Encodes `text` and checks that decoding the bytes gives the same text back (e.g. a character that GBK
 * cannot represent); returns undefined when it does not.
 */
export function encodeExact(text: string, encoding: EncodingName, bom: boolean): Buffer | undefined {
  const bytes = encode(text, encoding, bom);
  let back: string;
  switch (encoding) {
    case 'utf-8':
      try {
        back = strictUtf8.decode(bom ? bytes.subarray(3) : bytes);
      } catch {
        return undefined;
      }
      break;
    case 'utf-16le':
    case 'utf-16be': {
      const decoded = decodeUtf16(bom ? bytes.subarray(2) : bytes, encoding === 'utf-16be');
      if (decoded === undefined) return undefined;
      back = decoded;
      break;
    }
    default:
      back = iconv().decode(bytes, encoding);
  }
  return back === text ? bytes : undefined;
}

/** Human-readable name, e.g. "UTF-8 (BOM)". */
export function describeEncoding(encoding: EncodingName, bom: boolean): string {
  const name = { 'utf-8': 'UTF-8', 'utf-16le': 'UTF-16LE', 'utf-16be': 'UTF-16BE', gb18030: 'GB18030', gbk: 'GBK' }[encoding];
  return bom && encoding === 'utf-8' ? `${name} (BOM)` : name;
}
