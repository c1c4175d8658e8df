/**
 * Protocol tests: the problem hover of every rule, on every documented must-fire example — short, each text
 * once, never the message (VS Code shows it above the hover), the rationale or the detection text.
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver';
import { ALL_RULES, getRule } from '../../src/core';
import { LspClient, startWorkspace } from './lsp-client';

/** Hover Markdown with the escapes removed. */
function plain(h: { contents: unknown } | null): string {
  assert.ok(h, 'no hover');
  const c = h.contents as { kind: string; value: string };
  assert.equal(c.kind, 'markdown');
  return c.value.replace(/\\(.)/g, '$1');
}

/** Non-empty lines of a hover section (what a drafter has to read). */
const lines = (v: string) => v.split('\n').map((l) => l.trim()).filter((l) => l && l !== '>' && l !== '---');

/** Sentences (split after 。！？；), at least 8 characters: what must not be read twice. */
const sentences = (v: string) => v.split(/(?<=[。！？；])|\n/).map((s) => s.replace(/^[>*\s-]+|[*\s]+$/g, '')).filter((s) => s.length >= 8);

interface Case { rule: string; title: string; file: string; text: string }

describe('language server: every rule’s problem hover', function () {
  this.timeout(120000);
  let ws: string;
  let client: LspClient;
  const cases: Case[] = [];

  before(async () => {
    // Each must-fire example in a folder of its own (with its workspace drafts); examples that need
    // options of their own are left to test/unit/rule-examples.test.ts.
    const files: Record<string, string> = { '.zwgkrc.json': '{ "rules": {} }\n' };
    let n = 0;
    for (const r of ALL_RULES) {
      for (const ex of r.meta.examples.fire) {
        if (ex.options) continue;
        const dir = `ex${++n}`;
        const file = `${dir}/${ex.filename ?? 'draft.md'}`;
        files[file] = ex.text;
        for (const [p, t] of Object.entries(ex.workspace ?? {})) files[`${dir}/${p}`] = t;
        cases.push({ rule: r.meta.id, title: ex.title, file, text: ex.text });
      }
    }
    ({ ws, client } = await startWorkspace(files));
  });
  after(() => client?.shutdown());

  it('is short, says each thing once, and never repeats the message, the rationale or the detection text', async () => {
    const seenRules = new Set<string>();
    let hovers = 0;
    for (const c of cases) {
      const uri = client.open(path.join(ws, c.file), c.text);
      const diags: Diagnostic[] = await client.diagnostics(uri);
      for (const d of diags.filter((x) => x.code === c.rule)) {
        const where = `${c.rule} — ${c.title}`;
        const v = plain(await client.hover(uri, d.range.start.line, d.range.start.character));
        hovers++;
        seenRules.add(c.rule);
        const rule = getRule(c.rule)!;
        // The problem's own section: the one that links its rule page.
        const section = v.split('\n\n---\n\n').find((s) => s.includes(`规则说明：${rule.meta.title}`));
        assert.ok(section, `${where}: the hover has the rule's section\n${v}`);
        assert.match(lines(section)[0], /^\*\*怎么改：\*\* /, `${where}: 怎么改 first\n${section}`);
        assert.ok(lines(section).length <= 5, `${where}: ${lines(section).length} lines\n${section}`);
        assert.ok(section.length <= 320, `${where}: ${section.length} characters\n${section}`);
        assert.ok(!v.includes(String(d.message)), `${where}: the message is shown by VS Code, not again in the hover\n${v}`);
        assert.ok(!v.includes('为什么') && !v.includes('检测方法'), `${where}: no rationale / detection heading`);
        for (const s of [...sentences(rule.meta.rationale), ...sentences(rule.meta.detection ?? '')]) {
          assert.ok(!v.includes(s), `${where}: “${s}” belongs on the rule page\n${v}`);
        }
        const all = sentences(v);
        const twice = all.filter((s, i) => all.indexOf(s) !== i);
        assert.deepEqual(twice, [], `${where}: said twice\n${v}`);
      }
      client.close(uri);
    }
    // Every rule that can fire without options of its own was hovered (engine-only rules have no check).
    const expected = ALL_RULES.filter((r) => r.check && r.meta.examples.fire.some((e) => !e.options)).map((r) => r.meta.id);
    assert.deepEqual(expected.filter((id) => !seenRules.has(id)), [], 'rules whose examples gave no diagnostic in the server');
    assert.ok(hovers >= expected.length);
  });
});
