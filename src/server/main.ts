/** Entry of `dist/server.js`: `node dist/server.js --stdio` or forked by the extension over IPC. */
import { startServer } from './server';

startServer();
