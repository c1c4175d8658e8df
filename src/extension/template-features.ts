/**
 * Templates a drafter meets without knowing they exist:
 *   - “zwgk: Insert Template…” (palette, editor context menu);
 *   - an empty draft in a zwgk workspace shows a row of code lenses above its first line — 政策文件 ·
 *     政策解读 · 年度报告 · … · 更多模板… — one click fills the file. Chosen over a first-line hint (a
 *     decoration cannot be clicked) and over turning on quick suggestions for all Markdown (which would
 *     change every Markdown project): a lens appears only in an empty .md/.txt that zwgk checks, and
 *     goes away with the first character typed;
 *   - typing `zwgk-` opens the template list at once (`-` triggers it, no Ctrl+Space), in any
 *     Markdown or plain-text file: whoever types the prefix asks for a template.
 * The command and these fill in `${LAST_YEAR}` with the real year before this one (the snippet files
 * compute it with a transform); 发布日期 is left for the drafter, so that no deadline fires on a fresh
 * template.
 */
import * as vscode from 'vscode';
import { TEMPLATES, getTemplate, renderTemplate, withLastYear, type Template, type TemplateFormat } from './templates';
import { catalogueKeysIn } from '../core/meta-keys';
import { LANGUAGES, type Feature } from './feature';
import type { ZwgkWorkspace } from './workspace-state';

/** The templates offered directly in an empty draft (the others are one click further). */
const LENS_TEMPLATES = ['zhengce', 'jiedu', 'nianbao', 'zhengqiu', 'fupin', 'dafu'];

const SELECTOR: vscode.DocumentSelector = LANGUAGES.flatMap((language) => [{ scheme: 'file', language }, { scheme: 'untitled', language }]);

interface TemplateItem extends vscode.QuickPickItem { template: Template }

interface InsertArgs {
  /** Template id (`jiedu`) or name (`政策解读`). */
  id?: string;
  /** `cursor`: into the active editor; `new`: a new untitled document. Default: decided as below. */
  target?: 'cursor' | 'new';
  /** For a new document: `markdown` (default) or `text`. */
  format?: TemplateFormat;
}

/** The snippet to insert, with the real year before this one. */
export function templateSnippet(t: Template, format: TemplateFormat, today = new Date()): vscode.SnippetString {
  return new vscode.SnippetString(withLastYear(renderTemplate(t, format), today.getFullYear() - 1) + (t.headerOnly ? '\n' : ''));
}

/**
 * The server's own test, cheaply: a draft's front matter / catalogue header names at least two known
 * keys, or its 文档类型 (one `标题:` alone does not make a README a draft).
 */
function looksLikeDraft(doc: vscode.TextDocument): boolean {
  const head = doc.getText(new vscode.Range(0, 0, 60, 0));
  const keys = catalogueKeysIn(head);
  return keys.size >= 2 || keys.has('文档类型');
}

async function insertTemplate(arg?: unknown): Promise<vscode.TextEditor | undefined> {
  const args: InsertArgs = typeof arg === 'string' ? { id: arg } : arg && typeof arg === 'object' ? (arg as InsertArgs) : {};
  let template = args.id ? getTemplate(args.id) ?? TEMPLATES.find((t) => t.name === args.id) : undefined;
  if (args.id && !template) {
    void vscode.window.showErrorMessage(vscode.l10n.t('zwgk: there is no template “{0}”.', args.id));
    return undefined;
  }
  if (!template) {
    const items: TemplateItem[] = TEMPLATES.map((t) => ({ label: t.name, description: t.prefixes.join(' · '), detail: t.description, template: t }));
    const pick = await vscode.window.showQuickPick(items, {
      title: vscode.l10n.t('zwgk: Insert Template (插入模板)'),
      placeHolder: vscode.l10n.t('Template (the same templates are snippets: type zwgk- or its Chinese name)'),
      matchOnDescription: true,
      matchOnDetail: true,
    });
    template = pick?.template;
  }
  if (!template) return undefined;

  const active = vscode.window.activeTextEditor;
  const usable = active && LANGUAGES.includes(active.document.languageId) ? active : undefined;
  const emptyDoc = usable !== undefined && usable.document.getText().trim() === '';
  // A whole-document template goes into an empty draft, or a new one; the metadata template goes on top.
  let target = args.target ?? (usable && (emptyDoc || template.headerOnly) ? 'cursor' : 'new');
  if (target === 'cursor' && !usable) target = 'new';
  let editor: vscode.TextEditor;
  let format: TemplateFormat;
  if (target === 'cursor' && usable) {
    editor = usable;
    format = usable.document.languageId === 'plaintext' ? 'text' : 'markdown';
  } else {
    format = args.format ?? (usable?.document.languageId === 'plaintext' ? 'text' : 'markdown');
    const doc = await vscode.workspace.openTextDocument({ language: format === 'text' ? 'plaintext' : 'markdown', content: '' });
    editor = await vscode.window.showTextDocument(doc);
  }
  let where: vscode.Position | vscode.Range = editor.selection.active;
  if (target === 'cursor' && emptyDoc) {
    // An empty draft is filled from the top, whatever whitespace it holds.
    where = new vscode.Range(new vscode.Position(0, 0), editor.document.lineAt(editor.document.lineCount - 1).range.end);
  } else if (template.headerOnly && target === 'cursor' && !looksLikeDraft(editor.document)) {
    where = new vscode.Position(0, 0); // the metadata goes on top of a draft that has none
  }
  await editor.insertSnippet(templateSnippet(template, format), where);
  return editor;
}

/** Code lenses over an empty draft: the common templates, and the picker. */
class EmptyDraftLenses implements vscode.CodeLensProvider {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(private readonly state: ZwgkWorkspace) {
    state.onDidChange(() => this.changed.fire());
  }

  provideCodeLenses(doc: vscode.TextDocument): vscode.CodeLens[] {
    if (doc.getText().trim() !== '' || !this.state.offersTemplates(doc)) return [];
    const top = new vscode.Range(0, 0, 0, 0);
    const lenses = [new vscode.CodeLens(top, { title: `$(file-add) ${vscode.l10n.t('zwgk template (模板):')}`, command: 'zwgk.insertTemplate', arguments: [{ target: 'cursor' }] })];
    for (const id of LENS_TEMPLATES) {
      const t = getTemplate(id);
      if (t) lenses.push(new vscode.CodeLens(top, { title: t.name, tooltip: t.description, command: 'zwgk.insertTemplate', arguments: [{ id, target: 'cursor' }] }));
    }
    lenses.push(new vscode.CodeLens(top, { title: vscode.l10n.t('More templates… (更多模板)'), command: 'zwgk.insertTemplate', arguments: [{ target: 'cursor' }] }));
    return lenses;
  }
}

/** `zwgk-` typed: every template, without Ctrl+Space. */
const templateCompletions: vscode.CompletionItemProvider = {
  provideCompletionItems(doc, position, _token, context) {
    if (context.triggerKind !== vscode.CompletionTriggerKind.TriggerCharacter) return undefined;
    const before = doc.lineAt(position.line).text.slice(0, position.character);
    const m = /(?:^|[\s　])(zwgk-)$/.exec(before);
    if (!m) return undefined;
    const range = new vscode.Range(position.translate(0, -m[1].length), position);
    const format: TemplateFormat = doc.languageId === 'plaintext' ? 'text' : 'markdown';
    return TEMPLATES.map((t, i) => {
      const prefix = t.prefixes.find((p) => p.startsWith('zwgk-')) ?? `zwgk-${t.id}`;
      const item = new vscode.CompletionItem({ label: prefix, description: t.name }, vscode.CompletionItemKind.Snippet);
      item.detail = `zwgk：${t.name}`;
      item.documentation = t.description;
      item.insertText = templateSnippet(t, format);
      item.range = range;
      item.filterText = `${t.prefixes.join(' ')}`;
      item.sortText = String(i).padStart(3, '0');
      return item;
    });
  },
};

export function templateFeature(state: ZwgkWorkspace): Feature {
  return ({ context }) => {
    context.subscriptions.push(
      vscode.commands.registerCommand('zwgk.insertTemplate', (arg?: unknown) => insertTemplate(arg)),
      vscode.languages.registerCodeLensProvider(SELECTOR, new EmptyDraftLenses(state)),
      vscode.languages.registerCompletionItemProvider(SELECTOR, templateCompletions, '-'),
    );
  };
}
