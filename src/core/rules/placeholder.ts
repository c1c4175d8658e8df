import type { Rule, RuleContext } from '../types';
import type { ZwgkDocument } from '../document';
import { CLAUSES } from '../clauses';
import { isHan, sentenceAround } from '../util/cjk';
import { isProactive } from '../util/disclosure';

/**
 * Placeholders left in a draft: 某某 / ×× / XX / ○○ standing for a name or a number, 【请填写…】 prompts,
 * unexpanded snippet placeholders ${1:…}, TODO marks. Masked personal names (王某某, 张×× in a 公示
 * list) and masked numbers (4601××××1234) are not placeholders.
 */

/** Single-character surnames common enough to mask (王某某, 张××); compound surnames below. */
const SURNAMES = new Set([...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝符黄']);
const COMPOUND_SURNAMES = ['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '令狐', '慕容', '尉迟', '长孙', '宇文', '司徒', '夏侯', '端木', '公孙'];

/** Characters that may stand right before a masked name inside a sentence: 张某某和王某某, 由李某某. */
const NAME_JOINERS = new Set([...'和与及或同由']);

/** After 某某 these make it an organisation or a document: 某某局, 某某镇人民政府, 某某办法 — a placeholder. */
const ORG_AFTER = /^(?:局|委|办|厅|处|科|室|部|署|院|所|站|队|中心|机关|单位|公司|集团|学校|小学|中学|医院|街道|社区|镇|乡|村|县|区|市|省|项目|工程|管理|办法|规定|条例|决定|通知|意见|方案|事项|法|政府)/;

const PLACEHOLDER = new RegExp([
  '(某某)',
  '([×Ｘ]{2,}|(?<![A-Za-z])(?:XX+|xx+)(?![A-Za-z]))',
  '(○{2,})',
  '([【［\\[〖]\\s{0,2}(?:请|此处|在此|填写|待填|待定|待补充|待核实|待完善|输入|插入)[^】］\\]〗\\n]{0,40}[】］\\]〗])',
  '(\\$\\{\\d{1,2}(?::[^}\\n]{0,80})?\\}|\\$\\{\\d{1,2}\\|[^}\\n]{0,80}\\|\\}|\\$\\{(?:CURRENT|TM)_[A-Z_]{1,30}\\})',
  '((?<![A-Za-z])(?:TODO|FIXME|TBD)(?![A-Za-z]))',
].join('|'), 'g');

const CN_NUMERAL = /[〇○零一二三四五六七八九十百千]/;

/**
 * A sentence that describes a form for the reader to fill — 邮件名称格式为“申报-【XX】单位”, 发文编号为“【××】规” —
 * uses placeholders on purpose.
 */
const FORM_WORDS = /格式|样式|式样|命名|模板|范本|示例|例如|编号为|字样|填写为|写作|形如/;
const DIGIT = /[0-9０-９]/;

/** 王某某 / 欧阳某某 / 张×× at a name's start: a masked name, not a placeholder. */
function maskedName(text: string, start: number, end: number): boolean {
  if (ORG_AFTER.test(text.slice(end, end + 4))) return false;
  const nameStart = (at: number) => at <= 0 || !isHan(text[at - 1]) || NAME_JOINERS.has(text[at - 1]);
  if (start >= 1 && SURNAMES.has(text[start - 1]) && nameStart(start - 1)) return true;
  return start >= 2 && COMPOUND_SURNAMES.includes(text.slice(start - 2, start)) && nameStart(start - 2);
}

type Kind = 'mou' | 'cross' | 'circle' | 'prompt' | 'snippet' | 'todo';

function kindOf(m: RegExpExecArray): Kind {
  return m[1] ? 'mou' : m[2] ? 'cross' : m[3] ? 'circle' : m[4] ? 'prompt' : m[5] ? 'snippet' : 'todo';
}

/** Is the match at [start, end) a placeholder left in? */
function isPlaceholder(text: string, start: number, end: number, kind: Kind): boolean {
  const before = text[start - 1] ?? '';
  const after = text[end] ?? '';
  switch (kind) {
    case 'mou':
      return !maskedName(text, start, end);
    case 'cross':
      // 4601××××1234, 138××××5678: a masked number. 张××: a masked name.
      if (DIGIT.test(before) && DIGIT.test(after)) return false;
      if (/[Xx]/.test(text[start]) && !(isHan(before) || isHan(after) || DIGIT.test(before) || DIGIT.test(after) || /[\u3000-\u303f\uff00-\uffef“”]/.test(before + after))) return false;
      return !maskedName(text, start, end);
    case 'circle':
      // 二○○九年: ○ written for 〇 in a Chinese-numeral year.
      return !(CN_NUMERAL.test(before) || CN_NUMERAL.test(after));
    default:
      return true;
  }
}

const MESSAGES: Record<Kind, (s: string) => string> = {
  mou: () => '“某某”是待填写的占位文字，发布前请换成实际的名称',
  cross: (s) => `“${s}”是待填写的占位符，发布前请填入实际的名称或数字`,
  circle: (s) => `“${s}”是待填写的占位符，发布前请填入实际内容`,
  prompt: (s) => `“${s}”是起草时的填写提示，发布前请填入实际内容并删去提示`,
  snippet: (s) => `“${s}”是没有填写的模板占位符，请填入实际内容`,
  todo: (s) => `“${s}”是起草时留下的待办标记，发布前请处理并删去`,
};

function scan(ctx: RuleContext, from: number, to: number, severity: 'error' | undefined): void {
  const text = ctx.doc.text;
  const slice = text.slice(from, to);
  PLACEHOLDER.lastIndex = 0;
  for (let m = PLACEHOLDER.exec(slice); m; m = PLACEHOLDER.exec(slice)) {
    const start = from + m.index;
    const end = start + m[0].length;
    const kind = kindOf(m);
    if (!isPlaceholder(text, start, end, kind)) continue;
    if (kind !== 'snippet' && kind !== 'todo') {
      const s = sentenceAround(text, start, end, 120);
      if (FORM_WORDS.test(s.before) || FORM_WORDS.test(s.after)) continue;
    }
    ctx.report({ start, end, message: MESSAGES[kind](m[0]), ...(severity ? { severity } : {}), data: { placeholder: m[0] } });
  }
}

/** The ranges read: metadata values, the portal page's title line and the prose segments. */
function rangesOf(doc: ZwgkDocument): { start: number; end: number }[] {
  const out = doc.metadata.fields.filter((f) => f.end > f.start).map((f) => ({ start: f.start, end: f.end }));
  if (doc.metadata.titleLine) out.push(doc.metadata.titleLine);
  return out.concat(doc.segments);
}

export const placeholder: Rule = {
  meta: {
    id: 'placeholder',
    title: '占位符未填写',
    description: '文稿中留有“某某”“××”“XX”“○○”、【请填写】之类的填写提示、未展开的模板占位符 ${1:…} 或 TODO，发布前应换成实际内容。主动公开的文件默认报告为错误。',
    category: '内容',
    defaultSeverity: 'warning',
    clauses: [CLAUSES.yaodian_3_1],
    rationale:
      '带着“某某局”“20XX年”“【请填写联系电话】”发布的文件，公众不知道责任单位和办理时限，也说明文件没有经过认真审核——这正是要点三（一）“把好文字关”要防止的。' +
      '主动公开的文件一经发布即对社会公开，所以默认按错误报告。',
    howToFix: '把占位文字换成实际的名称、数字或日期，删去填写提示和 TODO。',
    detection:
      '查找代表名称或数字的“某某”“××”“XX”“○○”，“【请填写……】”提示，未展开的模板占位 ${1:…} 和 TODO 标记。' +
      '公示名单中脱敏的姓名（王某某、张××）和号码（4601××××1234）不报告；说明表格填写格式的句子（邮件名称格式为“申报-【XX】单位”）有意使用占位符，也不报告。' +
      'zwgk 模板中以“某某”标出的空白（如“海口市某某管理办法”“某某镇”）正是必须填写的地方：插入模板后，这些空白在填写之前会被本规则标出。',
    fixable: false,
    examples: {
      fire: [
        {
          title: '机关名称和年份没有填写',
          text: '# ××局关于开展20XX年政务公开检查的通知\n\n请各单位于【请填写截止日期】前将自查报告报送某某科。\n',
          count: 4,
        },
        {
          title: '模板占位符与待办标记',
          text: '---\n标题: 关于${1:某某事项}的公告\n公开属性: 主动公开\n---\n\n咨询电话：${2:0898-00000000}。TODO：补充办理流程。\n',
          count: 3,
        },
        {
          title: '扶贫项目公示中没有填写的单位',
          text: '| 序号 | 姓名 | 所在村 |\n|---|---|---|\n| 1 | 王某某 | 某某村 |\n\n公示期内如有异议，请向某某镇人民政府反映。\n',
          count: 2,
        },
      ],
      quiet: [
        {
          title: '公示名单中脱敏的姓名和号码',
          text: '| 序号 | 姓名 | 身份证号 | 联系电话 |\n|---|---|---|---|\n| 1 | 王某某 | 4601××××××××1234 | 138****5678 |\n| 2 | 欧阳某某 | 4601××××××××2345 | 139****0000 |\n| 3 | 张×× | 4601××××××××3456 | 137****1111 |\n\n经审核，张某某和李某某符合条件。\n',
        },
        {
          title: '说明填写格式的句子',
          text: '请发送电子邮件，邮件名称格式为“创新团队申报-【XX】单位”。规范性文件发文编号为“【××】规”。\n',
        },
        {
          title: '中文数字的年份、门户网站的栏目标签',
          text: '二○○九年十二月三十日印发。【政策解读】【打印】【关闭】\n\n本标准适用于XXL号以上的服装。\n',
        },
      ],
    },
  },
  check(ctx) {
    // Error for 主动公开 documents, unless the config set the rule's severity.
    const severity = !ctx.severityExplicit && isProactive(ctx.doc) ? 'error' : undefined;
    for (const r of rangesOf(ctx.doc)) scan(ctx, r.start, r.end, severity);
  },
};
