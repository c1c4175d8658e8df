/**
 * `zwgk/documentInfo`: what zwgk understood about one open draft, for the editor's status bar — what
 * the editor does not show already (it counts problems itself): the document's kind and why, its next
 * deadline, or whether its 解读 is found.
 */
import {
  Calendar, docLinks, formatDate, getField, parseDate, weekday, type DraftIndex, type LintMessage, type SimpleDate, type ZwgkDocument,
} from '../core';
import { authorityLevel, findCommentWindow, metaDate, reportYear } from '../core/util/deadline';
import { isProactive } from '../core/util/disclosure';
import type { Analysis } from './documents';
import { DOCUMENT_INFO, type DocumentInfo, type DocumentInfoItem } from './protocol';

export { DOCUMENT_INFO, type DocumentInfo };

const cn = (d: SimpleDate) => formatDate(d, 'cn');
const iso = (d: SimpleDate) => formatDate(d, 'iso');
const after = (a: SimpleDate, b: SimpleDate) => iso(a) > iso(b);

/** `state` of a deadline: done on time, late, or still to come (relative to the document's own date). */
function deadlineItem(label: string, due: SimpleDate, done: SimpleDate | undefined, why: string): DocumentInfoItem {
  const text = `${label} ${cn(due)}`;
  if (done) {
    return after(done, due)
      ? { text, state: 'late', detail: `${label}：${cn(due)} ${weekday(due)}（${why}）；实际 ${cn(done)}，已超期` }
      : { text, state: 'ok', detail: `${label}：${cn(due)} ${weekday(due)}（${why}）；实际 ${cn(done)}，按期` };
  }
  return { text, state: 'due', detail: `${label}：${cn(due)} ${weekday(due)}（${why}）` };
}

function deadlines(doc: ZwgkDocument, calendar: Calendar): DocumentInfoItem[] {
  const out: DocumentInfoItem[] = [];
  const published = metaDate(doc, '发布日期');
  const kind = doc.type.value;
  if (kind === '年度报告') {
    const year = reportYear(doc);
    if (year) {
      const { level, reason } = authorityLevel(doc);
      const dept = { year: year.year + 1, month: 1, day: 31 };
      const gov = { year: year.year + 1, month: 3, day: 31 };
      if (level === 'department' && year.year >= 2019) out.push(deadlineItem('发布期限', dept, published, `${year.year}年度，政府部门次年1月31日前；${reason}`));
      else if (level) out.push(deadlineItem('发布期限', gov, published, `${year.year}年度，政府次年3月31日前；${reason}`));
      else out.push(deadlineItem('发布期限', gov, published, `${year.year}年度：政府次年3月31日前，政府部门次年1月31日前；${reason}`));
    }
  }
  if (kind === '依申请答复') {
    const received = metaDate(doc, '收到申请日期');
    if (received) {
      const extended = /^(是|有|已延期|延期|true|yes)$/i.test(getField(doc.metadata, '延期答复')?.value ?? '');
      const due = calendar.addWorkdays(received, extended ? 40 : 20);
      if (due) out.push(deadlineItem('答复期限', due, metaDate(doc, '答复日期'), `收到申请后${extended ? ' 20 + 20' : ' 20'} 个工作日，条例 第三十三条`));
    }
  }
  if (kind === '决策草案') {
    const w = findCommentWindow(doc, calendar);
    if (w?.end) out.push({ text: `征求意见至 ${cn(w.end)}`, state: 'info', detail: `征求意见期限：${w.raw}${w.days ? `（${w.days} 日）` : ''}` });
  }
  const written = metaDate(doc, '成文日期');
  if (written && isProactive(doc) && kind !== '年度报告') {
    const due = calendar.addWorkdays(written, 20);
    if (due) out.push(deadlineItem('公开期限', due, published, '成文后 20 个工作日内主动公开，条例 第二十六条'));
  }
  return out;
}

function interpretation(doc: ZwgkDocument, index: DraftIndex): DocumentInfoItem | undefined {
  const kind = doc.type.value;
  if (kind !== '政策文件' && kind !== '规范性文件' && kind !== '政策解读') return undefined;
  const links = docLinks(doc, index);
  const policy = links.role === 'policy';
  const linked = links.linked[0]?.draft;
  if (linked) {
    const title = linked.title ?? linked.path;
    return policy
      ? { text: '解读已关联', state: 'ok', detail: `政策解读：${title}` }
      : { text: '解读对象已关联', state: 'ok', detail: `所解读的政策文件：${title}` };
  }
  if (links.noWorkspace) return undefined;
  return policy
    ? { text: '未找到解读', state: 'missing', detail: '工作区中没有找到本文件的政策解读（写明“解读材料”，或把解读放在同一文件夹）' }
    : { text: '未找到解读对象', state: 'missing', detail: '工作区中没有找到所解读的政策文件（写明“解读对象”）' };
}

/** The status of an analysed draft; `next` is the one item the status bar shows beside the kind. */
export function documentInfo(a: Analysis, index: DraftIndex): DocumentInfo {
  if (!a.draft || !a.document || !a.config) return { draft: false, why: a.why, items: [] };
  const doc = a.document;
  const items: DocumentInfoItem[] = [];
  const link = interpretation(doc, index);
  const dl = deadlines(doc, a.config.calendar);
  // A deadline a rule reported as missed is late, whatever the dates above say.
  const late = a.messages.filter((m: LintMessage) => typeof m.data?.deadline === 'string' && m.severity !== 'info');
  for (const m of late) {
    const due = parseDate(String(m.data!.deadline));
    if (due) for (const d of dl) if (d.text.endsWith(cn(due))) d.state = 'late';
  }
  // Policies: the 解读 first (同步解读); every other kind: its deadline first.
  if (link && (doc.type.value === '政策文件' || doc.type.value === '规范性文件')) items.push(link, ...dl);
  else items.push(...dl, ...(link ? [link] : []));
  return {
    draft: true,
    why: a.why,
    kind: { value: doc.type.value, inferred: doc.type.inferred, reason: doc.type.reason },
    items,
  };
}
