/** Builds DraftIndexes for cross-document tests: from an example's `workspace`, or from a fixture folder. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DraftIndex, ZwgkDocument, summarize, type RuleExample } from '../../src/core';

/**
 * The index of an example's workspace (path → text, relative to the workspace root `.`), plus the
 * example's own draft (`draft.md` unless `filename` is set), as the CLI adds the linted file.
 */
export function indexFromExample(ex: RuleExample): DraftIndex {
  const index = new DraftIndex({ root: '.' });
  for (const [p, text] of Object.entries(ex.workspace ?? {})) index.set(summarize(new ZwgkDocument(text, p), p));
  const own = ex.filename ?? 'draft.md';
  if (!index.has(own)) index.set(summarize(new ZwgkDocument(ex.text, own), own));
  return index;
}

export interface FixtureWorkspace {
  root: string;
  index: DraftIndex;
  /** Absolute path → text of every draft in the folder. */
  files: Map<string, string>;
  /** Absolute path of a file given relative to the root. */
  abs(rel: string): string;
  text(rel: string): string;
}

/** Reads every .md / .txt under `root` (recursively) into an index whose workspace root is `root`. */
export function loadWorkspace(root: string): FixtureWorkspace {
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    for (const ent of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, ent.name);
      if (ent.isDirectory()) walk(p);
      else if (/\.(md|txt)$/i.test(ent.name)) files.set(p, fs.readFileSync(p, 'utf8'));
    }
  };
  walk(root);
  const index = new DraftIndex({ root });
  for (const [p, text] of files) index.set(summarize(new ZwgkDocument(text, p), p));
  const abs = (rel: string) => path.join(root, rel);
  return {
    root, index, files, abs,
    text: (rel) => {
      const t = files.get(abs(rel));
      if (t === undefined) throw new Error(`no fixture ${rel} in ${root}`);
      return t;
    },
  };
}
