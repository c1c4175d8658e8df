/**
 * The read memo (src/cli/read-memo.ts): what choosing the drafts read whole is what the passes get,
 * instead of reading the file again — never a prefix read's worth more, never with --fix. That the
 * output is the same with and without it is parallel.test.ts's comparison (worker threads never use it).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ReadMemo } from '../../src/cli/read-memo';
import { selectDrafts } from '../../src/cli/draft-filter';
import { readDraft } from '../../src/cli/runner';
import { INDEX_PREFIX_BYTES } from '../../src/cli/safe-read';

const DRAFT = '---\n标题: 关于做好政务公开工作的通知\n文档类型: 通知\n---\n\n# 关于做好政务公开工作的通知\n\n请各单位做好工作。\n';

describe('read memo: drafts read once per run', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zwgk-memo-'));
    fs.writeFileSync(path.join(dir, 'a.md'), DRAFT);
    fs.writeFileSync(path.join(dir, 'notes.md'), '# 周会记录\n\n讨论了门户网站改版。\n');
    // Over the index's prefix, under the 1 MiB the choice reads.
    fs.writeFileSync(path.join(dir, 'big.md'), DRAFT + '请各单位做好工作。\n'.repeat(Math.ceil((INDEX_PREFIX_BYTES + 50_000) / 28)));
    // Over what the choice reads: never kept.
    fs.writeFileSync(path.join(dir, 'huge.md'), DRAFT + '请各单位做好工作。\n'.repeat(Math.ceil(1.2 * 1024 * 1024 / 28)));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('choosing the drafts hands over the drafts it read whole, and only those', () => {
    const memo = new ReadMemo();
    const files = ['a.md', 'notes.md', 'big.md', 'huge.md'].map((f) => path.join(dir, f));
    const sel = selectDrafts(files, new Set(), { all: false, governed: () => false, onRead: (f, e) => memo.put(f, e) });
    assert.deepEqual(sel.files.map((f) => path.basename(f)), ['a.md', 'big.md', 'huge.md']);
    assert.ok(memo.peek(files[0]), 'a.md kept');
    assert.ok(memo.peek(files[2]), 'big.md kept');
    assert.equal(memo.peek(files[3]), undefined, 'huge.md was read only in part');
    assert.equal(memo.peek(files[0])!.decoded?.text, DRAFT);
  });

  it('the passes get the kept read: the index peeks, the lint pass takes it; a prefix read stays a prefix', () => {
    const memo = new ReadMemo();
    const a = path.join(dir, 'a.md');
    const big = path.join(dir, 'big.md');
    selectDrafts([a, big], new Set(), { all: false, governed: () => false, onRead: (f, e) => memo.put(f, e) });
    const kept = memo.peek(a)!;
    const index = readDraft(a, { prefix: true, reads: memo });
    assert.equal(index.kind === 'text' && index.bytes, kept.bytes, 'the index pass used the kept bytes');
    assert.ok(memo.peek(a), 'still kept for the lint pass');
    const lint = readDraft(a, { reads: memo });
    assert.equal(lint.kind === 'text' && lint.bytes, kept.bytes);
    assert.equal(memo.peek(a), undefined, 'the lint pass took it');
    // big.md is over the index's prefix: the index reads its prefix from disk, exactly as without a memo.
    const prefix = readDraft(big, { prefix: true, reads: memo });
    const plain = readDraft(big, { prefix: true });
    assert.ok(prefix.kind === 'text' && plain.kind === 'text');
    assert.ok(prefix.bytes.length <= INDEX_PREFIX_BYTES);
    assert.deepEqual(prefix.bytes, plain.bytes);
    assert.equal(prefix.decoded.text, plain.decoded.text);
  });

  it('a long Markdown draft is decided from its front matter; the passes decode it once, the same text', () => {
    const memo = new ReadMemo();
    const long = path.join(dir, 'long.md');
    const text = DRAFT + '请各单位做好工作。\n'.repeat(2000); // 56 KB
    fs.writeFileSync(long, text);
    // Front matter closing only after the first 4 KB: decided from the whole text, as before.
    const lateClose = path.join(dir, 'late.md');
    fs.writeFileSync(lateClose, '---\n标题: 关于做好政务公开工作的通知\n' + '备注: 说明文字。\n'.repeat(300) + '文档类型: 通知\n---\n\n正文。\n');
    const sel = selectDrafts([long, lateClose], new Set(), { all: false, governed: () => false, onRead: (f, e) => memo.put(f, e) });
    assert.deepEqual(sel.files, [long, lateClose]);
    assert.equal(memo.peek(long)!.decoded, undefined, 'only the head was decoded');
    assert.equal(memo.peek(lateClose)!.decoded?.text.length, fs.readFileSync(lateClose, 'utf8').length);
    const index = readDraft(long, { prefix: true, reads: memo });
    assert.ok(index.kind === 'text');
    assert.equal(index.decoded.text, text);
    assert.equal(memo.peek(long)!.decoded, index.decoded, 'decoded once, kept for the lint pass');
    const lint = readDraft(long, { reads: memo });
    assert.ok(lint.kind === 'text');
    assert.equal(lint.decoded, index.decoded);
    // A note without metadata is not a draft, however long.
    const note = path.join(dir, 'long-note.md');
    fs.writeFileSync(note, '# 周会记录\n\n' + '讨论了门户网站改版。\n'.repeat(2000));
    assert.deepEqual(selectDrafts([note], new Set(), { all: false, governed: () => false }).files, []);
  });

  it('--fix reads from disk: the check against concurrent writers compares with what was just read', () => {
    const memo = new ReadMemo();
    const a = path.join(dir, 'a.md');
    selectDrafts([a], new Set(), { all: false, governed: () => false, onRead: (f, e) => memo.put(f, e) });
    const kept = memo.peek(a)!;
    const r = readDraft(a, { fix: true, reads: memo });
    assert.ok(r.kind === 'text');
    assert.notEqual(r.bytes, kept.bytes);
    assert.deepEqual(r.bytes, kept.bytes);
  });

  it('keeps no more than its budget', () => {
    const memo = new ReadMemo(100);
    const entry = (n: number) => ({ bytes: Buffer.alloc(n), decoded: { kind: 'text' as const, text: '', encoding: 'utf-8' as const, bom: false }, stat: fs.statSync(dir) });
    memo.put('x', entry(60));
    memo.put('y', entry(60));
    assert.equal(memo.size, 1);
    memo.take('x');
    memo.put('y', entry(60));
    assert.equal(memo.size, 1);
    assert.ok(memo.peek('y'));
  });
});
