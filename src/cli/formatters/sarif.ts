/**
 * SARIF 2.1.0 output (GitHub code scanning, Azure DevOps, the VS Code SARIF viewer).
 *
 * - tool.driver: name zwgk, version, every rule with short/full description, help = the clause text and
 *   its source, helpUri = the rule's page in docs/rules/, default level.
 * - results: ruleId + ruleIndex, level (error / warning / note), message, one location with the file URI
 *   relative to %SRCROOT% (the working directory; absolute file: URI for files outside it) and the region
 *   (1-based lines, columns in UTF-16 code units: `columnKind: utf16CodeUnits`), and the fix if any.
 * Streamed like the other formats: the log is written around the results as they come.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Clause, RuleMeta, Severity } from '../../core';
import type { OutputFormat } from './types';
import { prettyJson } from './pretty';
import type { CliMessage, FileResult } from '../results';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

type Level = 'error' | 'warning' | 'note' | 'none';

function level(s: Severity | 'off'): Level {
  return s === 'error' ? 'error' : s === 'warning' ? 'warning' : s === 'info' ? 'note' : 'none';
}

function citation(c: Clause): string {
  return `——${c.source}${c.id ? ` ${c.id}` : ''}${c.summary ? '（摘要）' : ''}`;
}

function repoBase(repositoryUrl: string | undefined): string | undefined {
  const base = repositoryUrl?.replace(/^git\+/, '').replace(/\.git$/, '').replace(/\/$/, '');
  return base && /^https?:\/\//.test(base) ? base : undefined;
}

/** Where the rule documentation lives: the repository when package.json names one, else the installed docs. */
export function ruleHelpUri(id: string, repositoryUrl: string | undefined): string {
  const base = repoBase(repositoryUrl);
  if (base) return `${base}/blob/HEAD/docs/rules/${encodeURIComponent(id)}.md`;
  // dist/cli.js → <package>/docs/rules/<id>.md
  return pathToFileURL(path.join(__dirname, '..', 'docs', 'rules', `${id}.md`)).href;
}

/** A relative URI reference for a path below the working directory (each segment percent-encoded). */
function relativeUri(rel: string): string {
  return rel.split(path.sep).map(encodeURIComponent).join('/');
}

function ruleDescriptor(m: RuleMeta, repositoryUrl: string | undefined): Record<string, unknown> {
  return {
    id: m.id,
    name: m.id.replace(/-([a-z0-9])/g, (_, ch: string) => ch.toUpperCase()).replace(/^[a-z]/, (ch) => ch.toUpperCase()),
    shortDescription: { text: m.title },
    fullDescription: { text: m.description },
    help: {
      text: m.clauses.map((c) => `${c.text}\n${citation(c)}`).join('\n\n'),
      markdown: [
        ...m.clauses.map((c) => `> ${c.text.replace(/\n/g, '\n> ')}\n\n${citation(c)}`),
        `**为什么**：${m.rationale}`,
        `**如何修改**：${m.howToFix}`,
      ].join('\n\n'),
    },
    helpUri: ruleHelpUri(m.id, repositoryUrl),
    defaultConfiguration: { level: level(m.defaultSeverity), enabled: m.defaultSeverity !== 'off' },
    properties: { category: m.category, fixable: m.fixable, tags: ['政务公开', m.category], clauses: m.clauses.map((c) => `${c.source} ${c.id}`) },
  };
}

function artifactLocationOf(file: string, cwd: string): { uri: string; uriBaseId?: string } {
  if (!path.isAbsolute(file)) return { uri: encodeURIComponent(file) };
  const rel = path.relative(cwd, file);
  if (rel && !rel.startsWith('..') && !path.isAbsolute(rel)) return { uri: relativeUri(rel), uriBaseId: '%SRCROOT%' };
  return { uri: pathToFileURL(file).href };
}

function sarifResult(m: CliMessage, ruleIndex: Map<string, number>, artifactLocation: ReturnType<typeof artifactLocationOf>): Record<string, unknown> {
  const result: Record<string, unknown> = {
    ruleId: m.ruleId,
    ...(ruleIndex.has(m.ruleId) ? { ruleIndex: ruleIndex.get(m.ruleId) } : {}),
    level: level(m.severity),
    message: { text: m.message },
    locations: [{
      physicalLocation: {
        artifactLocation,
        region: { startLine: m.line, startColumn: m.column, endLine: m.endLine, endColumn: m.endColumn },
      },
    }],
  };
  const where = m.location;
  if (where?.format === 'docx') {
    // A Word file has no lines: the region is in zwgk's text of it (`zwgk export FILE --to text`), with
    // the excerpt as its snippet; the paragraph or cell is the logical location.
    const loc = (result.locations as Record<string, unknown>[])[0];
    ((loc.physicalLocation as Record<string, unknown>).region as Record<string, unknown>).snippet = { text: where.excerpt };
    loc.logicalLocations = [{ name: where.label, kind: where.part === 'table' || where.part === 'catalogue' ? 'tableCell' : where.part === 'property' ? 'property' : 'paragraph' }];
    loc.properties = { docx: { ...where } };
  } else if (where?.format === 'html') {
    const region = ((result.locations as Record<string, unknown>[])[0].physicalLocation as Record<string, unknown>).region as Record<string, unknown>;
    region.charOffset = where.start;
    region.charLength = where.end - where.start;
  }
  if (m.fix && m.fixRegion) {
    result.fixes = [{
      description: { text: m.fix.text ? `改为“${m.fix.text}”` : '删除' },
      artifactChanges: [{
        artifactLocation,
        replacements: [{ deletedRegion: { ...m.fixRegion }, insertedContent: { text: m.fix.text } }],
      }],
    }];
  }
  return result;
}

const RESULTS = '\u0000results\u0000';
const INVOCATIONS = '\u0000invocations\u0000';
/** Indentation of a result inside the log: log → runs → run → results → result. */
const RESULT_INDENT = '        ';
const RUN_KEY_INDENT = '      ';

const ruleIndexes = new WeakMap<readonly RuleMeta[], Map<string, number>>();

function ruleIndexOf(rules: readonly RuleMeta[]): Map<string, number> {
  let m = ruleIndexes.get(rules);
  if (!m) ruleIndexes.set(rules, (m = new Map(rules.map((r, i) => [r.id, i]))));
  return m;
}

export function sarifFormatter(repositoryUrl?: string): OutputFormat {
  let tail = '';
  /** Whether a result was written (the next one needs a comma). */
  let wrote = false;
  return {
    begin(ctx) {
      wrote = false;
      const log = {
        $schema: SARIF_SCHEMA,
        version: '2.1.0',
        runs: [{
          tool: {
            driver: {
              name: 'zwgk',
              version: ctx.version,
              semanticVersion: ctx.version,
              informationUri: repoBase(repositoryUrl) ?? ruleHelpUri('README', undefined),
              rules: ctx.rules.map((m) => ruleDescriptor(m, repositoryUrl)),
            },
          },
          originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(path.resolve(ctx.cwd) + path.sep).href } },
          columnKind: 'utf16CodeUnits',
          results: RESULTS,
          invocations: INVOCATIONS,
        }],
      };
      const text = JSON.stringify(log, null, 2) + '\n';
      const marker = JSON.stringify(RESULTS);
      const at = text.indexOf(marker);
      tail = text.slice(at + marker.length);
      return text.slice(0, at) + '[';
    },
    *body(r, ctx) {
      if (!r.messages.length) return;
      const ruleIndex = ruleIndexOf(ctx.rules);
      const artifactLocation = artifactLocationOf(r.filePath, path.resolve(ctx.cwd));
      let out = '';
      for (let i = 0; i < r.messages.length; i++) {
        out += (i ? ',' : '') + '\n' + RESULT_INDENT + prettyJson(sarifResult(r.messages[i], ruleIndex, artifactLocation), RESULT_INDENT);
        if (i % 200 === 199) {
          yield out;
          out = '';
        }
      }
      yield out;
    },
    separator() {
      const out = wrote ? ',' : '';
      wrote = true;
      return out;
    },
    end(t) {
      const invocations = prettyJson([{ executionSuccessful: t.fatal === 0 && t.internalErrors === 0 }], RUN_KEY_INDENT);
      const out = (wrote ? '\n' + RUN_KEY_INDENT : '') + ']' + tail.replace(JSON.stringify(INVOCATIONS), () => invocations);
      wrote = false;
      return out;
    },
  };
}
