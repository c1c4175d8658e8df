/**
 * Where a rule link (a diagnostic's `codeDescription.href`, the link at the foot of a hover) points —
 * never the network by default:
 *   - a client that names a command for it (`initializationOptions.ruleLinks.command`, the VS Code
 *     extension: `zwgk.explainRule`) gets `command:<id>?["<rule-id>"]`, which opens the bundled rule page
 *     inside the editor;
 *   - any other client gets a `file:` URI of the rule page shipped next to the server
 *     (`docs/rules/<id>.md` beside `dist/`), which opens offline in any editor;
 *   - only an installation without the rule pages falls back to the project's web page.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

export const WEB_DOCS_BASE = 'https://github.com/zwgk/zwgk/blob/main/docs/rules/';

let command: string | undefined;
let docsDir: string | null | undefined;
/**
 * Links by rule id, for the client's command at the time. Every diagnostic carries one (hundreds per
 * publication on a long draft), and a rule page either ships with the server or does not: it is looked
 * up on disk once per rule.
 */
const links = new Map<string, string>();

/** The client's command for rule links (undefined: file links). Only a plain command id is accepted. */
export function setRuleLinkCommand(id: unknown): void {
  command = typeof id === 'string' && /^[A-Za-z][\w.-]{0,99}$/.test(id) ? id : undefined;
  links.clear();
}

/** The folder of the bundled rule pages: `../docs/rules` from dist/ (or from src/server when run from source). */
export function rulePagesDir(): string | undefined {
  if (docsDir === undefined) {
    docsDir = null;
    for (const up of ['..', '../..']) {
      const d = path.resolve(__dirname, up, 'docs', 'rules');
      if (fs.existsSync(path.join(d, 'README.md'))) {
        docsDir = d;
        break;
      }
    }
  }
  return docsDir ?? undefined;
}

/** The rule's page as a local file, when it ships with the server. */
export function rulePageFile(ruleId: string): string | undefined {
  const dir = rulePagesDir();
  if (!dir || !/^[a-z0-9-]+$/.test(ruleId)) return undefined;
  const f = path.join(dir, `${ruleId}.md`);
  return fs.existsSync(f) ? f : undefined;
}

/** The link for a rule: the client's command, else the local page, else the web page. */
export function ruleLink(ruleId: string): string {
  let link = links.get(ruleId);
  if (link === undefined) {
    if (command) link = `command:${command}?${encodeURIComponent(JSON.stringify([ruleId]))}`;
    else {
      const file = rulePageFile(ruleId);
      link = file ? pathToFileURL(file).href : `${WEB_DOCS_BASE}${ruleId}.md`;
    }
    if (links.size < 1000) links.set(ruleId, link);
  }
  return link;
}
