/**
 * Every file the server reads from disk (drafts for the index and the ledger, .docx and pages, a draft to
 * export, config files and wording packs) goes through `readRegular` (or `readRegularSync`): opened without blocking (O_NONBLOCK — opening or reading a FIFO
 * would otherwise wait for a writer, forever, holding one of libuv's four threads), checked on the open
 * descriptor to be a regular file (so a file swapped for a FIFO after a stat is still caught), and
 * refused from its size alone when over `maxBytes`. The CLI's counterpart is src/cli/safe-read.ts.
 */
import { closeSync, constants, fstatSync, openSync, promises as fsp, readFileSync } from 'node:fs';

const O_NONBLOCK = constants.O_NONBLOCK ?? 0;

/** Why a file was not read (Chinese, for messages). */
export class NotReadable extends Error {
  constructor(message: string, readonly code: 'ENOTREG' | 'EFBIG') {
    super(message);
  }
}

/** Throws NotReadable unless `st` is a regular file of at most `maxBytes`. */
function checkRegular(st: { isFile(): boolean; size: number }, maxBytes: number): void {
  if (!st.isFile()) throw new NotReadable('不是普通文件（可能是命名管道、设备或目录）', 'ENOTREG');
  checkSize(st.size, maxBytes);
}

function checkSize(size: number, maxBytes: number): void {
  if (size > maxBytes) throw new NotReadable(`文件超过 ${Math.round(maxBytes / 1024 / 1024)} MB`, 'EFBIG');
}

/** The bytes of the regular file `file`, at most `maxBytes`; rejects with NotReadable or the I/O error. */
export async function readRegular(file: string, maxBytes: number): Promise<Buffer> {
  const fh = await fsp.open(file, constants.O_RDONLY | O_NONBLOCK);
  try {
    checkRegular(await fh.stat(), maxBytes);
    const buf = await fh.readFile();
    checkSize(buf.length, maxBytes);
    return buf;
  } finally {
    await fh.close().catch(() => undefined);
  }
}

/** readRegular, synchronously (config files and wording packs, read while a request waits for them). */
export function readRegularSync(file: string, maxBytes: number): Buffer {
  const fd = openSync(file, constants.O_RDONLY | O_NONBLOCK);
  try {
    checkRegular(fstatSync(fd), maxBytes);
    const buf = readFileSync(fd);
    checkSize(buf.length, maxBytes);
    return buf;
  } finally {
    closeSync(fd);
  }
}
