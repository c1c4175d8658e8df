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

/** Other spellings → canonical key. */
export const META_ALIASES: Record<string, MetaKey> = {
  名称: '标题',
  发文日期: '发布日期',
  发文字号: '文号',
  // The byline of county portals (real notice 08: “来源:五原县城管执法局 发布时间:2024-07-15 15:32”).
  来源: '发布机构',
  发布时间: '发布日期',
};

export const DATE_KEYS: readonly MetaKey[] = ['成文日期', '发布日期', '收到申请日期', '答复日期'];

export const DISCLOSURE_VALUES = ['主动公开', '依申请公开', '不予公开'] as const;

export function canonicalKey(raw: string): MetaKey | undefined {
  const k = raw.replace(/[\s\u3000]+/g, '');
  if ((META_KEYS as readonly string[]).includes(k)) return k as MetaKey;
  return META_ALIASES[k];
}

/** Spaces inside a key: portals pad short keys to the width of long ones (`名    称:`, `索 引 号:`). */
const SPACE = '[ \\t\\u3000]{0,8}';
const ALL_KEYS = [...META_KEYS, ...Object.keys(META_ALIASES)].sort((a, b) => b.length - a.length);

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
export function catalogueKeysIn(text: string, head = 4096): Set<MetaKey> {
  const keys = new Set<MetaKey>();
  for (const m of text.slice(0, head).matchAll(KEY_LINE_RE)) {
    const k = canonicalKey(m[1]);
    if (k) keys.add(k);
  }
  return keys;
}

/** True when at least `min` distinct known catalogue keys start lines near the top of `text`. */
export function hasCatalogueKeys(text: string, min = 2): boolean {
  return catalogueKeysIn(text).size >= min;
}
