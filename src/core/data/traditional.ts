/**
 * Traditional → simplified characters, limited to those in the labels, synonyms and phrases the
 * deadline and required-content rules look for. Published copies of mainland notices are sometimes
 * converted to traditional characters by mirror sites (see test/fixtures/real-notices/07 and 12); the
 * rules match on a normalised copy of the text. Every mapping is one UTF-16 unit to one, so offsets
 * in the normalised copy are offsets in the document.
 */
const PAIRS =
  '見见時时間间饋馈緊紧縮缩說说據据電电郵邮傳传聯联繫系話话決决總总體体況况動动開开處处請请復复複复議议' +
  '訴讼訟讼問问題题進进報报項项會会評评責责條条實实預预績绩價价結结執执職职監监徑径舉举資资貧贫辦办' +
  '編编機机構构內内設设範范圍围諮咨詢询劃划區区學学錄录規规匯汇彙汇補补長长發发於于關关門门縣县個个' +
  '為为應应對对書书務务單单經经費费額额標标統统計计數数戶户幫帮脫脱稿稿讀读釋释與与導导衛卫環环態态' +
  '國国辦办廳厅級级歲岁費费稅税論论訂订範范準准確确維维護护權权獲获條条節节適适屬属併并歷历業业産产' +
  '產产號号碼码詳详細细備备簡简幹干懷怀萬万億亿員员額额圖图館馆徵征' +
  // The kind inference's phrases (现向社会公开征求意见, 印发给你们, 年度报告): mirror copies of 07 and 12.
  '現现們们擬拟歡欢該该庫库遠远續续鄉乡領领熱热積积當当並并將将報报';

const MAP = new Map<string, string>();
for (let i = 0; i + 1 < PAIRS.length; i += 2) MAP.set(PAIRS[i], PAIRS[i + 1]);
/** Which UTF-16 units have a mapping (a table lookup per character instead of a Map lookup). */
const MAPPED = new Uint8Array(0x10000);
for (const k of MAP.keys()) MAPPED[k.charCodeAt(0)] = 1;

/** `text` with the mapped traditional characters replaced; same length, same offsets. */
export function toSimplified(text: string): string {
  let i = 0;
  while (i < text.length && MAPPED[text.charCodeAt(i)] === 0) i++;
  if (i === text.length) return text; // the usual case: nothing to replace
  const parts: string[] = [text.slice(0, i)];
  let from = i;
  for (; i < text.length; i++) {
    if (MAPPED[text.charCodeAt(i)] === 0) continue;
    if (i > from) parts.push(text.slice(from, i));
    parts.push(MAP.get(text[i])!);
    from = i + 1;
  }
  if (from < text.length) parts.push(text.slice(from));
  return parts.join('');
}
