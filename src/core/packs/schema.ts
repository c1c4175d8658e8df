/**
 * The JSON Schema of a wording pack file (YAML). The one description of the format: `parsePack`
 * validates against it, `npm run generate` writes it to schemas/zwgk-pack.schema.json for completion and
 * validation in the editor. Descriptions are Chinese: pack files are written by policy staff.
 */
export const PACK_SCHEMA_ID = 'https://zwgk.dev/schemas/zwgk-pack.schema.json';

const ID = { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,63}$' };
const DATE = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' };
const LEVEL = { type: 'string', enum: ['error', 'warning', 'info', 'off'] };
const STRINGS = (description: string, itemDescription?: string) => ({
  description,
  oneOf: [
    { type: 'string', minLength: 1, ...(itemDescription ? { description: itemDescription } : {}) },
    { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1, maxItems: 200 },
  ],
});

const SOURCE = {
  type: 'object',
  description: '依据：出处的名称，最好带网址；有条文原文时写在 quote 中（必须是原文，不能改写）',
  properties: {
    title: { type: 'string', minLength: 2, description: '出处名称，如 GF 1001-2001《第一批异形词整理表》' },
    url: { type: 'string', pattern: '^https?://', description: '出处网址' },
    clause: { type: 'string', description: '条款或条目，如 第十五条、“成分—成份”' },
    quote: { type: 'string', description: '条文原文（逐字引用）；没有原文时不写，消息说明会作为摘要显示' },
  },
  required: ['title'],
  additionalProperties: false,
};

const EXAMPLE = {
  description: '示例：一句话，或 { text, date, fixed }',
  oneOf: [
    { type: 'string', minLength: 1 },
    {
      type: 'object',
      properties: {
        text: { type: 'string', minLength: 1, description: '示例文字' },
        date: { ...DATE, description: '示例文件的成文日期（YYYY-MM-DD），用于有 dated 条件的词条' },
        fixed: { type: 'string', description: '自动修复后应得到的文字（仅用于 fire 示例）' },
      },
      required: ['text'],
      additionalProperties: false,
    },
  ],
};

const EXAMPLES = {
  type: 'object',
  description: '示例，也是测试（zwgk packs test）：fire 中每条都必须报告，quiet 中每条都不能报告',
  properties: {
    fire: { type: 'array', items: EXAMPLE, minItems: 1, description: '必须报告的示例' },
    quiet: { type: 'array', items: EXAMPLE, minItems: 1, description: '不能报告的示例（容易误报的正确写法）' },
  },
  required: ['fire', 'quiet'],
  additionalProperties: false,
};

const CONTEXT = (what: string) => STRINGS(
  `${what}：文字，或 {数字} {日期} {汉字} {标点} {字母}（可以混合列出）`,
);

const WHEN = {
  type: 'object',
  description: '上下文条件：全部满足时才报告',
  properties: {
    followedBy: CONTEXT('紧接在后面的必须是其中之一'),
    notFollowedBy: CONTEXT('紧接在后面的不能是其中之一'),
    precededBy: CONTEXT('紧挨在前面的必须是其中之一'),
    notPrecededBy: CONTEXT('紧挨在前面的不能是其中之一'),
    unlessSentence: STRINGS('所在句子中出现其中任何一个词时不报告（如叙述沿革的“修订”“原”）'),
    dated: {
      type: 'object',
      description: '只检查成文日期（没有时用发布日期）在此范围内的文件；没有日期的文件不检查',
      properties: { from: { ...DATE, description: '不早于此日期' }, before: { ...DATE, description: '早于此日期' } },
      additionalProperties: false,
      minProperties: 1,
    },
    inTitles: { type: 'boolean', description: '为 true 时书名号《》内也检查（默认不检查：引用的标题须照原样）' },
  },
  additionalProperties: false,
};

const ENTRY = {
  type: 'object',
  description: '一个词条：错误写法、正确写法、说明、级别、依据与示例',
  properties: {
    id: { ...ID, description: '词条 id（小写字母、数字、连字符），在词库中唯一，用于配置和控制注释' },
    wrong: STRINGS('错误写法（照字面匹配）'),
    pattern: STRINGS('错误写法的有限模式：[，,] 字符类、(甲|乙) 选项、? 可省略、{1,3} 重复次数；不支持 . * +'),
    right: { type: 'string', minLength: 1, description: '正确写法；模式中的选项可用 $1…$9 引用' },
    message: { type: 'string', minLength: 2, description: '提示（中文）；可用 {wrong} {right} {date}；默认““{wrong}”应为“{right}””' },
    level: { ...LEVEL, description: '级别（默认用词库的 level）' },
    fix: { type: 'boolean', description: '是否提供自动修复（有 right 时默认 true）' },
    source: SOURCE,
    when: WHEN,
    examples: EXAMPLES,
  },
  required: ['id', 'examples'],
  additionalProperties: false,
};

const VERSION = {
  type: 'object',
  description: '法规的一个版本',
  properties: {
    version: { type: 'string', minLength: 2, description: '版本名称，如 2019年修订（国务院令第711号）' },
    cite: STRINGS('引用这一版本时的写法（照字面），如 国务院令第711号'),
    from: { ...DATE, description: '施行日期（YYYY-MM-DD）' },
    source: SOURCE,
  },
  required: ['version', 'cite', 'from', 'source'],
  additionalProperties: false,
};

const CITATION = {
  type: 'object',
  description: '一部法规及其各版本：文件日期晚于新版本施行日期时，引用旧版本会被报告',
  properties: {
    id: { ...ID, description: '条目 id' },
    title: { type: 'string', minLength: 2, description: '法规名称' },
    level: { ...LEVEL, description: '级别' },
    versions: { type: 'array', items: VERSION, minItems: 2, description: '各版本，按施行日期从早到晚' },
    unlessSentence: STRINGS('所在句子中出现其中任何一个词时不报告（默认已含“修订”“修正”“废止”和新版本的写法）'),
    examples: EXAMPLES,
  },
  required: ['id', 'title', 'versions', 'examples'],
  additionalProperties: false,
};

export function buildPackSchema(): Record<string, unknown> {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: PACK_SCHEMA_ID,
    title: 'zwgk 词库（用语规范）',
    description: '一个词库：易错词、规范表述或过时引用的词条，每条带依据和示例。只是数据，不含代码。',
    type: 'object',
    properties: {
      $schema: { type: 'string' },
      id: { ...ID, description: '词库 id（小写字母、数字、连字符），用于配置 levels 和控制注释' },
      title: { type: 'string', minLength: 2, description: '词库名称，如 本局用语规范' },
      description: { type: 'string', description: '说明' },
      level: { ...LEVEL, description: '词条的默认级别（默认 warning）' },
      source: { ...SOURCE, description: '词条的默认依据' },
      entries: { type: 'array', items: ENTRY, description: '词条' },
      citations: { type: 'array', items: CITATION, description: '法规版本（过时引用）' },
    },
    required: ['id', 'title'],
    additionalProperties: false,
  };
}
