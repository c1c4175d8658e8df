/**
 * Department names replaced in the 2018–2019 机构改革 (old name → new name). This is DATA: regional, and
 * extendable per workspace with the `renamed-department` rule option `renames`
 * (`{ "市旅游委": "市旅游和文化广电体育局" }`; an empty string switches a built-in entry off).
 *
 * Sources: the seed (海口市2019年政务公开工作要点) names the new 海口 departments — 市卫健委,
 * 市生态环境局, 市自然资源和规划局, 市旅游和文化广电体育局, 市农业农村局 — and requirements.md §7 lists
 * what they replaced. The nationally uniform renames (卫生健康委员会, 生态环境局/厅, 农业农村局/厅) are
 * also applied with the 省 / 区 / 县 prefixes; the 海口-specific merges (自然资源和规划局,
 * 旅游和文化广电体育局, 市场监督管理局) only with 市 — other regions add their own through `renames`.
 */

export interface RenameEntry {
  /** The old name, without the level prefix (市/区/县/省). */
  old: string;
  /** The name that replaced it, without the level prefix. */
  new: string;
  /** Level prefixes the entry applies to. */
  levels: readonly ('省' | '市' | '区' | '县')[];
}

const CITY_COUNTY = ['市', '区', '县'] as const;
const ALL_LEVELS = ['省', '市', '区', '县'] as const;

export const DEPARTMENT_RENAMES: readonly RenameEntry[] = [
  // 卫生和计划生育委员会 → 卫生健康委员会 (national)
  { old: '卫计委', new: '卫健委', levels: ALL_LEVELS },
  { old: '卫生计生委', new: '卫生健康委', levels: ALL_LEVELS },
  { old: '卫生和计划生育委员会', new: '卫生健康委员会', levels: ALL_LEVELS },
  { old: '卫计局', new: '卫健局', levels: CITY_COUNTY },
  { old: '卫生和计划生育局', new: '卫生健康局', levels: CITY_COUNTY },
  // 环境保护 → 生态环境 (national)
  { old: '环保局', new: '生态环境局', levels: CITY_COUNTY },
  { old: '环境保护局', new: '生态环境局', levels: CITY_COUNTY },
  { old: '环保厅', new: '生态环境厅', levels: ['省'] },
  { old: '环境保护厅', new: '生态环境厅', levels: ['省'] },
  // 农业 → 农业农村 (national)
  { old: '农业局', new: '农业农村局', levels: CITY_COUNTY },
  { old: '农业厅', new: '农业农村厅', levels: ['省'] },
  // 海口: 国土资源 + 规划 → 自然资源和规划局 (seed; requirements.md §7)
  { old: '国土资源局', new: '自然资源和规划局', levels: ['市'] },
  { old: '国土局', new: '自然资源和规划局', levels: ['市'] },
  { old: '规划委', new: '自然资源和规划局', levels: ['市'] },
  { old: '规划委员会', new: '自然资源和规划局', levels: ['市'] },
  { old: '规划局', new: '自然资源和规划局', levels: ['市'] },
  // 海口: 旅游 + 文体 → 旅游和文化广电体育局 (seed; requirements.md §7)
  { old: '旅游委', new: '旅游和文化广电体育局', levels: ['市'] },
  { old: '旅游发展委员会', new: '旅游和文化广电体育局', levels: ['市'] },
  { old: '文体局', new: '旅游和文化广电体育局', levels: ['市'] },
  { old: '文化广电出版体育局', new: '旅游和文化广电体育局', levels: ['市'] },
  // 海口: 工商 + 质监 + 食药监 → 市场监督管理局. The seed names 市市场监督管理局 among the current city
  // departments (要点 一（三） 牵头单位); the three it replaced are the 2018 reform's market-regulation merge.
  // Only the 市 level: no source here names a district's 市场监督管理局.
  { old: '工商局', new: '市场监督管理局', levels: ['市'] },
  { old: '工商行政管理局', new: '市场监督管理局', levels: ['市'] },
  { old: '质监局', new: '市场监督管理局', levels: ['市'] },
  { old: '质量技术监督局', new: '市场监督管理局', levels: ['市'] },
  { old: '食药监局', new: '市场监督管理局', levels: ['市'] },
  { old: '食品药品监督管理局', new: '市场监督管理局', levels: ['市'] },
  // Not built in: 市安监局 → 市应急管理局. Neither the seed nor requirements.md names 海口's 应急管理局, so
  // it cannot be quoted as a 海口 rename here; add it in config (`renames`) where it applies.
];

/** National ministries and commissions renamed in the 2018 reform (no level prefix). */
export const NATIONAL_RENAMES: Readonly<Record<string, string>> = {
  国家卫计委: '国家卫健委',
  国家卫生计生委: '国家卫生健康委',
  国家卫生和计划生育委员会: '国家卫生健康委员会',
  环境保护部: '生态环境部',
  国土资源部: '自然资源部',
  国家旅游局: '文化和旅游部',
};

/** The built-in table, old → new, with level prefixes applied. */
export function builtinRenames(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of DEPARTMENT_RENAMES) for (const lvl of e.levels) out[lvl + e.old] = lvl + e.new;
  return { ...out, ...NATIONAL_RENAMES };
}

/**
 * The table a rule run uses: the built-in entries, then the configured ones (which override; an empty
 * new name removes the entry). Keys shorter than two characters are ignored (they would match anywhere).
 */
export function renameTable(extra: Record<string, unknown> | undefined): Map<string, string> {
  const table = new Map(Object.entries(builtinRenames()));
  for (const [k, v] of Object.entries(extra ?? {})) {
    const key = k.trim();
    if (key.length < 2) continue;
    if (typeof v !== 'string' || v.trim() === '') table.delete(key);
    else table.set(key, v.trim());
  }
  return table;
}
