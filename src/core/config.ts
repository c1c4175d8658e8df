/**
 * Configuration as data: validated against the generated schema, merged in layers (farther file first,
 * nearer file last, command-line last of all). The core never reads files; the CLI and server hand it
 * parsed objects.
 */
import type { Rule, SeveritySetting } from './types';
import type { CalendarOptions } from './calendar';
import { buildConfigSchema } from './schema';
import { ajvClass } from './util/ajv';
import type { Pack } from './packs/pack';

export interface RawConfig {
  $schema?: string;
  extends?: string;
  root?: boolean;
  rules?: Record<string, SeveritySetting | ({ severity?: SeveritySetting } & Record<string, unknown>)>;
  ignore?: string[];
  calendar?: CalendarOptions;
  /** Wording packs (YAML data files), by paths relative to the config file; read by the CLI/server. */
  packs?: string[];
}

export interface RuleSetting {
  severity: SeveritySetting;
  options: Record<string, unknown>;
  /** True when some layer set the severity (false: the rule's default). */
  explicit?: boolean;
}

export interface ResolvedConfig {
  rules: Map<string, RuleSetting>;
  ignore: string[];
  calendar: CalendarOptions;
  /**
   * The wording packs the config layers name (read and checked by the CLI or the server; the default
   * packs are not in this list). NOTE for result caches: a cache key must include these packs' content.
   */
  packs: readonly Pack[];
}

export interface ConfigError {
  /** JSON path of the offending key, e.g. rules.doc-number-fromat */
  key: string;
  message: string;
}

const validators = new WeakMap<readonly Rule[], (data: unknown) => ConfigError[]>();

/** Validates a parsed config object; each error names the offending key. */
export function validateConfig(raw: unknown, rules: readonly Rule[]): ConfigError[] {
  let v = validators.get(rules);
  if (!v) {
    const ajv = new (ajvClass())({ allErrors: true, strict: false });
    const validate = ajv.compile(buildConfigSchema(rules));
    const ids = new Set(rules.map((r) => r.meta.id));
    v = (data) => {
      if (validate(data)) return [];
      const out: ConfigError[] = [];
      const seen = new Set<string>();
      for (const e of validate.errors ?? []) {
        const path = e.instancePath.split('/').filter(Boolean).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
        let key = path.join('.');
        let message: string;
        if (e.keyword === 'additionalProperties') {
          const extra = (e.params as { additionalProperty: string }).additionalProperty;
          key = [...path, extra].join('.');
          message = path.length === 1 && path[0] === 'rules' && !ids.has(extra)
            ? `未知的规则 id “${extra}”${suggest(extra, ids)}`
            : `未知的配置项 “${extra}”`;
        } else if (e.keyword === 'oneOf' || e.keyword === 'enum' && path[0] === 'rules') {
          message = '规则设置应为 off|info|warning|error 或 { "severity": …, 选项 }';
        } else {
          message = `${e.message ?? '无效'}`;
        }
        // oneOf produces one error per branch: keep the most specific message per key.
        if (seen.has(key) && e.keyword !== 'additionalProperties') continue;
        seen.add(key);
        out.push({ key: key || '(根)', message });
      }
      // Prefer unknown-key errors over the generic oneOf ones on the same rule.
      return out.filter((e, i) => !out.some((o, j) => j !== i && o.key.startsWith(e.key + '.') && e.message.startsWith('规则设置')));
    };
    validators.set(rules, v);
  }
  return v(raw);
}

function suggest(id: string, ids: Set<string>): string {
  let best = '', bestD = Infinity;
  for (const c of ids) {
    const d = editDistance(id, c);
    if (d < bestD) { bestD = d; best = c; }
  }
  return bestD <= 3 ? `，是否想写 “${best}”？` : '';
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return 99;
  const dp = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) dp[0][j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      dp[i][j] = Math.min(dp[i - 1][j] + 1, dp[i][j - 1] + 1, dp[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  return dp[a.length][b.length];
}

/** Settings of one rule id in a raw config, normalised; undefined when the config does not mention it. */
function ruleEntry(value: RawConfig['rules'] extends Record<string, infer V> | undefined ? V : never): Partial<RuleSetting> {
  if (typeof value === 'string') return { severity: value };
  const { severity, ...options } = value as { severity?: SeveritySetting } & Record<string, unknown>;
  return { severity, options };
}

/**
 * Merges config layers (earlier = lower priority) over the rules' defaults.
 * Options merge key by key; arrays and objects in options replace, except `renames`-style maps which merge.
 */
export function resolveConfig(rules: readonly Rule[], layers: RawConfig[] = [], packs: readonly Pack[] = []): ResolvedConfig {
  const map = new Map<string, RuleSetting>();
  for (const r of rules) map.set(r.meta.id, { severity: r.meta.defaultSeverity, options: { ...(r.meta.defaultOptions ?? {}) } });
  const ignore: string[] = [];
  const calendar: Required<CalendarOptions> = { holidays: [], workdays: [], years: [] };
  for (const layer of layers) {
    for (const [id, value] of Object.entries(layer.rules ?? {})) {
      const cur = map.get(id);
      if (!cur) continue;
      const e = ruleEntry(value);
      const options = { ...cur.options };
      for (const [k, v] of Object.entries(e.options ?? {})) {
        const prev = options[k];
        options[k] = isPlainObject(prev) && isPlainObject(v) ? { ...prev, ...v } : v;
      }
      map.set(id, { severity: e.severity ?? cur.severity, options, explicit: cur.explicit || e.severity !== undefined });
    }
    ignore.push(...(layer.ignore ?? []));
    calendar.holidays.push(...(layer.calendar?.holidays ?? []));
    calendar.workdays.push(...(layer.calendar?.workdays ?? []));
    calendar.years.push(...(layer.calendar?.years ?? []));
  }
  return { rules: map, ignore, calendar, packs };
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
