// Bundles the CLI, the language server and the VS Code extension into dist/ (CommonJS, Node 20).
//
// Big libraries that most runs never load (the .docx writer, the HTML parser, the code-page tables for
// non-UTF-8 text) are bundled on their own into dist/vendor/<name>.js; dist/cli.js and dist/server.js
// require them from there on first use. Inside the main bundles they would still be read and parsed by
// V8 on every start (~40 % of the bytes). The tests build with the same options (buildSync below).
const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');

const production = process.argv.includes('--production');

/** Packages kept out of the main bundles; the source loads each of them lazily (a require at first use). */
const VENDOR = ['docx', 'hast-util-from-html', 'iconv-lite'];

/**
 * `require('docx')` in a main bundle becomes `require('./vendor/docx.js')`, resolved by Node next to the
 * bundle (an alias to an external path: plugins would rule out the tests' buildSync).
 */
const vendored = {
  alias: Object.fromEntries(VENDOR.map((v) => [v, `./vendor/${v}.js`])),
  external: ['vscode', ...VENDOR.map((v) => `./vendor/${v}.js`)],
};

function common(root, opts = {}) {
  return {
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: !(opts.production ?? production),
    minify: opts.production ?? production,
    logLevel: 'warning',
    external: ['vscode'],
  };
}

/** The bundles by name (`only`); the CLI is two: the bin (launch.ts, with the code cache) and the bundle it runs. */
const ENTRIES = {
  cli: [
    { entryPoints: ['src/cli/launch.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
    { entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli-main.js', ...vendored },
  ],
  server: [{ entryPoints: ['src/server/main.ts'], outfile: 'dist/server.js', ...vendored }],
  extension: [{ entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js' }],
};

/** esbuild options for each output: the bundles and dist/vendor/<name>.js. Paths relative to `root`. */
function buildOptions(root = __dirname, opts = {}) {
  const at = (p) => path.join(root, p);
  const out = [];
  for (const [name, list] of Object.entries(ENTRIES)) {
    if (opts.only && !opts.only.includes(name)) continue;
    for (const e of list) {
      if (!fs.existsSync(at(e.entryPoints[0]))) continue;
      out.push({ ...common(root, opts), ...e, entryPoints: e.entryPoints.map(at), outfile: at(e.outfile) });
    }
  }
  for (const v of VENDOR) {
    out.push({
      ...common(root, opts),
      // The same resolution as the require in the source (the "require" condition, CommonJS interop).
      stdin: { contents: `module.exports = require(${JSON.stringify(v)});`, resolveDir: root, sourcefile: `vendor-${v}.js` },
      outfile: at(`dist/vendor/${v}.js`),
    });
  }
  return out;
}

function chmodCli(root) {
  const cli = path.join(root, 'dist/cli.js');
  if (fs.existsSync(cli)) fs.chmodSync(cli, 0o755);
}

/** Builds the named main bundles (all when `only` is not given) and the vendor files, synchronously (for the tests). */
function buildSync(root = __dirname, only) {
  for (const o of buildOptions(root, { only })) esbuild.buildSync(o);
  chmodCli(root);
}

async function main() {
  const all = buildOptions();
  if (process.argv.includes('--watch')) {
    for (const o of all) await (await esbuild.context(o)).watch();
    return;
  }
  fs.rmSync(path.join(__dirname, 'dist/vendor'), { recursive: true, force: true });
  await Promise.all(all.map((o) => esbuild.build(o)));
  chmodCli(__dirname);
}

module.exports = { VENDOR, buildOptions, buildSync };

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
