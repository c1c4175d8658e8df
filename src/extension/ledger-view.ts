/**
 * The 政务公开台账 view (its own activity-bar container): the workspace's ledger from the server
 * (`zwgk/ledger`), grouped by state — 逾期, 即将到期, 缺少解读, 解读未同步, 无法计算, 按期 — and by kind.
 * Each entry opens its draft at the line that matters (the date done or the date the period starts, the
 * title for a missing 解读, the 发布日期 for a pair out of step). Refreshed after each lint (diagnostics
 * change), on save and on file events, only while the view is visible.
 *
 * "Today" is the local date; `zwgk.refreshLedger` takes `{ today: 'YYYY-MM-DD' }` to fix it (tests, or
 * a look at how the ledger will stand on a later day); `{ today: '' }` returns to the real date.
 */
import * as vscode from 'vscode';
import { State } from 'vscode-languageclient/node';
import { LEDGER, type LedgerParams, type LedgerResult } from '../server/protocol';
import type { Ledger, LedgerDeadline, LedgerEntry } from '../core/ledger';
import type { Feature } from './feature';

type GroupId = 'late' | 'due-soon' | 'missing' | 'out-of-sync' | 'unknown' | 'on-time';

const GROUPS: { id: GroupId; label: string; icon: string; color?: string }[] = [
  { id: 'late', label: '逾期', icon: 'error', color: 'errorForeground' },
  { id: 'due-soon', label: '即将到期', icon: 'watch', color: 'editorWarning.foreground' },
  { id: 'missing', label: '缺少解读', icon: 'question', color: 'editorWarning.foreground' },
  { id: 'out-of-sync', label: '解读未同步', icon: 'git-compare', color: 'editorWarning.foreground' },
  { id: 'unknown', label: '无法计算', icon: 'circle-slash' },
  { id: 'on-time', label: '按期', icon: 'pass', color: 'testing.iconPassed' },
];

/** One row of the tree: a group, or a draft (with the line it opens at). */
export interface LedgerNode {
  kind: 'root' | 'group' | 'draft';
  /** Stable and unique in the tree (its place: root / group / draft and line), so expansion follows the node. */
  id?: string;
  label: string;
  description?: string;
  tooltip?: string;
  icon?: string;
  color?: string;
  path?: string;
  line?: number;
  children?: LedgerNode[];
}

function left(d: LedgerDeadline): string {
  if (d.done) return d.late ? d.late.text.replace(/^，/, '') : `${d.done} 已完成`;
  if (d.workdaysLeft !== undefined) return d.workdaysLeft < 0 ? `已过${-d.workdaysLeft}个工作日` : d.workdaysLeft === 0 ? '今天到期' : `剩${d.workdaysLeft}个工作日`;
  return d.state === 'unknown' ? '无法计算' : '';
}

function deadlineText(d: LedgerDeadline): string {
  return [d.label, d.due ? `截止${d.due}` : '', left(d)].filter(Boolean).join(' · ');
}

function draftNode(e: LedgerEntry, label: string, description: string, line: number, icon: string, color?: string): LedgerNode {
  const lines = [e.title, `${e.kind}${e.publisher ? ` · ${e.publisher}` : ''}`];
  if (e.issued || e.published) lines.push([e.issued ? `成文日期 ${e.issued}` : '', e.published ? `发布日期 ${e.published}` : ''].filter(Boolean).join('；'));
  for (const d of e.deadlines) lines.push(`${d.label}（${d.period}，${d.clause}）：${deadlineText(d)}`);
  for (const p of e.pairs) lines.push(`${e.role === 'policy' ? '解读' : '政策文件'} ${p.title}：${p.sync === 'in-sync' ? '同步' : p.sync === 'out-of-sync' ? `相差${Math.abs(p.gapWorkdays ?? p.gapDays ?? 0)}${p.gapWorkdays !== undefined ? '个工作日' : '天'}` : p.sync === 'unknown' ? '无法计算' : '缺发布日期'}`);
  return { kind: 'draft', label, description, tooltip: lines.join('\n'), icon, color, path: e.path, line };
}

/** The tree as plain data (what the view shows; the e2e tests read it too). */
export function ledgerTree(ledger: Ledger): LedgerNode[] {
  const byGroup = new Map<GroupId, LedgerNode[]>(GROUPS.map((g) => [g.id, []]));
  for (const e of ledger.entries) {
    for (const d of e.deadlines) {
      const g = GROUPS.find((x) => x.id === d.state)!;
      byGroup.get(d.state)!.push(draftNode(e, e.title, deadlineText(d), d.line, g.icon, g.color));
    }
    if (e.interpretation === 'missing' || e.interpretation === 'broken-link') {
      byGroup.get('missing')!.push(draftNode(e, e.title, e.interpretation === 'missing' ? `${e.kind} · 没有找到解读` : '解读链接失效', e.titleLine, 'question', 'editorWarning.foreground'));
    }
    if (e.role === 'policy') {
      for (const p of e.pairs) {
        if (p.sync !== 'out-of-sync') continue;
        const gap = p.gapWorkdays !== undefined ? `${Math.abs(p.gapWorkdays)}个工作日` : `${Math.abs(p.gapDays ?? 0)}天`;
        byGroup.get('out-of-sync')!.push(draftNode(e, e.title, `解读${(p.gapDays ?? 0) > 0 ? '晚' : '早'}${gap}`, e.publishedLine, 'git-compare', 'editorWarning.foreground'));
      }
    }
  }
  const states: LedgerNode[] = GROUPS.filter((g) => byGroup.get(g.id)!.length).map((g) => ({
    kind: 'group', label: g.label, description: String(byGroup.get(g.id)!.length), icon: g.icon, color: g.color, children: byGroup.get(g.id)!,
  }));
  const kinds = new Map<string, LedgerNode[]>();
  for (const e of ledger.entries) {
    const worst = e.state;
    const first = e.deadlines.find((d) => d.state === worst) ?? e.deadlines[0];
    const g = worst ? GROUPS.find((x) => x.id === worst)! : undefined;
    const desc = first ? deadlineText(first) : e.interpretation === 'missing' ? '没有找到解读' : e.published ? `发布日期 ${e.published}` : '';
    const list = kinds.get(e.kind) ?? [];
    list.push(draftNode(e, e.title, desc, first ? first.line : e.titleLine, e.interpretation === 'missing' ? 'question' : g?.icon ?? 'file', e.interpretation === 'missing' ? 'editorWarning.foreground' : g?.color));
    kinds.set(e.kind, list);
  }
  const byKind: LedgerNode[] = [...kinds].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0])).map(([k, list]) => ({ kind: 'group', label: k, description: String(list.length), icon: 'symbol-folder', children: list }));
  const ids = (nodes: LedgerNode[], parent: string) => {
    nodes.forEach((n, i) => {
      // Groups by label (their expansion follows them); drafts by place, as one draft can appear twice.
      n.id = `${parent}/${n.path ? `${i}:${n.path}#${n.line}` : n.label}`;
      if (n.children) ids(n.children, n.id);
    });
  };
  const roots: LedgerNode[] = [
    { kind: 'root', label: '按状态', description: `统计日期 ${ledger.today}`, icon: 'pulse', children: states.length ? states : [{ kind: 'group', label: '没有适用的期限', icon: 'info' }] },
    { kind: 'root', label: '按类型', description: `${ledger.entries.length} 份文稿`, icon: 'list-tree', children: byKind },
  ];
  ids(roots, 'zwgk');
  return roots;
}

class Provider implements vscode.TreeDataProvider<LedgerNode> {
  private readonly changed = new vscode.EventEmitter<LedgerNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  roots: LedgerNode[] = [];
  private shown = '';

  /** Redraws only when something changed: a refresh after every lint keeps selection and focus. */
  set(roots: LedgerNode[]): void {
    const key = JSON.stringify(roots);
    this.roots = roots;
    if (key === this.shown) return;
    this.shown = key;
    this.changed.fire(undefined);
  }

  getChildren(n?: LedgerNode): LedgerNode[] {
    return n ? n.children ?? [] : this.roots;
  }

  getTreeItem(n: LedgerNode): vscode.TreeItem {
    const expand = n.kind === 'root' ? vscode.TreeItemCollapsibleState.Expanded
      : n.children?.length ? (n.label === '逾期' || n.label === '即将到期' ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed)
      : vscode.TreeItemCollapsibleState.None;
    const item = new vscode.TreeItem(n.label, expand);
    item.id = n.id;
    item.description = n.description;
    item.tooltip = n.tooltip;
    if (n.icon) item.iconPath = new vscode.ThemeIcon(n.icon, n.color ? new vscode.ThemeColor(n.color) : undefined);
    if (n.path) {
      const uri = vscode.Uri.file(n.path);
      item.resourceUri = uri;
      item.contextValue = 'zwgk.ledgerDraft';
      const line = Math.max(0, (n.line ?? 1) - 1);
      item.command = { command: 'vscode.open', title: '打开', arguments: [uri, { selection: new vscode.Range(line, 0, line, 0), preview: true }] };
    }
    return item;
  }
}

export const ledgerFeature: Feature = ({ context, client, output }) => {
  const provider = new Provider();
  const view = vscode.window.createTreeView('zwgk.ledger', { treeDataProvider: provider, showCollapseAll: true });
  context.subscriptions.push(view);
  let today: string | undefined;
  let last: Ledger | undefined;
  let timer: NodeJS.Timeout | undefined;
  let seq = 0;
  let pending: Promise<void> = Promise.resolve();

  const refresh = async (): Promise<void> => {
    const my = ++seq;
    if (client.state !== State.Running) return;
    let r: LedgerResult | null = null;
    try {
      r = await client.sendRequest<LedgerResult | null>(LEDGER, { today } satisfies LedgerParams);
    } catch (e) {
      output.warn(`zwgk/ledger: ${e instanceof Error ? e.message : String(e)}`);
      return;
    }
    if (my !== seq || !r) return;
    if ('error' in r) {
      view.message = r.error;
      return;
    }
    last = r.ledger;
    const c = r.ledger.counts;
    view.message = undefined;
    view.description = `${r.ledger.today}`;
    view.badge = c.byState.late + c.byState['due-soon'] > 0
      ? { value: c.byState.late + c.byState['due-soon'], tooltip: vscode.l10n.t('{0} late, {1} due soon', c.byState.late, c.byState['due-soon']) }
      : undefined;
    provider.set(ledgerTree(r.ledger));
  };
  const soon = (ms = 600) => {
    if (!view.visible) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => { pending = refresh(); }, ms);
  };

  context.subscriptions.push(
    view.onDidChangeVisibility((e) => { if (e.visible) soon(0); }),
    // Diagnostics arrive after each lint: a date, a link or a title may have changed with the text.
    vscode.languages.onDidChangeDiagnostics(() => soon()),
    vscode.workspace.onDidSaveTextDocument(() => soon()),
    vscode.workspace.onDidCreateFiles(() => soon()),
    vscode.workspace.onDidDeleteFiles(() => soon()),
    vscode.workspace.onDidRenameFiles(() => soon()),
    client.onDidChangeState((e) => { if (e.newState === State.Running) soon(0); }),
    vscode.commands.registerCommand('zwgk.refreshLedger', async (args?: { today?: string }) => {
      if (args && typeof args === 'object' && 'today' in args) today = args.today ? String(args.today) : undefined;
      if (timer) clearTimeout(timer);
      pending = refresh();
      await pending;
      return last;
    }),
    { dispose: () => timer && clearTimeout(timer) },
  );
  return {
    /** The tree as shown (plain data), after any refresh under way. */
    ledgerTree: async () => { await pending; return provider.roots; },
    ledgerVisible: () => view.visible,
  };
};
