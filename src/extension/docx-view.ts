/**
 * Word in VS Code, on the extension side (thin: requests to the language server, no engine):
 *   - a .docx opens as a read-only zwgk text view (`zwgk-docx:` virtual document, content from the
 *     server's `zwgk/docxText`), which the server lints — squiggles, hovers and Problems entries;
 *   - “导出为 Word 公文” asks the server to write the current Markdown/plain-text draft as a 公文 .docx.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { DOCX_SCHEME, DOCX_TEXT, EXPORT_DOCX, type DocxTextResult, type ExportDocxResult } from '../server/protocol';

/** The text view of a .docx file. */
export function docxViewUri(file: vscode.Uri): vscode.Uri {
  return file.with({ scheme: DOCX_SCHEME });
}

export function registerDocxView(context: vscode.ExtensionContext, client: () => Promise<LanguageClient | undefined>): void {
  const changed = new vscode.EventEmitter<vscode.Uri>();
  const provider: vscode.TextDocumentContentProvider = {
    onDidChange: changed.event,
    async provideTextDocumentContent(uri) {
      const c = await client();
      if (!c) return vscode.l10n.t('zwgk: the language server is not running, so the Word file cannot be shown.');
      const r = await c.sendRequest<DocxTextResult>(DOCX_TEXT, { uri: uri.toString() });
      return 'text' in r ? r.text : vscode.l10n.t('zwgk cannot read this Word file: {0}', r.error);
    },
  };
  // Refresh an open view when its .docx changes on disk.
  const watcher = vscode.workspace.createFileSystemWatcher('**/*.docx');
  const refresh = (u: vscode.Uri) => changed.fire(docxViewUri(u));
  context.subscriptions.push(
    changed, watcher, watcher.onDidChange(refresh), watcher.onDidCreate(refresh),
    vscode.workspace.registerTextDocumentContentProvider(DOCX_SCHEME, provider),
    vscode.window.registerCustomEditorProvider('zwgk.docxView', {
      openCustomDocument: (uri) => ({ uri, dispose: () => undefined }),
      async resolveCustomEditor(doc: vscode.CustomDocument, panel: vscode.WebviewPanel) {
        // A .docx is shown as its text, in a regular (read-only) editor where zwgk's diagnostics appear.
        panel.webview.html = '<!DOCTYPE html><html><body></body></html>';
        await vscode.window.showTextDocument(docxViewUri(doc.uri), { viewColumn: panel.viewColumn, preview: false });
        panel.dispose();
      },
    }, { supportsMultipleEditorsPerDocument: true }),
    vscode.commands.registerCommand('zwgk.openDocxView', async (arg?: unknown) => {
      const file = arg instanceof vscode.Uri ? arg : (await vscode.window.showOpenDialog({ filters: { Word: ['docx'] }, canSelectMany: false }))?.[0];
      if (!file) return undefined;
      return vscode.window.showTextDocument(docxViewUri(file), { preview: false });
    }),
    vscode.commands.registerCommand('zwgk.exportDocx', (arg?: unknown) => exportDocx(client, arg instanceof vscode.Uri ? arg : undefined)),
  );
}

async function exportDocx(client: () => Promise<LanguageClient | undefined>, target?: vscode.Uri): Promise<ExportDocxResult | undefined> {
  const uri = target ?? vscode.window.activeTextEditor?.document.uri;
  if (!uri || uri.scheme !== 'file' || !/\.(md|txt)$/i.test(uri.fsPath)) {
    void vscode.window.showErrorMessage(vscode.l10n.t('zwgk: open a saved Markdown or plain-text draft to export it as a Word document.'));
    return undefined;
  }
  const c = await client();
  if (!c) return undefined;
  let r = await c.sendRequest<ExportDocxResult>(EXPORT_DOCX, { uri: uri.toString() });
  if (r.exists && r.path) {
    const overwrite = vscode.l10n.t('Overwrite');
    const pick = await vscode.window.showWarningMessage(vscode.l10n.t('{0} already exists. Overwrite it?', r.path), { modal: true }, overwrite);
    if (pick !== overwrite) return r;
    r = await c.sendRequest<ExportDocxResult>(EXPORT_DOCX, { uri: uri.toString(), force: true });
  }
  if (r.error || !r.path) {
    void vscode.window.showErrorMessage(vscode.l10n.t('zwgk: export failed: {0}', r.error ?? ''));
    return r;
  }
  const open = vscode.l10n.t('Open the Word View');
  const msg = r.differences?.length
    ? vscode.l10n.t('zwgk: exported {0}, but reading it back found {1} differences (see the zwgk output).', r.path, r.differences.length)
    : vscode.l10n.t('zwgk: exported {0} (GB/T 9704-2012 layout); read back: the same text, metadata and {1} findings.', r.path, r.messages ?? 0);
  void (r.differences?.length ? vscode.window.showWarningMessage(msg, open) : vscode.window.showInformationMessage(msg, open)).then((pick) => {
    if (pick === open) void vscode.window.showTextDocument(docxViewUri(vscode.Uri.file(r.path!)), { preview: false });
  });
  return r;
}
