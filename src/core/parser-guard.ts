/**
 * Guards in front of the parsers: input no person writes (an attack, a generated blob) must not make
 * parsing superlinear, blow the stack, or abort the process. Each guard is linear and leaves ordinary
 * drafts untouched.
 *
 * - Markdown (`parserInput`): the parser is given a same-length copy of the text in which
 *   - inline markup on lines of 10,000+ characters is replaced by a neutral letter (micromark is
 *     quadratic on long runs of `*a*a…`, nested `[`, `<`);
 *   - emphasis delimiters (`*`, `_`) in a paragraph holding more than MAX_PARAGRAPH_EMPHASIS of them
 *     become a letter (micromark matches them in quadratic time: `*a_` on 4,000 lines takes 30 s);
 *   - block containers (`>` quotes, list items) that would nest deeper than MAX_CONTAINER_DEPTH are not
 *     opened: their markers are replaced by a letter (`- ` × 10,000 on one line, 5,000 nested quotes, a
 *     list indented 5,000 levels: micromark takes minutes or the tree is too deep to walk).
 *   Offsets stay exact; rules read the real text through the segments.
 * - YAML (`yamlProblem`): front matter or a config file nested deeper than MAX_YAML_DEPTH, or larger
 *   than the caller's limit, is not given to the YAML parser at all (`a: [[[…]]]` 5,000 deep aborts V8
 *   with a fatal RegExpCompiler allocation failure, which no try/catch can stop).
 */

/** Lines at least this long get their inline markup neutralised. */
export const LONG_LINE = 10000;
const INLINE_MARKUP = /[*_[\]<>`!~\\]/g;

/**
 * How deep block containers may nest. Each level costs at least one character of a line's prefix (a
 * `>`, a list marker, or a column of indentation), so a prefix longer than this is checked.
 */
export const MAX_CONTAINER_DEPTH = 100;

/**
 * A line's container prefix: indentation, `>`, and list markers (`-`, `+`, `*`, `1.`, `1)`) each followed
 * by white space or the end of the line. Unambiguous (each repetition starts with a marker), so linear.
 */
const CONTAINER_PREFIX = /^[ \t>]*(?:(?:[*+-]|[0-9]{1,9}[.)])(?:[ \t][ \t>]*|(?=[\r\n])|$))*/gm;

/** The long-line guard: inline markup on lines of LONG_LINE+ characters becomes `x`. */
export function neutraliseLongLines(text: string): string {
  if (text.length < LONG_LINE) return text;
  let out = '';
  let last = 0;
  // Lines found by their breaks: a regex for the long runs themselves (/[^\r\n]{10000,}/) tries every
  // start position of a line against its whole length, quadratic in the line length — a third of the
  // editor's lint time on a draft of long paragraphs.
  const breaks = /[\r\n]/g;
  let start = 0;
  for (;;) {
    const m = breaks.exec(text);
    const end = m ? m.index : text.length;
    if (end - start >= LONG_LINE) {
      out += text.slice(last, start) + text.slice(start, end).replace(INLINE_MARKUP, 'x');
      last = end;
    }
    if (!m) break;
    start = end + 1;
  }
  return last === 0 ? text : out + text.slice(last);
}

/** The prefix with every container marker past the depth budget replaced by `x` (same length). */
function capPrefix(prefix: string): string {
  let budget = MAX_CONTAINER_DEPTH;
  let out = '';
  let i = 0;
  while (i < prefix.length) {
    const c = prefix[i];
    if (c === ' ') budget--;
    else if (c === '\t') budget -= 4;
    else if (c === '>' || c === '-' || c === '+' || c === '*') {
      if (--budget < 0) {
        out += 'x';
        i++;
        continue;
      }
    } else if (c >= '0' && c <= '9') {
      let j = i;
      while (j < prefix.length && prefix[j] >= '0' && prefix[j] <= '9') j++;
      // digits then `.` or `)`: one marker
      if (--budget < 0) {
        out += prefix.slice(i, j) + 'x';
        i = j + 1;
        continue;
      }
      out += prefix.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}

/** The container guard: markers that would nest deeper than MAX_CONTAINER_DEPTH become `x`. */
function capContainers(text: string): string {
  // Fast path: no line can start that deep without a long run of prefix characters.
  if (!/(?:^|[\r\n])[ \t>*+\-0-9.)]{100}/.test(text)) return text;
  let out = '';
  let last = 0;
  CONTAINER_PREFIX.lastIndex = 0;
  for (let m = CONTAINER_PREFIX.exec(text); m; m = CONTAINER_PREFIX.exec(text)) {
    if (m[0].length === 0) {
      CONTAINER_PREFIX.lastIndex++;
      continue;
    }
    if (m[0].length <= MAX_CONTAINER_DEPTH) continue;
    const capped = capPrefix(m[0]);
    if (capped === m[0]) continue;
    out += text.slice(last, m.index) + capped;
    last = m.index + m[0].length;
  }
  return last === 0 ? text : out + text.slice(last);
}

/**
 * How many emphasis delimiters (`*`, `_`) one paragraph may hold. micromark matches them pairwise,
 * scanning back over every opener for each closer: `*a_` on 4,000 lines (16 KB, one paragraph) takes
 * half a minute, 64 KB of it hours. A real paragraph has a few dozen.
 */
export const MAX_PARAGRAPH_EMPHASIS = 1000;
const EMPHASIS = /[*_]/g;
/**
 * A line that surely starts a new paragraph (so the count starts again): a bullet item with content or
 * an ATX heading, indented less than 4 columns. Anything else may continue the paragraph above it.
 */
const NEW_PARAGRAPH = /^ {0,3}(?:[-*+][ \t]+\S|#{1,6}(?:[ \t]|$))/;

/**
 * The emphasis guard: in a run of lines (between blank lines or new list items and headings) holding
 * more than MAX_PARAGRAPH_EMPHASIS `*`/`_`, those become `x` (same length).
 */
function capEmphasis(text: string): string {
  EMPHASIS.lastIndex = 0;
  let n = 0;
  while (EMPHASIS.exec(text) && ++n <= MAX_PARAGRAPH_EMPHASIS);
  if (n <= MAX_PARAGRAPH_EMPHASIS) return text;
  const runs: [number, number][] = [];
  let runStart = 0;
  let count = 0;
  const close = (end: number) => {
    if (count > MAX_PARAGRAPH_EMPHASIS) runs.push([runStart, end]);
    count = 0;
  };
  const lines = /[^\r\n]*(?:\r\n|\r|\n|$)/g;
  for (let m = lines.exec(text); m && m.index < text.length; m = lines.exec(text)) {
    const line = m[0];
    if (!line.trim() || NEW_PARAGRAPH.test(line)) {
      close(m.index);
      runStart = m.index;
    }
    for (let i = 0; i < line.length; i++) if (line.charCodeAt(i) === 42 || line.charCodeAt(i) === 95) count++;
    if (line.length === 0) break;
  }
  close(text.length);
  if (runs.length === 0) return text;
  let out = '';
  let last = 0;
  for (const [a, b] of runs) {
    out += text.slice(last, a) + text.slice(a, b).replace(EMPHASIS, 'x');
    last = b;
  }
  return out + text.slice(last);
}

/** The copy of `text` given to the Markdown parser: same length, same line breaks (see the module comment). */
export function parserInput(text: string): string {
  return capContainers(capEmphasis(neutraliseLongLines(text)));
}

// ————————————————————————————————— YAML —————————————————————————————————

/** How deep YAML (front matter, config files) may nest: flow brackets plus indentation levels. */
export const MAX_YAML_DEPTH = 64;

/**
 * How deep `text` nests as YAML or JSON, counted without parsing: the deepest `[`/`{` nesting (outside
 * quoted strings and comments) plus the indentation of the line, in steps of one column. An upper bound
 * on what the parser recurses through; stops counting once past `limit`.
 */
export function nestingDepth(text: string, limit = Infinity): number {
  let max = 0;
  let flow = 0;
  let lineStart = true;
  let indent = 0;
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n' || c === '\r') {
      lineStart = true;
      indent = 0;
      // a plain YAML line break ends a single-quoted scalar only by error; keep counting brackets
      if (quote === "'") quote = '';
      continue;
    }
    if (lineStart) {
      if (c === ' ' || c === '-' || c === '?' || c === ':') {
        indent++;
        if (indent + flow > max) max = indent + flow;
        if (max > limit) return max;
        continue;
      }
      lineStart = false;
    }
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = '';
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(text[i - 1]))) {
      // a comment: skip to the end of the line
      while (i + 1 < text.length && text[i + 1] !== '\n' && text[i + 1] !== '\r') i++;
    } else if (c === '[' || c === '{') {
      flow++;
      if (indent + flow > max) max = indent + flow;
      if (max > limit) return max;
    } else if ((c === ']' || c === '}') && flow > 0) flow--;
  }
  return max;
}

/**
 * Why `text` is not handed to the YAML parser (Chinese, for the user), or undefined when it may be:
 * more than `maxChars` characters, or nested deeper than MAX_YAML_DEPTH.
 */
export function yamlProblem(text: string, maxChars: number): string | undefined {
  if (text.length > maxChars) return `内容过长（${text.length} 个字符，上限 ${maxChars}），未解析`;
  if (nestingDepth(text, MAX_YAML_DEPTH) > MAX_YAML_DEPTH) return `嵌套超过 ${MAX_YAML_DEPTH} 层，未解析；请按“键: 值”逐行书写`;
  return undefined;
}

/** Front matter longer than this is not parsed (a real one is a few hundred characters). */
export const MAX_FRONT_MATTER_CHARS = 64 * 1024;

// ————————————————————————————————— big documents: parsed in pieces —————————————————————————————————

/**
 * Documents longer than this are parsed in pieces of about this size. micromark keeps every event of
 * the whole input until it is done — 2.5 GB for a 2 MB file of one-character lines — so a big draft is
 * cut at block boundaries and each piece parsed alone: memory stays proportional to one piece. Ordinary
 * drafts (far shorter) are parsed whole, exactly as before.
 */
export const PARSE_PIECE = 64 * 1024;
/** A piece with no block boundary in this many characters is cut at a line break anyway. */
const MAX_PIECE = 2 * PARSE_PIECE;

interface PosPoint { line: number; column: number; offset?: number }
interface TreeNode { type: string; children?: TreeNode[]; position?: { start: PosPoint; end: PosPoint } }

/** Line breaks as micromark counts them (\r\n, \r, \n). */
const BREAK = /\r\n|\r|\n/g;

/**
 * Where text can be cut so that parsing the pieces apart gives the same blocks as parsing it whole:
 * at the start of a line that follows a blank line and starts in column 1 with something that is not
 * white space, a list marker, `>` or a table pipe (so no list, quote or table continues across it),
 * outside fenced code and outside HTML blocks that a blank line does not end (comments, `<script>`,
 * `<pre>` …). Link reference definitions are the one thing not carried across: a reference in one
 * piece to a definition in another stays text. Failing such a place within MAX_PIECE characters, the
 * piece ends at any line break outside code (a paragraph is split in two; only generated text has
 * hundreds of kilobytes without a blank line).
 */
export function pieceBounds(text: string, piece = PARSE_PIECE, maxPiece = piece * 2): number[] {
  const cuts: number[] = [];
  let fence: { ch: string; len: number } | undefined;
  let html: RegExp | undefined;
  let prevBlank = false;
  // A fence or HTML block opened inside a list item or quote: where it ends depends on the container (and
  // an unclosed one gives the container a different end when parsed alone), so no safe cut after it.
  let inContainer = false;
  let pieceStart = 0;
  BREAK.lastIndex = 0;
  let lineStart = 0;
  for (;;) {
    const m = BREAK.exec(text);
    const lineEnd = m ? m.index : text.length;
    const next = m ? m.index + m[0].length : text.length;
    const line = text.slice(lineStart, Math.min(lineEnd, lineStart + 200));
    // a cut before this line?
    if (lineStart - pieceStart >= piece && !fence && !html) {
      const safe = prevBlank && !inContainer && /^[^\s>|*+\-0-9]/.test(line);
      // Past maxPiece, before a line that starts a paragraph or block at the margin; past twice that,
      // before any line (a text whose every line is indented would otherwise be one piece however long).
      const size = lineStart - pieceStart;
      if (safe || (size >= maxPiece && /^\S/.test(line)) || size >= 2 * maxPiece) {
        cuts.push(lineStart);
        pieceStart = lineStart;
      }
    }
    // then what this line opens or closes
    if (fence) {
      const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
      if (close && close[1][0] === fence.ch && close[1].length >= fence.len) fence = undefined;
    } else if (html) {
      if (html.test(text.slice(lineStart, lineEnd))) html = undefined;
    } else {
      if (CONTAINER_OPENS.test(line)) inContainer = true;
      const open = /^ {0,3}(`{3,}|~{3,})/.exec(line);
      if (open && !(open[1][0] === '`' && line.slice(open[0].length).includes('`'))) fence = { ch: open[1][0], len: open[1].length };
      else {
        const h = /^ {0,3}<(!--|\?|![A-Za-z]|!\[CDATA\[|(?:script|pre|style|textarea)(?=[\s>]|$))/i.exec(line);
        if (h) {
          const kind = h[1].toLowerCase();
          const end = kind === '!--' ? /-->/ : kind === '?' ? /\?>/ : kind.startsWith('![cdata[') ? /\]\]>/ : kind.startsWith('!') ? />/ : new RegExp(`</${kind}>`, 'i');
          if (!end.test(text.slice(lineStart + h[0].length, lineEnd))) html = end;
        }
      }
    }
    // Blank as Markdown means it: spaces and tabs only (an EN SPACE or U+3000 line continues a paragraph).
    prevBlank = /^[ \t]*$/.test(line) && lineEnd - lineStart < 200;
    if (!m) break;
    lineStart = next;
  }
  return cuts;
}

/** A list item or quote whose content starts with a code fence or an HTML block opener. */
const CONTAINER_OPENS = /^[ \t]{0,3}(?:(?:>|[*+-]|[0-9]{1,9}[.)])[ \t]*)+(?:`{3}|~{3}|<)/;

/** Moves every position in `tree` by `offset` characters and `lines` lines (iteratively: trees can be deep). */
export function shift(tree: TreeNode, offset: number, lines: number): void {
  const stack: TreeNode[] = [tree];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.position) {
      for (const p of [node.position.start, node.position.end]) {
        p.line += lines;
        if (p.offset !== undefined) p.offset += offset;
      }
    }
    if (node.children) for (const c of node.children) stack.push(c);
  }
}

/**
 * The Markdown tree of `text`, through `parse`, with the guards above: the parser sees `parserInput`,
 * and a document over PARSE_PIECE characters is parsed piece by piece (see pieceBounds), the pieces'
 * trees joined under one root with positions in the whole text.
 */
export function parseGuarded<T extends TreeNode>(parse: (input: string) => T, text: string, piece = PARSE_PIECE, maxPiece = piece * (MAX_PIECE / PARSE_PIECE)): T {
  const input = parserInput(text);
  if (input.length <= piece) return parse(input);
  const cuts = pieceBounds(input, piece, maxPiece);
  if (cuts.length === 0) return parse(input);
  const bounds = [0, ...cuts, input.length];
  let root: T | undefined;
  let line = 0;
  for (let i = 0; i + 1 < bounds.length; i++) {
    const part = input.slice(bounds[i], bounds[i + 1]);
    const tree = parse(part);
    if (i > 0) shift(tree, bounds[i], line);
    if (!root) root = tree;
    else for (const c of tree.children ?? []) root.children!.push(c);
    line += part.match(BREAK)?.length ?? 0;
  }
  const end = { line: line + 1, column: input.length - Math.max(input.lastIndexOf('\n'), input.lastIndexOf('\r')), offset: input.length };
  if (root!.position) root!.position.end = end;
  return root!;
}

// ————————————————————————————————— the editor: re-parse only what changed —————————————————————————————————

/** Pieces of about this many characters when parsing with a PieceCache (see parseIncremental). */
export const EDIT_PIECE = 2048;

/**
 * The trees of the pieces of the last text parsed with it (by the piece's text, positions from 0). An
 * editor keeps one per open document: after an edit only the piece that changed goes through the parser.
 */
export class PieceCache {
  pieces = new Map<string, TreeNode>();
}

/** A copy of `node` with every position moved by `offset` characters and `lines` lines. */
function cloneShifted<T extends TreeNode>(node: T, offset: number, lines: number): T {
  const out: Record<string, unknown> = {};
  for (const k in node) {
    const v = (node as Record<string, unknown>)[k];
    if (k === 'children') out.children = (v as TreeNode[]).map((c) => cloneShifted(c, offset, lines));
    else if (k === 'position' && v) {
      const p = v as { start: PosPoint; end: PosPoint };
      const pt = (q: PosPoint): PosPoint => (q.offset === undefined ? { line: q.line + lines, column: q.column } : { line: q.line + lines, column: q.column, offset: q.offset + offset });
      out.position = { start: pt(p.start), end: pt(p.end) };
    } else if (Array.isArray(v)) out[k] = [...v];
    else if (v && typeof v === 'object') out[k] = structuredClone(v);
    else out[k] = v;
  }
  return out as T;
}

/** A line that may be a link reference definition (`[label]: …`): such a text is parsed whole. */
export const DEFINITION = /^ {0,3}\[[^\n\r]*\]:/m;

/**
 * The same tree as `parseGuarded(parse, text)` for an ordinary draft, parsing only the pieces (cut where
 * pieceBounds says blocks do not continue, never inside front matter or a paragraph) whose text is not in
 * `cache`; the cache then holds this text's pieces. Texts with link reference definitions (which reach
 * across pieces) and big texts (parsed in pieces anyway) go to parseGuarded.
 */
export function parseIncremental<T extends TreeNode>(parse: (input: string) => T, text: string, cache: PieceCache, frontMatterEnd = 0): T {
  const input = parserInput(text);
  if (input.length > PARSE_PIECE || DEFINITION.test(input)) {
    cache.pieces.clear();
    return parseGuarded(parse, text);
  }
  const cuts = pieceBounds(input, EDIT_PIECE, Infinity).filter((c) => c > frontMatterEnd);
  const bounds = [0, ...cuts, input.length];
  const next = new Map<string, TreeNode>();
  let root: T | undefined;
  let line = 0;
  for (let i = 0; i + 1 < bounds.length; i++) {
    const part = input.slice(bounds[i], bounds[i + 1]);
    let tree = (next.get(part) ?? cache.pieces.get(part)) as T | undefined;
    if (!tree) tree = parse(part);
    next.set(part, tree);
    const moved = cloneShifted(tree, bounds[i], line);
    if (!root) root = moved;
    else for (const c of moved.children ?? []) root.children!.push(c);
    line += part.match(BREAK)?.length ?? 0;
  }
  cache.pieces = next;
  if (bounds.length > 2 && root!.position) {
    root!.position.end = { line: line + 1, column: input.length - Math.max(input.lastIndexOf('\n'), input.lastIndexOf('\r')), offset: input.length };
  }
  return root!;
}
