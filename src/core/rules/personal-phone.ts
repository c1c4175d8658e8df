import type { Rule } from '../types';
import { CLAUSES } from '../clauses';
import { scanTargets, phoneCandidates, findLabel, insideUrl, maskNumber, maskFixText, columnHeaderAt, type ScanTarget, type NumberCandidate } from '../util/privacy';
import type { ZwgkDocument } from '../document';

interface Options { quietLabels: string[] }

/**
 * Labels a phone number stands under: up to six Chinese characters ending in 电话/热线/手机/联系方式/联系人,
 * so “网站违法和不良信息举报电话”, “投诉举报电话” and “联系人” are each one label. The nearest one before the
 * number decides (“监督电话：0898-12345，手机：13812345678” labels the mobile “手机”).
 */
const LABELS = /[\u4e00-\u9fff]{0,6}(?:电话|热线|手机|联系方式|联系人)/g;

const DEFAULT_QUIET = ['监督电话', '投诉电话', '举报电话', '监督热线', '投诉热线', '举报热线'];

/**
 * An 11-digit figure that is an amount, a count or a serial number, not a phone: city budgets of 130亿–199亿元
 * are 11-digit yuan amounts (15623456789元), and visits, applications or order numbers can be too.
 * - a unit right after it (元、万元、人次、件、户、% …; 人民 and 户主 are not units);
 * - an amount/count/serial label close before it, in the same clause (金额、合计、支出、人数、编号、订单号、发票号码 …;
 *   号码 only when it is not 电话号码/手机号码), unless a phone label comes after that label;
 * - a table column (or metadata key) named so (预算金额（元）、申请件数、合同编号).
 */
const UNIT_AFTER = /^[ \u3000]?(?:(?:万|亿)?(?:元|人次|人(?!民)|件|户(?![主籍口])|次|个(?!人)|吨)|平方米|平方公里|公里|亩|千克|公斤|辆|笔|册|套|台(?!湾)|[%％‰])/;
const NOT_PHONE_LABEL = /金额|合计|共计|总计|累计|小计|支出|收入|预算|决算|资金|投资|价款|费用|总额|余额|数额|产值|人民币|[¥￥]|数量|人数|户数|次数|件数|人次|访问量|浏览量|点击量|编号|编码|代码|单号|流水号|合同号|发票号|批次号|序号|工号|学号|考号|证号|账号|帐号|卡号|(?<!电话|手机|联系)号码/g;
const PHONE_LABEL = /电话|热线|手机|联系/g;

function lastIndexOf(re: RegExp, s: string): number {
  re.lastIndex = 0;
  let at = -1;
  for (const m of s.matchAll(re)) at = m.index!;
  return at;
}

/** True when the number is an amount, count or serial number (see UNIT_AFTER / NOT_PHONE_LABEL). */
function notAPhone(doc: ZwgkDocument, target: ScanTarget, c: NumberCandidate): boolean {
  if (UNIT_AFTER.test(target.text.slice(c.end, c.end + 6))) return true;
  // Same clause, at most 16 characters before the number.
  const before = target.text.slice(Math.max(0, c.start - 16), c.start);
  const clause = before.slice(before.search(/[^，,。；;！？!?、\n|]*$/));
  const neg = lastIndexOf(NOT_PHONE_LABEL, clause);
  if (neg >= 0) return neg > lastIndexOf(PHONE_LABEL, clause);
  if (lastIndexOf(PHONE_LABEL, clause) >= 0) return false;
  const heading = target.key ?? columnHeaderAt(doc, target.offset + c.start);
  return heading !== undefined && lastIndexOf(NOT_PHONE_LABEL, heading) >= 0 && lastIndexOf(PHONE_LABEL, heading) < 0;
}

/** Mobile phone numbers of private persons published in full. */
export const personalPhone: Rule<Options> = {
  meta: {
    id: 'personal-phone',
    title: '手机号码未脱敏',
    description: '正文或元数据中出现完整的手机号码（1[3-9] 开头的11位，含 +86、分段写法），且不是标明“监督电话”“投诉电话”“举报电话”的号码。',
    category: '个人信息',
    defaultSeverity: 'error',
    clauses: [CLAUSES.tiaoli_15, CLAUSES.pipl, CLAUSES.yongan_2023_masking],
    rationale: '手机号码能直接联系到个人，属于个人信息，条例第十五条规定涉及个人隐私的信息不得公开。公示名单、申请人信息中的手机号一旦上网，本人就可能受到骚扰和诈骗，须先去标识化（如 138****1234）。',
    howToFix: '改为 138****1234 的形式（保留前3位和后4位，分段写法保留原来的空格或连字符）；需要公布联系方式的，改用办公固定电话或热线。确属机关公开的监督举报手机号，在号码前写明“监督电话：”。',
    detection:
      '用点号、斜杠分段或按4-3-4分段书写，或号码中夹有零宽空格、不换行空格、全角空格、连字符等（网页上看不见或仍连成一串），或写在代码格式中，公开后读者看到的仍是完整号码，同样报告。' +
      '办公固定电话（0898-68725613）、12345 等热线不是个人信息，不报告。' +
      '明确标为“监督电话”“投诉电话”“举报电话”的号码（同一行中离号码最近的标签，或表格的列名）是机关有意公开的受理渠道，即使是手机号也不报告；' +
      '“联系人”“咨询电话”后的手机号仍然报告——那通常是经办人的个人号码。已脱敏的号码、长数字串（身份证号、银行卡号）中的11位数字不报告。' +
      '11位的金额、数量和编号也不报告（市级预算130亿–199亿元就是11位数）：后面紧跟单位（元、万元、人次、件、户、% 等），同一分句中紧挨在前的是金额、数量或编号标签（金额、合计、支出、人数、编号、订单号、发票号码等），或所在表格列名是这类词语。',
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
          title: '11位的金额、人次、件数和订单号（单位在后、金额或编号标签在前、表格列名为金额）',
          text: '全年一般公共预算支出15623456789元，访问量达15812345678人次，收到申请共计13812345678件。\n\n订单号：13812345678；发票号码13912345678。\n\n| 项目 | 预算金额（元） |\n|---|---|\n| 城乡低保 | 18560000000 |\n| 道路建设 | 13512345678 |\n',
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
      for (const c of phoneCandidates(target.text, target)) {
        if (insideUrl(target.text, c.start) || notAPhone(doc, target, c)) continue;
        const label = findLabel(doc, target, c.start, LABELS);
        if (label !== undefined && quiet.some((w) => label.includes(w))) continue;
        const start = target.offset + c.start;
        const end = target.offset + c.end;
        const masked = maskNumber(c.markup ? c.digits : c.raw, 3, 4);
        ctx.report({
          start, end,
          message: `手机号码“${masked}”未脱敏：公开的文件不得出现个人的完整手机号码`,
          // Split by markup, the number has no one place to mask: the drafter rewrites it.
          fix: c.markup ? undefined : { range: [start, end], text: maskFixText(doc, start, end, 3, 4) },
          data: { kind: 'mobile', masked },
        });
      }
    }
  },
};
