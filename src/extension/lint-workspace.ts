/**
 * “zwgk: Lint All Drafts in the Workspace”: the server walks the workspace, checks every draft (the same
 * files `zwgk lint .` checks) and keeps their problems in the Problems panel; the summary says what was
 * checked and what was skipped, and lists the skipped files on request.
 */
import * as vscode from 'vscode';
import { WorkDoneProgress } from 'vscode-languageclient/node';
import { LINT_WORKSPACE, type LintWorkspaceResult } from '../server/protocol';
import type { Feature } from './feature';

const REASONS: Record<string, string> = {
  'no-metadata': '没有 .zwgkrc 配置，也没有足够的目录元数据',
  'project-file': '项目说明文件（README、CHANGELOG 等）',
  ignored: '被配置的 ignore 排除',
};

export const lintWorkspaceFeature: Feature = ({ context, output, runningClient }) => {
  const run = async (): Promise<LintWorkspaceResult | undefined> => {
    const c = await runningClient();
    if (!c) return undefined;
    let result: LintWorkspaceResult | undefined;
    try {
      result = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('zwgk: checking the drafts in the workspace'), cancellable: true },
        async (progress, token) => {
          const workDoneToken = `zwgk-lint-workspace-${Date.now()}-${Math.random().toString(36).slice(2)}`;
          let done = 0;
          const sub = c.onProgress(WorkDoneProgress.type, workDoneToken, (v) => {
            if (v.kind === 'end') return;
            const pct = typeof v.percentage === 'number' ? v.percentage : done;
            progress.report({ message: v.message, increment: Math.max(0, pct - done) });
            done = Math.max(done, pct);
          });
          try {
            return await c.sendRequest<LintWorkspaceResult>(LINT_WORKSPACE, { workDoneToken }, token);
          } finally {
            sub.dispose();
          }
        },
      );
    } catch (e) {
      const err = e as { code?: number; message?: string };
      // -32800: RequestCancelled (the user pressed Cancel before the server answered).
      if (err && err.code === -32800) return { files: 0, filesWithProblems: 0, errors: 0, warnings: 0, infos: 0, cancelled: true, skipped: 0, skippedReasons: {}, skippedFiles: [] };
      void vscode.window.showErrorMessage(vscode.l10n.t('zwgk: checking the workspace failed: {0}', err?.message ?? String(e)));
      return undefined;
    }
    if (!result) return undefined;
    const r = result;
    let summary = r.cancelled
      ? vscode.l10n.t('zwgk: cancelled after {0} drafts ({1} errors, {2} warnings so far).', r.files, r.errors, r.warnings)
      : vscode.l10n.t('zwgk: checked {0} drafts, {1} with problems — {2} errors, {3} warnings, {4} info.', r.files, r.filesWithProblems, r.errors, r.warnings, r.infos);
    if (r.skipped) summary += ' ' + vscode.l10n.t('Skipped {0} .md/.txt files that are not drafts.', r.skipped);
    const show = vscode.l10n.t('Show Problems (查看问题)');
    const skipped = vscode.l10n.t('Show Skipped Files (查看跳过的文件)');
    const actions = r.skipped ? [show, skipped] : [show];
    void vscode.window.showInformationMessage(summary, ...actions).then((pick) => {
      if (pick === show) void vscode.commands.executeCommand('workbench.actions.view.problems');
      if (pick === skipped) showSkipped(output, r);
    });
    return r;
  };
  context.subscriptions.push(vscode.commands.registerCommand('zwgk.lintWorkspace', run));
};

/** The skipped files in the zwgk output: why, and how to include them. */
function showSkipped(output: vscode.LogOutputChannel, r: LintWorkspaceResult): void {
  const root = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  const rel = (f: string) => (root && f.startsWith(root) ? f.slice(root.length + 1) : f);
  output.info(`跳过 ${r.skipped} 个不是文稿的 .md/.txt 文件：`);
  for (const [reason, n] of Object.entries(r.skippedReasons)) output.info(`  ${REASONS[reason] ?? reason}：${n} 个`);
  for (const f of r.skippedFiles) output.info(`  ${rel(f)}`);
  if (r.skipped > r.skippedFiles.length) output.info(`  ……另有 ${r.skipped - r.skippedFiles.length} 个`);
  output.info('文稿由 .zwgkrc 配置或目录元数据（至少两个目录字段，或“文档类型”）认定；设置 zwgk.lintAllDocuments 可检查全部文件（与 zwgk lint --all 相同）。');
  output.show(true);
}
