/** Where a rule reports a finding about the whole document: the title, else the start of the body. */
import type { ZwgkDocument } from '../document';

export function fallbackRange(doc: ZwgkDocument): { start: number; end: number } {
  if (doc.title) return { start: doc.title.start, end: doc.title.end };
  const first = doc.blocks[0];
  return first ? { start: first.start, end: first.end } : { start: 0, end: 0 };
}
