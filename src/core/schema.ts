/** The JSON Schema of `.zwgkrc.json` / `.zwgkrc.yaml`, built from the rules' metadata. */
import type { Rule } from './types';

export const SCHEMA_ID = 'https://zwgk.dev/schemas/zwgkrc.schema.json';

export function buildConfigSchema(rules: readonly Rule[]): Record<string, unknown> {
  const severity = { type: 'string', enum: ['off', 'info', 'warning', 'error'] };
  const ruleProps: Record<string, unknown> = {};
  for (const r of rules) {
    const m = r.meta;
    const objectForm = {
      type: 'object',
      properties: { severity: { ...severity, description: '严重程度' }, ...(m.options ?? {}) },
      additionalProperties: false,
    };
    ruleProps[m.id] = {
      description: `${m.title}：${m.description}（默认 ${m.defaultSeverity}；依据 ${m.clauses.map((c) => c.id).join('；')}）`,
      oneOf: [severity, objectForm],
    };
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: SCHEMA_ID,
    title: 'zwgk 配置（.zwgkrc.json / .zwgkrc.yaml）',
    description: 'zwgk 政务公开检查的配置：规则严重程度与选项、忽略的文件、工作日历的本地调整。',
    type: 'object',
    properties: {
      $schema: { type: 'string' },
      extends: { type: 'string', description: '继承的配置文件（相对路径，不能指向工作区之外）' },
      root: { type: 'boolean', description: '为 true 时不再向上查找上级目录的配置' },
      rules: { type: 'object', properties: ruleProps, additionalProperties: false, description: '规则 id → 严重程度（off|info|warning|error）或 { severity, ...选项 }' },
      ignore: { type: 'array', items: { type: 'string' }, description: '不检查的文件（glob，相对于配置文件所在目录）' },
      packs: {
        type: 'array',
        items: { type: 'string' },
        description: '本单位的词库（用语规范，YAML 数据文件），相对于本配置文件的路径，不能指向工作区之外；与内置词库一起由规则 wording 检查',
      },
      calendar: {
        type: 'object',
        description: '工作日历的本地调整（在国务院节假日安排之外）',
        properties: {
          holidays: { type: 'array', items: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' }, description: '额外的休息日' },
          workdays: { type: 'array', items: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' }, description: '额外的工作日' },
          years: { type: 'array', items: { type: 'integer', minimum: 1990, maximum: 2100 }, description: '数据尚未包含、但已由上面的 holidays/workdays 补全全年安排的年份（如国务院已发布2027年节假日安排时）' },
        },
        additionalProperties: false,
      },
    },
    additionalProperties: false,
  };
}
