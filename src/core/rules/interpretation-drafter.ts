import type { Rule } from '../types';
import { CLAUSES } from '../clauses';
import { getField, type MetaField } from '../metadata';
import { docLinks, titleOf } from '../links';
import { sameUnit, isGovernmentIssuer } from '../util/units';

type UnitKey = '起草单位' | '发布机构';

/**
 * The unit responsible for a draft: its 起草单位, else its 发布机构 — unless that is a government or its
 * general office, which issues what departments draft (穗府办函〔2017〕313号 第二条): then it is unknown.
 */
function unitOf(get: (k: UnitKey) => string | undefined): { key: UnitKey; value: string } | undefined {
  const drafter = get('起草单位')?.trim();
  if (drafter) return { key: '起草单位', value: drafter };
  const issuer = get('发布机构')?.trim();
  if (issuer && !isGovernmentIssuer(issuer)) return { key: '发布机构', value: issuer };
  return undefined;
}

/** 谁起草谁解读: the interpretation comes from the unit that drafted the policy. */
export const interpretationDrafter: Rule = {
  meta: {
    id: 'interpretation-drafter',
    title: '解读不是由起草单位作出（谁起草谁解读）',
    description: '政策解读的起草单位（没有时看发布机构）与政策文件的起草单位（没有时看发布机构）不是同一单位；在政策文件和解读两边都报告。',
    category: '解读',
    defaultSeverity: 'warning',
    clauses: [CLAUSES.yaodian_2_1, CLAUSES.suifu_2017_313_2, CLAUSES.guoban_2016_80_jiedu],
    rationale: '“谁起草谁解读”（要点二（一））：文件起草单位最了解政策的来龙去脉，是政策解读的责任主体。由别的单位解读，口径容易与文件不一致，公众咨询时也找不到负责解释的单位。',
    howToFix: '由政策文件的起草单位（联合起草的由牵头单位）起草解读，并在解读元数据中写明“起草单位”；两边写法不同但是同一单位的，统一写法。',
    detection:
      '比较政策文件与其解读的“起草单位”，没有时比较“发布机构”；在政策文件和解读两边都报告。' +
      '以市政府或办公厅名义印发的文件由部门起草，发布机构不能说明起草单位，这时不比较，需在元数据中写明实际“起草单位”。',
    fixable: false,
    examples: {
      fire: [
        {
          title: '在解读上检查：解读由另一部门起草',
          text: '---\n标题: 《海口市既有住宅增设电梯管理办法》政策解读\n文档类型: 政策解读\n起草单位: 海口市自然资源和规划局\n---\n\n# 《海口市既有住宅增设电梯管理办法》政策解读\n',
          workspace: {
            '海口市既有住宅增设电梯管理办法.md': '---\n标题: 海口市既有住宅增设电梯管理办法\n文档类型: 规范性文件\n起草单位: 海口市住房和城乡建设局\n发布机构: 海口市人民政府办公室\n---\n\n# 海口市既有住宅增设电梯管理办法\n',
          },
          count: 1,
        },
        {
          title: '在政策文件上检查：解读的发布机构不是起草单位',
          text: '---\n标题: 海口市市级储备粮管理办法\n文档类型: 规范性文件\n起草单位: 海口市发展和改革委员会\n解读材料: 储备粮解读.md\n---\n\n# 海口市市级储备粮管理办法\n',
          workspace: {
            '储备粮解读.md': '---\n标题: 《海口市市级储备粮管理办法》政策解读\n文档类型: 政策解读\n发布机构: 海口市财政局\n---\n\n# 《海口市市级储备粮管理办法》政策解读\n',
          },
          count: 1,
        },
      ],
      quiet: [
        {
          title: '同一单位的不同写法（海口市发展和改革委员会 = 市发展改革委）',
          text: '---\n标题: 《海口市市级储备粮管理办法》政策解读\n文档类型: 政策解读\n起草单位: 市发展改革委\n---\n\n# 《海口市市级储备粮管理办法》政策解读\n',
          workspace: {
            '海口市市级储备粮管理办法.md': '---\n标题: 海口市市级储备粮管理办法\n文档类型: 规范性文件\n起草单位: 海口市发展和改革委员会\n---\n\n# 海口市市级储备粮管理办法\n',
          },
        },
        {
          title: '以市政府名义印发、未写起草单位：不知道由谁起草，不报告',
          text: '---\n标题: 《海口市老旧小区改造资金管理办法》解读\n文档类型: 政策解读\n发布机构: 海口市财政局\n---\n\n# 《海口市老旧小区改造资金管理办法》解读\n',
          workspace: {
            '海口市老旧小区改造资金管理办法.md': '---\n标题: 海口市老旧小区改造资金管理办法\n文档类型: 规范性文件\n发布机构: 海口市人民政府\n---\n\n# 海口市老旧小区改造资金管理办法\n',
          },
        },
        {
          title: '联合起草，由其中一家（牵头单位）解读',
          text: '---\n标题: 《海口市稳岗就业补贴实施办法》政策解读\n文档类型: 政策解读\n起草单位: 海口市人社局\n---\n\n# 《海口市稳岗就业补贴实施办法》政策解读\n',
          workspace: {
            '海口市稳岗就业补贴实施办法.md': '---\n标题: 海口市稳岗就业补贴实施办法\n文档类型: 规范性文件\n起草单位: 海口市人力资源和社会保障局、海口市财政局\n---\n\n# 海口市稳岗就业补贴实施办法\n',
          },
        },
        {
          title: '没有找到对应的政策文件',
          text: '---\n标题: 《海口市市级储备粮管理办法》政策解读\n文档类型: 政策解读\n起草单位: 海口市财政局\n---\n\n# 《海口市市级储备粮管理办法》政策解读\n',
          workspace: { '通知.md': '# 关于做好2026年春节期间值班工作的通知\n' },
        },
      ],
    },
  },
  check(ctx) {
    const { doc } = ctx;
    const links = docLinks(doc, ctx.index);
    if (links.linked.length === 0) return;
    const own = unitOf((k) => getField(doc.metadata, k)?.value);
    if (!own) return;
    const field = getField(doc.metadata, own.key) as MetaField;
    const isPolicy = links.role === 'policy';
    for (const l of links.linked) {
      const other = unitOf((k) => l.draft.metadata[k]);
      if (!other || sameUnit(own.value, other.value)) continue;
      const t = titleOf(l.draft);
      const message = isPolicy
        ? `应由本文件的${own.key}“${own.value}”解读（谁起草谁解读）：政策解读${t}的${other.key}是“${other.value}”`
        : `应由政策文件${t}的${other.key}“${other.value}”解读（谁起草谁解读）：本解读的${own.key}是“${own.value}”`;
      ctx.report({ start: field.start, end: field.end, message, data: { other: l.draft.path, ownUnit: own.value, otherUnit: other.value } });
    }
  },
};
