/**
 * Mixed draft trees for the CLI tests: every encoding and line ending the CLI accepts, the real notices
 * and the seed, policy/interpretation pairs (cross-document rules), folders with spaces and Chinese
 * names, plus a binary and an undecodable file — so that a run exercises every path of the runner.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import iconv from 'iconv-lite';
import { ROOT } from './helpers';
import { NOTICE_MD, NOTICE_TXT } from './drafts';

const FIXTURES = path.join(ROOT, 'test', 'fixtures');

function fixtureTexts(): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  for (const dir of ['real-notices', 'seed']) {
    for (const f of fs.readdirSync(path.join(FIXTURES, dir)).sort()) {
      if (f.endsWith('.txt')) out.push({ name: f, text: fs.readFileSync(path.join(FIXTURES, dir, f), 'utf8') });
    }
  }
  return out;
}

const policy = (i: number) => [
  '---',
  `标题: 海口市第${i}号公共服务事项管理办法`,
  '文档类型: 规范性文件',
  `文号: 海府规〔2026〕${i}号`,
  '起草单位: 海口市发展和改革委员会',
  '成文日期: 2026年3月2日',
  '发布日期: 2026-03-05',
  '公开属性: 主动公开',
  `索引号: 00817804-9/2026-${10000 + i}`,
  '发布机构: 海口市人民政府',
  '---',
  '',
  `# 海口市第${i}号公共服务事项管理办法`,
  '',
  '第一条 为规范公共服务事项管理，制定本办法。市卫计委、市环保局按照职责分工负责.',
  '',
  `第二条 联系人：李华，手机：139${String(10000000 + i * 7919).slice(-8)}，身份证号：460100199001011234。`,
  '',
].join('\n');

const jiedu = (i: number) => [
  '---',
  `标题: 关于《海口市第${i}号公共服务事项管理办法》的解读`,
  '文档类型: 政策解读',
  '起草单位: 海口市财政局',
  '发布日期: 2026-04-20',
  '---',
  '',
  `# 关于《海口市第${i}号公共服务事项管理办法》的解读`,
  '',
  '一、起草背景',
  '',
  '根据政府信息公开条例，制定本办法。',
  '',
].join('\n');

/** Writes a tree of about `count` drafts (and two files that cannot be linted) into `dir`. */
export function writeMixedTree(dir: string, count: number): void {
  const fixtures = fixtureTexts();
  const put = (rel: string, content: string | Buffer) => {
    const file = path.join(dir, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  };
  for (let i = 0; i < count; i++) {
    const folder = ['政策 文件', '解读', 'annual reports', '通知/2019年'][i % 4];
    const n = String(i).padStart(3, '0');
    switch (i % 9) {
      case 0: put(`${folder}/通知 ${n}.md`, NOTICE_MD.replace('考核办法', `考核办法（第${i}号）`)); break;
      case 1: put(`${folder}/portal-${n}.txt`, iconv.encode(NOTICE_TXT.replace('规划计划', `规划计划${i}`), 'gb18030')); break;
      case 2: put(`${folder}/crlf-${n}.md`, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(NOTICE_MD.replace(/\n/g, '\r\n'))])); break;
      case 3: put(`${folder}/utf16-${n}.md`, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(NOTICE_MD.replace(/\n/g, i % 2 ? '\r' : '\n'), 'utf16le')])); break;
      case 4: { const f = fixtures[i % fixtures.length]; put(`${folder}/${n}-${f.name}`, f.text); break; }
      case 5: put(`政策 文件/办法${n}.md`, policy(i)); put(`政策 文件/办法${n}-解读.md`, jiedu(i)); break;
      case 6: put(`${folder}/mixed-${n}.md`, NOTICE_MD.split('\n').map((l, k) => l + (k % 3 === 0 ? '\r\n' : k % 3 === 1 ? '\n' : '\r')).join('')); break;
      case 7: put(`${folder}/utf16be-${n}.txt`, Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(NOTICE_TXT, 'utf16le').swap16()])); break;
      default: put(`${folder}/disabled-${n}.md`, '<!-- zwgk-disable personal-phone -->\n' + NOTICE_MD + '\n<!-- zwgk-disable-next-line no-such-rule -->\n'); break;
    }
  }
  put('杂项/scan.md', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00, 0xff]));
  put('杂项/broken.txt', Buffer.concat([Buffer.from('联系人手机：13812345678 '), Buffer.from([0xff, 0xfe, 0xfd, 0x80, 0x81])]));
}

/** Every file under `dir` (relative path → bytes). */
export function snapshot(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const ent of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const abs = path.join(d, ent.name);
      if (ent.isDirectory()) walk(abs);
      else out.set(path.relative(dir, abs), fs.readFileSync(abs));
    }
  };
  walk(dir);
  return out;
}
