/**
 * `zwgk lint --cache`: results of earlier runs, reused when nothing they depend on has changed — right
 * for CI, where a checkout gives every file a new mtime, so everything is keyed by content:
 *
 * - the run: zwgk's version and the code itself (a hash of the running bundle), the Node.js version, the
 *   official calendar data, the current year (rules judge birth dates and years against it) and the
 *   working directory (notices name paths relative to it). Any difference: the whole cache is ignored;
 * - a draft's summary in the index (pass 1): its path and the hash of its bytes;
 * - a linted file's result: the hash of its bytes, its resolved config (rule settings, options, calendar
 *   overrides, the wording packs it names, by content), and what the cross-document rules saw — the
 *   file's links resolved against the whole index of this run (`DraftIndex.linksOf`: the linked drafts
 *   with their metadata, the links that could not be followed) and whether the index was empty. That
 *   resolution is recomputed from the index of the current run (no parsing needed), so a file is
 *   re-linted exactly when a draft it depends on was edited, renamed, added or deleted — the policy whose
 *   interpretation changed, the interpretation whose policy moved — and only then. A result also names
 *   the index it was last checked against (a hash of the index's summary lines, in order, and the roots):
 *   when this run's index is the same, the links cannot differ, and neither the index nor the links are
 *   worked out at all (the whole re-run on an unchanged tree).
 *
 * Reading and hashing every draft is most of what a re-run on an unchanged tree does. So, like Git's index,
 * the cache also keeps each file's stat (device, inode, size, modification and change times) beside the
 * hash of the bytes read then, and the file's draft status: when the stat is the same, so are the bytes,
 * and the file is not read. Checking out a tree gives every file a new stat: then it is read, hashed
 * and found by its content as before. A stat is kept only for a file whose modification and change times
 * were at least STAMP_MARGIN_MS older than the start of the run that read it: a write after that read
 * gives the file a newer time (Git's "racily clean" rule); a tool that sets the modification time back
 * still changes the change time, which nothing can set.
 *
 * A result is stored only when the file was checked completely (no unreadable file, no crashed rule).
 * With --fix a result is reused only when it holds nothing fixable, and a file zwgk fixed is stored
 * under the hash of the bytes written. Results come back exactly as linting gives them, so the output
 * is the same with and without the cache.
 *
 * The cache is one file (default `node_modules/.cache/zwgk/lint-<hash of the working directory>.json`):
 * a header line, then one JSON line per file stat, per summary and per result, written atomically
 * (temporary file + rename). Beside it, segment files hold each result as the run's format printed it
 * (cache-output.ts). A cache file that is corrupt, truncated or from another version is ignored and rewritten; a
 * file that is not a zwgk cache at all is neither read nor overwritten.
 */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ALL_RULES, CLAUSES, calendarDataId, summarizeText, type Clause, type DraftIndex, type DraftStatus, type DraftSummary, type ResolvedConfig } from '../core';
import type { CliMessage, FileResult } from './results';
import { VERSION } from './version';
import { MAX_DRAFT_BYTES, readBounded } from './safe-read';
import { OutputStore, type OutputRef } from './cache-output';

const MAGIC = '{"zwgk-lint-cache":';
const SCHEMA = 3;
/** See the module comment: file times this much older than the run's start are trusted. */
export const STAMP_MARGIN_MS = 3000;

/** Where the cache goes without --cache-location: node_modules/.cache/zwgk/ below the working directory. */
export function defaultCacheLocation(cwd: string): string {
  return path.join(cwd, 'node_modules', '.cache', 'zwgk') + path.sep;
}

/**
 * The cache file for `--cache-location`: a folder (an existing one, or a path ending in a separator)
 * holds `lint-<hash of cwd>.json`; anything else is the file itself.
 */
export function cacheFilePath(location: string, cwd: string): string {
  const abs = path.resolve(cwd, location);
  let isDir = /[\\/]$/.test(location);
  try {
    isDir ||= fs.statSync(abs).isDirectory();
  } catch {
    // does not exist yet
  }
  return isDir ? path.join(abs, `lint-${digest(cwd).slice(0, 10)}.json`) : abs;
}

function digest(data: string | Uint8Array): string {
  // SHA-256: on CPUs with SHA extensions faster than SHA-1, and it keys content anyway.
  return crypto.createHash('sha256').update(data).digest('base64url');
}

/** The hash a file's bytes are known by. */
export function contentHash(bytes: Uint8Array): string {
  return digest(bytes);
}

let engine: string | undefined;

/**
 * The code that produced the results: a hash of the running bundle (dist/cli.js) and of the libraries it
 * loads on first use from dist/vendor/ (the HTML parser, the GBK tables … — see esbuild.js). Run from
 * TypeScript sources there is no single file to hash: then every run is its own (the cache is never reused).
 */
function engineId(): string {
  if (engine === undefined) {
    try {
      engine = __filename.endsWith('.js') ? digest(engineFiles(__filename).map((f) => `${path.basename(f)}:${digest(fs.readFileSync(f))}`).join(' ')) : `source-${crypto.randomUUID()}`;
    } catch {
      engine = `unknown-${crypto.randomUUID()}`;
    }
  }
  return engine;
}

/** The bundle, then the .js files of the vendor/ folder beside it, by name. */
function engineFiles(bundle: string): string[] {
  const vendor = path.join(path.dirname(bundle), 'vendor');
  let names: string[] = [];
  try {
    names = fs.readdirSync(vendor).filter((n) => n.endsWith('.js')).sort();
  } catch {
    // no vendor folder: nothing loaded from there
  }
  return [bundle, ...names.map((n) => path.join(vendor, n))];
}

/** What every result of a run depends on (see the module comment). */
export function runFingerprint(cwd: string): string {
  return JSON.stringify([SCHEMA, VERSION, engineId(), process.version, calendarDataId(), new Date().getFullYear(), cwd]);
}

const configKeys = new WeakMap<ResolvedConfig, string>();

/**
 * A resolved config, as a key: rule settings with their options, ignore globs, calendar overrides and
 * the content of the wording packs it names (plain data; the default packs are part of the build).
 */
export function configKey(config: ResolvedConfig): string {
  let k = configKeys.get(config);
  if (k === undefined) configKeys.set(config, (k = digest(JSON.stringify([[...config.rules], config.ignore, config.calendar, config.packs ?? []]))));
  return k;
}

/** What the cross-document rules see of the index for a draft with this summary (see the module comment). */
export function linksKey(index: DraftIndex, summary: DraftSummary): string {
  return digest(JSON.stringify([index.size === 0, index.linksOf(summary)]));
}

// ————————————————————————————————— results as cache lines —————————————————————————————————

/**
 * A message as a tuple: strings by number in the entry's table; the clause by number in KNOWN (or as
 * [source, id, text, summary]); the fix as [start, end, text number]; the fix region as
 * [startLine, startColumn, endLine, endColumn]; any other field (absent: 0).
 */
type ClauseTuple = [string, string, string, 0 | 1, string?];
type MessageTuple = [number, number, number, number, number, number, number, number | ClauseTuple, [number, number, number] | 0, [number, number, number, number] | 0, Record<string, unknown> | 0];
/** A result without its path and messages, the strings, the messages. */
type PackedResult = [Record<string, unknown>, string[], MessageTuple[]];

const STANDARD = new Set(['ruleId', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn', 'clause', 'fix', 'fixRegion']);

let known: { list: Clause[]; ids: Map<Clause, number> } | undefined;

/** The clauses of this build, in a fixed order (the fingerprint pins the build): messages cite them by number. */
function knownClauses(): { list: Clause[]; ids: Map<Clause, number> } {
  if (!known) {
    const list = [...new Set([...Object.values(CLAUSES) as Clause[], ...ALL_RULES.flatMap((r) => r.meta.clauses)])];
    known = { list, ids: new Map(list.map((c, i) => [c, i])) };
  }
  return known;
}

function pack(r: FileResult): PackedResult {
  const strings: string[] = [];
  const stringIds = new Map<string, number>();
  const str = (s: string) => {
    let n = stringIds.get(s);
    if (n === undefined) stringIds.set(s, (n = strings.push(s) - 1));
    return n;
  };
  const { ids } = knownClauses();
  const messages = r.messages.map((m): MessageTuple => {
    const cl = m.clause;
    const c: number | ClauseTuple = ids.get(cl) ?? (cl.version ? [cl.source, cl.id, cl.text, cl.summary ? 1 : 0, cl.version] : [cl.source, cl.id, cl.text, cl.summary ? 1 : 0]);
    let extra: Record<string, unknown> | 0 = 0;
    for (const k of Object.keys(m)) {
      const v = (m as unknown as Record<string, unknown>)[k];
      if (!STANDARD.has(k) && v !== undefined) (extra ||= {})[k] = v;
    }
    const f = m.fix ? [m.fix.range[0], m.fix.range[1], str(m.fix.text)] as [number, number, number] : 0;
    const g = m.fixRegion ? [m.fixRegion.startLine, m.fixRegion.startColumn, m.fixRegion.endLine, m.fixRegion.endColumn] as [number, number, number, number] : 0;
    return [str(m.ruleId), str(m.severity), str(m.message), m.line, m.column, m.endLine, m.endColumn, c, f, g, extra];
  });
  const { filePath: _path, messages: _messages, fixedCount: _fixed, ...rest } = r;
  return [rest, strings, messages];
}

const isCount = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0;
const isCounts = (a: unknown, n: number): boolean => Array.isArray(a) && a.length === n && a.every(isCount);

/** A packed result as `pack` writes it (a cache line that passed JSON.parse may still hold anything). */
function wellFormed(p: PackedResult, clauses: number): boolean {
  const [rest, strings, tuples] = p;
  const s = strings.length;
  return ['errorCount', 'warningCount', 'infoCount', 'fixableCount', 'internalErrorCount'].every((k) => isCount(rest[k]))
    && strings.every((x) => typeof x === 'string')
    && tuples.every((t) => Array.isArray(t) && t.length === 11 && [0, 1, 2].every((i) => isCount(t[i]) && t[i] < s)
      && [3, 4, 5, 6].every((i) => isCount(t[i]))
      && ((isCount(t[7]) && t[7] < clauses) || (Array.isArray(t[7]) && (t[7].length === 4 || (t[7].length === 5 && typeof t[7][4] === 'string')) && t[7].slice(0, 3).every((x) => typeof x === 'string')))
      && (t[8] === 0 || (isCounts(t[8], 3) && t[8][2] < s)) && (t[9] === 0 || isCounts(t[9], 4))
      && (t[10] === 0 || (typeof t[10] === 'object' && t[10] !== null && !Array.isArray(t[10]))));
}

function unpack(filePath: string, p: PackedResult): FileResult | undefined {
  const { list } = knownClauses();
  if (!wellFormed(p, list.length)) return undefined;
  const [rest, strings, tuples] = p;
  const inline = new Map<string, Clause>();
  const messages = tuples.map((t): CliMessage => {
    let clause: Clause;
    if (typeof t[7] === 'number') clause = list[t[7]];
    else {
      const [source, id, text, summary, version] = t[7];
      const key = JSON.stringify(t[7]);
      clause = inline.get(key) ?? { source, id, text, ...(summary ? { summary: true } : {}), ...(version ? { version } : {}) };
      inline.set(key, clause);
    }
    const m: CliMessage = {
      ruleId: strings[t[0]], severity: strings[t[1]] as CliMessage['severity'], message: strings[t[2]],
      line: t[3], column: t[4], endLine: t[5], endColumn: t[6], clause,
    };
    if (t[10]) Object.assign(m, t[10]);
    if (t[8]) m.fix = { range: [t[8][0], t[8][1]], text: strings[t[8][2]] };
    if (t[9]) m.fixRegion = { startLine: t[9][0], startColumn: t[9][1], endLine: t[9][2], endColumn: t[9][3] };
    return m;
  });
  return { filePath, messages, ...rest } as FileResult;
}

/**
 * The cache line for a file just linted (see `LintCache.add`). `summary` is what the rules saw of the
 * document itself, `text` the text it was linted as: the line leaves the summary out when the index's
 * summary of that text (pass 1) is the same.
 */
export function resultLine(filePath: string, hash: string, config: ResolvedConfig, index: DraftIndex, summary: DraftSummary, text: string, result: FileResult): string {
  let own: Omit<DraftSummary, 'path'> | 0 = withoutPath(summary);
  try {
    if (JSON.stringify(summarizeText(text, filePath)) === JSON.stringify(summary)) own = 0;
  } catch {
    // keep it
  }
  const [rest, strings, messages] = pack(result);
  // The head (read on every run) and, after a tab, the messages (read only when no stored output fits).
  return JSON.stringify(['r', filePath, hash, configKey(config), linksKey(index, summary), own, rest, 0, 0]) + '\t' + JSON.stringify([strings, messages]);
}

function withoutPath(s: DraftSummary): Omit<DraftSummary, 'path'> {
  const { path: _p, ...rest } = s;
  return rest;
}

/** Whether a result may be stored: the file was checked completely. */
export function cacheable(r: FileResult): boolean {
  return !r.fatal && r.internalErrorCount === 0;
}

// ————————————————————————————————— file stats —————————————————————————————————

/** A file's state as its stat tells it (see the module comment). */
export function statKey(st: fs.Stats): string {
  return `${st.dev}:${st.ino}:${st.size}:${st.mtimeMs}:${st.ctimeMs}`;
}

/** What the cache knows of a file by its stat: the hash of its bytes and, once decided, its draft status. */
interface Stamp {
  key: string;
  hash: string;
  /** Whether a config governed the file when its status was decided (1) or not (0), and the status. */
  status?: [0 | 1, DraftStatus];
}

function isStatus(v: unknown): v is DraftStatus {
  const s = v as DraftStatus;
  return typeof v === 'object' && v !== null && typeof s.draft === 'boolean' && typeof s.reason === 'string' && typeof s.why === 'string'
    && isCount(s.knownKeys) && (s.declaredType === undefined || typeof s.declaredType === 'string');
}

/** A stamp line: `["f", path, stat key, hash, [governed, status] | 0]`. */
function parseStamp(line: Buffer | string): Stamp | undefined {
  const v = parseJson(line.toString());
  if (!Array.isArray(v) || v.length !== 5 || typeof v[2] !== 'string' || typeof v[3] !== 'string') return undefined;
  const st = v[4] as unknown[];
  const status = Array.isArray(st) && st.length === 2 && (st[0] === 0 || st[0] === 1) && isStatus(st[1]) ? (st as [0 | 1, DraftStatus]) : undefined;
  return { key: v[2], hash: v[3], ...(status ? { status } : {}) };
}

function stampLine(filePath: string, s: Stamp): string {
  return JSON.stringify(['f', filePath, s.key, s.hash, s.status ?? 0]);
}

// ————————————————————————————————— the cache file —————————————————————————————————

/** The kind (s, r) and path a cache line starts with (`["s","<path>",…`), without parsing the line. */
function lineHead(line: string): { kind: string; path: string } | undefined {
  if (!line.startsWith('["') || line[3] !== '"' || line[4] !== ',' || line[5] !== '"') return undefined;
  for (let i = 6; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 92) i++; // backslash: skip the escaped character
    else if (c === 34) {
      try {
        return { kind: line[2], path: JSON.parse(line.slice(5, i + 1)) as string };
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * A result line: its head (`["r", path, hash, config, links, own summary | 0, counts, output ref | 0,
 * index key | 0]`) and, after the tab, the packed messages.
 */
class ResultLine {
  private parsed?: unknown[] | null;
  /** `head` is the JSON text of the head, `tail` the packed messages' (read only when needed). */
  constructor(readonly headText: string, readonly tail: Buffer | string) {}

  static fromString(line: string): ResultLine {
    const tab = line.indexOf('\t');
    return tab < 0 ? new ResultLine(line, '') : new ResultLine(line.slice(0, tab), line.slice(tab + 1));
  }

  get head(): unknown[] | undefined {
    if (this.parsed === undefined) {
      const v = parseJson(this.headText);
      this.parsed = Array.isArray(v) && v.length === 9 && typeof v[2] === 'string' && typeof v[3] === 'string' && typeof v[4] === 'string'
        && typeof v[6] === 'object' && v[6] !== null ? v : null;
    }
    return this.parsed ?? undefined;
  }

  get packed(): PackedResult | undefined {
    const head = this.head;
    const v = head && parseJson(this.tail.toString());
    return head && Array.isArray(v) && v.length === 2 && Array.isArray(v[0]) && Array.isArray(v[1])
      ? [head[6] as Record<string, unknown>, v[0] as string[], v[1] as MessageTuple[]]
      : undefined;
  }

  /** The same result, last checked against the index `key`. */
  withIndexKey(key: string): ResultLine {
    const h = this.head;
    if (!h || h[8] === key) return this;
    const line = new ResultLine(JSON.stringify([...h.slice(0, 8), key]), this.tail);
    return line;
  }

  /** The line as it is written, with its output at `ref` (see cache-output.ts; 0: none) when given. */
  text(ref?: OutputRef | 0): (Buffer | string)[] {
    let head = this.headText;
    if (ref !== undefined && this.head) {
      const h = [...this.head];
      h[7] = ref;
      head = JSON.stringify(h);
    }
    return [head, '\t', this.tail, '\n'];
  }
}

/** What the cache gives for a linted file: its result, and its output in the run's format when stored. */
export interface CachedResult {
  result: FileResult;
  /** The formatted output (UTF-8); the result's messages are then left out (its counts are there). */
  body?: Uint8Array;
}

export class LintCache {
  /** Content hashes of the files read in pass 1 of this run (or known by their stat), and their summaries. */
  private readonly hashes = new Map<string, string>();
  /** This run's index, as a key (see the module comment); undefined when pass 1 did not work it out. */
  indexKey?: string;
  /**
   * The stats taken when the run found its files (files.ts), so that they are not taken twice. A file
   * changed since then is seen by the next run, as if this one had run a moment earlier.
   */
  foundStats?: ReadonlyMap<string, fs.Stats>;
  /** Hashes of the buffers hashed in this run: choosing the drafts and pass 1 may see the same bytes. */
  private readonly bufferHashes = new WeakMap<Uint8Array, string>();
  /** When this run started: stats are trusted against it (see STAMP_MARGIN_MS). */
  private readonly started = Date.now();
  /** The stamp lines read, by path; the stamps to write. */
  private readonly oldStamps = new Map<string, Buffer | string>();
  private readonly stamps = new Map<string, Stamp>();
  /** Files whose stat was compared with their stamp in this run: the stamp when it held, else null. */
  private readonly statted = new Map<string, Stamp | null>();
  private readonly summaries = new Map<string, DraftSummary>();
  /** The lines read, by path (parsed when needed). */
  private readonly oldSummaries = new Map<string, Buffer | string>();
  private readonly oldResults = new Map<string, ResultLine>();
  /** The lines to write. */
  private readonly summaryLines = new Map<string, Buffer | string>();
  private readonly resultLines = new Map<string, ResultLine>();
  /** Files linted in this run (a result of theirs not renewed is dropped). */
  private readonly linted = new Set<string>();
  private changed = false;
  /** False when the file is not a zwgk cache: it is then left alone. */
  private readonly writable: boolean;
  /** The formatted output of stored results, for one output format (`outputKey`): see cache-output.ts. */
  private store?: OutputStore;
  /**
   * Diagnostics (and tests): with ZWGK_CACHE_LOG=FILE, `hit <path>` / `lint <path>` lines are appended to
   * FILE, and `known <path>` for a file not read because its stat was unchanged.
   */
  private readonly log: string[] | undefined = process.env.ZWGK_CACHE_LOG ? [] : undefined;

  private constructor(readonly file: string, private readonly fingerprint: string, private readonly outputKey: string, private readonly notice: (m: string) => void) {
    let bytes: Buffer | undefined;
    try {
      bytes = fs.readFileSync(file);
    } catch {
      // no cache yet (or unreadable: then writing will tell)
    }
    this.writable = bytes === undefined || bytes.length === 0 || bytes.subarray(0, MAGIC.length).toString('latin1') === MAGIC;
    if (!this.writable) {
      notice(`${file} 不是 zwgk 的缓存文件，未读取也不会覆盖（请用 --cache-location 指定别的位置）`);
      return;
    }
    if (bytes?.length) this.load(bytes);
    this.store ??= new OutputStore(file, undefined);
  }

  /**
   * Opens (reads) the cache file; never throws. `outputKey` names the output format and its options: a
   * stored output is reused only for the same.
   */
  static open(file: string, fingerprint: string, outputKey: string, notice: (m: string) => void): LintCache {
    return new LintCache(file, fingerprint, outputKey, notice);
  }

  /** Reads the lines (JSON never holds a raw tab or line break, so lines are split as bytes). */
  private load(bytes: Buffer): void {
    let end = bytes.indexOf(10);
    if (end < 0) end = bytes.length;
    const head = parseJson(bytes.toString('utf8', 0, end)) as Record<string, unknown> | undefined;
    if (!head || head['zwgk-lint-cache'] !== SCHEMA || head.fingerprint !== this.fingerprint) {
      this.changed = true; // rewritten for this build
      return;
    }
    const output = head.output as { key?: unknown; segments?: unknown } | undefined;
    if (output && output.key === this.outputKey) this.store = new OutputStore(this.file, output.segments);
    for (let start = end + 1; start < bytes.length; start = end + 1) {
      end = bytes.indexOf(10, start);
      if (end < 0) end = bytes.length;
      const tab = bytes.indexOf(9, start);
      const headEnd = tab >= 0 && tab < end ? tab : end;
      const h = lineHead(bytes.toString('utf8', start, Math.min(headEnd, start + 4200)));
      if (h?.kind === 's') this.oldSummaries.set(h.path, bytes.subarray(start, end));
      else if (h?.kind === 'f') this.oldStamps.set(h.path, bytes.subarray(start, end));
      else if (h?.kind === 'r' && headEnd < end) this.oldResults.set(h.path, new ResultLine(bytes.toString('utf8', start, headEnd), bytes.subarray(headEnd + 1, end)));
    }
  }

  private hashOf(bytes: Uint8Array): string {
    let h = this.bufferHashes.get(bytes);
    if (h === undefined) this.bufferHashes.set(bytes, (h = contentHash(bytes)));
    return h;
  }

  /**
   * The stamp of `file` when its stat is the one stored with it: its bytes are then those hashed (and
   * the file need not be read). Looked up once per run.
   */
  private known(file: string): Stamp | undefined {
    const seen = this.statted.get(file);
    if (seen !== undefined) return seen ?? undefined;
    const line = this.oldStamps.get(file);
    const old = line === undefined ? undefined : parseStamp(line);
    let s: Stamp | null = null;
    if (old) {
      try {
        const st = this.foundStats?.get(file) ?? fs.statSync(file);
        if (st.isFile() && statKey(st) === old.key) s = old;
      } catch {
        // gone or unreadable: read (and reported) as usual
      }
    }
    this.statted.set(file, s);
    if (s) {
      this.stamps.set(file, s);
      this.hashes.set(file, s.hash);
      this.log?.push(`known ${file}`);
    }
    return s ?? undefined;
  }

  /** Choosing the drafts: the status stored for `file` when its stat is unchanged and it is as governed now. */
  statusFor(file: string, governed: boolean): DraftStatus | undefined {
    const st = this.known(file)?.status;
    return st && st[0] === (governed ? 1 : 0) ? st[1] : undefined;
  }

  /**
   * A whole file read in this run (`stat` from before the read): the hash of its bytes, kept with its stat
   * when the stat can be trusted next time, and its draft status when it was decided (`governed`).
   */
  noteRead(file: string, stat: fs.Stats, bytes: Uint8Array, decided?: { governed: boolean; status: DraftStatus }): string {
    const hash = this.hashOf(bytes);
    this.hashes.set(file, hash);
    if (stat.mtimeMs < this.started - STAMP_MARGIN_MS && stat.ctimeMs < this.started - STAMP_MARGIN_MS) {
      const key = statKey(stat);
      const prev = this.stamps.get(file);
      const same = prev !== undefined && prev.key === key && prev.hash === hash;
      const status: [0 | 1, DraftStatus] | undefined = decided ? [decided.governed ? 1 : 0, decided.status] : same ? prev.status : undefined;
      if (!same || JSON.stringify(status) !== JSON.stringify(prev.status)) {
        this.stamps.set(file, { key, hash, ...(status ? { status } : {}) });
        this.changed = true;
      }
    }
    return hash;
  }

  /** Pass 1: the summary of an unchanged file known by its stat (see `known`), if the cache holds it. */
  summaryKnown(filePath: string): DraftSummary | undefined {
    const s = this.known(filePath);
    return s && this.summaryWithHash(filePath, s.hash);
  }

  /**
   * Pass 1: the content hash of a draft read for the index (with `stat`, a whole file: see noteRead), and
   * its summary if the cache holds it.
   */
  summaryFor(filePath: string, bytes: Uint8Array, stat?: fs.Stats): DraftSummary | undefined {
    const hash = stat ? this.noteRead(filePath, stat, bytes) : this.hashOf(bytes);
    this.hashes.set(filePath, hash);
    return this.summaryWithHash(filePath, hash);
  }

  private summaryWithHash(filePath: string, hash: string): DraftSummary | undefined {
    const line = this.oldSummaries.get(filePath);
    const v = line === undefined ? undefined : parseJson(line.toString());
    if (!Array.isArray(v) || v[2] !== hash || !isSummary(v[3])) return undefined;
    const summary = { path: filePath, ...v[3] } as DraftSummary;
    this.summaryLines.set(filePath, line!);
    this.summaries.set(filePath, summary);
    return summary;
  }

  /**
   * Pass 1, an unchanged file known by its stat: whether its stored summary line is of these bytes. The
   * line is not parsed (see summaryOf): with the index unchanged, no result needs it.
   */
  summaryLineKnown(filePath: string): boolean {
    const s = this.known(filePath);
    const line = s && this.oldSummaries.get(filePath);
    if (!s || line === undefined) return false;
    const prefix = JSON.stringify(['s', filePath, s.hash]).slice(0, -1) + ',';
    const ok = typeof line === 'string' ? line.startsWith(prefix) : line.subarray(0, Buffer.byteLength(prefix)).equals(Buffer.from(prefix));
    if (ok) this.summaryLines.set(filePath, line);
    return ok;
  }

  /**
   * The summary of `filePath` in this run's index, parsed from its line when it was not yet (undefined,
   * and the line dropped, when the line is damaged).
   */
  summaryOf(filePath: string): DraftSummary | undefined {
    let s = this.summaries.get(filePath);
    const line = this.summaryLines.get(filePath);
    if (s === undefined && line !== undefined) {
      const v = parseJson(line.toString());
      if (Array.isArray(v) && v[1] === filePath && isSummary(v[3])) this.summaries.set(filePath, (s = { path: filePath, ...v[3] } as DraftSummary));
      else this.summaryLines.delete(filePath);
    }
    return s;
  }

  /**
   * This run's index as a key: a hash of the roots and of the summary line of each file in `files` (the
   * index's files, in order). Results checked against the same key need no index (see resultFor).
   */
  setIndexKey(files: readonly string[], roots: readonly string[]): string {
    const h = crypto.createHash('sha256').update(JSON.stringify(roots));
    for (const f of files) {
      const line = this.summaryLines.get(f);
      if (line !== undefined) h.update(line).update('\n');
    }
    return (this.indexKey = h.digest('base64url'));
  }

  /** The summary `summaryFor` found in the cache earlier in this run, if any (no second read). */
  summaryHit(filePath: string): DraftSummary | undefined {
    return this.summaryLines.has(filePath) ? this.summaries.get(filePath) : undefined;
  }

  /**
   * Before pass 1: how many of the files to lint certainly need linting (their bytes or config differ
   * from those of their stored result; the links are checked later). Reads the files it asks about.
   */
  changedCount(files: readonly string[], configFor: (file: string) => ResolvedConfig): number {
    let n = 0;
    for (const f of files) {
      if (!this.summaryKnown(f)) {
        // Regular files only, without blocking (a FIFO named as a draft is reported by the lint, not waited on).
        const read = readBounded(f, { maxBytes: MAX_DRAFT_BYTES });
        if (read.kind !== 'ok') {
          n++;
          continue;
        }
        try {
          this.summaryFor(f, read.bytes, read.stat);
        } catch {
          n++;
          continue;
        }
      }
      const head = this.oldResults.get(f)?.head;
      if (!head || head[2] !== this.hashes.get(f) || head[3] !== configKey(configFor(f))) n++;
    }
    return n;
  }

  /** Pass 1: the summary of the bytes `summaryFor` (or `hash`) saw, when it did not come from the cache. */
  addSummary(filePath: string, summary: DraftSummary, hash = this.hashes.get(filePath)): void {
    if (hash === undefined || this.summaries.get(filePath) === summary) return;
    this.hashes.set(filePath, hash);
    this.summaries.set(filePath, summary);
    this.summaryLines.set(filePath, JSON.stringify(['s', filePath, hash, withoutPath(summary)]));
    this.changed = true;
  }

  /**
   * Pass 2: the stored result for a linted file, when its bytes (as read in pass 1), its config and what
   * the index says about its links are those it was linted with; undefined otherwise.
   */
  resultFor(filePath: string, config: ResolvedConfig, index: DraftIndex | (() => DraftIndex), fix: boolean): CachedResult | undefined {
    this.linted.add(filePath);
    let line = this.oldResults.get(filePath);
    const hash = this.hashes.get(filePath);
    const head = line?.head;
    if (!line || !head || hash === undefined || head[2] !== hash || head[3] !== configKey(config)) return undefined;
    // Checked against this very index before: the links are the same. Else they are worked out.
    if (this.indexKey === undefined || head[8] !== this.indexKey) {
      const own = head[5] === 0 ? this.summaryOf(filePath) : isSummary(head[5]) ? { path: filePath, ...head[5] } as DraftSummary : undefined;
      if (!own) return undefined;
      try {
        if (head[4] !== linksKey(typeof index === 'function' ? index() : index, own)) return undefined;
      } catch {
        return undefined; // a summary with nonsense in it
      }
      if (this.indexKey !== undefined) {
        line = line.withIndexKey(this.indexKey);
        this.changed = true;
      }
    }
    const counts = head[6] as Record<string, unknown>;
    if (fix && counts.fixableCount !== 0) return undefined;
    const extra = fix ? { fixedCount: 0 } : {};
    const body = this.store?.read(head[7]);
    let out: CachedResult | undefined;
    if (body && wellFormed([counts, [], []], 0)) out = { result: { filePath, messages: [], ...counts, ...extra } as unknown as FileResult, body };
    else {
      const packed = line.packed;
      const result = packed && unpack(filePath, packed);
      if (result) out = { result: { ...result, ...extra } };
    }
    if (out) {
      this.log?.push(`hit ${filePath}`);
      this.resultLines.set(filePath, line);
      if (body) this.store!.reuse(filePath, head[7] as OutputRef);
    }
    return out;
  }

  /** Pass 2: a line from `resultLine` (made here or in a worker thread, against this run's index). */
  add(filePath: string, line: string): void {
    const r = ResultLine.fromString(line);
    this.resultLines.set(filePath, this.indexKey === undefined ? r : r.withIndexKey(this.indexKey));
    this.log?.push(`lint ${filePath}`);
    this.changed = true;
  }

  /** The output just written for a result, in order (called for every result of the run). */
  output(result: FileResult, pieces: readonly Uint8Array[]): void {
    // Only for results stored; not for a file fixed in this run (its output counts the fixes made).
    if (!this.writable || !this.store || !this.resultLines.has(result.filePath) || result.fixedCount || this.store.placedHas(result.filePath)) return;
    this.store.add(result.filePath, pieces);
  }

  private tmp(file: string): string {
    return `${file}.${process.pid}.tmp`;
  }

  /**
   * Writes the cache when anything changed: this run's summaries and results, and those of earlier runs
   * for files that still exist but were not part of this run. Never throws; a failure is a notice.
   */
  save(): void {
    if (this.log?.length) {
      try {
        fs.appendFileSync(process.env.ZWGK_CACHE_LOG!, this.log.join('\n') + '\n');
      } catch {
        // diagnostics only
      }
    }
    const store = this.store;
    if (!this.writable || !store) return;
    const stale = [...this.oldSummaries.keys()].some((p) => this.hashes.has(p) && !this.summaryLines.has(p))
      || [...this.linted].some((p) => this.oldResults.has(p) && !this.resultLines.has(p))
      || [...this.oldStamps.keys()].some((p) => this.hashes.has(p) && !this.stamps.has(p));
    if (!this.changed && !stale && !store.wrote) {
      store.close();
      return;
    }
    for (const [p, line] of this.oldSummaries) if (!this.hashes.has(p) && exists(p)) this.summaryLines.set(p, line);
    const stampLines: (Buffer | string)[] = [...this.stamps].map(([p, s]) => stampLine(p, s));
    for (const [p, line] of this.oldStamps) if (!this.hashes.has(p) && !this.stamps.has(p) && exists(p)) stampLines.push(line);
    const carried = new Map<string, unknown>();
    for (const [p, line] of this.oldResults) {
      if (this.resultLines.has(p) || this.linted.has(p) || !exists(p)) continue;
      this.resultLines.set(p, line);
      carried.set(p, line.head?.[7]);
    }
    const { segments, refOf, discard } = store.commit(carried);
    const head = { 'zwgk-lint-cache': SCHEMA, fingerprint: this.fingerprint, output: { key: this.outputKey, segments } };
    const pieces: (Buffer | string)[] = [JSON.stringify(head), '\n'];
    for (const line of stampLines) pieces.push(line, '\n');
    for (const line of this.summaryLines.values()) pieces.push(line, '\n');
    for (const [p, line] of this.resultLines) pieces.push(...line.text(refOf(p)));
    const text = Buffer.concat(pieces.map((x) => (typeof x === 'string' ? Buffer.from(x) : x)));
    const tmp = this.tmp(this.file);
    try {
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      fs.writeFileSync(tmp, text);
      fs.renameSync(tmp, this.file);
      store.close(segments);
    } catch (e) {
      store.close();
      for (const undo of [() => fs.rmSync(tmp, { force: true }), discard]) {
        try {
          undo();
        } catch {
          // nothing more to do
        }
      }
      this.notice(`无法写入缓存 ${this.file}（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}），本次结果不受影响`);
    }
  }
}

function exists(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

/** A summary without its path, as lines hold it. */
function isSummary(v: unknown): v is Omit<DraftSummary, 'path'> {
  const s = v as DraftSummary;
  return typeof v === 'object' && v !== null && typeof s.type === 'string' && typeof s.metadata === 'object' && s.metadata !== null
    && Object.values(s.metadata).every((x) => typeof x === 'string') && (s.title === undefined || typeof s.title === 'string');
}


