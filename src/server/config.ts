/**
 * `.zwgkrc.json` / `.zwgkrc.yaml` / `.zwgkrc.yml` for the language server: found from the document's
 * folder upward (nearest wins key by key, `root: true` stops the search, `extends` must stay inside the
 * workspace) — the same rules as the CLI. Config is data only; nothing from the workspace runs.
 *
 * Unlike the CLI, an invalid file does not stop anything: its problems (with their ranges in the file)
 * are handed to `onProblems`, the file is left out and the documents it governs are linted with the
 * remaining layers.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseDocument, isMap, isSeq, isScalar, type Node as YamlNode } from 'yaml';
import picomatch from 'picomatch';
import {
  ALL_RULES, Calendar, DEFAULT_PACKS, MAX_PACK_BYTES, formatPackError, parsePackText, resolveConfig, validateConfig, yamlProblem,
  type Pack, type RawConfig, type ResolvedConfig,
} from '../core';
import { CONFIG_NAMES, isInside } from './uri';
import { NotReadable, readRegularSync } from './safe-read';
import type { ZwgkSettings } from './settings';

const MAX_CONFIG_BYTES = 1024 * 1024;
const MAX_EXTENDS_DEPTH = 10;

export interface ConfigProblem {
  /** Dotted key path (`rules.doc-number-fromat`), `(JSON)`/`(YAML)` for syntax errors, `(文件)` for I/O. */
  key: string;
  message: string;
  /** Offsets in the config file's text (UTF-16). */
  start: number;
  end: number;
}

/** One config file as last read from disk. */
export interface ConfigFile {
  path: string;
  dir: string;
  text: string;
  /** The parsed config when the file (and its extends chain) is valid. */
  raw?: RawConfig;
  /** Layers of its `extends` chain (lowest first), when valid. */
  extended: { file: string; dir: string; raw: RawConfig }[];
  problems: ConfigProblem[];
  /** The wording packs its own `packs` key names that could be read (a bad one is a problem and left out). */
  packs?: Pack[];
  /**
   * The file is invalid now, and `raw`/`extended`/`packs` are its last valid content, kept in effect
   * meanwhile (a config being typed does not switch its ignore list and severities off at every keystroke).
   */
  lastGood?: boolean;
}

/** What applies to one document. */
export interface DocConfig {
  /** Config files that govern the document (nearest last), valid or not. */
  files: ConfigFile[];
  /** True when at least one config file applies (the document's workspace is a zwgk workspace). */
  governed: boolean;
  /** An `ignore` glob of an applicable config matches the document. */
  ignored: boolean;
  config: ResolvedConfig;
  calendar: Calendar;
}

type Layer = { file: string; dir: string; raw: RawConfig };

function toPosix(p: string): string {
  return path.sep === '\\' ? p.replace(/\\/g, '/') : p;
}

export class ConfigStore {
  private readonly files = new Map<string, ConfigFile>();
  /** Folder → config file in it (null: none). */
  private readonly dirs = new Map<string, string | null>();
  private readonly resolved = new Map<string, { config: ResolvedConfig; calendar: Calendar }>();
  private readonly matchers = new Map<string, (p: string) => boolean>();
  /** The last valid content of each config file (kept across `invalidate`, dropped when the file goes). */
  private readonly good = new Map<string, { raw: RawConfig; extended: ConfigFile['extended']; packs?: Pack[] }>();
  workspaceFolders: string[] = [];

  /** Called whenever a config file is (re)read, valid or not. */
  constructor(private readonly onLoaded: (file: ConfigFile) => void = () => undefined) {}

  /** Forget everything read from disk (a config file was created, changed or deleted). */
  invalidate(): void {
    this.files.clear();
    this.dirs.clear();
    this.resolved.clear();
    this.matchers.clear();
  }

  /** A config file was deleted: its last valid content no longer applies. */
  forget(file: string): void {
    this.good.delete(file);
  }

  /** Every config file read so far (for re-publishing their problems). */
  loadedFiles(): ConfigFile[] {
    return [...this.files.values()];
  }

  /** The config for a document at `filePath` (undefined: unsaved document → the first workspace folder). */
  forDocument(filePath: string | undefined, settings: ZwgkSettings): DocConfig {
    const dir = filePath ? path.dirname(filePath) : this.workspaceFolders[0];
    const files = dir ? this.chain(dir) : [];
    const layers: Layer[] = [];
    for (const f of files) if (f.raw) layers.push(...f.extended, { file: f.path, dir: f.dir, raw: f.raw });
    const ignored = filePath ? this.isIgnored(filePath, layers) : false;
    const key = `${layers.map((l) => l.file).join('\n')}\u0000${JSON.stringify(settings.rules)}`;
    let r = this.resolved.get(key);
    if (!r) {
      const raws = layers.map((l) => l.raw);
      if (Object.keys(settings.rules).length) raws.push({ rules: settings.rules });
      const packs: Pack[] = [];
      for (const l of layers) for (const p of this.files.get(l.file)?.packs ?? []) if (!packs.includes(p)) packs.push(p);
      const config = resolveConfig(ALL_RULES, raws, packs);
      r = { config, calendar: new Calendar(config.calendar) };
      this.resolved.set(key, r);
    }
    return { files, governed: files.length > 0, ignored, config: r.config, calendar: r.calendar };
  }

  /** Re-reads one config file now (after a change on disk), so its problems are reported at once. */
  reload(file: string): ConfigFile | undefined {
    this.invalidate();
    if (!fs.existsSync(file)) return undefined;
    return this.load(file);
  }

  /** The config file in `dir` itself, if any (first of .json, .yaml, .yml). */
  configIn(dir: string): string | undefined {
    let c = this.dirs.get(dir);
    if (c === undefined) {
      c = null;
      for (const n of CONFIG_NAMES) {
        const f = path.join(dir, n);
        try {
          if (fs.statSync(f).isFile()) {
            c = f;
            break;
          }
        } catch {
          // not there
        }
      }
      this.dirs.set(dir, c);
    }
    return c ?? undefined;
  }

  /** Config files from the filesystem root (or the nearest `root: true`) down to `dir`. */
  chain(dir: string): ConfigFile[] {
    const out: ConfigFile[] = [];
    let d = path.resolve(dir);
    for (let guard = 0; guard < 256; guard++) {
      const f = this.configIn(d);
      if (f) {
        const file = this.load(f);
        out.unshift(file);
        if (file.raw?.root === true) break;
      }
      const parent = path.dirname(d);
      if (parent === d) break;
      d = parent;
    }
    return out;
  }

  private isIgnored(filePath: string, layers: Layer[]): boolean {
    for (const layer of layers) {
      if (!layer.raw.ignore?.length || !isInside(layer.dir, filePath)) continue;
      let match = this.matchers.get(layer.file);
      if (!match) {
        const patterns = layer.raw.ignore.map((p) => p.replace(/^\.\//, '').replace(/\/$/, ''));
        match = picomatch(patterns, { dot: true, basename: true });
        this.matchers.set(layer.file, match);
      }
      const rel = toPosix(path.relative(layer.dir, filePath));
      if (match(rel)) return true;
      // A folder pattern (`old/`, `archive`) ignores everything below it.
      const parts = rel.split('/');
      for (let i = 1; i < parts.length; i++) {
        const sub = parts.slice(0, i).join('/');
        if (match(sub) || match(sub + '/')) return true;
      }
    }
    return false;
  }

  /**
   * A config file that is a symlink leading outside its workspace folder (or, outside any, its own
   * folder) is refused unread, like an `extends` that does (issue 10, item 13): its content — perhaps
   * not a config at all — never reaches a diagnostic or a log.
   */
  private outsideLink(file: string): ConfigFile | undefined {
    const boundary = this.workspaceFolders.find((w) => isInside(w, file)) ?? path.dirname(file);
    let real: string;
    try {
      real = fs.realpathSync(file);
    } catch {
      return undefined; // missing or unreadable: readConfigFile says so
    }
    if (isInside(safeRealpath(boundary), real)) return undefined;
    return {
      path: file, dir: path.dirname(file), text: '', extended: [],
      problems: [{ key: '(文件)', message: `是指向工作区（${boundary}）之外的符号链接，出于安全考虑不予读取`, start: 0, end: 0 }],
    };
  }

  /** Reads, parses and validates one file (cached until `invalidate`). */
  load(file: string, chain: string[] = []): ConfigFile {
    const cached = this.files.get(file);
    if (cached) return cached;
    const cf = this.outsideLink(file) ?? readConfigFile(file);
    this.files.set(file, cf);
    if (cf.raw && cf.raw.extends !== undefined) {
      const problem = this.loadExtends(cf, cf.raw.extends, chain);
      if (problem) {
        cf.problems.push(problem);
        cf.raw = undefined;
        cf.extended = [];
      }
    }
    if (cf.raw?.packs?.length && !this.loadPacks(cf, cf.raw.packs)) {
      cf.raw = undefined;
      cf.extended = [];
      cf.packs = [];
    }
    if (cf.raw) this.good.set(file, { raw: cf.raw, extended: cf.extended, packs: cf.packs });
    else {
      const last = this.good.get(file);
      if (last) Object.assign(cf, { raw: last.raw, extended: last.extended, packs: last.packs, lastGood: true });
    }
    this.onLoaded(cf);
    return cf;
  }

  /**
   * Reads the packs `cf` names (data files inside the workspace, as `extends`); a pack that cannot be
   * read or is invalid becomes a problem on its `packs` entry, and (as for any invalid config) the file
   * is left out. Returns false when there was a problem. (Pack files are re-read when a config file
   * changes; the store is not told about edits to a pack file alone.)
   */
  private loadPacks(cf: ConfigFile, refs: string[]): boolean {
    const before = cf.problems.length;
    cf.packs = [];
    const boundary = this.workspaceFolders.find((w) => isInside(w, cf.path)) ?? cf.dir;
    const ids = new Set(DEFAULT_PACKS.map((p) => p.id));
    refs.forEach((ref, i) => {
      const fail = (message: string) => cf.problems.push({ key: `packs.${i}`, message, ...locate(cf.text, ['packs', String(i)]) });
      if (path.isAbsolute(ref) || path.win32.isAbsolute(ref) || /^[a-z][a-z0-9+.-]*:/i.test(ref)) return fail(`“${ref}”必须是相对于本配置文件的路径，不能是绝对路径或网址`);
      if (!/\.(ya?ml|json)$/i.test(ref)) return fail(`“${ref}”必须是 .yaml、.yml 或 .json 数据文件（不执行任何代码）`);
      const target = path.resolve(cf.dir, ref);
      if (!isInside(boundary, target)) return fail(`“${ref}”指向工作区（${boundary}）之外`);
      let text: string;
      try {
        if (!isInside(safeRealpath(boundary), fs.realpathSync(target))) return fail(`“${ref}”经符号链接指向工作区（${boundary}）之外`);
        text = readRegularSync(target, MAX_PACK_BYTES).toString('utf8');
      } catch (e) {
        if (e instanceof NotReadable) return fail(e.code === 'EFBIG' ? `词库“${ref}”超过 1 MB` : `词库“${ref}”${e.message}`);
        return fail(`找不到词库文件“${ref}”`);
      }
      const { pack, errors } = parsePackText(text, ref);
      if (!pack) return fail(`词库无效：${errors.map(formatPackError).join('；')}`);
      if (ids.has(pack.id)) return fail(`词库“${ref}”的 id “${pack.id}”与其他词库重复，请换一个 id`);
      ids.add(pack.id);
      cf.packs!.push(pack);
    });
    return cf.problems.length === before;
  }

  /** Fills `cf.extended`; returns a problem on the `extends` key when the chain cannot be followed. */
  private loadExtends(cf: ConfigFile, ref: string, chain: string[]): ConfigProblem | undefined {
    const at = locate(cf.text, ['extends']);
    const fail = (message: string): ConfigProblem => ({ key: 'extends', message, ...at });
    if (ref.trim() === '') return fail('不能为空');
    if (path.isAbsolute(ref) || path.posix.isAbsolute(ref) || path.win32.isAbsolute(ref) || /^[a-z][a-z0-9+.-]*:/i.test(ref)) {
      return fail(`“${ref}”必须是相对于本配置文件的路径，不能是绝对路径或网址`);
    }
    if (!['.json', '.yaml', '.yml'].includes(path.extname(ref).toLowerCase())) {
      return fail(`“${ref}”必须是 .json、.yaml 或 .yml 数据文件（不执行任何代码）`);
    }
    const boundary = this.workspaceFolders.find((w) => isInside(w, cf.path)) ?? cf.dir;
    const target = path.resolve(cf.dir, ref);
    if (!isInside(boundary, target)) return fail(`“${ref}”指向工作区（${boundary}）之外`);
    let real: string;
    try {
      real = fs.realpathSync(target);
      if (!isInside(safeRealpath(boundary), real)) return fail(`“${ref}”经符号链接指向工作区（${boundary}）之外`);
    } catch {
      return fail(`找不到“${ref}”`);
    }
    const next = [...chain, cf.path];
    if (next.includes(target) || next.includes(real)) return fail(`“${ref}”形成了循环继承`);
    if (next.length > MAX_EXTENDS_DEPTH) return fail(`继承层数超过 ${MAX_EXTENDS_DEPTH}`);
    const parent = this.load(target, next);
    if (!parent.raw) return fail(`继承的配置“${ref}”无效：${parent.problems.map((p) => `${p.key}：${p.message}`).join('；')}`);
    cf.extended = [...parent.extended, { file: parent.path, dir: parent.dir, raw: parent.raw }];
    return undefined;
  }
}

function safeRealpath(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return p;
  }
}

/** Reads and validates one config file's own content (no extends). Never throws. */
export function readConfigFile(file: string): ConfigFile {
  const cf: ConfigFile = { path: file, dir: path.dirname(file), text: '', extended: [], problems: [] };
  try {
    // Opened without blocking and checked on the open file: a FIFO swapped in after a stat never blocks the server.
    cf.text = readRegularSync(file, MAX_CONFIG_BYTES).toString('utf8').replace(/^\uFEFF/, '');
  } catch (e) {
    if (e instanceof NotReadable && e.code === 'EFBIG') {
      cf.problems.push({ key: '(文件)', message: '配置文件超过 1 MB', start: 0, end: 0 });
      return cf;
    }
    const code = e instanceof NotReadable ? 'EISDIR' : (e as NodeJS.ErrnoException).code;
    cf.problems.push({ key: '(文件)', message: `无法读取（${code ?? (e as Error).message}）`, start: 0, end: 0 });
    return cf;
  }
  return checkConfigText(cf);
}

/** Parses and validates `cf.text`; fills `raw` or `problems`. Also used for config text open in the editor. */
export function checkConfigText(cf: ConfigFile): ConfigFile {
  const text = cf.text;
  // Nested thousands deep, the parsers recurse until the process aborts (issue 10): refused unparsed.
  const tooDeep = yamlProblem(text, MAX_CONFIG_BYTES);
  if (tooDeep) {
    cf.problems.push({ key: /\.json$/i.test(cf.path) ? '(JSON)' : '(YAML)', message: tooDeep, start: 0, end: 0 });
    return cf;
  }
  let value: unknown;
  if (/\.json$/i.test(cf.path)) {
    try {
      value = JSON.parse(text);
    } catch (e) {
      const msg = (e as Error).message;
      const m = /position (\d+)/.exec(msg);
      let start = m ? Number(m[1]) : -1;
      if (start < 0) {
        // Node's message may lack the position: YAML (a JSON superset) usually finds it.
        const y = parseDocument(text, { prettyErrors: false });
        start = y.errors[0]?.pos?.[0] ?? 0;
      }
      start = Math.max(0, Math.min(start, text.length));
      cf.problems.push({ key: '(JSON)', message: `不是有效的 JSON：${msg.split('\n')[0]}`, start, end: Math.min(text.length, start + 1) });
      return cf;
    }
  } else {
    const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false });
    if (doc.errors.length > 0) {
      for (const err of doc.errors.slice(0, 5)) {
        const [a, b] = err.pos ?? [0, 0];
        cf.problems.push({ key: '(YAML)', message: `不是有效的 YAML：${err.message.split('\n')[0]}`, start: a, end: Math.max(a, b) });
      }
      return cf;
    }
    try {
      value = doc.toJS({ maxAliasCount: 100 }) ?? {};
    } catch (e) {
      cf.problems.push({ key: '(YAML)', message: `不是有效的 YAML：${(e as Error).message}`, start: 0, end: 0 });
      return cf;
    }
  }
  const errors = validateConfig(value, ALL_RULES);
  for (const e of errors) {
    const keyPath = e.key === '(根)' ? [] : e.key.split('.');
    cf.problems.push({ key: e.key, message: e.message, ...locate(text, keyPath) });
  }
  if (errors.length === 0) cf.raw = value as RawConfig;
  return cf;
}

/**
 * Range of a key path in JSON or YAML text (the key itself for the last segment), as far down as it
 * exists; the whole text's first line when nothing matches.
 */
export function locate(text: string, keyPath: string[]): { start: number; end: number } {
  let fallback = { start: 0, end: Math.max(0, text.search(/\r?\n|$/)) };
  let doc;
  try {
    doc = parseDocument(text, { prettyErrors: false, uniqueKeys: false });
  } catch {
    return fallback;
  }
  let node: YamlNode | null | undefined = doc.contents as YamlNode | null;
  if (node?.range) fallback = { start: node.range[0], end: Math.min(node.range[1], node.range[0] + 1) };
  for (const seg of keyPath) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === seg);
      if (!pair) break;
      const k = pair.key as YamlNode;
      if (k.range) fallback = { start: k.range[0], end: k.range[1] };
      node = pair.value as YamlNode | null;
    } else if (isSeq(node) && /^\d+$/.test(seg)) {
      const item = node.items[Number(seg)] as YamlNode | undefined;
      if (!item) break;
      if (item.range) fallback = { start: item.range[0], end: item.range[1] };
      node = item;
    } else break;
  }
  return fallback;
}
