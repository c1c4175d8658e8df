/**
 * Wording packs: reading and checking a pack file's data (YAML text or a parsed object), with errors in
 * Chinese that name the file, the entry and the key. Data only: nothing in a pack is ever executed.
 */
import type { ErrorObject } from 'ajv';
import { parseDocument, isMap, isSeq, isScalar, LineCounter, type Node as YamlNode } from 'yaml';
import { yamlProblem } from '../parser-guard';
import { ajvClass } from '../util/ajv';
import { buildPackSchema } from './schema';
import { expandPattern, maxGroupRef, PatternError } from './pattern';

export type PackLevel = 'error' | 'warning' | 'info' | 'off';

export interface PackSource {
  title: string;
  url?: string;
  clause?: string;
  quote?: string;
}

export interface PackExample {
  text: string;
  date?: string;
  fixed?: string;
}

export interface PackWhen {
  followedBy?: string[];
  notFollowedBy?: string[];
  precededBy?: string[];
  notPrecededBy?: string[];
  unlessSentence?: string[];
  dated?: { from?: string; before?: string };
  inTitles?: boolean;
}

export interface PackEntry {
  id: string;
  wrong: string[];
  pattern: string[];
  right?: string;
  message?: string;
  level?: PackLevel;
  fix?: boolean;
  source?: PackSource;
  when?: PackWhen;
  examples: { fire: PackExample[]; quiet: PackExample[] };
}

export interface PackCitationVersion {
  version: string;
  cite: string[];
  from: string;
  source: PackSource;
}

export interface PackCitation {
  id: string;
  title: string;
  level?: PackLevel;
  versions: PackCitationVersion[];
  unlessSentence: string[];
  examples: { fire: PackExample[]; quiet: PackExample[] };
}

export interface Pack {
  id: string;
  title: string;
  description?: string;
  level?: PackLevel;
  source?: PackSource;
  entries: PackEntry[];
  citations: PackCitation[];
  /** Where the pack comes from, as shown in messages (a path relative to the workspace, or 内置:typos.yaml). */
  file: string;
  /** True for the packs zwgk ships. */
  builtin?: boolean;
}

export interface PackError {
  file: string;
  /** 1-based line in the file, when known. */
  line?: number;
  /** The entry, as named in messages: its id, or 第 n 条. */
  entry?: string;
  /** The key within the entry (or the pack), dotted. */
  key: string;
  message: string;
}

/** One line per error: 文件 第 N 行：词条“id”的“key”：说明. */
export function formatPackError(e: PackError): string {
  const where = e.line ? `${e.file} 第 ${e.line} 行` : e.file;
  const what = e.entry ? `词条“${e.entry}”的“${e.key}”` : `“${e.key}”`;
  return `${where}：${what}：${e.message}`;
}

let validator: ((data: unknown) => boolean) & { errors?: ErrorObject[] | null } | undefined;

function validate(data: unknown): ErrorObject[] {
  validator ??= new (ajvClass())({ allErrors: true, strict: false, verbose: true }).compile(buildPackSchema());
  return validator(data) ? [] : validator.errors ?? [];
}

const TYPE_NAMES: Record<string, string> = {
  string: '文字', array: '列表', object: '键值对（对象）', boolean: 'true 或 false', integer: '整数', number: '数字',
};

type Path = (string | number)[];

function pathOf(e: ErrorObject): Path {
  return e.instancePath.split('/').filter(Boolean).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~')).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

function entryName(raw: unknown, path: Path): { entry?: string; rest: Path } {
  if ((path[0] === 'entries' || path[0] === 'citations') && typeof path[1] === 'number') {
    const list = (raw as Record<string, unknown>)?.[path[0]];
    const item = Array.isArray(list) ? list[path[1]] : undefined;
    const id = item && typeof item === 'object' && typeof (item as { id?: unknown }).id === 'string' ? (item as { id: string }).id : undefined;
    const kind = path[0] === 'entries' ? '' : '（法规）';
    return { entry: id ? `${id}${kind}` : `第 ${path[1] + 1} 条${kind}`, rest: path.slice(2) };
  }
  return { rest: path };
}

function keyOf(rest: Path): string {
  return rest.map((p, i) => (typeof p === 'number' ? `[${p + 1}]` : (i ? '.' : '') + p)).join('') || '(整个词库)';
}

function schemaMessage(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'type': return `应为${TYPE_NAMES[String(p.type)] ?? p.type}`;
    case 'required': return '缺少这一项';
    case 'additionalProperties': return '未知的键（请检查拼写）';
    case 'enum': return `应为 ${(p.allowedValues as unknown[]).join('、')} 之一`;
    case 'minLength': return '不能为空';
    case 'minItems': return `至少要有 ${p.limit} 项`;
    case 'maxItems': return `最多 ${p.limit} 项`;
    case 'minProperties': return '不能为空';
    case 'pattern': {
      const desc = (e.parentSchema as { description?: string } | undefined)?.description;
      if (String(p.pattern).includes('\\d{4}')) return '日期应写作 YYYY-MM-DD，如 2019-05-15';
      if (String(p.pattern).startsWith('^https?')) return '网址应以 http:// 或 https:// 开头';
      return `格式不对${desc ? `：${desc}` : ''}`;
    }
    case 'oneOf': {
      const desc = (e.parentSchema as { description?: string } | undefined)?.description;
      return `写法不对${desc ? `（${desc}）` : ''}`;
    }
    default: return e.message ?? '无效';
  }
}

function schemaErrors(raw: unknown, file: string, errors: ErrorObject[]): PackError[] {
  const out: PackError[] = [];
  const seen = new Set<string>();
  // oneOf reports every branch: keep only the oneOf message for its path.
  const oneOfPaths = new Set(errors.filter((e) => e.keyword === 'oneOf').map((e) => e.instancePath));
  for (const e of errors) {
    let path = pathOf(e);
    if (e.keyword !== 'oneOf' && [...oneOfPaths].some((p) => e.instancePath === p || e.instancePath.startsWith(p + '/'))) continue;
    if (e.keyword === 'additionalProperties') path = [...path, (e.params as { additionalProperty: string }).additionalProperty];
    if (e.keyword === 'required') path = [...path, (e.params as { missingProperty: string }).missingProperty];
    const { entry, rest } = entryName(raw, path);
    const key = keyOf(rest);
    const id = `${entry}\u0000${key}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push({ file, entry, key, message: schemaMessage(e), ...pathMark(path) });
  }
  return out;
}

/** Carries the JSON path along, so parsePackText can add the line. */
function pathMark(path: Path): { path?: Path } {
  return { path } as { path?: Path };
}

const asList = (v: unknown): string[] => (v === undefined ? [] : Array.isArray(v) ? (v as string[]) : [v as string]);

const HAN = /[\u4e00-\u9fff]/;

function isDate(s: string): boolean {
  const [y, m, d] = s.split('-').map(Number);
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

/** Checks and normalises a parsed pack; `errors` is empty exactly when `pack` is given. */
export function parsePack(raw: unknown, file: string, opts: { builtin?: boolean } = {}): { pack?: Pack; errors: PackError[] } {
  const schemaProblems = validate(raw);
  if (schemaProblems.length) return { errors: schemaErrors(raw, file, schemaProblems) };
  const r = raw as Record<string, any>;
  const errors: PackError[] = [];
  const err = (entry: string | undefined, key: string, message: string, path: Path) => errors.push({ file, entry, key, message, ...pathMark(path) });

  const ids = new Set<string>();
  const entries: PackEntry[] = [];
  (r.entries ?? []).forEach((e: Record<string, any>, i: number) => {
    const path: Path = ['entries', i];
    const name = e.id as string;
    if (ids.has(name)) err(name, 'id', '与前面的词条重名', [...path, 'id']);
    ids.add(name);
    const wrong = asList(e.wrong);
    const pattern = asList(e.pattern);
    if (!wrong.length && !pattern.length) err(name, 'wrong', '缺少错误写法：写 wrong（照字面）或 pattern（有限模式）', path);
    let groups = 0;
    pattern.forEach((p, k) => {
      try {
        const exp = expandPattern(p);
        groups = Math.max(groups, exp[0]?.groups.length ?? 0);
      } catch (x) {
        if (!(x instanceof PatternError)) throw x;
        err(name, pattern.length > 1 ? `pattern[${k + 1}]` : 'pattern', `“${p}”：${x.message}`, [...path, 'pattern']);
      }
    });
    const right = e.right as string | undefined;
    if (right !== undefined) {
      if (wrong.includes(right)) err(name, 'right', `正确写法“${right}”也列在错误写法中`, [...path, 'right']);
      const ref = maxGroupRef(right);
      if (ref > 0 && (wrong.length > 0 || ref > groups)) {
        err(name, 'right', `引用了 $${ref}，但${wrong.length ? ' wrong 中的写法没有选项' : ` pattern 只有 ${groups} 组“( )”`}`, [...path, 'right']);
      }
    } else {
      if (e.message === undefined) err(name, 'message', '没有 right（正确写法）时必须写 message，说明怎样改', path);
      if (e.fix === true) err(name, 'fix', '没有 right（正确写法）就不能自动修复', [...path, 'fix']);
    }
    if (e.message !== undefined && !HAN.test(e.message)) err(name, 'message', '提示应使用中文', [...path, 'message']);
    const when = e.when as PackWhen | undefined;
    const normWhen: PackWhen | undefined = when && {
      ...when,
      ...(when.followedBy !== undefined ? { followedBy: asList(when.followedBy) } : {}),
      ...(when.notFollowedBy !== undefined ? { notFollowedBy: asList(when.notFollowedBy) } : {}),
      ...(when.precededBy !== undefined ? { precededBy: asList(when.precededBy) } : {}),
      ...(when.notPrecededBy !== undefined ? { notPrecededBy: asList(when.notPrecededBy) } : {}),
      ...(when.unlessSentence !== undefined ? { unlessSentence: asList(when.unlessSentence) } : {}),
    };
    if (normWhen) {
      for (const k of ['followedBy', 'notFollowedBy', 'precededBy', 'notPrecededBy'] as const) {
        for (const v of normWhen[k] ?? []) {
          const m = /^\{(.*)\}$/.exec(v);
          if (m && !CONTEXT_CLASSES.includes(m[1])) err(name, `when.${k}`, `“${v}”不是已知的类别（可用 ${CONTEXT_CLASSES.map((c) => `{${c}}`).join(' ')}）`, [...path, 'when', k]);
        }
      }
      const d = normWhen.dated;
      for (const k of ['from', 'before'] as const) if (d?.[k] && !isDate(d[k]!)) err(name, `when.dated.${k}`, `“${d[k]}”不是有效日期`, [...path, 'when', 'dated', k]);
      if (d?.from && d.before && d.from >= d.before) err(name, 'when.dated', 'from 应早于 before', [...path, 'when', 'dated']);
    }
    const examples = normExamples(e.examples);
    const fixable = right !== undefined && e.fix !== false;
    examples.fire.forEach((x, k) => {
      if (x.fixed !== undefined && !fixable) err(name, `examples.fire[${k + 1}].fixed`, '这个词条不自动修复，示例不能写 fixed', [...path, 'examples', 'fire', k]);
      if (x.date !== undefined && !isDate(x.date)) err(name, `examples.fire[${k + 1}].date`, `“${x.date}”不是有效日期`, [...path, 'examples', 'fire', k]);
    });
    entries.push({
      id: name, wrong, pattern, right, message: e.message, level: e.level, fix: e.fix, source: e.source,
      when: normWhen, examples,
    });
  });

  const citations: PackCitation[] = [];
  (r.citations ?? []).forEach((c: Record<string, any>, i: number) => {
    const path: Path = ['citations', i];
    const name = `${c.id}（法规）`;
    if (ids.has(c.id)) err(name, 'id', '与前面的词条重名', [...path, 'id']);
    ids.add(c.id);
    const versions: PackCitationVersion[] = (c.versions as Record<string, any>[]).map((v) => ({ ...v, cite: asList(v.cite) } as PackCitationVersion));
    versions.forEach((v, k) => {
      if (!isDate(v.from)) err(name, `versions[${k + 1}].from`, `“${v.from}”不是有效日期`, [...path, 'versions', k, 'from']);
      if (k > 0 && v.from <= versions[k - 1].from) err(name, `versions[${k + 1}].from`, '各版本应按施行日期从早到晚排列', [...path, 'versions', k, 'from']);
    });
    const allCites = versions.flatMap((v) => v.cite);
    const dup = allCites.find((x, k) => allCites.indexOf(x) !== k);
    if (dup) err(name, 'versions', `“${dup}”出现在多个版本中`, [...path, 'versions']);
    citations.push({ id: c.id, title: c.title, level: c.level, versions, unlessSentence: asList(c.unlessSentence), examples: normExamples(c.examples) });
  });

  if (errors.length) return { errors };
  return {
    pack: {
      id: r.id, title: r.title, description: r.description, level: r.level, source: r.source, entries, citations, file,
      ...(opts.builtin ? { builtin: true } : {}),
    },
    errors,
  };
}

export const CONTEXT_CLASSES = ['数字', '日期', '汉字', '标点', '字母'];

function normExamples(ex: { fire: unknown[]; quiet: unknown[] }): { fire: PackExample[]; quiet: PackExample[] } {
  const one = (x: unknown): PackExample => (typeof x === 'string' ? { text: x } : { ...(x as PackExample) });
  return { fire: ex.fire.map(one), quiet: ex.quiet.map(one) };
}

/** Largest pack file read (the same bound as a config file). */
export const MAX_PACK_BYTES = 1024 * 1024;

/**
 * Parses a pack file's text (YAML, or JSON which is YAML too) and checks it; errors carry the line of
 * the offending key.
 */
export function parsePackText(text: string, file: string, opts: { builtin?: boolean } = {}): { pack?: Pack; errors: PackError[] } {
  if (text.length > MAX_PACK_BYTES) return { errors: [{ file, key: '(文件)', message: '词库文件超过 1 MB' }] };
  // Nested thousands deep, the YAML parser recurses until the process aborts (issue 10).
  const tooDeep = yamlProblem(text, MAX_PACK_BYTES);
  if (tooDeep) return { errors: [{ file, key: '(YAML)', message: tooDeep }] };
  const lineCounter = new LineCounter();
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), { uniqueKeys: true, prettyErrors: false, lineCounter });
  if (doc.errors.length) {
    return {
      errors: doc.errors.slice(0, 5).map((e) => ({
        file, line: lineCounter.linePos(e.pos[0]).line, key: '(YAML)', message: `不是有效的 YAML：${e.message.split('\n')[0]}`,
      })),
    };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    return { errors: [{ file, key: '(YAML)', message: `不是有效的 YAML：${(e as Error).message}` }] };
  }
  const result = parsePack(value ?? {}, file, opts);
  for (const e of result.errors) {
    const path = (e as PackError & { path?: Path }).path;
    delete (e as { path?: Path }).path;
    if (path) {
      const offset = offsetOf(doc.contents as YamlNode | null, path);
      if (offset !== undefined) e.line = lineCounter.linePos(offset).line;
    }
  }
  return result;
}

/** Offset of the deepest node along `path` that exists. */
function offsetOf(root: YamlNode | null, path: Path): number | undefined {
  let node: YamlNode | null | undefined = root;
  let at = node?.range?.[0];
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) break;
      at = (pair.key as YamlNode).range?.[0] ?? at;
      node = pair.value as YamlNode | null;
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg] as YamlNode | undefined;
      if (!item) break;
      at = item.range?.[0] ?? at;
      node = item;
    } else break;
  }
  return at;
}

/** Strips the internal path marks from errors of `parsePack` (for callers that show them as they are). */
export function cleanErrors(errors: PackError[]): PackError[] {
  return errors.map((e) => {
    const { path: _path, ...rest } = e as PackError & { path?: Path };
    return rest;
  });
}
