/** `zwgk explain <rule-id>` — what a rule checks, the clause that requires it, how to fix it, examples. */
import { ALL_RULES, getRule, type RuleMeta, type RuleExample } from '../../core';
import { CLI_RULES } from '../file-rules';
import { CliError } from '../errors';
import { suggestion } from '../suggest';
import { colors, useColor } from '../text';
import { ruleJson } from './rules';
import type { Io } from '../io';

function indent(text: string, prefix = '    '): string {
  return text.replace(/\n$/, '').split(/\r\n|\r|\n/).map((l) => prefix + l).join('\n');
}

function example(ex: RuleExample, c: ReturnType<typeof colors>): string[] {
  const out = [`  ${c.bold(ex.title)}${ex.filename ? c.dim(`（${ex.filename}）`) : ''}`, indent(ex.text)];
  if (ex.fixed !== undefined) out.push(`  ${c.dim('修复后：')}`, indent(ex.fixed));
  return out;
}

export function explainCommand(id: string, flags: { format: string }, io: Io): number {
  const meta: RuleMeta | undefined = getRule(id)?.meta ?? CLI_RULES.find((r) => r.id === id);
  if (!meta) {
    const ids = [...ALL_RULES.map((r) => r.meta.id), ...CLI_RULES.map((r) => r.id)];
    throw new CliError(`未知的规则 id “${id}”${suggestion(id, ids)}（用 zwgk rules 查看所有规则）`);
  }
  if (flags.format === 'json') {
    io.stdout.write(JSON.stringify({ ...ruleJson(meta), rationale: meta.rationale, howToFix: meta.howToFix, ...(meta.detection ? { detection: meta.detection } : {}), options: meta.options ?? {}, examples: meta.examples }, null, 2) + '\n');
    return 0;
  }
  if (flags.format !== 'stylish') throw new CliError(`zwgk explain 的 --format 只能是 stylish 或 json，收到“${flags.format}”`);
  const c = colors(useColor(io.stdout.isTTY, io.env));
  const out: string[] = [];
  out.push(`${c.bold(meta.id)} — ${meta.title}`, '', meta.description, '');
  out.push(`类别：${meta.category}    默认严重程度：${meta.defaultSeverity}    可自动修复：${meta.fixable ? '是（zwgk lint --fix）' : '否'}`, '');
  out.push(c.bold('依据'));
  for (const cl of meta.clauses) {
    out.push(`  ${cl.source}${cl.id ? ` ${cl.id}` : ''}${cl.summary ? c.dim('（摘要，非原文）') : ''}`);
    out.push(indent(cl.text, '  > '));
    out.push('');
  }
  out.push(c.bold('为什么'), indent(meta.rationale, '  '), '');
  out.push(c.bold('如何修改'), indent(meta.howToFix, '  '), '');
  if (meta.detection) out.push(c.bold('检测方法'), indent(meta.detection, '  '), '');
  if (meta.options && Object.keys(meta.options).length) {
    out.push(c.bold('选项'));
    for (const [key, schema] of Object.entries(meta.options)) {
      const desc = (schema as { description?: string }).description ?? '';
      const def = meta.defaultOptions?.[key];
      out.push(`  ${key}${desc ? `：${desc}` : ''}${def !== undefined ? c.dim(`（默认 ${JSON.stringify(def)}）`) : ''}`);
    }
    out.push('');
  }
  const fire = meta.examples.fire.slice(0, 2);
  const quiet = meta.examples.quiet.slice(0, 1);
  if (fire.length) {
    out.push(c.bold('会报告的写法'));
    for (const ex of fire) out.push(...example(ex, c), '');
  }
  if (quiet.length) {
    out.push(c.bold('不会报告的写法'));
    for (const ex of quiet) out.push(...example(ex, c), '');
  }
  if (getRule(id)) out.push(c.dim(`文档：docs/rules/${meta.id}.md    在文稿中关闭：<!-- zwgk-disable-next-line ${meta.id} -->`));
  io.stdout.write(out.join('\n') + '\n');
  return 0;
}
