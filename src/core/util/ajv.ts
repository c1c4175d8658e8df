/**
 * The JSON-schema validator (Ajv), loaded on first use: only a run that reads a config file or a wording
 * pack validates one, and loading Ajv's code costs every start otherwise.
 */
import type AjvClass from 'ajv';

let ctor: typeof AjvClass | undefined;

// eslint-disable-next-line @typescript-eslint/no-require-imports
export const ajvClass = (): typeof AjvClass => (ctor ??= (require('ajv') as { default: typeof AjvClass }).default);
