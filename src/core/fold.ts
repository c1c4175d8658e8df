/**
 * Folding a systematic problem into one message. When a rule fires many times in one document for the
 * same cause (a page whose text uses half-width punctuation throughout), a wall of identical warnings
 * buries the few findings that matter. The rule then reports once — at the first occurrence, with the
 * count and where the others are (`data.ranges`) — and one fix that corrects every occurrence.
 * The editor and the CLI show the same single message.
 */
import { applyFixes } from './fix';
import type { Fix, Report } from './types';

export interface Occurrence {
  start: number;
  end: number;
  fix?: Fix;
}

/**
 * One report for `all` occurrences: at the first, `message` worded by the rule, and a fix that applies
 * every occurrence's fix (one edit over the span from the first to the last).
 */
export function foldedReport(text: string, all: readonly Occurrence[], message: string): Report {
  const first = all[0];
  const fixes = all.flatMap((o) => (o.fix ? [o.fix] : []));
  let fix: Fix | undefined;
  if (fixes.length) {
    let lo = Infinity, hi = -Infinity;
    for (const f of fixes) { if (f.range[0] < lo) lo = f.range[0]; if (f.range[1] > hi) hi = f.range[1]; }
    const shifted = fixes.map((f) => ({ range: [f.range[0] - lo, f.range[1] - lo] as [number, number], text: f.text }));
    fix = { range: [lo, hi], text: applyFixes(text.slice(lo, hi), shifted).text };
  }
  return {
    start: first.start, end: first.end, message, fix,
    data: { count: all.length, ranges: all.map((o) => [o.start, o.end]) },
  };
}
