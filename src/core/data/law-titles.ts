/**
 * Titles of laws and regulations that 政务公开 drafts cite most often, as they are commonly cited
 * (without the 中华人民共和国 prefix; the rule also accepts the prefixed form). The `book-title-marks`
 * rule reports them when they stand in the text without 《》; extend with the rule option `titles`.
 *
 * Names only — the list says nothing about their content. Short, generic-looking names (教育法, 预算法 …)
 * are only reported after a citation word or at a clear boundary (see the rule).
 */

/** National laws (…法). */
export const LAW_TITLES: readonly string[] = [
  // 政务公开, administration and state organisation
  '立法法', '行政许可法', '行政处罚法', '行政强制法', '行政复议法', '行政诉讼法', '国家赔偿法', '公务员法',
  '监察法', '保守国家秘密法', '保密法', '档案法', '统计法', '预算法', '审计法', '会计法', '政府采购法',
  '招标投标法', '价格法', '税收征收管理法', '个人所得税法', '企业所得税法', '村民委员会组织法',
  '城市居民委员会组织法', '海南自由贸易港法',
  // data and personal information
  '个人信息保护法', '数据安全法', '网络安全法', '电子签名法',
  // education, health, social
  '义务教育法', '教育法', '高等教育法', '职业教育法', '民办教育促进法', '学前教育法', '教师法',
  '未成年人保护法', '妇女权益保障法', '老年人权益保障法', '残疾人保障法', '社会保险法', '劳动法',
  '劳动合同法', '就业促进法', '慈善法', '食品安全法', '药品管理法', '疫苗管理法', '传染病防治法',
  '基本医疗卫生与健康促进法', '医师法', '突发事件应对法', '安全生产法', '消防法',
  // environment, land, economy
  '环境保护法', '大气污染防治法', '水污染防治法', '固体废物污染环境防治法', '环境影响评价法',
  '土地管理法', '城乡规划法', '城市房地产管理法', '农村土地承包法', '乡村振兴促进法', '农业法',
  '森林法', '野生动物保护法', '文物保护法', '旅游法', '道路交通安全法', '治安管理处罚法',
  '消费者权益保护法', '反不正当竞争法', '反垄断法', '中小企业促进法', '外商投资法', '公司法', '民法典',
];

/** Administrative regulations and other titled rules (…条例, …办法). */
export const REGULATION_TITLES: readonly string[] = [
  '政府信息公开条例', '重大行政决策程序暂行条例', '优化营商环境条例', '行政法规制定程序条例',
  '规章制定程序条例', '法规规章备案条例', '信访工作条例', '信访条例', '政府督查工作条例',
  '保守国家秘密法实施条例', '预算法实施条例', '政府投资条例', '保障农民工工资支付条例',
  '保障中小企业款项支付条例', '社会救助暂行办法', '党政机关公文处理工作条例',
];

export const KNOWN_TITLES: readonly string[] = [...LAW_TITLES, ...REGULATION_TITLES];
