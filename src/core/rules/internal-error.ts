import type { Rule } from '../types';

/** Reported by the engine when a rule throws: one message, and the other rules still run. */
export const internalError: Rule = {
  meta: {
    id: 'internal-error',
    title: '规则运行出错',
    description: '某条规则在检查这份文稿时出错；其他规则照常运行。',
    category: '引擎',
    defaultSeverity: 'error',
    clauses: [{ source: 'zwgk', id: '内部错误', summary: true, text: '规则出错不影响其他规则的检查结果；请把出错的文稿片段反馈给维护者。' }],
    rationale: '一条规则出错时，这份文稿的这项检查没有完成，结果不能当作“没有问题”；其他规则仍照常检查。',
    howToFix: '这是 zwgk 的问题，不是文稿的问题：请附上信息反馈。可临时在配置中关闭出错的规则。',
    detection: '某条规则检查时抛出异常，由检查引擎报告一条消息；其他规则照常运行。',
    fixable: false,
    examples: { fire: [], quiet: [] },
  },
};
