/**
 * The `zwgk` bin (dist/cli.js): runs the CLI bundle (dist/cli-main.js) with V8's code cache, so that a
 * run does not compile the 2 MB bundle again (~30 ms of every start, measured on `--version` and on a
 * warm `lint --cache`).
 *
 * - The cache is the code V8 compiled in an earlier run (`vm.Script#createCachedData`, taken when the
 *   process exits, so it holds the functions that run used as well), in one file per build, Node.js
 *   version, V8 flags and command (`lint`, `fix`, `--version` … use different code):
 *   `cli-<sha256 of the bundle's bytes, process.version, arch, execArgv, NODE_OPTIONS, command>.bin`.
 *   V8 checks its version, its flags and the source length itself and ignores (`cachedDataRejected`) what
 *   does not fit — but it does not check the data (a damaged file would crash V8), so the file holds a
 *   SHA-256 of the data, checked first. A damaged, rejected or missing cache is written again.
 * - Where: `ZWGK_COMPILE_CACHE` (a folder, or `off`), else the user's cache folder (`$XDG_CACHE_HOME` or
 *   ~/.cache, ~/Library/Caches, %LOCALAPPDATA%) + `zwgk/v8`, created private (0700). Written atomically
 *   (temporary file + rename); the newest 16 files are kept. A folder that cannot be read or written only
 *   means no cache: the run is the same either way.
 * - Compiled code is code: whoever can write the cache can make zwgk run anything. So (on POSIX) the folder
 *   and the file are used only when they belong to the user running zwgk and no one else may write to
 *   them (as ssh treats ~/.ssh); otherwise the bundle is compiled as without a cache and nothing is
 *   written there.
 * - `ZWGK_COMPILE_CACHE_LOG=<file>` appends what happened (`hit`, `miss`, `damaged`, `rejected`,
 *   `untrusted`, `wrote`, `off`), for the tests.
 * Only Node.js built-ins here: this file is what every run loads first.
 */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import Module from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vm from 'node:vm';

const MAIN = path.join(__dirname, 'cli-main.js');
const KEEP = 16;
/** The file: MAGIC, the SHA-256 of the data (32 bytes), the data. */
const MAGIC = Buffer.from('zwgk-v8-cache-1\n');
const HEADER = MAGIC.length + 32;

const sha256 = (...data: Uint8Array[]): Buffer => {
  const h = crypto.createHash('sha256');
  for (const d of data) h.update(d);
  return h.digest();
};

/** An absolute folder from the environment; anything else (unset, empty, relative) is none. */
const absolute = (p: string | undefined): string | undefined => (p && path.isAbsolute(p) ? p : undefined);

function cacheFolder(): string | undefined {
  const set = process.env.ZWGK_COMPILE_CACHE;
  if (set !== undefined && set !== '') return /^(off|0|false)$/i.test(set) ? undefined : path.resolve(set);
  let home: string | undefined;
  try {
    home = absolute(os.homedir());
  } catch {
    // no home folder
  }
  // Never a relative folder (that would be the working directory's).
  const base = process.platform === 'win32' ? absolute(process.env.LOCALAPPDATA) ?? (home && path.join(home, 'AppData', 'Local'))
    : process.platform === 'darwin' ? home && path.join(home, 'Library', 'Caches')
    : absolute(process.env.XDG_CACHE_HOME) ?? (home && path.join(home, '.cache'));
  return base ? path.join(base, 'zwgk', 'v8') : undefined;
}

/** The command the run is for: the first argument (`lint`, `--version` …), when it is one of a few letters. */
function command(): string {
  const a = process.argv[2] ?? '';
  return /^-{0,2}[a-z][a-z-]{0,19}$/.test(a) ? a : '';
}

function log(what: string): void {
  const file = process.env.ZWGK_COMPILE_CACHE_LOG;
  if (!file) return;
  try {
    fs.appendFileSync(file, `${what}\n`);
  } catch {
    // a log that cannot be written changes nothing
  }
}

/** Whether `st` (of the cache folder or file) is the user's own and writable by no one else (POSIX). */
function privateTo(st: fs.Stats): boolean {
  if (typeof process.getuid !== 'function') return true; // Windows: a folder in the user's profile
  return st.uid === process.getuid() && (st.mode & 0o022) === 0;
}

/**
 * Whether the folder may hold the cache: the user's own and private, or not there (it is created
 * private; one that cannot be made only means no cache).
 */
function trustedFolder(dir: string): boolean {
  try {
    return privateTo(fs.statSync(dir));
  } catch {
    return true;
  }
}

/**
 * The cached data in `file`; undefined when there is none, 'damaged' when it is not what was written,
 * 'untrusted' when someone else could have written it.
 */
function readCache(file: string): Buffer | 'damaged' | 'untrusted' | undefined {
  let bytes: Buffer;
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    if (!privateTo(fs.fstatSync(fd))) return 'untrusted';
    bytes = fs.readFileSync(fd);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
  const data = bytes.subarray(HEADER);
  const ok = bytes.length > HEADER && bytes.subarray(0, MAGIC.length).equals(MAGIC) && sha256(data).equals(bytes.subarray(MAGIC.length, HEADER));
  return ok ? data : 'damaged';
}

/** Writes the cache atomically and drops all but the newest KEEP cache files of the folder. */
function writeCache(dir: string, file: string, data: Buffer): void {
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, Buffer.concat([MAGIC, sha256(data), data]), { mode: 0o600 });
    fs.renameSync(tmp, file);
    log(`wrote ${file}`);
    const old = fs.readdirSync(dir)
      .filter((n) => /^cli-[0-9a-f]+\.bin$/.test(n))
      .map((n) => ({ n, t: fs.statSync(path.join(dir, n)).mtimeMs }))
      .sort((a, b) => b.t - a.t)
      .slice(KEEP);
    for (const o of old) fs.rmSync(path.join(dir, o.n), { force: true });
  } catch {
    // no cache this time
  }
}

function launch(): void {
  // Hashed as bytes (hashing the decoded text would encode it to UTF-8 again: ~5 ms more).
  const bytes = fs.readFileSync(MAIN);
  const source = bytes.toString('utf8');
  const dir = cacheFolder();
  let file: string | undefined;
  let cached: Buffer | 'damaged' | 'untrusted' | undefined;
  if (dir && !trustedFolder(dir)) {
    log(`untrusted ${dir}`);
  } else if (dir) {
    const runtime = JSON.stringify([process.version, process.arch, process.execArgv, process.env.NODE_OPTIONS ?? '', command()]);
    const key = sha256(bytes, Buffer.from(`\0${runtime}`)).toString('hex').slice(0, 32);
    file = path.join(dir, `cli-${key}.bin`);
    cached = readCache(file);
  } else {
    log('off');
  }
  // The CommonJS wrapper on the source's first line: line numbers in stack traces stay those of the file.
  const cachedData = cached === 'damaged' || cached === 'untrusted' ? undefined : cached;
  // No importModuleDynamically: the bundle has no import() (esbuild turns its own into requires; the
  // tests check that the bundle holds none), and Node 20's hook for it is experimental.
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: MAIN, cachedData });
  if (file) {
    const state = cached === undefined ? 'miss' : typeof cached === 'string' ? cached : script.cachedDataRejected ? 'rejected' : 'hit';
    log(`${state} ${file}`);
    if (state !== 'hit' && state !== 'untrusted') process.once('exit', () => writeCache(dir!, file!, script.createCachedData()));
  }
  const mod = new Module(MAIN, module);
  mod.filename = MAIN;
  const fn = script.runInThisContext() as (e: unknown, r: NodeJS.Require, m: Module, f: string, d: string) => void;
  fn.call(mod.exports, mod.exports, Module.createRequire(MAIN), mod, MAIN, path.dirname(MAIN));
}

launch();
