/**
 * `zwgk report [paths…] --out report.html [--today YYYY-MM-DD] [--format html|json]` — the 公开台账 of the
 * drafts found: every draft with its kind, dates, 解读 and deadlines, as one offline HTML file (or JSON).
 * Drafts are found, indexed and linted exactly as `zwgk lint` does; the ledger itself is core/ledger.
 *
 * Exit codes: 0 written; 2 bad input (no such path, a bad --today / --format, an output that cannot be
 * written). Problems in the drafts do not change the exit code: the report lists them.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ALL_RULES, Calendar, ZwgkDocument, buildLedger, formatOf, lintDocument, localDay, todayFromInput, redactPersonalData, type LedgerInput, type Ledger } from '../../core';
import { ConfigLoader } from '../config-loader';
import { CliError } from '../errors';
import { expandInputs } from '../files';
import { governedBy, selectDrafts, skippedNotice } from '../draft-filter';
import { buildIndex, readDraft, type RunContext } from '../runner';
import { isSourcePath, readSourceFile } from '../sources';
import { displayPath } from '../text';
import { renderHtml } from '../report/html';
import { VERSION } from '../version';
import type { Io } from '../io';

export interface ReportFlags {
  out?: string;
  today?: string;
  format: string;
  config?: string;
  configLookup: boolean;
  all?: boolean;
  dueSoon?: string;
}

export function parseTodayFlag(v: string | undefined): string {
  if (v === undefined) return localDay(new Date());
  const iso = todayFromInput(v);
  if (!iso) throw new CliError(`--today 应为日期 YYYY-MM-DD，例如 --today 2026-03-02，收到“${v}”`);
  return iso;
}

/** A draft read as `zwgk lint` reads it (bounded, decoded; a .docx/.html through its reader). */
function readDoc(abs: string): { doc?: ZwgkDocument; problem?: string } {
  if (isSourcePath(abs)) {
    const r = readSourceFile(abs);
    return r.kind === 'error' ? { problem: r.message } : { doc: new ZwgkDocument(r.src.text, abs, 'text') };
  }
  const r = readDraft(abs);
  if (r.kind === 'binary') return { problem: '是二进制文件' };
  if (r.kind === 'error') return { problem: r.message };
  return { doc: new ZwgkDocument(r.decoded.text, abs, formatOf(abs)) };
}

/** The ledger of the drafts `patterns` name (default: the working directory). */
export function ledgerFor(patterns: readonly string[], flags: ReportFlags, io: Io, today: string): Ledger {
  const cwd = path.resolve(io.cwd);
  const notice = (m: string) => io.stderr.write(`zwgk: ${m}\n`);
  const loader = new ConfigLoader({ rules: ALL_RULES, cwd, configFile: flags.config, lookup: flags.configLookup, onNotice: notice });
  const inputs = patterns.length ? patterns : ['.'];
  const found = expandInputs(inputs, { cwd, isIgnored: (p, isDir) => loader.isIgnored(p, isDir), onNotice: notice });
  if (found.unmatched.length) throw new CliError(`找不到文件，或没有与之匹配的 .md/.txt/.docx/.html 文件：${found.unmatched.map((u) => `“${u}”`).join('、')}`);
  const { files, skipped } = selectDrafts(found.files, found.named, { all: !!flags.all, governed: (f) => governedBy(loader.layersFor(path.dirname(f))) });
  const skippedText = skippedNotice(skipped, (f) => displayPath(f, cwd));
  if (skippedText) notice(skippedText);
  for (const f of files) loader.configFor(f); // a broken config stops the run before anything is written
  const roots = [cwd, ...inputs.map((i) => path.resolve(cwd, i)).filter((a) => { const r = path.relative(cwd, a); return r.startsWith('..') || path.isAbsolute(r); }).map((a) => (fs.existsSync(a) && fs.statSync(a).isDirectory() ? a : path.dirname(a)))];
  const ctx: RunContext = { rules: ALL_RULES, configFor: (f) => loader.configFor(f ?? path.join(cwd, '<stdin>')), fix: false, display: (f) => displayPath(f, cwd), notice, roots };
  const { index } = buildIndex(files, ctx, undefined, { keepDocs: false });
  const calendar = new Calendar(loader.configFor(path.join(cwd, '<report>')).calendar);
  const calendars = new Map<string, Calendar>();
  const ledgerInputs: LedgerInput[] = [];
  for (const f of files) {
    const { doc, problem } = readDoc(f);
    if (!doc) {
      notice(`${displayPath(f, cwd)} ${problem}，未列入台账`);
      continue;
    }
    const config = loader.configFor(f);
    const key = JSON.stringify(config.calendar);
    let cal = calendars.get(key);
    if (!cal) calendars.set(key, (cal = new Calendar(config.calendar)));
    let messages;
    try {
      messages = lintDocument(doc, { rules: ALL_RULES, config, index, calendar: cal });
    } catch (e) {
      notice(`${displayPath(f, cwd)} 检查出错（${(e as Error).message}），问题数未计入`);
    }
    ledgerInputs.push({ doc, config, messages });
  }
  const dueSoon = flags.dueSoon === undefined ? undefined : Number(flags.dueSoon);
  if (dueSoon !== undefined && (!Number.isInteger(dueSoon) || dueSoon < 0 || dueSoon > 60)) throw new CliError(`--due-soon 应为 0–60 的整数（工作日），收到“${flags.dueSoon}”`);
  return buildLedger(ledgerInputs, { index, calendar, today, dueSoonWorkdays: dueSoon });
}

export function reportCommand(patterns: string[], flags: ReportFlags, io: Io): number {
  const format = (flags.format ?? 'html').toLowerCase();
  if (format !== 'html' && format !== 'json') throw new CliError(`zwgk report 的 --format 只能是 html 或 json，收到“${flags.format}”`);
  const today = parseTodayFlag(flags.today);
  const cwd = path.resolve(io.cwd);
  const out = flags.out !== undefined ? path.resolve(cwd, flags.out) : undefined;
  if (out !== undefined) {
    if (!flags.out!.trim()) throw new CliError('--out 需要一个文件名，例如 --out 台账.html');
    if (fs.existsSync(out) && fs.statSync(out).isDirectory()) throw new CliError(`--out 指向的是文件夹：${flags.out}；请写文件名，例如 ${path.join(flags.out!, '台账.html')}`);
    if (!fs.existsSync(path.dirname(out))) throw new CliError(`--out 所在的文件夹不存在：${path.dirname(out)}`);
  } else if (format === 'html' && io.stdout.isTTY) {
    throw new CliError('请用 --out 指定 HTML 台账的文件名，例如：zwgk report drafts --out 台账.html');
  }
  const ledger = ledgerFor(patterns, flags, io, today);
  const body = redactPersonalData(format === 'json' ? JSON.stringify(ledger, null, 2) + '\n' : renderHtml(ledger, { cwd, version: VERSION }));
  if (out === undefined) {
    io.stdout.write(body);
    return 0;
  }
  try {
    // Written beside the target and renamed: a reader never sees half a report.
    const tmp = `${out}.${process.pid}.tmp`;
    try {
      fs.writeFileSync(tmp, body, 'utf8');
      fs.renameSync(tmp, out);
    } finally {
      fs.rmSync(tmp, { force: true });
    }
  } catch (e) {
    throw new CliError(`无法写入 ${flags.out}：${(e as Error).message}`);
  }
  const c = ledger.counts;
  io.stderr.write(`zwgk: 台账已写入 ${displayPath(out, cwd)}：${c.drafts} 份文稿，逾期 ${c.byState.late} 项，即将到期 ${c.byState['due-soon']} 项，缺少解读 ${c.missingInterpretation} 份（统计日期 ${today}）\n`);
  return 0;
}
