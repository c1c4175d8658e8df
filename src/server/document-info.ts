/**
 * `zwgk/documentInfo`: what zwgk understood about one open draft, for the editor's status bar — what
 * the editor does not show already (it counts problems itself): the document's kind and why, its next
 * deadline, or whether its 解读 is found.
 */
import { docLinks, formatDate, parseDate, weekday, type DraftIndex, type SimpleDate, type ZwgkDocument } from '../core';
import { deadlinesOf, type Deadline } from '../core/deadlines';
import type { Analysis } from './documents';
import { DOCUMENT_INFO, type DocumentInfo, type DocumentInfoItem } from './protocol';

export { DOCUMENT_INFO, type DocumentInfo };

const cn = (d: SimpleDate) => formatDate(d, 'cn');

const SHORT: Record<string, string> = {
  'proactive-disclosure-deadline': '公开期限',
  'annual-report-deadline': '发布期限',
  'application-reply-deadline': '答复期限',
  'comment-period': '征求意见期限',
  'normative-filing-deadline': '报送期限',
};

const STATE: Record<Deadline['state'], DocumentInfoItem['state']> = { 'on-time': 'ok', late: 'late', open: 'due', unknown: 'info' };

/** The core's deadlines (the ones the deadline rules report) as status items. */
function deadlineItems(doc: ZwgkDocument, a: Analysis): DocumentInfoItem[] {
  const out: DocumentInfoItem[] = [];
  for (const d of deadlinesOf(doc, a.config!.calendar, a.config!.config)) {
    const label = SHORT[d.rule] ?? d.label;
    const due = d.due ? parseDate(d.due) : undefined;
    const dueText = due ? `${cn(due)} ${weekday(due)}` : '无法计算';
    const done = d.actual ? `；${d.actual.source} ${d.actual.date}${d.state === 'late' ? `，${d.late?.text ?? '已超期'}` : d.state === 'on-time' ? '，按期' : ''}` : '';
    out.push({
      text: due ? `${label} ${cn(due)}` : label,
      state: STATE[d.state],
      detail: `${d.label}：${dueText}（${d.period}，${d.clause.id}）${done}`,
    });
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
  const link = interpretation(doc, index);
  const dl = deadlineItems(doc, a);
  // Policies: the 解读 first (同步解读); every other kind: its deadline first.
  const items = link && (doc.type.value === '政策文件' || doc.type.value === '规范性文件') ? [link, ...dl] : [...dl, ...(link ? [link] : [])];
  return {
    draft: true,
    why: a.why,
    kind: { value: doc.type.value, inferred: doc.type.inferred, reason: doc.type.reason },
    items,
  };
}
