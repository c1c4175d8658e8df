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
  activate, byCode, closeAll, codeOf, domCount, execute, fileUri, harness, hoverText, open, previewTab, rangeOf, screenshot, sleep, waitFor,
  waitForCode, waitForDom, workspaceRoot, zwgk, type ZwgkApi,
} from './helpers';

const POVERTY = 'drafts/扶贫项目公示.md';
const TO_FIX = 'drafts/待修复.md';
const RELIEF = 'drafts/救助公示.txt';
const UNOPENED = 'drafts/未打开.md';
const README = 'notes/README.md';
const REPORT = 'drafts/年度报告.md';
const EMPTY = 'drafts/空白.md';

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
    // The rule link opens the bundled page inside VS Code: a command, never a web address.
    assert.ok(typeof phone.code === 'object', 'code with a link');
    assert.equal(phone.code.target.scheme, 'command');
    assert.equal(phone.code.target.path, 'zwgk.explainRule');
    assert.deepEqual(JSON.parse(phone.code.target.query), ['personal-phone']);

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

    // The status bar shows what VS Code does not: the document's kind (VS Code counts the problems).
    const status = await waitFor('status bar shows the kind', () => api.status()?.includes('扶贫公示') && api.status());
    assert.equal(status, '$(law) 扶贫公示');
  });

  it('reports problems on a plain-text draft (catalogue header)', async () => {
    const editor = await open(RELIEF);
    const [phone] = await waitForCode(editor.document.uri, 'personal-phone');
    assert.deepEqual(phone.range, rangeOf(editor.document, '13612345678'));
  });

  it('hover on a problem: the message once (VS Code’s), then 怎么改 with the quick fix, a clause excerpt, the rule link', async () => {
    const editor = await open(POVERTY);
    const [phone] = await waitForCode(editor.document.uri, 'personal-phone');
    const hovers = await execute<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, phone.range.start.translate(0, 2));
    const text = hoverText(hovers);
    assert.match(text, /^\*\*怎么改：\*\* 脱敏为“138\\\*\\\*\\\*\\\*5678”/, text);
    assert.ok(text.includes('涉及商业秘密、个人隐私等公开会对第三方合法权益造成损害的政府信息，行政机关不得公开。'), `clause excerpt in hover:\n${text}`);
    assert.ok(!text.includes(phone.message), 'the provider does not repeat the message');
    assert.doesNotMatch(text, /为什么/);
    // As the user sees it: VS Code's own hover (message, code link, quick fix) above ours.
    editor.selection = new vscode.Selection(phone.range.start.translate(0, 2), phone.range.start.translate(0, 2));
    await vscode.commands.executeCommand('editor.action.showHover');
    const shown = await waitForDom('.monaco-hover', (t) => t.includes('怎么改'));
    if (shown !== undefined) {
      const count = (needle: string) => shown.split(needle).length - 1;
      assert.equal(count(phone.message), 1, `the message once in the hover:\n${shown}`);
      assert.equal(count('怎么改'), 1);
      assert.equal(count('涉及商业秘密'), 1);
      assert.ok(shown.indexOf(phone.message) < shown.indexOf('怎么改'), 'what is wrong first');
      await screenshot('hover-problem');
    }
  });

  it('hover on a date leads with the weekday / working-day line', async () => {
    const editor = await open(REPORT);
    const at = rangeOf(editor.document, '2026-01-10').start.translate(0, 3);
    const text = hoverText(await execute<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, at));
    assert.match(text.split('\n')[0], /^\*\*2026年1月10日\*\* 星期六，/, text);
    editor.selection = new vscode.Selection(at, at);
    await vscode.commands.executeCommand('editor.action.showHover');
    if (await waitForDom('.monaco-hover', (t) => t.includes('星期六'))) await screenshot('hover-date');
  });

  it('clicking the rule link in the hover opens the bundled rule page inside VS Code (no browser, no network)', async () => {
    const editor = await open(POVERTY);
    const [phone] = await waitForCode(editor.document.uri, 'personal-phone');
    editor.selection = new vscode.Selection(phone.range.start.translate(0, 2), phone.range.start.translate(0, 2));
    await vscode.commands.executeCommand('editor.action.showHover');
    if (!(await waitForDom('.monaco-hover', (t) => t.includes('personal-phone')))) return;
    const click = await harness({ op: 'click', selector: '.monaco-hover a.code-link' });
    assert.ok(click?.ok, click?.error);
    const tab = await waitFor('the rule page opens in a preview', () => previewTab('personal-phone'));
    assert.ok(tab.label.includes('personal-phone'), tab.label);
    await screenshot('rule-page-from-link');
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

  it('a snippet expands into the template (Markdown and plain text); 年度报告 takes last year and fires no deadline', async () => {
    const md = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
    await vscode.window.showTextDocument(md);
    await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'markdown', name: '政策解读' });
    const text = md.getText();
    assert.match(text, /^---\n标题: 关于《海口市某某管理办法》的解读\n文档类型: 政策解读\n/);
    for (const h of ['## 一、背景依据', '## 九、新旧政策差异', '## 十、政策简明问答']) assert.ok(text.includes(h), h);

    const lastYear = new Date().getFullYear() - 1;
    const txt = await vscode.workspace.openTextDocument({ language: 'plaintext', content: '' });
    await vscode.window.showTextDocument(txt);
    await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'plaintext', name: '年度报告' });
    const t = txt.getText();
    // VS Code has no “last year” variable: the snippet computes it from CURRENT_YEAR with a transform.
    assert.match(t, new RegExp(`^标题: 某某机关${lastYear}年政府信息公开工作年度报告\n`));
    assert.match(t, new RegExp(`^报告年度: ${lastYear}$`, 'm'));
    assert.doesNotMatch(t, /^发布日期:/m, 'no publication date made up');
    assert.match(t, /^一、总体情况$/m);
    assert.match(t, /^六、其他需要报告的事项$/m);
    assert.ok(!t.includes('## '), 'no Markdown heading marks in plain text');
    // Checked at once (an unsaved draft in a zwgk workspace): the unfilled 索引号 is reported, no deadline.
    await waitForCode(txt.uri, 'index-number-format');
    await sleep(500);
    assert.deepEqual(byCode(txt.uri, 'annual-report-deadline'), []);
  });

  it('typing zwgk- offers every template at once (no Ctrl+Space), with last year filled in', async () => {
    const md = await vscode.workspace.openTextDocument({ language: 'markdown', content: 'zwgk-' });
    await vscode.window.showTextDocument(md);
    // The first requests on a just-opened untitled document can come back before every provider answered
    // (seen under load, for over 5 s after the snippet test); ask again for up to 20 s before judging.
    let ours: vscode.CompletionItem[] = [];
    const until = Date.now() + 20_000;
    for (let attempt = 0; ours.length === 0 && (attempt === 0 || Date.now() < until); attempt++) {
      if (attempt) await new Promise((r) => setTimeout(r, 250));
      const list = await execute<vscode.CompletionList>('vscode.executeCompletionItemProvider', md.uri, new vscode.Position(0, 5), '-');
      ours = list.items.filter((i) => (typeof i.label === 'string' ? i.label : i.label.label).startsWith('zwgk-'));
    }
    const waited = 20_000 - (until - Date.now());
    if (waited > 1000) console.log(`[e2e] zwgk- completions came after ${Math.round(waited)} ms`);
    const labels = ours.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    for (const p of ['zwgk-jiedu', 'zwgk-nianbao', 'zwgk-zhengce', 'zwgk-meta']) assert.ok(labels.includes(p), `${p} among ${labels.join(', ')}`);
    const report = ours.find((i) => (typeof i.label === 'string' ? i.label : i.label.label) === 'zwgk-nianbao')!;
    assert.ok(report.insertText instanceof vscode.SnippetString);
    assert.ok(report.insertText.value.includes(`\${2:${new Date().getFullYear() - 1}}`), report.insertText.value.slice(0, 200));
    // In the real editor: typing the prefix opens the suggestions by itself.
    const editor = vscode.window.activeTextEditor!;
    editor.selection = new vscode.Selection(0, 5, 0, 5);
    await vscode.commands.executeCommand('deleteLeft');
    await vscode.commands.executeCommand('type', { text: '-' });
    const widget = await waitForDom('.suggest-widget', (x) => x.includes('zwgk-nianbao'));
    if (widget !== undefined) await screenshot('template-completion');
    await vscode.commands.executeCommand('hideSuggestWidget');
  });

  it('an empty draft in a zwgk workspace offers the templates as code lenses; one click fills it', async () => {
    const editor = await open(EMPTY);
    const doc = editor.document;
    const found = await pollLenses(doc.uri);
    const titles = found.map((l) => l.command?.title ?? '');
    for (const name of ['政策文件', '政策解读', '年度报告']) assert.ok(titles.includes(name), `${name} among ${titles.join(' | ')}`);
    assert.ok(titles.some((t) => /更多模板/.test(t)), titles.join(' | '));
    await screenshot('empty-draft-lenses', 1200);
    const lens = found.find((l) => l.command?.title === '政策解读')!;
    await vscode.commands.executeCommand(lens.command!.command, ...(lens.command!.arguments ?? []));
    await waitFor('the template fills the draft', () => doc.getText().startsWith('---\n标题: 关于《'));
    assert.equal((await execute<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri)).filter((l) => /政策解读|更多模板/.test(l.command?.title ?? '')).length, 0, 'no lenses once it has text');
    await vscode.commands.executeCommand('workbench.action.files.revert');
    // An ordinary note outside any config gets none.
    const note = await open(README);
    assert.deepEqual((await execute<vscode.CodeLens[]>('vscode.executeCodeLensProvider', note.document.uri)).filter((l) => /政策解读/.test(l.command?.title ?? '')), []);
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

  it('zwgk.explainRule opens the bundled rule page in a preview that stays put when another file is opened', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('zwgk.explainRule', 'personal-phone');
    assert.ok(uri, 'a document is returned');
    const ext = vscode.extensions.getExtension('zwgk.zwgk')!;
    assert.equal(uri.fsPath, path.join(ext.extensionPath, 'docs', 'rules', 'personal-phone.md'), 'the page shipped with the extension');
    const doc = await vscode.workspace.openTextDocument(uri);
    assert.match(doc.getText(), /^# personal-phone/m);
    assert.ok(doc.getText().includes('条例 第十五条'));
    await waitFor('a preview of the rule page', () => previewTab('personal-phone'));
    // Another Markdown file opened: a locked preview keeps showing the rule.
    await open(README);
    await sleep(800);
    assert.ok(previewTab('personal-phone'), `tabs: ${vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => t.label).join(' | ')}`);
    assert.ok(!previewTab('README'), 'the preview did not switch to the README');
    await screenshot('rule-page');
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
    // “年度报告按国办公开办函〔2021〕30号”: the 机关代字 starts after the function word 按.
    const fw = await tokens('text.html.markdown', '年度报告按国办公开办函〔2021〕30号格式编制');
    assert.match(scopesOf(fw, '国办公开办函'), /entity\.name\.tag\.docnumber\.agency\.zwgk/);
    assert.ok(!fw.some((t) => t.c.includes('年度报告') && /agency/.test(t.t)), JSON.stringify(fw));
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

  it('zwgk.createConfig writes .zwgkrc.json with the file system (no undo deletes it), no $schema, leaving README and docs/ alone', async () => {
    const root = workspaceRoot();
    const file = path.join(root, '.zwgkrc.json');
    const docs = path.join(root, 'docs');
    assert.equal(fs.existsSync(file), false);
    fs.mkdirSync(docs, { recursive: true });
    fs.writeFileSync(path.join(docs, '使用说明.md'), '# 软件使用说明\n\n客服手机 13600001111。\n');
    try {
      const uri = await vscode.commands.executeCommand<vscode.Uri>('zwgk.createConfig');
      assert.equal(uri.fsPath, file);
      const text = fs.readFileSync(file, 'utf8');
      const cfg = JSON.parse(text);
      assert.deepEqual(cfg, { rules: {}, ignore: ['docs/**'] });
      assert.doesNotMatch(text, /\$schema|file:\/\/|zwgk-0\./, 'nothing tied to one machine or version');
      const editor = vscode.window.activeTextEditor!;
      assert.equal(editor.document.uri.fsPath, file);
      assert.equal(editor.document.isDirty, false, 'written to disk, not an unsaved edit');
      // Two Ctrl+Z in the new file: the file stays (it was not created by an undoable edit).
      await vscode.commands.executeCommand('undo');
      await vscode.commands.executeCommand('undo');
      await sleep(300);
      assert.ok(fs.existsSync(file), 'still there after undo');
      assert.equal(editor.document.getText(), text);
      // Governed now: README and docs/ stay silent, the drafts are still checked.
      const readme = await open(README);
      const manual = await open('docs/使用说明.md');
      const draft = await open(RELIEF);
      await waitForCode(draft.document.uri, 'personal-phone');
      await sleep(1000);
      assert.deepEqual(zwgk(readme.document.uri), []);
      assert.deepEqual(zwgk(manual.document.uri), []);

      // Half-typed in the editor (and saved, as auto-save does): diagnostics in the file, no toast.
      const cfgEditor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file));
      const toastsBefore = await domCount('.notifications-toasts .notification-toast');
      await cfgEditor.edit((b) => b.replace(new vscode.Range(0, 0, cfgEditor.document.lineCount, 0), '{ "rules": { "personal-phon": "warning" '));
      await cfgEditor.document.save();
      const problems = await waitFor('diagnostics in the config file', () => zwgk(cfgEditor.document.uri).length > 0 && zwgk(cfgEditor.document.uri));
      assert.ok(problems.some((d) => codeOf(d) === 'zwgkrc'), problems.map((d) => d.message).join(' | '));
      await sleep(800);
      const toastsAfter = await domCount('.notifications-toasts .notification-toast');
      if (toastsBefore !== undefined) assert.equal(toastsAfter, toastsBefore, 'no notification while the config is being typed');
      await screenshot('config-half-typed');

      // A second call opens the same file and leaves it alone.
      fs.writeFileSync(file, '{ "rules": { "personal-phone": "warning" } }\n');
      const again = await vscode.commands.executeCommand<vscode.Uri>('zwgk.createConfig');
      assert.equal(again.fsPath, file);
      assert.equal(fs.readFileSync(file, 'utf8'), '{ "rules": { "personal-phone": "warning" } }\n');
    } finally {
      await closeAll();
      fs.rmSync(file, { force: true });
      fs.rmSync(docs, { recursive: true, force: true });
    }
  });
});

/** The code lenses on `uri` once zwgk's are there (the provider answers after the config search). */
async function pollLenses(uri: vscode.Uri, timeoutMs = 10_000): Promise<vscode.CodeLens[]> {
  const t0 = Date.now();
  for (;;) {
    const lenses = await execute<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
    if (lenses.some((l) => l.command?.command === 'zwgk.insertTemplate')) return lenses;
    if (Date.now() - t0 > timeoutMs) throw new Error(`no zwgk code lens on ${uri.fsPath}: ${lenses.map((l) => l.command?.title).join(' | ')}`);
    await sleep(200);
  }
}

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
