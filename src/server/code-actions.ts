/**
 * Code actions: each message's fix as a quick fix; “修复全部 zwgk 问题” as `source.fixAll.zwgk` (one
 * minimal edit computed from the core's fixText — works with `editor.codeActionsOnSave`); “在此行禁用规则”
 * and “在此文件禁用规则” through inline control comments, placed where they do not change how the draft
 * renders or parses.
 */
import {
  CodeActionKind, TextDocumentEdit, type CodeAction, type CodeActionParams, type Diagnostic, type TextEdit, type WorkspaceEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Nodes, Parents } from 'mdast';
import { fixText, getRule, redactPersonalData, type DraftIndex, type LintMessage, type ZwgkDocument } from '../core';
import type { Analysis } from './documents';
import { offsetsToRange, toDiagnostic } from './diagnostics';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.zwgk`;
export const FIX_ALL_TITLE = '修复全部 zwgk 问题';

export interface CodeActionOptions {
  /** The client accepts versioned `documentChanges`. */
  documentChanges: boolean;
  /** The workspace drafts (cross-document fixes re-lint against it). */
  index?: DraftIndex;
}

function wants(only: string[] | undefined, kind: string): boolean {
  if (!only || only.length === 0) return true;
  return only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

function short(s: string, max = 16): string {
  const t = s.replace(/\r\n|\r|\n/g, '⏎');
  return t.length > max ? `${t.slice(0, max)}…` : t;
}

/**
 * A readable title for a fix: 改为“…” / 删除“…” / 插入“…”. A title never quotes a personal number: when
 * the replaced text holds one, only the new (masked) text is shown.
 */
export function fixTitle(m: LintMessage, text: string): string {
  return redactPersonalData(titleOf(m, text));
}

function titleOf(m: LintMessage, text: string): string {
  const f = m.fix!;
  const old = text.slice(f.range[0], f.range[1]);
  const personal = redactPersonalData(old) !== old;
  const d = m.data ?? {};
  const named = [d.item, d.element].find((x): x is string => typeof x === 'string');
  const keys = Array.isArray(d.missingKeys) ? (d.missingKeys as unknown[]).filter((k): k is string => typeof k === 'string') : [];
  if (f.range[0] === f.range[1]) {
    if (named) return `插入缺少的“${named}”`;
    if (keys.length) return `插入缺少的元数据：${keys.join('、')}`;
    return f.text.length <= 16 && !/[\r\n]/.test(f.text) ? `插入“${f.text}”` : `插入缺少的内容（${m.ruleId}）`;
  }
  if (f.text === '') return personal ? '删除个人信息' : `删除“${short(old)}”`;
  if (personal) return f.text.length <= 40 ? `脱敏为“${short(f.text.replace(/\\\*/g, '*'), 40)}”` : `修复：${m.message.length <= 30 ? m.message : m.ruleId}`;
  if (old.length <= 24 && f.text.length <= 24) return `将“${short(old, 24)}”改为“${short(f.text, 24)}”`;
  return `修复：${m.message.length <= 30 ? m.message : m.ruleId}`;
}

export function codeActions(a: Analysis, textDoc: TextDocument, params: CodeActionParams, opts: CodeActionOptions): CodeAction[] {
  if (!a.draft || !a.document || a.version !== textDoc.version) return [];
  const doc = a.document;
  const only = params.context.only;
  const uri = textDoc.uri;
  const out: CodeAction[] = [];
  const edit = (edits: TextEdit[]): WorkspaceEdit =>
    opts.documentChanges
      ? { documentChanges: [TextDocumentEdit.create({ uri, version: textDoc.version }, edits)] }
      : { changes: { [uri]: edits } };

  const lo = textDoc.offsetAt(params.range.start);
  const hi = textDoc.offsetAt(params.range.end);
  const here = a.messages.filter((m) => m.start <= hi && m.end >= lo);
  const given = params.context.diagnostics ?? [];
  const diagFor = (m: LintMessage): Diagnostic => {
    const d = toDiagnostic(m, doc, a.version);
    return given.find((g) => g.code === m.ruleId && sameRange(g, d)) ?? d;
  };

  if (wants(only, CodeActionKind.QuickFix)) {
    // One action per distinct fix (several messages may share one, e.g. all missing metadata keys).
    const byFix = new Map<string, CodeAction>();
    for (const m of here) {
      if (!m.fix) continue;
      const key = `${m.fix.range[0]}:${m.fix.range[1]}:${m.fix.text}`;
      const same = byFix.get(key);
      if (same) {
        same.diagnostics!.push(diagFor(m));
        continue;
      }
      const action: CodeAction = {
        title: fixTitle(m, doc.text),
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagFor(m)],
        isPreferred: true,
        edit: edit([{ range: offsetsToRange(doc, m.fix.range[0], m.fix.range[1]), newText: m.fix.text }]),
      };
      byFix.set(key, action);
      out.push(action);
    }
    // All fixes of one rule at once (e.g. every missing section's skeleton), when it has several.
    for (const id of [...new Set(here.filter((m) => m.fix).map((m) => m.ruleId))]) {
      const mine = a.messages.filter((m) => m.ruleId === id && m.fix);
      if (new Set(mine.map((m) => `${m.fix!.range[0]}:${m.fix!.range[1]}:${m.fix!.text}`)).size < 2) continue;
      const rule = getRule(id);
      if (!rule) continue;
      const fixedText = fixText(doc.text, a.filePath, {
        rules: [rule], config: a.config?.config, calendar: a.config?.calendar, format: a.format, index: opts.index,
      }).text;
      const e = minimalEdit(doc, doc.text, fixedText);
      if (e) out.push({ title: `修复本文件全部 ${id} 问题（${mine.length} 处）`, kind: CodeActionKind.QuickFix, diagnostics: mine.map(diagFor), edit: edit([e]) });
    }
    const fixable = a.messages.filter((m) => m.fix).length;
    if (fixable >= 2 && here.some((m) => m.fix)) {
      const e = fixAllEdit(a, opts.index);
      if (e) out.push({ title: `${FIX_ALL_TITLE}（${fixable} 处）`, kind: CodeActionKind.QuickFix, edit: edit([e]) });
    }
    const ids = [...new Set(here.map((m) => m.ruleId))].filter((id) => id !== 'internal-error');
    for (const id of ids) {
      const first = here.find((m) => m.ruleId === id)!;
      const line = disableLineEdit(doc, first, id);
      if (line) {
        out.push({
          title: `在此行禁用规则 ${id}`,
          kind: CodeActionKind.QuickFix,
          diagnostics: here.filter((m) => m.ruleId === id && sameLine(doc, m, first)).map(diagFor),
          edit: edit([line]),
        });
      }
      out.push({
        title: `在此文件禁用规则 ${id}`,
        kind: CodeActionKind.QuickFix,
        diagnostics: here.filter((m) => m.ruleId === id).map(diagFor),
        edit: edit([disableFileEdit(doc, id)]),
      });
    }
  }

  if (wants(only, FIX_ALL_KIND) && a.messages.some((m) => m.fix)) {
    const e = fixAllEdit(a, opts.index);
    if (e) {
      out.push({
        title: FIX_ALL_TITLE,
        kind: FIX_ALL_KIND,
        diagnostics: a.messages.filter((m) => m.fix).map(diagFor),
        edit: edit([e]),
      });
    }
  }
  for (const action of out) action.title = redactPersonalData(action.title);
  return out;
}

function sameRange(a: Diagnostic, b: Diagnostic): boolean {
  const x = a.range, y = b.range;
  return x.start.line === y.start.line && x.start.character === y.start.character && x.end.line === y.end.line && x.end.character === y.end.character;
}

function sameLine(doc: ZwgkDocument, a: LintMessage, b: LintMessage): boolean {
  return doc.positionAt(a.start).line === doc.positionAt(b.start).line;
}

/** All fixes (re-linted until stable) as one edit spanning only the changed part; undefined when nothing changes. */
export function fixAllEdit(a: Analysis, index?: DraftIndex): TextEdit | undefined {
  const doc = a.document!;
  const fixed = fixText(doc.text, a.filePath, {
    config: a.config?.config, calendar: a.config?.calendar, format: a.format, index,
  }).text;
  return minimalEdit(doc, doc.text, fixed);
}

/** One TextEdit turning `before` into `after`, limited to the span that differs. */
export function minimalEdit(doc: ZwgkDocument, before: string, after: string): TextEdit | undefined {
  if (before === after) return undefined;
  let p = 0;
  const max = Math.min(before.length, after.length);
  while (p < max && before.charCodeAt(p) === after.charCodeAt(p)) p++;
  let s = 0;
  while (s < max - p && before.charCodeAt(before.length - 1 - s) === after.charCodeAt(after.length - 1 - s)) s++;
  // Never split a surrogate pair or a CRLF.
  while (p > 0 && (isHigh(before.charCodeAt(p - 1)) || before[p - 1] === '\r')) p--;
  while (s > 0 && (isLow(before.charCodeAt(before.length - s)) || before[before.length - s] === '\n')) s--;
  return { range: offsetsToRange(doc, p, before.length - s), newText: after.slice(p, after.length - s) };
}

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}
function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

function lineStartOf(text: string, offset: number): number {
  let a = offset;
  while (a > 0 && text[a - 1] !== '\n' && text[a - 1] !== '\r') a--;
  return a;
}

function lineEndOf(text: string, offset: number): number {
  let b = offset;
  while (b < text.length && text[b] !== '\n' && text[b] !== '\r') b++;
  return b;
}

/** Inside the front matter or catalogue header: control comments there would break the metadata. */
function inMetadata(doc: ZwgkDocument, offset: number): boolean {
  const b = doc.metadata.block;
  return !!b && offset >= b.start && offset <= Math.max(b.end, doc.bodyStart);
}

/** Block ancestry of `offset` in the Markdown tree, outermost first. */
function ancestry(doc: ZwgkDocument, offset: number): Nodes[] {
  const out: Nodes[] = [];
  let node: Nodes = doc.tree;
  for (;;) {
    if (!('children' in node)) break;
    const child: Nodes | undefined = (node as Parents).children.find((c) => {
      const p = c.position;
      return p && p.start.offset! <= offset && offset <= p.end.offset!;
    }) as Nodes | undefined;
    if (!child) break;
    out.push(child);
    node = child;
  }
  return out;
}

// Bounded quantifiers: linear on any line.
const NEXT_LINE = /^([ \t]{0,40})<!--[ \t]{0,20}zwgk-disable-next-line\b([^\r\n>]{0,500}?)[ \t]{0,20}-->[ \t]{0,20}$/;

/**
 * “在此行禁用”: a `<!-- zwgk-disable-next-line id -->` line above when that does not change the structure
 * (plain text; a Markdown paragraph or heading that starts on this line at the top level), else an inline
 * `<!-- zwgk-disable-line id -->` at the end of the line (paragraph continuation lines, lists, quotes,
 * tables). Undefined inside the metadata block, where a comment would break it.
 */
export function disableLineEdit(doc: ZwgkDocument, m: LintMessage, id: string): TextEdit | undefined {
  if (inMetadata(doc, m.start)) return undefined;
  const text = doc.text;
  const ls = lineStartOf(text, m.start);
  const le = lineEndOf(text, m.start);
  const line = text.slice(ls, le);
  const indent = /^[ \t\u3000]*/.exec(line)![0];
  const eol = doc.eol;

  // An existing disable-next-line comment right above: add the id to it.
  if (ls > 0) {
    const prevEnd = text[ls - 1] === '\n' && text[ls - 2] === '\r' ? ls - 2 : ls - 1;
    const ps = lineStartOf(text, prevEnd);
    const prev = text.slice(ps, prevEnd);
    const pm = NEXT_LINE.exec(prev);
    if (pm && pm[2].trim() !== '') {
      if (pm[2].split(/[\s,]+/).includes(id)) return undefined;
      const at = ps + prev.lastIndexOf('-->');
      const pad = prev[prev.lastIndexOf('-->') - 1] === ' ' ? '' : ' ';
      return { range: offsetsToRange(doc, at, at), newText: `${pad}${id} ` };
    }
  }

  const above = (): TextEdit => ({ range: offsetsToRange(doc, ls, ls), newText: `${indent}<!-- zwgk-disable-next-line ${id} -->${eol}` });
  if (doc.format === 'text') return above();

  const chain = ancestry(doc, m.start);
  const top = chain[0];
  const startsHere = (n: Nodes | undefined) => !!n?.position && n.position.start.offset! >= ls && n.position.start.offset! <= le;
  if (top && (top.type === 'paragraph' || top.type === 'heading') && startsHere(top)) return above();
  if (!top) return above();

  // Inline comment at the end of the line (inside a table row: before the closing pipe).
  let at = le;
  const inTable = chain.some((n) => n.type === 'table');
  if (inTable) {
    const trimmed = line.replace(/[ \t]+$/, '');
    if (trimmed.endsWith('|') && !trimmed.endsWith('\\|')) at = ls + trimmed.length - 1;
  }
  while (at > ls && (text[at - 1] === ' ' || text[at - 1] === '\t') && !inTable) at--;
  const before = inTable && (text[at - 1] === ' ' || text[at - 1] === '\t') ? '' : ' ';
  return { range: offsetsToRange(doc, at, at), newText: `${before}<!-- zwgk-disable-line ${id} -->${inTable ? ' ' : ''}` };
}

const FILE_DISABLE = /^<!--[ \t]{0,20}zwgk-disable[ \t]{1,20}([^\r\n>]{0,500}?)[ \t]{0,20}-->/;

/**
 * “在此文件禁用”: `<!-- zwgk-disable id -->` as the first line after the front matter / catalogue header
 * (or at the top), or the id added to such a comment that is already there.
 */
export function disableFileEdit(doc: ZwgkDocument, id: string): TextEdit {
  const text = doc.text;
  const eol = doc.eol;
  const block = doc.metadata.block;
  const after = block ? Math.max(block.end, doc.bodyStart) : 0;
  // An existing file-level comment as the first non-blank line after the metadata.
  const rest = text.slice(after, after + 2000);
  const lead = /^[\s]*/.exec(rest)![0].length;
  const fm = FILE_DISABLE.exec(rest.slice(lead));
  if (fm) {
    const ids = fm[1].split(/[\s,]+/).filter(Boolean);
    if (!ids.includes(id)) {
      const at = after + lead + fm[0].lastIndexOf('-->');
      const before = text[at - 1] === ' ' ? '' : ' ';
      return { range: offsetsToRange(doc, at, at), newText: `${before}${id} ` };
    }
  }
  if (block) return { range: offsetsToRange(doc, after, after), newText: `${eol}<!-- zwgk-disable ${id} -->` };
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  return { range: offsetsToRange(doc, bom, bom), newText: `<!-- zwgk-disable ${id} -->${eol}` };
}
