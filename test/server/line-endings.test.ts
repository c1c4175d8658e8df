/**
 * Line endings through the protocol (issue 5): LF, CRLF, CR-only and mixed drafts, with an astral 生僻字 —
 * every diagnostic's LSP range covers exactly the core's offsets (LSP counts \r\n, \r and \n as line
 * breaks, UTF-16 columns), and a quick fix edits exactly the reported text, leaving the line breaks alone.
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { LspClient, startWorkspace, applyEdits, editsFor, rangeText } from './lsp-client';
import { POLICY } from './drafts';

/** The policy with 𠮷 before the phone (a surrogate pair on the same line) and the given line breaks. */
function variant(eol: 'lf' | 'crlf' | 'cr' | 'mixed'): string {
  const lines = POLICY.replace('联系人：王某', '联系人：𠮷某').split('\n');
  if (eol === 'lf') return lines.join('\n');
  if (eol === 'crlf') return lines.join('\r\n');
  if (eol === 'cr') return lines.join('\r');
  return lines.map((l, i) => l + (i === lines.length - 1 ? '' : ['\n', '\r\n', '\r'][i % 3])).join('');
}

describe('language server: line endings', function () {
  this.timeout(30000);
  let ws: string;
  let c: LspClient;
  before(async () => {
    ({ ws, client: c } = await startWorkspace({ '.zwgkrc.json': '{}\n' }));
  });
  after(async () => {
    await c?.shutdown();
  });

  for (const eol of ['lf', 'crlf', 'cr', 'mixed'] as const) {
    it(`${eol}: ranges are the core's offsets; a quick fix changes only its text`, async () => {
      const text = variant(eol);
      const uri = c.open(path.join(ws, `${eol}.md`), text);
      const diags = await c.diagnostics(uri, { version: 1 });
      assert.ok(diags.length > 0);
      for (const d of diags) {
        const data = d.data as { start: number; end: number };
        assert.equal(rangeText(text, d), text.slice(data.start, data.end), `${d.code} at ${JSON.stringify(d.range)}`);
      }
      const phone = diags.find((d) => d.code === 'personal-phone');
      assert.ok(phone, `${eol}: personal-phone`);
      assert.equal(rangeText(text, phone), '13812345678');
      const fix = (await c.codeActions(uri, phone.range, [phone])).find((a) => a.isPreferred)!;
      const fixed = applyEdits(text, editsFor(fix.edit, uri));
      assert.equal(fixed, text.replace('13812345678', '138****5678'));
      c.close(uri);
    });
  }
});
