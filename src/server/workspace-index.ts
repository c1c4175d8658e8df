/**
 * The workspace's drafts for cross-document rules (同步解读 …): a DraftIndex of summaries (titles,
 * types, metadata — never the texts), filled at start from the workspace folders and kept current from
 * file events and open-document edits.
 *
 * Which files: .md/.txt under a folder governed by a `.zwgkrc*` (or every one with
 * `zwgk.lintAllDocuments`), skipping `node_modules` and hidden entries, following symlinks once. In a
 * workspace without config nothing is read up front; when a draft recognised by its metadata is opened,
 * the drafts beside it are indexed (as the CLI indexes the folder of each linted file).
 */
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { iconv } from '../core/util/iconv';
import { DraftIndex, ZwgkDocument, parseTitle, readHeader, summarize, sourceFormatOf, type DraftSummary } from '../core';
import { readForIndex } from './sources';
import { readRegular } from './safe-read';
import type { ConfigStore } from './config';
import type { Logger } from './log';
import type { ZwgkSettings } from './settings';
import { isDraftFileName } from './uri';
import { metadataMakesDraft } from './documents';
import { draftStatus } from '../core/draft-status';

/** Files larger than this are not indexed (a 20 MB archive dump is linted when opened, not summarised). */
const MAX_INDEX_BYTES = 5 * 1024 * 1024;
const MAX_FILES = 50_000;
const READ_CONCURRENCY = 8;

export interface Progress {
  begin(title: string, percentage?: number, message?: string, cancellable?: boolean): void;
  report(percentage: number, message?: string): void;
  done(): void;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Bytes → text: UTF-8 (BOM or not), UTF-16 with BOM, else GB18030. Undefined for binary content. */
export function decodeDraft(buf: Buffer): string | undefined {
  if (buf[0] === 0xff && buf[1] === 0xfe) return buf.subarray(2).toString('utf16le');
  if (buf[0] === 0xfe && buf[1] === 0xff) return Buffer.from(buf.subarray(2)).swap16().toString('utf16le');
  if (buf.includes(0)) return undefined;
  try {
    return strictUtf8.decode(buf).replace(/^\uFEFF/, '');
  } catch {
    return iconv().decode(buf, 'gb18030');
  }
}

/**
 * The text zwgk reads in a file on disk: a .md/.txt decoded, the text of a .docx or page (its size limit is
 * the reader's). Undefined for what is not a regular file, is binary, or is over `maxBytes`.
 */
export async function readDraftText(file: string, maxBytes = MAX_INDEX_BYTES): Promise<string | undefined> {
  const st = await fsp.stat(file);
  if (!st.isFile()) return undefined;
  if (sourceFormatOf(file)) return readForIndex(file);
  if (st.size > maxBytes) return undefined;
  // (a file swapped for a FIFO after the stat is caught by the read)
  return decodeDraft(await readRegular(file, maxBytes));
}

function sameSummary(a: DraftSummary | undefined, b: DraftSummary): boolean {
  return !!a && a.title === b.title && a.type === b.type && JSON.stringify(a.metadata) === JSON.stringify(b.metadata);
}

const FRONT_MATTER_END = /\r?\n---[ \t]*(?:\r?\n|$)/g;

/**
 * `summarize(new ZwgkDocument(text, file), file)`, fast: when the title comes from the metadata (the
 * usual case), only the front matter / catalogue header is parsed — the summary (metadata, title, type)
 * is the same by construction; otherwise the draft's head is parsed (see `headOf`).
 */
export function summarizeDraft(text: string, file: string): DraftSummary {
  let head: string | undefined;
  if (/^---[ \t]*\r?\n/.test(text)) {
    FRONT_MATTER_END.lastIndex = 3;
    const m = FRONT_MATTER_END.exec(text);
    if (m) head = text.slice(0, m.index + m[0].length);
  } else {
    const h = readHeader(text);
    if (h.block) {
      const nl = text.slice(h.block.end).search(/\r?\n|\r/);
      head = text.slice(0, nl < 0 ? text.length : h.block.end + nl);
    }
  }
  if (head !== undefined && head.length < text.length) {
    const doc = new ZwgkDocument(head, file);
    // The kind of a title without a 文种 may come from the body's opening: then the whole draft is read.
    const byTitle = doc.type.confidence === 'declared' || !!parseTitle(doc.title?.text).genre;
    if (doc.title?.from === 'metadata' && doc.metadata.problems.length === 0 && byTitle) return summarize(doc, file);
  }
  return summarize(new ZwgkDocument(headOf(text, head?.length ?? 0), file), file);
}

/**
 * What the index parses of a draft whose title is not in its metadata: the metadata and at most 200
 * lines / 16 K characters after it, cut at a line break. The title and the body's opening stand there;
 * a 2 MB file of hostile Markdown on disk (a million `|` lines) would otherwise be parsed whole on the
 * server's thread, and no request answered meanwhile.
 */
export const INDEX_HEAD_CHARS = 16 * 1024;
export const INDEX_HEAD_LINES = 200;

function headOf(text: string, after: number): string {
  const limit = after + INDEX_HEAD_CHARS;
  const breaks = /\r\n?|\n/g;
  breaks.lastIndex = after;
  let cut = after;
  let lines = 0;
  for (let m = breaks.exec(text); m; m = breaks.exec(text)) {
    const end = m.index + m[0].length;
    if (end > limit) break;
    cut = end;
    if (++lines >= INDEX_HEAD_LINES) return text.slice(0, cut);
  }
  if (text.length <= limit) return text;
  return text.slice(0, cut > after ? cut : limit);
}

const yieldNow = () => new Promise<void>((r) => setImmediate(r));

/** How the index changed: `affected` = other drafts to re-check (undefined: unknown → re-check all). */
export interface IndexChange {
  changed: boolean;
  affected?: string[];
}

const NO_CHANGE: IndexChange = { changed: false, affected: [] };

export class WorkspaceIndex {
  /** Bounded by the workspace folders (links leaving them are reported, not followed). */
  drafts = new DraftIndex();
  /** Paths whose summary currently comes from an open editor buffer. */
  private readonly openPaths = new Set<string>();
  /** Folders whose drafts were indexed on demand (workspace without config). */
  private readonly siblingDirs = new Set<string>();
  /** Files found by the last full scan (governed drafts), for the workspace lint. */
  private scanned: string[] = [];
  private run = 0;
  ready = false;

  constructor(private readonly configs: ConfigStore, private readonly log: Logger) {}

  /** The workspace folders changed: a new, empty index bounded by them (re-index afterwards). */
  setRoots(folders: string[]): void {
    this.drafts = folders.length ? new DraftIndex({ root: folders }) : new DraftIndex();
    this.siblingDirs.clear();
    this.ready = false;
  }

  /** Drafts known from disk scans and open documents. */
  files(): string[] {
    return [...new Set([...this.scanned, ...[...this.drafts.all()].map((d) => d.path)])];
  }

  /** True when the config (or settings) make `file` a draft to index. */
  private wanted(file: string, settings: ZwgkSettings): boolean {
    const c = this.configs.forDocument(file, settings);
    return !c.ignored && (c.governed || settings.lintAllDocuments);
  }

  /** Full scan of the workspace folders; a newer call cancels an older one. Returns the number indexed. */
  async indexFolders(folders: string[], settings: ZwgkSettings, progress?: () => Promise<Progress>): Promise<number> {
    const run = ++this.run;
    const t0 = performance.now();
    const candidates: string[] = [];
    for (const folder of folders) await this.walk(folder, candidates, () => run !== this.run);
    if (run !== this.run) return 0;
    const files = settings.enable ? candidates.filter((f) => this.wanted(f, settings)) : [];
    this.scanned = files;
    // Summaries of files no longer wanted (config removed, now ignored) go away; open buffers stay.
    const keep = new Set(files);
    for (const d of [...this.drafts.all()]) {
      if (!keep.has(d.path) && !this.openPaths.has(d.path) && !this.siblingDirs.has(path.dirname(d.path))) this.remove(d.path);
    }
    if (files.length === 0) {
      this.ready = true;
      return 0;
    }
    const p = progress ? await progress().catch(() => undefined) : undefined;
    p?.begin('zwgk', 0, `索引文稿 0/${files.length}`, false);
    let done = 0;
    let lastReport = performance.now();
    try {
      for (let i = 0; i < files.length; i += READ_CONCURRENCY) {
        if (run !== this.run) return done;
        const chunk = files.slice(i, i + READ_CONCURRENCY);
        const texts = await Promise.all(chunk.map((f) => (this.openPaths.has(f) ? Promise.resolve(undefined) : readDraftText(f).catch(() => undefined))));
        for (let j = 0; j < chunk.length; j++) {
          const text = texts[j];
          // Governed: a draft unless it is a project file (README …) without metadata of its own.
          if (text !== undefined && draftStatus({ text, fileName: chunk[j], governed: true, all: settings.lintAllDocuments }).draft) this.summarizeText(chunk[j], text);
          done++;
          // Requests wait at most one file's summary, not a chunk's.
          if (text !== undefined && text.length > INDEX_HEAD_CHARS) await yieldNow();
        }
        if (performance.now() - lastReport > 100) {
          lastReport = performance.now();
          p?.report(Math.round((done / files.length) * 100), `索引文稿 ${done}/${files.length}`);
        }
        await yieldNow();
      }
    } finally {
      p?.done();
    }
    this.ready = true;
    this.log.info(`zwgk: 已索引 ${done} 份文稿（${Math.round(performance.now() - t0)} ms）`);
    return done;
  }

  /** Every .md/.txt file below the folders (not hidden, not in node_modules), for the workspace lint. */
  async candidates(folders: string[], cancelled: () => boolean = () => false): Promise<string[]> {
    const out: string[] = [];
    for (const folder of folders) await this.walk(folder, out, cancelled);
    return [...new Set(out)];
  }

  /**
   * A draft the workspace lint found outside the governed folders (a draft by its metadata): indexed,
   * and its folder kept current from file events as for a draft opened there.
   */
  addFound(file: string, text: string): IndexChange {
    this.siblingDirs.add(path.dirname(file));
    if (this.openPaths.has(file)) return NO_CHANGE;
    return this.summarizeText(file, text);
  }

  /** Collects .md/.txt files below `root` (not hidden, not in node_modules, symlink loops walked once). */
  private async walk(root: string, out: string[], cancelled: () => boolean): Promise<void> {
    const stack = [root];
    const seen = new Set<string>();
    let entriesSeen = 0;
    while (stack.length && out.length < MAX_FILES && !cancelled()) {
      const dir = stack.pop()!;
      let key: string;
      try {
        const st = await fsp.stat(dir);
        if (!st.isDirectory()) continue;
        key = `${st.dev}:${st.ino}`;
      } catch {
        continue;
      }
      if (seen.has(key)) continue;
      seen.add(key);
      let entries;
      try {
        entries = await fsp.readdir(dir, { withFileTypes: true });
      } catch {
        continue;
      }
      for (const ent of entries) {
        if (ent.name.startsWith('.') || ent.name === 'node_modules') continue;
        const abs = path.join(dir, ent.name);
        let isDir = ent.isDirectory();
        let isFile = ent.isFile();
        if (ent.isSymbolicLink()) {
          try {
            const st = await fsp.stat(abs);
            isDir = st.isDirectory();
            isFile = st.isFile();
          } catch {
            continue;
          }
        }
        if (isDir) stack.push(abs);
        else if (isFile && isDraftFileName(ent.name)) out.push(abs);
      }
      if (++entriesSeen % 200 === 0) await yieldNow();
    }
  }

  /** Summarises a text into the index. */
  summarizeText(file: string, text: string): IndexChange {
    try {
      return this.setSummary(summarizeDraft(text, file));
    } catch (e) {
      this.log.debug(`zwgk: 无法索引 ${file}: ${(e as Error).message}`);
      return NO_CHANGE;
    }
  }

  private setSummary(s: DraftSummary): IndexChange {
    const prev = this.drafts.get(s.path);
    if (sameSummary(prev, s)) return NO_CHANGE;
    const affected = this.drafts.set(s) as unknown;
    return { changed: true, affected: Array.isArray(affected) ? affected : undefined };
  }

  private remove(file: string): IndexChange {
    if (!this.drafts.get(file)) return NO_CHANGE;
    const affected = this.drafts.delete(file) as unknown;
    return { changed: true, affected: Array.isArray(affected) ? affected : undefined };
  }

  /** An open draft was linted in the worker thread: its summary (from the buffer) is the truth for the index. */
  fromSummary(file: string, summary: DraftSummary): IndexChange {
    this.openPaths.add(file);
    return this.setSummary(summary);
  }

  /** An open draft was linted: its buffer is the truth for the index. */
  fromOpenDocument(file: string, doc: ZwgkDocument): IndexChange {
    this.openPaths.add(file);
    return this.setSummary(summarize(doc, file));
  }

  /** The document was closed: back to what is on disk. */
  async closed(file: string, settings: ZwgkSettings): Promise<IndexChange> {
    if (!this.openPaths.delete(file)) return NO_CHANGE;
    return this.fileEvent(file, 'changed', settings);
  }

  /** A watched file was created, changed or deleted on disk. */
  async fileEvent(file: string, kind: 'created' | 'changed' | 'deleted', settings: ZwgkSettings): Promise<IndexChange> {
    if (this.openPaths.has(file)) return NO_CHANGE;
    if (kind === 'deleted') {
      this.scanned = this.scanned.filter((f) => f !== file);
      return this.remove(file);
    }
    const dirIndexed = this.siblingDirs.has(path.dirname(file));
    if (!this.wanted(file, settings) && !dirIndexed) return this.remove(file);
    let text: string | undefined;
    try {
      text = await readDraftText(file);
    } catch {
      text = undefined;
    }
    if (text === undefined) return this.remove(file);
    if (!this.scanned.includes(file) && this.wanted(file, settings)) this.scanned.push(file);
    if (dirIndexed && !this.wanted(file, settings)) {
      if (!metadataMakesDraft(text, file)) return this.remove(file);
      return this.summarizeText(file, text);
    }
    if (!draftStatus({ text, fileName: file, governed: true, all: settings.lintAllDocuments }).draft) return this.remove(file);
    return this.summarizeText(file, text);
  }

  /**
   * A draft recognised by its metadata was opened outside any config: index the drafts in its folder
   * (not recursive; only files that are drafts by their own metadata). Returns true when anything changed.
   */
  async indexSiblings(dir: string): Promise<boolean> {
    if (this.siblingDirs.has(dir)) return false;
    this.siblingDirs.add(dir);
    let changed = false;
    let entries;
    try {
      entries = await fsp.readdir(dir, { withFileTypes: true });
    } catch {
      return false;
    }
    let n = 0;
    for (const ent of entries) {
      if (!ent.isFile() || ent.name.startsWith('.') || !isDraftFileName(ent.name)) continue;
      if (++n > 2000) break;
      const file = path.join(dir, ent.name);
      if (this.openPaths.has(file)) continue;
      const text = await readDraftText(file).catch(() => undefined);
      if (text === undefined) continue;
      if (metadataMakesDraft(text, file) && this.summarizeText(file, text).changed) changed = true;
      await yieldNow();
    }
    return changed;
  }
}
