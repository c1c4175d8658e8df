import type { Rule } from '../types';

/** Reported by the engine itself: unknown rule ids in `<!-- zwgk-disable … -->` comments. */
export const inlineConfigInvalid: Rule = {
  meta: {
    id: 'inline-config-invalid',
    title: '控制注释中的规则 id 无效',
    description: '<!-- zwgk-disable … --> 等控制注释里写了不存在的规则 id。',
    category: '引擎',
    defaultSeverity: 'warning',
    clauses: [{ source: 'zwgk', id: '控制注释', summary: true, text: '控制注释只能关闭已有的规则；写错的 id 不会关闭任何规则。' }],
    rationale: '控制注释里写错的规则 id 不会关闭任何规则：起草人以为某条提示已经关闭，实际上没有，发布前的检查结果就不可信。',
    howToFix: '改成 `zwgk rules` 列出的规则 id，或删除该注释。',
    detection: '由检查引擎报告：<!-- zwgk-disable … --> 等控制注释中不存在的规则 id。',
    fixable: false,
    examples: {
      fire: [{ title: '拼错的规则 id', text: '<!-- zwgk-disable-next-line personal-phon -->\n联系电话：13812345678\n' }],
      quiet: [{ title: '正确的规则 id', text: '<!-- zwgk-disable-next-line personal-phone -->\n联系电话：0898-68725613\n' }],
    },
  },
};
