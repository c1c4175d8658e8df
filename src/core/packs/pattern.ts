/**
 * Bounded patterns of wording packs: a small regex-like syntax that always expands to a finite set of
 * literal strings, so that every pack entry — literal or pattern — goes into one multi-pattern automaton
 * (see aho-corasick.ts) and the scan stays one linear pass whatever the packs hold.
 *
 *   abc         literal characters
 *   [，, ]      one character of the class (ranges such as [0-9] allowed)
 *   (甲|乙|丙)  one of the alternatives — a group; `right` may name the chosen one as $1 … $9
 *   x?          optional (after a character, class or group)
 *   x{2} x{1,3} repeated (at most 10 times)
 *   \( \[ \? …  a special character taken literally
 *
 * There is no `.`, `*` or `+`: nothing is unbounded. A pattern that expands to more than
 * MAX_EXPANSIONS strings is refused.
 */

export const MAX_EXPANSIONS = 2000;
const MAX_REPEAT = 10;

export interface Expansion {
  text: string;
  /** Text of each group ($1 = groups[0]); '' for a group that took no part. */
  groups: string[];
}

type Atom =
  | { kind: 'chars'; chars: string[] }
  | { kind: 'group'; index: number; alternatives: Item[][] };

interface Item {
  atom: Atom;
  min: number;
  max: number;
}

export class PatternError extends Error {}


/** Parses and expands a bounded pattern; throws PatternError with a Chinese message. */
export function expandPattern(pattern: string): Expansion[] {
  let pos = 0;
  let groups = 0;

  const fail = (msg: string): never => {
    throw new PatternError(`${msg}（第 ${pos + 1} 个字符）`);
  };

  const readChar = (): string => {
    let c = pattern[pos++];
    if (c === '\\') {
      if (pos >= pattern.length) fail('“\\”后缺少字符');
      c = pattern[pos++];
    }
    // Keep surrogate pairs (生僻字 such as 𠮷) together.
    const code = c.charCodeAt(0);
    if (code >= 0xd800 && code <= 0xdbff && pos < pattern.length) c += pattern[pos++];
    return c;
  };

  const parseClass = (): Atom => {
    pos++; // [
    const chars: string[] = [];
    while (pos < pattern.length && pattern[pos] !== ']') {
      const a = readChar();
      if (pattern[pos] === '-' && pattern[pos + 1] !== undefined && pattern[pos + 1] !== ']') {
        pos++;
        const b = readChar();
        const from = a.codePointAt(0)!, to = b.codePointAt(0)!;
        if (to < from) fail(`字符范围“${a}-${b}”顺序颠倒`);
        if (to - from > 100) fail(`字符范围“${a}-${b}”过大（最多 100 个字符）`);
        for (let c = from; c <= to; c++) chars.push(String.fromCodePoint(c));
      } else chars.push(a);
    }
    if (pattern[pos] !== ']') fail('“[”没有对应的“]”');
    pos++;
    if (chars.length === 0) fail('“[]”中没有字符');
    return { kind: 'chars', chars: [...new Set(chars)] };
  };

  const parseSeq = (inGroup: boolean): Item[][] => {
    const alternatives: Item[][] = [[]];
    while (pos < pattern.length) {
      const c = pattern[pos];
      if (c === ')') {
        if (!inGroup) fail('多余的“)”');
        break;
      }
      if (c === '|') {
        if (!inGroup) fail('“|”只能用在括号“( )”中，如 (甲|乙)');
        pos++;
        alternatives.push([]);
        continue;
      }
      let atom: Atom;
      if (c === '[') atom = parseClass();
      else if (c === '(') {
        pos++;
        const index = groups++;
        const alts = parseSeq(true);
        if (pattern[pos] !== ')') fail('“(”没有对应的“)”');
        pos++;
        atom = { kind: 'group', index, alternatives: alts };
      } else if (c === '?' || c === '{' || c === '}' || c === ']') {
        return fail(`“${c}”前面缺少字符或括号`);
      } else if (c === '*' || c === '+' || c === '.' || c === '^' || c === '$') {
        return fail(`模式中不能用“${c}”（只支持 [ ]、( | )、? 和 {m,n}；要照字面匹配这个字符请写“\\${c}”，或改用 wrong）`);
      } else atom = { kind: 'chars', chars: [readChar()] };
      let min = 1, max = 1;
      if (pattern[pos] === '?') {
        pos++;
        min = 0;
      } else if (pattern[pos] === '{') {
        const m = /^\{(\d{1,2})(?:,(\d{1,2}))?\}/.exec(pattern.slice(pos));
        if (!m) fail('重复次数应写作 {n} 或 {m,n}');
        min = Number(m![1]);
        max = m![2] === undefined ? min : Number(m![2]);
        if (max < min || max > MAX_REPEAT || max === 0) fail(`重复次数 ${m![0]} 无效（最多 ${MAX_REPEAT} 次）`);
        pos += m![0].length;
      }
      alternatives[alternatives.length - 1].push({ atom, min, max });
    }
    return alternatives;
  };

  const tree = parseSeq(false);
  if (pos < pattern.length) fail('无法解析');
  const groupCount = groups;

  type Partial = { text: string; groups: string[] };
  const blank = (): string[] => new Array(groupCount).fill('');

  const expandAlternatives = (alts: Item[][]): Partial[] => {
    const out: Partial[] = [];
    for (const seq of alts) {
      out.push(...expandSeq(seq));
      if (out.length > MAX_EXPANSIONS) tooMany();
    }
    return out;
  };

  const tooMany = (): never => {
    throw new PatternError(`展开后超过 ${MAX_EXPANSIONS} 种写法，请拆成几条或缩小字符类`);
  };

  const expandAtomOnce = (atom: Atom): Partial[] => {
    if (atom.kind === 'chars') return atom.chars.map((ch) => ({ text: ch, groups: blank() }));
    return expandAlternatives(atom.alternatives).map((p) => {
      const g = [...p.groups];
      g[atom.index] = p.text;
      return { text: p.text, groups: g };
    });
  };

  const join = (a: Partial[], b: Partial[]): Partial[] => {
    if (a.length * b.length > MAX_EXPANSIONS) tooMany();
    const out: Partial[] = [];
    for (const x of a) {
      for (const y of b) {
        out.push({ text: x.text + y.text, groups: x.groups.map((g, i) => (y.groups[i] !== '' ? y.groups[i] : g)) });
      }
    }
    return out;
  };

  const expandSeq = (seq: Item[]): Partial[] => {
    let acc: Partial[] = [{ text: '', groups: blank() }];
    for (const item of seq) {
      const once = expandAtomOnce(item.atom);
      const options: Partial[] = [];
      let rep: Partial[] = [{ text: '', groups: blank() }];
      for (let n = 0; n <= item.max; n++) {
        if (n >= item.min) options.push(...rep);
        if (options.length > MAX_EXPANSIONS) tooMany();
        if (n < item.max) rep = join(rep, once);
      }
      acc = join(acc, options);
    }
    return acc;
  };

  const seen = new Set<string>();
  const out: Expansion[] = [];
  for (const p of expandAlternatives(tree)) {
    if (p.text === '' ) throw new PatternError('模式可以匹配空字符串，请去掉多余的“?”或空的选项');
    if (seen.has(p.text)) continue;
    seen.add(p.text);
    out.push({ text: p.text, groups: p.groups });
  }
  return out;
}

/** `right` with $1 … $9 replaced by the groups of one expansion. */
export function substituteGroups(right: string, groups: readonly string[]): string {
  return right.replace(/\$(\d)/g, (m, d: string) => {
    const i = Number(d) - 1;
    return i >= 0 && i < groups.length ? groups[i] : m;
  });
}

/** Highest $n used in `right` (0 when none). */
export function maxGroupRef(right: string): number {
  let max = 0;
  for (const m of right.matchAll(/\$(\d)/g)) max = Math.max(max, Number(m[1]));
  return max;
}
