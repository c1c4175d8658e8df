/**
 * The Markdown parser's fast path for plain prose. Most of a Chinese draft is paragraphs of text and
 * `#` headings with no Markdown markup in them at all; for such a block micromark still builds and
 * resolves dozens of events per line, and that was over a third of a lint. Here the text is cut where
 * blocks cannot continue (parser-guard's pieceBounds); a piece made only of plain lines becomes its
 * `paragraph` / `heading` nodes directly, every other piece (lists, tables, quotes, code, HTML, anything
 * with inline markup) goes through the real parser, consecutive ones together. The tree is the one
 * remark-parse builds — test/unit/plain-markdown.test.ts compares the two on every real and example
 * document and on generated ones — so no rule can tell which path a block took.
 *
 * What counts as plain is deliberately narrow: a line of text that starts and ends with a character
 * that is not white space, holds none of the characters that can open inline markup or a character
 * reference (`\` `` ` `` `*` `_` `<` `&` `|` `![` `](` `][`), does not start with anything that can open a
 * block (`>` `-` `+` `=` `~` `#`, `:` of a table's delimiter row, a digit run followed by `.` or `)`), and no control characters; or an
 * ATX heading (`#` to `######`, a space, plain content that does not end in `#`). Texts with `\r`, with a
 * link reference definition anywhere (`[label]:` — a `[…]` could then be a link) or with front matter
 * inside a piece still go to the parser whole.
 */
import { DEFINITION, pieceBounds, shift } from './parser-guard';

interface Point { line: number; column: number; offset: number }
interface Node { type: string; children?: Node[]; position?: { start: Point; end: Point }; value?: string; depth?: number }
interface RootNode extends Node { children: Node[] }

/** Anything that can open inline markup, a character reference, a hard break or a table (anywhere). */
const INLINE = /[\\`*_<&|\x00-\x08\x0b-\x1f\x7f]|!\[|\]\(|\]\[/;
/** A line start that can open a block other than a paragraph or an ATX heading. */
const BLOCK_START = /^(?:[ \t>+\-=~`#:]|[0-9]{1,9}[.)])/;
const ATX = /^(#{1,6}) +(?=\S)/;

const point = (line: number, column: number, offset: number): Point => ({ line, column, offset });

/**
 * The nodes of `piece` (text from `start` to `end` of `text`, lines from `line`) when every line in it is
 * plain or blank, else undefined. Positions are in the whole text.
 */
function plainNodes(text: string, start: number, end: number, line: number): Node[] | undefined {
  const out: Node[] = [];
  let para: { start: Point; lastEnd: Point } | undefined;
  const closePara = () => {
    if (!para) return;
    const pos = { start: para.start, end: para.lastEnd };
    const value = text.slice(para.start.offset, para.lastEnd.offset);
    out.push({ type: 'paragraph', children: [{ type: 'text', value, position: { start: { ...pos.start }, end: { ...pos.end } } }], position: pos });
    para = undefined;
  };
  let at = start;
  while (at < end) {
    let nl = text.indexOf('\n', at);
    if (nl < 0 || nl > end) nl = end;
    const len = nl - at;
    if (len === 0) {
      closePara();
    } else {
      const s = text.slice(at, nl);
      const last = s.charCodeAt(len - 1);
      if (last === 32 || last === 9 || INLINE.test(s)) return undefined;
      if (BLOCK_START.test(s)) {
        const h = ATX.exec(s);
        if (!h || last === 35 /* # */) return undefined;
        closePara();
        const from = at + h[0].length;
        out.push({
          type: 'heading',
          depth: h[1].length,
          children: [{ type: 'text', value: text.slice(from, nl), position: { start: point(line, h[0].length + 1, from), end: point(line, len + 1, nl) } }],
          position: { start: point(line, 1, at), end: point(line, len + 1, nl) },
        });
      } else if (para) {
        para.lastEnd = point(line, len + 1, nl);
      } else {
        para = { start: point(line, 1, at), lastEnd: point(line, len + 1, nl) };
      }
    }
    if (nl >= end) break;
    at = nl + 1;
    line++;
  }
  closePara();
  return out;
}

function countLines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * The tree `parse(text)` gives, building plain pieces directly (see the module comment). `bodyFrom`: no
 * cut before this offset (the end of front matter: its lines are not Markdown blocks).
 */
export function parsePlainFirst<T extends object>(parseTree: (input: string) => T, text: string, bodyFrom = 0): T {
  const parse = parseTree as unknown as (input: string) => RootNode;
  if (text.includes('\r') || text.charCodeAt(0) === 0xfeff || DEFINITION.test(text)) return parseTree(text);
  const cuts = pieceBounds(text, 1, Infinity).filter((c) => c > bodyFrom);
  const bounds = [0, ...cuts, text.length];
  const children: Node[] = [];
  let slowFrom = -1;
  let slowLine = 0;
  let line = 1;
  let anyPlain = false;
  const flushSlow = (to: number) => {
    if (slowFrom < 0) return;
    const tree = parse(text.slice(slowFrom, to));
    shift(tree, slowFrom, slowLine - 1);
    for (const c of tree.children ?? []) children.push(c);
    slowFrom = -1;
  };
  for (let i = 0; i + 1 < bounds.length; i++) {
    const a = bounds[i];
    const b = bounds[i + 1];
    const nodes = i === 0 && bodyFrom > 0 ? undefined : plainNodes(text, a, b, line);
    if (nodes) {
      anyPlain = true;
      flushSlow(a);
      for (const n of nodes) children.push(n);
    } else if (slowFrom < 0) {
      slowFrom = a;
      slowLine = line;
    }
    line += countLines(text, a, b);
  }
  if (!anyPlain) return parseTree(text);
  flushSlow(text.length);
  const lastBreak = text.lastIndexOf('\n');
  const root: RootNode = { type: 'root', children, position: { start: point(1, 1, 0), end: point(line, text.length - lastBreak, text.length) } };
  return root as unknown as T;
}
