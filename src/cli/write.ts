/**
 * Atomic file replacement: write a temporary file in the same directory, flush it, then rename it over
 * the original. A crash leaves either the old or the new file, never half of one. Symlinks are followed
 * (the link stays a link), and the file mode (and owner, when permitted) is kept.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { CliError } from './errors';

export interface FileStamp {
  mtimeMs: number;
  size: number;
}

export function stampOf(st: fs.Stats): FileStamp {
  return { mtimeMs: st.mtimeMs, size: st.size };
}

/**
 * Replaces `file` with `data`. When `expected` is given and the file on disk no longer matches it (it was
 * changed by someone else since it was read), nothing is written and a CliError is thrown.
 */
export function writeFileAtomic(file: string, data: Uint8Array, expected?: FileStamp): void {
  const target = fs.realpathSync(file);
  const st = fs.statSync(target);
  if (expected && (st.mtimeMs !== expected.mtimeMs || st.size !== expected.size)) {
    throw new CliError('文件在检查期间被其他程序修改，未写入');
  }
  const mode = st.mode & 0o7777;
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.zwgk-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    fd = fs.openSync(tmp, 'wx', mode);
    let written = 0;
    while (written < data.byteLength) written += fs.writeSync(fd, data, written, data.byteLength - written);
    fs.fchmodSync(fd, mode);
    if (typeof process.getuid === 'function' && (st.uid !== process.getuid() || st.gid !== process.getgid!())) {
      try {
        fs.fchownSync(fd, st.uid, st.gid);
      } catch {
        // not permitted: the file becomes ours, with the same mode
      }
    }
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    fs.renameSync(tmp, target);
  } catch (e) {
    if (fd !== undefined) {
      try {
        fs.closeSync(fd);
      } catch {
        // already closed
      }
    }
    try {
      fs.unlinkSync(tmp);
    } catch {
      // never created, or already renamed
    }
    throw e;
  }
}
