import type { Rule } from '../types';
import { CLAUSES } from '../clauses';
import { getField } from '../metadata';
import { findDates, compareDates } from '../dates';
import {
  firstDate, metaDate, sentences, cnDate, isoDate, isAfter, lateByWorkdays, uncoveredMessage, type LocatedDate,
} from '../util/deadline';
import { toSimplified } from '../data/traditional';
import type { ZwgkDocument } from '../document';

interface Options {
  workdays: number;
  extensionWorkdays: number;
}

/** 收到申请日期: metadata, else “于2026年3月2日收到…申请” in the body; a later 补正 receipt restarts the period (条例 第三十条). */
function receivedDate(doc: ZwgkDocument): { date: LocatedDate; corrected: boolean } | undefined {
  let received = metaDate(doc, '收到申请日期');
  let corrected: LocatedDate | undefined;
  for (const s of sentences(doc)) {
    if (!/收到|签收|确认/.test(s.text)) continue;
    for (const d of findDates(s.text)) {
      if (!d.valid) continue;
      const after = s.text.slice(d.end, d.end + 16);
      const m = /^[^，,。；]{0,10}?(收到|签收)/.exec(after);
      if (!m) continue;
      const located: LocatedDate = { year: d.year, month: d.month, day: d.day, start: s.start + d.start, end: s.start + d.end, source: '正文' };
      const clause = s.text.slice(d.end, d.end + 40).split(/[，,；;]/)[0];
      if (/补正/.test(clause)) {
        if (!corrected || compareDates(located, corrected) > 0) corrected = { ...located, source: '正文（收到补正申请）' };
      } else if (!received && /申请/.test(s.text)) {
        received = { ...located, source: '正文（收到申请）' };
      }
    }
  }
  if (corrected && (!received || compareDates(corrected, received) > 0)) return { date: corrected, corrected: true };
  return received ? { date: received, corrected: false } : undefined;
}

/** 延期答复 stated: metadata `延期答复: 是` (否 turns it off), else the body mentions an extension. */
function extended(doc: ZwgkDocument): boolean {
  const f = getField(doc.metadata, '延期答复');
  if (f && f.value) {
    const v = toSimplified(f.value).trim().toLowerCase();
    if (/^(否|无|不|没有|false|no|n)$/.test(v)) return false;
    if (/^(是|有|已延期|延期|true|yes|y)$/.test(v) || /延/.test(v)) return true;
  }
  for (const s of sentences(doc)) {
    const m = /延期答复|延长答复期限|延长答复|答复期限延长|延期至/.exec(s.text);
    if (m && !/(不|未|无需|无须|没有|不予)\s{0,2}$/.test(s.text.slice(Math.max(0, m.index - 4), m.index))) return true;
  }
  return false;
}

/** The body says third parties or other authorities were consulted (条例 第三十三条 第三款: time not counted). */
function consulted(doc: ZwgkDocument): boolean {
  return sentences(doc).some((s) => /征求.{0,12}(第三方|其他机关|有关机关|相关机关|其他行政机关).{0,6}意见|第三方意见/.test(s.text));
}

/**
 * A reply to a disclosure application (依申请答复) given more than 20 working days after the
 * application was received (40 when an extension is stated).
 */
export const applicationReplyDeadline: Rule<Options> = {
  meta: {
    id: 'application-reply-deadline',
    title: '依申请公开答复超期',
    description: '依申请公开的答复日期晚于收到申请之日起第20个工作日（写明延期答复的为第40个工作日），按国务院节假日安排计算。',
    category: '期限',
    defaultSeverity: 'warning',
    clauses: [CLAUSES.tiaoli_33],
    rationale: '条例第三十三条规定不能当场答复的应自收到申请之日起20个工作日内答复；延长须经负责人同意并告知申请人，最长再延20个工作日。超期答复是行政复议、诉讼中最常见的败诉原因之一。',
    howToFix: '在截止日（消息中给出）前答复；需要延期的，经政府信息公开工作机构负责人同意并书面告知申请人，在元数据写明“延期答复: 是”。收到补正申请的，写明收到补正的日期（期限自该日起算）。',
    fixable: false,
    options: {
      workdays: { type: 'integer', minimum: 1, maximum: 200, description: '答复期限（工作日，条例第三十三条为20）' },
      extensionWorkdays: { type: 'integer', minimum: 0, maximum: 200, description: '延期答复时最多延长的工作日（条例第三十三条为20）' },
    },
    defaultOptions: { workdays: 20, extensionWorkdays: 20 },
    examples: {
      fire: [
        {
          title: '跨春节：2月2日收到申请，期限为3月6日，3月9日才答复',
          text: '---\n标题: 政府信息公开申请答复书\n文档类型: 依申请答复\n收到申请日期: 2026-02-02\n答复日期: 2026-03-09\n---\n\n# 政府信息公开申请答复书\n',
          count: 1,
        },
        {
          title: '写明延期答复，仍超过40个工作日',
          text: '---\n标题: 政府信息公开申请答复书\n文档类型: 依申请答复\n收到申请日期: 2025-09-01\n答复日期: 2025-11-20\n延期答复: 是\n---\n\n# 政府信息公开申请答复书\n',
          count: 1,
        },
        {
          title: '收到日期写在正文，落款为答复日期',
          text: '政府信息公开申请答复书\n\n张某某：\n\n本机关于2025年4月1日收到您提交的政府信息公开申请。经查，现答复如下。\n\n海口市某某局\n\n2025年5月12日\n',
          filename: 'dafu.txt',
          count: 1,
        },
      ],
      quiet: [
        {
          title: '第20个工作日答复（按期）',
          text: '---\n标题: 政府信息公开申请答复书\n文档类型: 依申请答复\n收到申请日期: 2026-02-02\n答复日期: 2026-03-06\n---\n\n# 政府信息公开申请答复书\n',
        },
        {
          title: '写明延期答复，在40个工作日内',
          text: '---\n标题: 政府信息公开申请答复书\n文档类型: 依申请答复\n收到申请日期: 2026-02-02\n答复日期: 2026-03-20\n延期答复: 是\n---\n\n# 政府信息公开申请答复书\n',
        },
        {
          title: '正文说明延长答复期限',
          text: '---\n标题: 政府信息公开申请答复书\n文档类型: 依申请答复\n收到申请日期: 2026-02-02\n答复日期: 2026-03-20\n---\n\n# 政府信息公开申请答复书\n\n因需要协调的事项较多，经本机关政府信息公开工作机构负责人同意，延长答复期限20个工作日，已于2026年2月27日告知您。\n',
        },
        {
          title: '收到补正申请后重新起算',
          text: '---\n标题: 政府信息公开申请答复书\n文档类型: 依申请答复\n收到申请日期: 2026-01-05\n答复日期: 2026-03-06\n---\n\n# 政府信息公开申请答复书\n\n本机关于2026年2月2日收到您补正后的申请。\n',
        },
      ],
    },
  },
  check(ctx) {
    const { doc, calendar: cal } = ctx;
    const hasFields = !!getField(doc.metadata, '收到申请日期')?.value && !!getField(doc.metadata, '答复日期')?.value;
    if (doc.type.value !== '依申请答复' && !hasFields) return;
    const got = receivedDate(doc);
    const reply = firstDate(doc, ['答复日期', '成文日期']);
    if (!got || !reply || !isAfter(reply, got.date)) return;
    const received = got.date;
    const ext = extended(doc);
    const n = (ctx.options.workdays ?? 20) + (ext ? ctx.options.extensionWorkdays ?? 20 : 0);
    const at = { start: reply.start, end: reply.end };
    const deadline = cal.addWorkdays(received, n);
    if (!deadline) {
      // The deadline lies in a year the calendar does not cover. Replied before that year: on time.
      const used = cal.workdaysBetween(received, reply);
      if (used !== undefined && used <= n) return;
      ctx.report({
        ...at, severity: 'info',
        message: `${uncoveredMessage(cal, `第三十三条的${n}个工作日答复期限`, received, reply)}（收到申请${cnDate(received)}，答复${cnDate(reply)}）`,
        data: { received: isoDate(received), replied: isoDate(reply) },
      });
      return;
    }
    if (!isAfter(reply, deadline)) return;
    const late = lateByWorkdays(cal, deadline, reply, '法定期限');
    const basis = got.corrected ? `收到补正申请之日（${cnDate(received)}）` : `收到申请之日（${cnDate(received)}）`;
    const extText = ext ? `（含延期${ctx.options.extensionWorkdays ?? 20}个工作日）` : '';
    const third = consulted(doc);
    ctx.report({
      ...at,
      ...(third ? { severity: 'info' as const } : {}),
      message: `应自${basis}起${n}个工作日${extText}内答复（截止日${cnDate(deadline)}），答复日期${cnDate(reply)}${late.text}` +
        (ext ? '' : '；如已依法延期，请写明“延期答复: 是”') +
        (third ? '；正文提到征求第三方或其他机关意见，该时间不计入期限，请扣除后核对' : ''),
      data: { deadline: isoDate(deadline), workdaysLate: late.workdays, daysLate: late.days, received: isoDate(received), extended: ext },
    });
  },
};
