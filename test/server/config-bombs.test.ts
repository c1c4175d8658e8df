/**
 * Issue 10, items 1 and 12, in the language server: a config nested thousands deep would abort the server
 * process inside the YAML parser (no try/catch stops that); a billion laughs must be a clear problem.
 */
import * as assert from 'node:assert/strict';
import { checkConfigText } from '../../src/server/config';

function check(file: string, text: string) {
  return checkConfigText({ path: file, dir: '/ws', text, extended: [], problems: [] });
}

describe('language server: hostile config files (issue 10)', () => {
  it('nesting 20,000 deep is a problem on the file, not a crash', () => {
    for (const [file, text] of [['/ws/.zwgkrc.yaml', `rules: ${'['.repeat(20000)}${']'.repeat(20000)}\n`], ['/ws/.zwgkrc.json', `{"rules": ${'['.repeat(20000)}${']'.repeat(20000)}}`]]) {
      const cf = check(file, text);
      assert.equal(cf.raw, undefined);
      assert.match(cf.problems[0].message, /嵌套超过 64 层/);
    }
  });

  it('a billion laughs is a problem, not a hang', () => {
    let yaml = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
    for (let i = 0; i < 9; i++) yaml += `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill('*' + String.fromCharCode(97 + i)).join(',')}]\n`;
    const cf = check('/ws/.zwgkrc.yaml', yaml);
    assert.equal(cf.raw, undefined);
    assert.ok(cf.problems.length > 0);
  });
});
