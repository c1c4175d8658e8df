// Deterministic corpus of realistic drafts for benchmarks: same seed → same files, byte for byte.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

/** mulberry32: small deterministic PRNG. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ORGS = ['海口市卫健委', '海口市生态环境局', '海口市教育局', '海口市财政局', '美兰区人民政府', '龙华区人民政府', '海口市自然资源和规划局', '海口市市场监督管理局'];
const TYPES = ['政策文件', '政策解读', '年度报告', '决策草案', '执法公示', '扶贫公示', '财政信息', '其他'];
const SENTENCES = [
  '围绕2019年政府主要工作任务，加大系列政策出台、执行和落实情况公开力度。',
  '按照“谁起草谁解读”原则，切实做到政策性文件与解读方案、解读材料同步组织、同步审签、同步部署。',
  '根据《中华人民共和国政府信息公开条例》第二十六条，属于主动公开范围的政府信息应当及时公开。',
  '市卫计委、市环保局要按照职责分工分别牵头落实。',
  '联系电话：0898-68725613，监督电话：12345。',
  '项目安排、资金使用、受惠贫困户的扶持信息要在部门政府网站公开。',
  '本办法自2019年06月01日起施行，海府办函[2019]68号同时废止。',
  '各区政府要在每年3月31日前公布本级政府上一年度政府信息公开工作年度报告。',
  '请于2026年3月30日前将意见反馈至市司法局，电子邮箱 zwgk@haikou.gov.cn 。',
  '详见 https://www.haikou.gov.cn/xxgk/ 的公开目录。',
  '受益贫困户：张某某，联系电话13812345678，身份证号460100199001011234。',
  '对涉及公共利益和公众权益的重大事项,除依法应当保密的外,要主动向社会公布决策草案、决策依据等.',
];

/**
 * The sentences that carry findings (half-width punctuation, personal numbers, old department names,
 * dates and 文号 in the wrong form): a findings-heavy corpus is written from these only.
 */
const HEAVY = [3, 6, 10, 11, 0, 1, 7].map((i) => SENTENCES[i]);

function draft(rand, i, heavy = false) {
  const pick = (arr) => arr[Math.floor(rand() * arr.length)];
  const pool = heavy ? HEAVY : SENTENCES;
  const type = pick(TYPES);
  const org = pick(ORGS);
  const year = 2019 + Math.floor(rand() * 7);
  const month = 1 + Math.floor(rand() * 12);
  const day = 1 + Math.floor(rand() * 28);
  const title = `${org}关于第${i}号事项的${type === '政策解读' ? '政策解读' : type === '年度报告' ? `${year - 1}年政府信息公开工作年度报告` : '通知'}`;
  const lines = [
    '---',
    `标题: ${title}`,
    `文档类型: ${type}`,
    `索引号: 00817804-9/${year}-${String(10000 + i)}`,
    `发布机构: ${org}`,
    `起草单位: ${org}`,
    `文号: 海府办函〔${year}〕${1 + (i % 300)}号`,
    `成文日期: ${year}年${month}月${day}日`,
    `发布日期: ${year}-${String(month).padStart(2, '0')}-${String(Math.min(28, day + 3)).padStart(2, '0')}`,
    '公开属性: 主动公开',
    '---',
    '',
    `# ${title}`,
    '',
  ];
  let size = Buffer.byteLength(lines.join('\n'));
  let section = 0;
  const NUM = '一二三四五六七八九十';
  while (size < 10240) {
    if (rand() < 0.15) {
      const h = `## ${NUM[section % 10]}、第${section + 1}部分`;
      section++;
      lines.push(h, '');
      size += Buffer.byteLength(h) + 2;
    }
    let p = '';
    const n = 2 + Math.floor(rand() * 5);
    for (let k = 0; k < n; k++) p += pick(pool);
    lines.push(p, '');
    size += Buffer.byteLength(p) + 2;
  }
  return lines.join('\n');
}

/**
 * Writes `count` drafts into `dir` (created); returns the file paths. `heavy`: every sentence carries
 * findings (about 1.6 times the messages of the ordinary corpus, to measure output cost).
 */
function writeCorpus(dir, count = 1000, seed = 20190621, heavy = false) {
  fs.mkdirSync(dir, { recursive: true });
  const rand = prng(seed);
  const files = [];
  for (let i = 0; i < count; i++) {
    const sub = path.join(dir, `d${String(Math.floor(i / 100)).padStart(2, '0')}`);
    fs.mkdirSync(sub, { recursive: true });
    const file = path.join(sub, `draft-${String(i).padStart(4, '0')}.md`);
    fs.writeFileSync(file, draft(rand, i, heavy));
    files.push(file);
  }
  return files;
}

module.exports = { writeCorpus, draft, prng };
