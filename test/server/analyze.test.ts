/** Which documents the server lints, and that an unexpected failure becomes one internal-error diagnostic. */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { analyzeText, type AnalyzerDeps } from '../../src/server/documents';
import { diagnosticsOf } from '../../src/server/diagnostics';
import { ConfigStore } from '../../src/server/config';
import { DEFAULT_SETTINGS } from '../../src/server/settings';
import { WorkspaceIndex } from '../../src/server/workspace-index';
import { Logger } from '../../src/server/log';
import { makeWorkspace, uriOf } from './lsp-client';
import { POLICY } from './drafts';

const silentLog = new Logger({ console: { log() {}, info() {}, warn() {}, error() {} } } as never);

function deps(folder?: string): AnalyzerDeps {
  const configs = new ConfigStore();
  if (folder) configs.workspaceFolders = [folder];
  return { configs, settings: undefined as never, index: new WorkspaceIndex(configs, silentLog) };
}

describe('language server: which documents are drafts', () => {
  const plain = makeWorkspace({});
  const analyze = (name: string, text: string, opts: { languageId?: string; uri?: string; settings?: object; d?: AnalyzerDeps } = {}) =>
    analyzeText(opts.uri ?? uriOf(path.join(plain, name)), opts.languageId ?? 'markdown', text, 1, { ...DEFAULT_SETTINGS, ...(opts.settings ?? {}) }, opts.d ?? deps(plain));

  it('two known metadata keys, or a declared known 文档类型, make a draft; one 标题 does not', () => {
    assert.equal(analyze('a.md', '---\n标题: 某某办法\n发布日期: 2026-03-02\n---\n\n13812345678\n').draft, true);
    assert.equal(analyze('b.md', '---\n文档类型: 政策解读\n---\n\n13812345678\n').draft, true);
    assert.equal(analyze('c.md', '---\n标题: 我的笔记\n---\n\n13812345678\n').draft, false);
    assert.equal(analyze('d.md', '---\n文档类型: 随笔\n---\n\n13812345678\n').draft, false);
    assert.equal(analyze('e.txt', '标题: 关于某事的通知\n发布机构: 市政府办公室\n\n13812345678\n', { languageId: 'plaintext' }).draft, true);
  });

  it('only .md/.txt files and unsaved Markdown/plain-text buffers; never other schemes', () => {
    assert.equal(analyze('a.html', POLICY).draft, false);
    assert.equal(analyze('', POLICY, { uri: 'untitled:Untitled-1' }).draft, true);
    assert.equal(analyze('', POLICY, { uri: 'untitled:Untitled-2', languageId: 'json' }).draft, false);
    assert.equal(analyze('', POLICY, { uri: 'git:/x/a.md?%7B%7D' }).draft, false);
  });

  it('lintAllDocuments lints a README; enable: false lints nothing', () => {
    assert.equal(analyze('README.md', '# notes\n\n13812345678\n').draft, false);
    assert.equal(analyze('README.md', '# notes\n\n13812345678\n', { settings: { lintAllDocuments: true } }).draft, true);
    assert.equal(analyze('a.md', POLICY, { settings: { enable: false } }).draft, false);
  });

  it('an unexpected failure outside the rules becomes one internal-error diagnostic', () => {
    const ws = makeWorkspace({ '.zwgkrc.json': '{}' });
    const broken = deps(ws);
    Object.defineProperty(broken.index, 'drafts', { get() { throw new Error('index exploded'); } });
    const a = analyzeText(uriOf(path.join(ws, 'a.md')), 'markdown', POLICY, 3, DEFAULT_SETTINGS, broken);
    assert.equal(a.draft, true);
    const diags = diagnosticsOf(a);
    assert.equal(diags.length, 1);
    assert.equal(diags[0].code, 'internal-error');
    assert.match(String(diags[0].message), /index exploded/);
    assert.deepEqual(diags[0].range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    // Not a draft: still silent.
    const quiet = analyzeText(uriOf(path.join(plain, 'README.md')), 'markdown', '# notes\n', 1, DEFAULT_SETTINGS, broken);
    assert.deepEqual(diagnosticsOf(quiet), []);
  });
});
