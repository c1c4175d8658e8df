/**
 * `zwgk/lintWorkspace`: lint every indexed draft (closed ones from disk, open ones from their buffers)
 * and publish the diagnostics, so that the Problems panel shows the whole workspace. Cancellable, with
 * work-done progress when the client passes a token.
 */
import type { CancellationToken, Connection, TextDocuments, WorkDoneProgressReporter } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { promises as fsp } from 'node:fs';
import { analyzeText, type Analysis, type AnalyzerDeps } from './documents';
import { diagnosticsOf } from './diagnostics';
import { readForLint } from './sources';
import { sourceFormatOf } from '../core';
import type { ZwgkSettings } from './settings';
import { draftUri } from './uri';

import { LINT_WORKSPACE, type LintWorkspaceParams, type LintWorkspaceResult } from './protocol';
export { LINT_WORKSPACE, type LintWorkspaceParams, type LintWorkspaceResult };

const MAX_BYTES = 20 * 1024 * 1024;

/** Lints `files` (absolute paths) and publishes diagnostics; returns the URIs published for closed files. */
export async function lintFiles(
  connection: Connection, documents: TextDocuments<TextDocument>, files: string[], deps: AnalyzerDeps,
  settingsFor: (uri: string) => Promise<ZwgkSettings>, token: CancellationToken | undefined, progress: WorkDoneProgressReporter | undefined,
  analyzeOpen: (doc: TextDocument) => Promise<Analysis>,
): Promise<{ result: LintWorkspaceResult; published: string[] }> {
  const result: LintWorkspaceResult = { files: 0, filesWithProblems: 0, errors: 0, warnings: 0, infos: 0, cancelled: false };
  const published: string[] = [];
  progress?.begin('zwgk：检查工作区', 0, `0/${files.length}`, true);
  let last = performance.now();
  try {
    for (let i = 0; i < files.length; i++) {
      if (token?.isCancellationRequested) {
        result.cancelled = true;
        break;
      }
      const file = files[i];
      const uri = draftUri(file);
      const open = documents.get(uri);
      if (open) continue; // Open documents are kept current by the regular diagnostics.
      let text: string | undefined;
      try {
        const st = await fsp.stat(file);
        if (st.size <= MAX_BYTES || sourceFormatOf(file)) text = await readForLint(file);
      } catch {
        text = undefined;
      }
      if (text === undefined) continue;
      const settings = await settingsFor(uri);
      const a = analyzeText(uri, '', text, 0, settings, deps);
      if (!a.draft) continue;
      result.files++;
      const diagnostics = diagnosticsOf(a);
      if (diagnostics.length) result.filesWithProblems++;
      for (const m of a.messages) {
        if (m.severity === 'error') result.errors++;
        else if (m.severity === 'warning') result.warnings++;
        else result.infos++;
      }
      await connection.sendDiagnostics({ uri, diagnostics });
      published.push(uri);
      if (performance.now() - last > 100) {
        last = performance.now();
        progress?.report(Math.round(((i + 1) / files.length) * 100), `${i + 1}/${files.length}`);
      }
      await new Promise<void>((r) => setImmediate(r));
    }
  } finally {
    progress?.done();
  }
  // Open drafts count too: they are already published.
  for (const d of documents.all()) {
    const a = await analyzeOpen(d);
    if (!a.draft) continue;
    result.files++;
    if (a.messages.length) result.filesWithProblems++;
    for (const m of a.messages) {
      if (m.severity === 'error') result.errors++;
      else if (m.severity === 'warning') result.warnings++;
      else result.infos++;
    }
  }
  return { result, published };
}
