/**
 * The 成文日期 of a draft: the metadata field `成文日期` when it holds a valid date, else the signature
 * date in the body — the first paragraph or line that is nothing but a date (2019年6月21日 under the
 * issuing body, as in the seed; a Chinese-numeral date counts too). Catalogue dates (发布日期/发文日期) are
 * deliberately not used: a portal's 发文日期 is when the item was published or re-catalogued.
 */
import type { ZwgkDocument } from '../document';
import { getDateField } from '../metadata';
import { findDates, isValidDate, type SimpleDate } from '../dates';
import { findChineseNumeralDates } from './cn-numeral-date';

export interface IssueDate {
  date: SimpleDate;
  from: 'metadata' | 'signature';
  /** Where the date is written (document offsets). */
  start: number;
  end: number;
}

export function issueDateOf(doc: ZwgkDocument): IssueDate | undefined {
  const f = getDateField(doc.metadata, '成文日期');
  if (f && f.parts.year.length === 4 && isValidDate(f.year, f.month, f.day)) {
    return { date: { year: f.year, month: f.month, day: f.day }, from: 'metadata', start: f.field.start, end: f.field.end };
  }
  for (const b of doc.blocks) {
    if (b.kind !== 'paragraph' && b.kind !== 'line') continue;
    if (b.text.length > 20) continue;
    const t = b.text.trim();
    const d = findDates(t).find((x) => x.start === 0 && x.end === t.length && x.style === 'cn' && x.valid);
    const c = d ? undefined : findChineseNumeralDates(t).find((x) => x.start === 0 && x.end === t.length && x.valid);
    const hit = d ?? c;
    if (hit) return { date: { year: hit.year, month: hit.month, day: hit.day }, from: 'signature', start: b.start, end: b.end };
  }
  return undefined;
}
