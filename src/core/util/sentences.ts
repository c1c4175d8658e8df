/**
 * The body of a document as sentences, in simplified characters with the document's offsets (what the
 * deadline and content rules read phrases from).
 */
import type { ZwgkDocument } from '../document';
import { toSimplified } from '../data/traditional';

/** The body text with traditional characters mapped to simplified (same offsets as `doc.text`). */
const normCache = new WeakMap<ZwgkDocument, string>();
export function normalizedText(doc: ZwgkDocument): string {
  let t = normCache.get(doc);
  if (t === undefined) normCache.set(doc, (t = toSimplified(doc.text)));
  return t;
}

export interface Sentence {
  text: string;
  start: number;
  end: number;
}

/**
 * Sentences of the body's blocks (split at 。！？；and line ends), normalised to simplified characters,
 * with document offsets.
 */
const sentenceCache = new WeakMap<ZwgkDocument, Sentence[]>();
export function sentences(doc: ZwgkDocument): Sentence[] {
  const cached = sentenceCache.get(doc);
  if (cached) return cached;
  const norm = normalizedText(doc);
  const out: Sentence[] = [];
  sentenceCache.set(doc, out);
  for (const b of doc.blocks) {
    if (b.start < doc.bodyStart) continue;
    const raw = norm.slice(b.start, b.end);
    let s = 0;
    for (let i = 0; i <= raw.length; i++) {
      const c = raw[i];
      if (i === raw.length || c === '。' || c === '！' || c === '？' || c === '\n' || c === '\r') {
        const text = raw.slice(s, i + (i < raw.length && c !== '\n' && c !== '\r' ? 1 : 0));
        if (text.trim()) out.push({ text, start: b.start + s, end: b.start + s + text.length });
        s = i + 1;
      }
    }
  }
  return out;
}
