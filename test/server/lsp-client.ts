/**
 * A real JSON-RPC client for protocol tests: spawns the built `dist/server.js --stdio` and talks LSP to
 * it over vscode-jsonrpc, answering the server's requests (workspace/configuration, registrations,
 * progress) the way VS Code does.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type {
  CodeAction, CompletionList, Diagnostic, Hover, InitializeResult, PublishDiagnosticsParams, TextEdit, WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import type { ServerStatusResult } from '../../src/server/server';

/** The answer of `zwgk/serverStatus`. */
export type ServerStatus = ServerStatusResult;

const ROOT = path.resolve(__dirname, '../..');
export const SERVER = path.join(ROOT, 'dist/server.js');

let built = false;
/**
 * Builds dist/server.js once per test run (the protocol tests test the bundle, as editors run it) — the
 * server entry only, with esbuild.js's options, so that a broken CLI or extension file does not stop it —
 * and the dist/vendor/ files it loads on first use.
 */
export function buildServer(): void {
  if (built) return;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (require(path.join(ROOT, 'esbuild.js')) as { buildSync(root: string, only: string[]): void }).buildSync(ROOT, ['server']);
  built = true;
}

/**
 * Bundles a test-only server entry (test/server/fixtures/…) into a temporary file, with the same options as
 * dist/server.js; returns the command to spawn it with (for `ClientOptions.command`).
 */
export function buildTestServer(entry: string): string[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const esbuild = require('esbuild') as typeof import('esbuild');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zwgk-test-server-'));
  temporary.push(dir);
  const outfile = path.join(dir, `${path.basename(entry, '.ts')}.js`);
  esbuild.buildSync({
    entryPoints: [path.resolve(__dirname, entry)], outfile,
    bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: false, logLevel: 'warning', external: ['vscode'],
  });
  return [outfile, '--stdio'];
}

export function uriOf(p: string): string {
  return pathToFileURL(p).href;
}

const temporary: string[] = [];
process.on('exit', () => {
  for (const d of temporary) fs.rmSync(d, { recursive: true, force: true });
});

/** A temporary workspace folder with the given files (path → text); removed when the test run ends. */
export function makeWorkspace(files: Record<string, string>): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'zwgk-lsp-')));
  temporary.push(dir);
  for (const [rel, text] of Object.entries(files)) {
    const p = path.join(dir, rel);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, text);
  }
  return dir;
}

export interface ClientOptions {
  folders: string[];
  /** Settings returned for workspace/configuration (section zwgk). */
  settings?: Record<string, unknown>;
  clientName?: string;
  /** The server command (default: `node dist/server.js --stdio`), e.g. `node dist/cli.js lsp --stdio`. */
  command?: string[];
  /** `initializationOptions` of the initialize request (settings, rule link command …). */
  initializationOptions?: unknown;
}

export class LspClient {
  readonly proc: ChildProcess;
  readonly conn: MessageConnection;
  /** Every publishDiagnostics, in order. */
  readonly published: PublishDiagnosticsParams[] = [];
  readonly messages: { type: number; message: string }[] = [];
  readonly logs: { type: number; message: string }[] = [];
  readonly progress: unknown[] = [];
  settings: Record<string, unknown>;
  private readonly versions = new Map<string, number>();
  private readonly texts = new Map<string, string>();
  /** Index into `published` when each document was last opened (older publications are ignored). */
  private readonly openedAt = new Map<string, number>();
  private waiters: (() => void)[] = [];
  stderr = '';

  constructor(private readonly opts: ClientOptions) {
    this.settings = { enable: true, run: 'onType', lintAllDocuments: false, rules: {}, trace: { server: 'off' }, ...(opts.settings ?? {}) };
    this.proc = spawn(process.execPath, opts.command ?? [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc.stderr!.on('data', (d) => (this.stderr += String(d)));
    this.conn = createMessageConnection(new StreamMessageReader(this.proc.stdout!), new StreamMessageWriter(this.proc.stdin!));
    this.conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.published.push(p);
      this.wake();
    });
    this.conn.onNotification('window/showMessage', (p: { type: number; message: string }) => {
      this.messages.push(p);
      this.wake();
    });
    this.conn.onNotification('window/logMessage', (p: { type: number; message: string }) => {
      this.logs.push(p);
      this.wake();
    });
    this.conn.onNotification('$/progress', (p: unknown) => {
      this.progress.push(p);
      this.wake();
    });
    this.conn.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) => p.items.map(() => this.settings));
    this.conn.onRequest('client/registerCapability', () => null);
    this.conn.onRequest('client/unregisterCapability', () => null);
    this.conn.onRequest('window/workDoneProgress/create', () => null);
    this.conn.onRequest('window/showMessageRequest', () => null);
    this.conn.listen();
  }

  private wake(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }

  async initialize(): Promise<InitializeResult> {
    const result = await this.conn.sendRequest<InitializeResult>('initialize', {
      processId: process.pid,
      ...(this.opts.initializationOptions !== undefined ? { initializationOptions: this.opts.initializationOptions } : {}),
      clientInfo: { name: this.opts.clientName ?? 'zwgk-protocol-tests' },
      rootUri: this.opts.folders[0] ? uriOf(this.opts.folders[0]) : null,
      workspaceFolders: this.opts.folders.map((f) => ({ uri: uriOf(f), name: path.basename(f) })),
      capabilities: {
        workspace: {
          configuration: true,
          didChangeConfiguration: { dynamicRegistration: true },
          didChangeWatchedFiles: { dynamicRegistration: true },
          workspaceEdit: { documentChanges: true },
          workspaceFolders: true,
        },
        window: { workDoneProgress: true },
        textDocument: {
          publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } }, isPreferredSupport: true },
          completion: { completionItem: { snippetSupport: false } },
        },
      },
    });
    await this.conn.sendNotification('initialized', {});
    return result;
  }

  /** Resolves when `pred` holds (checked after every notification), or rejects after `ms`. */
  waitFor<T>(what: string, pred: () => T | undefined | false, ms = 8000): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const v = pred();
        if (v) {
          clearTimeout(timer);
          resolve(v);
          return true;
        }
        return false;
      };
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}; stderr: ${this.stderr.slice(-2000)}`)), ms);
      const loop = () => {
        if (!check()) this.waiters.push(loop);
      };
      loop();
    });
  }

  /**
   * The latest diagnostics published for `uri` (among publications after `after`, by default since the
   * document was opened); with `version`, waits until the latest one is for that version.
   */
  diagnostics(uri: string, opts: { version?: number; after?: number; ms?: number } = {}): Promise<Diagnostic[]> {
    const after = opts.after ?? this.openedAt.get(uri) ?? 0;
    return this.waitFor(`diagnostics for ${uri} v${opts.version ?? '*'}`, () => {
      for (let i = this.published.length - 1; i >= after; i--) {
        const p = this.published[i];
        if (p.uri !== uri) continue;
        if (opts.version !== undefined && p.version !== undefined && p.version !== opts.version) return undefined;
        return p.diagnostics;
      }
      return undefined;
    }, opts.ms);
  }

  open(file: string, text: string, languageId = file.endsWith('.txt') ? 'plaintext' : 'markdown'): string {
    const uri = uriOf(file);
    this.versions.set(uri, 1);
    this.texts.set(uri, text);
    this.openedAt.set(uri, this.published.length);
    void this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return uri;
  }

  /** Replaces the whole text (a full-range incremental change); returns the new version. */
  change(uri: string, text: string): number {
    const v = (this.versions.get(uri) ?? 1) + 1;
    const old = this.texts.get(uri) ?? '';
    const lines = old.split(/\r\n|\r|\n/);
    const end = { line: lines.length - 1, character: lines[lines.length - 1].length };
    this.versions.set(uri, v);
    this.texts.set(uri, text);
    void this.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: v },
      contentChanges: [{ range: { start: { line: 0, character: 0 }, end }, text }],
    });
    return v;
  }

  save(uri: string): void {
    void this.conn.sendNotification('textDocument/didSave', { textDocument: { uri } });
  }

  close(uri: string): void {
    void this.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  text(uri: string): string {
    return this.texts.get(uri) ?? '';
  }

  version(uri: string): number {
    return this.versions.get(uri) ?? 0;
  }

  hover(uri: string, line: number, character: number): Promise<Hover | null> {
    return this.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character } });
  }

  codeActions(uri: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    return this.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics, ...(only ? { only } : {}) } });
  }

  completion(uri: string, line: number, character: number): Promise<CompletionList | null> {
    return this.conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line, character } });
  }

  /** `zwgk/serverStatus`: queue counters, open documents, indexed drafts, memory. */
  status(): Promise<ServerStatus> {
    return this.conn.sendRequest('zwgk/serverStatus');
  }

  async shutdown(): Promise<void> {
    try {
      await Promise.race([this.conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      await this.conn.sendNotification('exit');
    } catch {
      // already gone
    }
    this.conn.dispose();
    await new Promise<void>((r) => {
      if (this.proc.exitCode !== null) return r();
      const t = setTimeout(() => {
        this.proc.kill();
        r();
      }, 2000);
      this.proc.on('exit', () => {
        clearTimeout(t);
        r();
      });
    });
  }
}

/** Applies LSP text edits to a text (edits must not overlap; UTF-16 positions). */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const offsets = lineOffsets(text);
  const at = (p: { line: number; character: number }) => Math.min(text.length, (offsets[p.line] ?? text.length) + p.character);
  const sorted = [...edits].sort((a, b) => at(b.range.start) - at(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, at(e.range.start)) + e.newText + out.slice(at(e.range.end));
  return out;
}

function lineOffsets(text: string): number[] {
  const out = [0];
  const re = /\r\n|\r|\n/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) out.push(m.index + m[0].length);
  return out;
}

/** The edits of a code action's workspace edit for `uri` (changes or documentChanges). */
export function editsFor(edit: WorkspaceEdit | undefined, uri: string): TextEdit[] {
  if (!edit) return [];
  if (edit.changes?.[uri]) return edit.changes[uri];
  const out: TextEdit[] = [];
  for (const dc of edit.documentChanges ?? []) {
    if ('textDocument' in dc && dc.textDocument.uri === uri) out.push(...(dc.edits as TextEdit[]));
  }
  return out;
}

/** Offset-free helper: the text a diagnostic's range covers. */
export function rangeText(text: string, d: { range: Diagnostic['range'] }): string {
  const offsets = lineOffsets(text);
  const at = (p: { line: number; character: number }) => (offsets[p.line] ?? text.length) + p.character;
  return text.slice(at(d.range.start), at(d.range.end));
}

/** Builds the server, writes a workspace with `files`, starts a client on it and initializes it. */
export async function startWorkspace(files: Record<string, string>, options: Omit<ClientOptions, 'folders'> = {}): Promise<{ ws: string; client: LspClient }> {
  buildServer();
  const ws = makeWorkspace(files);
  const client = new LspClient({ ...options, folders: [ws] });
  await client.initialize();
  return { ws, client };
}
