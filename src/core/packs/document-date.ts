/**
 * The date a wording pack compares with its `dated` conditions (and outdated citations with the in-force
 * dates). One small function on purpose: the lead's document-profile API (src/core/profile/) will
 * replace it.
 */
import type { ZwgkDocument } from '../document';
import type { SimpleDate } from '../dates';
import { getDateField } from '../metadata';
import { issueDateOf } from '../util/issue-date';

/** 成文日期 (metadata or the signature date), else the 发布日期 in the metadata; undefined when neither. */
export function documentDateOf(doc: ZwgkDocument): SimpleDate | undefined {
  const issued = issueDateOf(doc);
  if (issued) return issued.date;
  const published = getDateField(doc.metadata, '发布日期');
  return published && published.valid ? { year: published.year, month: published.month, day: published.day } : undefined;
}
