/**
 * iconv-lite (GB18030, GBK, Big5 … and their code-page tables), loaded on first use: only text that is
 * not UTF-8 or UTF-16 needs it, and loading it costs every start of the CLI and the server otherwise
 * (the bundles keep it in dist/vendor/, see esbuild.js).
 */
import type * as Iconv from 'iconv-lite';

let lib: typeof Iconv | undefined;

// eslint-disable-next-line @typescript-eslint/no-require-imports
export const iconv = (): typeof Iconv => (lib ??= require('iconv-lite') as typeof Iconv);
