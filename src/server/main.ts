/**
 * Entry of `dist/server.js`: `node dist/server.js --stdio` or forked by the extension over IPC — then it
 * starts at once. `zwgk lsp` (dist/cli.js) requires this bundle and calls `startServer()` itself.
 */
import { startServer } from './server';

export { startServer };

if (require.main === module) startServer();
