/**
 * Who issued a document and at what level: a government (人民政府, 街道办事处, 镇) or a government
 * department (…局, …委, …办). The level sets an annual report's deadline (条例 第四十九条: a
 * department's by 1月31日, a government's by 3月31日).
 */
import type { ZwgkDocument } from '../document';
import { getField } from '../metadata';
import { toSimplified } from '../data/traditional';
import { parseTitle } from './title';

export type AuthorityLevel = 'government' | 'department';

export interface Level {
  level?: AuthorityLevel;
  /** Chinese explanation: 由元数据“机关层级”声明 / 由标题中的机关“海口市生态环境局”推断 … */
  reason: string;
}

const DEPT_SUFFIX = /(办公厅|办公室|委员会|管理局|局|委|办|厅|中心|署|院|所|站|队|会|处|部|室)$/;
/**
 * A 街道办事处 (街道办, 街道) is the 区 government's 派出机关 and works at the level of a 乡镇人民政府: its
 * annual report follows the government's 3月31日, as a 镇人民政府's does — not a department's 1月31日,
 * which its 办/处 suffix would otherwise suggest.
 */
const SUBDISTRICT = /街道(?:办事处|办)?$/;
const GOV_SUFFIX = /(人民政府|政府|自治区|自治州|自治县|省|市|区|县|州|盟|旗|镇|乡|街道)$/;

/** government / department / undefined (ambiguous) for an authority name. */
export function classifyAuthority(name: string, asPublisher = false): AuthorityLevel | undefined {
  const n = toSimplified(name).replace(/[\s\u3000]+/g, '').replace(/[（(][^）)]{0,20}[）)]$/, '');
  if (!n) return undefined;
  // As 发布机构, a government's office publishes the government's report (条例 第四十九条 第二款)
  // as well as its own: ambiguous. Named in a title, it is the office's own report.
  if (asPublisher && /政府办公(厅|室)$|政府办$/.test(n)) return undefined;
  if (/(人民政府|政府)$/.test(n) || SUBDISTRICT.test(n)) return 'government';
  if (DEPT_SUFFIX.test(n)) return 'department';
  if (GOV_SUFFIX.test(n)) return 'government';
  return undefined;
}

/** The authority named in a report's title: “海口市生态环境局2019年政府信息公开工作年度报告” → 海口市生态环境局. */
export function titleSubject(title: string): string {
  let t = toSimplified(title).replace(/\s+/g, '').replace(/[《》]/g, '');
  t = t.replace(/^(?:[【\[〔][^】\]〕]{1,12}[】\]〕])+/, '');
  t = t.replace(/[（(](?:19|20)[0-9]{2}年度?[）)]/g, '');
  t = t.replace(/(?:19|20)[0-9]{2}年度?/g, '').replace(/[二〇○零OＯ一三四五六七八九]{4}年度?/g, '');
  t = t.replace(/(政府信息公开|政务公开|信息公开).{0,20}$/, '').replace(/年度报告.{0,20}$/, '');
  return t;
}

/**
 * Whether a document's issuer is a government or a department: metadata `机关层级` (政府 / 部门), else the
 * authority named in the title, else 发布机构.
 */
export function authorityLevel(doc: ZwgkDocument): Level {
  const f = getField(doc.metadata, '机关层级');
  if (f && f.value) {
    const v = toSimplified(f.value);
    if (/政府|街道|乡|镇/.test(v) && !/部门/.test(v)) return { level: 'government', reason: '由元数据“机关层级”声明' };
    if (/部门|局|委|办|厅/.test(v)) return { level: 'department', reason: '由元数据“机关层级”声明' };
  }
  const title = doc.title?.text;
  if (title) {
    const subject = titleSubject(title);
    const level = subject ? classifyAuthority(subject) : undefined;
    if (level) return { level, reason: `由标题中的机关“${subject}”推断` };
  }
  const org = getField(doc.metadata, '发布机构');
  if (org && org.value) {
    const level = classifyAuthority(org.value, true);
    if (level) return { level, reason: `由发布机构“${org.value}”推断` };
  }
  return { reason: '无法判断是政府还是政府部门（可在元数据写明“机关层级: 政府”或“机关层级: 部门”）' };
}

export interface Issuer {
  name: string;
  from: 'title' | 'metadata';
  level?: AuthorityLevel;
}

/** The 发文机关: named in the title (国务院办公厅关于…), else the catalogue's 发布机构. */
export function issuerOf(doc: ZwgkDocument): Issuer | undefined {
  const parts = parseTitle(doc.title?.text);
  if (parts.issuers.length) {
    const name = parts.issuers.join('、');
    return { name, from: 'title', level: classifyAuthority(parts.issuers[0]) };
  }
  const org = getField(doc.metadata, '发布机构');
  if (org && org.value) return { name: org.value, from: 'metadata', level: classifyAuthority(org.value, true) };
  return undefined;
}
