/**
 * File-level problems the CLI itself reports (the core never sees these files). They are not rules in
 * the engine's sense — they cannot be configured — but they carry the same metadata so that every output
 * format and `zwgk explain` can describe them.
 */
import type { RuleMeta } from '../core';

export const FILE_UNREADABLE = 'file-unreadable';

export const fileUnreadable: RuleMeta = {
  id: FILE_UNREADABLE,
  title: '文件无法读取或无法识别编码',
  description: '文件无法读取（权限、I/O 错误），或编码无法可靠识别，或修复后的文本无法按原编码写回；该文件未检查或未修改。',
  category: '引擎',
  defaultSeverity: 'error',
  clauses: [{
    source: 'zwgk',
    id: '文件安全',
    summary: true,
    text: 'zwgk 只检查能可靠解码的文件（UTF-8、带 BOM 的 UTF-16、GB18030/GBK），只在能按原编码、原 BOM 和原换行符写回时修改文件；否则报告该文件，绝不改写。',
  }],
  rationale: '按错误的编码读写会把整份文稿变成乱码；宁可不检查，也不能损坏原文。',
  howToFix: '确认文件可读；用文本编辑器把文件另存为 UTF-8 后再检查。二进制文件（如 .doc、.pdf 改名而来）会被跳过。',
  fixable: false,
  examples: { fire: [], quiet: [] },
};

/** Metadata of the CLI's own file-level problems, by id. */
export const CLI_RULES: readonly RuleMeta[] = [fileUnreadable];
