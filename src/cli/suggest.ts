/** "Did you mean …?" for mistyped rule ids. */

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 4) return 99;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}

/** The closest id (edit distance ≤ 3, or one containing the other), or undefined. */
export function closest(id: string, ids: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of ids) {
    const d = id.length >= 4 && (c.includes(id) || id.includes(c)) ? Math.min(2, editDistance(id, c)) : editDistance(id, c);
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return bestD <= 3 ? best : undefined;
}

/** `，是否想写 “x”？` or an empty string. */
export function suggestion(id: string, ids: Iterable<string>): string {
  const c = closest(id, ids);
  return c ? `，是否想写 “${c}”？` : '';
}
