/**
 * Inline control comments: `<!-- zwgk-disable [ids] -->`, `<!-- zwgk-enable [ids] -->`,
 * `<!-- zwgk-disable-line [ids] -->`, `<!-- zwgk-disable-next-line [ids] -->`. Without ids they apply to
 * every rule. In Markdown only real HTML comments count (not ones inside code); in plain text, any.
 * An id may name part of a rule: `wording/typos` (one wording pack) or `wording/typos/jiezhi` (one entry).
 */
import type { Nodes, Parents } from 'mdast';
import type { ZwgkDocument } from './document';

export interface Directive {
  kind: 'disable' | 'enable' | 'disable-line' | 'disable-next-line';
  /** Empty = all rules. */
  ids: { id: string; start: number; end: number }[];
  start: number;
  end: number;
}

const COMMENT = /<!--\s*zwgk-(disable-next-line|disable-line|disable|enable)\b([^]*?)-->/g;

export function findDirectives(doc: ZwgkDocument): Directive[] {
  // Nearly every draft has no control comment: then there is no tree to walk.
  if (!doc.text.includes('zwgk-')) return [];
  const sources: { text: string; offset: number }[] = [];
  if (doc.format === 'markdown') {
    const visit = (n: Nodes): void => {
      if (n.type === 'html' && n.position) sources.push({ text: n.value, offset: n.position.start.offset! });
      else if ('children' in n) for (const c of (n as Parents).children) visit(c as Nodes);
    };
    visit(doc.tree);
  } else {
    sources.push({ text: doc.text, offset: 0 });
  }
  const out: Directive[] = [];
  for (const { text, offset } of sources) {
    if (!text.includes('zwgk-')) continue;
    // Every comment ends in -->: matching stops at the last one, so that unclosed `<!-- zwgk-…` openers
    // do not each send the lazy body to the end of the text (quadratic on hostile input).
    const last = text.lastIndexOf('-->');
    if (last < 0) continue;
    for (const m of text.slice(0, last + 3).matchAll(COMMENT)) {
      const bodyStart = offset + m.index! + m[0].indexOf(m[1]) + m[1].length;
      const ids: Directive['ids'] = [];
      for (const idm of m[2].matchAll(/[A-Za-z0-9][\w-]*(?:\/[A-Za-z0-9][\w-]*){0,2}/g)) ids.push({ id: idm[0], start: bodyStart + idm.index!, end: bodyStart + idm.index! + idm[0].length });
      out.push({ kind: m[1] as Directive['kind'], ids, start: offset + m.index!, end: offset + m.index! + m[0].length });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Builds a predicate: is rule `id` disabled at `offset`? */
export function disabledAt(doc: ZwgkDocument, directives: Directive[]): (id: string, offset: number) => boolean {
  if (directives.length === 0) return () => false;
  const lineOf = (o: number) => doc.positionAt(o).line;
  const lineRules = new Map<number, Set<string> | 'all'>();
  const addLine = (line: number, ids: string[]) => {
    const cur = lineRules.get(line);
    if (cur === 'all') return;
    if (ids.length === 0) lineRules.set(line, 'all');
    else if (cur) for (const id of ids) cur.add(id);
    else lineRules.set(line, new Set(ids));
  };
  const ranged = directives.filter((d) => d.kind === 'disable' || d.kind === 'enable');
  // A disable/enable comment with nothing but other comments between it and the end of the front
  // matter / catalogue header applies from the top, metadata included (a comment cannot go inside the
  // metadata block, nor before the front matter, without breaking it).
  const headStart = (d: Directive): number => {
    if (d.start < doc.bodyStart || d.start - doc.bodyStart > 4000) return d.start;
    const text = doc.text.slice(doc.bodyStart, d.start);
    const last = text.lastIndexOf('-->'); // (comments end by the last -->: see findDirectives)
    const between = last < 0 ? text : text.slice(0, last + 3).replace(/<!--[^]*?-->/g, '') + text.slice(last + 3);
    return between.trim() === '' ? 0 : d.start;
  };
  // Whether a rule is disabled at an offset is decided by the ranged directives that apply from at or
  // before it, in order, stopping at the first that applies after it: `reach` (the running maximum of
  // where they apply from) finds that prefix by binary search, and per rule id the state after each
  // directive is computed once — so a draft with thousands of comments and messages stays linear.
  const reach: number[] = [];
  let furthest = -Infinity;
  for (const d of ranged) reach.push((furthest = Math.max(furthest, headStart(d))));
  const states = new Map<string, Uint8Array>();
  const stateAfter = (id: string): Uint8Array => {
    let st = states.get(id);
    if (!st) {
      st = new Uint8Array(ranged.length);
      let disabled = 0;
      ranged.forEach((d, i) => {
        if (d.ids.length === 0 || d.ids.some((x) => x.id === id)) disabled = d.kind === 'disable' ? 1 : 0;
        st![i] = disabled;
      });
      states.set(id, st);
    }
    return st;
  };
  for (const d of directives) {
    if (d.kind === 'disable-line') addLine(lineOf(d.start), d.ids.map((i) => i.id));
    if (d.kind === 'disable-next-line') addLine(lineOf(d.end) + 1, d.ids.map((i) => i.id));
  }
  return (id, offset) => {
    const ln = lineRules.get(lineOf(offset));
    if (ln === 'all' || ln?.has(id)) return true;
    let lo = 0;
    let hi = reach.length; // the first directive that applies after `offset`
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (reach[mid] > offset) hi = mid;
      else lo = mid + 1;
    }
    return lo > 0 && stateAfter(id)[lo - 1] === 1;
  };
}
