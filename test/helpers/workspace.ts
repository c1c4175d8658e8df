/** Builds a DraftIndex from an example's `workspace` (path → text), for cross-document rule examples. */
import { DraftIndex, ZwgkDocument, summarize, type RuleExample } from '../../src/core';

export function indexFromExample(ex: RuleExample): DraftIndex {
  const index = new DraftIndex();
  for (const [p, text] of Object.entries(ex.workspace ?? {})) index.set(summarize(new ZwgkDocument(text, p), p));
  return index;
}
