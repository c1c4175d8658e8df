/**
 * The fast path for plain prose (src/core/plain-markdown.ts) builds exactly the tree remark-parse builds:
 * compared node by node, positions included, on every real, example and fixture document, on the bench
 * corpus generator, and on generated texts made of the characters and line starts the fast path has to
 * tell apart.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { remarkTree } from '../../src/core/document';
import { parsePlainFirst } from '../../src/core/plain-markdown';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { draft, prng } = require('../../bench/corpus') as { draft(rand: () => number, i: number): string; prng(seed: number): () => number };

function files(dir: string, out: string[] = []): string[] {
  if (!fs.existsSync(dir)) return out;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) files(p, out);
    else if (/\.(md|txt)$/.test(e.name)) out.push(p);
  }
  return out;
}

function frontMatterEnd(text: string): number {
  const open = /^---[ \t]*\n/.exec(text);
  if (!open) return 0;
  const close = /\n---[ \t]*(?:\n|$)/g;
  close.lastIndex = open[0].length - 1;
  const m = close.exec(text);
  return m ? m.index + m[0].length : text.length;
}

/** Parses `text` both ways; returns how many top-level nodes the fast path built itself. */
function same(text: string, what: string): number {
  let slowCalls = 0;
  let slowNodes = 0;
  const fast = parsePlainFirst((piece) => {
    slowCalls++;
    const t = remarkTree(piece);
    slowNodes += t.children.length;
    return t;
  }, text, frontMatterEnd(text));
  assert.deepEqual(fast, remarkTree(text), what);
  return slowCalls === 0 ? fast.children.length : fast.children.length - slowNodes;
}

const ROOT = path.join(__dirname, '../..');

describe('plain-prose fast path of the Markdown parser', () => {
  it('gives remark-parse\'s tree on every real, example and fixture document', () => {
    const all = [
      ...files(path.join(ROOT, '../shared/reference/real-corpus')),
      ...files(path.join(ROOT, '../shared/reference/real-notices')),
      ...files(path.join(ROOT, 'examples')),
      ...files(path.join(ROOT, 'test/fixtures')),
    ];
    assert.ok(all.length > 80, `${all.length} files`);
    let built = 0;
    for (const f of all) built += same(fs.readFileSync(f, 'utf8'), f);
    // The fast path must actually take part on real drafts, or this test proves nothing.
    assert.ok(built > 500, `fast path built ${built} blocks`);
  });

  it('gives remark-parse\'s tree on the bench corpus generator', () => {
    const rand = prng(11);
    let built = 0;
    for (let i = 0; i < 60; i++) built += same(draft(rand, i), `draft ${i}`);
    assert.ok(built > 100, `fast path built ${built} blocks`);
  });

  it('gives remark-parse\'s tree on generated texts of tricky line starts and characters', () => {
    const starts = ['', '# ', '## ', '####### ', '#', '- ', '-', '+ ', '* ', '1. ', '1) ', '12.', '> ', '>', '=', '==', '---', '***', '___', '```', '~~~', '    ', '\t', ' ', '   ', '<div>', '<!--', '[a]: /u', '[a]', '|', '| a | b |', ':--', '　　', '\u2002', '\ufeff', '#\t'];
    const bits = ['政务公开', '文号', '海府办函[2019]68号', '[a]', '](', '][', '![', '《条例》', '*', '_', '`', '\\', '&amp;', '&', '<', '>', '|', '~', '~~', '#', ' #', '  ', ' ', '\t', '\u0000', '。', '：', 'http://a.b/c', 'www.x.cn', 'a@b.cn', '1.', '2019年', '　', '\u00a0', '--', '==', '-->'];
    const plain = ['各区政府', '要按照', '2019年', '《条例》', '海府办函[2019]68号', '。', '，', '：', '　'];
    const tricky = fc.tuple(fc.constantFrom(...starts), fc.array(fc.constantFrom(...bits), { maxLength: 5 })).map(([s, b]) => s + b.join(''));
    const prose = fc.tuple(fc.constantFrom('', '', '', '# ', '## '), fc.array(fc.constantFrom(...plain), { minLength: 1, maxLength: 6 })).map(([s, b]) => s + b.join(''));
    // Mostly plain lines with tricky ones among them: both paths, and their seams, are exercised.
    const lineArb = fc.oneof({ weight: 4, arbitrary: prose }, { weight: 1, arbitrary: tricky });
    const sepArb = fc.constantFrom('\n', '\n', '\n\n', '\n\n\n', '\r\n', '\n \n');
    const docArb = fc.array(fc.tuple(lineArb, sepArb), { minLength: 1, maxLength: 14 }).map((ls) => ls.map(([l, s]) => l + s).join(''));
    const withFront = fc.tuple(fc.boolean(), docArb).map(([fm, d]) => (fm ? '---\n标题: 关于做好工作的通知\n\n文档类型: 通知\n---\n\n' + d : d));
    let built = 0;
    fc.assert(fc.property(withFront, (text) => {
      built += same(text, JSON.stringify(text));
    }), { seed: Number(process.env.ZWGK_PLAIN_SEED) || 20190621, numRuns: Number(process.env.ZWGK_PLAIN_RUNS) || 3000 });
    assert.ok(built > 1000, `fast path built ${built} blocks`);
  });
});
