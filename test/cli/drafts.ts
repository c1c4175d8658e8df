/** Realistic drafts for the CLI tests (modelled on the 海口 notices in test/fixtures). */
import { hasRule } from './helpers';

/** A policy notice with a wrong 文号, leading-zero dates, a personal mobile number and a landline. */
export const NOTICE_MD = [
  '---',
  '标题: 海口市人民政府办公厅关于印发海口市政务公开工作考核办法的通知',
  '文号: 海府办函[2019]168号',
  '成文日期: 2019年06月21日',
  '公开属性: 主动公开',
  '---',
  '',
  '# 海口市人民政府办公厅关于印发海口市政务公开工作考核办法的通知',
  '',
  '各区人民政府，市政府直属各单位：',
  '',
  '《海口市政务公开工作考核办法》已经市政府同意，现印发给你们，请认真贯彻执行。',
  '',
  '联系人：王明，办公电话：0898-68725613，手机：13812345678。',
  '',
  '海口市人民政府办公厅',
  '',
  '2019年06月21日',
  '',
].join('\n');

/** The same notice as a portal page saved as text (the seed's style). */
export const NOTICE_TXT = [
  '索 引 号: 00817804-9/2019-13123 分类: 规划计划',
  '发布机构: 海口市人民政府办公厅 发文日期: 2019年6月21日',
  '名 称: 海口市人民政府办公厅关于印发海口市政务公开工作考核办法的通知',
  '文 号: 海府办函[2019]168号',
  '',
  '海口市人民政府办公厅关于印发海口市政务公开工作考核办法的通知',
  '',
  '各区人民政府，市政府直属各单位：',
  '《海口市政务公开工作考核办法》已经市政府同意，现印发给你们，请认真贯彻执行。',
  '联系人：王明，办公电话：0898-68725613，手机：13812345678。',
  '海口市人民政府办公厅',
  '2019年06月21日',
  '',
].join('\n');

/** The fixable rules these drafts exercise, with the fixes the issue specifies. */
export const FIXES: { rule: string; from: string; to: string }[] = [
  { rule: 'personal-phone', from: '13812345678', to: '138****5678' },
  { rule: 'doc-number-format', from: '海府办函[2019]168号', to: '海府办函〔2019〕168号' },
  { rule: 'date-format', from: '2019年06月21日', to: '2019年6月21日' },
];

/** The fixes whose rules exist in this build (teammates add rules over time). */
export function activeFixes(): typeof FIXES {
  return FIXES.filter((f) => hasRule(f.rule));
}

/** What a text must become after `zwgk lint --fix` with only the FIXES rules on. */
export function expectedFixed(text: string): string {
  let out = text;
  for (const f of activeFixes()) out = out.split(f.from).join(f.to);
  return out;
}

/** A root config with only the FIXES rules on (as errors). */
export function fixRulesOn(): Record<string, string> {
  return Object.fromEntries(activeFixes().map((f) => [f.rule, 'error']));
}
