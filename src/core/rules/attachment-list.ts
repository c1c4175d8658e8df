import type { Rule } from '../types';
import { CLAUSES } from '../clauses';
import { toSimplified } from '../data/traditional';
import { attachmentNote, bodyBlocks, gongwenOf } from '../util/gongwen';

/**
 * The 附件说明 of a 公文 (GB/T 9704-2012 7.3): `附件：` followed by what is attached.
 *
 * - `附件：` written with nothing after it (the list was never filled in);
 * - the body points to an attachment by number (见附件3, （附件2）) that the list does not have;
 * - the body says an attachment exists (详见附件, 见附件1) but a draft 公文 has no `附件：` line at all.
 *
 * 公文 only (a title with one of the fifteen 文种, `util/gongwen.ts`). Drafts are checked in full; on a
 * portal page only the second (what the page itself shows is inconsistent), since a page often drops the
 * list, or keeps the files as links a saved copy does not show.
 */

const NUMBERED_REF = /附件([0-9０-９]{1,2})(?![0-9０-９])/g;
/** The body refers to an attachment: 见附件, 详见附件2, （附件1）, 附件所列, 如附件. */
const REFERS = /(?:见|详见|参见|如|按|填写|填报)附件|[（(]附件[0-9０-９]{0,2}[）)]|附件所列/;
const digit = (s: string) => Number(s.replace(/[０-９]/g, (c) => String(c.charCodeAt(0) - 0xff10)));

export const attachmentList: Rule = {
  meta: {
    id: 'attachment-list',
    title: '附件说明与正文提到的附件不一致',
    description: '“附件：”后面没有写附件名称；正文提到的“附件3”在附件说明中没有；公文草稿正文说“详见附件”却没有“附件：”一行。',
    category: '格式',
    defaultSeverity: 'warning',
    clauses: [CLAUSES.gbt9704_attachment],
    rationale:
      '附件说明告诉读者这份公文随附哪些文件：公开后附件往往作为单独的文件挂在页面上，附件说明缺项或与正文对不上，公众就找不到正文所说的名单、表格或办法。',
    howToFix:
      '在正文之后、落款之前写“附件：”，后面列出附件名称；有多个附件的，用“1.”“2.”编号，与正文中“附件1”“附件2”的编号一一对应。',
    detection:
      '只看标题文种为公文的文件。附件说明：正文中以“附件：”起头的一行，以及紧随其后以“2.”“3.”等编号开头的行。报告三种情况：“附件：”后面什么也没写；' +
      '正文中“附件N”的编号超过附件说明列出的个数（附件说明有编号时才比较）；标题文种为公文的草稿正文说“见附件”“（附件1）”，却没有“附件：”一行，' +
      '也没有以“附件”“附件1”单独成行的附件正文。第一、三种情况在保存的门户网站页面上不报告：网站常把附件作为链接列出，保存的副本不一定有附件名称。',
    fixable: false,
    examples: {
      fire: [
        {
          title: '“附件：”后面是空的',
          text: '# 海口市人民政府办公室关于报送2026年政务公开工作台账的通知\n\n各区人民政府：\n\n请按附件格式报送台账。\n\n附件：\n\n海口市人民政府办公室\n\n2026年3月2日\n',
          count: 1,
        },
        {
          title: '正文提到附件3，附件说明只有两项',
          text: '# 海口市人民政府办公室关于报送2026年政务公开工作台账的通知\n\n各区人民政府：\n\n请填写附件1、附件2，并按附件3的要求报送。\n\n附件：1.政务公开工作台账\n2.联系人信息表\n\n海口市人民政府办公室\n\n2026年3月2日\n',
          count: 1,
        },
        {
          title: '正文说“详见附件”，却没有附件说明',
          text: '# 海口市人民政府办公室关于报送2026年政务公开工作台账的通知\n\n各区人民政府：\n\n报送要求详见附件。\n\n海口市人民政府办公室\n\n2026年3月2日\n',
          count: 1,
        },
      ],
      quiet: [
        {
          title: '附件说明与正文一致',
          text: '# 海口市人民政府办公室关于报送2026年政务公开工作台账的通知\n\n各区人民政府：\n\n请填写附件1、附件2。\n\n附件：1.政务公开工作台账\n2.联系人信息表\n\n海口市人民政府办公室\n\n2026年3月2日\n',
        },
        {
          title: '没有提到附件',
          text: '# 海口市人民政府办公室关于做好2026年政务公开工作的通知\n\n各区人民政府：\n\n现将有关事项通知如下。\n\n海口市人民政府办公室\n\n2026年3月2日\n',
        },
        {
          title: '附件正文附在落款之后（“附件”单独成行）',
          filename: 'tongzhi.txt',
          text: '海口市人民政府办公室关于报送台账的通知\n各区人民政府：\n请按附件格式报送台账。\n海口市人民政府办公室\n2026年3月2日\n附件\n政务公开工作台账\n',
        },
        {
          title: '附件说明的各项自带“附件N”“附表N”编号',
          filename: 'tongzhi.txt',
          text: '海口市人民政府办公室关于做好考核报名工作的通知\n各区人民政府：\n报名时提交附件5师承关系合同书。\n海口市人民政府办公室\n2026年3月2日\n附件：\n附表1、《考核申请表》\n附表2《推荐意见表》\n附件5《师承关系合同书》\n',
        },
      ],
    },
  },
  check(ctx) {
    const { doc } = ctx;
    const g = gongwenOf(doc);
    if (!g) return;
    const note = attachmentNote(doc);
    const blocks = bodyBlocks(doc);
    if (note) {
      if (!note.items.length) {
        // A page keeps the attachments as links the copy may not show.
        if (g.origin !== 'draft') return;
        ctx.report({
          start: note.block.start,
          end: note.block.end,
          message: '在“附件：”后面写上附件名称（多个附件用“1.”“2.”编号）：现在附件说明是空的',
          data: { problem: 'empty' },
        });
        return;
      }
      const numbered = note.items.filter((i) => i.n !== undefined);
      const count = numbered.length ? Math.max(...numbered.map((i) => i.n!)) : note.items.length;
      // References in the body before the 附件说明 (the attachments' own headings come after it).
      for (const b of blocks) {
        if (b.start >= note.block.start) break;
        const t = toSimplified(b.text);
        NUMBERED_REF.lastIndex = 0;
        let m: RegExpExecArray | null;
        while ((m = NUMBERED_REF.exec(t))) {
          const n = digit(m[1]);
          if (n <= count || n > 30) continue;
          const at = doc.text.indexOf(m[0], b.start);
          const start = at >= b.start && at < b.end ? at : b.start;
          ctx.report({
            start,
            end: at >= b.start && at < b.end ? start + m[0].length : b.end,
            message: `在附件说明中补上附件${n}，或改正这里的编号：正文提到“附件${n}”，附件说明只列了${count}个附件`,
            data: { problem: 'missing-item', n, count },
          });
          return;
        }
      }
      return;
    }
    // No 附件说明: a draft 公文 whose body points to an attachment.
    if (g.origin !== 'draft') return;
    if (blocks.some((b) => /^附[\s\u3000]?件[\s\u3000]{0,2}[0-9０-９一二三四五六七八九十]{0,3}$/.test(b.text.trim()))) return;
    for (const b of blocks) {
      const t = toSimplified(b.text);
      const m = REFERS.exec(t);
      if (!m) continue;
      const at = doc.text.indexOf(m[0], b.start);
      const start = at >= b.start && at < b.end ? at : b.start;
      ctx.report({
        start,
        end: at >= b.start && at < b.end ? start + m[0].length : b.end,
        message: `在正文之后、落款之前写“附件：”并列出附件名称：正文写了“${m[0]}”，却没有附件说明`,
        data: { problem: 'no-note' },
      });
      return;
    }
  },
};
