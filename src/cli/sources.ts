/**
 * Word (.docx) and saved web pages (.html/.htm) in the CLI: read the bytes, let the core read them into
 * text, lint and map the messages back (core/formats). Such files are never written: with --fix, the
 * findings that had a fix are counted and a notice says why they were left.
 */
import {
  lintSource, readSource, sourceFormatOf, summarizeText, isFormatError, unsupportedFormatMessage,
  type DraftIndex, type DraftSummary, type SourceText,
} from '../core';
import { fileMessage, makeResult, toCliMessage, type FileResult } from './results';
import type { RunContext } from './runner';
import { readBounded, readProblem } from './safe-read';

/** The largest .docx / .html zwgk reads (a .docx is compressed; its text is a fraction of this). */
const MAX_SOURCE_BYTES = 100 * 1024 * 1024;

export function isSourcePath(abs: string): boolean {
  return sourceFormatOf(abs) !== undefined;
}

export type SourceRead = { kind: 'source'; src: SourceText } | { kind: 'error'; message: string };

/** Reads and converts a .docx/.html file; never throws. */
export function readSourceFile(abs: string): SourceRead {
  const format = sourceFormatOf(abs);
  if (!format) return { kind: 'error', message: unsupportedFormatMessage(abs) ?? '不支持的文件类型' };
  // Regular files only, opened without blocking, never more than the limit (safe-read.ts): a FIFO named
  // like a .docx must not hang the run.
  const r = readBounded(abs, { maxBytes: MAX_SOURCE_BYTES });
  if (r.kind === 'too-large') return { kind: 'error', message: `文件超过 ${MAX_SOURCE_BYTES / 1024 / 1024} MB，未检查` };
  if (r.kind !== 'ok') return { kind: 'error', message: `无法读取文件：${readProblem(r)}` };
  const bytes = r.bytes;
  return readSourceBytes(format, bytes);
}

export function readSourceBytes(format: 'docx' | 'html', bytes: Uint8Array): SourceRead {
  try {
    return { kind: 'source', src: readSource(format, bytes) };
  } catch (e) {
    if (isFormatError(e)) return { kind: 'error', message: e.message };
    return { kind: 'error', message: `无法读取 .${format} 文件（zwgk 内部错误）：${((e as Error)?.message ?? String(e)).slice(0, 200)}` };
  }
}

/** Summary for the draft index; undefined when the file cannot be read. */
export function summarizeSourceFile(abs: string): DraftSummary | undefined {
  const r = readSourceFile(abs);
  if (r.kind !== 'source') return undefined;
  try {
    return summarizeText(r.src.text, abs, 'text');
  } catch {
    return undefined;
  }
}

/** Lints a source already read; `shown` is the path in results and notices. */
export function lintSourceText(src: SourceText, filePath: string | undefined, shown: string, ctx: RunContext, index: DraftIndex): FileResult {
  for (const note of src.notes) ctx.notice(`${ctx.display(shown)}：${note}`);
  const { document, messages, unfixed } = lintSource(src, filePath, { rules: ctx.rules, config: ctx.configFor(filePath), index });
  if (ctx.fix && unfixed) {
    ctx.notice(`${ctx.display(shown)}：${unfixed} 处可自动修复的问题未修复——zwgk 不改写 .${src.format} 文件；请按提示在${src.format === 'docx' ? ' Word 或 WPS' : '网站后台或原稿'}中修改`);
  }
  const extra: Partial<FileResult> = { sourceFormat: src.format, ...(src.encoding ? { encoding: src.encoding } : {}), ...(ctx.fix ? { fixedCount: 0 } : {}) };
  return makeResult(shown, messages.map((m) => toCliMessage(m, document)), extra);
}

/** Pass 2 for a .docx/.html file (or a Word format zwgk cannot read: one file-level error). */
export function lintSourceFile(abs: string, ctx: RunContext, index: DraftIndex): FileResult {
  const r = readSourceFile(abs);
  if (r.kind === 'error') return makeResult(abs, [fileMessage(r.message)], { fatal: true, ...(ctx.fix ? { fixedCount: 0 } : {}) });
  return lintSourceText(r.src, abs, abs, ctx, index);
}
