/**
 * The 公文 element rules (gongwen-title, gongwen-recipient, gongwen-signature, attachment-list,
 * published-before-issued) on realistic drafts, and on the bodies of the real corpus documents read as
 * plain-text drafts (their catalogue header removed): real 公文 have their parts, so the rules must stay
 * quiet there except where the copy really lacks one.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintWith, lintAll, spanOf } from '../../helpers/lint';
import { ZwgkDocument } from '../../../src/core/document';
import { profileOf } from '../../../src/core/profile';
import { attachmentNote, recipientLine, signatureOf } from '../../../src/core/util/gongwen';

const IDS = ['gongwen-title', 'gongwen-recipient', 'gongwen-signature', 'attachment-list', 'published-before-issued'];
const ours = (text: string, filename = 'draft.md') => lintAll(text, filename).filter((m) => IDS.includes(m.ruleId));

/** A complete 通知 as an office drafts it in Markdown. */
const FULL = [
  '---',
  '标题: 海口市人民政府办公室关于报送2026年政务公开工作台账的通知',
  '文档类型: 其他',
  '索引号: 00817804-9/2026-00152',
  '发布机构: 海口市人民政府办公室',
  '文号: 海府办函〔2026〕5号',
  '成文日期: 2026年3月2日',
  '发布日期: 2026-03-04',
  '公开属性: 主动公开',
  '---',
  '',
  '# 海口市人民政府办公室关于报送2026年政务公开工作台账的通知',
  '',
  '各区人民政府，市政府各委、办、局：',
  '',
  '为做好2026年政务公开工作，现将《2026年政务公开工作台账》印发给你们，请按附件1、附件2的格式填写，于2026年3月31日前报送。',
  '',
  '附件：1.2026年政务公开工作台账',
  '',
  '2.联系人信息表',
  '',
  '海口市人民政府办公室',
  '',
  '2026年3月2日',
  '',
  '（此件主动公开）',
  '',
].join('\n');

describe('公文 elements', () => {
  describe('a complete draft', () => {
    it('passes every 公文 element rule', () => {
      assert.deepEqual(ours(FULL).map((m) => `${m.ruleId}: ${m.message}`), []);
    });
    it('reads its parts: 主送机关, 落款 with 署名, two attachments', () => {
      const doc = new ZwgkDocument(FULL, 'draft.md');
      assert.equal(recipientLine(doc)?.text, '各区人民政府，市政府各委、办、局：');
      const s = signatureOf(doc);
      assert.equal(s.date?.text, '2026年3月2日');
      assert.equal(s.above?.text, '海口市人民政府办公室');
      assert.equal(s.signed, true);
      assert.deepEqual(attachmentNote(doc)?.items.map((i) => [i.n, i.name]), [[1, '2026年政务公开工作台账'], [2, '联系人信息表']]);
    });
    it('a Markdown list as the 附件说明 counts its items', () => {
      const text = FULL.replace('附件：1.2026年政务公开工作台账\n\n2.联系人信息表', '附件：\n\n1. 2026年政务公开工作台账\n2. 联系人信息表');
      assert.deepEqual(attachmentNote(new ZwgkDocument(text, 'draft.md'))?.items.map((i) => i.n), [1, 2]);
      assert.deepEqual(ours(text), []);
    });
  });

  describe('each part taken out of the complete draft', () => {
    it('no 主送机关 → gongwen-recipient on the title in the body', () => {
      const text = FULL.replace('各区人民政府，市政府各委、办、局：\n\n', '');
      const ms = ours(text);
      assert.deepEqual(ms.map((m) => m.ruleId), ['gongwen-recipient']);
      assert.equal(spanOf(text, ms[0]), '# 海口市人民政府办公室关于报送2026年政务公开工作台账的通知');
      assert.match(ms[0].message, /^在标题下写明主送机关/);
      assert.match(ms[0].message, /印发给你们/);
    });
    it('no 署名 → gongwen-signature on the date line', () => {
      const text = FULL.replace('海口市人民政府办公室\n\n2026年3月2日', '2026年3月2日');
      const ms = ours(text);
      assert.deepEqual(ms.map((m) => m.ruleId), ['gongwen-signature']);
      assert.equal(spanOf(text, ms[0]), '2026年3月2日');
    });
    it('no 落款 at all → gongwen-signature (the message names the metadata 成文日期 when there is one)', () => {
      const text = FULL.replace('海口市人民政府办公室\n\n2026年3月2日\n\n', '');
      const ms = ours(text);
      assert.deepEqual(ms.map((m) => m.ruleId), ['gongwen-signature']);
      assert.match(ms[0].message, /^在正文之后写落款/);
      assert.match(ms[0].message, /元数据“成文日期”为2026年3月2日/);
      const bare = text.replace('成文日期: 2026年3月2日\n', '');
      assert.match(ours(bare).find((m) => m.ruleId === 'gongwen-signature')!.message, /这份公文没有成文日期/);
    });
    it('附件3 named, two listed → attachment-list on “附件3”', () => {
      const text = FULL.replace('请按附件1、附件2的格式填写', '请按附件1、附件2的格式填写，按附件3的要求报送');
      const ms = ours(text);
      assert.deepEqual(ms.map((m) => m.ruleId), ['attachment-list']);
      assert.equal(spanOf(text, ms[0]), '附件3');
      assert.match(ms[0].message, /只列了2个附件/);
    });
    it('no 附件说明 while the body points to 附件1 → attachment-list', () => {
      const text = FULL.replace('附件：1.2026年政务公开工作台账\n\n2.联系人信息表\n\n', '').replace('请按附件1、附件2的格式填写', '请按格式（见附件）填写');
      const ms = ours(text);
      assert.deepEqual(ms.map((m) => m.ruleId), ['attachment-list']);
      assert.match(ms[0].message, /^在正文之后、落款之前写“附件：”/);
    });
    it('发布日期 before 成文日期 → published-before-issued on the 发布日期 field', () => {
      const text = FULL.replace('发布日期: 2026-03-04', '发布日期: 2026-02-27');
      const ms = ours(text);
      assert.deepEqual(ms.map((m) => m.ruleId), ['published-before-issued']);
      assert.equal(spanOf(text, ms[0]).includes('2026-02-27'), true);
      assert.match(ms[0].message, /2026年2月27日.*早于.*2026年3月2日/);
    });
    it('the title with neither 发文机关 nor 署名 nor 发布机构 → gongwen-title', () => {
      const text = FULL.replace(/海口市人民政府办公室关于/g, '关于').replace('发布机构: 海口市人民政府办公室\n', '').replace('海口市人民政府办公室\n\n2026年3月2日', '2026年3月2日');
      assert.deepEqual(ours(text).map((m) => m.ruleId).sort(), ['gongwen-signature', 'gongwen-title']);
    });
    it('the title without its 文种 → gongwen-title, and the other rules wait for a 文种', () => {
      const text = FULL.replace(/工作台账的通知/g, '工作台账');
      const ms = ours(text);
      assert.deepEqual(ms.map((m) => m.ruleId), ['gongwen-title']);
      assert.match(ms[0].message, /^在标题末尾写上文种/);
    });
  });

  describe('realistic layouts that stay quiet', () => {
    it('a 印发 notice whose issued 办法 follows the 落款 (plain text)', () => {
      const text = '海口市人民政府办公室关于印发海口市政务公开目录管理办法的通知\n海府办〔2026〕9号\n各区人民政府，市政府各委、办、局：\n' +
        '《海口市政务公开目录管理办法》已经市政府同意，现印发给你们，请认真贯彻执行。\n海口市人民政府办公室\n2026年3月2日\n（此件主动公开）\n' +
        '海口市政务公开目录管理办法\n第一条 为规范政务公开目录管理，制定本办法。\n第二条 本办法自2026年4月1日起施行。\n';
      assert.deepEqual(ours(text, 'tongzhi.txt'), []);
    });
    it('a joint 落款 (two issuers, one per line)', () => {
      const text = '# 关于做好2026年义务教育招生工作的通知\n\n各区教育局、财政局：\n\n现将有关事项通知如下，请你们认真贯彻执行。\n\n海口市教育局\n\n海口市财政局\n\n2026年3月2日\n';
      assert.deepEqual(ours(text), []);
    });
    it('a notice to the public with no 主送机关 and no 附件', () => {
      const text = '# 海口市教育局关于2026年义务教育招生报名时间的通知\n\n2026年义务教育招生网上报名时间为6月1日至6月10日，请家长按时报名。\n\n海口市教育局\n\n2026年3月2日\n';
      assert.deepEqual(ours(text), []);
    });
    it('a 公告 without a 文号 needs no 落款 (a web announcement the page signs)', () => {
      const text = '---\n标题: 龙华区2026年义务教育学校招生公告\n发布机构: 海口市龙华区教育局\n---\n\n# 龙华区2026年义务教育学校招生公告\n\n## 一、招生方案\n\n坚持免试就近入学。\n';
      assert.deepEqual(ours(text), []);
    });
    it('a policy itself (its 文种 is not a 公文 文种) is not checked as a 公文', () => {
      const text = '# 海口市政务公开目录管理办法\n\n第一条 为规范政务公开目录管理，制定本办法。详见附件。\n';
      assert.deepEqual(ours(text), []);
    });
    it('a declared 政策解读 whose title ends with 通知 is not a 公文', () => {
      const text = '---\n标题: 《关于做好政务公开工作的通知》解读材料的通知\n文档类型: 政策解读\n---\n\n# 《关于做好政务公开工作的通知》解读材料的通知\n\n现将解读材料印发给你们。\n';
      assert.deepEqual(ours(text).filter((m) => m.ruleId !== 'gongwen-title'), []);
    });
  });

  describe('saved portal pages', () => {
    const page = (body: string, published = '2026-03-01') => `名  称: 海口市政务服务中心关于开展2026年政务公开培训的通知\n发布机构: 海口市政务服务中心\n发布日期: ${published}\n\n${body}`;
    it('a page that dropped its 主送机关, 落款 and 附件说明 gets nothing (the portal prints them elsewhere)', () => {
      const text = page('海口市政务服务中心关于开展2026年政务公开培训的通知\n现将培训安排印发给你们，详见附件。\n');
      assert.equal(profileOf(new ZwgkDocument(text, 'p.txt')).origin, 'page');
      assert.deepEqual(ours(text, 'p.txt'), []);
    });
    it('published before its own 落款 date: reported', () => {
      const text = page('各有关单位：\n定于2026年3月10日开展培训。\n海口市政务服务中心\n2026年3月2日\n');
      assert.deepEqual(ours(text, 'p.txt').map((m) => m.ruleId), ['published-before-issued']);
    });
    it('a date signed by another body (a forwarded document) is not the page\'s 成文日期', () => {
      const text = page('各有关单位：\n现将省政府办公厅通知转发给你们。\n海南省人民政府办公厅\n2026年3月20日\n');
      assert.deepEqual(ours(text, 'p.txt'), []);
    });
  });

  describe('the real corpus bodies read as drafts', () => {
    const root = path.resolve(__dirname, '../../corpus/docs');
    const files: string[] = [];
    const walk = (d: string) => {
      for (const f of fs.readdirSync(d)) {
        const p = path.join(d, f);
        if (fs.statSync(p).isDirectory()) walk(p);
        else if (p.endsWith('.txt')) files.push(p);
      }
    };
    walk(root);
    const bodies = files.flatMap((f) => {
      const text = fs.readFileSync(f, 'utf8');
      const block = new ZwgkDocument(text, f).metadata.block;
      if (!block) return [];
      const body = text.slice(block.end).replace(/^\s+/, '');
      return profileOf(new ZwgkDocument(body, 'draft.txt')).origin === 'draft' ? [{ name: path.relative(root, f), body }] : [];
    });
    it('there are real 公文 bodies to read', () => assert.ok(bodies.length >= 50, `${bodies.length}`));
    it('no real title is said to lack its 文种 (titles laid out on two lines included)', () => {
      const bad = bodies.flatMap((b) => lintWith('gongwen-title', b.body, { filename: 'draft.txt' }).filter((m) => m.data?.missing === '文种').map((m) => `${b.name}: ${m.message}`));
      assert.deepEqual(bad, []);
    });
    it('no real 公文 is said to lack its 主送机关', () => {
      const bad = bodies.flatMap((b) => lintWith('gongwen-recipient', b.body, { filename: 'draft.txt' }).map((m) => `${b.name}: ${m.message}`));
      assert.deepEqual(bad, []);
    });
    it('the 落款 is missing its 署名 only in the 2001 copy that has none (京中科[2001]14号: the date right under the text)', () => {
      const hits = bodies.flatMap((b) => lintWith('gongwen-signature', b.body, { filename: 'draft.txt' }).map((m) => ({ name: b.name, at: b.body.slice(m.start, m.end) })));
      assert.deepEqual(hits, [{ name: 'policy/bj-zyj-zhongdian-xueke-banfa.txt', at: '二OO一年四月十八日' }]);
    });
  });
});
