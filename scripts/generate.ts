/**
 * Generates everything that derives from rule metadata — the single source of truth:
 *   src/core/rules/index.ts   the rule registry (one import per file in src/core/rules/)
 *   schemas/zwgkrc.schema.json  the config schema
 *   docs/rules/<id>.md        one page per rule (clause, examples)
 *   README.md                 the rule table between <!-- rules:start --> and <!-- rules:end -->
 * `npm run generate` writes them; `npm run generate -- --check` fails when any is out of date (CI).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { renderRegistry, renderSchema, renderRuleDoc, renderRuleTable, renderDocsIndex, renderDefaultPacks, renderPackDocs } from './render';
import { parsePackText, formatPackError, type Pack } from '../src/core/packs/pack';
import { buildPackSchema } from '../src/core/packs/schema';

const root = path.resolve(__dirname, '..');
const check = process.argv.includes('--check');
let stale = 0;

function write(rel: string, content: string): void {
  const file = path.join(root, rel);
  const old = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
  if (old === content) return;
  if (check) {
    console.error(`out of date: ${rel} (run npm run generate)`);
    stale++;
    return;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  console.log(`wrote ${rel}`);
}

// The default wording packs: YAML data in src/core/packs/defaults/, checked and bundled as a module.
const packDir = path.join(root, 'src/core/packs/defaults');
const defaultPacks: Pack[] = [];
for (const f of fs.readdirSync(packDir).filter((n) => /\.ya?ml$/.test(n)).sort()) {
  const { pack, errors } = parsePackText(fs.readFileSync(path.join(packDir, f), 'utf8'), `内置:${f}`, { builtin: true });
  if (!pack) {
    for (const e of errors) console.error(formatPackError(e));
    process.exit(1);
  }
  defaultPacks.push(pack);
}
write('src/core/packs/defaults.ts', renderDefaultPacks(defaultPacks));
write('schemas/zwgk-pack.schema.json', JSON.stringify(buildPackSchema(), null, 2) + '\n');

const ruleFiles = fs.readdirSync(path.join(root, 'src/core/rules'))
  .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
  .sort();
write('src/core/rules/index.ts', renderRegistry(ruleFiles.map((f) => path.join(root, 'src/core/rules', f))));

// The registry must be current before the rules can be loaded.
if (!check || stale === 0) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { ALL_RULES } = require('../src/core/rules') as typeof import('../src/core/rules');
  write('schemas/zwgkrc.schema.json', renderSchema(ALL_RULES));
  for (const r of ALL_RULES) write(`docs/rules/${r.meta.id}.md`, renderRuleDoc(r) + (r.meta.id === 'wording' ? renderPackDocs(defaultPacks) : ''));
  write('docs/rules/README.md', renderDocsIndex(ALL_RULES));
  const readmePath = 'README.md';
  const readme = fs.readFileSync(path.join(root, readmePath), 'utf8');
  const start = '<!-- rules:start -->', end = '<!-- rules:end -->';
  const a = readme.indexOf(start), b = readme.indexOf(end);
  if (a >= 0 && b > a) write(readmePath, readme.slice(0, a + start.length) + '\n' + renderRuleTable(ALL_RULES) + readme.slice(b));
  const docFiles = fs.readdirSync(path.join(root, 'docs/rules')).filter((f) => f.endsWith('.md') && f !== 'README.md');
  for (const f of docFiles) {
    if (!ALL_RULES.some((r) => `${r.meta.id}.md` === f)) {
      if (check) { console.error(`stale doc: docs/rules/${f}`); stale++; } else { fs.unlinkSync(path.join(root, 'docs/rules', f)); console.log(`removed docs/rules/${f}`); }
    }
  }
}
if (stale > 0) process.exit(1);
