/**
 * Which folders hold a `.zwgkrc*` (a config governs its folder and everything below, as in the server):
 * what makes a workspace a zwgk workspace for the editor-only features (templates offered in an empty
 * draft). Kept current by a file watcher.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';

const CONFIG_GLOB = '**/.zwgkrc{.json,.yaml,.yml}';

export class ZwgkWorkspace implements vscode.Disposable {
  private dirs: string[] = [];
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly watcher = vscode.workspace.createFileSystemWatcher(CONFIG_GLOB);
  /** Resolves after the first search for config files. */
  readonly ready: Promise<void>;

  constructor() {
    const recheck = () => void this.recheck();
    this.watcher.onDidCreate(recheck);
    this.watcher.onDidDelete(recheck);
    this.ready = this.recheck();
  }

  private async recheck(): Promise<void> {
    const found = await vscode.workspace.findFiles(CONFIG_GLOB, '**/node_modules/**', 200);
    this.dirs = [...new Set(found.filter((u) => u.scheme === 'file').map((u) => path.dirname(u.fsPath)))];
    this.changed.fire();
  }

  /** A config file was just written here (before the watcher reports it). */
  add(dir: string): void {
    if (!this.dirs.includes(dir)) this.dirs.push(dir);
    this.changed.fire();
  }

  /** A .zwgkrc* in the file's folder or above it. */
  governs(uri: vscode.Uri): boolean {
    if (uri.scheme !== 'file') return false;
    const file = uri.fsPath;
    return this.dirs.some((d) => file.startsWith(d.endsWith(path.sep) ? d : d + path.sep));
  }

  /**
   * A document zwgk treats as a draft-to-be: a file governed by a config, an unsaved buffer in a workspace
   * with a config, or anything with `zwgk.lintAllDocuments`.
   */
  offersTemplates(doc: vscode.TextDocument): boolean {
    const settings = vscode.workspace.getConfiguration('zwgk', doc.uri);
    if (settings.get<boolean>('enable') === false) return false;
    if (settings.get<boolean>('lintAllDocuments') === true) return true;
    if (doc.uri.scheme === 'untitled') return this.dirs.length > 0;
    return this.governs(doc.uri);
  }

  dispose(): void {
    this.watcher.dispose();
    this.changed.dispose();
  }
}
