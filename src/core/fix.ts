/** Applying fixes: non-overlapping edits, from the end of the text backwards. */
import type { Fix } from './types';

export interface FixResult {
  text: string;
  applied: Fix[];
  skipped: Fix[];
}

/** Applies the fixes that do not overlap an earlier one (by start offset); the rest are skipped. */
export function applyFixes(text: string, fixes: Fix[]): FixResult {
  const sorted = [...fixes].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  const applied: Fix[] = [];
  const skipped: Fix[] = [];
  let lastEnd = -1;
  for (const f of sorted) {
    const [s, e] = f.range;
    if (s < 0 || e > text.length || s > e || s < lastEnd || (s === lastEnd && s === e && applied.length && applied[applied.length - 1].range[0] === s)) {
      skipped.push(f);
      continue;
    }
    applied.push(f);
    lastEnd = e;
  }
  let out = text;
  for (let i = applied.length - 1; i >= 0; i--) {
    const { range: [s, e], text: t } = applied[i];
    out = out.slice(0, s) + t + out.slice(e);
  }
  return { text: out, applied, skipped };
}
