import type { Rule } from '../types';
import type { ZwgkDocument } from '../document';
import { CLAUSES } from '../clauses';
import { profileOf, parseTitle } from '../profile';
import { getField } from '../metadata';
import { gongwenOf, recipientLine, signatureOf, titleRange, bodyBlocks } from '../util/gongwen';

/**
 * The title of a 公文 (GB/T 9704-2012 7.3.1): 发文机关 + 关于 + 事由 + 的 + 文种.
 *
 * - 文种 missing: a draft whose title is built as a 公文 title (关于… at the start) and that is a 公文
 *   by its parts (a 文号, a 主送机关 line or a 落款), but the title ends with no 文种 (关于加强…工作).
 * - 事由 missing: a 通知 / 意见 / 批复 / 函 … whose title is the 文种 alone, or the issuer and the 文种
 *   (通知, 海口市人民政府办公室通知). 公告、通告、命令、公报、纪要 may be titled that way
 *   (海口市人民政府公告) and stay quiet.
 * - 发文机关 missing: a draft 公文 whose title names no issuer and that is not issued under one either
 *   (no 落款 署名, no 发布机构 or 发文机关 in its metadata).
 *
 * Drafts only: a portal page's title is the portal's entry, and what it left out the page shows elsewhere.
 */

/** 文种 that a title may give with only the issuer: 海口市人民政府公告, 国务院令, 2023年统计公报. */
const BARE_OK = new Set(['公告', '通告', '命令', '公报', '纪要', '决议']);

/** Signed otherwise (命令 by its 签发人, a 公报 by the body the page names, 纪要 by the meeting). */
const SIGNED_OTHERWISE = new Set(['命令', '公报', '纪要', '决议', '议案']);

/**
 * A 公文 title laid out on two or three lines (国务院关于河北雄安新区 / 总体规划（2018—2035年）的批复):
 * the first line is what the document model took as the title; the 文种 is on a line after it.
 */
function continuesOnNextLines(doc: ZwgkDocument, first: string): boolean {
  let joined = first;
  for (const b of bodyBlocks(doc).slice(0, 3)) {
    const t = b.text.replace(/[\s\u3000]+/g, '');
    if (!t || t.length > 40 || /[。；：:，,]/.test(t)) return false;
    joined += t;
    if (parseTitle(joined).genre) return true;
  }
  return false;
}

function issuedUnder(doc: ZwgkDocument): boolean {
  const p = profileOf(doc);
  if (p.issuer) return true;
  if (getField(doc.metadata, '发布机构')?.value) return true;
  const s = signatureOf(doc);
  return s.signed;
}

export const gongwenTitle: Rule = {
  meta: {
    id: 'gongwen-title',
    title: '公文标题缺少发文机关、事由或文种',
    description: '公文标题应由发文机关名称、事由和文种组成：以“关于…”起头却没有文种、只有文种没有事由、既不在标题中写发文机关又没有发文机关署名的草稿。',
    category: '格式',
    defaultSeverity: 'warning',
    clauses: [CLAUSES.gbt9704_title],
    rationale:
      '标题是公文在政府信息公开目录中的“名称”，公众靠它检索和判断文件的性质：没有文种就看不出是通知、意见还是批复，没有事由就不知道文件管什么，' +
      '既没有发文机关又没有署名就不知道是谁发的文。',
    howToFix:
      '按“发文机关＋关于＋事由＋的＋文种”写全标题，例如“海口市人民政府办公室关于做好2026年政务公开工作的通知”；标题不写发文机关的，在落款写发文机关署名。',
    detection:
      '只检查草稿（保存的门户网站页面的标题是网站的目录条目，不报告）。缺文种：标题以“关于”起头（或“某机关关于”），结尾不是任何可识别的文种，' +
      '并且正文确实是公文的样子（有文号、主送机关或落款），才报告。缺事由：标题的文种是通知、意见、批复、函、请示、报告、通报、决定等，' +
      '去掉发文机关后只剩文种；公告、通告、命令（令）、公报、纪要可以只写“机关＋文种”，不报告。缺发文机关：标题是公文文种，标题中没有发文机关，' +
      '元数据没有“发布机构”，落款也没有署名，才报告（命令、公报、纪要另有署名方式，不报告）。标题分两三行排版的（“国务院关于河北雄安新区”“总体规划…的批复”），' +
      '连同下面几行一起读。标题中的文种由 zwgk 的标题解析判断（与 zwgk inspect 显示的一致）。',
    fixable: false,
    examples: {
      fire: [
        {
          title: '以“关于”起头却没有文种',
          text: '---\n标题: 海口市人民政府办公室关于进一步做好政务公开工作\n文号: 海府办〔2026〕3号\n---\n\n# 海口市人民政府办公室关于进一步做好政务公开工作\n\n各区人民政府，市政府各委、办、局：\n\n现就进一步做好政务公开工作通知如下。\n\n海口市人民政府办公室\n\n2026年3月2日\n',
          count: 1,
        },
        {
          title: '标题只有文种，没有事由',
          text: '---\n标题: 通知\n---\n\n# 通知\n\n各有关单位：\n\n定于2026年3月10日召开全市政务公开工作会议，请准时参加。\n\n海口市政务服务中心\n\n2026年3月2日\n',
          count: 1,
        },
        {
          title: '标题没有发文机关，落款也没有署名',
          text: '# 关于做好2026年政务公开工作的通知\n\n各区人民政府：\n\n现将有关事项通知如下。\n\n2026年3月2日\n',
          count: 1,
        },
      ],
      quiet: [
        {
          title: '标题完整',
          text: '# 海口市人民政府办公室关于做好2026年政务公开工作的通知\n\n各区人民政府：\n\n现将有关事项通知如下。\n\n海口市人民政府办公室\n\n2026年3月2日\n',
        },
        {
          title: '标题不写发文机关，落款有署名',
          text: '# 关于做好2026年政务公开工作的通知\n\n各区人民政府：\n\n现将有关事项通知如下。\n\n海口市人民政府办公室\n\n2026年3月2日\n',
        },
        {
          title: '“机关＋公告”的标题',
          text: '# 海口市人民政府公告\n\n为做好城市道路改造工作，现将有关事项公告如下。\n\n海口市人民政府\n\n2026年3月2日\n',
        },
        {
          title: '保存的门户网站页面',
          filename: 'page.txt',
          text: '名  称: 关于进一步做好政务公开工作\n索 引 号: 00817804-9/2026-00001\n发布机构: 海口市人民政府办公室\n发布日期: 2026-03-02\n\n关于进一步做好政务公开工作\n各区人民政府：\n现就有关工作通知如下。\n',
        },
        {
          title: '标题分两行排版',
          filename: 'pifu.txt',
          text: '海口市人民政府关于同意设立\n龙华区某某社区的批复\n海府函〔2026〕3号\n龙华区人民政府：\n你区《关于设立某某社区的请示》收悉。经研究，同意设立。\n海口市人民政府\n2026年3月2日\n',
        },
        {
          title: '不是公文的标题（办法本身）',
          text: '# 海口市政务公开目录管理办法\n\n第一条 为规范政务公开目录管理，制定本办法。\n',
        },
      ],
    },
  },
  check(ctx) {
    const { doc } = ctx;
    const p = profileOf(doc);
    if (p.origin !== 'draft' || !doc.title || !p.title.text) return;
    if (p.kind.confidence === 'declared' && p.kind.value !== '政策文件' && p.kind.value !== '规范性文件' && p.kind.value !== '其他') return;
    const where = titleRange(doc)!;
    const t = p.title;

    if (!t.genre) {
      // 关于加强…工作: a 公文 title with its 文种 missing — only when the body is a 公文's.
      const about = t.text.indexOf('关于');
      if (about < 0 || about > 40 || t.text.includes('《') || t.subject.length < 4) return;
      const isGongwen = !!getField(doc.metadata, '文号')?.value || !!recipientLine(doc) || signatureOf(doc).signed;
      if (!isGongwen || continuesOnNextLines(doc, t.text)) return;
      ctx.report({
        ...where,
        message: `在标题末尾写上文种（如“…的通知”“…的意见”“…的批复”）：标题“${t.text}”以“关于”起头，却看不出是哪一种公文`,
        data: { missing: '文种' },
      });
      return;
    }

    const g = gongwenOf(doc);
    if (!g) return;
    const subject = t.subject.replace(/^关于/, '').replace(/的$/, '');
    if (!BARE_OK.has(g.genre.name) && subject.length === 0 && !t.carries) {
      ctx.report({
        ...where,
        message: `在文种“${g.genre.name}”前写明事由（如“关于做好2026年政务公开工作的${g.genre.name}”）：标题只有${t.issuers.length ? '发文机关和' : ''}文种，看不出文件管什么`,
        data: { missing: '事由' },
      });
      return;
    }
    if (!t.issuers.length && !SIGNED_OTHERWISE.has(g.genre.name) && !issuedUnder(doc)) {
      ctx.report({
        ...where,
        message: '在标题前写上发文机关（如“海口市人民政府办公室关于…”），或在正文末尾写发文机关署名：现在看不出这份公文是谁发的',
        data: { missing: '发文机关' },
      });
    }
  },
};

