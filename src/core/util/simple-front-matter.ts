/**
 * Front matter as drafts write it — one `键: 值` pair a line, plain values — read without the YAML
 * parser, which costs more than the rest of indexing a draft. Anything else (quotes, lists, comments,
 * indentation, values YAML would read as a number, a boolean or null, control characters …) gives
 * `undefined`, and the caller uses the YAML parser: when this reader answers, its fields are exactly
 * those of `readFrontMatter` (a property test holds it to that).
 */
import { canonicalKey } from '../meta-keys';
import type { MetaField, Metadata } from '../metadata';

/** A character that YAML gives a meaning at the start of a plain scalar (or that starts a comment). */
const INDICATOR = /^[-?:,[\]{}#&*!|>'"%@`]/;
/** Core-schema scalars that are not strings: null, booleans, numbers (YAML 1.2 core schema, as `yaml` has it). */
const NOT_A_STRING = /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
/** Tabs, control characters, BOMs, surrogates (astral characters): left to the YAML parser. */
// eslint-disable-next-line no-control-regex
const UNUSUAL = /[\u0000-\u001f\u007f-\u009f\u00a0\u2028\u2029\ufeff\ud800-\udfff]/;

function plainString(s: string): boolean {
  return s.length > 0 && s.length <= 1024 && !INDICATOR.test(s) && !NOT_A_STRING.test(s)
    && !s.includes(': ') && !s.includes(' #') && !s.endsWith(':') && s.trim() === s;
}

/**
 * The fields of the front matter whose YAML content is text[from, to) (after the opening fence, up to
 * the closing one), or undefined when it is not in the simple form.
 */
export function simpleFrontMatterFields(text: string, from: number, to: number): MetaField[] | undefined {
  const fields: MetaField[] = [];
  let pos = from;
  while (pos < to) {
    let end = pos;
    while (end < to && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
    const line = text.slice(pos, end);
    if (!/^ *$/.test(line)) {
      if (UNUSUAL.test(line) || line.startsWith(' ') || line.startsWith('---') || line.startsWith('...')) return undefined;
      const colon = line.indexOf(':');
      if (colon <= 0) return undefined;
      const rawKey = line.slice(0, colon);
      let vs = colon + 1;
      if (vs < line.length && line[vs] !== ' ') return undefined;
      while (vs < line.length && line[vs] === ' ') vs++;
      let ve = line.length;
      while (ve > vs && line[ve - 1] === ' ') ve--;
      const value = line.slice(vs, ve);
      if (!plainString(rawKey) || (value !== '' && !plainString(value))) return undefined;
      const key = canonicalKey(rawKey);
      // (An empty value is YAML's null, an empty range where the value would start.)
      fields.push({
        key: key ?? rawKey, known: key !== undefined, rawKey, value: value.trim(),
        keyStart: pos, keyEnd: pos + colon, start: pos + vs, end: pos + Math.max(vs, ve),
      });
    }
    if (end >= to) break;
    pos = end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
  }
  return fields;
}

/**
 * `readFrontMatter(text, start, end)` for front matter in the simple form (fences included in
 * [start, end)); undefined when it is not, or when YAML would report a problem.
 */
export function simpleFrontMatter(text: string, start: number, end: number): Metadata | undefined {
  // The content is what follows the opening fence's line break, up to the line of the closing fence.
  let contentStart = end;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      contentStart = i + (c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1);
      break;
    }
  }
  let contentEnd = end;
  const lastBreak = Math.max(text.lastIndexOf('\n', end - 1), text.lastIndexOf('\r', end - 1));
  if (lastBreak >= contentStart - 1) contentEnd = Math.max(contentStart, lastBreak + 1);
  const fields = simpleFrontMatterFields(text, contentStart, contentEnd);
  return fields && { source: 'front-matter', block: { start, end }, fields, furniture: [], problems: [] };
}
