/**
 * One source of truth: on every draft in examples/ and in the real-document corpus, the due date the
 * ledger lists is the one the deadline rule's message names, and a deadline the ledger calls late is one
 * the rule reports (and the other way round).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildLedger, Calendar, DraftIndex, ZwgkDocument, lintDocument, summarize, formatOf, parseDate, type LintMessage } from '../../../src/core';
import { cnDate } from '../../../src/core/deadlines/wording';
import { decode } from '../../../src/cli/encoding';

const ROOT = path.resolve(__dirname, '../../..');
const DEADLINE_RULES = new Set(['proactive-disclosure-deadline', 'annual-report-deadline', 'application-reply-deadline', 'comment-period', 'normative-filing-deadline']);

function draftsUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(md|txt)$/i.test(e.name) && !/^README/i.test(e.name)) out.push(p);
    }
  };
  walk(dir);
  return out.sort();
}

function check(dir: string): { drafts: number; compared: number } {
  const cal = new Calendar();
  const index = new DraftIndex({ root: dir });
  const docs: ZwgkDocument[] = [];
  for (const f of draftsUnder(dir)) {
    const dec = decode(fs.readFileSync(f));
    if (dec.kind !== 'text') continue;
    const doc = new ZwgkDocument(dec.text, f, formatOf(f));
    docs.push(doc);
    index.set(summarize(doc, f));
  }
  const inputs = docs.map((doc) => ({ doc, messages: lintDocument(doc, { index, calendar: cal }) }));
  const ledger = buildLedger(inputs, { index, calendar: cal, today: '2026-12-01' });
  let compared = 0;
  for (const { doc, messages } of inputs) {
    const entry = ledger.entries.find((e) => e.path === doc.filePath)!;
    const where = path.relative(ROOT, doc.filePath!);
    // info messages say what cannot be told (a year the calendar does not cover, a level zwgk cannot
    // read: then the department's 1月31日 is named beside the ledger's 3月31日).
    const ruleMsgs = (messages as LintMessage[]).filter((m) => DEADLINE_RULES.has(m.ruleId) && m.severity !== 'info');
    // Every due date a rule names is the ledger's, for the same rule.
    for (const m of ruleMsgs) {
      const named = (m.data as { deadline?: string } | undefined)?.deadline;
      if (!named) continue;
      const listed = entry.deadlines.filter((d) => d.rule === m.ruleId);
      assert.ok(listed.length > 0, `${where}: ${m.ruleId} reports (${m.message}) but the ledger lists no such deadline`);
      assert.ok(listed.some((d) => d.due === named), `${where}: ${m.ruleId} names ${named}, the ledger ${listed.map((d) => d.due).join(', ')}`);
      assert.ok(m.message.includes(cnDate(parseDate(named)!)), `${where}: the message does not print ${named}: ${m.message}`);
      compared++;
    }
    // Every deadline the ledger calls late (done after the due date) is one the rule reports.
    for (const d of entry.deadlines) {
      if (d.status !== 'late') continue;
      assert.ok(ruleMsgs.some((m) => m.ruleId === d.rule), `${where}: the ledger lists ${d.rule} late (due ${d.due}), the rule says nothing`);
      compared++;
    }
  }
  return { drafts: docs.length, compared };
}

describe('ledger: one source of truth with the deadline rules', () => {
  it('examples/: every due date and every late deadline agree', () => {
    const r = check(path.join(ROOT, 'examples'));
    assert.ok(r.drafts >= 10, `read ${r.drafts} drafts`);
    assert.ok(r.compared >= 10, `compared ${r.compared}`);
  });

  it('test/corpus/docs (real documents): every due date and every late deadline agree', function () {
    this.timeout(120000);
    const r = check(path.join(ROOT, 'test/corpus/docs'));
    assert.ok(r.drafts >= 100, `read ${r.drafts} drafts`);
    assert.ok(r.compared >= 5, `compared ${r.compared}`);
  });
});
