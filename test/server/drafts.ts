/** Draft texts shared by the protocol tests (realistic: the seed's own number and date, a leaked phone). */

/** A 政策文件 with a malformed 文号, a zero-padded 成文日期 and a full mobile number in the body. */
export const POLICY = [
  '---',
  '标题: 海口市市级储备粮管理办法',
  '文档类型: 规范性文件',
  '索引号: 00817804-9/2026-00031',
  '发布机构: 海口市人民政府办公室',
  '起草单位: 海口市发展和改革委员会',
  '文号: 海府办函[2019]168号',
  '成文日期: 2019年06月21日',
  '发布日期: 2019-06-24',
  '公开属性: 主动公开',
  '解读材料: 储备粮管理办法解读.md',
  '---',
  '',
  '# 海口市市级储备粮管理办法',
  '',
  '第一条 为加强市级储备粮管理，按照“谁起草谁解读”原则，与解读材料同步组织、同步审签、同步部署，制定本办法。',
  '',
  '第二条 本办法依据《国务院办公厅印发〈关于全面推进政务公开工作的意见〉实施细则的通知》（国办发〔2016〕80号）制定。',
  '',
  '第三条 联系人：王某，联系电话：13812345678。',
  '',
].join('\n');

export const INTERPRETATION = [
  '---',
  '标题: 《海口市市级储备粮管理办法》政策解读',
  '文档类型: 政策解读',
  '起草单位: 海口市发展和改革委员会',
  '发布日期: 2019-06-24',
  '解读对象: 海口市市级储备粮管理办法.md',
  '---',
  '',
  '# 《海口市市级储备粮管理办法》政策解读',
  '',
  '一、背景依据',
  '',
  '为落实“谁起草谁解读”要求，现就有关问题解读如下。',
  '',
].join('\n');

/** An ordinary README: no metadata, a phone number and a term that would otherwise get a hover. */
export const README = [
  '# notes',
  '',
  'Call 13812345678 about the 政府信息公开 project.',
  '',
  '```sh',
  'npm test',
  '```',
  '',
].join('\n');

/** The line (0-based) and character of the first occurrence of `needle` in `text`. */
export function posOf(text: string, needle: string, extra = 0): { line: number; character: number } {
  const i = text.indexOf(needle);
  if (i < 0) throw new Error(`“${needle}” not in text`);
  const before = text.slice(0, i + extra);
  const lines = before.split(/\r\n|\r|\n/);
  return { line: lines.length - 1, character: lines[lines.length - 1].length };
}

/** The workspace most protocol tests start from: a config, the policy and its interpretation. */
export function policyWorkspace(policy = POLICY): Record<string, string> {
  return {
    '.zwgkrc.json': '{ "rules": {} }\n',
    '海口市市级储备粮管理办法.md': policy,
    '储备粮管理办法解读.md': INTERPRETATION,
  };
}
