/**
 * Export: a Markdown (or plain-text) draft → a Word .docx laid out as a 公文 per GB/T 9704-2012
 * 《党政机关公文格式》, written with the `docx` library. Fonts are named, never embedded (the office's
 * machines have them: 方正小标宋简体, 仿宋_GB2312, 黑体, 楷体_GB2312).
 *
 *   - A4 (210 × 297 mm); 版心 156 × 225 mm: 天头 37 mm, 订口 28 mm (so right 26 mm, bottom 35 mm);
 *   - 22 lines a page (exact line pitch 225 mm / 22 ≈ 28.95 pt), 正文 3号仿宋 (16 pt), 首行缩进 2 字;
 *   - 标题 2号小标宋 (22 pt), centred; 章节 (第一章) 黑体 centred; 一级标题 (一、) 黑体, 二级 (（一）) 楷体, 三级 (1.) 和四级 (（1）) 仿宋;
 *     a run-in heading (`（一）坚持全面覆盖。将……`) has only its heading sentence in the heading font;
 *   - 附件说明 (`附件：…`) 左空二字; 成文日期 右空四字, 发文机关署名 centred over it (the layout for a
 *     document to be sealed);
 *     附注 (`（此件公开发布）`) 左空二字 below the date;
 *   - 页码: 4号半角宋体阿拉伯数字 with a dash each side (`— 1 —`), odd pages right with one character
 *     of space, even pages left with one character of space.
 * The draft's metadata (front matter or catalogue header) is kept as custom document properties (and
 * the title as the title property), so reading the .docx back gives the same metadata.
 */
import type * as Docx from 'docx';
import type { Nodes, Root, Table as MdTable, List, ListItem } from 'mdast';
import { ZwgkDocument } from '../document';

/**
 * The `docx` library (half a megabyte of code), loaded on the first export: every other command and
 * every worker thread starts without it.
 */
let docxLib: typeof Docx | undefined;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const docx = (): typeof Docx => (docxLib ??= require('docx') as typeof Docx);

export const FONTS = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  pageNumber: '宋体',
  latin: 'Times New Roman',
} as const;

const PT = 20; // twips per point
const BODY_PT = 16; // 3号
const TITLE_PT = 22; // 2号
const PAGE_NUMBER_PT = 14; // 4号
/** 225 mm of 版心 over 22 lines. */
const LINE_TWIPS = Math.round((225 / 22 / 25.4) * 72 * PT);
const CHAR = BODY_PT * PT;

const mm = (n: number) => Math.round((n / 25.4) * 1440);

export const LAYOUT = {
  page: { width: mm(210), height: mm(297) },
  margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) },
  lineTwips: LINE_TWIPS,
};

type Role = 'title' | 'chapter' | 'heading1' | 'heading2' | 'heading3' | 'body' | 'attachment' | 'signature' | 'date' | 'note' | 'addressee';

interface Block {
  role: Role;
  text: string;
}

const DATE_LINE = /^(?:[0-9０-９]{4}年[0-9０-９]{1,2}月[0-9０-９]{1,2}日|[〇零一二三四五六七八九]{4}年[〇零一二三四五六七八九十]{1,2}月[〇零一二三四五六七八九十]{1,3}日)$/;
const ORG_LINE = /^[\u4e00-\u9fff（）()]{2,40}(人民政府|政府|办公厅|办公室|委员会|局|厅|委|部|署|院|中心|处|科|所|站|队|会|街道办事处|社区|村民委员会|公司)$/;
const NOTE_LINE = /^[（(]此件[^）)]{0,30}[）)]$/;

/** 第一章 / 第一节 of a regulation: a centred heading line. (第一条 is body text.) */
const CHAPTER = /^第[一二三四五六七八九十百零]+[章节](?:[ \u3000]|$)/;

function cnLevel(text: string): 1 | 2 | 3 | undefined {
  if (/^[一二三四五六七八九十]+、/.test(text) || /^第[一二三四五六七八九十百零]+部分/.test(text)) return 1;
  if (/^[（(][一二三四五六七八九十]+[）)]/.test(text)) return 2;
  if (/^([0-9]{1,2}[.．、](?![0-9])|[（(][0-9]{1,2}[）)])/.test(text)) return 3;
  return undefined;
}

function inlineText(node: Nodes): string {
  if (node.type === 'html' || node.type === 'yaml') return '';
  if (node.type === 'break') return '\n';
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node) return (node.children as Nodes[]).map(inlineText).join('');
  return '';
}

/** The draft's blocks in order, each with its 公文 role. */
export function draftBlocks(doc: ZwgkDocument): { blocks: Block[]; tables: Map<number, string[][]> } {
  const blocks: Block[] = [];
  const tables = new Map<number, string[][]>();
  const push = (text: string, role: Role = 'body') => {
    for (const line of text.split('\n')) {
      const t = line.trim();
      if (t) blocks.push({ role, text: t });
    }
  };
  const visit = (node: Nodes): void => {
    switch (node.type) {
      case 'root': for (const c of node.children) visit(c as Nodes); return;
      case 'yaml': case 'html': case 'thematicBreak': case 'definition': return;
      case 'heading': push(inlineText(node), node.depth === 1 ? 'title' : 'body'); return;
      case 'paragraph': {
        if (node.position && node.position.start.offset! < doc.bodyStart) return;
        push(inlineText(node));
        return;
      }
      case 'list': {
        const list = node as List;
        list.children.forEach((item: ListItem, i: number) => {
          const prefix = list.ordered ? `${(list.start ?? 1) + i}.` : '';
          const paragraphs = item.children.map((c) => inlineText(c as Nodes)).filter((t) => t.trim());
          paragraphs.forEach((t, k) => push(k === 0 ? prefix + t : t));
        });
        return;
      }
      case 'table': {
        const rows = (node as MdTable).children.map((r) => r.children.map((c) => inlineText(c as Nodes).trim()));
        tables.set(blocks.length, rows);
        blocks.push({ role: 'body', text: '' });
        return;
      }
      case 'code': push(node.value); return;
      case 'blockquote': for (const c of node.children) visit(c as Nodes); return;
      default:
        if ('children' in node) for (const c of (node as { children: Nodes[] }).children) visit(c);
    }
  };
  if (doc.format === 'markdown') visit(doc.tree as Root);
  else for (const b of doc.blocks) if (b.start >= doc.bodyStart) push(b.text);

  // The title: a `# ` heading, else the metadata title when the first line is it, else the first line.
  const metaTitle = doc.meta('标题');
  if (!blocks.some((b) => b.role === 'title')) {
    const first = blocks.find((b) => b.text);
    if (first && (first.text === metaTitle || (!metaTitle && first.text.length <= 60 && !/[。；]$/.test(first.text)))) first.role = 'title';
  }
  // 主送机关: the line after the title that ends with a colon.
  const titleAt = blocks.findIndex((b) => b.role === 'title');
  const next = blocks[titleAt + 1];
  if (next && /[：:]$/.test(next.text) && next.text.length <= 80 && !cnLevel(next.text)) next.role = 'addressee';
  // 落款 and 成文日期 at the end; 附注 below them.
  for (let i = blocks.length - 1; i >= 0 && i >= blocks.length - 6; i--) {
    const b = blocks[i];
    if (NOTE_LINE.test(b.text)) b.role = 'note';
    else if (DATE_LINE.test(b.text)) {
      b.role = 'date';
      const prev = blocks[i - 1];
      if (prev && ORG_LINE.test(prev.text)) prev.role = 'signature';
      break;
    }
  }
  for (const b of blocks) {
    if (b.role !== 'body' || !b.text) continue;
    if (/^附件[：:]/.test(b.text)) b.role = 'attachment';
    else if (CHAPTER.test(b.text) && b.text.length <= 30) b.role = 'chapter';
    else {
      const level = cnLevel(b.text);
      if (level === 1) b.role = 'heading1';
      else if (level === 2) b.role = 'heading2';
      else if (level === 3) b.role = 'heading3';
    }
  }
  return { blocks, tables };
}

function run(text: string, font: string, size = BODY_PT, bold = false): Docx.TextRun {
  const { TextRun } = docx();
  return new TextRun({ text, bold, size: size * 2, font: { eastAsia: font, ascii: FONTS.latin, hAnsi: FONTS.latin } });
}

/** Exact line pitch, no space before or after. */
const exact = () => ({ line: LINE_TWIPS, lineRule: docx().LineRuleType.EXACT, before: 0, after: 0 });

/** Width of a line in characters of the body font (ASCII counts half). */
function widthInChars(s: string): number {
  let w = 0;
  for (const ch of s) w += ch.charCodeAt(0) < 0x2e80 ? 0.5 : 1;
  return w;
}

function paragraphOf(b: Block, signatureIndent: number): Docx.Paragraph {
  const { AlignmentType, Paragraph } = docx();
  const indent = { firstLine: 2 * CHAR };
  switch (b.role) {
    case 'title':
      return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { ...exact(), line: Math.round(LINE_TWIPS * 1.2) }, children: [run(b.text, FONTS.title, TITLE_PT)] });
    case 'chapter':
      return new Paragraph({ alignment: AlignmentType.CENTER, spacing: exact(), children: [run(b.text, FONTS.heading1)] });
    case 'addressee':
      return new Paragraph({ spacing: exact(), children: [run(b.text, FONTS.body)] });
    case 'heading1': case 'heading2': case 'heading3': {
      const font = b.role === 'heading1' ? FONTS.heading1 : b.role === 'heading2' ? FONTS.heading2 : FONTS.body;
      // A run-in heading: the heading sentence in the heading font, the rest in 仿宋.
      const stop = b.text.search(/[。]/);
      const runs = stop > 0 && stop < b.text.length - 1
        ? [run(b.text.slice(0, stop + 1), font), run(b.text.slice(stop + 1), FONTS.body)]
        : [run(b.text, font)];
      return new Paragraph({ spacing: exact(), indent, children: runs });
    }
    case 'attachment':
      return new Paragraph({ spacing: exact(), indent: { left: 2 * CHAR }, children: [run(b.text, FONTS.body)] });
    case 'signature':
      return new Paragraph({ alignment: AlignmentType.RIGHT, spacing: exact(), indent: { right: signatureIndent }, children: [run(b.text, FONTS.body)] });
    case 'date':
      return new Paragraph({ alignment: AlignmentType.RIGHT, spacing: exact(), indent: { right: 4 * CHAR }, children: [run(b.text, FONTS.body)] });
    case 'note':
      return new Paragraph({ spacing: exact(), indent: { left: 2 * CHAR }, children: [run(b.text, FONTS.body)] });
    default:
      return new Paragraph({ alignment: AlignmentType.JUSTIFIED, spacing: exact(), indent, children: [run(b.text, FONTS.body)] });
  }
}

function tableOf(rows: string[][]): Docx.Table {
  const { AlignmentType, Paragraph, Table, TableCell, TableRow, WidthType } = docx();
  const columns = Math.max(1, ...rows.map((r) => r.length));
  const width = LAYOUT.page.width - LAYOUT.margin.left - LAYOUT.margin.right;
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: Array.from({ length: columns }, () => Math.floor(width / columns)),
    rows: rows.map((r) => new TableRow({
      children: Array.from({ length: columns }, (_, i) => new TableCell({
        width: { size: Math.floor(width / columns), type: WidthType.DXA },
        children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [run(r[i] ?? '', FONTS.body, 14)] })],
      })),
    })),
  });
}

function pageNumberFooter(side: 'odd' | 'even'): Docx.Footer {
  const { AlignmentType, Footer, PageNumber, Paragraph, TextRun } = docx();
  const size = PAGE_NUMBER_PT * 2;
  const font = { eastAsia: FONTS.pageNumber, ascii: FONTS.pageNumber, hAnsi: FONTS.pageNumber };
  return new Footer({
    children: [new Paragraph({
      alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
      indent: side === 'odd' ? { right: PAGE_NUMBER_PT * PT } : { left: PAGE_NUMBER_PT * PT },
      children: [
        new TextRun({ text: '— ', size, font }),
        new TextRun({ children: [PageNumber.CURRENT], size, font }),
        new TextRun({ text: ' —', size, font }),
      ],
    })],
  });
}

export interface ExportOptions {
  /** Document creator property (default: zwgk). */
  creator?: string;
}

/** The .docx bytes of a draft (Markdown or plain text), laid out per GB/T 9704-2012. */
export async function exportDocx(text: string, filePath?: string, options: ExportOptions = {}): Promise<Uint8Array> {
  const { Document, Packer, Paragraph } = docx();
  const doc = new ZwgkDocument(text, filePath);
  const { blocks, tables } = draftBlocks(doc);
  const date = blocks.find((b) => b.role === 'date');
  const signature = blocks.find((b) => b.role === 'signature');
  // The signature is centred over the date: its right indent is the date's plus half the difference.
  const signatureIndent = Math.max(0, Math.round(4 * CHAR + (date && signature ? ((widthInChars(date.text) - widthInChars(signature.text)) / 2) * CHAR : 0)));
  const children: (Docx.Paragraph | Docx.Table)[] = [];
  blocks.forEach((b, i) => {
    const rows = tables.get(i);
    if (rows) {
      children.push(tableOf(rows));
      return;
    }
    if (b.role === 'title') {
      children.push(paragraphOf(b, signatureIndent));
      // One blank line between the title and what follows (主送机关 or 正文).
      if (blocks[i + 1]?.role !== 'title') children.push(new Paragraph({ spacing: exact(), children: [] }));
      return;
    }
    // 成文日期 and 落款 stand apart from the text; 附注 one line below the date.
    if ((b.role === 'signature' || (b.role === 'date' && !signature)) && children.length) children.push(new Paragraph({ spacing: exact(), children: [] }), new Paragraph({ spacing: exact(), children: [] }));
    if (b.role === 'attachment' && blocks[i - 1]?.role !== 'attachment') children.push(new Paragraph({ spacing: exact(), children: [] }));
    if (b.role === 'note') children.push(new Paragraph({ spacing: exact(), children: [] }));
    children.push(paragraphOf(b, signatureIndent));
  });
  const customProperties = doc.metadata.fields
    .filter((f) => f.value && f.rawKey.trim())
    .map((f) => ({ name: f.rawKey.replace(/[\s\u3000]+/g, '') || f.key, value: f.value }));
  const document = new Document({
    creator: options.creator ?? 'zwgk',
    title: doc.title?.text ?? '',
    customProperties,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: { run: { font: { eastAsia: FONTS.body, ascii: FONTS.latin, hAnsi: FONTS.latin }, size: BODY_PT * 2 }, paragraph: { spacing: exact() } },
      },
    },
    sections: [{
      properties: {
        page: {
          size: LAYOUT.page,
          // 页码 7 mm below the 版心 (35 mm bottom margin, about 5 mm for the number's line).
          margin: { ...LAYOUT.margin, header: mm(15), footer: mm(23) },
        },
      },
      footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
      children,
    }],
  });
  const buf = await Packer.toBuffer(document);
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}
