/** The YAML-free front-matter reader answers only when it agrees with readFrontMatter, field for field. */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { readFrontMatterYaml as readFrontMatter } from '../../../src/core/metadata/front-matter';
import { simpleFrontMatter } from '../../../src/core/util/simple-front-matter';

/** Pieces of front-matter lines: keys, separators, values YAML reads as strings or as something else. */
const piece = fc.constantFrom(
  '标题', '文档类型', '发布日期', '索 引 号', ': ', ':', ' ', '  ', '2019-06-21', '2019', '0x1F', '0o17', '1e3', '.5', '-3', 'true', 'False',
  '~', 'null', '#', ' #x', '"q"', "'", '-', '- a', '[a, b]', '{a: 1}', '\n', '\r\n', '\r', '\t', '海口市', '　', '关于:印发', '《办法》',
  '&a', '*a', '!t', '|', '>', '%', '@', '`', '...', '---', '𠮷', '\u00a0', '\u0007', 'a,b', '?', 'x: y: z', '海府办函〔2019〕168号',
);
const fm = fc.tuple(fc.array(fc.array(piece, { maxLength: 6 }).map((a) => a.join('')), { maxLength: 8 }), fc.constantFrom('\n', '\r\n', '\r'))
  .map(([lines, eol]) => '---' + eol + lines.join(eol) + eol + '---' + eol + '正文');

describe('util/simple-front-matter', () => {
  it('when it answers, gives exactly readFrontMatter\'s metadata (random lines)', () => {
    let answered = 0;
    fc.assert(fc.property(fm, (text) => {
      const end = text.lastIndexOf('---') + 3;
      const fast = simpleFrontMatter(text, 0, end);
      if (!fast) return;
      answered++;
      assert.deepEqual(fast, readFrontMatter(text, 0, end));
    }), { seed: 20190621, numRuns: 3000 });
    assert.ok(answered > 300, `answered ${answered}`);
  });

  it('answers for the front matter drafts write, and leaves YAML structure to the parser', () => {
    const draft = '---\n标题: 海口市人民政府办公厅关于印发《海口市2019年政务公开工作要点》的通知\n文号: 海府办函〔2019〕168号\n索引号: 00817804-9/2019-13123\n成文日期: 2019年6月21日\n发布日期: 2019-06-24\n公开属性: 主动公开\n解读材料:\n---\n\n正文';
    const end = draft.indexOf('\n---\n') + 4;
    const fast = simpleFrontMatter(draft, 0, end);
    assert.ok(fast);
    assert.deepEqual(fast, readFrontMatter(draft, 0, end));
    assert.deepEqual(fast.fields.map((f) => f.value), ['海口市人民政府办公厅关于印发《海口市2019年政务公开工作要点》的通知', '海府办函〔2019〕168号', '00817804-9/2019-13123', '2019年6月21日', '2019-06-24', '主动公开', '']);
    for (const odd of ['标题: "引号"', '主题词: [政务, 公开]', '标题: 关于: 印发', '索引号: 2019', '  标题: 缩进', '# 注释', '标题: 值 # 注释']) {
      const text = `---\n${odd}\n---\n`;
      assert.equal(simpleFrontMatter(text, 0, text.length - 1), undefined, odd);
    }
  });
});
