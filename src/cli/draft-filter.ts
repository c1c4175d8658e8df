/**
 * Which of the files found by walking a folder (or matching a glob) are drafts: the core's draftStatus,
 * the same decision the language server and its "lint all drafts" make — a config governs the file, or
 * its front matter / catalogue header makes it a draft. Files named on the command line are always
 * linted; `--all` lints every .md/.txt found.
 *
 * Only ungoverned files (and project files such as README.md) are read, and only their first MiB: a
 * governed file is a draft by its config alone. A file that cannot be read or decoded here is kept, so
 * that linting it reports the problem.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { draftStatus, headDecides, isProjectFile, type DraftStatus } from '../core/draft-status';
import { readSource, sourceFormatOf } from '../core/formats';
import { decode } from './encoding';
import type { MemoEntry } from './read-memo';

/** Bytes read to decide: the metadata sits at the top. */
const HEAD_BYTES = 1024 * 1024;
/** A .docx or .html is read whole (a .docx is a zip) up to this size; a larger one is left to the lint. */
const SOURCE_BYTES = 20 * 1024 * 1024;

export interface SkippedFile {
  file: string;
  status: DraftStatus;
}

export interface DraftSelection {
  files: string[];
  skipped: SkippedFile[];
}

export interface SelectOptions {
  /** `--all`: every file found is linted. */
  all: boolean;
  /** A config file (or `--config`) applies to the file. */
  governed(file: string): boolean;
  /** Sees a .md/.txt read whole and decoded here (the run may keep it instead of reading it again). */
  onRead?(file: string, entry: MemoEntry): void;
  /**
   * --cache: the status of a .md/.txt known without reading it (its stat is unchanged), and the status
   * decided here from a whole file's bytes (`stat` from before the read), for the next run.
   */
  known?(file: string, governed: boolean): DraftStatus | undefined;
  onDecided?(file: string, governed: boolean, status: DraftStatus, read: { bytes: Buffer; stat: fs.Stats }): void;
}

/** What a .md/.txt needs decoded to decide, when it is longer: its first line breaks up to here. */
const DECIDE_BYTES = 4 * 1024;

/**
 * The draft status of a file, from the text that decides: the head of a .md/.txt, decoded; the text zwgk
 * reads from a .docx or .html. Undefined when it cannot be read here (the lint then reports why). A
 * Markdown draft whose front matter closes in its first 4 KB is decided from those alone (the status is
 * the same, see headDecides); the rest is decoded only if the lint needs it.
 */
function statusOf(file: string, governed: boolean, opts: SelectOptions): DraftStatus | undefined {
  const format = sourceFormatOf(file);
  if (format) {
    try {
      const st = fs.statSync(file);
      if (!st.isFile() || st.size > SOURCE_BYTES) return undefined;
      return draftStatus({ text: readSource(format, fs.readFileSync(file)).text, fileName: file, format: 'text', governed });
    } catch {
      return undefined;
    }
  }
  const known = opts.known?.(file, governed);
  if (known) return known;
  const got = head(file);
  if (!got) return undefined;
  const onRead = (entry: MemoEntry) => opts.onRead?.(file, entry);
  const decided = (status: DraftStatus) => {
    if (got.whole) opts.onDecided?.(file, governed, status, got);
    return status;
  };
  if (got.bytes.length > DECIDE_BYTES && !/\.txt$/i.test(file)) {
    const lf = got.bytes.lastIndexOf(0x0a, DECIDE_BYTES);
    const start = lf > 0 ? decode(got.bytes.subarray(0, lf + 1)) : undefined;
    if (start?.kind === 'text' && headDecides(start.text, 'markdown')) {
      const status = draftStatus({ text: start.text, fileName: file, governed });
      if (status.draft) {
        if (got.whole) onRead({ bytes: got.bytes, stat: got.stat });
        return decided(status);
      }
    }
  }
  const decoded = decode(got.bytes);
  if (decoded.kind !== 'text') return undefined;
  if (got.whole) onRead({ bytes: got.bytes, decoded, stat: got.stat });
  return decided(draftStatus({ text: decoded.text, fileName: file, governed }));
}

/**
 * The first bytes of a regular file, cut at the last line feed when truncated (`whole`: not truncated);
 * undefined if unreadable.
 */
function head(file: string): { bytes: Buffer; whole: boolean; stat: fs.Stats } | undefined {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
    const st = fs.fstatSync(fd);
    if (!st.isFile()) return undefined;
    const size = Math.min(st.size, HEAD_BYTES);
    const buf = Buffer.alloc(size);
    let n = 0;
    while (n < size) {
      const r = fs.readSync(fd, buf, n, size - n, n);
      if (r <= 0) break;
      n += r;
    }
    const got = buf.subarray(0, n);
    if (st.size <= HEAD_BYTES) return { bytes: got, whole: n === st.size, stat: st };
    // A line feed never sits inside a multi-byte UTF-8 or GB18030 character.
    const lf = got.lastIndexOf(0x0a);
    return { bytes: lf > 0 ? got.subarray(0, lf + 1) : got, whole: false, stat: st };
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

export function selectDrafts(files: readonly string[], named: ReadonlySet<string>, opts: SelectOptions): DraftSelection {
  if (opts.all) return { files: [...files], skipped: [] };
  const out: string[] = [];
  const skipped: SkippedFile[] = [];
  for (const file of files) {
    if (named.has(file)) {
      out.push(file);
      continue;
    }
    const governed = opts.governed(file);
    // Governed and not a project file: a draft whatever its text says.
    if (governed && !isProjectFile(file)) {
      out.push(file);
      continue;
    }
    const status = statusOf(file, governed, opts);
    // Undefined: reported when linted (unreadable, undecodable, binary, not a Word file).
    if (!status || status.draft) out.push(file);
    else skipped.push({ file, status });
  }
  return { files: out, skipped };
}

/** The notice for skipped files: how many, a few names with the reason, and how to include them. */
export function skippedNotice(skipped: readonly SkippedFile[], display: (file: string) => string): string | undefined {
  if (skipped.length === 0) return undefined;
  const SHOWN = 5;
  const names = skipped.slice(0, SHOWN).map((s) => `${display(s.file)}（${s.status.why}）`);
  const more = skipped.length > SHOWN ? ` 等` : '';
  return `跳过 ${skipped.length} 个不是文稿的文件：${names.join('、')}${more}。`
    + '文稿由 .zwgkrc 配置或目录元数据（至少两个目录字段，或“文档类型”）认定；加 --all 检查全部文件，或直接写出文件名';
}

/** True when a config layer from a file (not only `--rule`) applies to files in `dir`. */
export function governedBy(layers: readonly { file: string }[]): boolean {
  return layers.some((l) => l.file !== '--rule' && path.isAbsolute(l.file));
}
