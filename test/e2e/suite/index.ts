/**
 * The tests module VS Code loads into the extension host (`extensionTestsPath`): an ordinary
 * @vscode/test-electron-style runner, so the same suite runs in code-server (test/e2e/run.js) and in
 * a downloaded VS Code (`npm run test:e2e -- --electron`). Bundled by run.js next to the test files.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    timeout: 30_000,
    // The harness passes --grep through the environment (inherited by the extension host).
    grep: process.env.ZWGK_E2E_GREP || undefined,
  });
  for (const f of fs.readdirSync(__dirname).filter((n) => n.endsWith('.test.js')).sort()) {
    mocha.addFile(path.join(__dirname, f));
  }
  return new Promise((resolve, reject) => {
    try {
      mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} zwgk integration test(s) failed`)) : resolve()));
    } catch (e) {
      reject(e);
    }
  });
}
