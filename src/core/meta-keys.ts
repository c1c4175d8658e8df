/**
 * The catalogue keys zwgk knows and a cheap test for them — no parser, no dependencies, so the VS Code
 * extension and the language server can ask "does this look like a draft?" without the engine.
 */

/** Keys the checker knows, canonical form. */
export const META_KEYS = [
  '标题', '文档类型', '索引号', '分类', '发布机构', '起草单位', '文号', '成文日期', '发布日期', '公开属性',
  '不予公开理由', '主题词', '解读材料', '解读对象', '机关层级', '报告年度', '征求意见期限', '收到申请日期',
  '答复日期', '延期答复',
] as const;
export type MetaKey = (typeof META_KEYS)[number];

/**
 * Keys read from portal pages only (not offered in templates or completion): the page's own 公文种类 /
 * 体裁分类, which says what kind of 公文 it is, and its 有效性 (有效 / 失效 / 废止).
 */
export const PAGE_KEYS = ['文种', '有效性'] as const;
export type PageKey = (typeof PAGE_KEYS)[number];
/** Every key the readers know: what drafts write (META_KEYS) and what portal pages print (PAGE_KEYS). */
export type CatalogueKey = MetaKey | PageKey;

/**
 * Other spellings → canonical key, as portals print them (gov.cn: 标题/发文机关/发文字号/主题分类/公文种类/
 * 成文日期/发布日期; provincial and county portals: 名称/发文机构/信息来源/生成日期/公开方式/…). Where one
 * portal label could mean two things the reading that keeps the rules quiet wins: 发文日期 is the date a
 * page was put online on the Haikou portal (the seed: 发文日期 2019年06月24日 under a 落款 of 6月21日), so it
 * is a 发布日期; 生成日期 is the 条例 第十二条 “生成日期” of the catalogue entry, the date the information
 * was formed — a 成文日期.
 */
export const META_ALIASES: Record<string, CatalogueKey> = {
  名称: '标题', 文件名称: '标题', 信息名称: '标题', 文件标题: '标题', 公文标题: '标题', 题名: '标题',
  索引: '索引号', 信息索引号: '索引号', 内容索引号: '索引号',
  主题分类: '分类', 信息分类: '分类', 组配分类: '分类', 所属分类: '分类', 目录分类: '分类', 公开目录: '分类', 信息类别: '分类', 所属类别: '分类', 所属主题: '分类',
  公文种类: '文种', 体裁分类: '文种', 公文类别: '文种', 文件类型: '文种', 体裁: '文种',
  发文机关: '发布机构', 发布机关: '发布机构', 发文机构: '发布机构', 发文单位: '发布机构', 发布单位: '发布机构', 发布部门: '发布机构', 责任部门: '发布机构', 制发机关: '发布机构',
  // The byline of county portals (real notice 08: “来源:五原县城管执法局 发布时间:2024-07-15 15:32”).
  来源: '发布机构', 信息来源: '发布机构', 来源单位: '发布机构',
  起草部门: '起草单位', 起草机关: '起草单位',
  发文字号: '文号', 字号: '文号', 文件编号: '文号', 发文号: '文号', 文件字号: '文号',
  生成日期: '成文日期', 公文生成日期: '成文日期', 印发日期: '成文日期', 成文时间: '成文日期', 形成日期: '成文日期',
  发文日期: '发布日期', 发布时间: '发布日期', 公开日期: '发布日期', 公开时间: '发布日期', 上网日期: '发布日期', 发布日: '发布日期',
  关键词: '主题词', 关键字: '主题词',
  公开方式: '公开属性', 公开类型: '公开属性', 公开形式: '公开属性',
  效力状态: '有效性', 时效性: '有效性',
};

/**
 * Labels ordinary notes use as well (来源：, 关键词：, 字号：): read as catalogue keys inside a header, but
 * never counted when deciding from a file's first lines whether it is a draft at all.
 */
const WEAK_LABELS = new Set(['来源', '信息来源', '来源单位', '关键词', '关键字', '字号', '体裁', '索引', '题名', '发布日', '公开形式', '公开类型', '文件类型', '所属主题', '所属类别', '信息类别']);

export const DATE_KEYS: readonly CatalogueKey[] = ['成文日期', '发布日期', '收到申请日期', '答复日期'];

export const DISCLOSURE_VALUES = ['主动公开', '依申请公开', '不予公开'] as const;

export function canonicalKey(raw: string): CatalogueKey | undefined {
  const k = raw.replace(/[\s\u3000]+/g, '');
  if ((META_KEYS as readonly string[]).includes(k) || (PAGE_KEYS as readonly string[]).includes(k)) return k as CatalogueKey;
  return Object.prototype.hasOwnProperty.call(META_ALIASES, k) ? META_ALIASES[k] : undefined;
}

/** Spaces inside a key: portals pad short keys to the width of long ones (`名    称:`, `索 引 号:`). */
const SPACE = '[ \\t\\u3000]{0,8}';
const ALL_KEYS = [...META_KEYS, ...PAGE_KEYS, ...Object.keys(META_ALIASES)].sort((a, b) => b.length - a.length);

/**
 * Regex source of one known key (canonical or alias, spaces allowed between its characters) followed by
 * `:` or `：`; group 1 is the key as written. Linear time (bounded quantifiers). The language server and
 * the extension share it through `hasCatalogueKeys` rather than keeping copies.
 */
export const HEADER_KEY_PATTERN = `(${ALL_KEYS.map((k) => [...k].join(SPACE)).join('|')})${SPACE}[:：]`;

const KEY_LINE_RE = new RegExp(`^[ \\t\\u3000]{0,4}${HEADER_KEY_PATTERN}`, 'gm');

/**
 * The known catalogue keys (canonical) that start a line within the first `head` characters — front matter
 * or a portal header. Cheap: no document model.
 */
export function catalogueKeysIn(text: string, head = 4096): Set<CatalogueKey> {
  const keys = new Set<CatalogueKey>();
  for (const m of text.slice(0, head).matchAll(KEY_LINE_RE)) {
    if (WEAK_LABELS.has(m[1].replace(/[\s\u3000]+/g, ''))) continue;
    const k = canonicalKey(m[1]);
    if (k) keys.add(k);
  }
  return keys;
}

/** True when at least `min` distinct known catalogue keys start lines near the top of `text`. */
export function hasCatalogueKeys(text: string, min = 2): boolean {
  return catalogueKeysIn(text).size >= min;
}
