/**
 * ChunkedOutput (src/cli/chunked-output.ts): what `zwgk lint` prints reaches the stream whole and in
 * order — to a terminal piece by piece, to a pipe in chunks, to a regular file by writev, also when the
 * system writes less than it was asked to.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ChunkedOutput } from '../../src/cli/chunked-output';

const pieces = (): (string | Buffer)[] => {
  const out: (string | Buffer)[] = [];
  for (let i = 0; i < 3000; i++) out.push(i % 3 ? Buffer.from(`{"第${i}条":"${'内容'.repeat(i % 50)}"}`) : ',', '');
  return out;
};
const expected = Buffer.concat(pieces().map((p) => Buffer.from(p)));

class Sink {
  writes: Buffer[] = [];
  constructor(readonly isTTY = false) {}
  write(chunk: string | Uint8Array): boolean {
    this.writes.push(Buffer.from(chunk));
    return true;
  }
}

describe('ChunkedOutput', () => {
  it('to a terminal: every piece at once; to a pipe: in chunks; the same bytes', async () => {
    const tty = new Sink(true);
    const pipe = new Sink(false);
    for (const [sink, n] of [[tty, 3000], [pipe, 0]] as const) {
      const out = new ChunkedOutput(sink);
      for (const p of pieces()) await out.write(p);
      await out.flush();
      assert.ok(Buffer.concat(sink.writes).equals(expected));
      if (n) assert.equal(sink.writes.length, n, 'one write per non-empty piece');
    }
    assert.ok(pipe.writes.length < 20 && pipe.writes.length > 1, `${pipe.writes.length} writes`);
  });

  it('flushNow hands over what is gathered (before a notice on stderr)', async () => {
    const sink = new Sink();
    const out = new ChunkedOutput(sink);
    await out.write('[');
    await out.write('{"a":1}');
    assert.equal(sink.writes.length, 0);
    out.flushNow();
    assert.equal(Buffer.concat(sink.writes).toString(), '[{"a":1}');
  });

  it('to a regular file: by writev, whole and in order even when the system writes only part of what it is given', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'zwgk-out-')), 'out.json');
    const fd = fs.openSync(file, 'w');
    // What process.stdout is when redirected to a file.
    class SyncWriteStream {
      readonly isTTY = false;
      constructor(readonly fd: number) {}
      write(): boolean {
        throw new Error('not used for a file');
      }
    }
    // The module object itself (what chunked-output.ts calls through), not this file's namespace view of it.
    const nodeFs = require('node:fs') as { writevSync: typeof fs.writevSync };
    const real = nodeFs.writevSync;
    let calls = 0;
    nodeFs.writevSync = (f: number, bufs: readonly NodeJS.ArrayBufferView[]) => {
      calls++;
      // At most 1,000 bytes, cut anywhere (inside a piece, inside a character).
      let left = 1000;
      const part: Buffer[] = [];
      for (const b of bufs) {
        if (left <= 0) break;
        const buf = Buffer.from(b.buffer, b.byteOffset, Math.min(b.byteLength, left));
        part.push(buf);
        left -= buf.length;
      }
      return real(f, part);
    };
    try {
      const out = new ChunkedOutput(new SyncWriteStream(fd));
      for (const p of pieces()) await out.write(p);
      await out.flush();
    } finally {
      nodeFs.writevSync = real;
      fs.closeSync(fd);
    }
    assert.ok(calls > expected.length / 1000, `${calls} writev calls`);
    assert.ok(fs.readFileSync(file).equals(expected));
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  });
});
