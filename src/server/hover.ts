/**
 * Hovers on a draft: (1) the problem under the cursor — rule, why, the clause, how to fix; (2) a
 * requirement term (同步解读, 年度报告 …) — what the work points / regulations require; (3) a 文号 — its
 * parts and whether it is well-formed; (4) a date — weekday, working day or not (holiday, 调休) and the
 * deadlines it drives; the title — the document type and why; a 解读材料/解读对象 link — the other draft.
 */
import * as path from 'node:path';
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  inspectDocument, deadlinesOf, type Deadline, type ResolvedConfig,
  CLAUSES, DATE_KEYS, getRule, redactPersonalData, findDates, formatDate, getDateField, getField, parseDate, weekday,
  type Calendar, type DateMatch, type LintMessage, type MetaField, type SimpleDate, type ZwgkDocument,
} from '../core';
import { parseDocNumber, findDocNumbers, describeProblems, type DocNumber } from '../core/util/doc-number';
import type { Analysis } from './documents';
import type { WorkspaceIndex } from './workspace-index';
import { offsetsToRange } from './diagnostics';
import { clauseExcerpt, esc, problemHover } from './markdown';
import { fixTitle } from './code-actions';
import { termAt } from './terms';
import { isInside } from './uri';

export interface HoverContext {
  index: WorkspaceIndex;
  workspaceFolders: string[];
}

/** Line of `offset`: [start, end) without the line break. */
function lineAt(text: string, offset: number): { start: number; end: number } {
  let a = offset;
  while (a > 0 && text[a - 1] !== '\n' && text[a - 1] !== '\r' && offset - a < 4000) a--;
  let b = offset;
  while (b < text.length && text[b] !== '\n' && text[b] !== '\r' && b - offset < 4000) b++;
  return { start: a, end: b };
}

function covers(start: number, end: number, offset: number): boolean {
  return start === end ? offset === start : start <= offset && offset < end;
}

export function hover(a: Analysis, textDoc: TextDocument, position: Position, ctx: HoverContext): Hover | null {
  if (!a.draft || !a.document || !a.config) return null;
  const doc = a.document;
  const offset = textDoc.offsetAt(position);
  const sections: string[] = [];
  let range: { start: number; end: number } | undefined;
  const take = (start: number, end: number) => {
    if (!range) range = { start, end };
  };

  const line = lineAt(doc.text, offset);
  const lineText = doc.text.slice(line.start, line.end);
  const col = offset - line.start;
  const field = doc.metadata.fields.find((f) => covers(f.start, f.end, offset) || (f.start <= offset && offset <= f.end && f.start !== f.end));
  // The problems under the cursor: VS Code shows their messages itself, so each adds only 怎么改, the
  // clause excerpt and the rule link — once per rule.
  const problems = a.messages.filter((m) => covers(m.start, m.end, offset));
  const shownRules = new Set(problems.map((m) => m.ruleId));

  // A date leads with its weekday / working-day line (then its deadlines).
  const date = findDates(lineText).find((d) => d.start <= col && col < d.end);
  if (date) {
    sections.push(dateSection(date, a.config.calendar, doc, field, a.messages.filter((m) => !problems.includes(m)), line.start, a.config.config));
    take(line.start + date.start, line.start + date.end);
  }

  const seen = new Set<string>();
  // Clauses a problem section already quotes: the term section below does not quote them again.
  const quoted = new Set<string>();
  for (const m of problems) {
    if (seen.has(m.ruleId) || seen.size >= 3) continue;
    seen.add(m.ruleId);
    quoted.add(`${m.clause.source}|${m.clause.id}`);
    sections.push(problemHover(m, getRule(m.ruleId), m.fix ? fixTitle(m, doc.text) : undefined));
    take(m.start, m.end);
  }

  // The title: what zwgk understood — the kind and why, the title's parts, the document's dates and the
  // deadlines they drive (the same as `zwgk inspect`).
  if (doc.title && covers(doc.title.start, doc.title.end, offset)) {
    sections.push(titleSection(doc, a));
    take(doc.title.start, doc.title.end);
  }

  // 解读材料 / 解读对象: the linked draft.
  if (field && (field.key === '解读材料' || field.key === '解读对象') && field.value) {
    const s = linkSection(field, offset, a, ctx);
    if (s) {
      sections.push(s.text);
      take(s.start, s.end);
    }
  }

  // 文号: its parts (a doc-number-format problem under the cursor already says what is wrong).
  const num = docNumberAt(field, lineText, line.start, offset, doc);
  if (num) {
    sections.push(docNumberSection(num.n, shownRules.has('doc-number-format')));
    take(num.start, num.end);
  }

  // Requirement terms.
  const t = termAt(lineText, col);
  if (t) {
    const term = t.term;
    const rules = (term.rules ?? []).filter((id) => getRule(id)).map((id) => `\`${id}\``);
    sections.push([
      `**${esc(term.name)}**：${esc(term.requires)}`,
      term.clauses.slice(0, 2).filter((c) => !quoted.has(`${c.source}|${c.id}`)).map(clauseExcerpt).join('\n\n'),
      rules.length ? `zwgk 检查：${rules.join('、')}` : '',
    ].filter(Boolean).join('\n\n'));
    take(line.start + t.start, line.start + t.end);
  }

  if (sections.length === 0 || !range) return null;
  return {
    // A hover quotes what is under the cursor (a 文号, a link value, a title): never a full personal number.
    contents: { kind: MarkupKind.Markdown, value: redactPersonalData(sections.join('\n\n---\n\n')) },
    range: offsetsToRange(doc, range.start, range.end),
  };
}

function docNumberAt(field: MetaField | undefined, lineText: string, lineStart: number, offset: number, doc: ZwgkDocument) {
  const issue = getDateField(doc.metadata, '成文日期');
  const opts = issue ? { issueYear: issue.year } : {};
  if (field && field.key === '文号') {
    const n = parseDocNumber(doc.text.slice(field.start, field.end), opts);
    if (n) return { n, start: field.start + n.start, end: field.start + n.end };
  }
  const col = offset - lineStart;
  const n = findDocNumbers(lineText, opts).find((d) => d.start <= col && col < d.end);
  return n ? { n, start: lineStart + n.start, end: lineStart + n.end } : undefined;
}

/** The parts of a 文号; with `reported`, the problem is already shown (message + 怎么改) and not repeated. */
function docNumberSection(n: DocNumber, reported: boolean): string {
  const rows = [
    `**文号** ${esc(n.raw)}`,
    '',
    '| 组成 | 写法 |',
    '|---|---|',
    `| 机关代字 | ${esc(n.agency)} |`,
    `| 年份 | ${esc(n.year)}${n.year.length === 4 ? '' : '（应写全四位）'} |`,
    `| 顺序号 | ${n.number ? esc(n.number) : '（缺）'} |`,
  ];
  const out = [rows.join('\n')];
  if (n.wellFormed) out.push('格式规范（GB/T 9704-2012 7.2.5）。');
  else if (!reported) {
    out.push(`格式不规范：${esc(describeProblems(n))}。`);
    if (n.canonical && n.canonical !== n.raw) out.push(`规范写法：**${esc(n.canonical)}**`);
    else if (n.guess) out.push(`可能是：${esc(n.guess)}（请对照原件）`);
    out.push(clauseExcerpt(CLAUSES.gbt9704_7_2_5));
  }
  return out.join('\n\n');
}

function cn(d: SimpleDate): string {
  return formatDate(d, 'cn');
}

/** “星期一，工作日” / “休息（春节）” / “调休上班（春节）” / not covered. */
const CONFIDENCE: Record<string, string> = { declared: '声明', high: '确定', low: '不确定，只针对该类型的检查不运行' };
const STATE: Record<string, string> = { 'on-time': '按期', late: '逾期', open: '未发布', unknown: '无法计算' };

/** The title's hover: kind (and how sure), 发文机关 / 事由 / 文种, own dates, the versions applied, deadlines. */
function titleSection(doc: ZwgkDocument, a: Analysis): string {
  const t = doc.type;
  const out = [`**文档类型：${esc(t.value)}**（${CONFIDENCE[t.confidence] ?? t.confidence}：${esc(t.reason)}）`];
  if (!a.config) return out.join('\n\n');
  const i = inspectDocument(doc, a.config.calendar, a.config.config);
  const parts = [
    i.title?.issuers.length ? `发文机关“${esc(i.title.issuers.join('、'))}”` : '',
    i.title?.subject ? `事由“${esc(i.title.subject)}”` : '',
    i.title?.genre ? `文种“${esc(i.title.genre)}”` : '',
  ].filter(Boolean);
  if (parts.length) out.push(parts.join(' · '));
  const dates = i.dates.map((d) => `${d.role} ${d.date}（${esc(d.source)}，第${d.line}行）`);
  if (dates.length) out.push(dates.join(' · '));
  out.push(`适用：${i.versions['条例'] ?? '条例施行以前，不检查'} · ${i.versions['GB/T 9704'] ?? '早于 GB/T 9704-1999'}`);
  for (const d of i.deadlines) {
    out.push(`${esc(d.label)}：${d.period}${d.due ? `，截止 ${d.due}` : ''} — ${STATE[d.state] ?? d.state}${d.late ? `，${esc(d.late.text)}` : ''}`);
  }
  out.push(t.inferred ? '类型不对时，在元数据中写“文档类型: …”明确声明；`zwgk inspect` 列出读到的全部字段。' : '`zwgk inspect` 列出读到的全部字段。');
  return out.join('\n\n');
}

function dayText(d: SimpleDate, calendar: Calendar): string {
  const i = calendar.info(d);
  const local = (i as { local?: boolean }).local ? '（配置中的本地调整）' : '';
  if (i.workday === false && i.holiday) return `休息日（${i.holiday}）${local}`;
  if (i.workday && i.adjustedWorkday) return `调休上班（${i.holiday}）${local}`;
  if (!i.covered) {
    const [a, b] = calendar.range;
    return `${d.year}年不在工作日历数据范围内（${a}—${b}年），无法判断是否为工作日`;
  }
  return `${i.workday ? '工作日' : '休息日（周末）'}${local}`;
}

function dateSection(
  date: DateMatch, calendar: Calendar, doc: ZwgkDocument, field: MetaField | undefined, messages: LintMessage[], lineStart: number,
  config?: ResolvedConfig,
): string {
  if (!date.valid) return `**${esc(date.raw)}** 不是有效的日期`;
  const out = [`**${cn(date)}** ${weekday(date)}，${dayText(date, calendar)}`];
  const start = lineStart + date.start;
  const end = lineStart + date.end;
  const isField = field && start >= field.start && end <= field.end && (DATE_KEYS as readonly string[]).includes(field.key);
  const lo = isField && field ? field.keyStart : start;
  const hi = isField && field ? field.end : end;
  // The deadlines this date starts, from the core's deadlines/ (the same ones the rules, `zwgk inspect`
  // and the 台账 use): the kind, the 条例 version in force and the configured periods all apply.
  const deadlines: string[] = [];
  const shown = new Set<string>();
  let all: Deadline[] = [];
  try { all = deadlinesOf(doc, calendar, config); } catch { all = []; }
  for (const d of all) {
    if (!d.from || !(d.from.start <= hi && d.from.end >= lo)) continue;
    const due = d.due ? parseDate(d.due) : undefined;
    const basis = `${d.period}，${d.clause.id}`;
    deadlines.push(due
      ? `${esc(d.label)}：**${cn(due)}** ${weekday(due)}（${esc(basis)}）`
      : `${esc(d.label)}：超出工作日历数据范围，无法计算（${esc(basis)}）`);
    if (d.due) shown.add(d.due);
    const ext = extensionLine(d);
    if (ext) deadlines.push(ext);
  }
  // Deadlines the rules computed (message data.deadline) for messages on this date or its field, unless
  // listed above already.
  for (const m of messages) {
    const dl = m.data?.deadline;
    if (dl === undefined || !(m.start <= hi && m.end >= lo)) continue;
    if (typeof dl === 'string' && shown.has(dl)) continue;
    const parsed = typeof dl === 'string' ? parseDate(dl) : undefined;
    const text = parsed ? `${cn(parsed)} ${weekday(parsed)}` : typeof dl === 'string' ? dl : dl && typeof dl === 'object' && 'year' in dl ? cn(dl as SimpleDate) : String(dl);
    deadlines.push(`\`${m.ruleId}\` 计算的期限：**${esc(text)}**`);
  }
  if (deadlines.length) out.push(deadlines.map((d) => `- ${d}`).join('\n'));
  return out.join('\n\n');
}

/**
 * A reply not extended (yet) and not done on time: how far an approved extension could reach, with the
 * clause's own sentence on it (条例 第三十三条 / 2007年 第二十四条 第二款).
 */
function extensionLine(d: Deadline): string | undefined {
  if (d.rule !== 'application-reply-deadline' || d.data.extended || d.state === 'on-time') return undefined;
  const last = typeof d.data.extendedDue === 'string' ? parseDate(d.data.extendedDue) : undefined;
  const sentence = d.clause.text.split('；').find((s) => s.includes('延长'));
  if (!last || !sentence) return undefined;
  return `经批准延期：最长至 **${cn(last)}** ${weekday(last)}（再延长不超过${esc(String(d.data.allowedExtensionWorkdays))}个工作日；${esc(d.clause.id)}：“${esc(sentence)}”）`;
}

/** The linked draft of a 解读材料/解读对象 value (the path under the cursor when several are listed). */
function linkSection(field: MetaField, offset: number, a: Analysis, ctx: HoverContext): { text: string; start: number; end: number } | undefined {
  const doc = a.document!;
  const raw = doc.text.slice(field.start, field.end);
  let pos = 0;
  for (const part of raw.split(/([、,，;；\s]+)/)) {
    const s = field.start + pos;
    pos += part.length;
    if (!part.trim() || /^[、,，;；\s]+$/.test(part)) continue;
    if (offset < s || offset > s + part.length) continue;
    const ref = part.replace(/^["'“‘]|["'”’]$/g, '');
    if (/^[a-z][a-z0-9+.-]*:/i.test(ref)) return { text: `**${esc(field.key)}**：${esc(ref)}（网址，不在工作区中）`, start: s, end: s + part.length };
    if (!a.filePath) return { text: `**${esc(field.key)}**：未保存的文稿无法解析相对路径`, start: s, end: s + part.length };
    const target = path.resolve(path.dirname(a.filePath), ref);
    const roots = ctx.workspaceFolders.length ? ctx.workspaceFolders : [path.dirname(a.filePath)];
    if (!roots.some((r) => isInside(r, target))) {
      return { text: `**${esc(field.key)}**：${esc(ref)} 指向工作区之外，不会读取`, start: s, end: s + part.length };
    }
    const other = ctx.index.drafts.get(target);
    if (!other) return { text: `**${esc(field.key)}**：工作区中找不到 ${esc(ref)}`, start: s, end: s + part.length };
    const md = other.metadata;
    const lines = [
      `**${esc(field.key)}：${esc(other.title ?? path.basename(target))}**`,
      `- 文档类型：${esc(other.type)}`,
      md['起草单位'] ? `- 起草单位：${esc(md['起草单位'])}` : '',
      md['发布机构'] ? `- 发布机构：${esc(md['发布机构'])}` : '',
      md['成文日期'] ? `- 成文日期：${esc(md['成文日期'])}` : '',
      md['发布日期'] ? `- 发布日期：${esc(md['发布日期'])}` : '',
      md['文号'] ? `- 文号：${esc(md['文号'])}` : '',
    ].filter(Boolean);
    return { text: lines.join('\n'), start: s, end: s + part.length };
  }
  return undefined;
}
