import type { Rule } from '../types';
import { CLAUSES } from '../clauses';
import { scanTargets, phoneCandidates, findLabel, insideUrl, maskNumber, maskFixText } from '../util/privacy';

interface Options { quietLabels: string[] }

/**
 * Labels a phone number stands under: up to six Chinese characters ending in 电话/热线/手机/联系方式/联系人,
 * so “网站违法和不良信息举报电话”, “投诉举报电话” and “联系人” are each one label. The nearest one before the
 * number decides (“监督电话：0898-12345，手机：13812345678” labels the mobile “手机”).
 */
const LABELS = /[\u4e00-\u9fff]{0,6}(?:电话|热线|手机|联系方式|联系人)/g;

const DEFAULT_QUIET = ['监督电话', '投诉电话', '举报电话', '监督热线', '投诉热线', '举报热线'];

/** Mobile phone numbers of private persons published in full. */
export const personalPhone: Rule<Options> = {
  meta: {
    id: 'personal-phone',
    title: '手机号码未脱敏',
    description: '正文或元数据中出现完整的手机号码（1[3-9] 开头的11位，含 +86、分段写法），且不是标明“监督电话”“投诉电话”“举报电话”的号码。',
    category: '个人信息',
    defaultSeverity: 'error',
    clauses: [CLAUSES.tiaoli_15, CLAUSES.pipl],
    rationale:
      '手机号码可以直接联系到个人，属于个人信息；公示名单、申请人信息中的手机号公开前必须去标识化（如 138****1234）。' +
      '办公固定电话（0898-68725613）、12345 等热线不是个人信息，不报告。明确标为“监督电话”“投诉电话”“举报电话”的号码（同一行中离号码最近的标签，' +
      '或表格的列名）是机关有意公开的受理渠道，即使是手机号也不报告；“联系人”“咨询电话”后的手机号仍然报告——那通常是经办人的个人号码，' +
      '应改用办公电话。已脱敏的号码、长数字串（身份证号、银行卡号）中的11位数字不报告。',
    howToFix:
      '改为 138****1234 的形式（保留前3位和后4位，分段写法保留原来的空格或连字符）；需要公布联系方式的，改用办公固定电话或热线。' +
      '确属机关公开的监督举报手机号，在号码前写明“监督电话：”即可。',
    fixable: true,
    options: {
      quietLabels: {
        type: 'array', items: { type: 'string', minLength: 1 },
        description: '号码前（同一行或表格列名）的标签含其中任一词语时不报告（机关公开的监督、举报渠道）',
      },
    },
    defaultOptions: { quietLabels: DEFAULT_QUIET },
    examples: {
      fire: [
        {
          title: '公示名单中的手机号',
          text: '| 户主姓名 | 联系电话 | 补助金额（元） |\n|---|---|---|\n| 王某某 | 13812345678 | 2400 |\n| 李某某 | 139 8765 4321 | 2400 |\n',
          count: 2,
          fixed: '| 户主姓名 | 联系电话 | 补助金额（元） |\n|---|---|---|\n| 王某某 | 138****5678 | 2400 |\n| 李某某 | 139 **** 4321 | 2400 |\n',
        },
        {
          title: '带 +86 和连字符的手机号',
          filename: 'tongzhi.txt',
          text: '报名联系人：张老师，手机 +86 138-1234-5678。\n',
          fixed: '报名联系人：张老师，手机 +86 138-****-5678。\n',
        },
        {
          title: '监督电话之后另列的联系人手机',
          text: '监督电话：0898-68710000；联系人：王某某，13912345678。\n',
          count: 1,
          fixed: '监督电话：0898-68710000；联系人：王某某，139****5678。\n',
        },
      ],
      quiet: [
        {
          title: '门户网站页脚的办公电话和 12345',
          filename: 'page.txt',
          text: '海口市信息中心规划设计并技术实现 网站技术支持电话:0898-68725613\n网站违法和不良信息举报电话:0898-68710000 政府咨询投诉电话:0898-12345\n',
        },
        {
          title: '已脱敏的手机号',
          text: '| 户主姓名 | 联系电话 |\n|---|---|\n| 王某某 | 138****5678 |\n| 李某某 | 139****4321 |\n',
        },
        {
          title: '标明“监督电话”“举报电话”的手机号',
          text: '扶贫领域监督举报电话：13907561234（市扶贫办）。\n\n投诉电话：(0898)68710000、13976543210\n',
        },
        {
          title: '身份证号、银行卡号中的11位数字（这些号码由 personal-id-number、bank-card-number 检查）',
          text: '身份证号：460113912345678123；一卡通账号：6222 0213 8123 4567 890。\n',
        },
      ],
    },
  },
  check(ctx) {
    const { doc } = ctx;
    const quiet = ctx.options.quietLabels ?? DEFAULT_QUIET;
    for (const target of scanTargets(doc)) {
      for (const c of phoneCandidates(target.text)) {
        if (insideUrl(target.text, c.start)) continue;
        const label = findLabel(doc, target, c.start, LABELS);
        if (label !== undefined && quiet.some((w) => label.includes(w))) continue;
        const start = target.offset + c.start;
        const end = target.offset + c.end;
        const masked = maskNumber(c.raw, 3, 4);
        ctx.report({
          start, end,
          message: `手机号码 ${masked} 未脱敏：公开的文件不得出现个人的完整手机号码`,
          fix: { range: [start, end], text: maskFixText(doc, start, end, 3, 4) },
          data: { kind: 'mobile', masked },
        });
      }
    }
  },
};
