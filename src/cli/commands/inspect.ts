/**
 * `zwgk inspect FILE…` — what zwgk understood about a document: its kind and why, the title read as
 * 发文机关 / 事由 / 文种, every catalogue field read and the line it came from, its own dates and the
 * version of each source they select, and every deadline that applies. A user who sees a wrong kind or a
 * field read wrongly corrects it with one metadata line (文档类型: …).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ALL_RULES, Calendar, ZwgkDocument, formatOf, inspectDocument, redactPersonalData, type Inspection } from '../../core';
import { ConfigLoader } from '../config-loader';
import { decode } from '../encoding';
import { MAX_DRAFT_BYTES, readBounded, readProblem } from '../safe-read';
import { CliError } from '../errors';
import { isSourcePath, readSourceFile } from '../sources';
import { colors, displayPath, useColor } from '../text';
import type { Io } from '../io';

export interface InspectFlags {
  format: 'stylish' | 'json';
  config?: string;
  configLookup: boolean;
}

const LEVEL = { government: '政府', department: '政府部门' } as const;
const CONFIDENCE = { declared: '声明', high: '确定', low: '不确定（专门针对该类型的检查不运行）' } as const;
const STATE = { 'on-time': '按期', late: '逾期', open: '未发布/未答复', unknown: '无法计算' } as const;
const ORIGIN = { draft: '文稿（前置元数据或纯文本）', page: '保存的门户网站页面（目录字段为网站所填）' } as const;

function readText(abs: string): { text: string; format?: 'text' } {
  if (isSourcePath(abs)) {
    const r = readSourceFile(abs);
    if (r.kind === 'error') throw new CliError(`${abs}：${r.message}`);
    return { text: r.src.text, format: 'text' };
  }
  // Regular files only, opened without blocking, at most a draft's limit (safe-read.ts).
  const r = readBounded(abs, { maxBytes: MAX_DRAFT_BYTES });
  if (r.kind === 'error' && r.error.code === 'ENOENT') throw new CliError(`找不到文件：${abs}`);
  if (r.kind === 'not-file') throw new CliError(`不是文件：${abs}（${r.what}）`);
  if (r.kind !== 'ok') throw new CliError(`${abs}：${readProblem(r)}`);
  const decoded = decode(r.bytes);
  if (decoded.kind !== 'text') throw new CliError(`${abs}：${decoded.kind === 'binary' ? '不是文本文件' : `无法识别编码：${decoded.reason}`}`);
  return { text: decoded.text };
}

export interface InspectedFile extends Inspection {
  filePath: string;
}

export function inspectFile(abs: string, loader: ConfigLoader): InspectedFile {
  const { text, format } = readText(abs);
  const config = loader.configFor(abs);
  const doc = new ZwgkDocument(text, abs, format ?? formatOf(abs));
  return { filePath: abs, ...inspectDocument(doc, new Calendar(config.calendar), config) };
}

/** Stylish: one block per file, Chinese labels, line numbers for everything read. */
export function stylishInspection(r: InspectedFile, cwd: string, color: boolean): string {
  const c = colors(color);
  const out: string[] = [c.bold(displayPath(r.filePath, cwd))];
  const row = (label: string, value: string) => out.push(`  ${c.dim(label.padEnd(6, '　'))} ${value}`);
  row('类型', `${c.bold(r.kind.value)}（${CONFIDENCE[r.kind.confidence as keyof typeof CONFIDENCE] ?? r.kind.confidence}）：${r.kind.reason}`);
  row('来源', ORIGIN[r.origin]);
  if (r.title) {
    row('标题', `${r.title.text}  ${c.dim(`第${r.title.line}行`)}`);
    const parts = [
      r.title.issuers.length ? `发文机关“${r.title.issuers.join('、')}”` : '',
      r.title.subject ? `事由“${r.title.subject}”` : '',
      r.title.genre ? `文种“${r.title.genre}”` : '',
      r.title.carries ? `${r.title.carries.verb}《${r.title.carries.title}》${r.title.carries.genre ? `（${r.title.carries.genre}）` : ''}` : '',
      r.title.qualifiers.length ? `（${r.title.qualifiers.join('）（')}）` : '',
    ].filter(Boolean);
    if (parts.length) row('', parts.join('  '));
  } else row('标题', c.dim('（没有找到）'));
  if (r.issuer) row('发文机关', `${r.issuer.name}${r.issuer.level ? `（${LEVEL[r.issuer.level as keyof typeof LEVEL]}）` : ''}  ${c.dim(r.issuer.from === 'title' ? '取自标题' : '取自发布机构')}`);
  row('机关层级', r.level.level ? `${LEVEL[r.level.level as keyof typeof LEVEL]}：${r.level.reason}` : c.dim(r.level.reason));
  if (r.fields.length) {
    out.push(`  ${c.dim('目录字段')}`);
    for (const f of r.fields) {
      const from = f.from === 'byline' ? '（页面署名行）' : '';
      out.push(`    ${f.known ? f.key : c.dim(`${f.key}（未知字段，已跳过）`)}${f.known && f.rawKey.replace(/\s/g, '') !== f.key ? c.dim(`（写作“${f.rawKey}”）`) : ''}：${f.value || c.dim('（空）')}  ${c.dim(`第${f.line}行${from}`)}`);
    }
  } else row('目录字段', c.dim('（没有）'));
  for (const d of r.dates) row(d.role, `${d.date}  ${c.dim(`${d.source}，第${d.line}行`)}`);
  if (r.reportYear) row('报告年度', `${r.reportYear.year}  ${c.dim(`第${r.reportYear.line}行`)}`);
  if (r.disclosure) row('公开属性', `${r.disclosure.value}  ${c.dim(r.disclosure.why)}`);
  row('适用版本', `条例：${r.versions['条例'] ?? c.dim('文档日期早于条例施行（2008年5月1日），不检查')}；公文格式：${r.versions['GB/T 9704'] ?? c.dim('早于GB/T 9704-1999，不检查')}`);
  for (const d of r.deadlines) {
    const late = d.late ? `，${d.late.text}` : '';
    row('期限', `${d.label}：${d.period}${d.due ? `，截止${d.due}` : ''}${d.actual ? `，${d.actual.source.replace(/^元数据“(.{1,8})”$/, '$1')}${d.actual.date}` : ''} — ${STATE[d.state]}${late}  ${c.dim(d.clause.id)}`);
  }
  if (r.furnitureLines.length) row('页面元素', c.dim(`第${r.furnitureLines.join('、')}行为网站栏目、署名行或工具栏，不作为正文检查`));
  return redactPersonalData(out.join('\n'));
}

export function inspectCommand(files: string[], flags: InspectFlags, io: Io): number {
  if (!files.length) throw new CliError('请指定要查看的文件，例如：zwgk inspect drafts/通知.md');
  if (flags.format !== 'stylish' && flags.format !== 'json') throw new CliError(`zwgk inspect 的 --format 只能是 stylish 或 json，收到“${flags.format}”`);
  const cwd = path.resolve(io.cwd);
  const loader = new ConfigLoader({ rules: ALL_RULES, cwd, configFile: flags.config, lookup: flags.configLookup, onNotice: (m) => io.stderr.write(`zwgk: ${m}\n`) });
  const results = files.map((f) => inspectFile(path.resolve(cwd, f), loader));
  if (flags.format === 'json') {
    io.stdout.write(redactPersonalData(JSON.stringify(results.map((r) => ({ ...r, filePath: r.filePath })), null, 2)) + '\n');
  } else {
    io.stdout.write(results.map((r) => stylishInspection(r, cwd, useColor(io.stdout.isTTY, io.env))).join('\n\n') + '\n');
  }
  return 0;
}
