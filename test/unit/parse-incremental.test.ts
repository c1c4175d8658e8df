/** The editor's piece-cached parse gives the document model a parse from scratch gives, before and after edits. */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { ZwgkDocument, PieceCache, lintDocument } from '../../src/core';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { draft, prng } = require('../../bench/corpus') as { draft(rand: () => number, i: number): string; prng(seed: number): () => number };

function markdownFiles(dir: string, out: string[] = []): string[] {
  if (!fs.existsSync(dir)) return out;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) markdownFiles(p, out);
    else if (e.name.endsWith('.md')) out.push(p);
  }
  return out;
}

function same(text: string, cache: PieceCache, what: string): void {
  const whole = new ZwgkDocument(text, '/w/draft.md');
  const pieced = new ZwgkDocument(text, '/w/draft.md', 'markdown', cache);
  assert.deepEqual(pieced.tree, whole.tree, `${what}: tree`);
  assert.deepEqual(pieced.blocks, whole.blocks, `${what}: blocks`);
  assert.deepEqual(pieced.segments, whole.segments, `${what}: segments`);
  assert.deepEqual(lintDocument(pieced), lintDocument(whole), `${what}: messages`);
}

describe('parse with a piece cache (editor)', () => {
  it('gives the tree, blocks, segments and messages of a full parse on fixtures and real documents', () => {
    const files = [...markdownFiles(path.join(__dirname, '../fixtures')), ...markdownFiles(path.join(__dirname, '../../../shared/reference/real-corpus'))];
    assert.ok(files.length > 20, `${files.length} files`);
    for (const f of files) same(fs.readFileSync(f, 'utf8'), new PieceCache(), f);
  });

  it('stays the same as a full parse through random edits of a 20,000-character draft', () => {
    const rand = prng(7);
    let base = '';
    while (base.length < 20000) base += draft(rand, 1).slice(base ? base.indexOf('# ') : 0);
    const inserts = ['。', '\n', '\n\n', '- 列表', '```\n', '---\n', '<!--', '-->', '| a | b |\n|---|---|\n', '    缩进', '> 引用', '[x]: http://a.b', '一、', '\r\n', '<div>', ''];
    fc.assert(fc.property(fc.array(fc.tuple(fc.nat(), fc.nat(4), fc.constantFrom(...inserts)), { minLength: 1, maxLength: 6 }), (edits) => {
      const cache = new PieceCache();
      let text = base;
      same(text, cache, 'before');
      for (const [at, del, ins] of edits) {
        const i = at % (text.length + 1);
        text = text.slice(0, i) + ins + text.slice(i + del);
        same(text, cache, JSON.stringify([i, del, ins]));
      }
    }), { seed: 20190621, numRuns: 8 });
  });
});
