/**
 * One idea of "a draft", shared by the CLI's folder walk, the language server and its "lint all drafts":
 * given a file's text and name and whether a config governs it, is it a draft zwgk should check, and why
 * (not)? The same tree gives the same set everywhere.
 *
 * In order:
 *   1. ignored by an `ignore` glob of its config → not a draft;
 *   2. `all` (`zwgk lint --all`, `zwgk.lintAllDocuments`) → every .md/.txt is a draft;
 *   3. its front matter / catalogue header declares a known 文档类型, or carries at least two known
 *      catalogue keys → a draft (one `标题:` alone does not make a note a draft);
 *   4. a project's own README / CHANGELOG / LICENSE / CONTRIBUTING … file → not a draft;
 *   5. a `.zwgkrc*` governs it (its folder or an ancestor) → a draft;
 *   6. otherwise not a draft.
 * A file named explicitly on the command line is linted whatever this says (the CLI's decision).
 *
 * Cheap: only the front matter or the header block is read (no Markdown parse).
 */
import { DOC_TYPES } from './doctype';
import { getField, readFrontMatter, readHeader, type Metadata } from './metadata';
import { frontMatterEnd } from './workspace';

export interface DraftQuery {
  text: string;
  /** File name or path (its base name decides project files and .txt); undefined for an unsaved buffer. */
  fileName?: string;
  /** `text` for plain text (portal pages), `markdown` otherwise; default: from the file name. */
  format?: 'markdown' | 'text';
  /** A `.zwgkrc*` (or `--config`) applies to the file. */
  governed: boolean;
  /** An `ignore` glob of that config matches the file. */
  ignored?: boolean;
  /** Every .md/.txt counts (`--all`, `zwgk.lintAllDocuments`). */
  all?: boolean;
}

export type DraftReason = 'ignored' | 'all' | 'declared-type' | 'metadata' | 'project-file' | 'config' | 'no-metadata';

export interface DraftStatus {
  draft: boolean;
  reason: DraftReason;
  /** Chinese, for a user: why it is (not) checked. */
  why: string;
  /** Distinct known catalogue keys in its front matter / header. */
  knownKeys: number;
  /** The declared 文档类型, when it is a known one. */
  declaredType?: string;
}

/** A project's own documentation (README.md, CHANGELOG.md, LICENSE.txt …). */
const PROJECT_FILE = /^(readme|changelog|changes|history|license|licence|contributing|code_of_conduct|security|authors|notice)([.-][\w-]+)?\.(md|txt)$/i;

export function isProjectFile(fileName: string): boolean {
  return PROJECT_FILE.test(baseName(fileName));
}

function baseName(p: string): string {
  const i = Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\'));
  return i >= 0 ? p.slice(i + 1) : p;
}

/** The front matter (Markdown) or catalogue header of a text, without parsing the rest. */
export function headMetadata(text: string, format: 'markdown' | 'text'): Metadata {
  const t = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (format === 'markdown') {
    const end = frontMatterEnd(t);
    if (end !== undefined) return readFrontMatter(t, 0, end);
  }
  return readHeader(t);
}

/**
 * True when what draftStatus reads of `text` — a Markdown front matter — is closed inside it: the status
 * of any longer text that starts with `text` is then the same (a caller may decide from a file's head).
 */
export function headDecides(text: string, format: 'markdown' | 'text'): boolean {
  return format === 'markdown' && frontMatterEnd(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) !== undefined;
}

export function draftStatus(q: DraftQuery): DraftStatus {
  const format = q.format ?? (q.fileName && /\.txt$/i.test(q.fileName) ? 'text' : 'markdown');
  if (q.ignored) return { draft: false, reason: 'ignored', why: '被配置的 ignore 排除', knownKeys: 0 };
  if (q.all) return { draft: true, reason: 'all', why: '检查全部 .md/.txt 文件（--all / zwgk.lintAllDocuments）', knownKeys: 0 };
  let meta: Metadata | undefined;
  try {
    meta = headMetadata(q.text, format);
  } catch {
    meta = undefined; // unreadable metadata makes no draft by itself; a config still does
  }
  const knownKeys = meta ? new Set(meta.fields.filter((f) => f.known).map((f) => f.key)).size : 0;
  const declared = meta ? getField(meta, '文档类型')?.value : undefined;
  const declaredType = declared && (DOC_TYPES as readonly string[]).includes(declared) ? declared : undefined;
  if (declaredType) return { draft: true, reason: 'declared-type', why: `元数据声明了“文档类型: ${declaredType}”`, knownKeys, declaredType };
  if (knownKeys >= 2) return { draft: true, reason: 'metadata', why: `元数据有 ${knownKeys} 个目录字段`, knownKeys };
  if (q.fileName && isProjectFile(q.fileName)) {
    return { draft: false, reason: 'project-file', why: `${baseName(q.fileName)} 是项目说明文件，不是文稿`, knownKeys };
  }
  if (q.governed) return { draft: true, reason: 'config', why: '由 .zwgkrc 配置管理', knownKeys };
  return {
    draft: false, reason: 'no-metadata', knownKeys,
    why: knownKeys ? `没有 .zwgkrc 配置，元数据只有 ${knownKeys} 个目录字段` : '没有 .zwgkrc 配置，也没有目录元数据',
  };
}
