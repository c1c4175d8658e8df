/** The JSON writers give exactly what JSON.stringify gives, in their layout — on any data (property tests). */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { prettyJson } from '../../src/cli/formatters/pretty';
import { jsonBody, jsonResult } from '../../src/cli/formatters/json';
import { indentJson } from '../../src/cli/formatters/types';
import { makeResult, type CliMessage } from '../../src/cli/results';
import { CLAUSES, type Clause } from '../../src/core';
import { jsonLayout } from './helpers';

const text = fc.string({ unit: fc.constantFrom(...'文号〔〕《》，。a"\\\n\r\t\u0000\u2028😀'.split(''), 'x', '\ud800') });
const clauses: Clause[] = [CLAUSES.tiaoli_12, CLAUSES.guoban_2016_80, { source: 'zwgk', id: 'x', summary: true, text: '摘要"\n' }, { source: 's', id: '', text: '' }];

const message: fc.Arbitrary<CliMessage> = fc.record({
  ruleId: text,
  severity: fc.constantFrom('error', 'warning', 'info') as fc.Arbitrary<CliMessage['severity']>,
  message: text,
  line: fc.nat(),
  column: fc.nat(),
  endLine: fc.nat(),
  endColumn: fc.nat(),
  clause: fc.constantFrom(...clauses),
  fix: fc.option(fc.record({ range: fc.tuple(fc.nat(), fc.nat()), text }), { nil: undefined }),
}, { requiredKeys: ['ruleId', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn', 'clause'] });

describe('cli/formatters: JSON text', () => {
  it('prettyJson(v, indent) is JSON.stringify(v, null, 2) indented', () => {
    fc.assert(fc.property(fc.jsonValue(), fc.constantFrom('', '  ', '        '), (v, indent) => {
      assert.equal(prettyJson(v, indent), indentJson(JSON.stringify(v, null, 2), indent));
    }), { seed: 20190621, numRuns: 300 });
    // undefined members are left out, undefined items and non-finite numbers become null
    const odd = { a: undefined, b: [undefined, NaN, Infinity, -0], c: {}, d: [], e: { f: () => 1 } };
    assert.equal(prettyJson(odd, '  '), indentJson(JSON.stringify(odd, null, 2), '  '));
  });

  it('jsonBody(result) is jsonResult, one message and one clause a line, whatever the messages hold', () => {
    const result = fc.record({
      path: text,
      messages: fc.array(message, { maxLength: 8 }),
      encoding: fc.constantFrom(undefined, 'utf-8', 'gb18030', ''),
      bom: fc.boolean(),
      fixedCount: fc.option(fc.nat(), { nil: undefined }),
    });
    fc.assert(fc.property(result, (r) => {
      const res = makeResult(r.path, r.messages, { encoding: r.encoding, bom: r.bom, ...(r.fixedCount !== undefined ? { fixedCount: r.fixedCount } : {}) });
      assert.equal(jsonBody(res), jsonLayout(jsonResult(res)));
    }), { seed: 20190621, numRuns: 300 });
  });

  it('cites each clause by ref into the file\'s clauses, each text once', () => {
    const copy = { ...clauses[0] }; // an equal clause (as read back from the cache) shares the ref
    const msgs = [clauses[0], clauses[1], copy, clauses[2], clauses[0]].map((clause, i) => ({ ruleId: 'r', severity: 'error' as const, message: `m${i}`, line: 1, column: 1, endLine: 1, endColumn: 2, clause }));
    const out = JSON.parse(jsonBody(makeResult('/a.md', msgs))) as { messages: { clause: { source: string; id: string; ref: number; text?: string } }[]; clauses: Clause[] };
    assert.deepEqual(out.messages.map((m) => m.clause.ref), [0, 1, 0, 2, 0]);
    const asOutput = (c: Clause) => ({ source: c.source, id: c.id, text: c.text, ...(c.summary ? { summary: true } : {}), ...(c.version ? { version: c.version } : {}) });
    assert.deepEqual(out.clauses, [clauses[0], clauses[1], clauses[2]].map(asOutput));
    assert.deepEqual(out.messages[3].clause, { source: 'zwgk', id: 'x', summary: true, ref: 2 });
    for (const m of out.messages) assert.equal(m.clause.text, undefined);
  });

  it('falls back to the generic writer for unexpected field types', () => {
    const odd = makeResult('/a.md', [{ ruleId: 'x', severity: 'error', message: undefined as unknown as string, line: NaN, column: 1, endLine: 1, endColumn: 1, clause: clauses[0] }]);
    assert.equal(jsonBody(odd), jsonLayout(jsonResult(odd)));
  });
});
