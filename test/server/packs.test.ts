/** The server reads the packs a config names (inside the workspace only) and lints with them. */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { ConfigStore, type ConfigFile } from '../../src/server/config';
import { DEFAULT_SETTINGS } from '../../src/server/settings';
import { lintText } from '../../src/core';
import { makeWorkspace } from './lsp-client';

const PACK = 'id: benju\ntitle: 本局用语\nentries:\n  - id: kaifang-ri\n    wrong: 政府开放日\n    right: 政务公开日\n    source: { title: 本局通知 }\n'
  + '    examples: { fire: [举办政府开放日活动。], quiet: [举办政务公开日活动。] }\n';

describe('language server: wording packs named by the config', () => {
  it('a pack in the workspace applies; a bad or outside pack is a problem on its packs entry and the file is left out', () => {
    const root = makeWorkspace({
      'outside.yaml': PACK,
      'ws/a/.zwgkrc.json': '{ "packs": ["../词库/本局.yaml"] }',
      'ws/词库/本局.yaml': PACK,
      'ws/b/.zwgkrc.json': '{\n  "packs": ["../../outside.yaml"],\n  "rules": { "date-format": "off" }\n}',
      'ws/c/.zwgkrc.yaml': 'packs:\n  - bad.yaml\n',
      'ws/c/bad.yaml': PACK.replace('right:', 'rigth:'),
    });
    const loaded: ConfigFile[] = [];
    const s = new ConfigStore((f) => loaded.push(f));
    s.workspaceFolders = [path.join(root, 'ws')];
    const a = s.forDocument(path.join(root, 'ws/a/x.md'), DEFAULT_SETTINGS);
    assert.deepEqual(a.config.packs.map((p) => p.id), ['benju']);
    const ms = lintText('举办政府开放日活动。\n', path.join(root, 'ws/a/x.md'), { config: a.config }).messages.filter((m) => m.ruleId === 'wording');
    assert.deepEqual(ms.map((m) => m.message), ['“政府开放日”应为“政务公开日”']);

    const b = s.forDocument(path.join(root, 'ws/b/x.md'), DEFAULT_SETTINGS);
    assert.deepEqual(b.config.packs, []);
    assert.equal(b.config.rules.get('date-format')?.severity, 'warning', 'the invalid file is left out');
    const bp = loaded.find((f) => f.path.endsWith(path.join('b', '.zwgkrc.json')))!.problems;
    assert.equal(bp[0].key, 'packs.0');
    assert.match(bp[0].message, /指向工作区.*之外/);
    assert.equal(bp[0].start, '{\n  "packs": ['.length, 'the range is the packs entry');

    s.forDocument(path.join(root, 'ws/c/x.md'), DEFAULT_SETTINGS);
    const cp = loaded.find((f) => f.path.endsWith(path.join('c', '.zwgkrc.yaml')))!.problems;
    assert.match(cp[0].message, /词库无效：bad\.yaml 第 6 行：词条“kaifang-ri”的“rigth”：未知的键/);
  });
});
