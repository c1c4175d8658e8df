/**
 * `zwgk/lintWorkspace` and what follows it: the Problems panel shows every draft of the workspace, and
 * stays true.
 *
 * The lint walks the workspace folders, decides for every .md/.txt file whether it is a draft — the
 * core's draftStatus, the same decision as `zwgk lint` on the folder — indexes the drafts (so that
 * cross-document rules see them all), lints the closed ones from disk and publishes their diagnostics;
 * open drafts are published by the regular diagnostics. It reports what it checked and what it skipped.
 *
 * From then on (`active`) the results are kept current: a file closed in the editor is re-linted from
 * disk (its results replaced, not dropped), a file changed or created on disk is re-linted, a deleted
 * one cleared; a config or settings change re-runs the whole lint, clearing files that are no longer
 * drafts (config removed, now ignored). Diagnostics are pushed (`publishDiagnostics`), which every LSP
 * client understands; see src/server/README.md for why not pull diagnostics.
 */
import type { CancellationToken, Connection, TextDocuments, WorkDoneProgressReporter } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { promises as fsp } from 'node:fs';
import { draftStatus, type DraftReason } from '../core/draft-status';
import { readHtmlSource, sourceFormatOf } from '../core';
import { readForLint } from './sources';
import type { Analysis, AnalyzerDeps } from './documents';
import { diagnosticsOf } from './diagnostics';
import type { Logger } from './log';
import type { ZwgkSettings } from './settings';
import { draftFormat, draftUri } from './uri';

import { LINT_WORKSPACE, type LintWorkspaceParams, type LintWorkspaceResult } from './protocol';
export { LINT_WORKSPACE, type LintWorkspaceParams, type LintWorkspaceResult };

const MAX_BYTES = 20 * 1024 * 1024;
/** Skipped files named in the result (the rest are counted). */
const MAX_SKIPPED_LISTED = 50;

/** A file's text as the editor lints it: a .md/.txt decoded, an .html page's HTML, a .docx's text. */
async function readText(file: string): Promise<string | undefined> {
  try {
    const st = await fsp.stat(file);
    if (!st.isFile() || (st.size > MAX_BYTES && !sourceFormatOf(file))) return undefined;
    return await readForLint(file);
  } catch {
    return undefined;
  }
}

/** The text that decides whether `text` (as readText gives it) is a draft: a page's text, not its HTML. */
function draftText(file: string, text: string): string {
  if (sourceFormatOf(file) !== 'html') return text;
  try {
    return readHtmlSource(text).text;
  } catch {
    return text;
  }
}

const yieldNow = () => new Promise<void>((r) => setImmediate(r));

export interface WorkspaceProblemsDeps extends AnalyzerDeps {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  settingsFor(uri: string): Promise<ZwgkSettings>;
  analyzeOpen(doc: TextDocument): Promise<Analysis>;
  /** A closed file's text (the worker thread when there is one). */
  analyzeClosed(uri: string, text: string, settings: ZwgkSettings): Promise<Analysis>;
  log: Logger;
}

function emptyResult(): LintWorkspaceResult {
  return { files: 0, filesWithProblems: 0, errors: 0, warnings: 0, infos: 0, cancelled: false, skipped: 0, skippedReasons: {}, skippedFiles: [] };
}

function count(result: LintWorkspaceResult, a: Analysis): void {
  result.files++;
  if (a.messages.length) result.filesWithProblems++;
  for (const m of a.messages) {
    if (m.severity === 'error') result.errors++;
    else if (m.severity === 'warning') result.warnings++;
    else result.infos++;
  }
}

export class WorkspaceProblems {
  /** True once the user ran the workspace lint: closed drafts stay in Problems from then on. */
  active = false;
  /** Closed files whose diagnostics were published from disk. */
  private readonly published = new Set<string>();
  private running: Promise<LintWorkspaceResult> | undefined;

  constructor(private readonly deps: WorkspaceProblemsDeps) {}

  /** URIs published for closed files (for tests and status). */
  publishedUris(): string[] {
    return [...this.published];
  }

  /** The workspace lint (`zwgk/lintWorkspace`): walk, decide, index, lint, publish. */
  async lintAll(folders: string[], token?: CancellationToken, progress?: WorkDoneProgressReporter): Promise<LintWorkspaceResult> {
    this.active = true;
    const run = this.run(folders, token, progress);
    this.running = run;
    try {
      return await run;
    } finally {
      if (this.running === run) this.running = undefined;
    }
  }

  /** Config or settings changed: lint the workspace again (quietly) when it has been linted. */
  async refresh(folders: string[]): Promise<void> {
    if (!this.active) return;
    if (this.running) await this.running.catch(() => undefined);
    await this.lintAll(folders);
  }

  /**
   * Files closed in the editor or changed, created or deleted on disk: re-linted from disk when the
   * workspace has been linted (published, or cleared when no longer a draft or gone).
   */
  async files(files: string[]): Promise<void> {
    if (!this.active) return;
    const { documents } = this.deps;
    for (const file of files) {
      const uri = draftUri(file);
      if (documents.get(uri)) continue; // open: the regular diagnostics own it
      const text = await readText(file);
      const a = text === undefined ? undefined : await this.analyzeClosed(uri, text);
      if (a && a.draft) await this.publish(uri, a);
      else await this.clear(uri);
    }
  }

  /** Forget a URI without publishing (e.g. the whole lint is switched off). */
  async clearAll(): Promise<void> {
    for (const uri of [...this.published]) await this.clear(uri);
    this.active = false;
  }

  private async analyzeClosed(uri: string, text: string): Promise<Analysis> {
    const settings = await this.deps.settingsFor(uri);
    return this.deps.analyzeClosed(uri, text, settings);
  }

  private async publish(uri: string, a: Analysis): Promise<void> {
    this.published.add(uri);
    await this.deps.connection.sendDiagnostics({ uri, diagnostics: diagnosticsOf(a) }).catch(() => undefined);
  }

  private async clear(uri: string): Promise<void> {
    if (!this.published.delete(uri)) return;
    await this.deps.connection.sendDiagnostics({ uri, diagnostics: [] }).catch(() => undefined);
  }

  private async run(folders: string[], token?: CancellationToken, progress?: WorkDoneProgressReporter): Promise<LintWorkspaceResult> {
    const { documents, configs, index, log } = this.deps;
    const result = emptyResult();
    const t0 = performance.now();
    progress?.begin('zwgk：检查工作区', 0, '查找文稿', true);
    try {
      const candidates = await index.candidates(folders, () => !!token?.isCancellationRequested);
      // Pass 1: which files are drafts (open ones by their buffer); drafts go into the index first, so that
      // cross-document rules see every one of them.
      const drafts: string[] = [];
      const skip = (file: string, reason: DraftReason) => {
        result.skipped++;
        result.skippedReasons[reason] = (result.skippedReasons[reason] ?? 0) + 1;
        if (result.skippedFiles.length < MAX_SKIPPED_LISTED) result.skippedFiles.push(file);
      };
      let last = performance.now();
      for (let i = 0; i < candidates.length; i++) {
        if (token?.isCancellationRequested) {
          result.cancelled = true;
          return result;
        }
        const file = candidates[i];
        const uri = draftUri(file);
        const open = documents.get(uri);
        const text = open ? open.getText() : await readText(file);
        if (text === undefined) continue;
        const settings = await this.deps.settingsFor(uri);
        if (!settings.enable) {
          if (!open) await this.clear(uri);
          continue;
        }
        const config = configs.forDocument(file, settings);
        const status = draftStatus({
          text: draftText(file, text), fileName: file, format: draftFormat(uri, open?.languageId ?? ''), governed: config.governed, ignored: config.ignored,
          all: settings.lintAllDocuments,
        });
        if (!status.draft) {
          skip(file, status.reason);
          if (!open) await this.clear(uri);
          continue;
        }
        drafts.push(file);
        if (!open && !config.governed && !settings.lintAllDocuments) index.addFound(file, draftText(file, text));
        if (performance.now() - last > 100) {
          last = performance.now();
          progress?.report(Math.round(((i + 1) / candidates.length) * 30), `查找文稿 ${i + 1}/${candidates.length}`);
          await yieldNow();
        }
      }
      // Pass 2: lint the closed drafts from disk; open ones are already published by the scheduler.
      for (let i = 0; i < drafts.length; i++) {
        if (token?.isCancellationRequested) {
          result.cancelled = true;
          break;
        }
        const file = drafts[i];
        const uri = draftUri(file);
        const open = documents.get(uri);
        if (open) {
          const a = await this.deps.analyzeOpen(open);
          if (a.draft) count(result, a);
          continue;
        }
        const text = await readText(file);
        if (text === undefined) continue;
        const a = await this.analyzeClosed(uri, text);
        if (!a.draft) {
          await this.clear(uri);
          continue;
        }
        count(result, a);
        await this.publish(uri, a);
        if (performance.now() - last > 100) {
          last = performance.now();
          progress?.report(30 + Math.round(((i + 1) / drafts.length) * 70), `${i + 1}/${drafts.length}`);
        }
        await yieldNow();
      }
      // Published earlier, not found now (moved out, folder removed): cleared.
      const now = new Set(drafts.map(draftUri));
      for (const uri of [...this.published]) if (!now.has(uri) && !documents.get(uri)) await this.clear(uri);
      log.info(`zwgk: 检查工作区：${result.files} 份文稿，跳过 ${result.skipped} 个文件（${Math.round(performance.now() - t0)} ms）`);
      return result;
    } finally {
      progress?.done();
    }
  }
}
