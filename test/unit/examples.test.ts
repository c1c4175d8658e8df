/**
 * The shipped examples do what examples/README.md says: the clean pair passes every rule, and each
 * problem draft triggers the rules it is there to show (and no internal error anywhere).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintText, DraftIndex, summarize, ZwgkDocument } from '../../src/core';
import { draftStatus } from '../../src/core/draft-status';

const ROOT = path.join(__dirname, '../../examples');

function drafts(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? drafts(p) : /\.(md|txt)$/.test(e.name) && e.name !== 'README.md' ? [p] : [];
  });
}

const files = drafts(ROOT);
const index = new DraftIndex({ root: ROOT });
for (const f of files) index.set(summarize(new ZwgkDocument(fs.readFileSync(f, 'utf8'), f), f));
const rulesOf = (rel: string) => {
  const file = path.join(ROOT, rel);
  const ms = lintText(fs.readFileSync(file, 'utf8'), file, { index }).messages;
  assert.ok(!ms.some((m) => m.ruleId === 'internal-error'), JSON.stringify(ms.filter((m) => m.ruleId === 'internal-error')));
  return new Set(ms.map((m) => m.ruleId));
};

const EXPECTED: Record<string, string[]> = {
  'problems/文号和日期.md': ['doc-number-format', 'date-format'],
  'problems/扶贫项目公示.md': ['personal-id-number', 'personal-phone', 'bank-card-number'],
  'problems/内部通知.md': ['secrecy-mark', 'renamed-department', 'fullwidth-punctuation', 'book-title-marks'],
  'problems/目录信息不全.txt': ['metadata-required', 'index-number-format', 'placeholder'],
  'problems/用语和占位符.md': ['wording', 'placeholder'],
  'problems/公文要素.md': ['gongwen-title', 'gongwen-recipient', 'gongwen-signature', 'attachment-list', 'published-before-issued'],
  'problems/年度报告-逾期.md': ['annual-report-deadline', 'required-content'],
  'problems/征求意见-期限不足.md': ['comment-period', 'required-content'],
  'problems/依申请答复-逾期.md': ['application-reply-deadline'],
  'problems/主动公开-逾期.md': ['proactive-disclosure-deadline'],
  'problems/规范性文件报送-逾期.md': ['normative-filing-deadline'],
  'problems/解读/海口市共享农庄扶持办法-解读.md': ['interpretation-out-of-sync', 'interpretation-drafter', 'interpretation-content'],
  'problems/解读/海口市民宿管理办法.md': ['interpretation-missing'],
};

describe('examples/', () => {
  it('every example is a draft by its own metadata (no config: `zwgk lint examples/` checks them all)', () => {
    assert.ok(files.length >= 14, String(files.length));
    for (const f of files) {
      const s = draftStatus({ text: fs.readFileSync(f, 'utf8'), fileName: f, governed: false });
      assert.ok(s.draft, `${path.relative(ROOT, f)}: ${s.why}`);
    }
    assert.equal(draftStatus({ text: fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8'), fileName: 'README.md', governed: false }).draft, false);
  });

  for (const rel of ['clean/海口市政务公开目录管理办法.md', 'clean/海口市政务公开目录管理办法-解读.md']) {
    it(`${rel} passes every rule`, () => assert.deepEqual([...rulesOf(rel)], []));
  }
  for (const [rel, ids] of Object.entries(EXPECTED)) {
    it(`${rel} shows ${ids.join(', ')}`, () => {
      const got = rulesOf(rel);
      for (const id of ids) assert.ok(got.has(id), `${id} expected, got ${[...got].join(', ')}`);
    });
  }
  it('every example draft is covered by this test', () => {
    const covered = new Set([...Object.keys(EXPECTED), 'clean/海口市政务公开目录管理办法.md', 'clean/海口市政务公开目录管理办法-解读.md', 'problems/解读/海口市共享农庄扶持办法.md']);
    assert.deepEqual(files.map((f) => path.relative(ROOT, f)).filter((f) => !covered.has(f)), []);
  });
});
