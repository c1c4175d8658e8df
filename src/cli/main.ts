/** Entry point of the `zwgk` bin (bundled to dist/cli.js); also the script of its worker threads. */
import { isMainThread, workerData } from 'node:worker_threads';
import { run } from './program';
import { processIo } from './io';
import { redactPersonalData } from '../core';
import { isWorkerData, startWorker } from './worker';

if (!isMainThread && isWorkerData(workerData)) {
  startWorker(workerData);
} else {
  // `zwgk lint | head` closes stdout early: that is not an error.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw e;
    });
  }

  run(process.argv.slice(2), processIo()).then(
    (code) => {
      // Set, not exit: piped output must be flushed first.
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(redactPersonalData(`zwgk: 内部错误：${(e as Error)?.message ?? String(e)}\n`));
      process.exitCode = 2;
    },
  );
}
