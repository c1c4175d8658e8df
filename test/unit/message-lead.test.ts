/**
 * Problems messages lead with what to write or do (issue 9): the Problems panel cuts long messages, so
 * the corrected form or the due date comes first, the explanation after it. Checked on every rule's
 * documented must-fire examples.
 */
import * as assert from 'node:assert/strict';
import { ALL_RULES, formatDate, parseDate, redactPersonalData, type LintMessage, type Rule, type RuleExample } from '../../src/core';
import { lintWith } from '../helpers/lint';
import { indexFromExample } from '../helpers/workspace';

/** What the Problems panel shows of a message before cutting it on a narrow panel. */
const LEAD = 20;

function messagesOf(rule: Rule, ex: RuleExample): LintMessage[] {
  const index = ex.workspace ? indexFromExample(ex) : undefined;
  return lintWith(rule.meta.id, ex.text, { filename: ex.filename, options: ex.options, index });
}

describe('messages lead with the corrected form', () => {
  // The wording packs' messages are data (src/core/packs/defaults), reviewed with the packs.
  const rules = ALL_RULES.filter((r) => r.check && r.meta.id !== 'wording');

  it('a fix that writes a short replacement: the message shows it within its first 20 characters', () => {
    let checked = 0;
    for (const r of rules) {
      for (const ex of r.meta.examples.fire) {
        for (const m of messagesOf(r, ex)) {
          const f = m.fix;
          if (!f || !f.text || /\n/.test(f.text) || f.text.length > LEAD) continue;
          const old = ex.text.slice(f.range[0], f.range[1]);
          if (redactPersonalData(old) !== old) continue; // a masked number is not echoed
          const at = m.message.indexOf(f.text);
          assert.ok(at >= 0 && at + Math.min(f.text.length, 8) <= LEAD, `${r.meta.id} — ${ex.title}: “${f.text}” should lead:\n${m.message}`);
          checked++;
        }
      }
    }
    assert.ok(checked >= 20, `checked ${checked} messages`);
  });

  it('a deadline rule leads with the due date it computed (“应于…前”)', () => {
    // comment-period's `deadline` is the end of the window it read, not a due date: it leads with the minimum.
    const deadlineRules = rules.filter((r) => r.meta.category === '期限' && r.meta.id !== 'comment-period');
    assert.ok(deadlineRules.length >= 4);
    for (const r of deadlineRules) {
      for (const ex of r.meta.examples.fire) {
        for (const m of messagesOf(r, ex)) {
          if (m.severity === 'info' || typeof m.data?.deadline !== 'string') continue;
          const due = parseDate(m.data.deadline as string)!;
          assert.ok(m.message.startsWith(`应于${formatDate(due, 'cn')}前`) || m.message.startsWith(`最迟应于${formatDate(due, 'cn')}前`),
            `${r.meta.id} — ${ex.title}: lead with the due date:\n${m.message}`);
        }
      }
    }
    const period = ALL_RULES.find((r) => r.meta.id === 'comment-period')!;
    for (const ex of period.meta.examples.fire) {
      for (const m of messagesOf(period, ex)) assert.match(m.message, /^征求意见期限应不少于\d+日，或说明缩短的理由/, m.message);
    }
  });
});
