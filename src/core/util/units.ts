/**
 * Comparing the names of government units (起草单位, 发布机构) for 谁起草谁解读. Only trivial differences
 * are ignored:
 *   - spaces, full-width/half-width forms, quotes, and parenthesised notes (（牵头）, （市国资委）);
 *   - the place prefix when one side writes it and the other starts with 市/区/县/省/州 (海口市财政局 =
 *     市财政局; 海南省海口市财政局 = 海口市财政局); a bare 市财政局 therefore matches any city's 财政局 —
 *     the two drafts of a pair come from the same government, so that is the reading a drafter means;
 *   - a few standard abbreviations: 人民政府 = 政府, 发展和改革委员会 = 发展改革委 = 发改委,
 *     人力资源和社会保障 = 人社, 住房和城乡建设 = 住建, 市场监督管理 = 市场监管, 卫生健康委员会 = 卫健委,
 *     委员会 = 委.
 * A field listing several units (联合起草: 市财政局、市税务局) matches when any unit is shared.
 */

const ABBREVIATIONS: readonly [string, string][] = [
  ['人民政府', '政府'],
  ['发展和改革委员会', '发展改革委'],
  ['发改委', '发展改革委'],
  ['人力资源和社会保障', '人社'],
  ['人力资源社会保障', '人社'],
  ['住房和城乡建设', '住建'],
  ['住房城乡建设', '住建'],
  ['市场监督管理', '市场监管'],
  ['卫生健康委员会', '卫健委'],
  ['卫生健康委', '卫健委'],
  ['委员会', '委'],
];

/** One unit name reduced for comparison. */
export function normalizeUnit(u: string): string {
  let s = u.normalize('NFKC').replace(/[\s\u3000]+/g, '').replace(/[“”"‘’'《》]/g, '');
  s = s.replace(/\([^()]{0,30}\)/g, '');
  for (const [from, to] of ABBREVIATIONS) s = s.split(from).join(to);
  return s;
}

/** The units a field names (split on 、，,；;/). */
export function splitUnits(value: string): string[] {
  return value.split(/[、，,；;／/]/).map(normalizeUnit).filter(Boolean);
}

const PLACE_END = /[省市区县州旗盟]$/;
const PLACE_START = /^[省市区县州]/;

function equivalent(a: string, b: string): boolean {
  if (a === b) return true;
  const [long, short] = a.length >= b.length ? [a, b] : [b, a];
  if (!long.endsWith(short) || short.length < 2) return false;
  const prefix = long.slice(0, long.length - short.length);
  // 海口 + 市财政局, or 海南省 + 海口市财政局.
  if (PLACE_START.test(short) && /^[\u4e00-\u9fff]{1,8}$/.test(prefix)) return true;
  return PLACE_END.test(prefix) && prefix.length <= 12;
}

/** True when the two fields name the same unit (or share one, for joint drafting). */
export function sameUnit(a: string, b: string): boolean {
  const as = splitUnits(a), bs = splitUnits(b);
  return as.some((x) => bs.some((y) => equivalent(x, y)));
}

/** A government or its general office (市人民政府, 市政府办公厅): it issues policies others draft. */
export function isGovernmentIssuer(unit: string): boolean {
  return splitUnits(unit).every((u) => /政府(?:办公厅|办公室)?$/.test(u));
}
