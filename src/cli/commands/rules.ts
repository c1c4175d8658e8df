/** `zwgk rules` — every rule with its default severity, fixability, the clauses it enforces and its title. */
import { ALL_RULES, type RuleMeta } from '../../core';
import { CliError } from '../errors';
import { colors, padEnd, displayWidth, useColor } from '../text';
import type { Io } from '../io';

export function ruleJson(m: RuleMeta): Record<string, unknown> {
  return {
    id: m.id,
    title: m.title,
    description: m.description,
    category: m.category,
    defaultSeverity: m.defaultSeverity,
    fixable: m.fixable,
    clauses: m.clauses.map((c) => ({ source: c.source, id: c.id, text: c.text, ...(c.summary ? { summary: true } : {}) })),
    ...(m.defaultOptions ? { defaultOptions: m.defaultOptions } : {}),
    docs: `docs/rules/${m.id}.md`,
  };
}

export function rulesCommand(flags: { format: string }, io: Io): number {
  const metas = ALL_RULES.map((r) => r.meta);
  if (flags.format === 'json') {
    io.stdout.write(JSON.stringify(metas.map(ruleJson), null, 2) + '\n');
    return 0;
  }
  if (flags.format !== 'stylish') throw new CliError(`zwgk rules 的 --format 只能是 stylish 或 json，收到“${flags.format}”`);
  const c = colors(useColor(io.stdout.isTTY, io.env));
  const rows = metas.map((m) => [
    m.id,
    m.defaultSeverity,
    m.fixable ? '✓' : '',
    m.clauses.map(citation).join('；'),
    m.title,
  ]);
  const header = ['规则', '默认', '修复', '依据', '说明'];
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => (i === 3 ? Math.min(40, displayWidth(r[i])) : displayWidth(r[i])))));
  const line = (cells: string[]) => cells.map((cell, i) => (i === cells.length - 1 ? cell : padEnd(cell, widths[i]))).join('  ').trimEnd();
  const out = [c.bold(line(header))];
  for (const r of rows) {
    const sev = r[1] === 'error' ? c.red(padEnd(r[1], widths[1])) : r[1] === 'warning' ? c.yellow(padEnd(r[1], widths[1])) : padEnd(r[1], widths[1]);
    out.push([padEnd(r[0], widths[0]), sev, padEnd(r[2], widths[2]), padEnd(r[3], widths[3]), r[4]].join('  ').trimEnd());
  }
  out.push('', `共 ${metas.length} 条规则。用 zwgk explain <规则id> 查看依据的条文、原因和示例。`);
  io.stdout.write(out.join('\n') + '\n');
  return 0;
}

/**
 * How a clause is cited in the table: ids like “条例 第十五条” or “要点 四（三）” already name their document;
 * others get a short form of the source (“GB/T 9704-2012 7.2.5 发文字号”, “个人信息保护法 第二十五…条”).
 */
export function citation(cl: { source: string; id: string }): string {
  if (cl.source === 'zwgk' || /^[\u4e00-\u9fff]\S* /.test(cl.id)) return cl.id;
  const gb = /^(GB(?:\/T)? [0-9.-]+)/.exec(cl.source);
  const short = gb ? gb[1] : (/《([^》]{1,30})》/.exec(cl.source)?.[1] ?? cl.source.replace(/^中华人民共和国/, '').replace(/（[^）]*）$/, ''));
  return `${short} ${cl.id}`.trim();
}
