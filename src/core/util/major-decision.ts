/**
 * Whether a draft put out for comment is a 重大行政决策 (重大行政决策程序暂行条例, 国务院令第713号): the
 * 30-day comment period and the 起草说明 / 决策依据 of its 第十五条 are that regulation's, not every
 * consultation's. A notice shows it by naming it (重大行政决策, 重大决策事项), or by what it consults on: a
 * 规划 (the regulation's 第三条 lists 经济和社会发展等方面的重要规划), or by a declared 文档类型: 决策草案.
 * Anything else — a 实施方案 or a
 * 管理办法 put out for seven working days — stays unjudged.
 */
import type { ZwgkDocument } from '../document';
import { profileOf } from '../profile';
import { normalizedText } from './sentences';

const NAMED = /重大行政决策|重大决策事项|重大决策/;

export function isMajorDecision(doc: ZwgkDocument): boolean {
  const p = profileOf(doc);
  // zwgk's 文档类型“决策草案” is the 重大行政决策's draft: a drafter who declares it says so.
  if (p.kind.confidence === 'declared' && p.kind.value === '决策草案') return true;
  if (NAMED.test(p.title.text)) return true;
  // The document consulted on: 《…规划（征求意见稿）》 or a 规划 named in the subject.
  if (/规划(?:[（(][^）)]{0,20}[）)])*》?/.test(p.title.subject) && /规划/.test(p.title.subject)) return true;
  return NAMED.test(normalizedText(doc).slice(doc.bodyStart, doc.bodyStart + 20000));
}
