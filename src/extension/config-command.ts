/**
 * “zwgk: Create or Open .zwgkrc.json”: an existing config is opened, never overwritten; a new one is
 * written with the file system — not an editor edit that two Ctrl+Z would take back — with defaults that
 * leave a software project's own pages alone (README/CHANGELOG are never drafts; a `docs/` folder is
 * ignored when there is one) and no `$schema`: the extension validates `.zwgkrc*` itself
 * (`jsonValidation`), so nothing in the file is tied to one machine or one version.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Feature } from './feature';
import type { ZwgkWorkspace } from './workspace-state';

const CONFIG_FILE = '.zwgkrc.json';

async function exists(uri: vscode.Uri, type?: vscode.FileType): Promise<boolean> {
  try {
    const st = await vscode.workspace.fs.stat(uri);
    return type === undefined || (st.type & type) !== 0;
  } catch {
    return false;
  }
}

/** The text of a new config for `folder`. */
export async function defaultConfig(folder: vscode.Uri): Promise<string> {
  const ignore = (await exists(vscode.Uri.joinPath(folder, 'docs'), vscode.FileType.Directory)) ? ['docs/**'] : [];
  return JSON.stringify({ rules: {}, ignore }, null, 2) + '\n';
}

export function configFeature(state: ZwgkWorkspace): Feature {
  return ({ context }) => {
    const create = async (arg?: unknown): Promise<vscode.Uri | undefined> => {
      const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
      let folder: vscode.WorkspaceFolder | undefined;
      if (arg instanceof vscode.Uri) folder = vscode.workspace.getWorkspaceFolder(arg);
      if (!folder) {
        if (folders.length === 0) {
          void vscode.window.showErrorMessage(vscode.l10n.t('zwgk: open a folder first; .zwgkrc.json belongs in a workspace folder.'));
          return undefined;
        }
        folder = folders.length === 1 ? folders[0] : await vscode.window.showWorkspaceFolderPick({ placeHolder: vscode.l10n.t('Folder for .zwgkrc.json') });
      }
      if (!folder) return undefined;
      // An existing config (JSON or YAML) is opened, never overwritten.
      for (const name of [CONFIG_FILE, '.zwgkrc.yaml', '.zwgkrc.yml']) {
        const existing = vscode.Uri.joinPath(folder.uri, name);
        if (await exists(existing)) {
          await vscode.window.showTextDocument(existing);
          return existing;
        }
      }
      const file = vscode.Uri.joinPath(folder.uri, CONFIG_FILE);
      await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(await defaultConfig(folder.uri)));
      state.add(path.dirname(file.fsPath));
      const editor = await vscode.window.showTextDocument(file, { preview: false });
      // Cursor inside "rules": {}.
      const rulesLine = editor.document.getText().split('\n').findIndex((l) => l.includes('"rules"'));
      if (rulesLine >= 0) {
        const col = editor.document.lineAt(rulesLine).text.indexOf('{') + 1;
        editor.selection = new vscode.Selection(rulesLine, col, rulesLine, col);
      }
      return file;
    };
    context.subscriptions.push(vscode.commands.registerCommand('zwgk.createConfig', create));
  };
}
