/**
 * The set of drafts a cross-document rule can look at, and how a policy and its interpretation(s) are
 * linked. The core never reads files: the CLI and the language server fill the index with summaries of
 * drafts they have read. Everything here is pure (paths are handled as strings with `path.posix`).
 *
 * A policy P and an interpretation I are linked when
 *   1. P's `解读材料` resolves to I, or I's `解读对象` resolves to P (relative paths are resolved against the
 *      draft's own folder; a path leaving the workspace roots is not followed and is reported; a value
 *      that is not a path is looked up as a title), or
 *   2. neither declares a link and
 *      - I's file is named `<P's file>-解读.md` / `<P's file>解读.md` / `<P's file>_解读.md` beside P, or
 *      - I's title interprets P's title: 《X》…解读, 关于《X》的解读, X解读, X政策解读, X的政策问答 …
 *        (titles normalised: 《》, spaces, full-width/half-width forms and the 关于印发…的通知 wrapping
 *        do not matter). When several policies carry the title, those in I's folder win, then those
 *        whose 发布日期 is nearest to I's.
 * The relation is symmetric: `interpretationsOf(P)` lists I exactly when `policiesOf(I)` lists P.
 *
 * Lookups go through maps keyed by normalised path, title and file name, so resolving one draft costs
 * O(links + matches), and `dependents(path)` names the drafts whose result can change when `path` does.
 */
import * as path from 'node:path';
import type { DocType } from './doctype';
import { inferKind } from './profile/kind';
import { pickTitleLine, bodyOpening } from './title-line';
import { parseDate, dayDiff, type SimpleDate } from './dates';
import { readFrontMatter, readHeader, getField, type Metadata } from './metadata';
import { ZwgkDocument, formatOf } from './document';
import { simpleFrontMatter } from './util/simple-front-matter';

export interface DraftSummary {
  /** Absolute path (the caller's own form; `\` and `/` both work). */
  path: string;
  title?: string;
  type: DocType;
  /** True when `type` was inferred from the title rather than declared in metadata (`文档类型`). */
  typeInferred?: boolean;
  /** False when `type` was inferred with low confidence (kind-bound rules stay quiet); absent = sure. */
  typeSure?: boolean;
  /** Known metadata values by canonical key (标题, 发布日期, 起草单位, 发布机构, 解读材料, 解读对象 …). */
  metadata: Record<string, string>;
}

/** A policy needs interpretations; an interpretation interprets policies. */
export type DraftRole = 'policy' | 'interpretation';

/** The metadata field that holds a draft's links: policies use 解读材料, interpretations 解读对象. */
export type LinkField = '解读材料' | '解读对象';

/** One value of a link field, classified. */
export type LinkRef =
  /** A draft file (.md / .txt, or a path without extension). `target` is the normalised path. */
  | { kind: 'path'; raw: string; target: string; inside: boolean; absolute: boolean }
  /** A file that is not a draft (PDF, picture, video …): not followed; only the workspace bound is checked. */
  | { kind: 'asset'; raw: string; target: string; inside: boolean; absolute: boolean }
  /** A web address: not followed. */
  | { kind: 'url'; raw: string }
  /** Anything else is taken as the other draft's title. */
  | { kind: 'title'; raw: string; keys: string[] };

export type MatchVia = 'link' | 'backlink' | 'filename' | 'title';

export interface LinkedDraft {
  draft: DraftSummary;
  /** link: this draft's own field; backlink: the other draft's field; filename / title: no link, matched. */
  via: MatchVia;
  /** The value as written in this draft's link field (via link only). */
  ref?: string;
}

export interface LinkProblem {
  /** The value as written in the link field. */
  ref: string;
  kind: 'not-found' | 'outside-workspace' | 'self';
  /** The normalised path the value resolved to (path refs). */
  resolved?: string;
}

export interface Resolution {
  role: DraftRole;
  /** The field this draft's links are read from. */
  field: LinkField;
  /** Linked drafts, sorted by path (each once, with the strongest `via`). */
  linked: LinkedDraft[];
  /** Link values that could not be followed. */
  problems: LinkProblem[];
  /** Values that point outside the set of drafts and are not checked (web addresses, PDFs, pictures …). */
  external: string[];
  /** The draft's own link field holds at least one value. */
  declared: boolean;
}

export interface DraftIndexOptions {
  /** Workspace root folder(s). A link that resolves outside every root is not followed and is reported. */
  root?: string | readonly string[];
}

// ————————————————————————————————— paths —————————————————————————————————

/** Normalised path key: forward slashes, `.`/`..` resolved, lower-case drive letter, no trailing slash. */
export function normalizePath(p: string): string {
  let s = p.replace(/\\/g, '/');
  if (/^[A-Za-z]:\//.test(s)) s = s[0].toLowerCase() + s.slice(1);
  s = path.posix.normalize(s);
  if (s.length > 1 && s.endsWith('/') && !/^[a-z]:\/$/.test(s)) s = s.slice(0, -1);
  return s;
}

function isAbsoluteKey(k: string): boolean {
  return k.startsWith('/') || /^[a-z]:\//.test(k);
}

function dirOf(key: string): string {
  return path.posix.dirname(key);
}

/** True when `key` lies inside one of `roots` (normalised keys); no roots: always true. */
export function isInside(key: string, roots: readonly string[]): boolean {
  if (roots.length === 0) return true;
  return roots.some((r) => {
    if (r === '.') return !isAbsoluteKey(key) && key !== '..' && !key.startsWith('../');
    if (r === '/') return key.startsWith('/');
    return key === r || key.startsWith(r.endsWith('/') ? r : r + '/');
  });
}

const DRAFT_EXT = /\.(?:md|markdown|txt)$/i;
const ASSET_EXT = /\.(?:pdf|docx?|wps|ofd|xlsx?|et|pptx?|dps|png|jpe?g|gif|svg|webp|bmp|mp4|mov|avi|mp3|wav|m4a|html?|zip|rar)$/i;
const NONE_VALUE = /^(?:无|暂无|没有|不涉及|不适用|不需要|无需|否|—{1,4}|-{1,4}|\/)$/;

function cleanRef(raw: string): string {
  let s = raw.trim();
  // Markdown link [text](target) or <target>.
  const md = /^\[[^\]]{0,300}\]\(([^()]{1,1000})\)$/.exec(s);
  if (md) s = md[1].trim();
  s = s.replace(/^<(.{1,1000})>$/, '$1').replace(/^["'“‘](.{1,1000})["'”’]$/, '$1').trim();
  return s;
}

function looksLikeFileRef(s: string): boolean {
  return /^(?:https?|ftp):\/\//i.test(s) || /^www\./i.test(s) || DRAFT_EXT.test(s) || ASSET_EXT.test(s) || /[\\/]/.test(s);
}

/** Splits a link field's value into its refs: `；`/`;`/new lines always, `、`/`，`/`,` only between paths. */
export function splitRefs(value: string): string[] {
  const out: string[] = [];
  for (const piece of value.split(/[；;\n]/)) {
    const p = piece.trim();
    if (!p) continue;
    const sub = p.split(/[、，,]/).map((x) => x.trim()).filter(Boolean);
    if (sub.length > 1 && sub.every((x) => looksLikeFileRef(cleanRef(x)))) out.push(...sub);
    else out.push(p);
  }
  return out;
}

/** Classifies the refs of a link field written in the draft at `fromPath`. */
export function parseLinkRefs(value: string | undefined, fromPath: string, roots: readonly string[] = []): LinkRef[] {
  if (!value) return [];
  const fromKey = normalizePath(fromPath);
  const rootKeys = roots.map(normalizePath);
  const out: LinkRef[] = [];
  for (const raw of splitRefs(value)) {
    const s = cleanRef(raw);
    if (!s || NONE_VALUE.test(s)) continue;
    if (/^(?:https?|ftp):\/\//i.test(s) || /^www\./i.test(s)) {
      out.push({ kind: 'url', raw });
      continue;
    }
    const isPath = DRAFT_EXT.test(s) || ASSET_EXT.test(s) || /[\\/]/.test(s) || /^file:/i.test(s);
    if (!isPath) {
      const keys = titleKeys(s);
      if (keys.length) out.push({ kind: 'title', raw, keys });
      continue;
    }
    let p = s.replace(/^file:\/\//i, '').replace(/[?#].*$/, '');
    try { p = decodeURI(p); } catch { /* keep as written */ }
    const asKey = normalizePath(p);
    const absolute = isAbsoluteKey(asKey);
    const target = absolute ? asKey : normalizePath(path.posix.join(dirOf(fromKey), asKey));
    const inside = isInside(target, rootKeys);
    out.push({ kind: ASSET_EXT.test(p) ? 'asset' : 'path', raw, target, inside, absolute });
  }
  return out;
}

// ————————————————————————————————— titles and file names —————————————————————————————————

/** Wrapping of a notice that issues a policy: (…关于)印发/转发《X》的通知 → X. */
const WRAPPED = /^(?:.{0,40}?关于)?(?:印发|转发|发布|公布|颁布)(.{2,200}?)的?(?:通知|决定|公告|通告)$/;
const QUOTED = /《([^《》]{2,120})》/g;

function basicNormalize(t: string): string {
  return t.normalize('NFKC').replace(/[\s\u3000]+/g, '');
}

/** A title reduced to what identifies the policy: no 《》/quotes/spaces, no 关于印发…的通知 wrapping. */
export function normalizeTitle(t: string): string {
  let s = basicNormalize(t).replace(/[《》〈〉<>“”"‘’'「」『』]/g, '').replace(/[。.；;，,：:！!]+$/, '');
  const m = WRAPPED.exec(s);
  if (m) s = m[1];
  return s;
}

/** The keys a normalised title is matched by: itself, without the issuer before 关于, without （试行）. */
function altKeys(full: string): string[] {
  const noIssuer = (s: string) => /^.{0,30}?关于(.{4,})$/.exec(s)?.[1] ?? s;
  const noTrial = (s: string) => s.replace(/\((?:试行|暂行|修订|修订版|征求意见稿)\)$/, '');
  const keys = [full, noIssuer(full), noTrial(full), noIssuer(noTrial(full))];
  return [...new Set(keys)].filter((k) => k.length >= 4);
}

/** Every key a title can be matched by (the first is the full normalised title). */
export function titleKeys(title: string | undefined): string[] {
  if (!title) return [];
  const full = normalizeTitle(title);
  return full.length >= 4 ? altKeys(full) : [];
}

const INTERP_PREFIX = /^(?:关于|图解|一图读懂|一图看懂|一图解读|解读)[:：]?/;
const INTERP_SUFFIX = /^(.{2,200}?)(?:的)?(?:政策)?(?:解读|简明问答|政策问答|问答|答记者问)(?:材料|说明|稿)?$/;

/**
 * The normalised titles of the policies an interpretation's title names: every 《X》 in it, else X in
 * X解读 / X政策解读 / X的政策问答 / 关于X的解读. Empty when the title names none.
 */
export function interpretedTitles(title: string | undefined): string[] {
  if (!title) return [];
  const s = basicNormalize(title);
  const quoted = [...s.matchAll(QUOTED)].map((m) => normalizeTitle(m[1]));
  if (quoted.length) return [...new Set(quoted)].filter((k) => k.length >= 4);
  const prefix = INTERP_PREFIX.exec(s);
  const bare = s.slice(prefix ? prefix[0].length : 0).replace(/\((?:图解|图文|视频|动漫|音频|问答)[^()]{0,6}\)$/, '');
  const m = INTERP_SUFFIX.exec(bare);
  // 图解… / 一图读懂… name the policy without a 解读 suffix; 关于X alone does not.
  const named = m ? m[1] : prefix && !prefix[0].startsWith('关于') ? bare : undefined;
  if (!named) return [];
  const k = normalizeTitle(named);
  return k.length >= 4 ? [k] : [];
}

const INTERP_FILE = /^(.{1,200}?)[-_ ·—]{0,2}(?:政策)?(?:解读|问答)(?:材料)?$/;

function baseName(key: string): string {
  return path.posix.basename(key).replace(DRAFT_EXT, '');
}

/** For a file named `<X>-解读.md` / `<X>解读.md` / `<X>_解读.md`: the key of `<X>` in the same folder. */
function interpretationFileKey(key: string): string | undefined {
  const m = INTERP_FILE.exec(basicNormalize(baseName(key)));
  if (!m) return undefined;
  const base = normalizeTitle(m[1]);
  return base ? `${dirOf(key)}/${base}` : undefined;
}

function policyFileKey(key: string): string {
  return `${dirOf(key)}/${normalizeTitle(baseName(key))}`;
}

/**
 * A draft's role: a declared 文档类型 decides; otherwise 政策解读 by title, a `解读对象` field or a file
 * named `…解读.md` make it an interpretation.
 */
export function roleOf(s: DraftSummary): DraftRole {
  if (s.type === '政策解读') return 'interpretation';
  if (!s.typeInferred) return 'policy';
  if ((s.metadata['解读对象'] ?? '').trim() && !(s.metadata['解读材料'] ?? '').trim()) return 'interpretation';
  return interpretationFileKey(normalizePath(s.path)) ? 'interpretation' : 'policy';
}

// ————————————————————————————————— the index —————————————————————————————————

interface Entry {
  summary: DraftSummary;
  key: string;
  dir: string;
  role: DraftRole;
  /** Title keys (first = full normalised title). */
  titleKeys: string[];
  /** Interpretations: full keys of the titles they name, and all their match keys. */
  subjectFull: string[];
  subjectKeys: string[];
  /** Policies: dir/base; interpretations: dir/<base without -解读> (or undefined). */
  fileKey?: string;
  material: LinkRef[];
  object: LinkRef[];
  date?: SimpleDate;
}

class MultiMap {
  private readonly m = new Map<string, Set<string>>();
  add(k: string, v: string): void {
    let s = this.m.get(k);
    if (!s) this.m.set(k, (s = new Set()));
    s.add(v);
  }
  remove(k: string, v: string): void {
    const s = this.m.get(k);
    if (s && s.delete(v) && s.size === 0) this.m.delete(k);
  }
  get(k: string): ReadonlySet<string> {
    return this.m.get(k) ?? EMPTY_SET;
  }
}
const EMPTY_SET: ReadonlySet<string> = new Set();

const VIA_RANK: Record<MatchVia, number> = { link: 0, backlink: 1, filename: 2, title: 3 };

export class DraftIndex {
  /** Normalised workspace roots ([] = no bound). */
  readonly roots: string[];
  private readonly entries = new Map<string, Entry>();
  private readonly policyByFull = new MultiMap();
  private readonly policyByKey = new MultiMap();
  private readonly interpBySubject = new MultiMap();
  private readonly policyByFile = new MultiMap();
  private readonly interpByFile = new MultiMap();
  private readonly anyByTitle = new MultiMap();
  /** Link sources by target: path refs and title refs, per field. */
  private readonly materialByPath = new MultiMap();
  private readonly objectByPath = new MultiMap();
  private readonly materialByTitle = new MultiMap();
  private readonly objectByTitle = new MultiMap();
  private ver = 0;

  constructor(options: DraftIndexOptions = {}) {
    const r = options.root === undefined ? [] : typeof options.root === 'string' ? [options.root] : [...options.root];
    this.roots = r.map(normalizePath);
  }

  /** Grows on every change (for caches). */
  get version(): number {
    return this.ver;
  }

  /**
   * Adds or replaces a draft. Returns the paths of the other drafts whose cross-document result can
   * change because of it (before and after the change) — re-check those.
   */
  set(summary: DraftSummary): string[] {
    const key = normalizePath(summary.path);
    const affected = new Set(this.dependentKeys(key));
    const old = this.entries.get(key);
    if (old) this.unregister(old);
    this.register(this.makeEntry(summary));
    for (const k of this.dependentKeys(key)) affected.add(k);
    this.ver++;
    return this.pathsOf(affected, key);
  }

  /**
   * Adds many drafts at once (indexing a workspace at start): like `set` for each, without computing
   * what to re-check.
   */
  load(summaries: Iterable<DraftSummary>): void {
    for (const summary of summaries) {
      const old = this.entries.get(normalizePath(summary.path));
      if (old) this.unregister(old);
      this.register(this.makeEntry(summary));
    }
    this.ver++;
  }

  /** Removes a draft; returns the paths of the drafts to re-check. */
  delete(path: string): string[] {
    const key = normalizePath(path);
    const affected = new Set(this.dependentKeys(key));
    const old = this.entries.get(key);
    if (old) {
      this.unregister(old);
      this.ver++;
    }
    return this.pathsOf(affected, key);
  }

  get(path: string): DraftSummary | undefined {
    return this.entries.get(normalizePath(path))?.summary;
  }

  has(path: string): boolean {
    return this.entries.has(normalizePath(path));
  }

  *all(): IterableIterator<DraftSummary> {
    for (const e of this.entries.values()) yield e.summary;
  }

  get size(): number {
    return this.entries.size;
  }

  /**
   * Paths of the drafts (other than `path` itself) whose cross-document result can change when the
   * draft at `path` is created, edited or deleted: drafts linking to it, drafts it links to, and drafts
   * matched with it by title or file name. Call it before and after a change (or use the return value
   * of `set` / `delete`, which does both).
   */
  dependents(path: string): string[] {
    const key = normalizePath(path);
    return this.pathsOf(new Set(this.dependentKeys(key)), key);
  }

  /** Where a link value written in the draft at `from` points (normalised), and whether it stays in the workspace. */
  resolvePath(from: string, ref: string): { path: string; inside: boolean } {
    const r = normalizePath(ref);
    const target = isAbsoluteKey(r) ? r : normalizePath(path.posix.join(dirOf(normalizePath(from)), r));
    return { path: target, inside: isInside(target, this.roots) };
  }

  /** The other side of a draft: interpretations of a policy, policies of an interpretation. */
  linksOf(summary: DraftSummary): Resolution {
    return roleOf(summary) === 'interpretation' ? this.policiesOf(summary) : this.interpretationsOf(summary);
  }

  /** The interpretations of `policy` (which need not be in the index; its own entry is ignored). */
  interpretationsOf(policy: DraftSummary): Resolution {
    const p = this.makeEntry(policy, 'policy');
    const out = new Linked();
    const { problems, external } = this.forward(p, '解读材料', out);
    // Backlinks: interpretations whose 解读对象 resolves to this policy.
    const cands = new Set(this.objectByPath.get(p.key));
    for (const k of p.titleKeys) for (const c of this.objectByTitle.get(k)) cands.add(c);
    for (const c of cands) {
      const i = this.entries.get(c);
      if (!i || c === p.key) continue;
      if (this.forwardKeys(i, '解读对象', p).has(p.key)) out.add(i.summary, 'backlink');
    }
    // Matches without links.
    if (p.material.length === 0) {
      const heur = new Set<string>(p.fileKey ? this.interpByFile.get(p.fileKey) : EMPTY_SET);
      for (const k of p.titleKeys) for (const c of this.interpBySubject.get(k)) heur.add(c);
      for (const c of heur) {
        const i = this.entries.get(c);
        if (!i || c === p.key || i.role !== 'interpretation' || i.object.length) continue;
        const m = this.heuristicPolicies(i, p);
        if (m.keys.has(p.key)) out.add(i.summary, m.via);
      }
    }
    return { role: 'policy', field: '解读材料', linked: out.list(), problems, external, declared: p.material.length > 0 };
  }

  /** The policies `interpretation` interprets (it need not be in the index; its own entry is ignored). */
  policiesOf(interpretation: DraftSummary): Resolution {
    const i = this.makeEntry(interpretation, 'interpretation');
    const out = new Linked();
    const { problems, external } = this.forward(i, '解读对象', out);
    const cands = new Set(this.materialByPath.get(i.key));
    for (const k of i.titleKeys) for (const c of this.materialByTitle.get(k)) cands.add(c);
    for (const c of cands) {
      const p = this.entries.get(c);
      if (!p || c === i.key) continue;
      if (this.forwardKeys(p, '解读材料', i).has(i.key)) out.add(p.summary, 'backlink');
    }
    if (i.object.length === 0) {
      const m = this.heuristicPolicies(i);
      for (const k of m.keys) {
        const p = this.entries.get(k);
        if (p) out.add(p.summary, m.via);
      }
    }
    return { role: 'interpretation', field: '解读对象', linked: out.list(), problems, external, declared: i.object.length > 0 };
  }

  // ——— internals ———

  private makeEntry(summary: DraftSummary, role?: DraftRole): Entry {
    // The index's own entry when asked about the very summary it holds (what a cache of results asks).
    const own = this.entries.get(normalizePath(summary.path));
    if (own && own.summary === summary && (role === undefined || role === own.role)) return own;
    role ??= roleOf(summary);
    const key = normalizePath(summary.path);
    const tKeys = titleKeys(summary.title);
    const subjectFull = role === 'interpretation' ? interpretedTitles(summary.title) : [];
    const subjectKeys = [...new Set(subjectFull.flatMap(altKeys))];
    const d = summary.metadata['发布日期'] ? parseDate(summary.metadata['发布日期']) : undefined;
    return {
      summary, key, dir: dirOf(key), role,
      titleKeys: tKeys, subjectFull, subjectKeys,
      fileKey: role === 'interpretation' ? interpretationFileKey(key) : policyFileKey(key),
      material: role === 'policy' ? parseLinkRefs(summary.metadata['解读材料'], key, this.roots) : [],
      object: role === 'interpretation' ? parseLinkRefs(summary.metadata['解读对象'], key, this.roots) : [],
      date: d && d.valid ? d : undefined,
    };
  }

  private register(e: Entry): void {
    this.entries.set(e.key, e);
    this.index(e, true);
  }

  private unregister(e: Entry): void {
    this.entries.delete(e.key);
    this.index(e, false);
  }

  private index(e: Entry, add: boolean): void {
    const op = (m: MultiMap, k: string) => (add ? m.add(k, e.key) : m.remove(k, e.key));
    for (const k of e.titleKeys) op(this.anyByTitle, k);
    if (e.role === 'policy') {
      if (e.titleKeys[0]) op(this.policyByFull, e.titleKeys[0]);
      for (const k of e.titleKeys) op(this.policyByKey, k);
      if (e.fileKey) op(this.policyByFile, e.fileKey);
    } else {
      for (const k of e.subjectKeys) op(this.interpBySubject, k);
      if (e.fileKey) op(this.interpByFile, e.fileKey);
    }
    for (const [refs, byPath, byTitle] of [[e.material, this.materialByPath, this.materialByTitle], [e.object, this.objectByPath, this.objectByTitle]] as const) {
      for (const r of refs) {
        if (r.kind === 'path') for (const t of pathVariants(r.target)) op(byPath, t);
        else if (r.kind === 'title') for (const k of r.keys) op(byTitle, k);
      }
    }
  }

  /** Follows an entry's own link field; `extra` stands in for its key's index entry (a fresh summary). */
  private forward(e: Entry, field: LinkField, out?: Linked, extra?: Entry): { keys: Set<string>; problems: LinkProblem[]; external: string[] } {
    const refs = field === '解读材料' ? e.material : e.object;
    const keys = new Set<string>();
    const problems: LinkProblem[] = [];
    const external: string[] = [];
    const lookup = (k: string): Entry | undefined => (extra && extra.key === k ? extra : this.entries.get(k));
    const want: DraftRole = field === '解读材料' ? 'interpretation' : 'policy';
    for (const r of refs) {
      if (r.kind === 'url') { external.push(r.raw); continue; }
      if (r.kind === 'asset') {
        if (!r.inside) problems.push({ ref: r.raw, kind: 'outside-workspace', resolved: r.target });
        else external.push(r.raw);
        continue;
      }
      if (r.kind === 'path') {
        if (!r.inside) { problems.push({ ref: r.raw, kind: 'outside-workspace', resolved: r.target }); continue; }
        if (r.target === e.key) { problems.push({ ref: r.raw, kind: 'self', resolved: r.target }); continue; }
        const hit = pathVariants(r.target).map(lookup).find((x): x is Entry => !!x && x.key !== e.key);
        if (!hit) { problems.push({ ref: r.raw, kind: 'not-found', resolved: r.target }); continue; }
        keys.add(hit.key);
        out?.add(hit.summary, 'link', r.raw);
        continue;
      }
      // A title: the full title first, then the looser keys; drafts of the expected role first.
      let found: Entry[] = [];
      for (const tier of [r.keys.slice(0, 1), r.keys]) {
        const set = new Set<string>();
        for (const k of tier) for (const c of this.anyByTitle.get(k)) if (!extra || c !== extra.key) set.add(c);
        if (extra && extra.titleKeys.some((k) => tier.includes(k))) set.add(extra.key);
        const es = [...set].map(lookup).filter((x): x is Entry => !!x && x.key !== e.key);
        const preferred = es.filter((x) => x.role === want);
        found = preferred.length ? preferred : es;
        if (found.length) break;
      }
      if (!found.length) { problems.push({ ref: r.raw, kind: 'not-found' }); continue; }
      for (const f of found) {
        keys.add(f.key);
        out?.add(f.summary, 'link', r.raw);
      }
    }
    return { keys, problems, external };
  }

  private forwardKeys(e: Entry, field: LinkField, extra?: Entry): Set<string> {
    return this.forward(e, field, undefined, extra).keys;
  }

  /**
   * The policies an interpretation without links is matched with: by file name if any, else by title
   * (full title before looser keys; same folder first; then nearest 发布日期). `extra` (a fresh policy
   * summary) replaces the index's entry with the same key.
   */
  private heuristicPolicies(i: Entry, extra?: Entry): { keys: Set<string>; via: MatchVia } {
    const usable = (k: string): Entry | undefined => {
      if (k === i.key) return undefined;
      const p = extra && extra.key === k ? extra : this.entries.get(k);
      return p && p.role === 'policy' && p.material.length === 0 ? p : undefined;
    };
    const collect = (m: MultiMap, keys: readonly string[], extraMatches: boolean): Entry[] => {
      const set = new Set<string>();
      for (const k of keys) for (const c of m.get(k)) if (!extra || c !== extra.key) set.add(c);
      if (extra && extraMatches) set.add(extra.key);
      return [...set].map(usable).filter((x): x is Entry => !!x);
    };
    if (i.fileKey) {
      const byFile = collect(this.policyByFile, [i.fileKey], !!extra && extra.fileKey === i.fileKey);
      if (byFile.length) return { keys: new Set(byFile.map((p) => p.key)), via: 'filename' };
    }
    let found = collect(this.policyByFull, i.subjectFull, !!extra && !!extra.titleKeys[0] && i.subjectFull.includes(extra.titleKeys[0]));
    if (!found.length) found = collect(this.policyByKey, i.subjectKeys, !!extra && extra.titleKeys.some((k) => i.subjectKeys.includes(k)));
    if (found.length > 1) {
      const same = found.filter((p) => p.dir === i.dir);
      if (same.length) found = same;
    }
    if (found.length > 1 && i.date && found.every((p) => p.date)) {
      const dist = (p: Entry) => Math.abs(dayDiff(i.date!, p.date!));
      const best = Math.min(...found.map(dist));
      found = found.filter((p) => dist(p) === best);
    }
    return { keys: new Set(found.map((p) => p.key)), via: 'title' };
  }

  private dependentKeys(key: string): Set<string> {
    const out = new Set<string>();
    const addAll = (s: Iterable<string>) => { for (const k of s) out.add(k); };
    for (const v of pathVariants(key)) {
      addAll(this.materialByPath.get(v));
      addAll(this.objectByPath.get(v));
    }
    const e = this.entries.get(key);
    if (e) {
      for (const k of e.titleKeys) {
        addAll(this.materialByTitle.get(k));
        addAll(this.objectByTitle.get(k));
        addAll(this.interpBySubject.get(k));
        addAll(this.policyByKey.get(k));
      }
      for (const k of e.subjectKeys) addAll(this.policyByKey.get(k));
      if (e.fileKey) {
        addAll(this.policyByFile.get(e.fileKey));
        addAll(this.interpByFile.get(e.fileKey));
      }
      for (const r of [...e.material, ...e.object]) {
        if (r.kind === 'path') for (const v of pathVariants(r.target)) { if (this.entries.has(v)) out.add(v); }
        else if (r.kind === 'title') for (const k of r.keys) addAll(this.anyByTitle.get(k));
      }
    }
    out.delete(key);
    return out;
  }

  private pathsOf(keys: Set<string>, self: string): string[] {
    const out: string[] = [];
    for (const k of keys) {
      if (k === self) continue;
      const e = this.entries.get(k);
      if (e) out.push(e.summary.path);
    }
    return out.sort();
  }
}

/** A path without a draft extension may name `x.md` or `x.txt`. */
function pathVariants(target: string): string[] {
  return DRAFT_EXT.test(target) ? [target] : [target, `${target}.md`, `${target}.txt`];
}

class Linked {
  private readonly m = new Map<string, LinkedDraft>();
  add(draft: DraftSummary, via: MatchVia, ref?: string): void {
    const key = normalizePath(draft.path);
    const cur = this.m.get(key);
    if (!cur || VIA_RANK[via] < VIA_RANK[cur.via]) this.m.set(key, ref === undefined ? { draft, via } : { draft, via, ref });
  }
  list(): LinkedDraft[] {
    return [...this.m.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([, v]) => v);
  }
}

function knownValues(meta: Metadata): Record<string, string> {
  const metadata: Record<string, string> = {};
  for (const f of meta.fields) if (f.known && !(f.key in metadata)) metadata[f.key] = f.value;
  return metadata;
}

/** What the index keeps of a parsed draft (small: the text itself is not kept). */
export function summarize(doc: ZwgkDocument, path: string): DraftSummary {
  return { path, title: doc.title?.text, type: doc.type.value, typeInferred: doc.type.inferred, typeSure: doc.type.confidence !== 'low', metadata: knownValues(doc.metadata) };
}

// ————————————————————————————————— fast summaries for indexing —————————————————————————————————

/** End offset of YAML front matter as remark-frontmatter finds it (closing fence line, without its newline). */
/** End of a leading YAML front matter block (before the closing fence's line break), or undefined. */
export function frontMatterEnd(text: string): number | undefined {
  const open = /^---[ \t]*(?:\r\n|\r|\n)/.exec(text);
  if (!open) return undefined;
  const re = /([^\r\n]*)(\r\n|\r|\n|$)/g;
  re.lastIndex = open[0].length;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) && m.index < text.length) {
    if (/^---[ \t]*$/.test(m[1])) return m.index + m[1].length;
    if (m[0].length === 0) break;
  }
  return undefined;
}

/**
 * The title of a Markdown body whose first line is a plain `# 标题` (what drafts normally start with);
 * undefined for anything else (setext headings, markup in the heading, text before it …).
 */
function plainAtxTitle(text: string, from: number): string | undefined {
  const re = /[^\r\n]*(?:\r\n|\r|\n|$)/g;
  re.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) && m.index < text.length) {
    const line = m[0].replace(/[\r\n]+$/, '');
    if (line.trim()) {
      const h = /^ {0,3}#(?:[ \t]|$)/.exec(line);
      if (!h) return undefined;
      const content = line.slice(h[0].length).trim();
      // Markup, entities or a closing sequence: leave it to the Markdown parser.
      if (!content || /[*_`\\[\]<>&!~|#]/.test(content)) return undefined;
      return content;
    }
    if (m[0].length === 0) break;
  }
  return undefined;
}

/**
 * A draft's summary straight from its text, without building the document model — for indexing a
 * workspace at start (reads the front matter or catalogue header and the title only). Gives the same
 * summary as `summarize(new ZwgkDocument(text, path), path)` on ordinary drafts.
 */
export function summarizeText(text: string, path: string, format: 'markdown' | 'text' = formatOf(path)): DraftSummary {
  if (format === 'markdown') {
    // The fast path covers front matter with a 标题 or a plain `# 标题` first line; anything else goes
    // through the document model, so the summary is always the same as `summarize` gives.
    const fmEnd = frontMatterEnd(text);
    const meta = fmEnd !== undefined ? simpleFrontMatter(text, 0, fmEnd) ?? readFrontMatter(text, 0, fmEnd) : text.charCodeAt(0) === 0xfeff ? undefined : readHeader(text);
    if (meta && (fmEnd !== undefined || meta.source === 'none')) {
      const title = getField(meta, '标题')?.value || plainAtxTitle(text, fmEnd ?? 0);
      if (title) return fromMeta(path, meta, title, text, fmEnd ?? meta.block?.end ?? 0);
    }
    return summarize(new ZwgkDocument(text, path, 'markdown'), path);
  }
  const meta = readHeader(text);
  let title = getField(meta, '标题')?.value || meta.titleLine?.text || undefined;
  if (!title) {
    // The lines the document model makes blocks of (page furniture and comments left out), and the same
    // choice of title line.
    const lines = function* (): Generator<{ text: string }> {
      const re = /[^\r\n]*(?:\r\n|\r|\n|$)/g;
      re.lastIndex = meta.block ? meta.block.end : 0;
      let m: RegExpExecArray | null;
      while ((m = re.exec(text)) && m.index < text.length) {
        const t = m[0].trim();
        const at = m.index + (m[0].length - m[0].trimStart().length);
        if (t && !/^<!--.*-->$/.test(t) && !meta.furniture.some((r) => r.start <= at && at < r.end)) yield { text: t };
        if (m[0].length === 0) break;
      }
    };
    title = pickTitleLine(lines())?.text;
  }
  return fromMeta(path, meta, title, text, meta.block ? meta.block.end : 0);
}

function fromMeta(path: string, meta: Metadata, title: string | undefined, text: string, bodyStart: number): DraftSummary {
  // The same inputs the document model gives the kind inference (title, catalogue, the body's opening).
  const type = inferKind({ title, meta: (k) => getField(meta, k as never)?.value, body: () => bodyOpening(text, bodyStart, meta.furniture) });
  return { path, title, type: type.value, typeInferred: type.inferred, typeSure: type.confidence !== 'low', metadata: knownValues(meta) };
}
