/**
 * `zwgk export FILE --to docx` — a Markdown or plain-text draft → a Word .docx laid out as a 公文
 * (GB/T 9704-2012), checked by reading it back (same text, metadata and zwgk messages).
 * `zwgk export FILE.docx|FILE.html --to text` — the text zwgk checks in a Word file or saved page (the
 * lines a .docx message's line numbers count).
 * Never overwrites a file unless --force; writes through a temporary file and a rename.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkDocxExport, exportDocx, sourceFormatOf } from '../../core';
import { CliError } from '../errors';
import { decode } from '../encoding';
import { ConfigLoader } from '../config-loader';
import { ALL_RULES } from '../../core';
import { readSourceFile } from '../sources';
import { writeFileAtomic } from '../write';
import { MAX_DRAFT_BYTES, readBounded, readProblem } from '../safe-read';
import type { Io } from '../io';

export interface ExportFlags {
  to: string;
  output?: string;
  force?: boolean;
}

function readDraftText(abs: string): string {
  // Regular files only, opened without blocking (a FIFO would hang the export), at most a draft's limit.
  const r = readBounded(abs, { maxBytes: MAX_DRAFT_BYTES });
  if (r.kind !== 'ok') throw new CliError(`无法读取 ${abs}：${readProblem(r)}`);
  const d = decode(r.bytes);
  if (d.kind !== 'text') throw new CliError(`${abs} ${d.kind === 'binary' ? '是二进制文件' : `无法识别编码：${d.reason}`}，未导出`);
  return d.text;
}

function writeOut(target: string, bytes: Uint8Array, force: boolean): void {
  const exists = fs.existsSync(target);
  if (exists && !force) throw new CliError(`${target} 已存在，未覆盖（要覆盖请加 --force）`);
  try {
    if (exists) {
      writeFileAtomic(target, bytes);
      return;
    }
    // A new file: written beside the target under a temporary name, then renamed into place.
    const tmp = path.join(path.dirname(target), `.${path.basename(target)}.zwgk-${process.pid}.tmp`);
    try {
      fs.writeFileSync(tmp, bytes, { flag: 'wx' });
      fs.renameSync(tmp, target);
    } finally {
      fs.rmSync(tmp, { force: true });
    }
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(`无法写入 ${target}：${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

export async function exportCommand(file: string, flags: ExportFlags, io: Io): Promise<number> {
  const abs = path.resolve(io.cwd, file);
  const to = flags.to.toLowerCase();
  if (to === 'text' || to === 'txt') {
    if (!sourceFormatOf(abs)) throw new CliError('--to text 用于 .docx 或 .html 文件：显示 zwgk 从中读出的文字');
    const r = readSourceFile(abs);
    if (r.kind === 'error') throw new CliError(`${file}：${r.message}`);
    for (const note of r.src.notes) io.stderr.write(`zwgk: ${note}\n`);
    const text = r.src.text.endsWith('\n') ? r.src.text : r.src.text + '\n';
    if (flags.output) writeOut(path.resolve(io.cwd, flags.output), Buffer.from(text, 'utf8'), !!flags.force);
    else io.stdout.write(text);
    return 0;
  }
  if (to !== 'docx') throw new CliError(`--to 只能是 docx 或 text，收到“${flags.to}”`);
  if (!/\.(md|txt)$/i.test(abs)) throw new CliError('导出为 Word 的文稿应为 .md 或 .txt 文件');
  const text = readDraftText(abs);
  const target = path.resolve(io.cwd, flags.output ?? abs.replace(/\.(md|txt)$/i, '.docx'));
  const bytes = await exportDocx(text, abs);
  const config = new ConfigLoader({ rules: ALL_RULES, cwd: io.cwd, lookup: true }).configFor(abs);
  const check = checkDocxExport(text, abs, bytes, { config });
  writeOut(target, bytes, !!flags.force);
  const shown = path.relative(io.cwd, target) || target;
  io.stderr.write(`zwgk: 已导出 ${shown}（A4，GB/T 9704-2012 版式；字体按名称引用，未嵌入）\n`);
  if (check.differences.length) {
    io.stderr.write(`zwgk: 回读检查发现 ${check.differences.length} 处不一致：\n${check.differences.slice(0, 20).map((d) => `  ${d}\n`).join('')}`);
    return 1;
  }
  io.stderr.write(`zwgk: 回读检查通过：正文 ${check.lines.read.length} 行、元数据 ${Object.keys(check.metadata.read).length} 项、检查结果 ${check.messages.read.length} 条与原稿一致\n`);
  return 0;
}
