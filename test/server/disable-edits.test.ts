/** Where the disable-rule actions put their comments (in process), and that the engine then honours them. */
import assert from 'node:assert/strict';
import { lintText, type LintMessage } from '../../src/core';
import { disableLineEdit, disableFileEdit, minimalEdit } from '../../src/server/code-actions';
import { applyEdits } from './lsp-client';

function phoneIn(text: string, file = 'a.md'): { doc: ReturnType<typeof lintText>['document']; m: LintMessage } {
  const r = lintText(text, file);
  const m = r.messages.find((x) => x.ruleId === 'personal-phone');
  assert.ok(m, 'personal-phone fires');
  return { doc: r.document, m };
}

/** Applies the line action and checks the phone message is gone and nothing else changed. */
function disableLine(text: string, file = 'a.md'): string {
  const { doc, m } = phoneIn(text, file);
  const e = disableLineEdit(doc, m, 'personal-phone');
  assert.ok(e);
  const out = applyEdits(text, [e]);
  const after = lintText(out, file);
  assert.equal(after.messages.filter((x) => x.ruleId === 'personal-phone').length, 0, out);
  assert.equal(after.document.blocks.filter((b) => b.kind !== 'line').length, lintText(text, file).document.blocks.filter((b) => b.kind !== 'line').length, 'same blocks');
  return out;
}

describe('language server: disable-rule edits', () => {
  it('adds the id to a disable-next-line comment already above the line', () => {
    const text = '# 通知\n\n<!-- zwgk-disable-next-line date-format -->\n联系电话：13812345678，2019年06月21日。\n';
    assert.equal(disableLine(text), '# 通知\n\n<!-- zwgk-disable-next-line date-format personal-phone -->\n联系电话：13812345678，2019年06月21日。\n');
  });

  it('inside a list item and a table row: an inline comment, the structure unchanged', () => {
    const list = '# 通知\n\n- 联系人：王某\n- 电话：13812345678\n- 地址：某某路\n';
    assert.ok(disableLine(list).includes('- 电话：13812345678 <!-- zwgk-disable-line personal-phone -->\n'));
    const table = '# 名单\n\n| 姓名 | 电话 |\n|---|---|\n| 王某 | 13812345678 |\n';
    assert.ok(disableLine(table).includes('| 王某 | 13812345678 <!-- zwgk-disable-line personal-phone --> |\n'));
  });

  it('CRLF drafts keep their line endings', () => {
    const text = '# 通知\r\n\r\n联系电话：13812345678。\r\n';
    assert.equal(disableLine(text), '# 通知\r\n\r\n<!-- zwgk-disable-next-line personal-phone -->\r\n联系电话：13812345678。\r\n');
    const { doc } = phoneIn(text);
    assert.equal(applyEdits(text, [disableFileEdit(doc, 'personal-phone')]), '<!-- zwgk-disable personal-phone -->\r\n# 通知\r\n\r\n联系电话：13812345678。\r\n');
  });

  it('minimal edits never split a surrogate pair or a CRLF', () => {
    const before = '𠮷𠮷a\r\nb';
    const after = '𠮷𠮸a\r\nb';
    const { document } = lintText(before, 'a.md');
    const e = minimalEdit(document, before, after)!;
    assert.equal(applyEdits(before, [e]), after);
    assert.equal(e.range.start.character, 2, 'starts at the pair, not inside it');
  });
});
