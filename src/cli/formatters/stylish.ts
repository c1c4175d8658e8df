/**
 * Human-readable output, grouped by file:
 *
 *   drafts/通知.md
 *     3:8   错误  文号的年份应使用六角括号〔〕  doc-number-format
 *
 *   ✖ 1 个问题（1 个错误，0 个警告，0 个提示）
 */
import type { OutputFormat } from './types';
import { colors, displayPath, displayWidth, padEnd, SEVERITY_ZH } from '../text';

/** Control characters (from a draft's text) must not reach the terminal. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

function clean(s: string): string {
  return s.replace(/\r\n|\r|\n|\t/g, ' ').replace(CONTROL, '\ufffd');
}

const MAX_MESSAGE_PAD = 60;
/** Lines per piece of output. */
const CHUNK = 500;

export const stylish: OutputFormat = {
  begin: () => '',
  separator: () => '',
  *body(r, ctx) {
    if (!r.messages.length) return;
    const c = colors(ctx.color);
    const rows = r.messages.map((m) => ({
      // A .docx message is where Word shows it: a paragraph or table cell, with an excerpt below.
      loc: m.location?.format === 'docx' ? m.location.label : `${m.line}:${m.column}`,
      excerpt: m.location?.format === 'docx' ? m.location.excerpt : undefined,
      sev: SEVERITY_ZH[m.severity],
      severity: m.severity,
      msg: clean(m.message),
      rule: m.ruleId,
    }));
    let locW = 0;
    let msgW = 0;
    for (const x of rows) {
      locW = Math.max(locW, displayWidth(x.loc));
      msgW = Math.max(msgW, displayWidth(x.msg));
    }
    msgW = Math.min(MAX_MESSAGE_PAD, msgW);
    let out = c.underline(clean(displayPath(r.filePath, ctx.cwd)));
    for (let i = 0; i < rows.length; i++) {
      const x = rows[i];
      const sev = x.severity === 'error' ? c.red(x.sev) : x.severity === 'warning' ? c.yellow(x.sev) : c.cyan(x.sev);
      out += `\n  ${c.dim(padEnd(x.loc, locW))}  ${sev}  ${padEnd(x.msg, msgW)}  ${c.dim(x.rule)}`;
      if (x.excerpt) out += `\n  ${' '.repeat(locW)}  ${' '.repeat(displayWidth(x.sev))}  ${c.dim(`“${clean(x.excerpt)}”`)}`;
      if (i % CHUNK === CHUNK - 1) {
        yield out;
        out = '';
      }
    }
    yield out + '\n\n';
  },
  end(t, ctx) {
    const c = colors(ctx.color);
    const out: string[] = [];
    const total = t.errorCount + t.warningCount + t.infoCount;
    if (t.fixedCount) out.push(c.green(`✔ 已自动修复 ${t.fixedCount} 处（${t.fixedFiles} 个文件）`));
    if (total) {
      const line = `✖ ${total} 个问题（${t.errorCount} 个错误，${t.warningCount} 个警告，${t.infoCount} 个提示）`;
      out.push(t.errorCount ? c.red(c.bold(line)) : t.warningCount ? c.yellow(c.bold(line)) : c.bold(line));
      if (t.fixableCount && !ctx.fix) out.push(`  其中 ${t.fixableCount} 个可用 --fix 自动修复`);
    } else {
      out.push(c.green(`✔ 检查了 ${t.files} 个文件，没有发现问题`));
    }
    return out.join('\n') + '\n';
  },
};
