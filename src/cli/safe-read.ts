/**
 * Every file the CLI reads — drafts, folder-mates for the index, config files and what they extend, a
 * file about to be replaced by --fix — goes through `readBounded`:
 *
 * - it opens without waiting (O_NONBLOCK: opening a FIFO for reading would otherwise block until a
 *   writer comes, i.e. forever) and checks what it opened (fstat on the open descriptor, so a file
 *   swapped for a FIFO between a stat and the open is still caught): only regular files are read;
 * - it never reads more than the caller's limit: a larger file is refused from its size alone, without
 *   reading it (a 1.9 GB sparse file beside a draft costs one fstat), and a file that grows while it is
 *   read is cut off at the limit and refused;
 * - with `prefix`, it reads only the first bytes of a larger file, cut at a line break (what the draft
 *   index needs of a folder-mate: its front matter or catalogue header and its title);
 * - it stops reading once `timeoutMs` has passed between chunks (a read that blocks inside the kernel —
 *   a hung network mount — cannot be interrupted from JavaScript; that is the one case not bounded).
 */
import * as fs from 'node:fs';

/** Drafts larger than this are not linted (reported as `file-unreadable`); see README, Reliability. */
export const MAX_DRAFT_BYTES = 32 * 1024 * 1024;
/** Config files larger than this are refused. */
export const MAX_CONFIG_BYTES = 1024 * 1024;
/** How much of a folder-mate the draft index reads (front matter, catalogue header and title). */
export const INDEX_PREFIX_BYTES = 256 * 1024;
/** Default time limit for reading one file. */
export const READ_TIMEOUT_MS = 30_000;

export type BoundedRead =
  | { kind: 'ok'; bytes: Buffer; stat: fs.Stats; truncated: boolean }
  | { kind: 'not-file'; what: string }
  | { kind: 'too-large'; size: number; limit: number }
  | { kind: 'error'; error: NodeJS.ErrnoException };

export interface ReadOptions {
  maxBytes: number;
  /** Read only the first `maxBytes` of a larger file (cut at its last line break) instead of refusing it. */
  prefix?: boolean;
  timeoutMs?: number;
}

const O_NONBLOCK = fs.constants.O_NONBLOCK ?? 0;
const CHUNK = 1024 * 1024;

/** What a non-regular file is, in Chinese. */
export function kindOf(st: fs.Stats): string {
  if (st.isDirectory()) return '目录';
  if (st.isFIFO()) return '命名管道（FIFO）';
  if (st.isSocket()) return '套接字';
  if (st.isCharacterDevice() || st.isBlockDevice()) return '设备文件';
  return '特殊文件';
}

/** Reads a regular file within the limits of `opts` (see the module comment). Never throws. */
export function readBounded(file: string, opts: ReadOptions): BoundedRead {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | O_NONBLOCK);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    // Opening a directory read-only works on Linux; EISDIR elsewhere.
    if (err.code === 'EISDIR') return { kind: 'not-file', what: '目录' };
    return { kind: 'error', error: err };
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) return { kind: 'not-file', what: kindOf(stat) };
    if (stat.size > opts.maxBytes && !opts.prefix) return { kind: 'too-large', size: stat.size, limit: opts.maxBytes };
    // Read until the end of the file, or one byte past the limit (a file that grew while being read).
    const chunks: Buffer[] = [];
    let got = 0;
    const deadline = Date.now() + (opts.timeoutMs ?? READ_TIMEOUT_MS);
    for (;;) {
      const buf = Buffer.allocUnsafe(Math.max(1, Math.min(CHUNK, opts.maxBytes + 1 - got, Math.max(stat.size - got + 1, 64 * 1024))));
      let n: number;
      try {
        n = fs.readSync(fd, buf, 0, buf.length, null);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
        n = 0;
      }
      if (n === 0) break;
      chunks.push(n === buf.length ? buf : buf.subarray(0, n));
      got += n;
      if (got > opts.maxBytes) break;
      if (Date.now() > deadline) return { kind: 'error', error: Object.assign(new Error('读取超时'), { code: 'ETIMEDOUT' }) };
    }
    const bytes = Buffer.concat(chunks, got);
    if (got > opts.maxBytes) {
      if (!opts.prefix) return { kind: 'too-large', size: Math.max(got, stat.size), limit: opts.maxBytes };
      return { kind: 'ok', bytes: cutAtLineBreak(bytes.subarray(0, opts.maxBytes)), stat, truncated: true };
    }
    return { kind: 'ok', bytes, stat, truncated: false };
  } catch (e) {
    return { kind: 'error', error: e as NodeJS.ErrnoException };
  } finally {
    try {
      fs.closeSync(fd);
    } catch {
      // already closed
    }
  }
}

/**
 * The bytes up to their last line break (so that no character is cut in two): 0x0A is never part of a
 * multi-byte character in UTF-8 or GB18030; UTF-16 (with its BOM) is cut at a code-unit boundary.
 */
function cutAtLineBreak(bytes: Buffer): Buffer {
  const utf16 = bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
  if (utf16) return Buffer.from(bytes.subarray(0, bytes.length - (bytes.length % 2)));
  const nl = bytes.lastIndexOf(0x0a);
  return Buffer.from(nl >= 0 ? bytes.subarray(0, nl + 1) : bytes.subarray(0, 0));
}

/** A one-line Chinese reason for a read that did not give bytes (for messages). */
export function readProblem(r: Exclude<BoundedRead, { kind: 'ok' }>): string {
  switch (r.kind) {
    case 'not-file':
      return `这是${r.what}，不是普通文件`;
    case 'too-large':
      return `文件过大（${formatBytes(r.size)}，上限 ${formatBytes(r.limit)}）`;
    case 'error':
      return errnoText(r.error);
  }
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(n >= 10 * 1024 * 1024 ? 0 : 1)} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} 字节`;
}

/** An I/O error in Chinese, with its code. */
export function errnoText(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  const known: Record<string, string> = {
    EACCES: '没有访问权限',
    EPERM: '没有权限',
    ENOENT: '文件不存在',
    EISDIR: '这是一个目录',
    EIO: 'I/O 错误',
    EMFILE: '打开的文件过多',
    ETIMEDOUT: '读取超时',
    ELOOP: '符号链接层数过多',
  };
  return (err.code && known[err.code]) ? `${known[err.code]}（${err.code}）` : err.code ?? err.message ?? String(e);
}
