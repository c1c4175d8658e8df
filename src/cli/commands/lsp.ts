/**
 * `zwgk lsp [--stdio | --node-ipc | --socket=<port> | --pipe=<name>]` — the zwgk language server for any
 * LSP editor (Neovim, Emacs, Helix, Sublime …); `--stdio` when no transport is named.
 *
 * It runs the server bundle that ships next to the CLI (`dist/server.js` beside `dist/cli.js`), loaded at
 * run time: the CLI bundle never includes src/server, so the layers stay one-way (server → core,
 * cli → core). The server reads its transport from the process arguments (vscode-languageserver) and
 * ends the process itself on the protocol's `exit` notification or when the client goes away.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CliError } from '../errors';

export interface LspFlags {
  stdio?: boolean;
  nodeIpc?: boolean;
  socket?: string;
  pipe?: string;
}

/** The server bundle next to this one (dist/server.js). */
export function serverBundle(dir = __dirname): string {
  return path.join(dir, 'server.js');
}

/** Arguments to add so that vscode-languageserver finds the transport the flags name (`--stdio` by default). */
export function transportArgs(flags: LspFlags, argv: readonly string[]): string[] {
  const add: string[] = [];
  if (flags.socket !== undefined && !argv.some((a) => a.startsWith('--socket='))) add.push(`--socket=${flags.socket}`);
  if (flags.pipe !== undefined && !argv.some((a) => a.startsWith('--pipe='))) add.push(`--pipe=${flags.pipe}`);
  const named = flags.stdio || flags.nodeIpc || flags.socket !== undefined || flags.pipe !== undefined
    || argv.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket=') || a.startsWith('--pipe='));
  if (!named) add.push('--stdio');
  return add;
}

/** Starts the server; the returned promise never settles (the server owns the process from here). */
export function lspCommand(flags: LspFlags): Promise<number> {
  const bundle = serverBundle();
  if (!fs.existsSync(bundle)) {
    throw new CliError(`找不到语言服务器 ${bundle}：安装不完整（dist/server.js 应与 dist/cli.js 在同一目录）`);
  }
  process.argv.push(...transportArgs(flags, process.argv));
  // A run-time require of the sibling bundle (not bundled into dist/cli.js).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const server = require(bundle) as { startServer?: () => unknown };
  if (typeof server.startServer !== 'function') throw new CliError(`${bundle} 不是 zwgk 语言服务器`);
  server.startServer();
  return new Promise<number>(() => undefined);
}
