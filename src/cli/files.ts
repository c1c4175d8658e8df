/**
 * Turning command-line paths and globs into the list of drafts to lint.
 *
 * - A file is linted when it ends in `.md`, `.txt`, `.docx`, `.html` or `.htm` (explicitly named files with
 *   another extension are skipped with a notice; a named `.doc`/`.wps` is reported as not supported, one
 *   found by walking gets a notice).
 * - A directory is walked recursively; `node_modules` and hidden entries (`.git`, `.vscode`, `.draft.md`)
 *   are skipped, and so is anything an `ignore` glob of the applicable config matches. Which of the files
 *   found by walking are drafts is decided afterwards (draft-filter.ts, the core's draftStatus); files
 *   named explicitly are always linted (`named`).
 * - A glob (`drafts/**\/*.md`) is matched with picomatch below its static base directory.
 * - Symlinks are followed; a directory reached twice (a symlink loop) is walked once, and a file reached
 *   by two paths is linted once. A directory named like a file (`notes.md/`) is walked, not read.
 * Only paths are collected (no file contents), so memory stays small for large trees.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { unsupportedFormatMessage } from '../core/formats';
import { kindOf } from './safe-read';

export const DRAFT_EXTENSIONS = ['.md', '.txt', '.docx', '.html', '.htm'];

export { isProjectFile } from '../core/draft-status';
import { isProjectFile } from '../core/draft-status';

export function isDraftName(name: string): boolean {
  return DRAFT_EXTENSIONS.includes(path.extname(name).toLowerCase());
}

export interface ExpandOptions {
  cwd: string;
  /** True when a config `ignore` glob excludes the path. */
  isIgnored?: (absPath: string, isDir: boolean) => boolean;
  onNotice?: (message: string) => void;
}

export interface Expansion {
  /** Absolute paths, in argument order, each directory's entries sorted. */
  files: string[];
  /** Arguments that are neither an existing path nor a glob matching a draft. */
  unmatched: string[];
  /** The files named on the command line (not found by walking a folder or matching a glob). */
  named: Set<string>;
  /** What `stat` said of each file when it was found (--cache compares it with the stat it stored). */
  stats: Map<string, fs.Stats>;
}

function toPosix(p: string): string {
  return path.sep === '\\' ? p.replace(/\\/g, '/') : p;
}

function statOrUndefined(p: string): fs.Stats | undefined {
  try {
    return fs.statSync(p);
  } catch {
    return undefined;
  }
}

const SKIPPED_DIRS = new Set(['node_modules']);

function isHidden(name: string): boolean {
  return name.startsWith('.') && name !== '.' && name !== '..';
}

export function expandInputs(patterns: readonly string[], opts: ExpandOptions): Expansion {
  const cwd = path.resolve(opts.cwd);
  const isIgnored = opts.isIgnored ?? (() => false);
  const notice = opts.onNotice ?? (() => undefined);
  const files: string[] = [];
  const unmatched: string[] = [];
  const named = new Set<string>();
  const seenFiles = new Set<string>();
  const stats = new Map<string, fs.Stats>();

  const addFile = (abs: string, st: fs.Stats): boolean => {
    const key = `${st.dev}:${st.ino}`;
    if (seenFiles.has(key)) return false;
    seenFiles.add(key);
    files.push(abs);
    stats.set(abs, st);
    return true;
  };

  /** Walks `root`; calls `onFile` for every candidate file (not hidden, not ignored, not in a loop). */
  const walk = (root: string, onFile: (abs: string, st: fs.Stats) => void): void => {
    const stack = [root];
    const visitedDirs = new Set<string>();
    while (stack.length) {
      const dir = stack.pop()!;
      const dst = statOrUndefined(dir);
      if (!dst?.isDirectory()) continue;
      const key = `${dst.dev}:${dst.ino}`;
      if (visitedDirs.has(key)) continue;
      visitedDirs.add(key);
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(dir, { withFileTypes: true });
      } catch (e) {
        notice(`无法读取目录 ${dir}（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}），已跳过`);
        continue;
      }
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      const subdirs: string[] = [];
      for (const ent of entries) {
        if (isHidden(ent.name)) continue;
        const abs = path.join(dir, ent.name);
        let isDir = ent.isDirectory();
        let isFile = ent.isFile();
        let st: fs.Stats | undefined;
        if (ent.isSymbolicLink()) {
          st = statOrUndefined(abs);
          if (!st) continue; // dangling link
          isDir = st.isDirectory();
          isFile = st.isFile();
        }
        if (isDir) {
          if (SKIPPED_DIRS.has(ent.name) || isIgnored(abs, true)) continue;
          subdirs.push(abs);
        } else if (isFile && isDraftName(ent.name) && !isIgnored(abs, false)) {
          st ??= statOrUndefined(abs);
          if (st) onFile(abs, st);
        } else if (isFile && !ent.name.startsWith('~$') && /\.(doc|wps)$/i.test(ent.name) && !isIgnored(abs, false)) {
          notice(`${abs} 是旧版 Word/WPS 文件，未检查：${unsupportedFormatMessage(abs)}`);
        }
      }
      // Depth-first, in name order.
      for (let i = subdirs.length - 1; i >= 0; i--) stack.push(subdirs[i]);
    }
  };

  for (const pattern of patterns) {
    const abs = path.resolve(cwd, pattern);
    const st = statOrUndefined(abs);
    if (st?.isFile()) {
      if (unsupportedFormatMessage(abs) && /\.(doc|wps|docm|dotx|dot|rtf|odt)$/i.test(abs)) {
        addFile(abs, st);
        named.add(abs);
      } else if (!isDraftName(abs)) notice(`${pattern} 不是 .md、.txt、.docx 或 .html 文件，已跳过`);
      else if (!isIgnored(abs, false)) {
        addFile(abs, st);
        named.add(abs);
      }
      continue;
    }
    if (st?.isDirectory()) {
      walk(abs, addFile);
      continue;
    }
    if (st) {
      // A FIFO, socket or device named like a draft: linted like one, i.e. reported as `file-unreadable`
      // (exit 2) by the read, which opens without blocking and reads regular files only — as when a draft
      // is swapped for a FIFO mid-run. Anything else named is skipped with a notice.
      if (isDraftName(abs) && !isIgnored(abs, false)) {
        addFile(abs, st);
        named.add(abs);
      } else notice(`${pattern} 不是普通文件（${kindOf(st)}），已跳过`);
      continue;
    }
    const scan = picomatch.scan(toPosix(pattern));
    if (!scan.isGlob) {
      unmatched.push(pattern);
      continue;
    }
    const base = path.resolve(cwd, scan.base || '.');
    const match = picomatch(scan.glob, { dot: false });
    let matched = 0;
    walk(base, (file, fst) => {
      if (!match(toPosix(path.relative(base, file)))) return;
      matched++;
      addFile(file, fst);
    });
    if (matched === 0) unmatched.push(pattern);
  }
  return { files, unmatched, named, stats };
}

/** The drafts directly inside `dir` (not recursive, hidden files skipped), sorted. */
export function draftsInFolder(dir: string): string[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const ent of entries) {
    if (isHidden(ent.name) || !isDraftName(ent.name) || isProjectFile(ent.name)) continue;
    const abs = path.join(dir, ent.name);
    if (ent.isFile() || (ent.isSymbolicLink() && statOrUndefined(abs)?.isFile())) out.push(abs);
  }
  return out.sort();
}
