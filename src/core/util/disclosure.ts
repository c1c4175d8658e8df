/**
 * 公开属性 of a draft — the ONE place that decides it, shared by metadata-required, secrecy-mark and
 * proactive-disclosure-deadline so that they can never disagree:
 *
 * 1. the metadata field `公开属性` when it has a value (it wins over the 附注; a contradiction between
 *    the two is metadata-required's message, the other rules follow the metadata);
 * 2. else the 附注 under the date that GB/T 9704-2012 7.3.6 describes — （此件主动公开）, （此件公开发布）,
 *    （此件依申请公开）, （此件不予公开） — as in the seed, whose catalogue header has no 公开属性 field but
 *    whose body says (此件主动公开); traditional characters are read too (（此件主動公開）, mirror copies);
 * 3. else, for a saved portal page (a catalogue header without zwgk's own draft keys, profile `origin`), 主动公开: a page
 *    on the portal's 政府信息公开目录 is published actively, and the Haikou header has no 公开属性 field.
 *    Front matter and plain drafts get no such default.
 */
import type { ZwgkDocument } from '../document';
import { getField, DISCLOSURE_VALUES } from '../metadata';
import { toSimplified } from '../data/traditional';
import { profileOf } from '../profile';

export type DisclosureValue = (typeof DISCLOSURE_VALUES)[number];

export interface DisclosureNote {
  value: DisclosureValue;
  /** The note as written, e.g. (此件主动公开). */
  raw: string;
  start: number;
  end: number;
}

export interface Disclosure {
  /** The value (simplified characters): as written in metadata, or the value the 附注 stands for. */
  value: string;
  /** True when `value` is one of 主动公开 / 依申请公开 / 不予公开. */
  known: boolean;
  /** metadata: the 公开属性 field; note: the 附注; portal: implied by a saved portal page's header. */
  from: 'metadata' | 'note' | 'portal';
  /** Where it is stated (for `portal`: the header block). */
  start: number;
  end: number;
  /** How messages name the source, e.g. 元数据“公开属性”为主动公开 / 附注为“（此件主动公开）”. */
  why: string;
}

const NOTE = /[（(][ \t\u3000]{0,2}此件[ \t\u3000]{0,2}(主动公开|公开发布|依申请公开|不予公开|不公开)[ \t\u3000]{0,2}[）)]/g;

const NOTE_VALUE: Record<string, DisclosureValue> = {
  主动公开: '主动公开', 公开发布: '主动公开', 依申请公开: '依申请公开', 不予公开: '不予公开', 不公开: '不予公开',
};

/** The first 附注 stating the 公开属性 in the body's prose (code and HTML excluded), if any. */
export function findDisclosureNote(doc: ZwgkDocument): DisclosureNote | undefined {
  for (const seg of doc.segments) {
    const raw = doc.text.slice(seg.start, seg.end);
    if (!raw.includes('此件')) continue;
    // toSimplified maps one UTF-16 unit to one: offsets in `norm` are offsets in `raw`.
    const norm = toSimplified(raw);
    NOTE.lastIndex = 0;
    const m = NOTE.exec(norm);
    if (m) return { value: NOTE_VALUE[m[1]], raw: raw.slice(m.index, m.index + m[0].length), start: seg.start + m.index, end: seg.start + m.index + m[0].length };
  }
  return undefined;
}

export function isDisclosureValue(s: string): s is DisclosureValue {
  return (DISCLOSURE_VALUES as readonly string[]).includes(s);
}

/** The draft's 公开属性 (see the file comment for the order); undefined when nothing states or implies it. */
export function disclosureOf(doc: ZwgkDocument): Disclosure | undefined {
  const f = getField(doc.metadata, '公开属性');
  if (f && f.value) {
    const value = toSimplified(f.value).trim();
    return { value, known: isDisclosureValue(value), from: 'metadata', start: f.start, end: f.end, why: `元数据“公开属性”为${f.value}` };
  }
  const note = findDisclosureNote(doc);
  if (note) return { value: note.value, known: true, from: 'note', start: note.start, end: note.end, why: `附注为“${note.raw}”` };
  const block = doc.metadata.block;
  if (block && profileOf(doc).origin === 'page') {
    return { value: '主动公开', known: true, from: 'portal', start: block.start, end: block.end, why: '门户网站目录页面即为主动公开' };
  }
  return undefined;
}

/** True when the draft is 主动公开 (by `disclosureOf`). */
export function isProactive(doc: ZwgkDocument): boolean {
  return disclosureOf(doc)?.value === '主动公开';
}
