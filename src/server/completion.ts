/**
 * Completion in the front matter (Markdown) or the catalogue header (plain text): the known keys at the
 * start of a line, and values — 文档类型, 公开属性, 机关层级, 延期答复, 报告年度, today's date for date keys
 * (ISO and 2026年3月2日 forms), linked drafts for 解读材料/解读对象, agencies already used in the workspace.
 */
import * as path from 'node:path';
import { CompletionItemKind, type CompletionItem, type CompletionList, type Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  DATE_KEYS, DISCLOSURE_VALUES, DOC_TYPES, META_KEYS, canonicalKey, formatDate, headerPairs, type DraftIndex, type MetaKey, type CatalogueKey,
  type ZwgkDocument,
} from '../core';

/** What each key holds (completion detail). */
export const KEY_DOCS: Record<MetaKey, string> = {
  标题: '文件名称（目录必备元数据）',
  文档类型: `${DOC_TYPES.join('、')}`,
  索引号: '组织机构代码/年份-顺序号，如 00817804-9/2019-13123（目录必备元数据）',
  分类: '主题分类，如 规划计划',
  发布机构: '发布信息的机关',
  起草单位: '起草文件的单位（谁起草谁解读）',
  文号: '发文字号，如 海府办函〔2019〕168号',
  成文日期: '公文落款日期，如 2019年6月21日',
  发布日期: '在网站公开的日期',
  公开属性: DISCLOSURE_VALUES.join('、'),
  不予公开理由: '不予公开时依法说明的理由（条例 第十四、十五、十六条）',
  主题词: '主题词',
  解读材料: '本政策的解读文稿（相对路径）',
  解读对象: '所解读的政策文件（相对路径）',
  机关层级: '政府 或 部门（年度报告期限不同）',
  报告年度: '年度报告所报告的年份（四位，通常是上一年）',
  征求意见期限: '征求意见的起止日期或天数（一般不少于30日）',
  收到申请日期: '收到政府信息公开申请的日期',
  答复日期: '作出答复的日期',
  延期答复: '是否经批准延期答复（是/否）',
};

export interface CompletionContext {
  index: DraftIndex;
  filePath?: string;
  /** Today (for tests); defaults to the local date. */
  today?: Date;
  /** The client is VS Code: a key item re-triggers suggestions (`editor.action.triggerSuggest`). */
  retrigger?: boolean;
}

type Region = { kind: 'front-matter' | 'header' };

/** Line index → [start, end) offsets of every line. */
function lines(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const re = /\r\n|\r|\n/g;
  let s = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    out.push({ start: s, end: m.index });
    s = m.index + m[0].length;
  }
  out.push({ start: s, end: text.length });
  return out;
}

/** Is `line` inside the front matter (opened, even if not closed yet) or the catalogue header? */
function regionAt(doc: ZwgkDocument, text: string, line: number): Region | undefined {
  const ls = lines(text.length > 20000 ? text.slice(0, 20000) : text);
  if (line >= ls.length) return undefined;
  const first = text.slice(ls[0].start, ls[0].end).replace(/^\uFEFF/, '');
  if (doc.format === 'markdown' && /^---[ \t]*$/.test(first)) {
    if (line === 0) return undefined;
    for (let i = 1; i < ls.length; i++) {
      const t = text.slice(ls[i].start, ls[i].end);
      if (/^(---|\.\.\.)[ \t]*$/.test(t)) return line < i ? { kind: 'front-matter' } : undefined;
    }
    return { kind: 'front-matter' };
  }
  const block = doc.metadata.source === 'header' ? doc.metadata.block : undefined;
  if (block) {
    const startLine = doc.positionAt(block.start).line - 1;
    const endLine = doc.positionAt(block.end).line - 1;
    if (line >= startLine && line <= endLine + 1) return { kind: 'header' };
    return undefined;
  }
  // A plain-text draft with no header yet: its first line may start one.
  if (doc.format === 'text' && line === 0) return { kind: 'header' };
  return undefined;
}

function pad(n: number): string {
  return String(n).padStart(3, '0');
}

export function completion(doc: ZwgkDocument, textDoc: TextDocument, position: Position, ctx: CompletionContext): CompletionList | null {
  const text = textDoc.getText();
  const region = regionAt(doc, text, position.line);
  if (!region) return null;
  const lineStart = textDoc.offsetAt({ line: position.line, character: 0 });
  const cursor = textDoc.offsetAt(position);
  const before = text.slice(lineStart, cursor);
  const range = (from: number) => ({ start: textDoc.positionAt(from), end: position });

  // Value of a key: the last `key:` before the cursor on this line.
  let key: CatalogueKey | undefined;
  let valueStart = -1;
  /** YAML needs a space after the colon: added when the list opens right after `key:`. */
  let lead = '';
  if (region.kind === 'front-matter') {
    const m = /^([^\s:：#][^:：]{0,30}?)[ \t]*:([ \t]*)/.exec(before);
    if (m) {
      key = canonicalKey(m[1]);
      valueStart = lineStart + m[0].length;
      if (!key) return null;
      if (m[2] === '') lead = ' ';
    }
  } else {
    const pairs = headerPairs(before);
    const last = pairs[pairs.length - 1];
    if (last) {
      key = last.key;
      valueStart = lineStart + last.start;
      // Only whitespace typed after the separator so far: `start` sits at the end of the line.
      if (last.end === last.start) valueStart = cursor;
    }
  }

  if (key) {
    const typed = text.slice(valueStart, cursor);
    const items = valuesFor(key, ctx, typed).map((v, i): CompletionItem => ({
      label: v.label,
      kind: CompletionItemKind.Value,
      detail: v.detail,
      sortText: pad(i),
      filterText: v.value,
      textEdit: { range: range(valueStart), newText: lead + v.value },
    }));
    return items.length ? { isIncomplete: false, items } : null;
  }

  // A key at the start of the line (top level only in YAML).
  if (!/^[^\s:：]*$/.test(before) && !(region.kind === 'header' && /^[ \t\u3000]*[^\s:：]*$/.test(before))) return null;
  const typedStart = lineStart + before.length - before.trimStart().length;
  const present = new Set(doc.metadata.fields.filter((f) => f.known).map((f) => f.key));
  // The key being typed on this very line does not count as present.
  const lineEnd = text.indexOf('\n', cursor) < 0 ? text.length : text.indexOf('\n', cursor);
  for (const f of doc.metadata.fields) if (f.keyStart >= lineStart && f.keyStart <= lineEnd) present.delete(f.key);
  const sep = ': ';
  const items: CompletionItem[] = META_KEYS.filter((k) => !present.has(k)).map((k, i) => ({
    label: k,
    kind: CompletionItemKind.Property,
    detail: KEY_DOCS[k],
    sortText: pad(i),
    textEdit: { range: range(typedStart), newText: `${k}${sep}` },
    // Values follow at once: VS Code reopens the list after the key is inserted.
    ...(ctx.retrigger ? { command: { title: '', command: 'editor.action.triggerSuggest' } } : {}),
  }));
  return items.length ? { isIncomplete: false, items } : null;
}

interface Value {
  label: string;
  value: string;
  detail?: string;
}

function valuesFor(key: CatalogueKey, ctx: CompletionContext, typed: string): Value[] {
  const today = ctx.today ?? new Date();
  const d = { year: today.getFullYear(), month: today.getMonth() + 1, day: today.getDate() };
  switch (key) {
    case '文档类型':
      return DOC_TYPES.map((t) => ({ label: t, value: t }));
    case '公开属性':
      return DISCLOSURE_VALUES.map((t) => ({ label: t, value: t }));
    case '机关层级':
      return [
        { label: '政府', value: '政府', detail: '各级人民政府：年度报告次年3月31日前公布' },
        { label: '部门', value: '部门', detail: '政府部门：年度报告次年1月31日前公布' },
      ];
    case '延期答复':
      return [{ label: '是', value: '是', detail: '经批准延期（最长再延20个工作日）' }, { label: '否', value: '否' }];
    case '报告年度':
      return [d.year - 1, d.year].map((y) => ({ label: String(y), value: String(y) }));
    case '解读材料':
    case '解读对象':
      return linkValues(key, ctx);
    case '发布机构':
    case '起草单位': {
      const seen = new Set<string>();
      for (const s of ctx.index.all()) {
        for (const k of ['发布机构', '起草单位'] as const) {
          const v = s.metadata[k];
          if (v && v.length <= 40) seen.add(v);
        }
        if (seen.size >= 50) break;
      }
      return [...seen].sort().map((v) => ({ label: v, value: v, detail: '工作区中已使用' }));
    }
    default:
      if ((DATE_KEYS as readonly string[]).includes(key) || key === '征求意见期限') {
        const iso = formatDate(d, 'iso');
        const cn = formatDate(d, 'cn');
        const both = [
          { label: iso, value: iso, detail: '今天' },
          { label: cn, value: cn, detail: '今天（公文写法）' },
        ];
        return /年/.test(typed) ? both.reverse() : both;
      }
      return [];
  }
}

function linkValues(key: '解读材料' | '解读对象', ctx: CompletionContext): Value[] {
  if (!ctx.filePath) return [];
  const dir = path.dirname(ctx.filePath);
  const out: Value[] = [];
  for (const s of ctx.index.all()) {
    if (s.path === ctx.filePath) continue;
    const isInterp = s.type === '政策解读';
    if (key === '解读材料' ? !isInterp : !(s.type === '政策文件' || s.type === '规范性文件')) continue;
    const rel = path.relative(dir, s.path).split(path.sep).join('/');
    if (rel.startsWith('../../../')) continue;
    out.push({ label: rel, value: rel, detail: s.title });
    if (out.length >= 100) break;
  }
  return out.sort((a, b) => a.label.length - b.label.length);
}
