/**
 * `zwgk/ledger`: the 公开台账 of the workspace. Every draft the index knows is read (an open editor's
 * buffer as it is now, else the file on disk) that is a draft by the core's draftStatus, parsed, and handed to the core's ledger with the config
 * that governs it — the deadlines, 解读 status and pair gaps are the core's (the rules say the same).
 * Problem counts are left at 0 here: the editor shows problems in its own panel.
 */
import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ZwgkDocument, buildLedger, parseDate, sourceFormatOf, Calendar, type LedgerInput } from '../core';
import { draftStatus } from '../core/draft-status';
import type { ConfigStore } from './config';
import type { SettingsStore } from './settings';
import type { WorkspaceIndex } from './workspace-index';
import { decodeDraft } from './workspace-index';
import { readForIndex } from './sources';
import { pathToUri } from './uri';
import { LEDGER, type LedgerParams, type LedgerResult } from './protocol';
import { promises as fsp } from 'node:fs';

export { LEDGER };

export interface LedgerDeps {
  index: WorkspaceIndex;
  configs: ConfigStore;
  settings: SettingsStore;
  documents: TextDocuments<TextDocument>;
}

const MAX_BYTES = 20 * 1024 * 1024;

function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

async function textOf(file: string, documents: TextDocuments<TextDocument>): Promise<string | undefined> {
  const open = documents.get(pathToUri(file));
  if (open) return open.getText();
  try {
    if (sourceFormatOf(file)) return await readForIndex(file);
    const st = await fsp.stat(file);
    if (!st.isFile() || st.size > MAX_BYTES) return undefined;
    return decodeDraft(await fsp.readFile(file));
  } catch {
    return undefined;
  }
}

export async function ledgerRequest(deps: LedgerDeps, params: LedgerParams | undefined): Promise<LedgerResult> {
  const today = (params?.today ?? '').trim() || localToday();
  const d = parseDate(today);
  if (!/^\d{4}-\d{1,2}-\d{1,2}$/.test(today) || !d || !d.valid) return { error: `“今天”的日期无法识别：${today}（应写作 YYYY-MM-DD）` };
  const dueSoon = params?.dueSoonWorkdays;
  const inputs: LedgerInput[] = [];
  let calendar: Calendar | undefined;
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
      inputs.push({ doc: new ZwgkDocument(text, file, format), config: c.config });
    } catch {
      // A draft that cannot be parsed is left out; its problems show in the Problems panel.
    }
  }
  const ledger = buildLedger(inputs, {
    index: deps.index.drafts, calendar: calendar ?? new Calendar(), today,
    dueSoonWorkdays: typeof dueSoon === 'number' && Number.isInteger(dueSoon) && dueSoon >= 0 ? dueSoon : undefined,
  });
  return { ledger };
}
