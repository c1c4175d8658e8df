/**
 * Client settings (`zwgk.*`), pulled per document with workspace/configuration when the client
 * supports it, else taken from didChangeConfiguration / initializationOptions.
 */
import type { Connection } from 'vscode-languageserver';
import { ALL_RULES, validateConfig, type RawConfig } from '../core';
import type { LogLevel, Logger } from './log';

export interface ZwgkSettings {
  /** `zwgk.enable`: lint at all. */
  enable: boolean;
  /** `zwgk.run`: lint while typing (debounced) or only on open/save. */
  run: 'onType' | 'onSave';
  /** `zwgk.lintAllDocuments`: lint every .md/.txt document, not only drafts. */
  lintAllDocuments: boolean;
  /** `zwgk.rules`: rule id → severity (or `{ severity, ...options }`), over the `.zwgkrc*` files. */
  rules: NonNullable<RawConfig['rules']>;
  /** `zwgk.debounce`: milliseconds between the last keystroke and the lint (onType). */
  debounce: number;
  /** `zwgk.trace.server`: also the server's log verbosity. */
  trace: { server: LogLevel };
}

export const DEFAULT_SETTINGS: ZwgkSettings = {
  enable: true,
  run: 'onType',
  lintAllDocuments: false,
  rules: {},
  debounce: 150,
  trace: { server: 'off' },
};

/** Normalises whatever the client sends (null, partial objects, wrong types) into settings. */
export function normalizeSettings(raw: unknown, log?: Logger, warned?: Set<string>): ZwgkSettings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const s: ZwgkSettings = { ...DEFAULT_SETTINGS, rules: {}, trace: { ...DEFAULT_SETTINGS.trace } };
  if (typeof r.enable === 'boolean') s.enable = r.enable;
  if (r.run === 'onType' || r.run === 'onSave') s.run = r.run;
  if (typeof r.lintAllDocuments === 'boolean') s.lintAllDocuments = r.lintAllDocuments;
  if (typeof r.debounce === 'number' && Number.isFinite(r.debounce)) s.debounce = Math.max(0, Math.min(5000, r.debounce));
  const trace = (r.trace && typeof r.trace === 'object' ? (r.trace as Record<string, unknown>).server : r['trace.server']) as unknown;
  if (trace === 'off' || trace === 'messages' || trace === 'verbose') s.trace.server = trace;
  if (r.rules && typeof r.rules === 'object' && !Array.isArray(r.rules)) {
    for (const [id, value] of Object.entries(r.rules as Record<string, unknown>)) {
      const errors = validateConfig({ rules: { [id]: value } }, ALL_RULES);
      if (errors.length === 0) {
        (s.rules as Record<string, unknown>)[id] = value;
      } else if (log && warned) {
        const key = `${id}\u0000${JSON.stringify(value)}`;
        if (!warned.has(key)) {
          warned.add(key);
          log.warn(`设置 zwgk.rules 中的 “${id}” 无效，已忽略：${errors.map((e) => e.message).join('；')}`);
        }
      }
    }
  }
  return s;
}

export class SettingsStore {
  private readonly cache = new Map<string, Promise<ZwgkSettings>>();
  private global: ZwgkSettings = DEFAULT_SETTINGS;
  private readonly warned = new Set<string>();
  /** True when the client answers workspace/configuration. */
  pull = false;

  constructor(private readonly connection: Connection, private readonly log: Logger) {}

  /** Settings given at start (initializationOptions: `{ settings: { zwgk: … } }` or `{ zwgk: … }`). */
  init(initializationOptions: unknown): void {
    const o = (initializationOptions ?? {}) as Record<string, any>;
    const raw = o.settings?.zwgk ?? o.zwgk ?? (o.settings && typeof o.settings === 'object' ? o.settings : undefined);
    if (raw) this.global = normalizeSettings(raw, this.log, this.warned);
    this.log.level = this.global.trace.server;
  }

  /** didChangeConfiguration: forget everything pulled; push-only clients send the new values. */
  changed(settings: unknown): void {
    this.cache.clear();
    const s = (settings ?? {}) as Record<string, unknown>;
    if (!this.pull && s.zwgk) this.global = normalizeSettings(s.zwgk, this.log, this.warned);
  }

  /** Settings for a document (resource-scoped in VS Code). Never rejects. */
  get(uri?: string): Promise<ZwgkSettings> {
    if (!this.pull) return Promise.resolve(this.global);
    const key = uri ?? '';
    let p = this.cache.get(key);
    if (!p) {
      p = this.connection.workspace
        .getConfiguration(uri ? { scopeUri: uri, section: 'zwgk' } : { section: 'zwgk' })
        .then((raw) => {
          const s = normalizeSettings(raw, this.log, this.warned);
          this.log.level = s.trace.server;
          return s;
        })
        .catch((e) => {
          this.log.debug(`workspace/configuration failed: ${(e as Error).message}`);
          this.cache.delete(key);
          return this.global;
        });
      this.cache.set(key, p);
    }
    return p;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }
}
