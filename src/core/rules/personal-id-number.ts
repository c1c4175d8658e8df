import type { Rule } from '../types';
import { CLAUSES } from '../clauses';
import { scanTargets, idCandidates, isValidId18, isPlausibleId18, isPlausibleId15, findLabel, insideUrl, maskNumber, maskFixText } from '../util/privacy';

interface Options { keepStart: number; keepEnd: number }

/**
 * Labels an ID-shaped number may stand under. Positive: 身份证号 and the like (needed for 15-digit numbers,
 * which have no check digit). Negative: identifiers of organisations and bank accounts, which can be 18
 * digits long and pass the check by chance (1 in 11).
 */
const LABELS = /(?:居民)?身份证(?:件)?(?:号码|编号|号)?|公民身份号码|身份号码|证件号码?|证件编号|统一社会信用代码|信用代码|组织机构代码|机构代码|纳税人识别号|税号|注册号|索引号|[\u4e00-\u9fff]{0,4}(?:卡号|账号|帐号|账户|帐户)/g;
const POSITIVE = /身份|证件/;

/** Personal ID numbers (居民身份证号码) published in full. */
export const personalIdNumber: Rule<Options> = {
  meta: {
    id: 'personal-id-number',
    title: '身份证号未脱敏',
    description: '正文或元数据中出现完整的18位居民身份证号码（校验码符合 GB 11643、出生日期合理），或标明“身份证号”的15位旧号码。',
    category: '个人信息',
    defaultSeverity: 'error',
    clauses: [CLAUSES.tiaoli_15, CLAUSES.pipl, CLAUSES.yongan_2023_masking],
    rationale: '身份证号码是敏感个人信息，条例第十五条规定涉及个人隐私的信息不得公开。扶贫、补贴、救助等公示名单带完整身份证号上网，是多地通报过的泄露事件；公示只需让本人和群众核对，隐去中间数字即可。',
    howToFix:
      '只保留前2位和后2位，中间用“*”代替（如 46**************36；选项 keepStart/keepEnd 可改为 35*************123 式样）；' +
      '确无公示必要的，删去整列。快速修复按选项自动替换。',
    detection:
      '只报告校验码正确、出生日期合理的18位号码（随机18位数字约1/11能通过校验，再加上省份代码和出生日期，误报极少）；前面标明“统一社会信用代码”“纳税人识别号”“账号”等的号码不报告。' +
      '15位旧号码没有校验码，只能核对省份和出生日期（约1/30的随机15位数字能通过），所以只在标明“身份证号”（同一行或表格列名）时才报告。' +
      '标明“身份证号”的18位号码校验码不符、但地区码和出生日期有效时，很可能是抄错一位的真实号码，以警告报告（不自动修复）。全角数字同样识别；' +
      '号码中夹有零宽空格、不换行空格、全角空格、连字符等（网页上看不见或仍连成一串），或写在代码格式中，公开后读者看到的仍是完整号码，同样报告。',
    fixable: true,
    options: {
      keepStart: { type: 'integer', minimum: 0, maximum: 6, description: '脱敏后保留的前几位（默认2，即省份代码）' },
      keepEnd: { type: 'integer', minimum: 0, maximum: 4, description: '脱敏后保留的后几位（默认2；永安市式样为3）' },
    },
    defaultOptions: { keepStart: 2, keepEnd: 2 },
    examples: {
      fire: [
        {
          title: '扶贫公示名单的表格中有完整身份证号',
          text: '# 2019年产业扶贫资金拟扶持对象公示\n\n| 序号 | 户主姓名 | 身份证号 | 扶持金额（元） |\n|---|---|---|---|\n| 1 | 王某某 | 460100198503121232 | 3000 |\n| 2 | 李某某 | 46010619900101101x | 3000 |\n',
          count: 2,
          fixed: '# 2019年产业扶贫资金拟扶持对象公示\n\n| 序号 | 户主姓名 | 身份证号 | 扶持金额（元） |\n|---|---|---|---|\n| 1 | 王某某 | 46**************32 | 3000 |\n| 2 | 李某某 | 46**************1x | 3000 |\n',
        },
        {
          title: '纯文本公示中的身份证号（永安式样：保留后3位）',
          filename: 'gongshi.txt',
          text: '申请人：陈某某，身份证号码：350421197806150039，住址：某某镇某某村。\n',
          options: { keepStart: 2, keepEnd: 3 },
          fixed: '申请人：陈某某，身份证号码：35*************039，住址：某某镇某某村。\n',
        },
        {
          title: '标明“身份证号”、校验码抄错的号码（警告，不自动修复）；全角数字',
          text: '申请人身份证号：460103199001011234。\n\n身份证号码为４６０１０３１９９００１０１１２３５。\n',
          count: 2,
        },
        {
          title: '标明“身份证号”的15位旧号码',
          text: '原户主身份证号：460100850312123，已迁出。\n',
          fixed: '原户主身份证号：46***********23，已迁出。\n',
        },
      ],
      quiet: [
        {
          title: '已脱敏的号码',
          text: '| 户主姓名 | 身份证号 |\n|---|---|\n| 王某某 | 46**************32 |\n| 李某某 | 35*************039 |\n',
        },
        {
          title: '统一社会信用代码与索引号',
          text: '中标单位：海口某某建设有限公司（统一社会信用代码：460100198503121232）\n\n索引号：00817804-9/2019-13123\n',
        },
        {
          title: '校验码不符的18位流水号',
          text: '项目编号：460100198503121233，合同金额 1200000 元。\n',
        },
        {
          title: '未标明身份证的15位数字（无法可靠判断）',
          text: '不动产单元号：460100850312123。\n',
        },
        {
          title: '门户网站页脚',
          filename: 'page.txt',
          text: '网站违法和不良信息举报电话:0898-68710000 政府咨询投诉电话:0898-12345\n琼ICP备17005283号 琼公网安备46010002000008号 政府网站标识码:4601000009\n',
        },
      ],
    },
  },
  check(ctx) {
    const { doc } = ctx;
    const keepStart = ctx.options.keepStart ?? 2;
    const keepEnd = ctx.options.keepEnd ?? 2;
    for (const target of scanTargets(doc)) {
      for (const c of idCandidates(target.text, target)) {
        if (insideUrl(target.text, c.start)) continue;
        const label = findLabel(doc, target, c.start, LABELS);
        const labelled = label !== undefined && POSITIVE.test(label);
        const start = target.offset + c.start;
        const end = target.offset + c.end;
        const masked = maskNumber(c.markup ? c.digits : c.raw, keepStart, keepEnd);
        if (c.digits.length === 18) {
          if (label !== undefined && !labelled) continue;
          if (!isValidId18(c.digits)) {
            // Labelled 身份证号 with a plausible region and birth date but a wrong check character: probably a
            // mistyped real number — most of it is still disclosed. A warning without a fix (it may not be an ID).
            if (labelled && isPlausibleId18(c.digits)) {
              ctx.report({
                start, end, severity: 'warning',
                message: `身份证号“${masked}”未脱敏：校验码不符（可能抄错），但地区码和出生日期有效，仍会泄露大部分号码，请核对并脱敏`,
                data: { kind: 'id18-bad-check', masked },
              });
            }
            continue;
          }
        } else if (!labelled || !isPlausibleId15(c.digits)) continue;
        ctx.report({
          start, end,
          message: `身份证号“${masked}”未脱敏：公开的文件不得出现完整的身份证号码`,
          // Split by markup, the number has no one place to mask: the drafter rewrites it.
          fix: c.markup ? undefined : { range: [start, end], text: maskFixText(doc, start, end, keepStart, keepEnd) },
          data: { kind: c.digits.length === 18 ? 'id18' : 'id15', masked },
        });
      }
    }
  },
};
