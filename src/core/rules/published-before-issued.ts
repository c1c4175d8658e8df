import type { Rule } from '../types';
import { CLAUSES } from '../clauses';
import { profileOf } from '../profile';
import { compareDates, formatDate } from '../dates';
import { getField } from '../metadata';
import { toSimplified } from '../data/traditional';
import type { ZwgkDocument } from '../document';

/**
 * 发布日期 before 成文日期: a document cannot be published before it was formed, so one of the two dates
 * is wrong — and the 20 working days of 条例 第二十六条 count from the 成文日期.
 *
 * Both dates as the profile reads them (`profile/dates.ts`): 成文日期 from the catalogue, else the 落款;
 * 发布日期 from the catalogue or the page's byline. Drafts and portal pages alike, when both are read. On
 * a page whose 成文日期 comes only from the body, the date line may belong to a document the page quotes
 * or forwards: the rule compares it only when the 落款 above it is signed by the title's issuer or the
 * page's 发布机构 (the page's own document), and stays quiet otherwise.
 */
const norm = (s: string) => toSimplified(s).replace(/[\s\u3000]+/g, '');

/** The 落款 is the page's own document's: signed by the title's issuer or the page's 发布机构. */
function ownSignature(doc: ZwgkDocument): boolean {
  const p = profileOf(doc);
  if (!p.signer) return false;
  const signer = norm(p.signer.name);
  const names = [...p.title.issuers, getField(doc.metadata, '发布机构')?.value ?? ''].map(norm).filter((n) => n.length >= 2);
  return names.some((n) => n === signer || n.includes(signer) || signer.includes(n));
}

export const publishedBeforeIssued: Rule = {
  meta: {
    id: 'published-before-issued',
    title: '发布日期早于成文日期',
    description: '元数据或页面的发布日期早于成文日期（元数据“成文日期”，没有时取正文落款日期）。',
    category: '元数据',
    defaultSeverity: 'warning',
    clauses: [CLAUSES.tiaoli_26],
    rationale:
      '文件成文之后才能公开：发布日期早于成文日期，说明其中一个日期写错了。成文日期是主动公开“20个工作日”期限的起算日，' +
      '也决定适用哪一版规定，写错会让期限检查和目录检索都出错。',
    howToFix: '核对签发稿上的成文日期和网站实际发布的日期，改正写错的一个。',
    detection:
      '成文日期取元数据“成文日期”，没有时取正文落款的日期；发布日期取元数据“发布日期”或页面上的发布时间。两者都读到、且发布日期早于成文日期时报告，' +
      '同一天不报告。保存的门户网站页面上，成文日期来自正文落款时，只有落款署名就是标题中的发文机关或页面的发布机构才比较：页面正文中的日期行可能属于页面转载或印发的另一份文件。',
    fixable: false,
    examples: {
      fire: [
        {
          title: '发布日期早于成文日期',
          text: '---\n标题: 海口市人民政府办公室关于做好2026年政务公开工作的通知\n成文日期: 2026年3月12日\n发布日期: 2026-03-02\n---\n\n# 海口市人民政府办公室关于做好2026年政务公开工作的通知\n\n各区人民政府：……\n',
          count: 1,
        },
        {
          title: '发布日期早于正文落款的成文日期',
          text: '---\n标题: 海口市人民政府办公室关于做好2026年政务公开工作的通知\n发布日期: 2026-03-01\n---\n\n# 海口市人民政府办公室关于做好2026年政务公开工作的通知\n\n各区人民政府：……\n\n海口市人民政府办公室\n\n2026年3月2日\n',
          count: 1,
        },
        {
          title: '保存的页面：发布日期早于本机关落款的日期',
          filename: 'page.txt',
          text: '名  称: 海口市政务服务中心关于开展2026年政务公开培训的通知\n发布机构: 海口市政务服务中心\n发布日期: 2026-03-01\n\n各有关单位：\n定于2026年3月10日开展政务公开培训，请准时参加。\n海口市政务服务中心\n2026年3月2日\n',
          count: 1,
        },
      ],
      quiet: [
        {
          title: '同一天成文、发布',
          text: '---\n标题: 海口市人民政府办公室关于做好2026年政务公开工作的通知\n成文日期: 2026年3月2日\n发布日期: 2026-03-02\n---\n\n# 海口市人民政府办公室关于做好2026年政务公开工作的通知\n',
        },
        {
          title: '成文后发布',
          text: '---\n标题: 海口市人民政府办公室关于做好2026年政务公开工作的通知\n成文日期: 2026年3月2日\n发布日期: 2026-03-05\n---\n\n# 海口市人民政府办公室关于做好2026年政务公开工作的通知\n',
        },
        {
          title: '保存的页面：正文中的日期属于转发的文件',
          filename: 'page.txt',
          text: '名  称: 关于转发某某通知的通知\n索 引 号: 00817804-9/2026-00001\n发布机构: 海口市人民政府办公室\n发布日期: 2026-03-01\n\n关于转发某某通知的通知\n各区人民政府：\n现将通知转发给你们。\n海南省人民政府办公厅\n2026年3月20日\n',
        },
      ],
    },
  },
  check(ctx) {
    const { doc } = ctx;
    const p = profileOf(doc);
    const { issued, published } = p;
    if (!issued || !published) return;
    if (p.origin === 'page' && issued.from !== 'metadata' && !ownSignature(doc)) return;
    if (compareDates(published, issued) >= 0) return;
    ctx.report({
      start: published.start,
      end: published.end,
      message: `核对并改正日期：${published.source}（${formatDate(published, 'cn')}）早于${issued.source}（${formatDate(issued, 'cn')}），文件不能在成文之前发布`,
      data: { published: formatDate(published), issued: formatDate(issued) },
    });
  },
};
