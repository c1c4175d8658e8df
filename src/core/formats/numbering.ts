/**
 * Word's automatic numbering (word/numbering.xml): the label Word shows in front of a numbered paragraph
 * (`一、`, `（一）`, `1.`, `（1）`, `①`), computed from the list definitions and the paragraphs seen so
 * far, so that a 公文's section numbers are in the text even when the drafter never typed them.
 */
import { attr, child, childrenNamed, type XmlElement } from './xml';
import { toChineseNumber } from '../util/cn-number';

interface Level {
  start: number;
  format: string;
  text: string;
  /** Level whose increment restarts this one (w:lvlRestart), 0-based; undefined: any higher level. */
  restartAfter?: number;
  legal: boolean;
}

interface NumDef {
  abstractId: string;
  /** Levels overridden by this instance (w:lvlOverride). */
  levels: Map<number, Partial<Level>>;
  /** Counting restarts for this instance (a startOverride). */
  restarts: boolean;
}

const TIANGAN = '甲乙丙丁戊己庚辛壬癸';
const ZODIAC = '子丑寅卯辰巳午未申酉戌亥';
const LEGAL = '零壹贰叁肆伍陆柒捌玖';

function roman(n: number): string {
  const table: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [v, s] of table) while (n >= v) { out += s; n -= v; }
  return out;
}

function letters(n: number): string {
  // Word repeats the letter: 27 → AA, 28 → BB.
  const ch = String.fromCharCode(65 + ((n - 1) % 26));
  return ch.repeat(Math.floor((n - 1) / 26) + 1);
}

/** A counter value in a Word number format (`chineseCounting` → 一 … 九十九). */
export function formatNumber(n: number, format: string): string {
  if (n < 1) return String(n);
  switch (format) {
    case 'bullet': case 'none': return '';
    case 'decimalZero': return n < 10 ? `0${n}` : String(n);
    case 'decimalFullWidth': case 'decimalFullWidth2':
      return String(n).replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'decimalEnclosedCircle': case 'decimalEnclosedCircleChinese':
      return n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
    case 'decimalEnclosedParen': return n <= 20 ? String.fromCharCode(0x2474 + n - 1) : `(${n})`;
    case 'decimalEnclosedFullstop': return n <= 20 ? String.fromCharCode(0x2488 + n - 1) : `${n}.`;
    case 'chineseCounting': case 'chineseCountingThousand': case 'japaneseCounting': case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand': case 'koreanCounting':
      return n <= 99 ? toChineseNumber(n) : String(n);
    case 'ideographDigital': case 'taiwaneseDigital': case 'japaneseDigitalTenThousand':
      return String(n).replace(/[0-9]/g, (d) => '〇一二三四五六七八九'[Number(d)]);
    case 'chineseLegalSimplified': case 'ideographLegalTraditional':
      return n < 10 ? LEGAL[n] : n === 10 ? '拾' : String(n);
    case 'ideographTraditional': return n <= 10 ? TIANGAN[n - 1] : String(n);
    case 'ideographZodiac': return n <= 12 ? ZODIAC[n - 1] : String(n);
    case 'upperLetter': return letters(n);
    case 'lowerLetter': return letters(n).toLowerCase();
    case 'upperRoman': return roman(n);
    case 'lowerRoman': return roman(n).toLowerCase();
    default: return String(n);
  }
}

function readLevel(lvl: XmlElement): Partial<Level> {
  const out: Partial<Level> = {};
  const start = attr(child(lvl, 'w:start'), 'val');
  if (start !== undefined && /^-?\d+$/.test(start)) out.start = Number(start);
  const fmt = attr(child(lvl, 'w:numFmt'), 'val');
  if (fmt !== undefined) out.format = fmt;
  const text = attr(child(lvl, 'w:lvlText'), 'val');
  if (text !== undefined) out.text = text;
  const restart = attr(child(lvl, 'w:lvlRestart'), 'val');
  if (restart !== undefined && /^\d+$/.test(restart)) out.restartAfter = Number(restart) - 1;
  if (child(lvl, 'w:isLgl')) out.legal = true;
  return out;
}

function levelIndex(el: XmlElement): number {
  const v = attr(el, 'ilvl');
  return v !== undefined && /^\d$/.test(v) ? Number(v) : 0;
}

/** The numbering definitions of a document, and the counters while its paragraphs are read in order. */
export class Numbering {
  private readonly abstracts = new Map<string, Map<number, Partial<Level>>>();
  private readonly nums = new Map<string, NumDef>();
  private readonly counters = new Map<string, number[]>();

  constructor(root: XmlElement | undefined) {
    const numbering = root && child(root, 'w:numbering');
    if (!numbering) return;
    for (const a of childrenNamed(numbering, 'w:abstractNum')) {
      const id = attr(a, 'abstractNumId');
      if (id === undefined) continue;
      const levels = new Map<number, Partial<Level>>();
      for (const lvl of childrenNamed(a, 'w:lvl')) levels.set(levelIndex(lvl), readLevel(lvl));
      this.abstracts.set(id, levels);
    }
    for (const n of childrenNamed(numbering, 'w:num')) {
      const id = attr(n, 'numId');
      const abstractId = attr(child(n, 'w:abstractNumId'), 'val');
      if (id === undefined || abstractId === undefined) continue;
      const levels = new Map<number, Partial<Level>>();
      let restarts = false;
      for (const o of childrenNamed(n, 'w:lvlOverride')) {
        const override: Partial<Level> = {};
        const start = attr(child(o, 'w:startOverride'), 'val');
        if (start !== undefined && /^\d+$/.test(start)) {
          override.start = Number(start);
          restarts = true;
        }
        const lvl = child(o, 'w:lvl');
        if (lvl) Object.assign(override, readLevel(lvl));
        levels.set(levelIndex(o), override);
      }
      this.nums.set(id, { abstractId, levels, restarts });
    }
  }

  private level(num: NumDef, ilvl: number): Level {
    const base = this.abstracts.get(num.abstractId)?.get(ilvl) ?? {};
    const over = num.levels.get(ilvl) ?? {};
    return { start: 1, format: 'decimal', text: '', legal: false, ...base, ...over };
  }

  /**
   * The label of the next paragraph numbered with `numId` at level `ilvl` (advancing the counters), or
   * '' for bullets, `numId` 0 and unknown lists.
   */
  next(numId: string, ilvl: number): string {
    const num = this.nums.get(numId);
    if (!num || numId === '0') return '';
    // Instances of one list share their counters (Word continues the list) unless one restarts it.
    const key = num.restarts ? `n${numId}` : `a${num.abstractId}`;
    let counters = this.counters.get(key);
    if (!counters) this.counters.set(key, (counters = []));
    const lvl = this.level(num, ilvl);
    counters[ilvl] = counters[ilvl] === undefined ? lvl.start : counters[ilvl] + 1;
    for (let deeper = ilvl + 1; deeper < 9; deeper++) {
      const d = this.level(num, deeper);
      if (d.restartAfter === undefined || d.restartAfter >= ilvl) counters[deeper] = undefined as unknown as number;
    }
    if (lvl.format === 'bullet' || lvl.format === 'none') return '';
    return lvl.text.replace(/%([1-9])/g, (_, d: string) => {
      const i = Number(d) - 1;
      const l = i === ilvl ? lvl : this.level(num, i);
      const value = counters![i] ?? l.start;
      return formatNumber(value, lvl.legal && i !== ilvl ? 'decimal' : l.format);
    });
  }
}
