/**
 * zwgk's document templates: one source (`snippets/templates.json`) rendered as VS Code snippets for
 * Markdown and plain text. Pure (no `vscode` import): used by the extension's insert-template command,
 * by `scripts/snippets.ts` (which writes the contributed snippet files) and by the tests, which expand
 * every template with sample values and lint it.
 */
import data from '../../snippets/templates.json';

export type TemplateFormat = 'markdown' | 'text';

/** `[key, value]` or `[key, '', comment]`: a conditional key, written as a YAML comment. */
export type MetaLine = [string, string] | [string, string, string];

export interface Template {
  id: string;
  /** Chinese name; also the snippet's name (`editor.action.insertSnippet { name }`). */
  name: string;
  description: string;
  prefixes: string[];
  /** 文档类型 the template produces (absent for the metadata-only template). */
  docType?: string;
  /** Only the catalogue metadata, to put on top of an existing draft. */
  headerOnly?: boolean;
  /** For tests: the day `${CURRENT_*}` variables stand for (YYYY-MM-DD). */
  sampleToday?: string;
  meta: MetaLine[];
  /** Markdown lines in snippet syntax. */
  body: string[];
}

export interface TemplateData {
  samples: Record<string, string>;
  templates: Template[];
}

export const TEMPLATE_DATA = data as unknown as TemplateData;
export const TEMPLATES: readonly Template[] = TEMPLATE_DATA.templates;

export function getTemplate(id: string): Template | undefined {
  return TEMPLATES.find((t) => t.id === id);
}

/**
 * `${LAST_YEAR}` in a snippet file: CURRENT_YEAR minus one, by a regex transform (VS Code has no such
 * variable and no arithmetic). Last digit 1–9: lower it (2026 → 2025); last digit 0: lower the tens
 * and write 9 (2030 → 2029). Digits only, no backslashes, so no snippet escaping is involved.
 */
export const LAST_YEAR_TRANSFORM = (() => {
  const d19 = [1, 2, 3, 4, 5, 6, 7, 8, 9];
  const regex = `^([0-9][0-9])(?:([0-9])(?:${d19.map((d) => `(${d})`).join('|')})|(?:${d19.map((d) => `(${d})`).join('|')})0)$`;
  // Groups: 1 century, 2 tens (case A), 3–11 the last digit 1–9, 12–20 the tens 1–9 (case B, last digit 0).
  const format = `$1$2${d19.map((d, i) => `\${${i + 3}:+${d - 1}}`).join('')}${d19.map((d, i) => `\${${i + 12}:+${d - 1}9}`).join('')}`;
  return `\${CURRENT_YEAR/${regex}/${format}/}`;
})();

/** Replaces `${LAST_YEAR}`: by the year given (the insert command), or by the transform (snippet files). */
export function withLastYear(body: string, year?: number): string {
  return body.replace(/\$\{LAST_YEAR\}|\$LAST_YEAR\b/g, year === undefined ? LAST_YEAR_TRANSFORM : String(year));
}

/** The template as one snippet body (VS Code snippet syntax) for the given format. */
export function renderTemplate(t: Template, format: TemplateFormat): string {
  return renderLines(t, format).join('\n');
}

/** The template as snippet body lines. */
export function renderLines(t: Template, format: TemplateFormat): string[] {
  const out: string[] = [];
  if (format === 'markdown') {
    out.push('---');
    for (const [key, value, comment] of t.meta) {
      if (comment !== undefined) out.push(`# ${key}: （${comment}）`);
      else out.push(`${key}: ${value}`);
    }
    out.push('---');
    if (t.headerOnly) out.push('$0');
    else out.push('', ...t.body);
    return out;
  }
  // Plain text: the portal's catalogue header, one `key: value` a line (conditional keys left out:
  // a comment line would end the header block), then the body without Markdown marks.
  for (const [key, value, comment] of t.meta) {
    if (comment === undefined) out.push(`${key}: ${value}`);
  }
  if (t.headerOnly) {
    out.push('$0');
    return out;
  }
  out.push('');
  for (const line of t.body) {
    if (/^\|(?:-{3,}\|)+$/.test(line)) continue; // table rule line
    // Bold marks only: a run of * (a masked number such as 46**************36) is kept.
    out.push(line.replace(/^#{1,6} /, '').replace(/(?<!\*)\*\*([^*\s](?:[^*\n]{0,198}[^*\s])?)\*\*(?!\*)/g, '$1'));
  }
  return out;
}

// ————————————————————————————— snippet expansion (for tests and previews) —————————————————————————————

type Node =
  | { kind: 'text'; text: string }
  | { kind: 'tabstop'; index: number; children?: Node[]; choices?: string[] }
  | { kind: 'variable'; name: string; children?: Node[] };

/** Parses VS Code snippet syntax (tab stops, placeholders, choices, variables, escapes). */
export function parseSnippet(src: string): Node[] {
  let i = 0;
  const parse = (inPlaceholder: boolean): Node[] => {
    const nodes: Node[] = [];
    let text = '';
    const flush = () => {
      if (text) nodes.push({ kind: 'text', text });
      text = '';
    };
    while (i < src.length) {
      const c = src[i];
      if (c === '\\' && i + 1 < src.length && '$}\\'.includes(src[i + 1])) {
        text += src[i + 1];
        i += 2;
        continue;
      }
      if (inPlaceholder && c === '}') break;
      if (c === '$') {
        const rest = src.slice(i + 1, i + 1 + 64);
        let m: RegExpMatchArray | null;
        if ((m = /^(\d{1,3})/.exec(rest))) {
          flush();
          nodes.push({ kind: 'tabstop', index: Number(m[1]) });
          i += 1 + m[0].length;
          continue;
        }
        if ((m = /^([A-Z_][A-Z_0-9]{0,40})/.exec(rest))) {
          flush();
          nodes.push({ kind: 'variable', name: m[1] });
          i += 1 + m[0].length;
          continue;
        }
        if ((m = /^\{(\d{1,3})\|/.exec(rest))) {
          flush();
          i += 1 + m[0].length;
          const end = src.indexOf('|}', i);
          if (end < 0) throw new Error(`unterminated choice at ${i}`);
          nodes.push({ kind: 'tabstop', index: Number(m[1]), choices: src.slice(i, end).split(',') });
          i = end + 2;
          continue;
        }
        if ((m = /^\{(\d{1,3})(:|\})/.exec(rest))) {
          flush();
          i += 1 + m[0].length;
          if (m[2] === '}') {
            nodes.push({ kind: 'tabstop', index: Number(m[1]) });
            continue;
          }
          const children = parse(true);
          if (src[i] !== '}') throw new Error(`unterminated placeholder $${m[1]}`);
          i++;
          nodes.push({ kind: 'tabstop', index: Number(m[1]), children });
          continue;
        }
        if ((m = /^\{([A-Z_][A-Z_0-9]{0,40})(:|\})/.exec(rest))) {
          flush();
          i += 1 + m[0].length;
          if (m[2] === '}') {
            nodes.push({ kind: 'variable', name: m[1] });
            continue;
          }
          const children = parse(true);
          if (src[i] !== '}') throw new Error(`unterminated variable ${m[1]}`);
          i++;
          nodes.push({ kind: 'variable', name: m[1], children });
          continue;
        }
      }
      text += c;
      i++;
    }
    flush();
    return nodes;
  };
  const nodes = parse(false);
  if (i < src.length) throw new Error(`unexpected '}' at ${i}`);
  return nodes;
}

export interface ExpandOptions {
  /** Values of `${CURRENT_YEAR}` etc. */
  variables?: Record<string, string>;
  /** Placeholder default text (as written, e.g. `某年某月某日`) → value to use instead. */
  samples?: Record<string, string>;
}

/** The day's snippet variables (CURRENT_YEAR …) for a YYYY-MM-DD date. */
export function dateVariables(day: string): Record<string, string> {
  const [y, m, d] = day.split('-');
  return { CURRENT_YEAR: y, CURRENT_YEAR_SHORT: y.slice(2), CURRENT_MONTH: m, CURRENT_DATE: d, LAST_YEAR: String(Number(y) - 1) };
}

/**
 * Expands a snippet as VS Code would when the user accepts every default: each tab stop takes its
 * placeholder's text (or the first choice), mirrors repeat it, variables are resolved; `samples`
 * replace placeholder defaults by realistic values.
 */
export function expandSnippet(src: string, opts: ExpandOptions = {}): string {
  const nodes = parseSnippet(src);
  const vars = opts.variables ?? {};
  const samples = opts.samples ?? {};
  const defs = new Map<number, Node>();
  const collect = (ns: Node[]) => {
    for (const n of ns) {
      if (n.kind === 'tabstop' && (n.children || n.choices) && !defs.has(n.index)) defs.set(n.index, n);
      if (n.kind !== 'text' && n.children) collect(n.children);
    }
  };
  collect(nodes);
  const raw = (ns: Node[]): string => ns.map((n) => (n.kind === 'text' ? n.text : source(n))).join('');
  const source = (n: Node): string => {
    if (n.kind === 'text') return n.text;
    if (n.kind === 'variable') return n.children ? `\${${n.name}:${raw(n.children)}}` : `\${${n.name}}`;
    if (n.choices) return `\${${n.index}|${n.choices.join(',')}|}`;
    return n.children ? `\${${n.index}:${raw(n.children)}}` : `$${n.index}`;
  };
  const values = new Map<number, string>();
  const stack = new Set<number>();
  const valueOf = (index: number): string => {
    if (values.has(index)) return values.get(index)!;
    const def = defs.get(index);
    if (!def || def.kind !== 'tabstop' || stack.has(index)) return '';
    stack.add(index);
    let v: string;
    if (def.choices) v = def.choices[0];
    else {
      const written = raw(def.children!);
      v = Object.prototype.hasOwnProperty.call(samples, written) ? samples[written] : render(def.children!);
    }
    stack.delete(index);
    values.set(index, v);
    return v;
  };
  const render = (ns: Node[]): string =>
    ns.map((n) => {
      if (n.kind === 'text') return n.text;
      if (n.kind === 'variable') return vars[n.name] ?? (n.children ? render(n.children) : '');
      return valueOf(n.index);
    }).join('');
  return render(nodes);
}

/** A template rendered for `format` and expanded with its sample values (as in the tests). */
export function sampleText(t: Template, format: TemplateFormat, day = t.sampleToday ?? '2026-03-02'): string {
  return expandSnippet(renderTemplate(t, format), { variables: dateVariables(day), samples: TEMPLATE_DATA.samples });
}
