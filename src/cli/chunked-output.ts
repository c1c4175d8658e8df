/**
 * What `zwgk lint` prints, gathered into chunks before it is written: a run over 1,000 drafts prints
 * thousands of pieces (a separator and a result each), and one write per piece costs more than the
 * copying into chunks. To a terminal, every piece is written at once (a user watches it appear).
 * Waits for 'drain' when the stream asks for it, so a slow reader slows the run down instead of the
 * output piling up in memory.
 */
import type { OutStream } from './io';

/** Bytes gathered before a write. */
export const CHUNK_BYTES = 64 * 1024;

export class ChunkedOutput {
  private parts: Uint8Array[] = [];
  private size = 0;
  private readonly limit: number;

  constructor(private readonly stream: OutStream, opts: { chunkBytes?: number } = {}) {
    this.limit = (stream as { isTTY?: boolean }).isTTY ? 0 : (opts.chunkBytes ?? CHUNK_BYTES);
  }

  async write(piece: string | Uint8Array): Promise<void> {
    if (!piece.length) return;
    if (this.limit === 0) return this.send(piece);
    const bytes = typeof piece === 'string' ? Buffer.from(piece) : piece;
    this.parts.push(bytes);
    this.size += bytes.length;
    if (this.size >= this.limit) await this.flush();
  }

  /** Writes what is gathered (waiting for 'drain' if asked to). */
  async flush(): Promise<void> {
    if (!this.size) return;
    await this.send(this.take());
  }

  /**
   * Hands what is gathered to the stream without waiting: before something else is printed (a notice on
   * stderr), so that the two keep their order.
   */
  flushNow(): void {
    if (this.size) this.stream.write(this.take());
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
