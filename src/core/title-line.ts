/**
 * Which line of a page without a catalogue title is its title. The first few lines of a saved page are
 * often not: a 文号 line (遂府函〔2019〕55号), bullet values of a label-less catalogue (• 005299478/2022-00137),
 * a date, a 主送机关 line (各县(区)人民政府,市直有关部门:) — after which no title comes. Shared by the
 * document model and the draft index's fast summaries, so both find the same title.
 */
import { toSimplified } from './data/traditional';

/** How many lines from the top of the body a title may stand. */
export const TITLE_SEARCH_LINES = 8;

const DOC_NUMBER_LINE = /^[\u4e00-\u9fff]{1,12}[〔［[（(【]\s{0,2}[0-9]{2,4}\s{0,2}[〕］\]）)】]\s{0,2}[0-9]{1,5}\s{0,2}号$/;
const DATE_LINE = /^[0-9０-９〇○OＯ零一二三四五六七八九十年月日\s\-/.:]{4,}$/;
const BULLET = /^[•●▪◆■·]/;

/** What a title line is not. `undefined`: keep looking; `stop`: a 主送机关 line — no title above the body. */
export function titleLineVerdict(raw: string): 'title' | 'skip' | 'stop' {
  const t = raw.trim();
  if (!t) return 'skip';
  if (/[:：]$/.test(t)) return 'stop';
  // A numbered section (一、总体情况, （一）, 1.): the body has begun, no title stands above it.
  if (/^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]|第[一二三四五六七八九十]{1,3}[章条])/.test(t)) return 'stop';
  if (BULLET.test(t) || DOC_NUMBER_LINE.test(t) || DATE_LINE.test(t)) return 'skip';
  // A labelled line (公告时间：2020年6月10日…, 联系人：…) is content, not a title.
  if (/^[^，,。：:《》“”]{1,8}[：:]\s{0,2}\S/.test(t)) return 'skip';
  if (t.length > 80 || (t.match(/[\u4e00-\u9fff]/g)?.length ?? 0) < 4) return 'skip';
  if (/[。；]/.test(t.slice(0, -1))) return 'skip';
  return 'title';
}

/** The first title line among `lines` (in order), or undefined. */
export function pickTitleLine<T extends { text: string }>(lines: Iterable<T>): T | undefined {
  let n = 0;
  for (const l of lines) {
    if (++n > TITLE_SEARCH_LINES) return undefined;
    const v = titleLineVerdict(l.text);
    if (v === 'title') return l;
    if (v === 'stop') return undefined;
  }
  return undefined;
}

/**
 * The opening of a body with the page furniture cut out (breadcrumbs, bylines, a stored copy's SOURCE:
 * lines), in simplified characters: what the kind inference reads when the title says nothing. The
 * document model and the index's fast summaries both call this, so they infer the same kind.
 */
export function bodyOpening(text: string, bodyStart: number, furniture: readonly { start: number; end: number }[], max = 1500): string {
  let out = '';
  let pos = bodyStart;
  for (const r of furniture) {
    if (r.end <= pos) continue;
    if (r.start > pos) out += text.slice(pos, Math.min(r.start, pos + max - out.length));
    if (out.length >= max) break;
    pos = Math.max(pos, r.end);
  }
  if (out.length < max) out += text.slice(pos, pos + max - out.length);
  return toSimplified(out);
}
