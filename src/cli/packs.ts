/**
 * Wording packs named by a config's `packs` key: each a data file (YAML or JSON) by a path relative to
 * the config file, confined to the workspace like `extends` (no absolute paths or URLs, nothing outside
 * the boundary, symlinks resolved). Files are read once, bounded in size, and checked by the core; a bad
 * pack stops the run like a bad config file, naming the config, the pack file, the entry and the key.
 * Nothing in a pack is executed.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_PACKS, MAX_PACK_BYTES, formatPackError, parsePackText, type Pack } from '../core';
import { ConfigFileError } from './errors';
import { decode } from './encoding';

const DATA_EXT = ['.yaml', '.yml', '.json'];

function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

function realOr(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return p;
  }
}

/** Reads one pack file (bounded); errors in Chinese, naming the file. */
export function readPackFile(file: string, label: string): { pack?: Pack; errors: string[] } {
  let buf: Buffer;
  try {
    const st = fs.statSync(file);
    if (!st.isFile()) return { errors: [`${label}：不是文件`] };
    if (st.size > MAX_PACK_BYTES) return { errors: [`${label}：词库文件超过 1 MB`] };
    buf = fs.readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { errors: [`${label}：${code === 'ENOENT' ? '找不到词库文件' : `无法读取（${code ?? (e as Error).message}）`}`] };
  }
  const decoded = decode(buf);
  if (decoded.kind !== 'text') return { errors: [`${label}：无法识别编码（词库文件应为 UTF-8）`] };
  const { pack, errors } = parsePackText(decoded.text, label);
  return { pack, errors: errors.map(formatPackError) };
}

/** Loads and caches the packs config layers name. */
export class PackLoader {
  private readonly byFile = new Map<string, Pack>();
  private readonly lists = new Map<string, readonly Pack[]>();

  constructor(private readonly cwd: string) {}

  /**
   * The packs named by `layers` (lowest priority first), each file once, as one list object per distinct
   * set (so the core's compiled matcher is cached). Throws ConfigFileError on the first bad reference.
   */
  packsOf(layers: readonly { file: string; raw: { packs?: string[] } }[]): readonly Pack[] {
    const files: { abs: string; config: string; ref: string; index: number }[] = [];
    for (const l of layers) {
      (l.raw.packs ?? []).forEach((ref, index) => files.push({ abs: this.resolve(l.file, ref, index), config: l.file, ref, index }));
    }
    if (files.length === 0) return [];
    const seen = new Set<string>();
    const unique = files.filter((f) => !seen.has(f.abs) && seen.add(f.abs));
    const key = unique.map((f) => f.abs).join('\n');
    let list = this.lists.get(key);
    if (list) return list;
    const packs: Pack[] = [];
    const ids = new Map<string, string>(DEFAULT_PACKS.map((p) => [p.id, '内置词库']));
    for (const f of unique) {
      const pack = this.load(f);
      const other = ids.get(pack.id);
      if (other) throw new ConfigFileError(f.config, [{ key: `packs[${f.index + 1}]`, message: `词库“${f.ref}”的 id “${pack.id}”与${other}重复，请换一个 id` }]);
      ids.set(pack.id, `词库“${pack.file}”`);
      packs.push(pack);
    }
    list = packs;
    this.lists.set(key, list);
    return list;
  }

  private load(f: { abs: string; config: string; ref: string; index: number }): Pack {
    const cached = this.byFile.get(f.abs);
    if (cached) return cached;
    const label = path.relative(this.cwd, f.abs).split(path.sep).join('/') || f.ref;
    const { pack, errors } = readPackFile(f.abs, label.startsWith('..') ? f.abs : label);
    if (!pack) throw new ConfigFileError(f.config, errors.map((message) => ({ key: `packs[${f.index + 1}]`, message })));
    this.byFile.set(f.abs, pack);
    return pack;
  }

  /** The absolute path of `ref` in the config `file`, confined to the workspace (as `extends` is). */
  private resolve(file: string, ref: string, index: number): string {
    const fail = (message: string): never => {
      throw new ConfigFileError(file, [{ key: `packs[${index + 1}]`, message }]);
    };
    const dir = path.dirname(file);
    if (ref.trim() === '') fail('不能为空');
    if (path.isAbsolute(ref) || path.posix.isAbsolute(ref) || path.win32.isAbsolute(ref) || /^[a-z][a-z0-9+.-]*:/i.test(ref)) {
      fail(`“${ref}”必须是相对于本配置文件的路径，不能是绝对路径或网址`);
    }
    if (!DATA_EXT.includes(path.extname(ref).toLowerCase())) fail(`“${ref}”必须是 .yaml、.yml 或 .json 数据文件（不执行任何代码）`);
    const boundary = isInside(file, this.cwd) ? this.cwd : dir;
    const target = path.resolve(dir, ref);
    if (!isInside(target, boundary)) fail(`“${ref}”指向工作区（${boundary}）之外`);
    if (!fs.existsSync(target)) fail(`找不到词库文件“${ref}”（${target}）`);
    const real = realOr(target);
    if (!isInside(real, realOr(boundary))) fail(`“${ref}”经符号链接指向工作区（${boundary}）之外`);
    return real;
  }
}
