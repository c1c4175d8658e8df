/**
 * Logging to the client's output channel. Silent by default: `info` only for events in a zwgk
 * workspace, `debug` only with `zwgk.trace.server: verbose`; nothing is ever shown as a notification
 * from here.
 */
import type { Connection } from 'vscode-languageserver';

export type LogLevel = 'off' | 'messages' | 'verbose';

export class Logger {
  level: LogLevel = 'off';
  constructor(private readonly connection: Connection) {}

  debug(msg: string): void {
    if (this.level === 'verbose') this.safe(() => this.connection.console.log(msg));
  }
  info(msg: string): void {
    this.safe(() => this.connection.console.info(msg));
  }
  warn(msg: string): void {
    this.safe(() => this.connection.console.warn(msg));
  }
  /** An internal failure: logged with its stack, never shown as a notification. */
  error(msg: string, e?: unknown): void {
    const err = e as Error | undefined;
    const detail = err ? `: ${err.stack ?? err.message ?? String(e)}` : '';
    this.safe(() => this.connection.console.error(`${msg}${detail}`));
  }

  private safe(f: () => void): void {
    try {
      f();
    } catch {
      // The connection is gone; nothing to log to.
    }
  }
}
