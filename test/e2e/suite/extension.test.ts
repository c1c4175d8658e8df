/**
 * zwgk inside a real VS Code: the extension under development, its language server and the
 * workspace fixture (test/e2e/workspace, copied fresh for every run).
 *   drafts/.zwgkrc.json      governs drafts/ (fullwidth-punctuation lowered to info)
 *   drafts/扶贫项目公示.md   phone, 文号 with [], a half-width comma
 *   drafts/待修复.md         only fixable problems (fix-all on save)
 *   drafts/救助公示.txt      a plain-text draft with a phone number
 *   drafts/未打开.md         never opened: only the lint-workspace command reports it
 *   notes/README.md          an ordinary note with a phone number: must stay silent
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  activate, byCode, closeAll, codeOf, execute, fileUri, hoverText, open, rangeOf, sleep, waitFor, waitForCode, workspaceRoot, zwgk,
  type ZwgkApi,
} from './helpers';

const POVERTY = 'drafts/扶贫项目公示.md';
const TO_FIX = 'drafts/待修复.md';
const RELIEF = 'drafts/救助公示.txt';
const UNOPENED = 'drafts/未打开.md';
const README = 'notes/README.md';

let api: ZwgkApi;

describe('zwgk in VS Code', function () {
  this.timeout(60_000);

  before(async () => {
    api = await activate();
  });

  afterEach(async () => {
    await closeAll();
  });

  it('activates in a workspace with drafts and starts the language server', () => {
    const ext = vscode.extensions.getExtension('zwgk.zwgk')!;
    assert.equal(ext.isActive, true);
    assert.equal(api.client.state, 2 /* State.Running */);
  });

  it('reports problems on a Markdown draft with rule codes, exact ranges, severities and rule links', async () => {
    const editor = await open(POVERTY);
    const doc = editor.document;
    const [phone] = await waitForCode(doc.uri, 'personal-phone');
    assert.deepEqual(phone.range, rangeOf(doc, '13812345678'));
    assert.equal(phone.severity, vscode.DiagnosticSeverity.Error);
    assert.match(phone.message, /手机号码/);
    assert.ok(typeof phone.code === 'object' && phone.code.target.toString().includes('personal-phone'), 'code links to the rule docs');

    const [docNumber] = byCode(doc.uri, 'doc-number-format');
    assert.ok(docNumber, 'doc-number-format reported');
    assert.deepEqual(docNumber.range, rangeOf(doc, '海府办函[2019]168号'));
    assert.equal(docNumber.severity, vscode.DiagnosticSeverity.Warning);

    // .zwgkrc.json lowers fullwidth-punctuation to info.
    const [comma] = byCode(doc.uri, 'fullwidth-punctuation');
    assert.ok(comma, 'fullwidth-punctuation reported');
    assert.equal(doc.getText(comma.range), ',');
    assert.equal(comma.severity, vscode.DiagnosticSeverity.Information);

    // Nothing zwgk reports on the correct parts (the landline, the masked-free table header …).
    for (const d of zwgk(doc.uri)) assert.notEqual(doc.getText(d.range), '0898-68723456');

    // The status bar item counts this draft's problems.
    const status = await waitFor('status bar counts', () => api.status()?.startsWith('$(error) 1 ') && api.status());
    assert.equal(status, '$(error) 1 $(warning) 1 zwgk');
  });

  it('reports problems on a plain-text draft (catalogue header)', async () => {
    const editor = await open(RELIEF);
    const [phone] = await waitForCode(editor.document.uri, 'personal-phone');
    assert.deepEqual(phone.range, rangeOf(editor.document, '13612345678'));
  });

  it('hover on a problem shows the rule and the verbatim clause', async () => {
    const editor = await open(POVERTY);
    const [phone] = await waitForCode(editor.document.uri, 'personal-phone');
    const hovers = await execute<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, phone.range.start.translate(0, 2));
    const text = hoverText(hovers);
    assert.match(text, /条例 第十五条|第十五条/);
    assert.ok(text.includes('涉及商业秘密、个人隐私等公开会对第三方合法权益造成损害的政府信息'), `clause text in hover:\n${text}`);
  });

  it('a quick fix edits the document (masks the phone number)', async () => {
    const editor = await open(POVERTY);
    const doc = editor.document;
    const [phone] = await waitForCode(doc.uri, 'personal-phone');
    const actions = await execute<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, phone.range, vscode.CodeActionKind.QuickFix.value);
    // The built-in Markdown extension offers actions too: take the one whose edit replaces exactly the
    // reported number by its masked form (the command's result carries no diagnostics to match on).
    const fix = actions.find((a) => a.edit?.get(doc.uri).some((e) => e.range.isEqual(phone.range) && e.newText === '138****5678'));
    assert.ok(fix, `no zwgk quick fix among: ${actions.map((a) => a.title).join(' | ')}`);
    assert.equal(fix.kind?.value, 'quickfix');
    assert.match(fix.title, /138\*{4}5678/);
    assert.ok(await vscode.workspace.applyEdit(fix.edit!));
    assert.ok(doc.getText().includes('| 138****5678 |'), 'phone masked');
    assert.ok(!doc.getText().includes('13812345678'));
    await waitFor('personal-phone gone after the fix', () => byCode(doc.uri, 'personal-phone').length === 0);
    // Other actions: disabling the rule for the line / file.
    const titles = actions.map((a) => a.title).join(' | ');
    assert.match(titles, /禁用规则 personal-phone/);
  });

  it('fixes every fixable problem on save with editor.codeActionsOnSave: source.fixAll.zwgk', async () => {
    await vscode.workspace.getConfiguration('editor', { languageId: 'markdown' })
      .update('codeActionsOnSave', { 'source.fixAll.zwgk': 'explicit' }, vscode.ConfigurationTarget.Workspace, true);
    try {
      const editor = await open(TO_FIX);
      const doc = editor.document;
      await waitForCode(doc.uri, 'personal-phone');
      await editor.edit((b) => b.insert(doc.positionAt(doc.getText().length), '\n'));
      assert.ok(await doc.save(), 'saved');
      const onDisk = fs.readFileSync(fileUri(TO_FIX).fsPath, 'utf8');
      assert.ok(onDisk.includes('根据海府办函〔2019〕168号的要求，于2026年3月2日起公示。'), `文号 and date fixed on disk:\n${onDisk}`);
      assert.ok(onDisk.includes('| 139****4321 |'), 'phone masked on disk');
      await waitFor('no fixable problem left', () => zwgk(doc.uri).filter((d) => ['personal-phone', 'doc-number-format', 'date-format'].includes(codeOf(d)!)).length === 0);
    } finally {
      await vscode.workspace.getConfiguration('editor', { languageId: 'markdown' })
        .update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Workspace, true);
    }
  });

  it('a snippet expands into the template (Markdown and plain text)', async () => {
    const md = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
    await vscode.window.showTextDocument(md);
    await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'markdown', name: '政策解读' });
    const text = md.getText();
    assert.match(text, /^---\n标题: 关于《海口市某某管理办法》的解读\n文档类型: 政策解读\n/);
    for (const h of ['## 一、背景依据', '## 九、新旧政策差异', '## 十、政策简明问答']) assert.ok(text.includes(h), h);

    const txt = await vscode.workspace.openTextDocument({ language: 'plaintext', content: '' });
    await vscode.window.showTextDocument(txt);
    await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'plaintext', name: '年度报告' });
    const t = txt.getText();
    assert.match(t, /^标题: 某某机关2025年政府信息公开工作年度报告\n/);
    assert.match(t, /^一、总体情况$/m);
    assert.match(t, /^六、其他需要报告的事项$/m);
    assert.ok(!t.includes('## '), 'no Markdown heading marks in plain text');
  });

  it('snippet prefixes are offered in completion (zwgk-jiedu)', async () => {
    const md = await vscode.workspace.openTextDocument({ language: 'markdown', content: 'zwgk-jie' });
    await vscode.window.showTextDocument(md);
    const list = await execute<vscode.CompletionList>('vscode.executeCompletionItemProvider', md.uri, new vscode.Position(0, 8));
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(labels.includes('zwgk-jiedu'), `zwgk-jiedu among ${labels.slice(0, 30).join(', ')}`);
  });

  it('zwgk.insertTemplate puts a template into a new draft, which the server checks', async () => {
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('zwgk.insertTemplate', { id: 'nianbao', target: 'new' });
    assert.ok(editor, 'an editor is returned');
    const doc = editor.document;
    assert.equal(doc.isUntitled, true);
    assert.equal(doc.languageId, 'markdown');
    const text = doc.getText();
    for (const p of ['## 一、总体情况', '## 三、收到和处理政府信息公开申请情况', '| 一、本年新收政府信息公开申请数量 |', '## 六、其他需要报告的事项']) assert.ok(text.includes(p), p);
    // The unfilled 索引号 placeholder is reported: the server checks unsaved drafts too.
    const [index] = await waitForCode(doc.uri, 'index-number-format');
    assert.ok(doc.getText(index.range).includes('流水号'));

    // Into the active (empty) plain-text editor at the cursor.
    const txt = await vscode.workspace.openTextDocument({ language: 'plaintext', content: '' });
    await vscode.window.showTextDocument(txt);
    await vscode.commands.executeCommand('zwgk.insertTemplate', 'fupin');
    assert.match(txt.getText(), /^标题: 某某镇某某扶贫项目公示\n/);
    assert.ok(txt.getText().includes('| 1 | 张某某 | 46**************36 | 138****1234 |'));

    // The metadata template goes on top of a draft that has none, wherever the cursor is.
    const note = await vscode.workspace.openTextDocument({ language: 'markdown', content: '# 某某通知\n\n正文。\n' });
    const noteEditor = await vscode.window.showTextDocument(note);
    noteEditor.selection = new vscode.Selection(2, 3, 2, 3);
    await vscode.commands.executeCommand('zwgk.insertTemplate', { id: 'meta' });
    assert.match(note.getText(), /^---\n标题: 标题\n文档类型: 其他\n[\s\S]*\n---\n\n# 某某通知\n\n正文。\n$/);
  });

  it('zwgk.lintWorkspace checks closed drafts and reports them in Problems', async () => {
    const unopened = fileUri(UNOPENED);
    assert.equal(zwgk(unopened).length, 0, 'nothing before the command');
    const result = await vscode.commands.executeCommand<{ files: number; errors: number; warnings: number; cancelled: boolean }>('zwgk.lintWorkspace');
    assert.ok(result, 'the command returns the summary');
    assert.equal(result.cancelled, false);
    assert.ok(result.files >= 4, `files: ${result.files}`);
    const [renamed] = await waitForCode(unopened, 'renamed-department');
    const text = fs.readFileSync(unopened.fsPath, 'utf8');
    const line = text.split('\n').findIndex((l) => l.includes('市卫计委'));
    assert.equal(renamed.range.start.line, line);
    assert.equal(renamed.range.start.character, text.split('\n')[line].indexOf('市卫计委'));
    // The README is no draft: the workspace lint leaves it alone too.
    assert.equal(zwgk(fileUri(README)).length, 0);
  });

  it('settings change severity (zwgk.rules) and turn rules off', async () => {
    const editor = await open(RELIEF);
    const uri = editor.document.uri;
    const cfg = () => vscode.workspace.getConfiguration('zwgk');
    await waitForCode(uri, 'personal-phone');
    try {
      await cfg().update('rules', { 'personal-phone': 'warning' }, vscode.ConfigurationTarget.Workspace);
      await waitFor('personal-phone as a warning', () => byCode(uri, 'personal-phone')[0]?.severity === vscode.DiagnosticSeverity.Warning);
      await cfg().update('rules', { 'personal-phone': 'off' }, vscode.ConfigurationTarget.Workspace);
      await waitFor('personal-phone off', () => byCode(uri, 'personal-phone').length === 0);
    } finally {
      await cfg().update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitFor('personal-phone back as an error', () => byCode(uri, 'personal-phone')[0]?.severity === vscode.DiagnosticSeverity.Error);
  });

  it('a plain README stays silent (no diagnostics, no zwgk hover, no status item)', async () => {
    const readme = await open(README);
    // Open a draft after it: once the draft is reported, the server has seen the README too.
    const draft = await open(RELIEF);
    await waitForCode(draft.document.uri, 'personal-phone');
    await vscode.window.showTextDocument(readme.document);
    await sleep(1500);
    assert.deepEqual(zwgk(readme.document.uri), []);
    const at = rangeOf(readme.document, '13812345678').start.translate(0, 2);
    const hovers = await execute<vscode.Hover[]>('vscode.executeHoverProvider', readme.document.uri, at);
    assert.doesNotMatch(hoverText(hovers), /第十五条|手机号码/);
    assert.equal(api.status(), undefined, 'no status bar item on a non-draft');
  });

  it('zwgk.explainRule opens the rule page with its clause', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('zwgk.explainRule', 'personal-phone');
    assert.ok(uri, 'a document is returned');
    const doc = await vscode.workspace.openTextDocument(uri);
    assert.match(doc.getText(), /^# personal-phone/m);
    assert.ok(doc.getText().includes('条例 第十五条'));
  });

  it('highlights 文号, dates, 《titles》 and catalogue keys with the grammars as contributed (VS Code\'s own TextMate engine)', async function () {
    // VS Code's tokenizer is not exposed to extensions; load the engine it uses (vscode-textmate +
    // vscode-oniguruma from its app root) with the grammars this extension contributes.
    const engine = await loadTextMate();
    if (!engine) this.skip();
    const { tm, onig } = engine!;
    const ext = vscode.extensions.getExtension('zwgk.zwgk')!;
    const grammars = (ext.packageJSON.contributes.grammars as { scopeName: string; path: string; injectTo?: string[]; language?: string }[]);
    const files = new Map<string, string>(grammars.map((g) => [g.scopeName, path.join(ext.extensionPath, g.path)]));
    files.set('text.html.markdown', path.join(vscode.env.appRoot, 'extensions', 'markdown-basics', 'syntaxes', 'markdown.tmLanguage.json'));
    const injections = (scope: string) => grammars.filter((g) => g.injectTo?.includes(scope)).map((g) => g.scopeName);
    const registry = new tm.Registry({
      onigLib: Promise.resolve({ createOnigScanner: (p: string[]) => new onig.OnigScanner(p), createOnigString: (s: string) => new onig.OnigString(s) }),
      loadGrammar: async (scope: string) => {
        const f = files.get(scope);
        return f && fs.existsSync(f) ? tm.parseRawGrammar(fs.readFileSync(f, 'utf8'), f) : null;
      },
      getInjections: injections,
    });
    const tokens = async (scope: string, text: string) => {
      const g = await registry.loadGrammar(scope);
      assert.ok(g, `grammar ${scope}`);
      let state = tm.INITIAL;
      const out: { c: string; t: string }[] = [];
      for (const line of text.split(/\r?\n/)) {
        const r = g.tokenizeLine(line, state);
        state = r.ruleStack;
        for (const t of r.tokens) out.push({ c: line.slice(t.startIndex, t.endIndex), t: t.scopes.join(' ') });
      }
      return out;
    };
    const scopesOf = (ts: { c: string; t: string }[], text: string) => ts.filter((t) => t.c === text).map((t) => t.t).join(' || ');
    const md = await tokens('text.html.markdown', fs.readFileSync(fileUri(POVERTY).fsPath, 'utf8'));
    assert.match(scopesOf(md, '海府办函'), /entity\.name\.tag\.docnumber\.agency\.zwgk/);
    assert.match(scopesOf(md, '2019'), /constant\.numeric\.year\.zwgk/);
    assert.match(scopesOf(md, '标题'), /keyword\.other\.key\.zwgk/);
    assert.match(scopesOf(md, '2026-03-02'), /constant\.numeric\.date\.zwgk/);
    const plain = grammars.find((g) => g.language === 'plaintext')!;
    const txt = await tokens(plain.scopeName, fs.readFileSync(fileUri(RELIEF).fsPath, 'utf8'));
    assert.match(scopesOf(txt, '索引号'), /keyword\.other\.key\.zwgk/);
    assert.match(scopesOf(txt, '2026-03-02'), /constant\.numeric\.date\.zwgk/);
    // Inline code in Markdown is left alone.
    const code = await tokens('text.html.markdown', '见 `海府办函〔2019〕168号` 与《条例》');
    assert.doesNotMatch(scopesOf(code, '海府办函'), /zwgk/);
    assert.match(scopesOf(code, '条例'), /string\.quoted\.title\.zwgk/);
  });

  it('zwgk.restartServer restarts the server and diagnostics come back', async () => {
    const editor = await open(RELIEF);
    await waitForCode(editor.document.uri, 'personal-phone');
    await vscode.commands.executeCommand('zwgk.restartServer');
    await waitFor('server running again', () => api.client.state === 2);
    await waitForCode(editor.document.uri, 'personal-phone');
  });

  it('zwgk.createConfig creates .zwgkrc.json with $schema, and opens an existing one', async () => {
    const root = workspaceRoot();
    const file = path.join(root, '.zwgkrc.json');
    assert.equal(fs.existsSync(file), false);
    try {
      const uri = await vscode.commands.executeCommand<vscode.Uri>('zwgk.createConfig');
      assert.equal(uri.fsPath, file);
      const cfg = JSON.parse(fs.readFileSync(file, 'utf8'));
      assert.match(cfg.$schema, /schemas\/zwgkrc\.schema\.json$/);
      assert.deepEqual(cfg.rules, {});
      assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, file);
      // A second call opens the same file and leaves it alone.
      fs.writeFileSync(file, '{ "rules": { "personal-phone": "warning" } }\n');
      const again = await vscode.commands.executeCommand<vscode.Uri>('zwgk.createConfig');
      assert.equal(again.fsPath, file);
      assert.equal(fs.readFileSync(file, 'utf8'), '{ "rules": { "personal-phone": "warning" } }\n');
    } finally {
      await closeAll();
      fs.rmSync(file, { force: true });
    }
  });
});

/** vscode-textmate and vscode-oniguruma as shipped with this VS Code (undefined when not found). */
let textMate: Promise<{ tm: any; onig: any } | undefined> | undefined;
function loadTextMate(): Promise<{ tm: any; onig: any } | undefined> {
  textMate ??= (async () => {
    try {
      const req = createRequire(path.join(vscode.env.appRoot, 'package.json'));
      const tm = req('vscode-textmate');
      const onig = req('vscode-oniguruma');
      const wasm = fs.readFileSync(path.join(path.dirname(req.resolve('vscode-oniguruma')), 'onig.wasm'));
      await onig.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
      return { tm, onig };
    } catch (e) {
      console.log(`[zwgk e2e] VS Code's TextMate engine not found under ${vscode.env.appRoot}: ${(e as Error).message}`);
      return undefined;
    }
  })();
  return textMate;
}
