/** Test helpers: lint a text with one rule (or all), apply fixes. */
import { lintText, fixText, resolveConfig, ALL_RULES, getRule, DraftIndex, type LintMessage, type RawConfig } from '../../src/core';

/** Lints `text` with only rule `id` enabled (its default severity, or `options`). */
export function lintWith(id: string, text: string, opts: { filename?: string; options?: Record<string, unknown>; index?: DraftIndex } = {}): LintMessage[] {
  const rule = getRule(id);
  if (!rule) throw new Error(`no rule ${id}`);
  const layer: RawConfig = { rules: { [id]: { severity: rule.meta.defaultSeverity === 'off' ? 'warning' : rule.meta.defaultSeverity, ...(opts.options ?? {}) } as never } };
  const internal = getRule('internal-error')!;
  const config = resolveConfig([rule, internal], [layer]);
  const messages = lintText(text, opts.filename ?? 'draft.md', { rules: [rule, internal], config, index: opts.index }).messages;
  const crash = messages.find((m) => m.ruleId === 'internal-error');
  if (crash && id !== 'internal-error') throw new Error(`rule ${id} crashed: ${crash.message}`);
  return messages.filter((m) => m.ruleId === id);
}

export function fixWith(id: string, text: string, opts: { filename?: string; options?: Record<string, unknown> } = {}): string {
  const rule = getRule(id)!;
  const layer: RawConfig = { rules: { [id]: { severity: 'warning', ...(opts.options ?? {}) } as never } };
  return fixText(text, opts.filename ?? 'draft.md', { rules: [rule], config: resolveConfig([rule], [layer]) }).text;
}

/** All rules, default config. */
export function lintAll(text: string, filename = 'draft.md'): LintMessage[] {
  return lintText(text, filename, { rules: ALL_RULES }).messages;
}

/** The source text a message points at. */
export function spanOf(text: string, m: LintMessage): string {
  return text.slice(m.start, m.end);
}
