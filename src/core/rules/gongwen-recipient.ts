import type { Rule } from '../types';
import { CLAUSES } from '../clauses';
import { toSimplified } from '../data/traditional';
import { gongwenOf, recipientLine, bodyBlocks, titleRange } from '../util/gongwen';

/**
 * 主送机关 where the 文种 needs one (GB/T 9704-2012 7.3): a 批复 answers a 请示 of the body it is sent
 * to, a 请示 goes to one superior, a 函 to the body it asks or answers; a 通知 / 意见 / 通报 / 决定 sent to
 * subordinate bodies names them — which its own words show (印发给你们, 你们要…, 请你局…). 公告、通告、
 * 公报、命令、纪要、报告 and 公示 address the public or no one and stay quiet; so does a 通知 to the public.
 *
 * Drafts only: a portal page may print the 主送机关 apart from the text, or drop it.
 */

const ALWAYS = new Set(['批复', '请示', '函']);
const WHEN_ADDRESSED = new Set(['通知', '意见', '指导意见', '实施意见', '若干意见', '通报', '决定']);
/** The text speaks to the bodies it is sent to. */
const ADDRESSING = /(?:印发|转发|下发)给你们|你们|你(?:省|市|区|县|镇|乡|局|委|厅|办|部|院|署|单位|公司|校|中心)(?![场们])/;

export const gongwenRecipient: Rule = {
  meta: {
    id: 'gongwen-recipient',
    title: '公文缺少主送机关',
    description: '批复、请示、函，以及正文对收文机关说话（“印发给你们”“你局”）的通知、意见、通报、决定，在标题下没有写主送机关。',
    category: '格式',
    defaultSeverity: 'warning',
    clauses: [CLAUSES.gbt9704_recipient],
    rationale:
      '主送机关是负责办理这份公文的机关：批复、请示、函没有主送机关就不知道是答复谁、向谁请示、给谁发函；发给下级机关的通知、意见不写主送机关，' +
      '公开后公众也看不出文件约束哪些单位。',
    howToFix:
      '在标题下一行顶格写主送机关，后加全角冒号，例如“各区人民政府，市政府各委、办、局：”“市财政局：”；公告、通告面向社会，不写主送机关。',
    detection:
      '只看标题文种为公文的草稿（保存的门户网站页面不报告：网站可能把主送机关放在别处或省略）。批复、请示、函总要主送机关；' +
      '通知、意见、通报、决定只在正文对收文机关说话时（“印发给你们”“你们要”“请你局”等）才要求，面向公众的通知不报告；公告、通告、公报、命令、纪要、报告从不报告。' +
      '主送机关：正文第一句之前、以冒号结尾的一行（如“各有关单位：”），跳过文号、签发人、“…文件”和正文中重复的标题。',
    fixable: false,
    examples: {
      fire: [
        {
          title: '批复没有主送机关',
          text: '# 海口市人民政府关于同意设立某社区的批复\n\n你区《关于设立某社区的请示》收悉。经研究，同意设立。\n\n海口市人民政府\n\n2026年3月2日\n',
          count: 1,
        },
        {
          title: '印发通知写了“印发给你们”，却没有主送机关',
          text: '# 海口市人民政府办公室关于印发《海口市政务公开目录管理办法》的通知\n\n现将《海口市政务公开目录管理办法》印发给你们，请认真贯彻执行。\n\n海口市人民政府办公室\n\n2026年3月2日\n',
          count: 1,
        },
      ],
      quiet: [
        {
          title: '批复写了主送机关',
          text: '# 海口市人民政府关于同意设立某社区的批复\n\n龙华区人民政府：\n\n你区《关于设立某社区的请示》收悉。经研究，同意设立。\n\n海口市人民政府\n\n2026年3月2日\n',
        },
        {
          title: '面向社会的通知',
          text: '# 海口市教育局关于2026年义务教育招生报名时间的通知\n\n2026年义务教育招生网上报名时间为6月1日至6月10日，请家长按时报名。\n\n海口市教育局\n\n2026年3月2日\n',
        },
        {
          title: '公告不写主送机关',
          text: '# 海口市人民政府关于城市道路改造的公告\n\n为做好城市道路改造工作，现将有关事项公告如下。\n\n海口市人民政府\n\n2026年3月2日\n',
        },
        {
          title: '文号在标题下，主送机关在文号下',
          filename: 'pifu.txt',
          text: '海口市人民政府关于同意设立某社区的批复\n海府函〔2026〕3号\n龙华区人民政府：\n你区《关于设立某社区的请示》收悉。经研究，同意设立。\n海口市人民政府\n2026年3月2日\n',
        },
      ],
    },
  },
  check(ctx) {
    const { doc } = ctx;
    const g = gongwenOf(doc);
    if (!g || g.origin !== 'draft' || !doc.title) return;
    const name = g.genre.name;
    if (!ALWAYS.has(name) && !WHEN_ADDRESSED.has(name)) return;
    if (recipientLine(doc)) return;
    const blocks = bodyBlocks(doc);
    if (!blocks.length) return; // a title with no text yet
    let why: string;
    if (ALWAYS.has(name)) {
      why = `${name}须写明主送机关`;
    } else {
      const body = toSimplified(blocks.slice(0, 30).map((b) => b.text).join('\n'));
      const m = ADDRESSING.exec(body);
      if (!m) return;
      why = `正文写了“${m[0]}”，是发给具体机关的${name}`;
    }
    ctx.report({
      ...titleRange(doc)!,
      message: `在标题下写明主送机关（如“各区人民政府，市政府各委、办、局：”），后加全角冒号：${why}，却没有写发给谁`,
      data: { genre: name },
    });
  },
};
