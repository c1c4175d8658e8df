/**
 * Annual reports (政府信息公开工作年度报告): whether a title is a report's own, and the year it reports on,
 * from metadata `报告年度` or every title form portals use — 2023年, 2023年度, （2023年度）, 二〇二三年.
 */
import type { ZwgkDocument } from '../document';
import { getField } from '../metadata';
import { toSimplified } from '../data/traditional';
import { CN_DIGIT_VALUE } from '../util/cn-number';

/** True when every occurrence of `word` in the title stands inside 《…》 (the title cites it). */
export function onlyCited(title: string | undefined, word: string): boolean {
  if (!title) return false;
  const t = toSimplified(title);
  let depth = 0, found = false;
  for (let i = 0; i < t.length; i++) {
    const c = t[i];
    if (c === '《') depth++;
    else if (c === '》') depth = Math.max(0, depth - 1);
    else if (t.startsWith(word, i)) {
      found = true;
      if (depth === 0) return false;
    }
  }
  return found;
}

/**
 * A title that is an annual report's own (…年度报告, perhaps with a short tail such as （更正）or
 * （2023年度）), not a notice about reports (关于做好…年度报告编制发布工作的通知, 关于印发《…年度报告格式》的通知).
 */
export function isReportTitle(title: string | undefined): boolean {
  if (!title) return false;
  const t = toSimplified(title).replace(/\s+/g, '');
  if (/^关于/.test(t) || onlyCited(t, '年度报告')) return false;
  return /年度报告(?:[（(][^）)]{0,12}[）)]){0,2}$/.test(t);
}

export interface ReportYear {
  year: number;
  start: number;
  end: number;
  from: 'metadata' | 'title';
}

const ARABIC_YEAR = /((?:19|20)[0-9]{2})\s{0,2}年度?(?![0-9]{0,2}月)/;
const NUMERAL_YEAR = /([一二][〇○零OＯ0一二三四五六七八九]{3})\s{0,2}年度?(?![一二三四五六七八九十]{1,2}月)/;

function numeralYear(s: string): number | undefined {
  const digits = [...s].map((c) => CN_DIGIT_VALUE[c]);
  if (digits.some((d) => d === undefined)) return undefined;
  const y = digits.reduce((a, d) => a * 10 + d, 0);
  return y >= 1990 && y <= 2100 ? y : undefined;
}

/** 报告年度 from metadata (2019 / 2019年 / 2019年度), else from the title. */
export function reportYear(doc: ZwgkDocument): ReportYear | undefined {
  const f = getField(doc.metadata, '报告年度');
  if (f && f.value) {
    const m = /^\s{0,3}((?:19|20)[0-9]{2})\s{0,2}(年度?)?\s{0,3}$/.exec(f.value);
    if (m) return { year: Number(m[1]), start: f.start, end: f.end, from: 'metadata' };
  }
  const title = doc.title;
  if (!title) return undefined;
  const src = doc.text.slice(title.start, title.end);
  const t = toSimplified(title.text);
  // The year before 年度报告, or in the qualifier after it (…年度报告（2023年度）).
  const cut = t.lastIndexOf('年度报告');
  if (cut < 0) return undefined;
  const before = t.slice(0, cut).replace(/《[^》]{0,80}》/g, (x) => ' '.repeat(x.length));
  const after = t.slice(cut);
  const locate = (raw: string, year: number): ReportYear => {
    const at = src.indexOf(raw);
    return at >= 0
      ? { year, start: title.start + at, end: title.start + at + raw.length, from: 'title' }
      : { year, start: title.start, end: title.end, from: 'title' };
  };
  for (const part of [before, after]) {
    const a = ARABIC_YEAR.exec(part);
    if (a) return locate(a[0], Number(a[1]));
    const n = NUMERAL_YEAR.exec(part);
    const y = n ? numeralYear(n[1]) : undefined;
    if (n && y) return locate(n[0], y);
  }
  return undefined;
}
