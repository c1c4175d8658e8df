/**
 * The engine: parse once, run every enabled rule on the shared document, apply inline control comments,
 * and return messages with exact ranges, clause and fix. A rule that throws becomes one
 * `internal-error` message; the other rules still run.
 */
import { ZwgkDocument, type DocFormat } from './document';
import { Calendar } from './calendar';
import { DraftIndex } from './workspace';
import { resolveConfig, type ResolvedConfig } from './config';
import { applyFixes } from './fix';
import { findDirectives, disabledAt } from './inline-config';
import type { LintMessage, Report, Rule, RuleContext, Severity } from './types';
import { ALL_RULES } from './rules';
import { redactData, redactPersonalData } from './redact';
import { DEFAULT_PACKS } from './packs/defaults';
import { compilePacks } from './packs/compile';
import type { Pack } from './packs/pack';

export interface LintOptions {
  config?: ResolvedConfig;
  /** Rules to run (default: every rule). */
  rules?: readonly Rule[];
  index?: DraftIndex;
  calendar?: Calendar;
  format?: DocFormat;
  /** The wording packs to use instead of the default packs and the config's (e.g. to test one pack alone). */
  packs?: readonly Pack[];
}

export interface LintResult {
  document: ZwgkDocument;
  messages: LintMessage[];
}

const defaultConfigs = new WeakMap<readonly Rule[], ResolvedConfig>();
const calendars = new WeakMap<ResolvedConfig, Calendar>();

function configFor(rules: readonly Rule[], config?: ResolvedConfig): ResolvedConfig {
  if (config) return config;
  let c = defaultConfigs.get(rules);
  if (!c) defaultConfigs.set(rules, (c = resolveConfig(rules)));
  return c;
}

function calendarFor(config: ResolvedConfig, given?: Calendar): Calendar {
  if (given) return given;
  let c = calendars.get(config);
  if (!c) calendars.set(config, (c = new Calendar(config.calendar)));
  return c;
}

const EMPTY_INDEX = new DraftIndex();

const packLists = new WeakMap<readonly Pack[], readonly Pack[]>();

/** The packs that apply under a config: the default packs, then the config's own (same list object each time). */
export function packsFor(config: ResolvedConfig): readonly Pack[] {
  const own = config.packs ?? [];
  if (own.length === 0) return DEFAULT_PACKS;
  let all = packLists.get(own);
  if (!all) packLists.set(own, (all = [...DEFAULT_PACKS, ...own]));
  return all;
}

/** A control-comment id naming a rule, or `<rule>/<pack>[/<entry>]` of a wording pack that applies. */
function knownDirectiveId(id: string, byId: Map<string, Rule>, packs: () => readonly Pack[]): boolean {
  if (byId.has(id) || ALL_RULES.some((r) => r.meta.id === id)) return true;
  const slash = id.indexOf('/');
  if (slash < 0 || id.slice(0, slash) !== 'wording') return false;
  return compilePacks(packs()).keys.has(id.slice(slash + 1));
}

export function lintText(text: string, filePath?: string, options: LintOptions = {}): LintResult {
  const document = new ZwgkDocument(text, filePath, options.format);
  return { document, messages: lintDocument(document, options) };
}

export function lintDocument(doc: ZwgkDocument, options: LintOptions = {}): LintMessage[] {
  const rules = options.rules ?? ALL_RULES;
  const config = configFor(rules, options.config);
  const calendar = calendarFor(config, options.calendar);
  const index = options.index ?? EMPTY_INDEX;
  const byId = new Map(rules.map((r) => [r.meta.id, r]));
  const messages: LintMessage[] = [];
  const packs = options.packs ?? packsFor(config);
  const directives = findDirectives(doc);
  const disabled = disabledAt(doc, directives);

  const push = (rule: Rule, severity: Severity, r: Report) => {
    const start = clamp(r.start, doc.text.length);
    const end = clamp(Math.max(r.start, r.end), doc.text.length);
    if (disabled(rule.meta.id, start)) return;
    if (r.scope && directives.length) {
      // `wording/typos` and `wording/typos/jiezhi` both switch off a report scoped typos/jiezhi.
      const parts = r.scope.split('/');
      for (let i = 1; i <= parts.length; i++) if (disabled(`${rule.meta.id}/${parts.slice(0, i).join('/')}`, start)) return;
    }
    const a = doc.positionAt(start);
    const b = doc.positionAt(end);
    const msg: LintMessage = {
      ruleId: rule.meta.id,
      severity: r.severity ?? severity,
      // No message or data ever carries a full personal number (see redact.ts).
      message: redactPersonalData(r.message),
      start, end,
      line: a.line, column: a.column, endLine: b.line, endColumn: b.column,
      clause: r.clause ?? rule.meta.clauses[0],
    };
    if (r.fix && r.fix.range[0] >= 0 && r.fix.range[1] <= doc.text.length && r.fix.range[0] <= r.fix.range[1]) msg.fix = r.fix;
    if (r.data) msg.data = redactData(r.data);
    messages.push(msg);
  };

  for (const rule of rules) {
    if (!rule.check) continue;
    const setting = config.rules.get(rule.meta.id);
    const severity = setting?.severity ?? rule.meta.defaultSeverity;
    if (severity === 'off') continue;
    const ctx: RuleContext = {
      doc, calendar, index, severity, severityExplicit: setting?.explicit === true, packs,
      options: setting?.options ?? rule.meta.defaultOptions ?? {},
      report: (r) => push(rule, severity, r),
    };
    try {
      rule.check(ctx);
    } catch (e) {
      const internal = byId.get('internal-error');
      const err = e as Error;
      const detail = (err && err.message) || String(e);
      if (internal) push(internal, 'error', { start: 0, end: 0, message: `规则 ${rule.meta.id} 运行出错，其他规则照常检查：${detail.slice(0, 200)}` });
    }
  }

  // Unknown rule ids in inline comments.
  const inline = byId.get('inline-config-invalid');
  const inlineSetting = config.rules.get('inline-config-invalid')?.severity ?? inline?.meta.defaultSeverity;
  if (inline && inlineSetting && inlineSetting !== 'off') {
    for (const d of directives) {
      for (const id of d.ids) {
        if (!knownDirectiveId(id.id, byId, () => packs)) {
          const what = id.id.includes('/') ? '词库或词条' : '规则 id';
          push(inline, inlineSetting, { start: id.start, end: id.end, message: `控制注释中的${what} “${id.id}”不存在` });
        }
      }
    }
  }
  return messages.sort((x, y) => x.start - y.start || x.end - y.end || x.ruleId.localeCompare(y.ruleId));
}

function clamp(n: number, max: number): number {
  return Number.isFinite(n) ? Math.max(0, Math.min(Math.trunc(n), max)) : 0;
}

export interface FixTextResult {
  text: string;
  /** Messages of the last lint (on the fixed text). */
  messages: LintMessage[];
  /** How many fixes were applied over all passes. */
  fixed: number;
  document: ZwgkDocument;
}

/** Applies fixes and re-lints until nothing is left to fix (at most 10 passes). */
export function fixText(text: string, filePath?: string, options: LintOptions = {}): FixTextResult {
  let current = text;
  let fixed = 0;
  let result = lintText(current, filePath, options);
  for (let pass = 0; pass < 10; pass++) {
    const fixes = result.messages.flatMap((m) => (m.fix ? [m.fix] : []));
    if (fixes.length === 0) break;
    const { text: next, applied } = applyFixes(current, fixes);
    if (applied.length === 0 || next === current) break;
    fixed += applied.length;
    current = next;
    result = lintText(current, filePath, options);
  }
  return { text: current, messages: result.messages, fixed, document: result.document };
}
