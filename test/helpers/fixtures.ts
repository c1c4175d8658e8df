/** The shared test fixtures: the seed and the real published notices (copied from ../shared). */
import * as fs from 'node:fs';
import * as path from 'node:path';

export const FIXTURES = path.resolve(__dirname, '../fixtures');

/** The founding document as published on the portal (catalogue header, half-width punctuation of the stored copy). */
export const SEED = fs.readFileSync(path.join(FIXTURES, 'seed/haikou-2019-zwgk-yaodian.txt'), 'utf8');

/** File names of the real notices (test/fixtures/real-notices/*.txt). */
export const NOTICES = fs.readdirSync(path.join(FIXTURES, 'real-notices')).filter((f) => f.endsWith('.txt'));

/** A real notice as stored: its SOURCE:/NOTE: lines first. */
export function notice(name: string): string {
  return fs.readFileSync(path.join(FIXTURES, 'real-notices', name), 'utf8');
}

/** The page as a user would have saved it: the stored copy without its SOURCE:/NOTE: lines. */
export function saved(raw: string): string {
  return raw.replace(/^SOURCE:.*\r?\n(?:NOTE:.*\r?\n)?\s*/, '');
}
