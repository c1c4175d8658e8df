/**
 * Compiling wording packs into one matcher: every literal and every expansion of every bounded pattern
 * of every pack goes into one Aho–Corasick automaton, so a document is scanned once however many packs
 * and entries apply. Compiled sets are cached per list of packs.
 */
import type { Clause } from '../types';
import type { ZwgkDocument } from '../document';
import { compareDates, type SimpleDate } from '../dates';
import { getField } from '../metadata';
import { isHan, insideBookTitle, sentenceAround } from '../util/cjk';
import { lineAround } from '../util/scan';
import { AhoCorasick } from './aho-corasick';
import { expandPattern, substituteGroups } from './pattern';
import type { Pack, PackLevel, PackSource, PackWhen } from './pack';

type Token = { kind: 'text'; text: string } | { kind: 'class'; test: (ch: string) => boolean; date?: boolean };

export interface CompiledEntry {
  pack: Pack;
  /** The entry's (or citation's) id in its pack. */
  id: string;
  /** `<pack>/<entry>`: what `levels` and control comments name. */
  key: string;
  level: PackLevel;
  message: string;
  fix: boolean;
  clause: Clause;
  url?: string;
  followedBy?: Token[];
  notFollowedBy?: Token[];
  precededBy?: Token[];
  notPrecededBy?: Token[];
  unlessSentence?: string[];
  from?: SimpleDate;
  before?: SimpleDate;
  inTitles: boolean;
}

interface Literal {
  entry: CompiledEntry;
  text: string;
  right?: string;
}

export interface PackSet {
  packs: readonly Pack[];
  entries: CompiledEntry[];
  /** Literals by automaton pattern id (several entries may share one text). */
  literals: Literal[][];
  automaton: AhoCorasick;
  /** Pack ids and `<pack>/<entry>` keys, for config and control comments. */
  keys: Set<string>;
}

export interface PackHit {
  entry: CompiledEntry;
  start: number;
  end: number;
  /** The text found. */
  text: string;
  right?: string;
}

const DIGIT = /[0-9０-９]/;
const CN_DIGIT = /[〇○零一二三四五六七八九十百千万两]/;
const PUNCT = /[\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65“”‘’…—!-/:-@[-`{-~]/;
const LETTER = /[A-Za-zＡ-Ｚａ-ｚ]/;
/** A date or time begins here: 2019年 6月 30日 12时, 2019-06-30, 二〇一九年. */
const DATE_AHEAD = /^[ \u3000]?(?:[0-9０-９]{1,4}[ \u3000]?[年月日时点号]|[0-9]{4}[-./][0-9]{1,2}|[〇○零一二三四五六七八九十]{1,4}[年月日])/;

const CLASSES: Record<string, Token> = {
  数字: { kind: 'class', test: (c) => DIGIT.test(c) || CN_DIGIT.test(c) },
  日期: { kind: 'class', test: () => false, date: true },
  汉字: { kind: 'class', test: (c) => isHan(c) },
  标点: { kind: 'class', test: (c) => PUNCT.test(c) },
  字母: { kind: 'class', test: (c) => LETTER.test(c) },
};

function tokens(list: string[] | undefined): Token[] | undefined {
  if (!list) return undefined;
  return list.map((s) => {
    const m = /^\{(.*)\}$/.exec(s);
    return m && CLASSES[m[1]] ? CLASSES[m[1]] : { kind: 'text', text: s };
  });
}

function parseIso(s: string | undefined): SimpleDate | undefined {
  if (!s) return undefined;
  const [year, month, day] = s.split('-').map(Number);
  return { year, month, day };
}

export function formatCnDate(d: SimpleDate): string {
  return `${d.year}年${d.month}月${d.day}日`;
}

function clauseOf(source: PackSource | undefined, pack: Pack, summary: string): Clause {
  const s = source ?? pack.source;
  if (!s) return { source: `词库“${pack.title}”（${pack.file}）`, id: pack.title, text: summary, summary: true };
  return {
    source: s.url ? `${s.title}（${s.url}）` : s.title,
    id: s.clause ?? s.title,
    text: s.quote ?? summary,
    ...(s.quote ? {} : { summary: true }),
  };
}

function defaultMessage(right: string | undefined): string {
  return right !== undefined ? '“{wrong}”应为“{right}”' : '“{wrong}”用法不规范';
}

function compileEntries(pack: Pack, out: CompiledEntry[], literals: Literal[]): void {
  for (const e of pack.entries) {
    const level = e.level ?? pack.level ?? 'warning';
    const message = e.message ?? defaultMessage(e.right);
    const entry: CompiledEntry = {
      pack, id: e.id, key: `${pack.id}/${e.id}`, level, message,
      fix: e.right !== undefined && e.fix !== false,
      clause: clauseOf(e.source, pack, message.replace(/“\{wrong\}”/g, '错误写法').replace(/\{right\}/g, e.right ?? '')),
      url: (e.source ?? pack.source)?.url,
      ...compileWhen(e.when),
    };
    out.push(entry);
    for (const w of e.wrong) literals.push({ entry, text: w, right: e.right });
    for (const p of e.pattern) {
      for (const x of expandPattern(p)) literals.push({ entry, text: x.text, right: e.right === undefined ? undefined : substituteGroups(e.right, x.groups) });
    }
  }
  for (const c of pack.citations) {
    const level = c.level ?? pack.level ?? 'warning';
    c.versions.forEach((old, k) => {
      for (let j = k + 1; j < c.versions.length; j++) {
        const cur = c.versions[j];
        const next = c.versions[j + 1];
        const later = c.versions.slice(k + 1).flatMap((v) => v.cite);
        const message = `本文件日期为{date}，《${c.title}》${cur.version}（${cur.cite[0]}）已于${formatCnDate(parseIso(cur.from)!)}起施行，`
          + `“{wrong}”所指的${old.version}已被取代；请改引现行版本，并核对所引条文的序号和内容`;
        const entry: CompiledEntry = {
          pack, id: c.id, key: `${pack.id}/${c.id}`, level, message, fix: false,
          clause: clauseOf(cur.source, pack, `《${c.title}》${cur.version}自${formatCnDate(parseIso(cur.from)!)}起施行。`),
          url: cur.source.url,
          unlessSentence: ['修订', '修正', '废止', ...later, ...c.unlessSentence],
          from: parseIso(cur.from),
          before: parseIso(next?.from),
          inTitles: false,
        };
        out.push(entry);
        for (const w of old.cite) literals.push({ entry, text: w });
      }
    });
  }
}

function compileWhen(w: PackWhen | undefined): Partial<CompiledEntry> & { inTitles: boolean } {
  return {
    followedBy: tokens(w?.followedBy),
    notFollowedBy: tokens(w?.notFollowedBy),
    precededBy: tokens(w?.precededBy),
    notPrecededBy: tokens(w?.notPrecededBy),
    unlessSentence: w?.unlessSentence,
    from: parseIso(w?.dated?.from),
    before: parseIso(w?.dated?.before),
    inTitles: w?.inTitles === true,
  };
}

const cache = new WeakMap<readonly Pack[], PackSet>();

/** The compiled matcher for a list of packs (cached per list). */
export function compilePacks(packs: readonly Pack[]): PackSet {
  let set = cache.get(packs);
  if (set) return set;
  const entries: CompiledEntry[] = [];
  const flat: Literal[] = [];
  for (const p of packs) compileEntries(p, entries, flat);
  const byText = new Map<string, Literal[]>();
  for (const l of flat) {
    const list = byText.get(l.text);
    if (list) list.push(l);
    else byText.set(l.text, [l]);
  }
  const texts = [...byText.keys()];
  const keys = new Set<string>();
  for (const p of packs) keys.add(p.id);
  for (const e of entries) keys.add(e.key);
  set = { packs, entries, literals: texts.map((t) => byText.get(t)!), automaton: new AhoCorasick(texts), keys };
  cache.set(packs, set);
  return set;
}

function tokenAfter(text: string, pos: number, t: Token): boolean {
  if (t.kind === 'text') return text.startsWith(t.text, pos);
  if (t.date) return DATE_AHEAD.test(text.slice(pos, pos + 12));
  return pos < text.length && t.test(text[pos]);
}

function tokenBefore(text: string, pos: number, t: Token): boolean {
  if (t.kind === 'text') return pos >= t.text.length && text.slice(pos - t.text.length, pos) === t.text;
  if (t.date) return false;
  return pos > 0 && t.test(text[pos - 1]);
}

/** Do the entry's conditions hold for a match at [start, end)? (Dates are checked by the caller.) */
function contextHolds(e: CompiledEntry, text: string, start: number, end: number, doc: ZwgkDocument): boolean {
  if (e.followedBy && !e.followedBy.some((t) => tokenAfter(text, end, t))) return false;
  if (e.notFollowedBy && e.notFollowedBy.some((t) => tokenAfter(text, end, t))) return false;
  if (e.precededBy && !e.precededBy.some((t) => tokenBefore(text, start, t))) return false;
  if (e.notPrecededBy && e.notPrecededBy.some((t) => tokenBefore(text, start, t))) return false;
  if (e.unlessSentence) {
    const s = sentenceAround(text, start, end);
    if (e.unlessSentence.some((w) => s.before.includes(w) || s.after.includes(w))) return false;
  }
  if (!e.inTitles && insideBookTitle(lineAround(doc, start, end).before)) return false;
  return true;
}

/** A literal that is part of its own right form here (wrong 一网通, right 一网通办, text 一网通办) is no error. */
function insideRight(text: string, start: number, l: Literal): boolean {
  if (l.right === undefined || l.right.length <= l.text.length) return false;
  let k = l.right.indexOf(l.text);
  while (k >= 0) {
    if (text.startsWith(l.right, start - k)) return true;
    k = l.right.indexOf(l.text, k + 1);
  }
  return false;
}

/** The ranges the packs read: the prose segments and the 标题 in the metadata. */
function rangesOf(doc: ZwgkDocument): { start: number; end: number }[] {
  const title = getField(doc.metadata, '标题');
  const out = title && title.end > title.start ? [{ start: title.start, end: title.end }] : [];
  return out.concat(doc.segments);
}

/**
 * Every pack hit in the document: conditions checked, overlaps resolved (the earliest, then the longest
 * wins; an entry whose conditions fail never hides another).
 */
export function findPackHits(doc: ZwgkDocument, set: PackSet, dateOf: () => SimpleDate | undefined, enabled: (e: CompiledEntry) => boolean): PackHit[] {
  const text = doc.text;
  const hits: PackHit[] = [];
  let date: SimpleDate | undefined | null = null;
  const dateOk = (e: CompiledEntry) => {
    if (!e.from && !e.before) return true;
    if (date === null) date = dateOf();
    if (!date) return false;
    if (e.from && compareDates(date, e.from) < 0) return false;
    if (e.before && compareDates(date, e.before) >= 0) return false;
    return true;
  };
  const { automaton, literals } = set;
  for (const r of rangesOf(doc)) {
    automaton.scan(text, r.start, r.end, (id, end) => {
      const start = end - automaton.lengths[id];
      for (const l of literals[id]) {
        if (!enabled(l.entry) || !dateOk(l.entry)) continue;
        if (insideRight(text, start, l)) continue;
        if (!contextHolds(l.entry, text, start, end, doc)) continue;
        hits.push({ entry: l.entry, start, end, text: l.text, right: l.right });
        break;
      }
    });
  }
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: PackHit[] = [];
  let reach = -1;
  for (const h of hits) {
    if (h.start < reach) continue;
    out.push(h);
    reach = h.end;
  }
  return out;
}

