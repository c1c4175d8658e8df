/**
 * A multi-pattern matcher (Aho–Corasick) over UTF-16 code units: every occurrence of every pattern in
 * one left-to-right pass, whatever the number of patterns. The root's transitions are a dense table, so
 * the common case — a character that starts no pattern — costs one typed-array read.
 */
export class AhoCorasick {
  /** Root transitions: code unit → state (0 = stay at the root). */
  private readonly root = new Int32Array(65536);
  /** Transitions of the other states. */
  private readonly next: Map<number, number>[] = [new Map()];
  private readonly fail: number[] = [0];
  /** Patterns ending at a state (its own, not its suffixes'). */
  private readonly out: number[][] = [[]];
  /** The nearest state down the failure chain that has outputs (-1: none). */
  private readonly dict: number[] = [-1];
  readonly lengths: number[];

  constructor(patterns: readonly string[]) {
    this.lengths = patterns.map((p) => p.length);
    patterns.forEach((p, id) => {
      if (p.length === 0) return;
      let s = 0;
      for (let i = 0; i < p.length; i++) {
        const c = p.charCodeAt(i);
        let t = s === 0 ? this.root[c] : this.next[s].get(c) ?? 0;
        if (t === 0) {
          t = this.next.length;
          this.next.push(new Map());
          this.fail.push(0);
          this.out.push([]);
          this.dict.push(-1);
          if (s === 0) this.root[c] = t;
          else this.next[s].set(c, t);
        }
        s = t;
      }
      this.out[s].push(id);
    });
    // Breadth-first: failure links and dictionary links.
    const queue: number[] = [];
    for (let c = 0; c < 65536; c++) {
      const t = this.root[c];
      if (t) queue.push(t);
    }
    for (let q = 0; q < queue.length; q++) {
      const s = queue[q];
      for (const [c, t] of this.next[s]) {
        let f = this.fail[s];
        while (f !== 0 && !this.next[f].has(c)) f = this.fail[f];
        const ft = f === 0 ? this.root[c] : this.next[f].get(c)!;
        this.fail[t] = ft === t ? 0 : ft;
        const ff = this.fail[t];
        this.dict[t] = this.out[ff].length ? ff : this.dict[ff];
        queue.push(t);
      }
    }
  }

  get states(): number {
    return this.next.length;
  }

  /**
   * Calls `hit(patternId, end)` for every occurrence in text[from, to) (`end` exclusive), in order of
   * their end; several patterns ending at one place come longest first.
   */
  scan(text: string, from: number, to: number, hit: (id: number, end: number) => void): void {
    const { root, next, fail, out, dict } = this;
    let s = 0;
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      if (s === 0) {
        s = root[c];
        if (s === 0) continue;
      } else {
        let t = next[s].get(c);
        while (t === undefined && s !== 0) {
          s = fail[s];
          t = s === 0 ? root[c] || undefined : next[s].get(c);
        }
        s = t ?? 0;
        if (s === 0) continue;
      }
      for (let o = s; o !== -1; o = dict[o]) {
        const ids = out[o];
        for (let k = 0; k < ids.length; k++) hit(ids[k], i + 1);
      }
    }
  }
}
