/** Shared types of the zwgk engine. No I/O, no editor imports. */
import type { Root } from 'mdast';
import type { ZwgkDocument } from './document';
import type { Calendar } from './calendar';
import type { DraftIndex } from './workspace';
import type { Pack } from './packs/pack';
import type { SourceLocation } from './formats/source-map';

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';

/** A clause that a rule enforces: where it comes from and its text. */
export interface Clause {
  /** Source document, e.g. 中华人民共和国政府信息公开条例（国务院令第711号）. */
  source: string;
  /** Clause id as users cite it, e.g. 条例 第十五条 or 要点 二（一）. */
  id: string;
  /** Verbatim text (or, when `summary` is true, the summary from requirements.md). */
  text: string;
  /** True when `text` is a summary, not a verbatim quotation. */
  summary?: boolean;
  /** The version of the source the text comes from, with the dates it was in force (see sources.ts). */
  version?: string;
}

/** A text edit on the document: replace `text` in [range[0], range[1]) (UTF-16 offsets). */
export interface Fix {
  range: [number, number];
  text: string;
}

/** One problem found in a draft. Offsets are UTF-16 code units; lines/columns are 1-based. */
export interface LintMessage {
  ruleId: string;
  severity: Severity;
  message: string;
  start: number;
  end: number;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  clause: Clause;
  fix?: Fix;
  /** Extra structured data for editors (e.g. the deadline date); never needed to understand `message`. */
  data?: Record<string, unknown>;
  /**
   * For a .docx or .html file: where the message is in that file (a paragraph or table cell with an
   * excerpt; an HTML source range). Offsets and lines of a .docx message are in zwgk's text of it.
   */
  location?: SourceLocation;
}

/** What a rule reports; the engine adds severity, positions and the default clause. */
export interface Report {
  start: number;
  end: number;
  message: string;
  fix?: Fix;
  clause?: Clause;
  /** Overrides the configured severity for this one report (e.g. an `info` "cannot compute"). */
  severity?: Severity;
  data?: Record<string, unknown>;
  /**
   * A finer id under the rule (e.g. `typos/jiezhi` for a wording-pack entry): control comments naming
   * `<rule-id>/<scope>` — or any prefix of it — switch this report off.
   */
  scope?: string;
}

export interface RuleContext<O = Record<string, unknown>> {
  doc: ZwgkDocument;
  /** Rule options from config, merged over the rule's defaults. */
  options: O;
  report(report: Report): void;
  /** Working-day calendar (official holidays + config overrides). */
  calendar: Calendar;
  /** The set of drafts, for cross-document rules; may be empty (single file). */
  index: DraftIndex;
  /** The rule's configured severity (never `off`: a rule switched off does not run). */
  severity: Severity;
  /** True when a config layer (or --rule) set the severity; false when it is the rule's default. */
  severityExplicit: boolean;
  /** The wording packs that apply: the default packs, then the packs the config names. */
  packs: readonly Pack[];
}

/** A documented example; examples are also the rule's tests (`test/unit/rule-examples.test.ts`). */
export interface RuleExample {
  /** Short Chinese title shown in the docs. */
  title: string;
  /** The draft text (Markdown unless `filename` ends in .txt). */
  text: string;
  filename?: string;
  /** Options for this rule while running the example. */
  options?: Record<string, unknown>;
  /** For `fire` examples: how many messages this rule must give (default: at least one). */
  count?: number;
  /** For fixable `fire` examples: the text after all fixes. */
  fixed?: string;
  /** Other drafts in the workspace for cross-document examples: path → text. */
  workspace?: Record<string, string>;
}

export type RuleCategory = '格式' | '个人信息' | '用语' | '元数据' | '解读' | '期限' | '内容' | '引擎';

export interface RuleMeta {
  /** Public, stable id (kebab-case). */
  id: string;
  /** Short Chinese title. */
  title: string;
  /** One-line description (Chinese). */
  description: string;
  category: RuleCategory;
  defaultSeverity: SeveritySetting;
  clauses: Clause[];
  /** Why it matters, for hovers and docs (Chinese, a sentence or two). */
  rationale: string;
  /** How to fix it by hand (Chinese). */
  howToFix: string;
  fixable: boolean;
  /** JSON Schema `properties` of this rule's options (besides `severity`). */
  options?: Record<string, unknown>;
  defaultOptions?: Record<string, unknown>;
  examples: { fire: RuleExample[]; quiet: RuleExample[] };
}

export interface Rule<O = any> {
  meta: RuleMeta;
  /** Engine-provided rules (front-matter-invalid …) have no check of their own. */
  check?: (ctx: RuleContext<O>) => void;
}

export type { Root };
