/**
 * Logging to the client's output channel. Silent by default: `info` only for events in a zwgk
 * workspace, `debug` only with `zwgk.trace.server: verbose`; nothing is ever shown as a notification
 * from here. Every line goes through `redactPersonalData`: a file name, an exception message or a stack
 * never carries a full 身份证号, mobile or card number into a log.
 */
import type { Connection } from 'vscode-languageserver';
import { redactPersonalData } from '../core';

/**
 * A log line as written: percent-escapes decoded (file URIs show their Chinese names — and a number in a
 * file name is seen, and masked, as the number it is), then personal numbers masked.
 */
export function clean(msg: string): string {
  const decoded = msg.replace(/(?:%[0-9A-Fa-f]{2}){1,384}/g, (m) => {
    try {
      return decodeURIComponent(m);
    } catch {
      return m;
    }
  });
  return redactPersonalData(decoded);
}

export type LogLevel = 'off' | 'messages' | 'verbose';

export class Logger {
  level: LogLevel = 'off';
  constructor(private readonly connection: Connection) {}

  debug(msg: string): void {
    if (this.level === 'verbose') this.safe(() => this.connection.console.log(clean(msg)));
  }
  info(msg: string): void {
    this.safe(() => this.connection.console.info(clean(msg)));
  }
  warn(msg: string): void {
    this.safe(() => this.connection.console.warn(clean(msg)));
  }
  /** An internal failure: logged with its stack, never shown as a notification. */
  error(msg: string, e?: unknown): void {
    const err = e as Error | undefined;
    const detail = err ? `: ${err.stack ?? err.message ?? String(e)}` : '';
    this.safe(() => this.connection.console.error(clean(`${msg}${detail}`)));
  }

  private safe(f: () => void): void {
    try {
      f();
    } catch {
      // The connection is gone; nothing to log to.
    }
  }
}
