/** Markdown helpers for hovers: escaping, clause quotations, rule sections. */
import type { Clause, Rule } from '../core';
import { docsUrl } from './diagnostics';

/** Escapes Markdown syntax so that e.g. `138****1234` or `[2019]` shows as written. */
export function esc(s: string): string {
  return s.replace(/([\\`*_{}[\]()#+\-.!|<>~])/g, '\\$1');
}

/** A clause as a block quote with its source and id; summaries are marked 摘要. */
export function quoteClause(c: Clause): string {
  const body = c.text.split(/\r?\n/).map((l) => `> ${esc(l)}`).join('\n>\n');
  return `${body}\n>\n> —— ${esc(c.source)} ${esc(c.id)}${c.summary ? '（摘要，非原文）' : ''}`;
}

/** Title, rationale, clauses, how to fix and the docs link of a rule. */
export function ruleSection(rule: Rule, message?: string, clause?: Clause): string {
  const m = rule.meta;
  const parts: string[] = [];
  parts.push(`**zwgk：${esc(m.title)}** \`${m.id}\``);
  if (message) parts.push(esc(message));
  parts.push(`**为什么：** ${esc(m.rationale)}`);
  const clauses = clause ? [clause, ...m.clauses.filter((c) => c.id !== clause.id || c.source !== clause.source)] : m.clauses;
  if (clauses.length) parts.push(`**依据：**\n\n${clauses.slice(0, 2).map(quoteClause).join('\n\n')}`);
  parts.push(`**怎么改：** ${esc(m.howToFix)}`);
  parts.push(`[规则说明：${m.id}](${docsUrl(m.id)})`);
  return parts.join('\n\n');
}
