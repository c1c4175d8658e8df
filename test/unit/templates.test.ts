/**
 * The templates (snippets/templates.json → snippets/*.json and the insert-template command): every
 * template, expanded with its sample values as a user would fill it in, must lint clean under every
 * rule, in Markdown and in plain text; the generated snippet files must be current; the templates must
 * carry what the rules require of their document type.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  TEMPLATES, TEMPLATE_DATA, renderTemplate, expandSnippet, parseSnippet, sampleText, getTemplate,
  type Template, type TemplateFormat,
} from '../../src/extension/templates';
import { snippetFile, SNIPPET_FILES } from '../../scripts/snippets';
import { lintText, ALL_RULES, META_KEYS, DraftIndex, summarize, ZwgkDocument, DOC_TYPES, type LintMessage } from '../../src/core';

const ROOT = path.resolve(__dirname, '../..');
const FORMATS: TemplateFormat[] = ['markdown', 'text'];
const WS = '/ws/drafts';

function fileFor(t: Template, format: TemplateFormat): string {
  const ext = format === 'markdown' ? '.md' : '.txt';
  // The policy/interpretation pair is saved under the names their links use.
  if (t.id === 'zhengce') return `${WS}/海口市政务公开管理办法${ext}`;
  if (t.id === 'jiedu') return `${WS}/海口市政务公开管理办法-解读${ext}`;
  return `${WS}/${t.id}${ext}`;
}

/** A workspace holding the policy and its interpretation (Markdown), as saved from the templates. */
function workspaceIndex(): DraftIndex {
  const index = new DraftIndex({ root: '/ws' });
  for (const id of ['zhengce', 'jiedu']) {
    const t = getTemplate(id)!;
    const file = fileFor(t, 'markdown');
    index.set(summarize(new ZwgkDocument(sampleText(t, 'markdown'), file), file));
  }
  return index;
}

function show(ms: LintMessage[], text: string): string {
  return ms.map((m) => `  ${m.line}:${m.column} ${m.ruleId} ${m.message} «${text.slice(m.start, m.end)}»`).join('\n');
}

describe('templates', () => {
  it('has the templates the editor offers, with pinyin and Chinese prefixes', () => {
    const ids = TEMPLATES.map((t) => t.id);
    for (const id of ['meta', 'jiedu', 'nianbao', 'zhengqiu', 'zhifa', 'zhaosheng', 'caizheng', 'fupin', 'banshi', 'dafu']) {
      assert.ok(ids.includes(id), `missing template ${id}`);
    }
    assert.equal(new Set(ids).size, ids.length, 'template ids are unique');
    assert.equal(new Set(TEMPLATES.map((t) => t.name)).size, TEMPLATES.length, 'template names are unique');
    const prefixes = TEMPLATES.flatMap((t) => t.prefixes);
    assert.equal(new Set(prefixes).size, prefixes.length, 'prefixes are unique');
    for (const t of TEMPLATES) {
      assert.ok(t.prefixes.some((p) => /^zwgk-[a-z]+$/.test(p)), `${t.id}: a zwgk-<pinyin> prefix`);
      assert.ok(t.prefixes.some((p) => /^[\u4e00-\u9fff]+$/.test(p)), `${t.id}: a Chinese prefix`);
      if (t.docType) assert.ok((DOC_TYPES as readonly string[]).includes(t.docType), `${t.id}: docType ${t.docType}`);
    }
  });

  it('generated snippet files are current (npx tsx scripts/snippets.ts)', () => {
    for (const [format, rel] of Object.entries(SNIPPET_FILES) as [TemplateFormat, string][]) {
      const have = fs.readFileSync(path.join(ROOT, rel), 'utf8');
      assert.equal(have, snippetFile(format), `${rel} is out of date: run npx tsx scripts/snippets.ts`);
      const parsed = JSON.parse(have) as Record<string, { body: string[]; prefix: string[] }>;
      assert.deepEqual(Object.keys(parsed), TEMPLATES.map((t) => t.name));
    }
  });

  it('every body is valid snippet syntax; tab stops are numbered from 1 and every mirror has a placeholder', () => {
    for (const t of TEMPLATES) {
      for (const format of FORMATS) {
        const body = renderTemplate(t, format);
        const nodes = parseSnippet(body);
        const defined = new Set<number>();
        const used = new Set<number>();
        const walk = (ns: ReturnType<typeof parseSnippet>) => {
          for (const n of ns) {
            if (n.kind === 'tabstop') {
              used.add(n.index);
              if (n.children || n.choices) defined.add(n.index);
            }
            if (n.kind !== 'text' && n.children) walk(n.children);
          }
        };
        walk(nodes);
        for (const i of used) if (i !== 0) assert.ok(defined.has(i), `${t.id}/${format}: $${i} mirrors no placeholder`);
        const max = Math.max(...defined);
        for (let i = 1; i <= max; i++) {
          // Plain text leaves out nothing that defines a tab stop, so numbering is contiguous in both.
          assert.ok(defined.has(i), `${t.id}/${format}: tab stop ${i} missing (1…${max})`);
        }
        assert.ok(used.has(0) || t.headerOnly, `${t.id}/${format}: final cursor $0`);
        for (const v of body.matchAll(/\$\{?([A-Z_]+)/g)) {
          assert.ok(['CURRENT_YEAR', 'CURRENT_MONTH', 'CURRENT_DATE'].includes(v[1]), `${t.id}: unexpected variable ${v[1]}`);
        }
      }
    }
  });

  it('every sample value is used by some template', () => {
    const all = TEMPLATES.map((t) => renderTemplate(t, 'markdown')).join('\n');
    for (const key of Object.keys(TEMPLATE_DATA.samples)) assert.ok(all.includes(`:${key}}`), `unused sample “${key}”`);
  });

  it('expands placeholders, choices, mirrors and variables like VS Code', () => {
    assert.equal(expandSnippet('a${1:x${2:y}}b$1$2${3|p,q|}$3'), 'axybxyypp');
    assert.equal(expandSnippet('$1 ${1:标题}'), '标题 标题');
    assert.equal(expandSnippet('${CURRENT_YEAR}-${CURRENT_MONTH}', { variables: { CURRENT_YEAR: '2026', CURRENT_MONTH: '03' } }), '2026-03');
    assert.equal(expandSnippet('${1:某年某月某日}。$1', { samples: { 某年某月某日: '2026年3月2日' } }), '2026年3月2日。2026年3月2日');
    assert.equal(expandSnippet('\\$1 \\} ${1:a\\}b}'), '$1 } a}b');
  });

  it('the metadata template carries every catalogue key (conditional ones as comments)', () => {
    const t = getTemplate('meta')!;
    const keys = t.meta.map((m) => m[0]);
    assert.deepEqual([...keys].sort(), [...META_KEYS].sort());
    const md = sampleText(t, 'markdown');
    for (const k of META_KEYS) assert.match(md, new RegExp(`^(?:# )?${k}: `, 'm'));
  });

  describe('expanded with sample values, every template lints clean under every rule', () => {
    const index = workspaceIndex();
    for (const t of TEMPLATES) {
      for (const format of FORMATS) {
        it(`${t.name} (${format})`, () => {
          const text = sampleText(t, format);
          const file = fileFor(t, format);
          const { document, messages } = lintText(text, file, { rules: ALL_RULES, index });
          assert.deepEqual(document.metadata.problems, []);
          assert.equal(document.metadata.source, format === 'markdown' ? 'front-matter' : 'header');
          if (t.docType) {
            assert.equal(document.type.value, t.docType, `${t.id}: 文档类型`);
            assert.equal(document.type.inferred, false);
            assert.ok(document.title?.text, `${t.id}: has a title`);
          }
          assert.equal(messages.length, 0, `${t.id}/${format} has messages:\n${show(messages, text)}`);
        });
      }
    }
  });

  it('the clean-lint check has teeth: a template filled in badly is flagged', () => {
    // Unmasked personal data and a half-width bracket 文号 in an otherwise clean template.
    const t = getTemplate('fupin')!;
    const bad = sampleText(t, 'markdown').replace('138****1234', '13812345678').replace('46**************36', '460100199001011230');
    const ids = new Set(lintText(bad, fileFor(t, 'markdown'), { rules: ALL_RULES }).messages.map((m) => m.ruleId));
    for (const id of ['personal-phone', 'personal-id-number']) {
      if (ALL_RULES.some((r) => r.meta.id === id)) assert.ok(ids.has(id), `${id} should fire on the badly filled template`);
    }
  });

  it('Markdown and plain text carry the same metadata values', () => {
    for (const t of TEMPLATES) {
      const md = new ZwgkDocument(sampleText(t, 'markdown'), 'a.md');
      const txt = new ZwgkDocument(sampleText(t, 'text'), 'a.txt');
      const values = (d: ZwgkDocument) => d.metadata.fields.map((f) => [f.key, f.value]);
      assert.deepEqual(values(txt), values(md), t.id);
    }
  });

  it('政策解读 has the nine elements and 政策简明问答 as headings', () => {
    const doc = new ZwgkDocument(sampleText(getTemplate('jiedu')!, 'markdown'), 'a.md');
    const hs = doc.headings.map((h) => h.heading ?? h.text).join('\n');
    for (const e of ['背景依据', '目标任务', '主要内容', '适用范围', '执行标准', '注意事项', '关键词诠释', '惠民举措', '新旧政策差异', '政策简明问答']) {
      assert.ok(hs.includes(e), `missing ${e}`);
    }
  });

  it('年度报告 has the six parts of 国办公开办函〔2021〕30号 and the statistics tables', () => {
    for (const format of FORMATS) {
      const text = sampleText(getTemplate('nianbao')!, format);
      const doc = new ZwgkDocument(text, format === 'markdown' ? 'a.md' : 'a.txt');
      const hs = doc.headings.map((h) => h.text);
      const parts = ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况',
        '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'];
      for (const p of parts) assert.ok(hs.some((h) => h.startsWith(p)), `${format}: missing ${p}`);
      for (const row of ['第二十条第（一）项', '第二十条第（五）项', '第二十条第（六）项', '第二十条第（八）项',
        '一、本年新收政府信息公开申请数量', '（七）总计', '四、结转下年度继续办理', '工作考核、社会评议和责任追究结果']) {
        assert.ok(text.includes(row), `${format}: missing ${row}`);
      }
    }
  });

  it('扶贫项目公示 only shows masked personal data, in both formats', () => {
    for (const format of FORMATS) {
      const text = sampleText(getTemplate('fupin')!, format);
      assert.ok(text.includes('| 1 | 张某某 | 46**************36 | 138****1234 | 大致坡镇 |'), `${format}: masked row kept as written`);
      assert.doesNotMatch(text, /\b1[3-9]\d{9}\b/);
    }
  });

  it('plain text drops Markdown marks but keeps asterisks that are data', () => {
    const text = sampleText(getTemplate('jiedu')!, 'text');
    assert.ok(text.includes('\n问：这项政策适用于哪些对象？\n'), 'bold question unwrapped');
    assert.doesNotMatch(text, /^#/m);
    assert.doesNotMatch(text, /^\|---/m);
  });

  it('决策草案 states a window of at least 30 days, 决策依据, 起草说明 and how to comment', () => {
    const text = sampleText(getTemplate('zhengqiu')!, 'markdown');
    for (const s of ['决策依据', '起草说明', '提出意见的方式', '征求意见期限: 2026年3月2日至2026年4月1日', '征求意见时间为2026年3月2日至2026年4月1日']) assert.ok(text.includes(s), s);
    // Nothing in the template reads as a reason to shorten the window: a short window is still reported.
    if (ALL_RULES.some((r) => r.meta.id === 'comment-period')) {
      const short = text.replace(/2026年4月1日/g, '2026年3月20日');
      const ids = lintText(short, '/ws/drafts/zhengqiu.md', { rules: ALL_RULES }).messages.map((m) => m.ruleId);
      assert.ok(ids.includes('comment-period'), `comment-period should fire on an 19-day window: ${ids.join(', ')}`);
    }
  });
});
