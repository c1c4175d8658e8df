import type { Rule } from '../types';
import { CLAUSES } from '../clauses';

/** Broken YAML front matter is reported on its line; the other rules still run on the body. */
export const frontMatterInvalid: Rule = {
  meta: {
    id: 'front-matter-invalid',
    title: '前置元数据格式错误',
    description: 'YAML 前置元数据（--- … ---）无法解析或没有结束行时，在出错的行报告，其他规则照常检查正文。',
    category: '引擎',
    defaultSeverity: 'error',
    clauses: [CLAUSES.mulu_zhiyin],
    rationale: '前置元数据（标题、索引号、公开属性等）读不出来时，目录无法编入这条信息，依赖元数据的检查（期限、必备元数据、脱敏等）也都无法进行，问题会被漏掉。',
    howToFix: '按“键: 值”修正出错的行（消息说明了原因）：每个键值写在一行，值中含冒号时用引号括起，各行从同一列开始、不用 Tab 缩进；以单独一行“---”结束。',
    detection: 'YAML 前置元数据（--- … ---）无法解析或缺少结束行时，在出错的行报告；其他规则仍照常检查正文。',
    fixable: false,
    examples: {
      fire: [
        { title: '冒号后的值里又有未加引号的冒号', text: '---\n标题: 关于: 印发\n  错误缩进: x\n---\n\n# 正文\n' },
        { title: '没有结束行', text: '---\n标题: 某某通知\n\n# 正文\n' },
      ],
      quiet: [
        { title: '正确的前置元数据', text: '---\n标题: 海口市某某办法\n发布日期: 2026-03-02\n---\n\n# 海口市某某办法\n' },
      ],
    },
  },
  check(ctx) {
    for (const p of ctx.doc.metadata.problems) ctx.report({ start: p.start, end: p.end, message: p.message });
  },
};
