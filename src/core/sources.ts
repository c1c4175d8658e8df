/**
 * The sources zwgk's rules enforce, with the dates each version was in force. A rule checks a document
 * against the version in force on the document's own date (成文日期, else 发布日期), uses that version's
 * deadline, and stays quiet for a document dated before its source existed: portals still publish
 * 1981–2006 documents, formed before the 政府信息公开条例 took effect and dated in Chinese numerals as
 * GB/T 9704-1999 then required.
 *
 * Dates: the 条例 (国务院令第492号) in force 2008-05-01 to 2019-05-14, its revision (国务院令第711号) from
 * 2019-05-15 (both texts in ../shared/reference/laws); 重大行政决策程序暂行条例 from 2019-09-01; GB/T
 * 9704-1999 from 2000-01-01 (its 实施日期), replaced by GB/T 9704-2012 on 2012-07-01; 国办发〔2016〕80号
 * dated 2016-11-10; the 海口市2019年政务公开工作要点 dated 2019-06-21 (the seed's 落款).
 */
import { compareDates, type SimpleDate } from './dates';

export interface SourceVersion {
  /** Stable id (used in clause data and tests). */
  id: string;
  /** How messages and hovers name it: 条例（2019年修订）, GB/T 9704-2012. */
  name: string;
  /** First day in force (ISO). */
  from: string;
  /** Last day in force (ISO), if replaced. */
  to?: string;
}

export const SOURCES = {
  tiaoli2007: { id: 'tiaoli2007', name: '条例（2007年，国务院令第492号）', from: '2008-05-01', to: '2019-05-14' },
  tiaoli2019: { id: 'tiaoli2019', name: '条例（2019年修订，国务院令第711号）', from: '2019-05-15' },
  tiaoli713: { id: 'tiaoli713', name: '重大行政决策程序暂行条例（国务院令第713号）', from: '2019-09-01' },
  gbt9704_1999: { id: 'gbt9704_1999', name: 'GB/T 9704-1999', from: '2000-01-01', to: '2012-06-30' },
  gbt9704_2012: { id: 'gbt9704_2012', name: 'GB/T 9704-2012', from: '2012-07-01' },
  guoban2016_80: { id: 'guoban2016_80', name: '国办发〔2016〕80号', from: '2016-11-10' },
  yaodian2019: { id: 'yaodian2019', name: '海口市2019年政务公开工作要点', from: '2019-06-21' },
} as const satisfies Record<string, SourceVersion>;

export type SourceId = keyof typeof SOURCES;

/** The 政府信息公开条例 in its two versions, oldest first. */
export const TIAOLI_VERSIONS: readonly SourceVersion[] = [SOURCES.tiaoli2007, SOURCES.tiaoli2019];
/** The 公文 format standard in the versions zwgk knows, oldest first. */
export const GBT9704_VERSIONS: readonly SourceVersion[] = [SOURCES.gbt9704_1999, SOURCES.gbt9704_2012];

export function isoOf(d: SimpleDate): string {
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

function parseIso(s: string): SimpleDate {
  const [year, month, day] = s.split('-').map(Number);
  return { year, month, day };
}

/** True when `v` was in force on `date`. */
export function inForceOn(v: SourceVersion, date: SimpleDate): boolean {
  if (compareDates(date, parseIso(v.from)) < 0) return false;
  return !v.to || compareDates(date, parseIso(v.to)) <= 0;
}

/** The version of a source in force on `date`, or undefined before the first one existed. */
export function versionOn(versions: readonly SourceVersion[], date: SimpleDate): SourceVersion | undefined {
  return versions.find((v) => inForceOn(v, date));
}

/** “条例（2019年修订，国务院令第711号）自2019年5月15日起施行” — for messages that name the version applied. */
export function sinceText(v: SourceVersion): string {
  const d = parseIso(v.from);
  return `${v.name}自${d.year}年${d.month}月${d.day}日起施行`;
}
