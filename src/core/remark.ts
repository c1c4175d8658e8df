/**
 * The Markdown parser: unified + remark-parse with front matter and GFM tables. Loaded by document.ts on
 * the first Markdown parse — its modules' set-up (micromark's constructs, the named character references)
 * costs every start otherwise, and many runs (the CLI with --cache, plain-text drafts) parse none.
 */
import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import type { Root } from 'mdast';

/**
 * GFM tables (what drafts use for lists of 受益贫困户, statistics …) through the same micromark extension
 * remark-gfm uses. The rest of GFM is left out on purpose: autolink literals alone double the parse time
 * of a CJK draft, and URLs/e-mails are cut out of the prose segments by our own linear scan instead.
 */
function remarkGfmTable(this: Processor): void {
  const data = this.data() as { micromarkExtensions?: unknown[]; fromMarkdownExtensions?: unknown[] };
  (data.micromarkExtensions ??= []).push(gfmTable());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown());
}

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfmTable);

/** The tree remark-parse builds. */
export function parseMarkdown(text: string): Root {
  return processor.parse(text) as Root;
}
