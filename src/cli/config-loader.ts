/**
 * Finding and loading configuration files. Configuration is data only: `.zwgkrc.json` (JSON) or
 * `.zwgkrc.yaml` / `.zwgkrc.yml` (YAML); nothing from the workspace is ever required or executed.
 *
 * For a linted file, config files are collected from its folder upward; the nearest one wins key by key
 * (ancestor layers are merged below it) and a file with `root: true` stops the search. `extends` names
 * another data file by a relative path that must stay inside the workspace (the current directory, or
 * the config file's own folder when it lies outside it). `--config FILE` is applied above the discovered
 * files, and `--rule` above everything.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import YAML from 'yaml';
import picomatch from 'picomatch';
import { validateConfig, resolveConfig, type RawConfig, type ResolvedConfig, type Rule } from '../core';
import { CliError, ConfigFileError } from './errors';
import { decode } from './encoding';
import { PackLoader } from './packs';

export const CONFIG_NAMES = ['.zwgkrc.json', '.zwgkrc.yaml', '.zwgkrc.yml'] as const;

const MAX_CONFIG_BYTES = 1024 * 1024;
const MAX_EXTENDS_DEPTH = 10;

export interface ConfigLayer {
  /** Absolute path of the file the layer comes from ('--rule' for the command line). */
  file: string;
  /** Folder that `ignore` globs are relative to. */
  dir: string;
  raw: RawConfig;
}

export interface ConfigLoaderOptions {
  rules: readonly Rule[];
  cwd: string;
  /** `--config FILE` */
  configFile?: string;
  /** false with `--no-config-lookup`: only `--config` and `--rule` apply. */
  lookup?: boolean;
  /** The `--rule` settings, already checked. */
  cliLayer?: RawConfig;
  /** Called once per notice worth telling the user (e.g. two config files in one folder). */
  onNotice?: (message: string) => void;
}

function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

function toPosix(p: string): string {
  return path.sep === '\\' ? p.replace(/\\/g, '/') : p;
}

/** Line and column of a character offset, for parse errors. */
function lineCol(text: string, offset: number): string {
  let line = 1;
  let col = 1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      col = 1;
    } else col++;
  }
  return `第 ${line} 行第 ${col} 列`;
}

/** Reads and parses one config file (no validation, no extends). */
export function parseConfigFile(file: string): unknown {
  const ext = path.extname(file).toLowerCase();
  if (['.js', '.cjs', '.mjs', '.ts', '.cts', '.mts'].includes(ext)) {
    throw new ConfigFileError(file, [{ key: '(文件)', message: '出于安全考虑，zwgk 不执行 JavaScript/TypeScript 配置；请改用 .json 或 .yaml' }]);
  }
  let buf: Buffer;
  try {
    const st = fs.statSync(file);
    if (st.isDirectory()) throw new ConfigFileError(file, [{ key: '(文件)', message: '这是一个目录，不是配置文件' }]);
    if (st.size > MAX_CONFIG_BYTES) throw new ConfigFileError(file, [{ key: '(文件)', message: '配置文件超过 1 MB' }]);
    buf = fs.readFileSync(file);
  } catch (e) {
    if (e instanceof CliError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new ConfigFileError(file, [{ key: '(文件)', message: code === 'ENOENT' ? '找不到配置文件' : `无法读取（${code ?? (e as Error).message}）` }]);
  }
  const decoded = decode(buf);
  if (decoded.kind !== 'text') throw new ConfigFileError(file, [{ key: '(文件)', message: '无法识别编码（配置文件应为 UTF-8）' }]);
  const text = decoded.text;
  if (ext === '.json') {
    try {
      return JSON.parse(text);
    } catch (e) {
      const msg = (e as Error).message;
      const m = /position (\d+)/.exec(msg);
      throw new ConfigFileError(file, [{ key: '(JSON)', message: `不是有效的 JSON${m ? `（${lineCol(text, Number(m[1]))}）` : ''}：${msg}` }]);
    }
  }
  const doc = YAML.parseDocument(text, { uniqueKeys: true, prettyErrors: true });
  if (doc.errors.length > 0) {
    const err = doc.errors[0];
    const where = err.linePos ? `第 ${err.linePos[0].line} 行第 ${err.linePos[0].col} 列` : '';
    throw new ConfigFileError(file, [{ key: '(YAML)', message: `不是有效的 YAML${where ? `（${where}）` : ''}：${err.message.split('\n')[0]}` }]);
  }
  const value = doc.toJS({ maxAliasCount: 100 }) as unknown;
  return value === null || value === undefined ? {} : value;
}

/**
 * `ignore` globs, gitignore-style: relative to the config file's folder; a pattern without a slash
 * matches at any depth (`*.draft.md`, `templates`); a leading `/` anchors it; a pattern that matches a
 * folder also matches everything in it. `!pattern` re-includes what an earlier pattern excluded.
 */
export function ignorePatterns(globs: readonly string[]): string[] {
  const out: string[] = [];
  for (const g of globs) {
    let p = g.trim().replace(/\\/g, '/');
    if (!p || p.startsWith('#')) continue;
    p = p.replace(/^\.\//, '').replace(/\/+$/, '');
    const anchored = p.startsWith('/') || p.includes('/');
    p = p.replace(/^\/+/, '');
    if (!p) continue;
    const base = anchored ? p : `**/${p}`;
    out.push(base, `${base}/**`);
  }
  return out;
}

export class ConfigLoader {
  private readonly rules: readonly Rule[];
  private readonly cwd: string;
  private readonly lookup: boolean;
  private readonly onNotice: (message: string) => void;
  /** Layers discovered for a folder (ancestors first). */
  private readonly dirLayers = new Map<string, ConfigLayer[]>();
  /** Layers of one config file (its extends chain first). */
  private readonly fileLayers = new Map<string, ConfigLayer[]>();
  private readonly resolved = new Map<string, ResolvedConfig>();
  private readonly matchers = new WeakMap<ConfigLayer, (p: string) => boolean>();

  private readonly topLayers: ConfigLayer[];
  private readonly packs: PackLoader;

  constructor(opts: ConfigLoaderOptions) {
    this.rules = opts.rules;
    this.cwd = path.resolve(opts.cwd);
    this.lookup = opts.lookup ?? true;
    this.onNotice = opts.onNotice ?? (() => undefined);
    this.topLayers = [];
    this.packs = new PackLoader(this.cwd);
    if (opts.configFile) {
      const file = path.resolve(this.cwd, opts.configFile);
      if (!fs.existsSync(file)) throw new CliError(`找不到 --config 指定的配置文件：${file}`);
      this.topLayers.push(...this.loadFile(file));
    }
    if (opts.cliLayer) this.topLayers.push({ file: '--rule', dir: this.cwd, raw: opts.cliLayer });
  }

  /** Every layer that applies to files in `dir`, lowest priority first. */
  layersFor(dir: string): ConfigLayer[] {
    return [...(this.lookup ? this.discover(path.resolve(dir)) : []), ...this.topLayers];
  }

  /** The resolved config for a file in `dir` (cached per folder). */
  configFor(filePath: string): ResolvedConfig {
    const dir = path.dirname(path.resolve(filePath));
    let c = this.resolved.get(dir);
    if (!c) {
      const layers = this.layersFor(dir);
      c = resolveConfig(this.rules, layers.map((l) => l.raw), this.packs.packsOf(layers));
      this.resolved.set(dir, c);
    }
    return c;
  }

  /** True when an `ignore` glob of a layer that applies to `absPath` matches it. */
  isIgnored(absPath: string, isDir = false): boolean {
    const abs = path.resolve(absPath);
    for (const layer of this.layersFor(path.dirname(abs))) {
      if (!layer.raw.ignore?.length || !isInside(abs, layer.dir)) continue;
      const rel = toPosix(path.relative(layer.dir, abs));
      if (rel === '') continue;
      let match = this.matchers.get(layer);
      if (!match) {
        const globs = layer.raw.ignore;
        const include = picomatch(ignorePatterns(globs.filter((g) => !g.startsWith('!'))), { dot: true });
        const negated = globs.filter((g) => g.startsWith('!')).map((g) => g.slice(1));
        const exclude = negated.length ? picomatch(ignorePatterns(negated), { dot: true }) : () => false;
        match = (p: string) => include(p) && !exclude(p);
        this.matchers.set(layer, match);
      }
      if (match(rel)) return true;
    }
    return false;
  }

  private discover(dir: string): ConfigLayer[] {
    const cached = this.dirLayers.get(dir);
    if (cached) return cached;
    const found = CONFIG_NAMES.map((n) => path.join(dir, n)).filter((f) => {
      try {
        return fs.statSync(f).isFile();
      } catch {
        return false;
      }
    });
    if (found.length > 1) this.onNotice(`目录 ${dir} 中有多个配置文件，使用 ${path.basename(found[0])}，忽略 ${found.slice(1).map((f) => path.basename(f)).join('、')}`);
    let layers: ConfigLayer[];
    const own = found.length ? this.loadFile(found[0]) : [];
    const parent = path.dirname(dir);
    const isRoot = own.length > 0 && own[own.length - 1].raw.root === true;
    if (isRoot || parent === dir) layers = own;
    else layers = [...this.discover(parent), ...own];
    this.dirLayers.set(dir, layers);
    return layers;
  }

  /** Loads a config file and its `extends` chain; validates each against the schema. */
  private loadFile(file: string, chain: string[] = []): ConfigLayer[] {
    const cached = this.fileLayers.get(file);
    if (cached) return cached;
    const raw = parseConfigFile(file);
    const problems = validateConfig(raw, this.rules);
    if (problems.length) throw new ConfigFileError(file, problems);
    const config = raw as RawConfig;
    this.packs.packsOf([{ file, raw: config }]); // a bad pack stops the run before anything is linted or written
    const dir = path.dirname(file);
    const layers: ConfigLayer[] = [];
    if (config.extends !== undefined) layers.push(...this.loadExtends(file, config.extends, chain));
    layers.push({ file, dir, raw: config });
    this.fileLayers.set(file, layers);
    return layers;
  }

  private loadExtends(file: string, ref: string, chain: string[]): ConfigLayer[] {
    const fail = (message: string): never => {
      throw new ConfigFileError(file, [{ key: 'extends', message }]);
    };
    const dir = path.dirname(file);
    if (ref.trim() === '') fail('不能为空');
    if (path.isAbsolute(ref) || path.posix.isAbsolute(ref) || path.win32.isAbsolute(ref) || /^[a-z][a-z0-9+.-]*:/i.test(ref)) {
      fail(`“${ref}”必须是相对于本配置文件的路径，不能是绝对路径或网址`);
    }
    const ext = path.extname(ref).toLowerCase();
    if (!['.json', '.yaml', '.yml'].includes(ext)) fail(`“${ref}”必须是 .json、.yaml 或 .yml 数据文件（不执行任何代码）`);
    const boundary = isInside(file, this.cwd) ? this.cwd : dir;
    const target = path.resolve(dir, ref);
    if (!isInside(target, boundary)) fail(`“${ref}”指向工作区（${boundary}）之外`);
    let real: string;
    try {
      real = fs.realpathSync(target);
    } catch {
      return fail(`找不到“${ref}”（${target}）`);
    }
    let realBoundary = boundary;
    try {
      realBoundary = fs.realpathSync(boundary);
    } catch {
      // keep as is
    }
    if (!isInside(real, realBoundary)) fail(`“${ref}”经符号链接指向工作区（${boundary}）之外`);
    const nextChain = [...chain, file];
    if (nextChain.includes(target) || nextChain.includes(real)) fail(`“${ref}”形成了循环继承`);
    if (nextChain.length > MAX_EXTENDS_DEPTH) fail(`继承层数超过 ${MAX_EXTENDS_DEPTH}`);
    return this.loadFile(target, nextChain);
  }
}

/** Parses `--rule id:severity` values into a config layer; unknown ids and severities are usage errors. */
export function parseRuleOptions(values: readonly string[], rules: readonly Rule[], suggest: (id: string) => string): RawConfig | undefined {
  if (!values.length) return undefined;
  const out: NonNullable<RawConfig['rules']> = {};
  for (const v of values) {
    const i = v.lastIndexOf(':');
    if (i <= 0) throw new CliError(`--rule “${v}”的格式应为 规则id:严重程度（off|info|warning|error），例如 --rule personal-phone:error`);
    const id = v.slice(0, i).trim();
    const sev = v.slice(i + 1).trim();
    if (!rules.some((r) => r.meta.id === id)) throw new CliError(`--rule 中的规则 id “${id}”不存在${suggest(id)}（用 zwgk rules 查看所有规则）`);
    if (!['off', 'info', 'warning', 'error'].includes(sev)) throw new CliError(`--rule ${id} 的严重程度“${sev}”无效，应为 off、info、warning 或 error`);
    out[id] = sev as 'off';
  }
  return { rules: out };
}
