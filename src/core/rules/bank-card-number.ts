import type { Rule } from '../types';
import { CLAUSES } from '../clauses';
import { scanTargets, cardCandidates, luhnValid, hasCardIssuerPrefix, isValidId18, findLabel, insideUrl, maskNumber, maskFixText } from '../util/privacy';

interface Options { keepStart: number; keepEnd: number; requireLabel: boolean }

/**
 * Labels a long number may stand under. Positive (a bank account): 卡号, 账号, 银行, 开户 … Negative (an
 * identifier that is not personal): 统一社会信用代码, 索引号, 编号, 流水号, 证号 (incl. 身份证号) … The nearest
 * one before the number (same line, table cell, column header, metadata key) decides.
 */
const LABELS = /[\u4e00-\u9fff]{0,4}(?:卡号|账号|帐号|银行|账户|帐户|开户|一卡通|存折|社保卡|收款)|统一社会信用代码|信用代码|机构代码|纳税人识别号|税号|注册号|索引号|编号|单号|流水号|文号|备案号|标识码|证号|合同号|批准号/g;
const POSITIVE = /卡号|账号|帐号|银行|账户|帐户|开户|一卡通|存折|社保卡|收款/;

/** Bank card / account numbers published in full. */
export const bankCardNumber: Rule<Options> = {
  meta: {
    id: 'bank-card-number',
    title: '银行卡号未脱敏',
    description: '正文或元数据中出现完整的银行卡号：16–19位（可按4位分段）、通过 Luhn 校验，且标明为卡号/账号或以发卡行号段开头。',
    category: '个人信息',
    defaultSeverity: 'error',
    clauses: [CLAUSES.tiaoli_15, CLAUSES.pipl],
    rationale: '银行卡号、账号是敏感个人信息（个人信息保护法），条例第十五条规定涉及个人隐私的信息不得公开。补贴发放名单带完整“一卡通”账号上网，是多地通报过的泄露事件，号码一经公开就可能被用于诈骗。',
    howToFix: '只保留前4位和后4位，中间用“*”代替（如 6222***********0128，分段写法保留空格）；没有公示必要的，删去账号列。',
    detection:
      '银行卡号用 Luhn 校验，但任意长数字约有1/10碰巧通过，所以只在两种情况下报告：号码前（同一行、表格列名或元数据键）标明“卡号”“账号”“银行”“开户”等；' +
      '或者没有任何标签、但以发卡机构号段开头（62 银联、4、51–55、955x 等）。标明“统一社会信用代码”“索引号”“编号”“流水号”等的号码，校验不通过的号码、金额、日期和身份证号都不报告。' +
      '号码中夹有零宽空格、不换行空格、全角空格、连字符等（网页上看不见或仍连成一串），或写在代码格式中，公开后读者看到的仍是完整号码，同样报告。' +
      '选项 requireLabel 为 true 时只报告有卡号/账号标签的号码。',
    fixable: true,
    options: {
      keepStart: { type: 'integer', minimum: 0, maximum: 6, description: '脱敏后保留的前几位（默认4；最多6，即发卡行号段）' },
      keepEnd: { type: 'integer', minimum: 0, maximum: 4, description: '脱敏后保留的后几位（默认4）' },
      requireLabel: { type: 'boolean', description: '为 true 时只报告标明“卡号”“账号”“银行”“开户”等的号码（减少误报）' },
    },
    defaultOptions: { keepStart: 4, keepEnd: 4, requireLabel: false },
    examples: {
      fire: [
        {
          title: '补贴发放名单中的一卡通账号',
          text: '| 姓名 | 补贴金额（元） | 一卡通账号 |\n|---|---|---|\n| 王某某 | 1200 | 6222021234567890128 |\n| 李某某 | 1200 | 6228 4800 1234 5678 903 |\n',
          count: 2,
          fixed: '| 姓名 | 补贴金额（元） | 一卡通账号 |\n|---|---|---|\n| 王某某 | 1200 | 6222***********0128 |\n| 李某某 | 1200 | 6228 **** **** ***8 903 |\n',
        },
        {
          title: '纯文本中的收款账号',
          filename: 'gongshi.txt',
          text: '收款人：陈某某，开户行：农村信用社，账号：9558801234567890128。\n',
          fixed: '收款人：陈某某，开户行：农村信用社，账号：9558***********0128。\n',
        },
        {
          title: '没有标签、但以银联号段开头的号码',
          text: '请将款项转入6217001234567810。\n',
          fixed: '请将款项转入6217********7810。\n',
        },
      ],
      quiet: [
        {
          title: '已脱敏的卡号',
          text: '| 姓名 | 一卡通账号 |\n|---|---|\n| 王某某 | 6222***********0128 |\n| 李某某 | 6228 **** **** ***8 903 |\n',
        },
        {
          title: '统一社会信用代码、编号与索引号',
          text: '中标单位统一社会信用代码：914601007358123404\n\n项目编号：6222021234567890128\n\n索引号：00817804-9/2019-13123\n',
        },
        {
          title: 'Luhn 校验不通过的长流水号',
          text: '银行交易流水号：6228480012345678904，金额 1200.00 元。\n',
        },
        {
          title: '金额和身份证号',
          text: '拨付资金 12345678901234567.00 元；户主身份证号：460100198503121232。\n',
        },
        {
          title: '没有标签、也不以发卡号段开头的号码',
          text: '不动产单元号 2019046010000123458。\n',
        },
      ],
    },
  },
  check(ctx) {
    const { doc } = ctx;
    const keepStart = ctx.options.keepStart ?? 4;
    const keepEnd = ctx.options.keepEnd ?? 4;
    const requireLabel = ctx.options.requireLabel ?? false;
    for (const target of scanTargets(doc)) {
      for (const c of cardCandidates(target.text, target)) {
        if (!luhnValid(c.digits) || insideUrl(target.text, c.start)) continue;
        const label = findLabel(doc, target, c.start, LABELS);
        const labelled = label !== undefined && POSITIVE.test(label);
        if (!labelled) {
          if (label !== undefined || requireLabel) continue;
          if (!hasCardIssuerPrefix(c.digits) || isValidId18(c.digits)) continue;
        }
        const start = target.offset + c.start;
        const end = target.offset + c.end;
        const masked = maskNumber(c.markup ? c.digits : c.raw, keepStart, keepEnd);
        ctx.report({
          start, end,
          message: `银行卡号“${masked}”未脱敏：公开的文件不得出现完整的银行卡号或账号`,
          // Split by markup, the number has no one place to mask: the drafter rewrites it.
          fix: c.markup ? undefined : { range: [start, end], text: maskFixText(doc, start, end, keepStart, keepEnd) },
          data: { kind: 'card', masked },
        });
      }
    }
  },
};
