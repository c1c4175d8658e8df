/**
 * `zwgk/ledger`: the 公开台账 of the workspace. Every file the index knows is read (an open editor's
 * buffer as it is now, else the file on disk); those that are drafts by the core's draftStatus (as for
 * lint-all) are parsed and handed to the core's ledger with the config that governs them — the
 * deadlines, 解读 status and pair gaps are the core's (the rules say the same).
 * Problem counts are left at 0 here: the editor shows problems in its own panel.
 */
import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ZwgkDocument, buildLedger, draftStatus, localDay, todayFromInput, sourceFormatOf, Calendar, type LedgerInput } from '../core';
import type { ConfigStore } from './config';
import type { SettingsStore } from './settings';
import { readDraftText, type WorkspaceIndex } from './workspace-index';
import { pathToUri } from './uri';
import { LEDGER, type LedgerParams, type LedgerResult } from './protocol';

export { LEDGER };

export interface LedgerDeps {
  index: WorkspaceIndex;
  configs: ConfigStore;
  settings: SettingsStore;
  documents: TextDocuments<TextDocument>;
  /**
   * Parsed drafts of the last request, by path: the view asks again after every lint, and a draft whose
   * text did not change is not parsed again (its profile and deadlines are cached on the document).
   */
  parsed?: ParsedDrafts;
}

export type ParsedDrafts = Map<string, { text: string; doc: ZwgkDocument }>;

const MAX_BYTES = 20 * 1024 * 1024;

/** An open editor's buffer as it is now, else the file on disk. */
async function textOf(file: string, documents: TextDocuments<TextDocument>): Promise<string | undefined> {
  const open = documents.get(pathToUri(file));
  if (open) return open.getText();
  return readDraftText(file, MAX_BYTES).catch(() => undefined);
}

export async function ledgerRequest(deps: LedgerDeps, params: LedgerParams | undefined): Promise<LedgerResult> {
  const given = (params?.today ?? '').trim();
  const today = given ? todayFromInput(given) : localDay(new Date());
  if (!today) return { error: `“今天”的日期无法识别：${given}（应写作 YYYY-MM-DD）` };
  const dueSoon = params?.dueSoonWorkdays;
  const inputs: LedgerInput[] = [];
  let calendar: Calendar | undefined;
  const seen: ParsedDrafts = new Map();
  for (const file of deps.index.files().sort()) {
    const text = await textOf(file, deps.documents);
    if (text === undefined) continue;
    try {
      const s = await deps.settings.get(pathToUri(file));
      if (!s.enable) continue;
      const c = deps.configs.forDocument(file, s);
      const format = sourceFormatOf(file) || /\.txt$/i.test(file) ? 'text' : 'markdown';
      // The same idea of a draft as lint-all and `zwgk lint .`: a README or a note without a catalogue
      // header in a folder without config is not in the 台账.
      if (!draftStatus({ text, fileName: file, format, governed: c.governed, ignored: c.ignored, all: s.lintAllDocuments }).draft) continue;
      calendar ??= c.calendar;
      const before = deps.parsed?.get(file);
      const doc = before && before.text === text && before.doc.format === format ? before.doc : new ZwgkDocument(text, file, format);
      seen.set(file, { text, doc });
      inputs.push({ doc, config: c.config });
    } catch {
      // A draft that cannot be parsed is left out; its problems show in the Problems panel.
    }
  }
  if (deps.parsed) {
    deps.parsed.clear();
    for (const [k, v] of seen) deps.parsed.set(k, v);
  }
  const ledger = buildLedger(inputs, {
    index: deps.index.drafts, calendar: calendar ?? new Calendar(), today,
    dueSoonWorkdays: typeof dueSoon === 'number' && Number.isInteger(dueSoon) && dueSoon >= 0 ? dueSoon : undefined,
  });
  return { ledger };
}
