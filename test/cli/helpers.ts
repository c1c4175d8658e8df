/** Helpers for the CLI tests: build dist/cli.js (and the bundle it runs) once, run it on temporary folders. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { ALL_RULES, getRule } from '../../src/core';

export const ROOT = path.resolve(__dirname, '../..');
export const CLI = path.join(ROOT, 'dist', 'cli.js');

let built = false;

/**
 * Builds the CLI bundle with esbuild.js's options (only the CLI entry, so a half-written server cannot
 * break these tests) and the dist/vendor/ files it loads on first use.
 */
export function buildCli(): void {
  if (built) return;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (require(path.join(ROOT, 'esbuild.js')) as { buildSync(root: string, only: string[]): void }).buildSync(ROOT, ['cli']);
  built = true;
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  stdoutBytes: Buffer;
}

export function runCli(args: string[], opts: { cwd: string; input?: string | Buffer; env?: Record<string, string | undefined>; timeout?: number; cli?: string }): CliRun {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, ...opts.env };
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  const r = spawnSync(process.execPath, [opts.cli ?? CLI, ...args], {
    cwd: opts.cwd,
    input: opts.input ?? '',
    env: env as NodeJS.ProcessEnv,
    timeout: opts.timeout ?? 30000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.error) throw r.error;
  if (r.status === null) throw new Error(`zwgk killed by ${r.signal}: ${r.stderr}`);
  return { code: r.status, stdout: r.stdout.toString('utf8'), stderr: r.stderr.toString('utf8'), stdoutBytes: r.stdout };
}

const made: string[] = [];

/** A fresh temporary workspace; files: relative path → content. Removed after the run. */
export function workspace(files: Record<string, string | Buffer> = {}): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'zwgk-cli-')));
  made.push(dir);
  for (const [rel, content] of Object.entries(files)) write(dir, rel, content);
  return dir;
}

export function write(dir: string, rel: string, content: string | Buffer): string {
  const file = path.join(dir, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  return file;
}

export function cleanup(): void {
  for (const d of made.splice(0)) fs.rmSync(d, { recursive: true, force: true });
}

/**
 * An installed copy of the built CLI in a fresh folder: cli.js (the bin), cli-main.js (the bundle) and the
 * .js files of its vendor/ folder (those in `vendor`, default all). Returns the copy's cli.js; removed
 * after the run.
 */
export function installCopy(vendor?: (name: string) => boolean): string {
  const dir = workspace();
  for (const f of ['cli.js', 'cli-main.js']) fs.copyFileSync(path.join(path.dirname(CLI), f), path.join(dir, f));
  const from = path.join(path.dirname(CLI), 'vendor');
  fs.mkdirSync(path.join(dir, 'vendor'));
  for (const f of fs.readdirSync(from)) if (f.endsWith('.js') && (vendor?.(f) ?? true)) fs.copyFileSync(path.join(from, f), path.join(dir, 'vendor', f));
  return path.join(dir, 'cli.js');
}

/**
 * A root config that turns every rule off except `on` (id → severity), so tests stay valid as teammates
 * add rules.
 */
export function focusConfig(on: Record<string, string>, extra: Record<string, unknown> = {}): string {
  const rules: Record<string, string> = {};
  for (const r of ALL_RULES) rules[r.meta.id] = 'off';
  Object.assign(rules, on);
  return JSON.stringify({ root: true, rules, ...extra }, null, 2);
}

export function hasRule(id: string): boolean {
  return getRule(id) !== undefined;
}

export interface JsonMessage {
  ruleId: string;
  severity: string;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  clause: { source: string; id: string; summary?: boolean; ref: number };
  fix?: { range: [number, number]; text: string };
}

export interface JsonResult {
  filePath: string;
  messages: JsonMessage[];
  clauses: { source: string; id: string; text: string; summary?: boolean; version?: string }[];
  errorCount: number;
  warningCount: number;
  infoCount: number;
  fixableCount: number;
  encoding?: string;
  fixedCount?: number;
}

/** The layout of a file's object in `--format json`: messages and clauses one a line, the rest compact. */
export function jsonLayout(o: Record<string, unknown>): string {
  const list = (xs: unknown[]) => (xs.length ? '\n' + xs.map((x) => JSON.stringify(x)).join(',\n') + '\n' : '');
  const { filePath, messages, clauses, ...rest } = o as { filePath: string; messages: unknown[]; clauses: unknown[] };
  return `{"filePath":${JSON.stringify(filePath)},"messages":[${list(messages)}],"clauses":[${list(clauses)}],${JSON.stringify(rest).slice(1)}`;
}

/** The whole `--format json` output for these file objects. */
export function jsonOutput(results: readonly Record<string, unknown>[]): string {
  return results.length ? `[\n${results.map(jsonLayout).join(',\n')}\n]\n` : '[]\n';
}

export function parseJson(run: CliRun): JsonResult[] {
  try {
    return JSON.parse(run.stdout) as JsonResult[];
  } catch (e) {
    throw new Error(`stdout is not JSON (exit ${run.code}): ${run.stdout.slice(0, 500)}\nstderr: ${run.stderr}`);
  }
}
