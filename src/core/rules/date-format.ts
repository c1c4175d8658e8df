import type { Rule, RuleContext, Severity } from '../types';
import { CLAUSES } from '../clauses';
import { findDates, isValidDate, daysInMonth, type DateMatch } from '../dates';
import { DATE_KEYS, type MetaField } from '../metadata';
import { findChineseNumeralDates, type ChineseNumeralDate } from '../util/cn-numeral-date';
import { lineAround } from '../util/scan';
import type { ZwgkDocument } from '../document';
import { findDisclosureNote } from '../util/disclosure';
import { profileOf, versionFor } from '../profile';
import { GBT9704_VERSIONS, SOURCES } from '../sources';
import { isQuoted } from '../util/quotes';

interface Options {
  /** Severity of impossible dates (2019年2月30日, 2019-13-01); 'inherit' = the rule's severity. */
  impossibleSeverity: Severity | 'inherit';
}

/**
 * Dates in 公文 style (GB/T 9704-2012 7.3.5.4).
 *
 * Decisions:
 * - Metadata: only `成文日期` is held to 公文 style (2019年6月21日 or ISO 2019-06-21, which a catalogue field
 *   may use). The other date fields (发布日期/发文日期, 收到申请日期, 答复日期, 征求意见期限) are catalogue
 *   fields: any style is fine — the seed's `发文日期: 2019年06月24日` stays quiet — but an impossible date is
 *   reported, and a date field whose value is no date at all is reported.
 * - Body: 2019年06月21日 → 2019年6月21日 (fix); a two-digit year is reported without a fix (the century is a
 *   guess); a Chinese-numeral date (二〇一九年六月二十一日) is reported with a fix to Arabic numerals (the
 *   conversion is exact). Hyphenated ISO dates (2019-06-21, GB/T 7408) in the body are left alone (tables,
 *   timestamps) unless impossible; an ISO-looking run glued to a letter (V2026-03-45, a version) is no date.
 * - Dotted and slashed dates in the body of a draft (2026.3.2, 2026/03/02) are informal: GB/T 9704 writes
 *   dates in 公文 as 2026年3月2日, so they are reported at `info` (a suggestion, never a warning) with a fix to
 *   年月日 — only in drafts (a metadata block, a type other than 其他, or a 附注), not in table cells, not after a
 *   catalogue label. Conservative on purpose: a README or a note keeps its dates.
 * - A date right after a catalogue date label (“发文日期：”, “发布时间:”, a table's “| 发文日期 |”) is a
 *   catalogue value — only impossibility is checked — but only in the catalogue block: within the first
 *   lines of the document, or on a line that also holds another catalogue key (索引号、发布机构、来源 …).
 *   Generic labels (截止日期：、报名时间：) and 成文日期 in the body are held to 公文 style.
 * - Impossible dates are errors (option `impossibleSeverity`). Damaged text such as 2014年831日 (月 lost) is
 *   reported as damaged without a fix, and only when the digits can be read as a month and day.
 */
export const dateFormat: Rule<Options> = {
  meta: {
    id: 'date-format',
    title: '日期格式',
    description: '成文日期和正文中的日期应使用公文写法：阿拉伯数字、年份标全称、月日不编虚位（2019年6月21日）；不存在的日期（2019年2月30日）在任何位置都报错。',
    category: '格式',
    defaultSeverity: 'warning',
    clauses: [CLAUSES.gbt9704_7_3_5_4, CLAUSES.gbt9704_1999_date],
    rationale: 'GB/T 9704-2012 规定成文日期用阿拉伯数字将年、月、日标全，月、日不编虚位。写法不一会让目录和检索中同一日期出现多种样子；不存在的日期往往是笔误，会使期限计算出错。',
    howToFix: '写作“2019年6月21日”：年份写全四位，月、日不加前导零，不用汉字数字；核对并改正不存在的日期。目录字段可以写 2019-06-21。',
    detection:
      '元数据中只有“成文日期”按公文写法检查（2019年6月21日，或目录用的 2019-06-21）；发布日期、收到申请日期等其他日期字段任何写法都可以，只报告不存在的日期和不是日期的值。' +
      '正文中 2019年06月21日 会提示并可修复；两位年份只提示不修复（世纪无法确定）；汉字日期（二〇一九年六月二十一日）可修复为阿拉伯数字。' +
      '正文中的 2019-06-21（表格、时间戳）不检查，除非日期不存在。2026.3.2、2026/03/02 这类写法只在文稿中作提示（info），表格单元格和目录标签后的不提示。' +
      '目录标签（发文日期：、发布时间:）后的日期只检查是否存在，且只在文首的目录区或与其他目录字段同一行时才这样处理。不存在的日期按错误报告（选项 impossibleSeverity）；' +
      '“2014年831日”这类损坏的日期只在能读出月和日时报告，不修复。',
    fixable: true,
    options: {
      impossibleSeverity: {
        type: 'string',
        enum: ['error', 'warning', 'info', 'inherit'],
        default: 'error',
        description: '不存在的日期（如 2019年2月30日）的严重程度；inherit 表示与本规则的严重程度相同',
      },
    },
    defaultOptions: { impossibleSeverity: 'error' },
    examples: {
      fire: [
        {
          title: '落款日期的月、日加了前导零',
          text: '海口市人民政府办公室\n\n2019年06月21日\n\n（此件主动公开）\n',
          count: 1,
          fixed: '海口市人民政府办公室\n\n2019年6月21日\n\n（此件主动公开）\n',
        },
        {
          title: '成文日期用汉字数字',
          text: '---\n标题: 海口市人民政府办公室关于印发2019年政务公开工作要点的通知\n成文日期: 二〇一九年六月二十一日\n---\n\n# 海口市人民政府办公室关于印发2019年政务公开工作要点的通知\n',
          count: 1,
          fixed: '---\n标题: 海口市人民政府办公室关于印发2019年政务公开工作要点的通知\n成文日期: 2019年6月21日\n---\n\n# 海口市人民政府办公室关于印发2019年政务公开工作要点的通知\n',
        },
        {
          title: '不存在的日期',
          text: '本办法自2019年2月30日起施行。\n',
          count: 1,
        },
        {
          title: '正文中带标签的日期同样要用公文写法（“截止日期：”不是目录字段）',
          text: '---\n标题: 关于报名的通知\n---\n\n# 关于报名的通知\n\n报名时间：2026年07月01日至2026年07月10日。\n\n截止日期：2026年07月10日。\n',
          count: 3,
          fixed: '---\n标题: 关于报名的通知\n---\n\n# 关于报名的通知\n\n报名时间：2026年7月1日至2026年7月10日。\n\n截止日期：2026年7月10日。\n',
        },
        {
          title: '公文正文中的 2026.3.2、2026/03/02（提示，可改为年月日）',
          text: '---\n标题: 关于报送材料的通知\n---\n\n# 关于报送材料的通知\n\n请于2026.3.2前报送，逾期于2026/03/09前补报。\n',
          count: 2,
          fixed: '---\n标题: 关于报送材料的通知\n---\n\n# 关于报送材料的通知\n\n请于2026年3月2日前报送，逾期于2026年3月9日前补报。\n',
        },
        {
          title: '元数据中不存在的日期',
          text: '---\n标题: 关于征求《海口市政务公开规定（征求意见稿）》意见的公告\n发布日期: 2019-13-01\n---\n\n# 关于征求《海口市政务公开规定（征求意见稿）》意见的公告\n',
          count: 1,
        },
      ],
      quiet: [
        {
          title: '门户目录页眉的发文日期（目录字段，不是成文日期）',
          filename: 'notice.txt',
          text: '索 引 号: 00817804-9/2019-13123 分类: 规划计划\n发布机构: 市政府办公室 发文日期: 2019年06月24日\n名  称: 海口市人民政府办公室关于印发2019年政务公开工作要点的通知\n\n海口市人民政府办公室\n2019年6月21日\n(此件主动公开)\n',
        },
        {
          title: '元数据使用 ISO 日期',
          text: '---\n标题: 海口市2019年政务公开工作要点\n成文日期: 2019-06-21\n发布日期: 2019-06-24\n---\n\n# 海口市2019年政务公开工作要点\n\n各区政府要在每年3月31日前公布上一年度政府信息公开工作年度报告。\n',
        },
        {
          title: '正文中的公文日期',
          text: '征求意见时间为2020年6月10日至2020年6月23日，统计期限自2015年1月1日起至2015年12月31日止。\n',
        },
        {
          title: '版本号、章节号中像日期的数字（V2026-03-45、第2019.3.4节）',
          text: '---\n标题: 关于升级政务公开平台的通知\n---\n\n# 关于升级政务公开平台的通知\n\n平台升级到V2026-03-45版，操作说明见第2019.3.4节。\n',
        },
        {
          title: '普通笔记中的 2026/03/02（不是公文，不提示）',
          text: '# 周会记录\n\n2026/03/02 讨论了门户网站改版。\n',
        },
      ],
    },
  },
  check(ctx) {
    const { doc } = ctx;
    const impossible: Severity | undefined = ctx.options.impossibleSeverity === 'inherit' ? undefined : (ctx.options.impossibleSeverity ?? 'error');
    // The form in force on the document's own date: GB/T 9704-2012 (Arabic numerals) from 2012-07-01;
    // before, GB/T 9704-1999 wrote the 成文日期 in Chinese numerals (二〇〇四年一月十六日), which is then
    // right; before 2000 no format standard zwgk knows applied. Impossible dates are wrong in any year.
    const version = versionFor(doc, GBT9704_VERSIONS);
    const arabic = version === SOURCES.gbt9704_2012;
    // A saved page's catalogue values are the portal's system format (成文日期: 2018年12月07日).
    const portalValues = profileOf(doc).origin === 'page';
    const form: FormContext = { arabic, numeralsRight: version === SOURCES.gbt9704_1999 };

    for (const field of doc.metadata.fields) {
      if (!field.known || !(DATE_KEYS.includes(field.key as never) || field.key === '征求意见期限')) continue;
      checkMetadataField(ctx, field, impossible, portalValues || !arabic ? { ...form, arabic: false, numeralsRight: false } : form);
    }

    for (const seg of doc.segments) {
      const text = doc.text.slice(seg.start, seg.end);
      if (!/[年\-/.]/.test(text)) continue;
      for (const d of findDates(text)) {
        const start = seg.start + d.start, end = seg.start + d.end;
        // V2026-03-45, build_2026.3.2: part of an identifier, not a date.
        if (d.style === 'iso' && /[A-Za-z_]/.test(doc.text[start - 1] ?? '')) continue;
        if (!isValidDate(d.year, d.month, d.day)) {
          if (d.style === 'iso' && !plausibleIso(d)) continue;
          ctx.report({ start, end, severity: impossible, message: impossibleMessage(d.raw, d) });
          continue;
        }
        // Text reproduced in quotation marks is not the drafter's to reformat.
        if (!arabic || catalogueValue(ctx.doc, start, end) || isQuoted(doc, start, end)) continue;
        if (d.style === 'cn') styleReport(ctx, d, start);
        else if (d.raw[4] !== '-' && informalDatesChecked(doc) && !inTableCell(doc, start)) informalReport(ctx, d, start);
      }
      if (!text.includes('年')) continue;
      for (const c of findChineseNumeralDates(text)) {
        if (c.valid && isQuoted(doc, seg.start + c.start, seg.start + c.end)) continue;
        numeralReport(ctx, c, seg.start, impossible, form);
      }
      for (const m of text.matchAll(DAMAGED)) {
        if (!readableAsMonthDay(m[2])) continue;
        ctx.report({
          start: seg.start + m.index!, end: seg.start + m.index! + m[0].length,
          message: `日期“${m[0]}”缺少“月”字，似乎已损坏，请对照原文改正`,
        });
      }
    }
  },
};

/** Which date form the document is held to (see `check`). */
interface FormContext {
  /** GB/T 9704-2012: Arabic numerals, no leading zeros. */
  arabic: boolean;
  /** GB/T 9704-1999: Chinese numerals are right, but 零 is written 〇 (not a Latin O or a digit 0). */
  numeralsRight: boolean;
}

/** 2014年831日: a four-digit year, then three or four digits and 日 with no 月 (text lost in copying). */
const DAMAGED = /(?<![0-9])([0-9]{4})年([0-9]{3,4})日/g;

function readableAsMonthDay(digits: string): boolean {
  for (let i = 1; i < digits.length; i++) {
    const mo = Number(digits.slice(0, i)), day = Number(digits.slice(i));
    if (digits[i] !== '0' && mo >= 1 && mo <= 12 && day >= 1 && day <= 31) return true;
  }
  return false;
}

/** Catalogue date labels: a date right after one (in the catalogue block) is a catalogue value, not 公文 text. */
const CATALOGUE_LABEL = /(?:发文日期|发布日期|發布日期|發文日期|发布时间|發布時間|更新时间|更新時間|生成日期)[ \t\u3000]{0,3}[:：|｜][ \t\u3000]{0,3}$/;
/** Other catalogue keys: a line holding one of them as well is a catalogue line wherever it stands. */
const OTHER_CATALOGUE_KEY = /(?:索[ \t\u3000]{0,3}引[ \t\u3000]{0,3}号|发布机构|發布機構|信息来源|来源|來源|组配分类|分[ \t\u3000]{0,8}类|主[ \t\u3000]{0,3}题[ \t\u3000]{0,3}词|文[ \t\u3000]{0,8}号|名[ \t\u3000]{0,8}称)[ \t\u3000]{0,3}[:：|｜]/;
/** How many lines from the top count as the catalogue block of a page saved without a parsed header. */
const CATALOGUE_LINES = 12;

/** A date after a catalogue date label, in the catalogue block (see the file comment). */
function catalogueValue(doc: ZwgkDocument, start: number, end: number): boolean {
  const { before, after } = lineAround(doc, start, end);
  if (!CATALOGUE_LABEL.test(before)) return false;
  return doc.positionAt(start).line <= CATALOGUE_LINES || OTHER_CATALOGUE_KEY.test(before) || OTHER_CATALOGUE_KEY.test(after);
}

/** Drafts only: a catalogue block, a type other than 其他, or a 附注 (a README or a memo keeps its dates). */
function informalDatesChecked(doc: ZwgkDocument): boolean {
  return doc.metadata.source !== 'none' || doc.type.value !== '其他' || findDisclosureNote(doc) !== undefined;
}

function inTableCell(doc: ZwgkDocument, offset: number): boolean {
  if (doc.format === 'markdown') return doc.blocks.some((b) => b.kind === 'tableCell' && b.start <= offset && offset < b.end);
  const { before, after } = lineAround(doc, offset, offset);
  return /[|\t]/.test(before + after);
}

/** 2026.3.2 / 2026/03/02 in a 公文 body: `info`, with the 年月日 form as the fix. 第2019.3.4节 is a section number. */
function informalReport(ctx: RuleContext<Options>, d: DateMatch, start: number): void {
  const { text } = ctx.doc;
  if (text[start - 1] === '第' || /^[ \t]{0,1}[节章条款版项号期]/.test(text.slice(start + d.raw.length, start + d.raw.length + 2))) return;
  const cn = `${d.year}年${d.month}月${d.day}日`;
  ctx.report({
    start, end: start + d.raw.length, severity: 'info',
    message: `宜写作“${cn}”：公文正文中的日期不写作“${d.raw}”`,
    fix: { range: [start, start + d.raw.length], text: cn },
  });
}

/**
 * An ISO-looking match counts as a date only when it plausibly is one: 2019-13-01 and 2019/2/30 do, but a
 * dotted number like 2019.3.45 (a section or version number) does not.
 */
function plausibleIso(d: DateMatch): boolean {
  if (d.year < 1900 || d.year > 2099) return false;
  const sep = d.raw[4];
  return sep === '-' || sep === '/' || (d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= 31);
}

function impossibleMessage(raw: string, d: { year: number; month: number; day: number }): string {
  if (d.month < 1 || d.month > 12) return `日期“${raw}”不存在（没有${d.month}月）`;
  if (d.day < 1) return `日期“${raw}”不存在（没有${d.day}日）`;
  return `日期“${raw}”不存在（${d.year}年${d.month}月只有${daysInMonth(d.year, d.month)}天）`;
}

const CN_PARTS = /^([0-9]{2,4})([ \t\u3000]{0,2}年[ \t\u3000]{0,2})([0-9]{1,2})([ \t\u3000]{0,2}月[ \t\u3000]{0,2})([0-9]{1,2})([ \t\u3000]{0,2}日)$/;

/** A valid 2019年6月21日-style date at document offset `start`: full year, no leading zeros. */
function styleReport(ctx: RuleContext<Options>, d: DateMatch, start: number, what = '日期'): void {
  const end = start + d.raw.length;
  const zeros = /^0[0-9]$/.test(d.parts.month) || /^0[0-9]$/.test(d.parts.day);
  if (d.parts.year.length < 4) {
    ctx.report({ start, end, message: `年份应写全四位：${what}“${d.raw}”不能写作“${d.parts.year}年”` });
    if (!zeros) return;
  }
  if (!zeros) return;
  const m = CN_PARTS.exec(d.raw);
  const fixed = m ? `${m[1]}${m[2]}${Number(m[3])}${m[4]}${Number(m[5])}${m[6]}` : undefined;
  ctx.report({
    start, end,
    message: `应为“${d.parts.year}年${d.month}月${d.day}日”：${what}“${d.raw}”的月、日不编虚位（1不编为01）`,
    fix: fixed ? { range: [start, end], text: fixed } : undefined,
  });
}

function numeralReport(ctx: RuleContext<Options>, c: ChineseNumeralDate, base: number, impossible: Severity | undefined, form: FormContext, what = '日期'): void {
  const start = base + c.start, end = base + c.end;
  if (!c.valid) {
    ctx.report({ start, end, severity: impossible, message: impossibleMessage(c.raw, c) });
    return;
  }
  if (form.numeralsRight) {
    // 二OO一年四月十八日: right in its day, except that 零 is 〇, not the letter O or the digit 0.
    if (!c.latinZero) return;
    const fixed = [...c.raw].map((ch, i) => (c.latinZero!.some((z) => z.start === i) ? '〇' : ch)).join('');
    ctx.report({
      start, end, clause: CLAUSES.gbt9704_1999_date,
      message: `应写作“${fixed}”：${what}“${c.raw}”中的“零”是“〇”，不是字母“O”或数字“0”`,
      fix: { range: [start, end], text: fixed },
    });
    return;
  }
  if (!form.arabic) return;
  const arabic = `${c.year}年${c.month}月${c.day}日`;
  ctx.report({
    start, end,
    message: `应写作“${arabic}”：${what}“${c.raw}”应使用阿拉伯数字`,
    fix: { range: [start, end], text: arabic },
  });
}

function checkMetadataField(ctx: RuleContext<Options>, field: MetaField, impossible: Severity | undefined, form: FormContext): void {
  const { doc } = ctx;
  if (!field.value) return;
  const raw = doc.text.slice(field.start, field.end);
  const dates = findDates(raw);
  const numerals = findChineseNumeralDates(raw);
  const label = `“${field.rawKey.replace(/[\s\u3000]+/g, '')}”`;
  for (const d of dates) {
    if (!isValidDate(d.year, d.month, d.day)) {
      ctx.report({ start: field.start + d.start, end: field.start + d.end, severity: impossible, message: `${label}的值中，${impossibleMessage(d.raw, d)}` });
    } else if (field.key === '成文日期' && d.style === 'cn' && form.arabic) {
      styleReport(ctx, d, field.start + d.start, `${label}的值`);
    }
  }
  for (const c of numerals) {
    if (!c.valid || field.key === '成文日期') numeralReport(ctx, c, field.start, impossible, form, `${label}的值`);
  }
  if (dates.length === 0 && numerals.length === 0 && DATE_KEYS.includes(field.key as never)) {
    ctx.report({
      start: field.start, end: field.end,
      message: `${label}的值“${field.value}”不是可识别的日期（应写作“2019年6月21日”或“2019-06-21”）`,
    });
  }
}
