/**
 * The status bar item: what VS Code does not show already — it counts problems itself — namely what zwgk
 * understood about the active draft: its kind (and why), then its next deadline or whether its 解读 is
 * found (`zwgk/documentInfo`). Hidden for files zwgk does not check. A click shows the details.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { State } from 'vscode-languageclient/node';
import { DOCUMENT_INFO, type DocumentInfo } from '../server/protocol';
import { LANGUAGES, type Feature } from './feature';

const ICON: Record<string, string> = { ok: '$(pass)', due: '$(calendar)', late: '$(warning)', missing: '$(warning)', info: '$(info)' };

export const statusFeature: Feature = ({ context, client }) => {
  const item = vscode.window.createStatusBarItem('zwgk.status', vscode.StatusBarAlignment.Right, 100);
  item.name = 'zwgk';
  item.command = 'zwgk.showDocumentInfo';
  context.subscriptions.push(item);
  let visible = false;
  let info: DocumentInfo | undefined;
  let seq = 0;
  let timer: NodeJS.Timeout | undefined;

  const hide = () => {
    item.hide();
    visible = false;
    info = undefined;
  };

  const update = async () => {
    const my = ++seq;
    const editor = vscode.window.activeTextEditor;
    if (!editor || !LANGUAGES.includes(editor.document.languageId) || client.state !== State.Running) return hide();
    let r: DocumentInfo | null = null;
    try {
      r = await (client as LanguageClient).sendRequest<DocumentInfo | null>(DOCUMENT_INFO, { uri: editor.document.uri.toString() });
    } catch {
      r = null;
    }
    if (my !== seq) return; // a newer update is under way
    if (!r || !r.draft || !r.kind) return hide();
    info = r;
    const next = r.items[0];
    // “其他” guessed from nothing says little: say that the kind is not known (the tooltip says how to declare it).
    const kind = r.kind.value === '其他' && r.kind.inferred ? vscode.l10n.t('kind not recognised (未识别类型)') : r.kind.value;
    item.text = `$(law) ${kind}${next ? ` · ${ICON[next.state] ?? ''} ${next.text}` : ''}`;
    const md = new vscode.MarkdownString(undefined, true);
    md.appendMarkdown(`**zwgk：${r.kind.value}**（${r.kind.reason}）\n\n`);
    if (r.kind.inferred) md.appendMarkdown(`${vscode.l10n.t('Declare it with a “文档类型: …” line in the metadata.')}\n\n`);
    for (const i of r.items) md.appendMarkdown(`- ${ICON[i.state] ?? ''} ${i.detail}\n`);
    md.appendMarkdown(`\n${vscode.l10n.t('Checked because: {0}', r.why)}`);
    item.tooltip = md;
    item.accessibilityInformation = { label: `zwgk ${r.kind.value}${next ? `，${next.text}` : ''}` };
    item.backgroundColor = next && (next.state === 'late' || next.state === 'missing') ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    item.show();
    visible = true;
  };
  const soon = (ms = 200) => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void update(), ms);
  };

  context.subscriptions.push(
    vscode.window.onDidChangeActiveTextEditor(() => soon(0)),
    // Diagnostics arrive after each lint: the kind, links and deadlines may have changed with the text.
    vscode.languages.onDidChangeDiagnostics((e) => {
      const uri = vscode.window.activeTextEditor?.document.uri.toString();
      if (uri && e.uris.some((u) => u.toString() === uri)) soon();
    }),
    vscode.workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration('zwgk')) soon(); }),
    client.onDidChangeState(() => soon(0)),
    vscode.commands.registerCommand('zwgk.showDocumentInfo', async () => {
      if (!info?.kind) return;
      const picks: vscode.QuickPickItem[] = [
        { label: `$(law) ${info.kind.value}`, detail: info.kind.reason },
        ...info.items.map((i) => ({ label: `${ICON[i.state] ?? ''} ${i.text}`, detail: i.detail })),
        { label: '', kind: vscode.QuickPickItemKind.Separator },
        { label: `$(info) ${vscode.l10n.t('Checked because: {0}', info.why)}` },
      ];
      await vscode.window.showQuickPick(picks, { title: vscode.l10n.t('zwgk: What zwgk Understood About This Draft (本文稿信息)') });
    }),
    { dispose: () => timer && clearTimeout(timer) },
  );
  soon(0);
  return { status: () => (visible ? item.text : undefined), statusTooltip: () => (visible && item.tooltip instanceof vscode.MarkdownString ? item.tooltip.value : undefined) };
};
