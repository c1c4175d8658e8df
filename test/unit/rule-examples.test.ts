/**
 * Every rule's documented examples are its tests (as in remark-lint): `fire` examples must give the
 * rule's message (and, when `fixed` is given, fix to exactly that text), `quiet` examples must give none.
 * Rules must document at least one of each (engine-reported rules excepted).
 */
import * as assert from 'node:assert/strict';
import { ALL_RULES, DraftIndex } from '../../src/core';
import { lintWith, fixWith } from '../helpers/lint';
import { indexFromExample } from '../helpers/workspace';

const ENGINE_ONLY = new Set(['internal-error']);

describe('rule examples (docs are tests)', () => {
  for (const rule of ALL_RULES) {
    const { id } = rule.meta;
    describe(id, () => {
      if (!ENGINE_ONLY.has(id)) {
        it('documents cases that fire and cases that stay quiet', () => {
          assert.ok(rule.meta.examples.fire.length > 0, `${id} has no fire example`);
          assert.ok(rule.meta.examples.quiet.length > 0, `${id} has no quiet example`);
          assert.ok(rule.meta.clauses.length > 0 && rule.meta.clauses.every((c) => c.text.length > 10), `${id} cites no clause text`);
        });
      }
      for (const ex of rule.meta.examples.fire) {
        it(`fires: ${ex.title}`, () => {
          const index: DraftIndex | undefined = ex.workspace ? indexFromExample(ex) : undefined;
          const msgs = lintWith(id, ex.text, { filename: ex.filename, options: ex.options, index });
          if (ex.count !== undefined) assert.equal(msgs.length, ex.count, JSON.stringify(msgs.map((m) => m.message)));
          else assert.ok(msgs.length > 0, 'expected at least one message');
          for (const m of msgs) {
            assert.ok(m.start >= 0 && m.start <= m.end && m.end <= ex.text.length, 'range inside the text');
            assert.ok(/[\u4e00-\u9fff]/.test(m.message), 'message is in Chinese');
          }
          if (ex.fixed !== undefined) {
            assert.ok(rule.meta.fixable, 'an example with `fixed` belongs to a fixable rule');
            assert.equal(fixWith(id, ex.text, { filename: ex.filename, options: ex.options }), ex.fixed);
          }
        });
      }
      for (const ex of rule.meta.examples.quiet) {
        it(`stays quiet: ${ex.title}`, () => {
          const index = ex.workspace ? indexFromExample(ex) : undefined;
          const msgs = lintWith(id, ex.text, { filename: ex.filename, options: ex.options, index });
          assert.deepEqual(msgs.map((m) => `${m.line}:${m.column} ${m.message}`), []);
        });
      }
    });
  }
});
