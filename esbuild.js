// Bundles the CLI, the language server and the VS Code extension into dist/ (CommonJS, Node 20).
const esbuild = require('esbuild');

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  external: ['vscode'],
};

const entries = [
  { entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: ['src/server/main.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js' },
];

const fs = require('node:fs');

async function main() {
  const present = entries.filter((e) => fs.existsSync(e.entryPoints[0]));
  if (watch) {
    for (const e of present) await (await esbuild.context({ ...common, ...e })).watch();
    return;
  }
  await Promise.all(present.map((e) => esbuild.build({ ...common, ...e })));
  if (fs.existsSync('dist/cli.js')) fs.chmodSync('dist/cli.js', 0o755);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
