/**
 * The set of drafts a cross-document rule can look at. The core never reads files: the CLI and the
 * language server fill the index with drafts they have read.
 */
import type { DocType } from './doctype';

export interface DraftSummary {
  /** Absolute path (the caller's own form). */
  path: string;
  title?: string;
  type: DocType;
  /** Known metadata values by canonical key. */
  metadata: Record<string, string>;
}

export class DraftIndex {
  private readonly drafts = new Map<string, DraftSummary>();

  set(summary: DraftSummary): void {
    this.drafts.set(summary.path, summary);
  }

  delete(path: string): void {
    this.drafts.delete(path);
  }

  get(path: string): DraftSummary | undefined {
    return this.drafts.get(path);
  }

  all(): IterableIterator<DraftSummary> {
    return this.drafts.values();
  }

  get size(): number {
    return this.drafts.size;
  }
}

/** What the index keeps of a parsed draft (small: the text itself is not kept). */
export function summarize(doc: import('./document').ZwgkDocument, path: string): DraftSummary {
  const metadata: Record<string, string> = {};
  for (const f of doc.metadata.fields) if (f.known && !(f.key in metadata)) metadata[f.key] = f.value;
  return { path, title: doc.title?.text, type: doc.type.value, metadata };
}
