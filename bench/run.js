// `npm run bench` — runs every suite in bench/suites/ (or the ones named: `npm run bench -- cli single`)
// and prints a table; results also go to bench/out/results.json. Numbers are for README, never asserted.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

async function main() {
  const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const dir = path.join(__dirname, 'suites');
  const suites = fs.readdirSync(dir).filter((f) => f.endsWith('.js')).sort()
    .filter((f) => only.length === 0 || only.some((o) => f.includes(o)));
  const results = {};
  for (const f of suites) {
    const name = path.basename(f, '.js');
    process.stderr.write(`\n== ${name} ==\n`);
    try {
      const rows = await require(path.join(dir, f)).run();
      results[name] = rows;
      for (const [k, v] of Object.entries(rows)) console.log(`${name.padEnd(14)} ${k.padEnd(52)} ${v}`);
    } catch (e) {
      results[name] = { error: String(e && e.stack || e) };
      console.log(`${name.padEnd(14)} FAILED: ${e && e.message}`);
      process.exitCode = 1;
    }
  }
  fs.mkdirSync(path.join(__dirname, 'out'), { recursive: true });
  fs.writeFileSync(path.join(__dirname, 'out', 'results.json'), JSON.stringify({ date: new Date().toISOString(), node: process.version, results }, null, 2));
}

main();
