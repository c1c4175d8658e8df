/**
 * Inline control comments: `<!-- zwgk-disable [ids] -->`, `<!-- zwgk-enable [ids] -->`,
 * `<!-- zwgk-disable-line [ids] -->`, `<!-- zwgk-disable-next-line [ids] -->`. Without ids they apply to
 * every rule. In Markdown only real HTML comments count (not ones inside code); in plain text, any.
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
    for (const m of text.matchAll(COMMENT)) {
      const bodyStart = offset + m.index! + m[0].indexOf(m[1]) + m[1].length;
      const ids: Directive['ids'] = [];
      for (const idm of m[2].matchAll(/[A-Za-z0-9][\w-]*/g)) ids.push({ id: idm[0], start: bodyStart + idm.index!, end: bodyStart + idm.index! + idm[0].length });
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
    else lineRules.set(line, new Set([...(cur ?? []), ...ids]));
  };
  const ranged = directives.filter((d) => d.kind === 'disable' || d.kind === 'enable');
  // A disable/enable comment with nothing but other comments between it and the end of the front
  // matter / catalogue header applies from the top, metadata included (a comment cannot go inside the
  // metadata block, nor before the front matter, without breaking it).
  const headStart = (d: Directive): number => {
    if (d.start < doc.bodyStart || d.start - doc.bodyStart > 4000) return d.start;
    const between = doc.text.slice(doc.bodyStart, d.start).replace(/<!--[^]*?-->/g, '');
    return between.trim() === '' ? 0 : d.start;
  };
  const starts = new Map(ranged.map((d) => [d, headStart(d)]));
  for (const d of directives) {
    if (d.kind === 'disable-line') addLine(lineOf(d.start), d.ids.map((i) => i.id));
    if (d.kind === 'disable-next-line') addLine(lineOf(d.end) + 1, d.ids.map((i) => i.id));
  }
  return (id, offset) => {
    const ln = lineRules.get(lineOf(offset));
    if (ln === 'all' || ln?.has(id)) return true;
    let disabled = false;
    for (const d of ranged) {
      if (starts.get(d)! > offset) break;
      if (d.ids.length === 0 || d.ids.some((i) => i.id === id)) disabled = d.kind === 'disable';
    }
    return disabled;
  };
}
