/**
 * Writes the contributed snippet files from the one template source:
 *   snippets/templates.json → snippets/markdown.json, snippets/plaintext.json
 * usage: npx tsx scripts/snippets.ts [--check]   (--check: exit 1 when a file is out of date)
 */
import fs from 'node:fs';
import path from 'node:path';
import { TEMPLATES, renderLines, withLastYear, type TemplateFormat } from '../src/extension/templates';

export const SNIPPET_FILES: Record<TemplateFormat, string> = {
  markdown: 'snippets/markdown.json',
  text: 'snippets/plaintext.json',
};

export function snippetFile(format: TemplateFormat): string {
  const out: Record<string, unknown> = {};
  for (const t of TEMPLATES) {
    out[t.name] = {
      prefix: t.prefixes,
      body: renderLines(t, format).map((l) => withLastYear(l)),
      description: `zwgk：${t.description}`,
      // Whole-document templates are offered by "Snippets: Fill File with Snippet" and for new files.
      ...(t.headerOnly ? {} : { isFileTemplate: true }),
    };
  }
  return JSON.stringify(out, null, 2) + '\n';
}

function main() {
  const check = process.argv.includes('--check');
  const root = path.resolve(__dirname, '..');
  let stale = 0;
  for (const [format, rel] of Object.entries(SNIPPET_FILES) as [TemplateFormat, string][]) {
    const file = path.join(root, rel);
    const want = snippetFile(format);
    const have = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    if (have === want) continue;
    if (check) {
      console.error(`${rel} is out of date: run npx tsx scripts/snippets.ts`);
      stale++;
    } else {
      fs.writeFileSync(file, want);
      console.log(`wrote ${rel}`);
    }
  }
  if (stale) process.exit(1);
}

if (require.main === module) main();
