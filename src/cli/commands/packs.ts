/**
 * `zwgk packs list` — the wording packs that apply here (the default packs and the packs the config
 * names), entry by entry; `zwgk packs test [FILE…]` — runs the examples of the given pack files (default:
 * every pack that applies) as tests: exit 0 when all pass, 1 when one fails, 2 when a pack is invalid.
 */
import * as path from 'node:path';
import { ALL_RULES, DEFAULT_PACKS, getRule, runPackExamples, type Pack } from '../../core';
import { ConfigLoader } from '../config-loader';
import { CliError } from '../errors';
import { readPackFile } from '../packs';
import { colors, useColor } from '../text';
import type { Io } from '../io';

export interface PacksFlags {
  format: string;
  config?: string;
  configLookup: boolean;
}

/** The default packs, then the packs the config of the working directory names. */
function packsHere(io: Io, flags: PacksFlags): readonly Pack[] {
  const cwd = path.resolve(io.cwd);
  const loader = new ConfigLoader({ rules: ALL_RULES, cwd, configFile: flags.config, lookup: flags.configLookup });
  return [...DEFAULT_PACKS, ...loader.configFor(path.join(cwd, '<packs>')).packs];
}

function wrongForms(e: Pack['entries'][number]): string {
  return [...e.wrong, ...e.pattern].join('、');
}

export function packsListCommand(flags: PacksFlags, io: Io): number {
  const packs = packsHere(io, flags);
  if (flags.format === 'json') {
    io.stdout.write(JSON.stringify(packs.map((p) => ({
      id: p.id, title: p.title, file: p.file, builtin: !!p.builtin, level: p.level ?? 'warning',
      entries: p.entries.map((e) => ({ id: e.id, wrong: e.wrong, pattern: e.pattern, right: e.right, level: e.level ?? p.level ?? 'warning', source: e.source ?? p.source })),
      citations: p.citations.map((c) => ({ id: c.id, title: c.title, versions: c.versions })),
    })), null, 2) + '\n');
    return 0;
  }
  if (flags.format !== 'stylish') throw new CliError(`zwgk packs list 的 --format 只能是 stylish 或 json，收到“${flags.format}”`);
  const c = colors(useColor(io.stdout.isTTY, io.env));
  const out: string[] = [];
  for (const p of packs) {
    out.push(c.bold(`${p.title}（${p.id}）`) + c.dim(`  ${p.builtin ? '内置' : p.file}，${p.entries.length + p.citations.length} 条`));
    for (const e of p.entries) {
      out.push(`  ${e.id}  ${wrongForms(e)}${e.right !== undefined ? ` → ${e.right}` : ''}  ${c.dim((e.source ?? p.source)?.title ?? '')}`);
    }
    for (const ct of p.citations) {
      out.push(`  ${ct.id}  《${ct.title}》${ct.versions.map((v) => `${v.version}（${v.from} 起）`).join(' → ')}`);
    }
    out.push('');
  }
  out.push('级别在配置中调整：{ "rules": { "wording": { "levels": { "词库id": "off", "词库id/词条id": "info" } } } }');
  io.stdout.write(out.join('\n') + '\n');
  return 0;
}

export function packsTestCommand(files: string[], flags: PacksFlags, io: Io): number {
  const rule = getRule('wording')!;
  const c = colors(useColor(io.stdout.isTTY, io.env));
  let packs: readonly Pack[];
  if (files.length) {
    const loaded: Pack[] = [];
    const problems: string[] = [];
    for (const f of files) {
      const abs = path.resolve(io.cwd, f);
      const { pack, errors } = readPackFile(abs, f);
      if (pack) loaded.push(pack);
      problems.push(...errors);
    }
    if (problems.length) {
      io.stderr.write(`zwgk: 词库无效：\n${problems.map((p) => `  ${p}`).join('\n')}\n`);
      return 2;
    }
    packs = loaded;
  } else packs = packsHere(io, flags);
  let failed = 0;
  let total = 0;
  const json: unknown[] = [];
  const out: string[] = [];
  for (const p of packs) {
    const r = runPackExamples(p, rule);
    total += r.total;
    failed += r.failures.length;
    json.push({ id: p.id, file: p.file, total: r.total, failures: r.failures });
    if (r.failures.length === 0) out.push(`${c.green('✓')} ${p.title}（${p.file}）：${r.total} 个示例全部通过`);
    else {
      out.push(`${c.red('✗')} ${p.title}（${p.file}）：${r.total} 个示例中 ${r.failures.length} 个不符合`);
      for (const f of r.failures) out.push(`    词条“${f.entry}”${f.kind === 'fire' ? '应报告' : '不应报告'}的第 ${f.number} 个示例“${f.text}”：${f.problem}`);
    }
  }
  if (flags.format === 'json') io.stdout.write(JSON.stringify(json, null, 2) + '\n');
  else io.stdout.write(out.join('\n') + `\n\n${failed ? c.red(`${failed} 个示例不符合`) : c.green('全部通过')}（共 ${total} 个示例）\n`);
  return failed ? 1 : 0;
}
