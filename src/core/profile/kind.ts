/**
 * What kind of document a draft is (文档类型), and how sure zwgk is — from how 公文 are built, not from
 * keywords anywhere in the title:
 *
 * 1. a declared `文档类型` always wins;
 * 2. the 文种 sets the form (`title.ts`, `genres.ts`): 指导意见 / 实施方案 / 办法 … are policies, 解读 / 问答
 *    interpretations, 公示 a publicity notice …; a 印发/转发《X》的通知 takes the 文种 of X;
 * 3. the 事由 refines the domain of a notice: a 公示 of 扶贫 funds is an 扶贫公示, a 公示 of 行政处罚
 *    results an 执法公示, a 公告 that asks the public for comments a 决策草案 notice;
 * 4. the page's own catalogue says what the title does not: 公文种类 / 体裁分类 (→ 文种), 分类 (政策解读,
 *    年度报告, 规范性文件), a 文号 with 规 (海府规〔2019〕1号: a 规范性文件).
 *
 * A title that only talks *about* a kind (国务院办公厅关于全面推行行政执法公示制度…的指导意见 is a policy,
 * not an 执法公示; a 工作导引 on how to run 扶贫 公示 is a guide) keeps its own 文种's kind. Confidence
 * `high` or `declared` lets the rules that apply to one kind only run; `low` keeps them quiet.
 */
import { toSimplified } from '../data/traditional';
import { DOC_TYPES, type DocType } from '../doctype';
import { parseTitle, type TitleParts } from './title';
import { genreNamed, type Genre } from './genres';

export type KindConfidence = 'declared' | 'high' | 'low';

export interface Kind {
  value: DocType;
  /** True unless declared in metadata. */
  inferred: boolean;
  confidence: KindConfidence;
  /** One Chinese sentence: why (由标题的文种“指导意见”判断 …). */
  reason: string;
}

export interface KindInput {
  title?: string;
  /** The metadata values by canonical key (文档类型, 文种, 分类, 文号 …). */
  meta: (key: string) => string | undefined;
}

const POVERTY = /扶贫|脱贫|贫困|衔接资金|有效衔接|防返贫|乡村振兴.{0,12}(?:资金|项目)/;
const ENFORCEMENT = /(?:行政)?执法(?:信息)?$|执法公示|行政处罚|处罚(?:结果|信息|决定|案件)|执法(?:结果|信息|检查|决定)|双随机|随机抽查|抽查(?:结果|情况)|检查结果|行政检查|行政强制|权责清单|执法事项/;
const ADMISSION = /义务教育.{0,12}招生|招生入学|入学工作|小学.{0,6}招生|初中.{0,6}招生|招生.{0,6}(?:小学|初中)|幼儿园.{0,6}招生/;
const FINANCE = /预算|决算|专项资金|绩效/;
const COMMENT = /(?:公开)?征[求询](?:社会|公众|各界)?.{0,80}(?:意见|建议)|意见征集|征集.{0,40}意见/;
const REPORT_SUBJECT = /(?:政府)?信息公开|政务公开/;
const SANDING = /职能配置、?内设机构和人员编制|三定/;
const APPLICATION = /信息公开申请|依申请|申请公开/;

function declaredKind(value: string | undefined): DocType | undefined {
  const v = (value ?? '').trim();
  return (DOC_TYPES as readonly string[]).includes(v) ? (v as DocType) : undefined;
}

const kind = (value: DocType, confidence: KindConfidence, reason: string): Kind => ({ value, confidence, reason, inferred: confidence !== 'declared' });

/** The kind a policy-family 文种 gives: 规范性文件 when the 文号 or the catalogue says so. */
function policyKind(genre: Genre, why: string, input: KindInput): Kind {
  const number = toSimplified(input.meta('文号') ?? '');
  const catalogue = toSimplified(`${input.meta('分类') ?? ''} ${input.meta('文种') ?? ''}`);
  if (/规范性文件/.test(catalogue)) return kind('规范性文件', 'high', `${why}，目录分类为“规范性文件”`);
  if (/规〔|规\[|规字|规\(|规（/.test(number)) return kind('规范性文件', 'high', `${why}，文号“${number}”为规范性文件编号`);
  return genre.family === 'plan'
    ? kind('政策文件', 'low', `${why}（规划、计划、要点、条例等不一定是需要同步解读的政策性文件，可在元数据写明“文档类型”）`)
    : kind('政策文件', 'high', why);
}

/** The kind of a titled document from its 文种 and 事由 (see the file comment). */
function fromTitle(p: TitleParts, input: KindInput): Kind | undefined {
  const g = p.genre;
  const s = p.subject;
  const gname = g ? `“${g.name}”` : '';
  if (/^(?:图解|一图读懂|一图看懂|图说|图读)/.test(p.text)) return kind('政策解读', 'high', '标题为“图解/一图读懂”');
  if (!g) return undefined;
  switch (g.family) {
    case 'interpretation':
      return kind('政策解读', 'high', `由标题的文种${gname}判断`);
    case 'report':
      if (g.name === '年度报告' && REPORT_SUBJECT.test(s)) return kind('年度报告', 'high', '标题为“…政府信息公开工作年度报告”');
      return undefined;
    case 'reply':
      if (APPLICATION.test(s) || APPLICATION.test(p.text)) return kind('依申请答复', 'high', `标题为政府信息公开申请的${gname}`);
      return undefined;
    case 'guide':
      if (g.name === '指南' && /办事|服务|办理/.test(p.text)) return kind('办事指南', 'high', '标题为“…办事指南/服务指南”');
      return undefined;
    case 'policy':
    case 'plan': {
      if (p.qualifiers.some((q) => /征求意见稿|草案|送审稿|讨论稿/.test(q))) {
        return kind('决策草案', 'low', `标题为${gname}的征求意见稿`);
      }
      if (SANDING.test(s) && g.name === '规定') return kind('三定规定', 'high', '标题为“…职能配置、内设机构和人员编制规定”');
      if (ADMISSION.test(s) && g.family === 'policy') return kind('招生公告', 'high', `标题为义务教育招生的${gname}`);
      return policyKind(g, `由标题的文种${gname}判断`, input);
    }
    case 'notice':
    case 'publicity': {
      // A notice that issues or forwards a document is that document (印发《X办法》的通知 → 办法).
      const c = p.carries;
      if (c && (g.name === '通知' || g.name === '公告' || g.name === '通告' || g.name === '决定')) {
        if (c.genre && (c.genre.family === 'policy' || c.genre.family === 'plan')) {
          return policyKind(c.genre, `标题为“${c.verb}…${c.genre.name}的${g.name}”，所${c.verb}文件的文种为“${c.genre.name}”`, input);
        }
        if (c.genre && c.genre.family === 'interpretation') return kind('政策解读', 'high', `所${c.verb}文件为解读`);
        return undefined;
      }
      if (g.name === '函' && COMMENT.test(s) && !/公开|社会|公众/.test(s)) return undefined; // internal consultation
      if (COMMENT.test(s) && !/建议项目|需求建议|项目建议|提案|人选|候选/.test(s)) return kind('决策草案', 'high', `标题为征求意见的${gname}`);
      // 关于支持自由贸易试验区深化改革创新若干措施的通知: the 通知 carries the measures it names.
      if (g.name === '通知') {
        const inner = genreOfSubject(s);
        if (inner && inner.family === 'policy') return policyKind(inner, `标题为“…${inner.name}的通知”`, input);
      }
      if (g.family === 'publicity' || g.name === '公告' || g.name === '通告' || /公开$/.test(s)) {
        if (POVERTY.test(s) && /资金|项目|收益|资产|帮扶|扶持|补助/.test(s)) return kind('扶贫公示', 'high', `事由为扶贫项目或资金（“${POVERTY.exec(s)![0]}”），文种为${gname}`);
        if (ENFORCEMENT.test(s)) return kind('执法公示', 'high', `事由为行政执法信息（“${ENFORCEMENT.exec(s)![0]}”），文种为${gname}`);
        if (FINANCE.test(s) && /项目/.test(s)) return kind('财政信息', 'high', `事由为财政项目（“${FINANCE.exec(s)![0]}”）`);
        if (ADMISSION.test(s)) return kind('招生公告', 'high', '事由为义务教育招生');
      }
      if (ADMISSION.test(s) && g.name === '通知') return kind('招生公告', 'low', '事由为义务教育招生（通知不一定是招生公告本身）');
      return undefined;
    }
    default:
      // 制度、清单、标准、名单、简章 …: about a kind, not the kind itself (行政执法公示制度).
      if (g.name === '简章' && ADMISSION.test(s)) return kind('招生公告', 'high', '标题为义务教育招生简章');
      if (FINANCE.test(s) && /公开|说明|情况/.test(p.text) && g.name === '说明') return kind('财政信息', 'low', '事由为预算、决算');
      return undefined;
  }
}

/** A policy 文种 that a 通知's subject ends with (…若干措施的通知). */
function genreOfSubject(s: string): Genre | undefined {
  const t = parseTitle(s);
  return t.genre && t.genre.family === 'policy' ? t.genre : undefined;
}

/** Infers the kind (see the file comment). Never fails; an unknown document is 其他. */
export function inferKind(input: KindInput): Kind {
  const declaredRaw = input.meta('文档类型');
  const declared = declaredKind(declaredRaw);
  if (declared) return kind(declared, 'declared', '由元数据“文档类型”声明');
  const unknownDeclared = declaredRaw?.trim() ? `“文档类型: ${declaredRaw.trim()}”不是已知类型；` : '';

  const p = parseTitle(input.title);
  let k = p.text ? fromTitle(p, input) : undefined;
  if (!k) {
    // The catalogue's own 公文种类 / 体裁分类 when the title has no 文种.
    const named = input.meta('文种');
    const g = named ? genreNamed(toSimplified(named)) : undefined;
    if (g && !p.genre) k = fromTitle({ ...p, genre: g }, input);
  }
  if (!k) {
    const cat = toSimplified(`${input.meta('分类') ?? ''}|${input.meta('文种') ?? ''}`);
    if (/政策解读|文件解读/.test(cat)) k = kind('政策解读', 'high', '目录分类为“政策解读”');
    else if (/年度报告|年报/.test(cat) && /信息公开|政务公开/.test(cat + p.text)) k = kind('年度报告', 'high', '目录分类为政府信息公开年度报告');
  }
  if (k) return unknownDeclared ? { ...k, reason: unknownDeclared + k.reason } : k;
  const why = !p.text ? '没有标题' : p.genre ? `标题的文种“${p.genre.name}”不对应专门的检查` : '标题中没有可识别的文种';
  return kind('其他', 'high', `${unknownDeclared}${why}，按“其他”处理`);
}
