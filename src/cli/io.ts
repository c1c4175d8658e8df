/** The process surface the CLI talks to (injectable, so commands can run in-process in tests). */
import { redactPersonalData } from '../core';
import { CliError } from './errors';
import { MAX_DRAFT_BYTES, formatBytes } from './safe-read';

export interface OutStream {
  write(chunk: string | Uint8Array): unknown;
  isTTY?: boolean;
}

export interface Io {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: OutStream;
  stderr: OutStream;
  readStdin(): Promise<Buffer>;
}

export function processIo(): Io {
  return {
    cwd: process.cwd(),
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    readStdin: () =>
      new Promise<Buffer>((resolve, reject) => {
        const chunks: Buffer[] = [];
        let size = 0;
        process.stdin.on('data', (c: Buffer) => {
          size += c.length;
          if (size > MAX_DRAFT_BYTES) {
            process.stdin.destroy();
            reject(new CliError(`标准输入超过 ${formatBytes(MAX_DRAFT_BYTES)}，未检查`));
            return;
          }
          chunks.push(c);
        });
        process.stdin.on('end', () => resolve(Buffer.concat(chunks)));
        process.stdin.on('error', reject);
      }),
  };
}

/** `stream` with every string written to it passed through redactPersonalData (isTTY kept). */
export function redactingStream(stream: OutStream): OutStream {
  const out: OutStream = {
    write: (chunk) => stream.write(typeof chunk === 'string' ? redactPersonalData(chunk) : chunk),
    isTTY: stream.isTTY,
  };
  // `once('drain')` for back-pressure, where the stream has it.
  const s = stream as { once?: (ev: string, cb: () => void) => unknown };
  if (typeof s.once === 'function') (out as { once?: unknown }).once = s.once.bind(stream);
  return out;
}
