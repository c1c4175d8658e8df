/**
 * `JSON.stringify(value, null, 2)` for plain data (objects, arrays, strings, numbers, booleans, null),
 * nested at a given indentation, without the second pass that re-indents a whole string — and with the
 * text of objects registered in `cache` (the same clause in thousands of messages) built only once per
 * indentation. The output is byte-for-byte what JSON.stringify gives (undefined members are left out,
 * undefined array items and non-finite numbers become null).
 */
/** Objects whose text is worth keeping: register one with `cache.set(obj, new Map())`. */
export type PrettyCache = WeakMap<object, Map<string, string>>;

const INDENT = '  ';

/** The JSON text of `value` as it appears on a line indented by `indent` (continuation lines included). */
export function prettyJson(value: unknown, indent = '', cache?: PrettyCache): string {
  return write(value, indent, cache) ?? 'null';
}

function write(value: unknown, indent: string, cache: PrettyCache | undefined): string | undefined {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? String(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      break;
    default:
      return undefined; // undefined, functions, symbols (bigint would throw in JSON.stringify too)
  }
  if (value === null) return 'null';
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return JSON.stringify(value, null, 2).replace(/\n/g, '\n' + indent);
  const byIndent = cache?.get(value);
  const hit = byIndent?.get(indent);
  if (hit !== undefined) return hit;
  const inner = indent + INDENT;
  let out: string;
  if (Array.isArray(value)) {
    if (value.length === 0) out = '[]';
    else {
      out = '[';
      for (let i = 0; i < value.length; i++) out += (i ? ',\n' : '\n') + inner + (write(value[i], inner, cache) ?? 'null');
      out += '\n' + indent + ']';
    }
  } else {
    out = '';
    for (const key of Object.keys(value)) {
      const v = write((value as Record<string, unknown>)[key], inner, cache);
      if (v === undefined) continue;
      out += (out ? ',\n' : '\n') + inner + JSON.stringify(key) + ': ' + v;
    }
    out = out ? '{' + out + '\n' + indent + '}' : '{}';
  }
  byIndent?.set(indent, out);
  return out;
}
