/**
 * Atomic file replacement for --fix: write a temporary file in the same directory, flush it, check the
 * original once more, then rename the temporary file over it. A crash leaves either the old or the new
 * file, never half of one. Symlinks are followed (the link stays a link); the file mode is kept.
 *
 * What is guaranteed (README, Reliability):
 * - A file changed by someone else since it was read is not written: right before the rename its size,
 *   mtime and its bytes are compared with what was read (the bytes, because an append within the same
 *   mtime tick keeps the stamp). A change in the microseconds between that last check and the rename
 *   can still be lost; nothing short of every writer taking a lock can close that window.
 * - Files the replacement would silently change in another way are not written, and reported: a file
 *   with other hard links (they would keep the old text), a read-only file (no write bit), a file owned
 *   by another user when we cannot give it back (as non-root), and a symlink leading outside the folders
 *   being linted.
 * - Temporary files are named `.NAME.zwgk-PID-RANDOM.tmp`. They are removed when writing fails, and on
 *   SIGINT/SIGTERM/SIGHUP (`cleanUpOnSignals`); after a SIGKILL they stay, and the next --fix run over
 *   that folder removes those whose process is gone (`sweepStaleTemps`).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { CliError } from './errors';
import { readBounded } from './safe-read';

export interface FileStamp {
  mtimeMs: number;
  size: number;
}

export function stampOf(st: fs.Stats): FileStamp {
  return { mtimeMs: st.mtimeMs, size: st.size };
}

export interface WriteGuard {
  /** The stamp of the file when it was read. */
  expected?: FileStamp;
  /** The bytes read: the file must still hold exactly these right before the rename. */
  original?: Uint8Array;
  /** Folders the real target must lie in (a symlink leading elsewhere is not written through). */
  roots?: readonly string[];
}

/** `.NAME.zwgk-PID-RANDOM.tmp` */
const TEMP_NAME = /^\.(.+)\.zwgk-(\d+)-[0-9a-f]{8}\.tmp$/;

export function tempNameFor(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.zwgk-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
}

function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

const changedError = () => new CliError('文件在检查期间被其他程序修改，未写入');

/** Why `target` (a real path, with its stat) must not be replaced; undefined when it may. */
function refusal(file: string, target: string, st: fs.Stats, guard: WriteGuard): string | undefined {
  if (st.nlink > 1) return `文件有 ${st.nlink} 个硬链接，替换后其他链接仍是旧内容，未修改`;
  if ((st.mode & 0o222) === 0) return '文件是只读的，未修改';
  const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;
  if (uid !== undefined && uid !== 0 && st.uid !== uid) return `文件属于其他用户（uid ${st.uid}），替换会改变文件所有者，未修改`;
  if (guard.roots?.length && target !== path.resolve(file)) {
    const roots = guard.roots.map((r) => {
      try {
        return fs.realpathSync(r);
      } catch {
        return path.resolve(r);
      }
    });
    if (!roots.some((r) => isInside(target, r))) return `这是指向所检查目录之外（${target}）的符号链接，未修改`;
  }
  return undefined;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.byteLength === b.byteLength && Buffer.compare(a, b) === 0;
}

/** Throws when the file on disk is no longer what was read. */
function checkUnchanged(target: string, guard: WriteGuard): void {
  if (guard.expected) {
    const st = fs.statSync(target);
    if (st.mtimeMs !== guard.expected.mtimeMs || st.size !== guard.expected.size) throw changedError();
  }
  if (guard.original) {
    const now = readBounded(target, { maxBytes: guard.original.byteLength });
    if (now.kind !== 'ok' || !sameBytes(now.bytes, guard.original)) throw changedError();
  }
}

/** Temporary files this process has open, for the signal handlers. */
const pending = new Set<string>();

/**
 * Replaces `file` with `data`. With a guard, nothing is written (a CliError is thrown) when the file was
 * changed since it was read, or when replacing it is refused (see the module comment).
 */
export function writeFileAtomic(file: string, data: Uint8Array, guard: WriteGuard | FileStamp = {}): void {
  const g: WriteGuard = 'mtimeMs' in guard ? { expected: guard } : guard;
  const target = fs.realpathSync(file);
  const st = fs.statSync(target);
  const refused = refusal(file, target, st, g);
  if (refused) throw new CliError(refused);
  if (g.expected && (st.mtimeMs !== g.expected.mtimeMs || st.size !== g.expected.size)) throw changedError();
  const mode = st.mode & 0o7777;
  const tmp = tempNameFor(target);
  let fd: number | undefined;
  pending.add(tmp);
  try {
    fd = fs.openSync(tmp, 'wx', mode);
    let written = 0;
    while (written < data.byteLength) written += fs.writeSync(fd, data, written, data.byteLength - written);
    fs.fchmodSync(fd, mode);
    if (typeof process.getuid === 'function' && (st.uid !== process.getuid() || st.gid !== process.getgid!())) {
      try {
        fs.fchownSync(fd, st.uid, st.gid);
      } catch {
        // root keeps the owner; others were refused above — only the group may differ
      }
    }
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    // The last look before the rename: an append while the temporary file was written is not lost.
    checkUnchanged(target, g);
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
  } finally {
    pending.delete(tmp);
  }
}

/** Whether a process with this PID runs (or runs as another user); this process counts. */
export function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Temporary files of a process still running are left alone unless they are this old. */
const STALE_MS = 24 * 60 * 60 * 1000;

/**
 * Removes temporary files of our own pattern left in `dirs` by a run that was killed (its process is
 * gone, or the file is a day old); returns how many were removed. Only regular files whose name matches
 * exactly are touched.
 */
export function sweepStaleTemps(dirs: Iterable<string>, now = Date.now()): number {
  let removed = 0;
  for (const dir of new Set(dirs)) {
    let names: string[];
    try {
      names = fs.readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names) {
      const m = TEMP_NAME.exec(name);
      if (!m) continue;
      const file = path.join(dir, name);
      try {
        const st = fs.lstatSync(file);
        if (!st.isFile()) continue;
        const pid = Number(m[2]);
        if (pid === process.pid) continue;
        if (processAlive(pid) && now - st.mtimeMs < STALE_MS) continue;
        fs.unlinkSync(file);
        removed++;
      } catch {
        // gone already, or not ours to remove
      }
    }
  }
  return removed;
}

/** Removes this process's temporary files in `dirs` (also those of its worker threads: same PID). */
function removeOwnTemps(dirs: Iterable<string>): void {
  for (const tmp of pending) {
    try {
      fs.unlinkSync(tmp);
    } catch {
      // renamed or gone
    }
  }
  for (const dir of dirs) {
    let names: string[];
    try {
      names = fs.readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names) {
      const m = TEMP_NAME.exec(name);
      if (m && Number(m[2]) === process.pid) {
        try {
          fs.unlinkSync(path.join(dir, name));
        } catch {
          // gone
        }
      }
    }
  }
}

/**
 * What must stop before the temporary files are swept on a signal: the worker pools of the run. A worker
 * thread keeps writing while the main thread handles a signal, so a temporary file it creates after the
 * sweep looked at its folder would stay; the sweep therefore waits until every worker has ended.
 */
const stoppers = new Set<() => Promise<unknown>>();

/** Registers `stop` (ends the caller's worker threads) for the signal handlers; returns the unregister. */
export function onSignalStop(stop: () => Promise<unknown>): () => void {
  stoppers.add(stop);
  return () => void stoppers.delete(stop);
}

/** How long the signal handler waits for worker threads to end before sweeping anyway. */
const STOP_WAIT_MS = 3000;

const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
const SIGNAL_NUMBER: Record<string, number> = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 };

/**
 * Until the returned function is called: on SIGINT, SIGTERM or SIGHUP, end the worker threads
 * (`onSignalStop`), then remove every temporary file this process (its worker threads included) has in
 * `dirs`, then exit with 128 + the signal's number. A second signal meanwhile changes nothing.
 */
export function cleanUpOnSignals(dirs: readonly string[]): () => void {
  const unique = [...new Set(dirs)];
  let stopping = false;
  const handler = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    const ended = Promise.allSettled([...stoppers].map((stop) => stop()));
    const waited = new Promise((resolve) => setTimeout(resolve, STOP_WAIT_MS).unref());
    void Promise.race([ended, waited]).then(() => {
      removeOwnTemps(unique);
      process.stderr.write(`\nzwgk: 收到 ${signal}，已停止；已写入的文件是完整的新内容，其余文件未修改\n`);
      process.exit(128 + (SIGNAL_NUMBER[signal] ?? 1));
    });
  };
  for (const s of SIGNALS) process.on(s, handler);
  return () => {
    for (const s of SIGNALS) process.off(s, handler);
  };
}
