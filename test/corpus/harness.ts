/**
 * The real-document corpus: every document in `docs/` beside a reviewed record (`<name>.review.yaml`)
 * that says what the document is (its kind, the catalogue fields the page states) and which of zwgk's
 * messages on it were judged correct, each with the reviewer's reason. Shared by the mocha test
 * (`corpus.test.ts`, part of `npm test`) and `npm run corpus` (the per-rule table).
 *
 * zwgk is run the way a user runs it: the built CLI, `zwgk lint --format json` and `zwgk inspect
 * --format json` over every document at once (so cross-document rules see the policy/解读 pairs), with no
 * config lookup.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { parse as parseYaml } from 'yaml';

export const CORPUS = path.join(__dirname);
export const DOCS = path.join(CORPUS, 'docs');
const CLI = path.join(__dirname, '..', '..', 'dist', 'cli.js');

export interface ReviewedFinding {
  rule: string;
  line: number;
  /** The text the message points at (its first 40 characters). */
  at: string;
  /** Why the reviewer judged it correct. */
  why: string;
}

export interface Review {
  /** The document's kind as the reviewer reads it (one of zwgk's 文档类型). */
  kind: string;
  /** Catalogue fields the page states: canonical key → value as printed (dates may be ISO). */
  header?: Record<string, string>;
  findings?: ReviewedFinding[];
  notes?: string;
}

export interface CliMessage {
  ruleId: string;
  severity: string;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface Inspected {
  filePath: string;
  kind: { value: string; confidence: string; sure: boolean };
  fields: { key: string; value: string; known: boolean }[];
}

export interface DocResult {
  file: string;
  text: string;
  review?: Review;
  messages: (CliMessage & { at: string })[];
  inspected: Inspected;
}

/** Every corpus document (.txt/.md), relative to docs/, sorted. */
export function corpusFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(txt|md)$/.test(e.name) && !/^README/i.test(e.name)) out.push(path.relative(DOCS, p));
    }
  };
  walk(DOCS);
  return out.sort();
}

export function reviewPath(rel: string): string {
  return path.join(DOCS, rel.replace(/\.(txt|md)$/, '.review.yaml'));
}

export function readReview(rel: string): Review | undefined {
  const p = reviewPath(rel);
  return fs.existsSync(p) ? (parseYaml(fs.readFileSync(p, 'utf8')) as Review) : undefined;
}

/** The text a message points at, from its 1-based line and UTF-16 column. */
function pointedAt(text: string, m: CliMessage): string {
  const lines = text.split(/\r\n|\r|\n/);
  const line = lines[m.line - 1] ?? '';
  const end = m.endLine === m.line ? m.endColumn - 1 : line.length;
  return line.slice(m.column - 1, Math.max(m.column - 1, end)).slice(0, 40);
}

function cli(args: string[]): string {
  return execFileSync(process.execPath, [CLI, ...args], { cwd: DOCS, maxBuffer: 256 * 1024 * 1024, encoding: 'utf8', env: { ...process.env, ZWGK_PROGRESS: '0' } });
}

/** Runs zwgk over the whole corpus. */
export function runCorpus(): DocResult[] {
  const files = corpusFiles();
  let lint: string;
  try {
    lint = cli(['lint', '--no-config-lookup', '--format', 'json', '--concurrency', 'off', ...files]);
  } catch (e) {
    // Exit code 1 = problems found: the JSON is on stdout all the same.
    lint = (e as { stdout?: string }).stdout ?? '';
    if (!lint) throw e;
  }
  const inspect = JSON.parse(cli(['inspect', '--no-config-lookup', '--format', 'json', ...files])) as Inspected[];
  const byFile = new Map<string, { messages: CliMessage[] }>();
  for (const r of JSON.parse(lint) as { filePath: string; messages: CliMessage[] }[]) byFile.set(path.resolve(DOCS, r.filePath), r);
  const inspected = new Map(inspect.map((i) => [path.resolve(DOCS, i.filePath), i]));
  return files.map((rel) => {
    const abs = path.join(DOCS, rel);
    const text = fs.readFileSync(abs, 'utf8');
    const messages = (byFile.get(abs)?.messages ?? []).map((m) => ({ ...m, at: pointedAt(text, m) }));
    return { file: rel, text, review: readReview(rel), messages, inspected: inspected.get(abs)! };
  });
}

export const matches = (f: ReviewedFinding, m: CliMessage & { at: string }) => f.rule === m.ruleId && f.line === m.line && f.at === m.at;

/** Kinds each kind-bound rule may fire on (reviewed kind). */
export const KIND_BOUND: Record<string, string[]> = {
  'required-content': ['年度报告', '决策草案', '财政信息', '执法公示', '招生公告', '扶贫公示', '办事指南', '三定规定'],
  'interpretation-missing': ['政策文件', '规范性文件'],
  'interpretation-content': ['政策解读'],
  'interpretation-drafter': ['政策解读'],
  'annual-report-deadline': ['年度报告'],
  'comment-period': ['决策草案'],
  'application-reply-deadline': ['依申请答复'],
};

export interface Comparison {
  /** Messages not in the review record (false alarms until reviewed). */
  unreviewed: { file: string; message: CliMessage & { at: string } }[];
  /** Reviewed findings zwgk no longer reports. */
  lost: { file: string; finding: ReviewedFinding }[];
  /** Kind-bound rules firing on a document of another kind. */
  wrongKind: { file: string; rule: string; kind: string }[];
  perRule: Map<string, { messages: number; confirmed: number; rejected: number }>;
  kinds: { right: number; total: number; wrong: { file: string; got: string; want: string }[] };
  fields: { right: number; total: number; wrong: { file: string; key: string; got?: string; want: string }[] };
  missingReviews: string[];
}

const iso = (s: string) => {
  const m = /((?:19|20)[0-9]{2})\s*[-年/.]\s*([0-9]{1,2})\s*[-月/.]\s*([0-9]{1,2})/.exec(s);
  return m ? `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}` : s.replace(/\s+/g, ' ').trim();
};

export function compare(results: DocResult[]): Comparison {
  const c: Comparison = {
    unreviewed: [], lost: [], wrongKind: [], perRule: new Map(),
    kinds: { right: 0, total: 0, wrong: [] }, fields: { right: 0, total: 0, wrong: [] }, missingReviews: [],
  };
  const stat = (rule: string) => {
    let s = c.perRule.get(rule);
    if (!s) c.perRule.set(rule, (s = { messages: 0, confirmed: 0, rejected: 0 }));
    return s;
  };
  for (const r of results) {
    if (!r.review) { c.missingReviews.push(r.file); continue; }
    const findings = r.review.findings ?? [];
    for (const m of r.messages) {
      const s = stat(m.ruleId);
      s.messages++;
      if (findings.some((f) => matches(f, m))) s.confirmed++;
      else { s.rejected++; c.unreviewed.push({ file: r.file, message: m }); }
      const bound = KIND_BOUND[m.ruleId];
      if (bound && !bound.includes(r.review.kind)) c.wrongKind.push({ file: r.file, rule: m.ruleId, kind: r.review.kind });
    }
    for (const f of findings) if (!r.messages.some((m) => matches(f, m))) c.lost.push({ file: r.file, finding: f });
    c.kinds.total++;
    if (r.inspected.kind.value === r.review.kind) c.kinds.right++;
    else c.kinds.wrong.push({ file: r.file, got: r.inspected.kind.value, want: r.review.kind });
    for (const [key, want] of Object.entries(r.review.header ?? {})) {
      c.fields.total++;
      const got = r.inspected.fields.find((f) => f.known && f.key === key && f.value)?.value;
      if (got !== undefined && iso(got) === iso(String(want))) c.fields.right++;
      else c.fields.wrong.push({ file: r.file, key, got, want: String(want) });
    }
  }
  return c;
}
