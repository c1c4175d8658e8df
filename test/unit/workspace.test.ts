/** The draft index: link resolution (links, backlinks, file names, titles), workspace bounds, dependents. */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import {
  DraftIndex, ZwgkDocument, summarize, summarizeText, normalizeTitle, titleKeys, interpretedTitles, parseLinkRefs, normalizePath,
  roleOf, type DraftSummary,
} from '../../src/core';
import { describeLinks, describeLink } from '../../src/core/links';
import { loadWorkspace } from '../helpers/workspace';

const WS = path.resolve(__dirname, '../fixtures/workspaces');

function draft(p: string, text: string): DraftSummary {
  return summarize(new ZwgkDocument(text, p), p);
}

function fm(fields: Record<string, string>, body = ''): string {
  return `---\n${Object.entries(fields).map(([k, v]) => `${k}: ${v}`).join('\n')}\n---\n\n# ${fields['标题'] ?? ''}\n${body}`;
}

/** Linked paths relative to `root`, with how they were found. */
function linked(index: DraftIndex, root: string, p: string): string[] {
  return index.linksOf(index.get(p)!).linked.map((l) => `${path.relative(root, l.draft.path)} (${l.via})`);
}

describe('workspace: titles', () => {
  it('normalises a policy title: 《》, spaces and the 关于印发…的通知 wrapping do not matter', () => {
    assert.equal(normalizeTitle('关于印发《海口市某某办法》的通知'), '海口市某某办法');
    assert.equal(normalizeTitle('海口市人民政府办公室关于印发海口市公共停车设施建设管理办法的通知'), '海口市公共停车设施建设管理办法');
    assert.equal(normalizeTitle('海口市 市级储备粮 管理办法'), '海口市市级储备粮管理办法');
    assert.equal(normalizeTitle('海口市人民政府关于加强耕地保护的意见'), '海口市人民政府关于加强耕地保护的意见');
  });

  it('matches looser keys: without the issuer before 关于, without （试行）', () => {
    assert.deepEqual(titleKeys('海口市人民政府关于加强耕地保护的意见'), ['海口市人民政府关于加强耕地保护的意见', '加强耕地保护的意见']);
    assert.deepEqual(titleKeys('海口市某某管理办法（试行）'), ['海口市某某管理办法(试行)', '海口市某某管理办法']);
    assert.deepEqual(titleKeys('通知'), []);
  });

  it('reads the policy an interpretation names from its title', () => {
    const cases: [string, string[]][] = [
      ['《海口市某某办法》政策解读', ['海口市某某办法']],
      ['关于《海口市某某办法》的解读', ['海口市某某办法']],
      ['海口市某某办法解读', ['海口市某某办法']],
      ['海口市某某办法政策解读', ['海口市某某办法']],
      ['海口市某某办法的政策问答', ['海口市某某办法']],
      ['《关于印发海口市某某办法的通知》解读', ['海口市某某办法']],
      ['图解：海口市某某办法', ['海口市某某办法']],
      ['关于《海口市甲办法》《海口市乙办法》的解读', ['海口市甲办法', '海口市乙办法']],
      ['政策解读', []],
      ['公租房新政十问十答', []],
      ['关于做好春节值班工作的通知', []],
    ];
    for (const [title, want] of cases) assert.deepEqual(interpretedTitles(title), want, title);
  });
});

describe('workspace: link values', () => {
  it('classifies paths, pictures/PDFs, web addresses and titles; 无 is no link', () => {
    const refs = parseLinkRefs('解读/a.md、解读/图解.png；https://www.haikou.gov.cn/zcjd/1.html；《海口市某某办法》解读', '/ws/政策/p.md', ['/ws']);
    assert.deepEqual(refs.map((r) => r.kind), ['path', 'asset', 'url', 'title']);
    assert.equal((refs[0] as { target: string }).target, '/ws/政策/解读/a.md');
    assert.deepEqual(parseLinkRefs('无', '/ws/p.md'), []);
  });

  it('resolves against the draft folder and marks paths that leave the workspace', () => {
    const [up] = parseLinkRefs('../解读/a.md', '/ws/政策/p.md', ['/ws']);
    assert.deepEqual([up.kind, (up as { target: string }).target, (up as { inside: boolean }).inside], ['path', '/ws/解读/a.md', true]);
    const [out] = parseLinkRefs('../../共享/a.md', '/ws/政策/p.md', ['/ws']);
    assert.deepEqual([(out as { target: string }).target, (out as { inside: boolean }).inside], ['/共享/a.md', false]);
    const [abs] = parseLinkRefs('/etc/a.md', '/ws/p.md', ['/ws']);
    assert.equal((abs as { inside: boolean }).inside, false);
  });

  it('handles Windows paths and Markdown link syntax', () => {
    assert.equal(normalizePath('C:\\ws\\政策\\..\\p.md'), 'c:/ws/p.md');
    const [r] = parseLinkRefs('[解读](解读\\a.md)', 'C:\\ws\\p.md', ['C:\\ws']);
    assert.deepEqual([(r as { target: string }).target, (r as { inside: boolean }).inside], ['c:/ws/解读/a.md', true]);
  });

  it('a draft is an interpretation by declared type, title, 解读对象 or a …解读.md file name', () => {
    assert.equal(roleOf(draft('/ws/a.md', fm({ 标题: '《海口市某某办法》解读' }))), 'interpretation');
    assert.equal(roleOf(draft('/ws/某某办法_解读.md', fm({ 标题: '十问十答' }))), 'interpretation');
    assert.equal(roleOf(draft('/ws/a.md', fm({ 标题: '十问十答', 解读对象: 'p.md' }))), 'interpretation');
    assert.equal(roleOf(draft('/ws/某某办法-解读.md', fm({ 标题: '十问十答', 文档类型: '规范性文件' }))), 'policy');
  });
});

describe('workspace: fixture folders', () => {
  it('in-sync: 解读材料 and 解读对象 link the pair both ways', () => {
    const w = loadWorkspace(path.join(WS, 'in-sync'));
    assert.deepEqual(linked(w.index, w.root, w.abs('海口市市级储备粮管理办法.md')), ['解读/《海口市市级储备粮管理办法》政策解读.md (link)']);
    assert.deepEqual(linked(w.index, w.root, w.abs('解读/《海口市市级储备粮管理办法》政策解读.md')), ['海口市市级储备粮管理办法.md (link)']);
  });

  it('wrong-drafter: only the interpretation links; the policy finds it as a backlink', () => {
    const w = loadWorkspace(path.join(WS, 'wrong-drafter'));
    assert.deepEqual(linked(w.index, w.root, w.abs('海口市既有住宅增设电梯管理办法.md')), ['政策问答/增设电梯政策问答.md (backlink)']);
    assert.deepEqual(linked(w.index, w.root, w.abs('政策问答/增设电梯政策问答.md')), ['海口市既有住宅增设电梯管理办法.md (link)']);
  });

  it('by-title: 关于《X》的解读 matches a .txt policy titled 关于印发X的通知 in another folder; a decoy does not', () => {
    const w = loadWorkspace(path.join(WS, 'by-title'));
    assert.deepEqual(linked(w.index, w.root, w.abs('文件/海府办规〔2026〕2号.txt')), ['解读/关于《海口市公共停车设施建设管理办法》的解读.md (title)']);
    assert.deepEqual(linked(w.index, w.root, w.abs('解读/关于《海口市公共停车设施建设管理办法》的解读.md')), ['文件/海府办规〔2026〕2号.txt (title)']);
    assert.deepEqual(linked(w.index, w.root, w.abs('解读/《海口市公共停车设施收费管理办法》解读.md')), []);
  });

  it('by-filename: X_解读.md beside X.md', () => {
    const w = loadWorkspace(path.join(WS, 'by-filename'));
    assert.deepEqual(linked(w.index, w.root, w.abs('海口市公共租赁住房管理办法.md')), ['海口市公共租赁住房管理办法_解读.md (filename)']);
    assert.deepEqual(linked(w.index, w.root, w.abs('海口市公共租赁住房管理办法_解读.md')), ['海口市公共租赁住房管理办法.md (filename)']);
  });

  it('broken-link: the declared link is reported and no title match replaces it', () => {
    const w = loadWorkspace(path.join(WS, 'broken-link'));
    const r = w.index.linksOf(w.index.get(w.abs('海口市城市绿化管理办法.md'))!);
    assert.deepEqual(r.linked, []);
    assert.deepEqual(r.problems, [{ ref: '解读/绿化管理办法解读.md', kind: 'not-found', resolved: normalizePath(w.abs('解读/绿化管理办法解读.md')) }]);
    assert.deepEqual(linked(w.index, w.root, w.abs('解读/城市绿化管理办法解读.md')), []);
  });

  it('outside: a link leaving the workspace root is not followed', () => {
    const w = loadWorkspace(path.join(WS, 'outside'));
    const r = w.index.linksOf(w.index.get(w.abs('海口市夜间经济发展若干措施.md'))!);
    assert.deepEqual(r.problems.map((p) => [p.ref, p.kind]), [['../../共享盘/夜间经济解读.md', 'outside-workspace']]);
  });
});

describe('workspace: matching details', () => {
  it('the relation is symmetric when several policies share a title: the interpretation’s own folder wins', () => {
    const index = new DraftIndex({ root: '/ws' });
    index.set(draft('/ws/甲/办法.md', fm({ 标题: '海口市某某管理办法' })));
    index.set(draft('/ws/乙/办法.md', fm({ 标题: '海口市某某管理办法' })));
    index.set(draft('/ws/甲/解读.md', fm({ 标题: '《海口市某某管理办法》解读' })));
    assert.deepEqual(linked(index, '/ws', '/ws/甲/办法.md'), ['甲/解读.md (title)']);
    assert.deepEqual(linked(index, '/ws', '/ws/乙/办法.md'), []);
    assert.deepEqual(linked(index, '/ws', '/ws/甲/解读.md'), ['甲/办法.md (title)']);
  });

  it('then the nearest 发布日期 wins', () => {
    const index = new DraftIndex({ root: '/ws' });
    index.set(draft('/ws/2019.md', fm({ 标题: '海口市某某管理办法', 发布日期: '2019-05-06' })));
    index.set(draft('/ws/2026.md', fm({ 标题: '海口市某某管理办法', 发布日期: '2026-03-02' })));
    index.set(draft('/ws/解读/a.md', fm({ 标题: '《海口市某某管理办法》解读', 发布日期: '2026-03-03' })));
    assert.deepEqual(linked(index, '/ws', '/ws/解读/a.md'), ['2026.md (title)']);
    assert.deepEqual(linked(index, '/ws', '/ws/2019.md'), []);
  });

  it('a policy that declares 解读材料 is not matched by title, and an interpretation with 解读对象 neither', () => {
    const index = new DraftIndex({ root: '/ws' });
    index.set(draft('/ws/p.md', fm({ 标题: '海口市某某管理办法', 解读材料: 'https://www.haikou.gov.cn/1.html' })));
    index.set(draft('/ws/i.md', fm({ 标题: '《海口市某某管理办法》解读' })));
    index.set(draft('/ws/j.md', fm({ 标题: '《海口市某某管理办法》图解', 文档类型: '政策解读', 解读对象: '其他.md' })));
    const r = index.linksOf(index.get('/ws/p.md')!);
    assert.deepEqual([r.linked, r.external], [[], ['https://www.haikou.gov.cn/1.html']]);
    assert.deepEqual(linked(index, '/ws', '/ws/i.md'), []);
  });

  it('a 解读材料 value that is a title links by title', () => {
    const index = new DraftIndex({ root: '/ws' });
    index.set(draft('/ws/p.md', fm({ 标题: '海口市某某管理办法', 解读材料: '《海口市某某管理办法》政策解读' })));
    index.set(draft('/ws/解读/x.md', fm({ 标题: '《海口市某某管理办法》政策解读' })));
    assert.deepEqual(linked(index, '/ws', '/ws/p.md'), ['解读/x.md (link)']);
    assert.deepEqual(linked(index, '/ws', '/ws/解读/x.md'), ['p.md (backlink)']);
  });

  it('resolves a fresh summary that is not (or differently) in the index', () => {
    const index = new DraftIndex({ root: '/ws' });
    index.set(draft('/ws/p.md', fm({ 标题: '旧标题的办法' })));
    index.set(draft('/ws/i.md', fm({ 标题: '《海口市某某管理办法》解读' })));
    const fresh = draft('/ws/p.md', fm({ 标题: '海口市某某管理办法' }));
    assert.deepEqual(index.interpretationsOf(fresh).linked.map((l) => l.draft.path), ['/ws/i.md']);
    assert.deepEqual(index.interpretationsOf(index.get('/ws/p.md')!).linked, []);
  });
});

describe('workspace: dependents (what to re-check after an edit)', () => {
  it('names the drafts linked with a changed one, by link, title or file name', () => {
    const w = loadWorkspace(path.join(WS, 'by-title'));
    const policy = w.abs('文件/海府办规〔2026〕2号.txt');
    const interp = w.abs('解读/关于《海口市公共停车设施建设管理办法》的解读.md');
    assert.deepEqual(w.index.dependents(policy), [interp]);
    assert.deepEqual(w.index.dependents(interp), [policy]);
    assert.deepEqual(w.index.dependents(w.abs('解读/《海口市公共停车设施收费管理办法》解读.md')), []);
  });

  it('set() returns the drafts affected before and after an edit that breaks a title match', () => {
    const w = loadWorkspace(path.join(WS, 'by-title'));
    const policy = w.abs('文件/海府办规〔2026〕2号.txt');
    const interp = w.abs('解读/关于《海口市公共停车设施建设管理办法》的解读.md');
    const edited = fm({ 标题: '关于《海口市公共停车设施收费管理办法》的解读' });
    assert.deepEqual(w.index.set(draft(interp, edited)), [policy]);
    assert.deepEqual(linked(w.index, w.root, policy), []);
    assert.deepEqual(w.index.dependents(interp), []);
  });

  it('creating the file a broken link names re-checks the policy, which then finds it', () => {
    const w = loadWorkspace(path.join(WS, 'broken-link'));
    const policy = w.abs('海口市城市绿化管理办法.md');
    const created = w.abs('解读/绿化管理办法解读.md');
    assert.deepEqual(w.index.dependents(created), [policy]);
    assert.deepEqual(w.index.set(draft(created, fm({ 标题: '《海口市城市绿化管理办法》解读' }))), [policy]);
    assert.deepEqual(linked(w.index, w.root, policy), ['解读/绿化管理办法解读.md (link)']);
    assert.deepEqual(w.index.delete(created), [policy]);
    assert.equal(w.index.linksOf(w.index.get(policy)!).problems.length, 1);
  });

  it('renaming by file name: deleting X_解读.md re-checks X.md', () => {
    const w = loadWorkspace(path.join(WS, 'by-filename'));
    const policy = w.abs('海口市公共租赁住房管理办法.md');
    assert.deepEqual(w.index.delete(w.abs('海口市公共租赁住房管理办法_解读.md')), [policy]);
    assert.deepEqual(linked(w.index, w.root, policy), []);
  });

  it('a policy whose title competes for an interpretation is a dependent too', () => {
    const index = new DraftIndex({ root: '/ws' });
    index.set(draft('/ws/甲/办法.md', fm({ 标题: '海口市某某管理办法' })));
    index.set(draft('/ws/解读.md', fm({ 标题: '《海口市某某管理办法》解读' })));
    // A second policy with the same title in the interpretation's folder takes the match over.
    const affected = index.set(draft('/ws/办法.md', fm({ 标题: '海口市某某管理办法' })));
    assert.deepEqual(affected, ['/ws/甲/办法.md', '/ws/解读.md']);
    assert.deepEqual(linked(index, '/ws', '/ws/甲/办法.md'), []);
    assert.deepEqual(linked(index, '/ws', '/ws/办法.md'), ['解读.md (title)']);
  });
});

describe('workspace: load (bulk indexing at start)', () => {
  it('resolves exactly as drafts added one by one with set()', () => {
    const w = loadWorkspace(path.join(WS, 'by-title'));
    const bulk = new DraftIndex({ root: w.root });
    bulk.load([...w.files].map(([p, t]) => summarizeText(t, p)));
    assert.equal(bulk.size, w.index.size);
    for (const p of w.files.keys()) {
      assert.deepEqual(bulk.linksOf(bulk.get(p)!), w.index.linksOf(w.index.get(p)!));
      assert.deepEqual(bulk.dependents(p), w.index.dependents(p));
    }
  });
});

describe('links: hover descriptions', () => {
  it('describes the linked draft on the 解读材料 value, with its title and dates', () => {
    const w = loadWorkspace(path.join(WS, 'in-sync'));
    const p = w.abs('海口市市级储备粮管理办法.md');
    const text = w.text('海口市市级储备粮管理办法.md');
    const doc = new ZwgkDocument(text, p);
    const at = text.indexOf('解读/《') + 2;
    const [d] = describeLink(doc, w.index, at);
    assert.equal(text.slice(d.start, d.end), '解读/《海口市市级储备粮管理办法》政策解读.md');
    assert.equal(d.markdown, [
      '本文件的政策解读（由本文件的“解读材料”链接）',
      '',
      '**政策解读** 《〈海口市市级储备粮管理办法〉政策解读》',
      '',
      '- 文件：解读/《海口市市级储备粮管理办法》政策解读.md',
      '- 发布日期：2026-03-05',
      '- 起草单位：市发展改革委',
    ].join('\n'));
    assert.deepEqual(describeLink(doc, w.index, text.indexOf('起草单位')), []);
  });

  it('for a match without links, the hover sits on the title', () => {
    const w = loadWorkspace(path.join(WS, 'by-title'));
    const rel = '解读/关于《海口市公共停车设施建设管理办法》的解读.md';
    const doc = new ZwgkDocument(w.text(rel), w.abs(rel));
    const [d] = describeLinks(doc, w.index);
    assert.equal(w.text(rel).slice(d.start, d.end), '关于《海口市公共停车设施建设管理办法》的解读');
    assert.match(d.markdown, /^本解读对应的政策文件（未设链接，按标题对应）/);
    assert.match(d.markdown, /- 文件：\.\.\/文件\/海府办规〔2026〕2号\.txt\n- 发布日期：2026-03-20\n- 发布机构：海口市人民政府办公室\n- 文号：海府办规〔2026〕2号$/);
  });
});

describe('workspace: summarizeText (fast indexing without the document model)', () => {
  const fs = require('node:fs') as typeof import('node:fs');
  const { ALL_RULES } = require('../../src/core') as typeof import('../../src/core');
  const samples: [string, string][] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(md|txt)$/.test(e.name)) samples.push([p, fs.readFileSync(p, 'utf8')]);
    }
  };
  walk(path.resolve(__dirname, '../fixtures'));
  for (const r of ALL_RULES) {
    for (const ex of [...r.meta.examples.fire, ...r.meta.examples.quiet]) {
      samples.push([ex.filename ?? 'draft.md', ex.text]);
      for (const [p, t] of Object.entries(ex.workspace ?? {})) samples.push([p, t]);
    }
  }
  samples.push(
    ['a.md', '# 海口市**某某**管理办法 ##\n\n正文'],
    ['a.md', '前言段落\n\n## 《海口市某某办法》[解读](x.md)\n\n# 真正的标题\n'],
    ['a.md', '```\n# 代码里的标题\n```\n\n海口市某某办法\n=====\n'],
    ['a.md', '第一行\n第二行\n\n---\n\n正文'],
    ['a.md', '---\r\n文档类型: 政策解读\r\n---\r\n\r\n关于《海口市某某办法》的解读\r\n'],
    ['a.md', '---\n标题: [未闭合\n---\n# 标题\n'],
    ['a.md', '---\n标题: 没有结束行\n\n# 正文标题\n'],
    ['a.txt', '<!-- zwgk-disable -->\n\n  海口市某某办法  \n一、总则\n'],
    ['a.md', ''],
  );

  it(`gives the same summary as the document model on ${samples.length} drafts (fixtures, real notices, rule examples)`, () => {
    assert.ok(samples.length > 100);
    for (const [p, text] of samples) {
      assert.deepEqual(summarizeText(text, p), summarize(new ZwgkDocument(text, p), p), `${p}: ${text.slice(0, 60)}`);
    }
  });
});
