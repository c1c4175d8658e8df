import type { Rule } from '../types';
import { CLAUSES } from '../clauses';
import { applicationReply, type ReplyOptions } from '../deadlines/application-reply';
import { cnDate, uncoveredMessage } from '../deadlines/wording';
import { parseDate } from '../dates';

type Options = ReplyOptions;

/**
 * A reply to a disclosure application (依申请答复) given more than 20 working days after the
 * application was received (40 when an extension is stated); 15 (30) under the 2007 条例 for applications
 * received before 2019-05-15. Computed in `deadlines/application-reply.ts`.
 */
export const applicationReplyDeadline: Rule<Options> = {
  meta: {
    id: 'application-reply-deadline',
    title: '依申请公开答复超期',
    description: '依申请公开的答复日期晚于收到申请之日起第20个工作日（写明延期答复的为第40个工作日），按国务院节假日安排计算。',
    category: '期限',
    defaultSeverity: 'warning',
    clauses: [CLAUSES.tiaoli_33, CLAUSES.tiaoli2007_24],
    rationale: '条例第三十三条规定，不能当场答复的，应自收到申请之日起20个工作日内答复，延期最长再延20个工作日。超期答复会让申请人得不到应有的答复，也是行政复议、诉讼中机关最常见的败诉原因之一。',
    howToFix: '在截止日（消息中给出）前答复。需要延期的，经政府信息公开工作机构负责人同意并书面告知申请人，在元数据写明“延期答复: 是”；申请经过补正的，写明收到补正的日期。',
    detection:
      '收到申请的日期取自元数据“收到申请日期”，没有时取正文中“于……收到……申请”；正文写明收到补正申请的，期限自收到补正之日起算（条例第三十条）。' +
      '答复日期取自元数据“答复日期”，没有时取成文日期（目录或落款）。按工作日计算，法定节假日和调休上班的周末按官方工作日历；写明“延期答复: 是”或正文说明已延期的，期限为40个工作日。' +
      '2019年5月15日以前收到的申请适用2007年条例第二十四条（15个工作日，延期再15个）。正文说明征求了第三方意见的，所需时间不计入期限，只作提示（请扣除后核对）。日期超出工作日历数据范围时不推算，只给出无法计算的提示。',
    fixable: false,
    options: {
      workdays: { type: 'integer', minimum: 1, maximum: 200, description: '答复期限（工作日；不设置时按收到申请之日施行的条例：2019年修订版第三十三条为20，2007年版第二十四条为15）' },
      extensionWorkdays: { type: 'integer', minimum: 0, maximum: 200, description: '延期答复时最多延长的工作日（不设置时按条例：2019年修订版为20，2007年版为15）' },
    },
    defaultOptions: {},
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
    const d = applicationReply(doc, cal, ctx.options);
    if (!d || !d.from || !d.actual || (d.state !== 'late' && d.state !== 'unknown')) return;
    const received = parseDate(d.from.date)!, reply = parseDate(d.actual.date)!;
    const n = d.data.workdays as number;
    // The version applied: only worth saying when it is the 2007 条例 (in force until 2019-05-14).
    const v2007 = d.data.version === 'tiaoli2007';
    const article = d.clause.id.replace(/^条例（2007）\s*/, '2007年条例').replace(/^条例\s*/, '');
    const note = v2007 ? `（按当时施行的${article}）` : '';
    const at = { start: d.actual.start, end: d.actual.end, clause: d.clause };
    if (d.state === 'unknown') {
      ctx.report({
        ...at, severity: 'info',
        message: `${uncoveredMessage(cal, `${article}的${n}个工作日答复期限`, received, reply)}（收到申请${cnDate(received)}，答复${cnDate(reply)}）`,
        data: { received: d.from.date, replied: d.actual.date },
      });
      return;
    }
    const ext = d.data.extended as boolean;
    const basis = d.data.corrected ? `收到补正申请之日（${cnDate(received)}）` : `收到申请之日（${cnDate(received)}）`;
    const extText = ext ? `（含延期${d.data.extensionWorkdays}个工作日）` : '';
    const third = d.data.consulted as boolean;
    ctx.report({
      ...at,
      ...(third ? { severity: 'info' as const } : {}),
      message: `应于${cnDate(parseDate(d.due!)!)}前答复（自${basis}起${n}个工作日${extText}）：答复日期${cnDate(reply)}${d.late!.text}${note}` +
        (ext ? '' : '；如已依法延期，请写明“延期答复: 是”') +
        (third ? '；正文提到征求第三方或其他机关意见，该时间不计入期限，请扣除后核对' : ''),
      data: { deadline: d.due, workdaysLate: d.late!.workdays, daysLate: d.late!.days, received: d.from.date, extended: ext },
    });
  },
};
