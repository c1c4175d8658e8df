/** Applying fixes: non-overlapping edits, from the end of the text backwards. */
import type { Fix } from './types';

export interface FixResult {
  text: string;
  applied: Fix[];
  skipped: Fix[];
}

/**
 * Applies the fixes that do not overlap an earlier one (by start offset); the rest are skipped.
 * Identical fixes (several messages sharing one edit) apply once; several insertions at the same
 * offset all apply, in the order given (e.g. one skeleton heading per missing section).
 */
export function applyFixes(text: string, fixes: Fix[]): FixResult {
  const seen = new Set<string>();
  const unique: Fix[] = [];
  for (const f of fixes) {
    const key = `${f.range[0]}:${f.range[1]}:${f.text}`;
    if (!seen.has(key)) { seen.add(key); unique.push(f); }
  }
  const sorted = unique.map((f, i) => ({ f, i })).sort((a, b) => a.f.range[0] - b.f.range[0] || a.f.range[1] - b.f.range[1] || a.i - b.i).map((x) => x.f);
  const applied: Fix[] = [];
  const skipped: Fix[] = [];
  let lastEnd = -1;
  for (const f of sorted) {
    const [s, e] = f.range;
    if (s < 0 || e > text.length || s > e || s < lastEnd) {
      skipped.push(f);
      continue;
    }
    applied.push(f);
    lastEnd = e;
  }
  // Assembled front to back in one pass (the applied fixes are sorted and do not overlap): replacing
  // them one by one in a big draft copied the whole text once per fix.
  const parts: string[] = [];
  let pos = 0;
  for (const { range: [s, e], text: t } of applied) {
    parts.push(text.slice(pos, s), t);
    pos = e;
  }
  parts.push(text.slice(pos));
  return { text: parts.join(''), applied, skipped };
}
