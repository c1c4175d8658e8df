/**
 * Running a pack's examples as tests (`zwgk packs test`, and the default packs in `npm test`): every
 * `fire` example must give the entry's message (and, with `fixed`, fix to exactly that text), every
 * `quiet` example none. The pack is linted alone, through the engine, as a draft would be.
 */
import { lintText } from '../engine';
import { applyFixes } from '../fix';
import { resolveConfig } from '../config';
import type { LintMessage, Rule } from '../types';
import type { Pack, PackExample } from './pack';

export interface ExampleFailure {
  /** Entry (or citation) id. */
  entry: string;
  kind: 'fire' | 'quiet';
  /** 1-based number of the example within its list. */
  number: number;
  text: string;
  problem: string;
}

export interface ExampleReport {
  pack: Pack;
  /** Examples run. */
  total: number;
  failures: ExampleFailure[];
}

function draftOf(ex: PackExample): { text: string; bodyStart: number } {
  if (!ex.date) return { text: `${ex.text}\n`, bodyStart: 0 };
  const head = `---\n成文日期: ${ex.date}\n---\n\n`;
  return { text: `${head}${ex.text}\n`, bodyStart: head.length };
}

/** Runs every example of `pack` with the wording rule `rule` (passed in: the registry imports this module's users). */
export function runPackExamples(pack: Pack, rule: Rule): ExampleReport {
  const config = resolveConfig([rule], [{ rules: { [rule.meta.id]: 'warning' } }]);
  // Each entry at its own level, not the severity set above: levels are what the pack says.
  config.rules.set(rule.meta.id, { severity: 'warning', options: {}, explicit: false });
  const failures: ExampleFailure[] = [];
  let total = 0;
  const items = [
    ...pack.entries.map((e) => ({ id: e.id, examples: e.examples })),
    ...pack.citations.map((c) => ({ id: c.id, examples: c.examples })),
  ];
  const run = (ex: PackExample): { messages: LintMessage[]; draft: ReturnType<typeof draftOf> } => {
    const draft = draftOf(ex);
    return { messages: lintText(draft.text, 'example.md', { rules: [rule], config, packs: [pack] }).messages, draft };
  };
  for (const item of items) {
    const mine = (m: LintMessage) => m.data?.pack === pack.id && m.data?.entry === item.id;
    item.examples.fire.forEach((ex, i) => {
      total++;
      const { messages, draft } = run(ex);
      const hits = messages.filter(mine);
      const fail = (problem: string) => failures.push({ entry: item.id, kind: 'fire', number: i + 1, text: ex.text, problem });
      if (hits.length === 0) {
        fail(messages.length ? `没有报告（报告的是其他词条：${messages.map((m) => m.data?.entry).join('、')}）` : '没有报告');
        return;
      }
      if (ex.fixed !== undefined) {
        const fixes = hits.flatMap((m) => (m.fix ? [m.fix] : []));
        const fixed = applyFixes(draft.text, fixes).text.slice(draft.bodyStart).replace(/\n$/, '');
        if (fixed !== ex.fixed) fail(`修复后为“${fixed}”，应为“${ex.fixed}”`);
      }
    });
    item.examples.quiet.forEach((ex, i) => {
      total++;
      const hits = run(ex).messages.filter(mine);
      if (hits.length) {
        failures.push({ entry: item.id, kind: 'quiet', number: i + 1, text: ex.text, problem: `不应报告，却报告了：${hits.map((m) => m.message).join('；')}` });
      }
    });
  }
  return { pack, total, failures };
}
