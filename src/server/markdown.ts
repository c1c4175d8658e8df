/** Markdown helpers for hovers: escaping, clause quotations, rule sections. */
import type { Clause, LintMessage, Rule } from '../core';
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

/**
 * The first sentence of a text, at most `max` characters (cut with “……”): what a hover quotes. A
 * sentence ends at 。！？ or, when that is too long, at ；.
 */
export function excerpt(text: string, max = 70): string {
  const t = text.replace(/\s*\r?\n\s*/g, ' ').trim();
  const end = t.search(/[。！？](?!」|”)/);
  let s = end >= 0 ? t.slice(0, end + 1) : t;
  if (s.length > max) {
    const semi = s.search(/[；;]/);
    s = semi > 0 && semi < max ? `${s.slice(0, semi)}……` : `${s.slice(0, max)}……`;
  }
  return s.length < t.length && !s.endsWith('……') ? `${s}……` : s;
}

/** A short clause quotation: the first sentence, then source and id. */
export function clauseExcerpt(c: Clause): string {
  return `> ${esc(excerpt(c.text))}\n>\n> —— ${esc(c.id)}${c.summary ? '（摘要）' : ''}`;
}

/** The link at the foot of a hover: the full rule page (offline: a command or a local file). */
export function ruleLinkLine(rule: Rule): string {
  return `[规则说明：${esc(rule.meta.title)}](${docsUrl(rule.meta.id)})`;
}

/**
 * A problem in a hover, readable in two seconds. The editor shows the message itself (VS Code puts the
 * diagnostic above the hover), so it is not repeated: 怎么改 (the quick fix first, when there is one),
 * a short excerpt of the clause, and the link to the rule page.
 */
export function problemHover(m: LintMessage, rule: Rule | undefined, fixTitle?: string): string {
  if (!rule) return clauseExcerpt(m.clause);
  const how = excerpt(rule.meta.howToFix, 90);
  const fix = fixTitle ? `**怎么改：** ${esc(fixTitle)}（快速修复）` : `**怎么改：** ${esc(how)}`;
  // A clause whose text the message already quotes (a wording-pack entry's note) is named, not quoted again.
  const quoted = excerpt(m.clause.text).replace(/……$/, '');
  const clause = m.message.includes(quoted) || quoted.includes(m.message)
    ? `依据：${esc(m.clause.source)}${m.clause.summary ? '（摘要）' : ''}`
    : clauseExcerpt(m.clause);
  return [fix, clause, ruleLinkLine(rule)].join('\n\n');
}

/** Title, rationale, clauses, how to fix, how it decides and the docs link of a rule (the full explanation, never a hover). */
export function ruleSection(rule: Rule, message?: string, clause?: Clause): string {
  const m = rule.meta;
  const parts: string[] = [];
  parts.push(`**zwgk：${esc(m.title)}** \`${m.id}\``);
  if (message) parts.push(esc(message));
  parts.push(`**为什么：** ${esc(m.rationale)}`);
  const clauses = clause ? [clause, ...m.clauses.filter((c) => c.id !== clause.id || c.source !== clause.source)] : m.clauses;
  if (clauses.length) parts.push(`**依据：**\n\n${clauses.slice(0, 2).map(quoteClause).join('\n\n')}`);
  parts.push(`**怎么改：** ${esc(m.howToFix)}`);
  if (m.detection) parts.push(`**检测方法：** ${esc(m.detection)}`);
  parts.push(`[规则说明：${m.id}](${docsUrl(m.id)})`);
  return parts.join('\n\n');
}
