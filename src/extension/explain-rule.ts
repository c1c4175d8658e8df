/**
 * “zwgk: Explain a Rule…”, also what a rule link runs (a diagnostic's code, the link in a hover): the rule
 * page shipped inside the extension, in a locked Markdown preview — offline, and it stays put when
 * another file is opened (an unlocked preview would follow the active editor).
 */
import * as vscode from 'vscode';
import { EXPLAIN_RULE, LIST_RULES, type ExplainRuleResult, type RuleSummary } from '../server/protocol';
import { EXPLAIN_COMMAND } from './client';
import { SOURCE, type Feature } from './feature';

interface RuleItem extends vscode.QuickPickItem { rule?: RuleSummary }

export function codeOf(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  if (c === undefined) return undefined;
  return typeof c === 'object' ? String(c.value) : String(c);
}

async function pickRule(rules: RuleSummary[]): Promise<RuleSummary | undefined> {
  const active = vscode.window.activeTextEditor;
  // Rules reported at the cursor come first.
  const here = active
    ? vscode.languages.getDiagnostics(active.document.uri)
        .filter((d) => d.source === SOURCE && d.range.contains(active.selection.active))
        .map((d) => codeOf(d))
    : [];
  const items: RuleItem[] = [];
  const byCategory = new Map<string, RuleSummary[]>();
  for (const r of rules) {
    if (!byCategory.has(r.category)) byCategory.set(r.category, []);
    byCategory.get(r.category)!.push(r);
  }
  const item = (r: RuleSummary): RuleItem => ({
    label: r.id,
    description: `${r.title} · ${r.defaultSeverity}`,
    detail: `${r.description} （${r.clauses.join('；')}）`,
    rule: r,
  });
  const atCursor = rules.filter((r) => here.includes(r.id));
  if (atCursor.length) items.push({ label: vscode.l10n.t('At the cursor'), kind: vscode.QuickPickItemKind.Separator }, ...atCursor.map(item));
  for (const [category, list] of byCategory) items.push({ label: category, kind: vscode.QuickPickItemKind.Separator }, ...list.map(item));
  const pick = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('zwgk: Explain a Rule (解释规则)'),
    placeHolder: vscode.l10n.t('Rule id, title or clause (e.g. personal-phone, 同步解读, 第十五条)'),
    matchOnDescription: true,
    matchOnDetail: true,
  });
  return pick?.rule;
}

export const explainRuleFeature: Feature = ({ context, runningClient }) => {
  const explain = async (ruleId?: string): Promise<vscode.Uri | undefined> => {
    const c = await runningClient();
    if (!c) return undefined;
    const rules = await c.sendRequest<RuleSummary[]>(LIST_RULES);
    let rule = ruleId ? rules.find((r) => r.id === ruleId) : undefined;
    if (ruleId && !rule) {
      void vscode.window.showErrorMessage(vscode.l10n.t('zwgk: there is no rule “{0}”.', ruleId));
      return undefined;
    }
    rule ??= await pickRule(rules);
    if (!rule) return undefined;
    // The generated page ships with the extension; without it, the server's explanation.
    let uri = vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules', `${rule.id}.md`);
    try {
      await vscode.workspace.fs.stat(uri);
    } catch {
      const explained = await c.sendRequest<ExplainRuleResult | null>(EXPLAIN_RULE, { id: rule.id });
      uri = (await vscode.workspace.openTextDocument({ language: 'markdown', content: explained?.markdown ?? `# ${rule.id}` })).uri;
    }
    await vscode.commands.executeCommand('markdown.showPreview', uri, [uri], { locked: true });
    return uri;
  };
  // Rule links (EXPLAIN_COMMAND) pass the id as the only argument (`command:zwgk.explainRule?["personal-phone"]`).
  context.subscriptions.push(vscode.commands.registerCommand('zwgk.explainRule', (id?: unknown) => explain(typeof id === 'string' ? id : undefined)));
};
