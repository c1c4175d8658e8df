import type { Rule } from '../types';
import { CLAUSES } from '../clauses';
import { getField } from '../metadata';
import { docLinks, refRange } from '../links';
import type { LinkProblem } from '../workspace';
import { interpretationStatus, reportableLinkProblems } from '../interpretation-status';

function problemMessage(field: string, p: LinkProblem): string {
  switch (p.kind) {
    case 'outside-workspace':
      return `${field}“${p.ref}”指向工作区以外，不予跟随；请把该文件放进工作区，或改写为网址`;
    case 'self':
      return `${field}“${p.ref}”指向本文件自身`;
    default:
      return p.resolved
        ? `${field}“${p.ref}”找不到：工作区中没有这个文件`
        : `${field}“${p.ref}”找不到：工作区中没有这个标题的文稿`;
  }
}

/**
 * A policy needs its interpretation: a 规范性文件 / 政策文件 with no interpretation in the workspace, or a
 * `解读材料` / `解读对象` value that does not resolve or leaves the workspace.
 */
export const interpretationMissing: Rule = {
  meta: {
    id: 'interpretation-missing',
    title: '政策文件没有同步解读',
    description: '规范性文件、政策文件在工作区中找不到政策解读（“解读材料”链接、解读的“解读对象”、标题或文件名对应均无），或“解读材料”“解读对象”的链接找不到、指向工作区以外。',
    category: '解读',
    defaultSeverity: 'warning',
    clauses: [CLAUSES.yaodian_2_1, CLAUSES.suifu_2017_313_2, CLAUSES.guoban_2016_80_jiedu],
    rationale: '要点二（一）要求政策性文件与解读方案、解读材料同步组织、同步审签、同步部署。文件发布时没有解读，公众只能自己理解条文，容易误读政策；解读链接写错，等于没有解读。',
    howToFix: '起草对应的政策解读，并在政策文件元数据中写明“解读材料: 解读文件的相对路径”（或在解读中写“解读对象”）；链接找不到的，改正路径；解读已在网上发布的，写网址。',
    detection:
      '只检查确定是规范性文件或政策文件、形成于同步解读要求（国办发〔2016〕80号）以后的文稿；保存的门户页面不检查（解读可能发布在门户的其他位置）。' +
      '在工作区中按“解读材料”链接、解读的“解读对象”、与文件标题或文件名对应的解读（如“<文件名>-解读.md”、标题为《文件标题》解读）查找。' +
      '“解读材料”“解读对象”的链接找不到、指向本文件或指向工作区以外时也报告。没有工作区（单独检查一个文件）时只作提示。',
    fixable: false,
    examples: {
      fire: [
        {
          title: '工作区中没有这份规范性文件的解读',
          text: '---\n标题: 海口市市级储备粮管理办法\n文档类型: 规范性文件\n文号: 海府规〔2026〕3号\n起草单位: 海口市发展和改革委员会\n发布日期: 2026-03-05\n---\n\n# 海口市市级储备粮管理办法\n\n第一条 为加强市级储备粮管理，确保储备粮数量真实、质量良好、储存安全，制定本办法。\n',
          workspace: {
            '海口市2026年粮食安全工作要点.md': '---\n标题: 海口市2026年粮食安全工作要点\n发布日期: 2026-02-10\n---\n\n# 海口市2026年粮食安全工作要点\n',
          },
          count: 1,
        },
        {
          title: '“解读材料”指向的文件不存在',
          text: '---\n标题: 海口市市级储备粮管理办法\n文档类型: 规范性文件\n解读材料: 解读/储备粮管理办法解读.md\n---\n\n# 海口市市级储备粮管理办法\n',
          workspace: {
            '解读/《海口市城市绿化条例实施办法》解读.md': '---\n标题: 《海口市城市绿化条例实施办法》解读\n文档类型: 政策解读\n---\n\n# 《海口市城市绿化条例实施办法》解读\n',
          },
          count: 1,
        },
        {
          title: '“解读材料”指向工作区以外',
          text: '---\n标题: 海口市市级储备粮管理办法\n文档类型: 规范性文件\n解读材料: ../../共享盘/储备粮解读.md\n---\n\n# 海口市市级储备粮管理办法\n',
          workspace: { '通知.md': '# 关于做好2026年春节期间值班工作的通知\n' },
          count: 1,
        },
        {
          title: '单独检查（没有工作区）、也没有写“解读材料”：提示无法查找（info）',
          text: '# 海口市老旧小区改造资金管理办法\n\n第一条 为规范老旧小区改造资金管理，制定本办法。\n',
          count: 1,
        },
      ],
      quiet: [
        {
          title: '“解读材料”链接到工作区中的解读',
          text: '---\n标题: 海口市市级储备粮管理办法\n文档类型: 规范性文件\n解读材料: 解读/储备粮管理办法解读.md\n---\n\n# 海口市市级储备粮管理办法\n',
          workspace: {
            '解读/储备粮管理办法解读.md': '---\n标题: 《海口市市级储备粮管理办法》政策解读\n文档类型: 政策解读\n---\n\n# 《海口市市级储备粮管理办法》政策解读\n',
          },
        },
        {
          title: '没有链接，按标题对应到解读（关于印发…的通知 也能对应）',
          text: '---\n标题: 海口市人民政府关于印发海口市市级储备粮管理办法的通知\n文档类型: 规范性文件\n---\n\n# 海口市人民政府关于印发海口市市级储备粮管理办法的通知\n',
          workspace: {
            '解读.md': '---\n标题: 关于《海口市市级储备粮管理办法》的解读\n---\n\n# 关于《海口市市级储备粮管理办法》的解读\n',
          },
        },
        {
          title: '没有链接，按文件名对应（同一文件夹中的“<文件名>-解读.md”）',
          filename: '海口市市级储备粮管理办法.md',
          text: '---\n标题: 海口市市级储备粮管理办法\n文档类型: 规范性文件\n---\n\n# 海口市市级储备粮管理办法\n',
          workspace: {
            '海口市市级储备粮管理办法-解读.md': '---\n标题: 市级储备粮管理十问十答\n---\n\n# 市级储备粮管理十问十答\n',
          },
        },
        {
          title: '解读已在网上发布，“解读材料”写网址',
          text: '---\n标题: 海口市市级储备粮管理办法\n文档类型: 规范性文件\n解读材料: https://www.haikou.gov.cn/xxgk/zcjd/202603/t20260305_1234567.html\n---\n\n# 海口市市级储备粮管理办法\n',
          workspace: { '通知.md': '# 关于做好2026年春节期间值班工作的通知\n' },
        },
        {
          title: '不是政策文件（工作通知）',
          text: '---\n标题: 关于做好2026年春节期间值班工作的通知\n---\n\n# 关于做好2026年春节期间值班工作的通知\n',
          workspace: { '值班表.md': '# 2026年春节值班表\n' },
        },
      ],
    },
  },
  check(ctx) {
    const { doc } = ctx;
    const links = docLinks(doc, ctx.index);
    const field = getField(doc.metadata, links.field);
    const titleRange = doc.title ? { start: doc.title.start, end: doc.title.end } : { start: doc.bodyStart, end: doc.bodyStart };

    // Link values that cannot be followed (on policies and interpretations alike). Without a workspace,
    // nothing can be found, so only the workspace bound is checked.
    for (const p of reportableLinkProblems(links)) {
      const range = field ? refRange(doc, field, p.ref) : titleRange;
      ctx.report({ ...range, message: problemMessage(links.field, p), data: { ref: p.ref, kind: p.kind, resolved: p.resolved } });
    }

    // What is decided about the policy (shared with the 台账): interpretation-status.ts.
    const status = interpretationStatus(doc, links);
    if (status !== 'missing' && status !== 'no-workspace') return;
    const kind = doc.type.value;
    const inferred = doc.type.inferred ? `（文档类型由标题推断为“${kind}”；如不是，请在元数据中写明“文档类型”）` : '';
    const range = field && field.end > field.start ? { start: field.start, end: field.end } : field ? { start: field.keyStart, end: field.keyEnd } : titleRange;
    if (status === 'no-workspace') {
      ctx.report({
        ...range, severity: 'info',
        message: `无法查找本${kind}的政策解读：没有可检查的工作区${inferred}；请在元数据“解读材料”中写明解读的相对路径，或在工作区中检查`,
      });
      return;
    }
    ctx.report({
      ...range,
      message: `补写政策解读并在元数据“解读材料”中写明：没有找到本${kind}的政策解读${inferred}，工作区中也没有标题或文件名与之对应的解读`,
    });
  },
};
