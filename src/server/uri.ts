/** URIs ↔ file-system paths, and which editor documents zwgk can read at all. */
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { DocFormat } from '../core';
import { DOCX_SCHEME } from './protocol';

/** The file-system path of a `file:` URI; undefined for other schemes or malformed URIs. */
export function uriToPath(uri: string): string | undefined {
  // The text view of a .docx stands for the .docx itself (config, index, folder).
  if (uri.startsWith(DOCX_SCHEME + ':')) uri = 'file:' + uri.slice(DOCX_SCHEME.length + 1);
  if (!uri.startsWith('file:')) return undefined;
  try {
    return path.resolve(fileURLToPath(uri));
  } catch {
    return undefined;
  }
}

export function pathToUri(p: string): string {
  return pathToFileURL(p).href;
}

const DRAFT_EXT = /\.(md|txt|docx|html?)$/i;

/** The URI a draft's diagnostics go to: a .docx's text view, else the file. */
export function draftUri(p: string): string {
  // `zwgk-docx:/path` — the form VS Code gives the view (no authority), so both sides name it alike.
  return /\.docx$/i.test(p) ? DOCX_SCHEME + ':' + pathToFileURL(p).pathname : pathToUri(p);
}

/** True for the file names zwgk checks (.md, .txt, .docx, .html — as the CLI). */
export function isDraftFileName(p: string): boolean {
  return DRAFT_EXT.test(p);
}

export const CONFIG_NAMES = ['.zwgkrc.json', '.zwgkrc.yaml', '.zwgkrc.yml'] as const;

export function isConfigFileName(p: string): boolean {
  return (CONFIG_NAMES as readonly string[]).includes(path.basename(p));
}

/**
 * Whether an editor document can be a draft, and in which format: `file:` documents by extension,
 * unsaved (`untitled:`) ones by language id. Other schemes (git:, diff views, output …) are never linted.
 */
export function draftFormat(uri: string, languageId: string): DocFormat | undefined {
  const scheme = uri.slice(0, uri.indexOf(':'));
  if (scheme === 'file') {
    const p = uriToPath(uri);
    if (!p || !DRAFT_EXT.test(p) || /\.docx$/i.test(p)) return undefined;
    return /\.(txt|html?)$/i.test(p) ? 'text' : 'markdown';
  }
  if (scheme === DOCX_SCHEME) return uriToPath(uri) ? 'text' : undefined;
  if (scheme === 'untitled') {
    if (languageId === 'markdown') return 'markdown';
    if (languageId === 'plaintext') return 'text';
  }
  return undefined;
}

/** True when `child` is `parent` or inside it. */
export function isInside(parent: string, child: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}
