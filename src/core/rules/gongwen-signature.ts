import type { Rule } from '../types';
import { CLAUSES } from '../clauses';
import { getField } from '../metadata';
import { metaDate } from '../profile';
import { formatDate } from '../dates';
import { gongwenOf, signatureOf, bodyBlocks } from '../util/gongwen';

/**
 * The 落款 of a 公文 (GB/T 9704-2012 7.3): the 发文机关署名 and, under it, the 成文日期.
 *
 * - 成文日期 missing: a draft 公文 whose body has text but no line that is only a date;
 * - 署名 missing: the date line stands right under a sentence of the body (…特此通知。 / 2026年3月2日)
 *   or under the 附件说明, not under a name.
 *
 * Drafts only (a portal page prints the issuer and the date in its header and may drop the 落款). 命令（令）,
 * 纪要, 公报 and 决议 are signed otherwise (签发人, 会议, the date under the title) and stay quiet; a 公告 or
 * 通告 is checked only with a 文号 (without one it is often a web announcement, signed by the page).
 */

const SIGNED_OTHERWISE = new Set(['命令', '纪要', '公报', '决议', '议案']);
const PUBLIC_NOTICE = new Set(['公告', '通告']);

export const gongwenSignature: Rule = {
  meta: {
    id: 'gongwen-signature',
    title: '公文落款缺少发文机关署名或成文日期',
    description: '标题文种为公文的草稿，正文末尾没有成文日期，或成文日期上方没有发文机关署名。',
    category: '格式',
    defaultSeverity: 'warning',
    clauses: [CLAUSES.gbt9704_signature, CLAUSES.gbt9704_7_3_5_4],
    rationale:
      '落款的署名和成文日期说明这份公文由哪个机关、在哪一天形成：成文日期是主动公开“20个工作日”期限的起算日，也决定适用哪一版规定；' +
      '没有署名的公文，公开后公众无从判断发文机关。',
    howToFix:
      '在正文（和附件说明）之后写发文机关署名，下一行写成文日期，如“海口市人民政府办公室”“2026年3月2日”；成文日期用阿拉伯数字将年、月、日标全。',
    detection:
      '只看标题文种为通知、意见、批复、函、请示、报告、通报、决定、公告、通告等公文的草稿；命令（令）、纪要、公报、决议另有署名方式，没有文号的公告、通告常是网页公告（由页面署名），' +
      '保存的门户网站页面（页眉已有发布机构和日期，网站可能省略落款）都不报告。成文日期：正文中最后一个只有日期的行（在“附件1”等附件正文之前）。' +
      '署名：日期上一行是不带句读、不超过60字的名称；上一行是正文句子或“附件：”时报告缺署名。正文还没有内容的草稿不报告。',
    fixable: false,
    examples: {
      fire: [
        {
          title: '正文末尾没有落款',
          text: '# 海口市人民政府办公室关于做好2026年政务公开工作的通知\n\n各区人民政府：\n\n现将有关事项通知如下。请各单位认真贯彻执行。\n',
          count: 1,
        },
        {
          title: '成文日期上方没有署名',
          text: '# 海口市人民政府办公室关于做好2026年政务公开工作的通知\n\n各区人民政府：\n\n现将有关事项通知如下。特此通知。\n\n2026年3月2日\n',
          count: 1,
        },
      ],
      quiet: [
        {
          title: '署名和成文日期齐全',
          text: '# 海口市人民政府办公室关于做好2026年政务公开工作的通知\n\n各区人民政府：\n\n现将有关事项通知如下。\n\n海口市人民政府办公室\n\n2026年3月2日\n\n（此件主动公开）\n',
        },
        {
          title: '落款在附件之前',
          filename: 'tongzhi.txt',
          text: '海口市人民政府办公室关于印发某某名单的通知\n各区人民政府：\n现将名单印发给你们。\n附件：2026年度名单\n海口市人民政府办公室\n2026年3月2日\n附件\n2026年度名单\n一、龙华区\n二、秀英区\n',
        },
        {
          title: '命令（令）不按此检查',
          text: '# 海口市人民政府令\n\n《海口市政务公开规定》已经市政府常务会议通过，现予公布。\n\n市长 张某\n\n2026年3月2日\n',
        },
      ],
    },
  },
  check(ctx) {
    const { doc } = ctx;
    const g = gongwenOf(doc);
    if (!g || g.origin !== 'draft' || !doc.title || SIGNED_OTHERWISE.has(g.genre.name)) return;
    // A 公告 / 通告 without a 文号 is often a web announcement (招生公告) that the page's byline signs.
    if (PUBLIC_NOTICE.has(g.genre.name) && !getField(doc.metadata, '文号')?.value) return;
    const blocks = bodyBlocks(doc);
    if (blocks.length < 2) return; // nothing written yet
    const s = signatureOf(doc);
    if (!s.date) {
      const last = blocks[blocks.length - 1];
      const meta = metaDate(doc, '成文日期');
      const why = meta
        ? `正文没有落款（元数据“成文日期”为${formatDate(meta, 'cn')}，公文本身的落款也要写上）`
        : '这份公文没有成文日期';
      ctx.report({
        start: last.start,
        end: last.end,
        message: `在正文之后写落款：发文机关署名，下一行写成文日期（如“海口市人民政府办公室”“${meta ? formatDate(meta, 'cn') : '2026年3月2日'}”）——${why}`,
        data: { missing: '成文日期' },
      });
      return;
    }
    if (!s.signed) {
      ctx.report({
        start: s.date.start,
        end: s.date.end,
        message: '在成文日期上一行写发文机关署名（如“海口市人民政府办公室”）：落款只有日期，没有署名',
        data: { missing: '署名' },
      });
    }
  },
};
