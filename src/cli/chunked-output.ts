/**
 * What `zwgk lint` prints, gathered into chunks before it is written: a run over 1,000 drafts prints
 * thousands of pieces (a separator and a result each), and one write per piece costs more than the
 * copying into chunks. To a terminal, every piece is written at once (a user watches it appear).
 * Waits for 'drain' when the stream asks for it, so a slow reader slows the run down instead of the
 * output piling up in memory.
 *
 * Redirected to a regular file (the usual CI report), the pieces go out by `writev` on the file
 * descriptor, as they are: no copying into chunks either (most pieces are results the cache stored).
 */
import * as fs from 'node:fs';
import type { OutStream } from './io';

/** Bytes gathered before a write. */
export const CHUNK_BYTES = 64 * 1024;
/** To a file: bytes and pieces gathered before a writev (Linux takes at most 1,024 pieces in one). */
const FILE_CHUNK_BYTES = 1024 * 1024;
const FILE_CHUNK_PIECES = 1000;

/** The descriptor of `stream` when it writes to a regular file synchronously (process.stdout redirected to one). */
function regularFileFd(stream: OutStream): number | undefined {
  const fd = (stream as { fd?: unknown }).fd;
  if (typeof fd !== 'number' || stream.isTTY || stream.constructor?.name !== 'SyncWriteStream') return undefined;
  try {
    return fs.fstatSync(fd).isFile() ? fd : undefined;
  } catch {
    return undefined;
  }
}

export class ChunkedOutput {
  private parts: Uint8Array[] = [];
  private size = 0;
  private readonly limit: number;
  private readonly fd: number | undefined;

  constructor(private readonly stream: OutStream, opts: { chunkBytes?: number } = {}) {
    this.fd = regularFileFd(stream);
    this.limit = stream.isTTY ? 0 : this.fd !== undefined ? FILE_CHUNK_BYTES : (opts.chunkBytes ?? CHUNK_BYTES);
  }

  async write(piece: string | Uint8Array): Promise<void> {
    if (!piece.length) return;
    if (this.limit === 0) return this.send(piece);
    const bytes = typeof piece === 'string' ? Buffer.from(piece) : piece;
    this.parts.push(bytes);
    this.size += bytes.length;
    if (this.size >= this.limit || (this.fd !== undefined && this.parts.length >= FILE_CHUNK_PIECES)) await this.flush();
  }

  /** Writes what is gathered (waiting for 'drain' if asked to). */
  async flush(): Promise<void> {
    if (!this.size) return;
    if (this.fd !== undefined) this.writeFile(this.fd);
    else await this.send(this.take());
  }

  /** All gathered pieces to the file, by writev (again from where a short write stopped). */
  private writeFile(fd: number): void {
    let parts = this.parts;
    this.parts = [];
    this.size = 0;
    while (parts.length) {
      let n = fs.writevSync(fd, parts);
      if (n === 0) throw Object.assign(new Error('写入输出文件失败（写入 0 字节）'), { code: 'EIO' });
      let i = 0;
      while (i < parts.length && n >= parts[i].length) n -= parts[i++].length;
      parts = parts.slice(i);
      if (n > 0) parts[0] = parts[0].subarray(n);
    }
  }

  /**
   * Hands what is gathered to the stream without waiting: before something else is printed (a notice on
   * stderr), so that the two keep their order.
   */
  flushNow(): void {
    if (!this.size) return;
    if (this.fd !== undefined) this.writeFile(this.fd);
    else this.stream.write(this.take());
  }

  private take(): Buffer {
    const out = this.parts.length === 1 ? Buffer.from(this.parts[0].buffer, this.parts[0].byteOffset, this.parts[0].length) : Buffer.concat(this.parts, this.size);
    this.parts = [];
    this.size = 0;
    return out;
  }

  private async send(chunk: string | Uint8Array): Promise<void> {
    const ok = this.stream.write(chunk);
    const s = this.stream as { once?: (ev: string, cb: () => void) => void };
    if (ok === false && typeof s.once === 'function') await new Promise<void>((resolve) => s.once!('drain', resolve));
  }
}
