/**
 * A small XML reader for the parts of an Office Open XML package (word/document.xml, numbering.xml,
 * styles.xml, footnotes.xml, docProps/*.xml): machine-written, well-formed XML. It builds a light tree
 * of elements (qualified names kept as written, `w:p`), attributes and decoded text; comments,
 * processing instructions and the DOCTYPE are skipped. Linear time, no regex backtracking; malformed
 * input never throws from the tokenizer (an unclosed element is closed at the end) — the caller decides
 * whether the tree it got makes sense.
 */

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes the five predefined entities and numeric character references. */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]{2,8});/g, (m, ref: string) => {
    if (ref[0] === '#') {
      const cp = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return cp > 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff) ? String.fromCodePoint(cp) : m;
    }
    return ENTITIES[ref] ?? m;
  });
}

function parseAttrs(s: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  let i = 0;
  const n = s.length;
  while (i < n) {
    while (i < n && /\s/.test(s[i])) i++;
    const nameStart = i;
    while (i < n && s[i] !== '=' && !/\s/.test(s[i])) i++;
    const name = s.slice(nameStart, i);
    while (i < n && /\s/.test(s[i])) i++;
    if (s[i] !== '=') {
      if (name) attrs[name] = '';
      i++;
      continue;
    }
    i++;
    while (i < n && /\s/.test(s[i])) i++;
    const q = s[i];
    if (q !== '"' && q !== "'") break;
    const end = s.indexOf(q, i + 1);
    if (end < 0) break;
    attrs[name] = decodeEntities(s.slice(i + 1, end));
    i = end + 1;
  }
  return attrs;
}

/** Parses an XML string into its root element (a synthetic `#document` holding the top-level nodes). */
export function parseXml(xml: string): XmlElement {
  const root: XmlElement = { name: '#document', attrs: {}, children: [] };
  const stack: XmlElement[] = [root];
  let i = 0;
  const n = xml.length;
  while (i < n) {
    const lt = xml.indexOf('<', i);
    const textEnd = lt < 0 ? n : lt;
    if (textEnd > i) {
      const top = stack[stack.length - 1];
      if (top !== root) top.children.push(decodeEntities(xml.slice(i, textEnd)));
    }
    if (lt < 0) break;
    if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt + 4);
      i = end < 0 ? n : end + 3;
      continue;
    }
    if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt + 9);
      const top = stack[stack.length - 1];
      if (top !== root) top.children.push(xml.slice(lt + 9, end < 0 ? n : end));
      i = end < 0 ? n : end + 3;
      continue;
    }
    if (xml[lt + 1] === '?' || xml[lt + 1] === '!') {
      const end = xml.indexOf('>', lt + 2);
      i = end < 0 ? n : end + 1;
      continue;
    }
    // A tag: find its end outside quoted attribute values.
    let j = lt + 1;
    let quote = '';
    while (j < n) {
      const c = xml[j];
      if (quote) {
        if (c === quote) quote = '';
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '>') break;
      j++;
    }
    const body = xml.slice(lt + 1, j);
    i = j + 1;
    if (body[0] === '/') {
      const name = body.slice(1).trim();
      // Close up to the matching element (tolerates a stray closing tag).
      for (let k = stack.length - 1; k > 0; k--) {
        if (stack[k].name === name) {
          stack.length = k;
          break;
        }
      }
      continue;
    }
    const selfClosing = body.endsWith('/');
    const inner = selfClosing ? body.slice(0, -1) : body;
    let nameEnd = 0;
    while (nameEnd < inner.length && !/\s/.test(inner[nameEnd])) nameEnd++;
    const el: XmlElement = { name: inner.slice(0, nameEnd), attrs: nameEnd < inner.length ? parseAttrs(inner.slice(nameEnd)) : {}, children: [] };
    stack[stack.length - 1].children.push(el);
    if (!selfClosing) stack.push(el);
  }
  return root;
}

export function isElement(n: XmlNode): n is XmlElement {
  return typeof n !== 'string';
}

/** Child elements named `name` (direct children only). */
export function childrenNamed(el: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of el.children) if (typeof c !== 'string' && c.name === name) out.push(c);
  return out;
}

export function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  if (!el) return undefined;
  for (const c of el.children) if (typeof c !== 'string' && c.name === name) return c;
  return undefined;
}

/** The first element named `name` anywhere below `el` (depth-first). */
export function descendant(el: XmlElement, name: string): XmlElement | undefined {
  for (const c of el.children) {
    if (typeof c === 'string') continue;
    if (c.name === name) return c;
    const d = descendant(c, name);
    if (d) return d;
  }
  return undefined;
}

/** All text below `el`, concatenated. */
export function textOf(el: XmlElement): string {
  let s = '';
  for (const c of el.children) s += typeof c === 'string' ? c : textOf(c);
  return s;
}

/** An attribute by local name (`w:val` or `val`). */
export function attr(el: XmlElement | undefined, local: string): string | undefined {
  if (!el) return undefined;
  const a = el.attrs;
  if (a['w:' + local] !== undefined) return a['w:' + local];
  if (a[local] !== undefined) return a[local];
  for (const k of Object.keys(a)) if (k.endsWith(':' + local)) return a[k];
  return undefined;
}
