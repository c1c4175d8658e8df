/**
 * 公开属性 of a draft: the metadata field `公开属性`, or the 附注 under the date that GB/T 9704-2012 7.3.6
 * describes — （此件主动公开）, （此件公开发布）, （此件依申请公开）, （此件不予公开） — as in the seed, whose
 * catalogue header has no 公开属性 field but whose body says (此件主动公开).
 */
import type { ZwgkDocument } from '../document';
import { getField, DISCLOSURE_VALUES } from '../metadata';
import { scanSegments } from './scan';

export type DisclosureValue = (typeof DISCLOSURE_VALUES)[number];

export interface DisclosureNote {
  value: DisclosureValue;
  /** The note as written, e.g. (此件主动公开). */
  raw: string;
  start: number;
  end: number;
}

export interface Disclosure {
  /** The value as written in metadata, or the value the 附注 stands for. */
  value: string;
  /** True when `value` is one of 主动公开 / 依申请公开 / 不予公开. */
  known: boolean;
  from: 'metadata' | 'note';
  start: number;
  end: number;
}

const NOTE = /[（(][ \t\u3000]{0,2}此件[ \t\u3000]{0,2}(主动公开|公开发布|依申请公开|不予公开|不公开)[ \t\u3000]{0,2}[）)]/g;

const NOTE_VALUE: Record<string, DisclosureValue> = {
  主动公开: '主动公开', 公开发布: '主动公开', 依申请公开: '依申请公开', 不予公开: '不予公开', 不公开: '不予公开',
};

/** The first 附注 stating the 公开属性 in the body, if any. */
export function findDisclosureNote(doc: ZwgkDocument): DisclosureNote | undefined {
  for (const hit of scanSegments(doc, new RegExp(NOTE.source, 'g'))) {
    return { value: NOTE_VALUE[hit.match[1]], raw: hit.match[0], start: hit.start, end: hit.end };
  }
  return undefined;
}

export function isDisclosureValue(s: string): s is DisclosureValue {
  return (DISCLOSURE_VALUES as readonly string[]).includes(s);
}

/** The draft's 公开属性: the metadata field when it has a value, else the body's 附注; undefined when neither. */
export function disclosureOf(doc: ZwgkDocument): Disclosure | undefined {
  const f = getField(doc.metadata, '公开属性');
  if (f && f.value) return { value: f.value, known: isDisclosureValue(f.value), from: 'metadata', start: f.start, end: f.end };
  const note = findDisclosureNote(doc);
  if (note) return { value: note.value, known: true, from: 'note', start: note.start, end: note.end };
  return undefined;
}
