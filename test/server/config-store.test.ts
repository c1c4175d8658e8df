/** The server's config lookup (in process): nearest wins, root, extends inside the workspace only, ignore, problem ranges. */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ConfigStore, locate, type ConfigFile } from '../../src/server/config';
import { DEFAULT_SETTINGS } from '../../src/server/settings';
import { makeWorkspace } from './lsp-client';

function store(ws: string, loaded: ConfigFile[] = []): ConfigStore {
  const s = new ConfigStore((f) => loaded.push(f));
  s.workspaceFolders = [ws];
  return s;
}

const sev = (s: ConfigStore, file: string, id: string) => s.forDocument(file, DEFAULT_SETTINGS).config.rules.get(id)?.severity;

describe('language server: config files (ConfigStore)', () => {
  it('nearest file wins key by key; root: true stops the search; settings go on top', () => {
    const ws = makeWorkspace({
      '.zwgkrc.json': '{ "rules": { "personal-phone": "info", "date-format": "off" } }',
      'a/.zwgkrc.yaml': 'rules:\n  personal-phone: warning\n',
      'b/.zwgkrc.yml': 'root: true\nrules:\n  doc-number-format: info\n',
    });
    const s = store(ws);
    assert.equal(sev(s, path.join(ws, 'a/x.md'), 'personal-phone'), 'warning');
    assert.equal(sev(s, path.join(ws, 'a/x.md'), 'date-format'), 'off');
    assert.equal(sev(s, path.join(ws, 'b/x.md'), 'date-format'), 'warning', 'root: true ignores the parent');
    assert.equal(s.forDocument(path.join(ws, 'b/x.md'), DEFAULT_SETTINGS).files.length, 1);
    const withSettings = s.forDocument(path.join(ws, 'a/x.md'), { ...DEFAULT_SETTINGS, rules: { 'personal-phone': 'error' } });
    assert.equal(withSettings.config.rules.get('personal-phone')?.severity, 'error');
    assert.equal(s.forDocument(path.join(ws, '..', 'elsewhere.md'), DEFAULT_SETTINGS).governed, false);
  });

  it('a .zwgkrc.json that is a symlink leading outside the workspace is refused, its content never read (issue 10, item 13)', () => {
    const root = makeWorkspace({
      'outside/secret.json': '{ "rules": { "personal-phone": "off" } } root:x:0:0:secret-token-xyz',
      'outside/ok.json': '{ "rules": { "personal-phone": "off" } }',
      'ws/a/x.md': '# 公示\n',
      'ws/shared.json': '{ "rules": { "personal-phone": "info" } }',
    });
    const ws = path.join(root, 'ws');
    fs.symlinkSync(path.join(root, 'outside/ok.json'), path.join(ws, '.zwgkrc.json'));
    fs.symlinkSync(path.join(root, 'outside/secret.json'), path.join(ws, 'a/.zwgkrc.json'));
    const loaded: ConfigFile[] = [];
    const s = store(ws, loaded);
    assert.equal(sev(s, path.join(ws, 'a/x.md'), 'personal-phone'), 'error', 'neither file applies: the defaults do');
    for (const name of ['.zwgkrc.json', 'a/.zwgkrc.json']) {
      const cf = loaded.find((f) => f.path === path.join(ws, name))!;
      assert.ok(cf, name);
      assert.equal(cf.text, '', `${name}: not read`);
      assert.match(cf.problems.map((p) => p.message).join(' '), /工作区.*之外的符号链接/);
      assert.doesNotMatch(JSON.stringify(cf), /secret-token|root:x/);
    }
    // a symlink inside the workspace is followed as before
    fs.rmSync(path.join(ws, '.zwgkrc.json'));
    fs.symlinkSync(path.join(ws, 'shared.json'), path.join(ws, '.zwgkrc.json'));
    fs.rmSync(path.join(ws, 'a/.zwgkrc.json'));
    assert.equal(sev(store(ws), path.join(ws, 'a/x.md'), 'personal-phone'), 'info');
  });

  it('extends: followed inside the workspace, refused outside it (with a problem on the key)', () => {
    const root = makeWorkspace({
      'outside.json': '{ "rules": { "personal-phone": "off" } }',
      'ws/shared/base.yaml': 'rules:\n  personal-phone: info\n',
      'ws/a/.zwgkrc.json': '{ "extends": "../shared/base.yaml", "rules": { "date-format": "off" } }',
      'ws/b/.zwgkrc.json': '{\n  "extends": "../../outside.json"\n}',
    });
    const ws = path.join(root, 'ws');
    assert.ok(fs.existsSync(path.join(ws, '../outside.json')));
    const loaded: ConfigFile[] = [];
    const s = store(ws, loaded);
    assert.equal(sev(s, path.join(ws, 'a/x.md'), 'personal-phone'), 'info');
    assert.equal(sev(s, path.join(ws, 'a/x.md'), 'date-format'), 'off');
    const b = s.forDocument(path.join(ws, 'b/x.md'), DEFAULT_SETTINGS);
    assert.equal(b.governed, true);
    assert.equal(b.config.rules.get('personal-phone')?.severity, 'error', 'defaults, not the outside file');
    const bad = loaded.find((f) => f.path.endsWith(path.join('b', '.zwgkrc.json')))!;
    assert.equal(bad.problems[0].key, 'extends');
    assert.match(bad.problems[0].message, /工作区/);
    assert.equal(bad.text.slice(bad.problems[0].start, bad.problems[0].end), '"extends"');
  });

  it('ignore globs: file names anywhere, folders with everything below them', () => {
    const ws = makeWorkspace({ '.zwgkrc.json': '{ "ignore": ["README.md", "archive/", "drafts/old"] }' });
    const s = store(ws);
    const ignored = (p: string) => s.forDocument(path.join(ws, p), DEFAULT_SETTINGS).ignored;
    assert.equal(ignored('README.md'), true);
    assert.equal(ignored('sub/README.md'), true);
    assert.equal(ignored('archive/2019/a.md'), true);
    assert.equal(ignored('drafts/old/a.md'), true);
    assert.equal(ignored('drafts/new/a.md'), false);
    assert.equal(ignored('a.md'), false);
  });

  it('problem ranges point at the offending key in YAML and JSON', () => {
    const yaml = 'rules:\n  personal-phone: warning\n  doc-number-fromat: error\n';
    const r = locate(yaml, ['rules', 'doc-number-fromat']);
    assert.equal(yaml.slice(r.start, r.end), 'doc-number-fromat');
    const json = '{\n  "calendar": { "holidays": ["2026-13-01"] }\n}';
    const j = locate(json, ['calendar', 'holidays', '0']);
    assert.equal(json.slice(j.start, j.end), '"2026-13-01"');
  });
});
