/**
 * Word (.docx) and saved web pages (.html/.htm) in the language server.
 *
 * - A .docx is shown by the VS Code extension as a read-only text view: a virtual document
 *   `zwgk-docx:/path/to/file.docx` whose content is zwgk's text of the file (`zwgk/docxText`). The
 *   server lints that view like a plain-text draft (always: the user opened it to check it) — so
 *   squiggles, hovers and Problems entries line up with the view — and offers no fixes (zwgk never
 *   rewrites a .docx). The workspace lint publishes a .docx's diagnostics on its view URI, so a click
 *   in the Problems panel opens the view.
 * - An .html file is linted in its own editor: the page is read into text, linted, and every message
 *   is mapped back into the HTML source (core/formats); no fixes either.
 * - `zwgk/exportDocx` writes a Markdown/plain-text draft as a 公文 .docx (GB/T 9704-2012) next to it and
 *   checks it by reading it back — in the server, so the extension stays free of the engine.
 */
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { checkDocxExport, decodeHtml, exportDocx, isFormatError, readSource, sourceFormatOf, type ResolvedConfig } from '../core';
import { DOCX_SCHEME, type DocxTextResult, type ExportDocxResult } from './protocol';
import { decodeDraft } from './workspace-index';
import { uriToPath } from './uri';
import { NotReadable, readRegular } from './safe-read';

const MAX_SOURCE_BYTES = 100 * 1024 * 1024;

export function isDocxViewUri(uri: string): boolean {
  return uri.startsWith(DOCX_SCHEME + ':');
}

export function isHtmlPath(p: string | undefined): boolean {
  return !!p && sourceFormatOf(p) === 'html';
}

/** Reads a .docx into zwgk's text; throws a FormatError (Chinese message) when it cannot. */
export async function docxText(file: string): Promise<{ text: string; notes: string[] }> {
  const src = readSource('docx', await readRegular(file, MAX_SOURCE_BYTES));
  return { text: src.text, notes: src.notes };
}

/** `zwgk/docxText`: the text of the .docx behind a view URI (or a file URI). */
export async function docxTextRequest(uri: string): Promise<DocxTextResult> {
  const file = uriToPath(uri);
  if (!file || sourceFormatOf(file) !== 'docx') return { error: '不是 .docx 文件' };
  try {
    return await docxText(file);
  } catch (e) {
    return { error: isFormatError(e) || e instanceof NotReadable ? e.message : `无法读取：${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` };
  }
}

/**
 * What the workspace lint and the index read from a file: the text of a .docx (its view's content), the
 * decoded HTML of a page (linted through the reader), the decoded text of anything else.
 */
export async function readForLint(file: string): Promise<string | undefined> {
  const format = sourceFormatOf(file);
  if (format === 'docx') return (await docxText(file).catch(() => undefined))?.text;
  const buf = await readRegular(file, format === 'html' ? MAX_SOURCE_BYTES : Infinity);
  if (format === 'html') return decodeHtml(buf).html;
  return decodeDraft(buf);
}

/** What the index summarises: the text zwgk checks in the file (the reader's text for .docx/.html). */
export async function readForIndex(file: string): Promise<string | undefined> {
  const format = sourceFormatOf(file);
  if (!format) return undefined;
  if (format === 'docx') return (await docxText(file).catch(() => undefined))?.text;
  try {
    return readSource('html', await readRegular(file, MAX_SOURCE_BYTES)).text;
  } catch {
    return undefined;
  }
}

/** `zwgk/exportDocx`: the draft at `uri` (its current text) → a .docx beside it, checked by reading it back. */
export async function exportDocxRequest(file: string, text: string, config: ResolvedConfig | undefined, force: boolean): Promise<ExportDocxResult> {
  if (!/\.(md|txt)$/i.test(file)) return { error: '只能把 .md 或 .txt 文稿导出为 Word 公文' };
  const target = file.replace(/\.(md|txt)$/i, '.docx');
  const exists = await fsp.stat(target).then(() => true, () => false);
  if (exists && !force) return { path: target, exists: true };
  const bytes = await exportDocx(text, file);
  const check = checkDocxExport(text, file, bytes, config ? { config } : {});
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.zwgk-${process.pid}.tmp`);
  try {
    await fsp.writeFile(tmp, bytes, { flag: 'wx' });
    await fsp.rename(tmp, target);
  } catch (e) {
    await fsp.rm(tmp, { force: true });
    return { error: `无法写入 ${target}：${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` };
  }
  return { path: target, differences: check.differences, lines: check.lines.read.length, messages: check.messages.read.length };
}
