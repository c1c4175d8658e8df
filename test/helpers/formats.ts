/**
 * Test builders for Word and web-page fixtures:
 *   - corpusDocx / corpusHtml / corpusMarkdown: a real-corpus document (plain-text portal shape) as a
 *     .docx written with the `docx` library (the catalogue header as a leading two-column table, one
 *     paragraph per line, `a | b` rows as a table), as a portal page (gov.cn or county layout, with
 *     navigation, scripts and a footer around it), and as Markdown;
 *   - wordPackage: a .docx from raw WordprocessingML parts, written the way Word writes them, for the
 *     tricky parts (numbering, tracked changes, comments, text boxes, footnotes, fields, hidden text).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { readHeader } from '../../src/core';
import { FIXTURES } from './fixtures';

export const CORPUS = path.join(FIXTURES, 'real-corpus');
export const FORMATS = path.join(FIXTURES, 'formats');

/** Every corpus document: path relative to the corpus folder → text. */
export function corpusFiles(): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.txt')) out.set(path.relative(CORPUS, p), fs.readFileSync(p, 'utf8'));
    }
  };
  walk(CORPUS);
  return out;
}

/** A corpus text split into its header pairs (as written) and body lines. */
export function splitCorpus(text: string): { header: { key: string; value: string }[]; body: string[] } {
  const meta = readHeader(text);
  const header: { key: string; value: string }[] = [];
  let bodyStart = 0;
  if (meta.block) {
    bodyStart = meta.block.end;
    // The catalogue fields zwgk knows (labels it does not know, and the byline, stay out of the comparison).
    for (const f of meta.fields) if (f.known && f.from === 'header') header.push({ key: f.rawKey, value: f.value });
  }
  const body = text.slice(bodyStart).split(/\r?\n/).filter((l) => l.trim());
  return { header, body };
}

/** Groups body lines: consecutive `a | b` rows become one table. */
function groups(body: string[]): ({ kind: 'p'; text: string } | { kind: 'table'; rows: string[][] })[] {
  const out: ({ kind: 'p'; text: string } | { kind: 'table'; rows: string[][] })[] = [];
  for (const line of body) {
    if (line.includes(' | ')) {
      const cells = line.split(' | ');
      const last = out[out.length - 1];
      if (last && last.kind === 'table') last.rows.push(cells);
      else out.push({ kind: 'table', rows: [cells] });
    } else out.push({ kind: 'p', text: line });
  }
  return out;
}

function cell(text: string): TableCell {
  return new TableCell({ width: { size: 2000, type: WidthType.DXA }, children: [new Paragraph({ children: [new TextRun(text)] })] });
}

/** A corpus document as a .docx (docx library): catalogue table, paragraphs, tables. */
export async function corpusDocx(text: string): Promise<Buffer> {
  const { header, body } = splitCorpus(text);
  const children: (Paragraph | Table)[] = [];
  if (header.length >= 2) {
    children.push(new Table({ rows: header.map((h) => new TableRow({ children: [cell(`${h.key}：`), cell(h.value)] })) }));
  } else {
    // One `key: value` line is no catalogue table: it stays a line at the top, as in the text.
    for (const h of header) children.push(new Paragraph({ children: [new TextRun(`${h.key}: ${h.value}`)] }));
  }
  for (const g of groups(body)) {
    if (g.kind === 'p') children.push(new Paragraph({ children: [new TextRun(g.text)] }));
    else {
      const width = Math.max(...g.rows.map((r) => r.length));
      children.push(new Table({ rows: g.rows.map((r) => new TableRow({ children: Array.from({ length: width }, (_, i) => cell(r[i] ?? '')) })) }));
    }
  }
  const doc = new Document({ sections: [{ children }] });
  return Packer.toBuffer(doc);
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A corpus document as a saved portal page: gov.cn's catalogue table, or a county portal's byline. */
export function corpusHtml(text: string, layout: 'govcn' | 'county' = 'govcn', charset = 'utf-8'): string {
  const { header, body } = splitCorpus(text);
  const title = header.find((h) => /^(名\s*称|标\s*题)$/.test(h.key))?.value ?? '';
  const content = groups(body).map((g) => (g.kind === 'p'
    ? `<p style="text-indent: 2em;">${esc(g.text)}</p>`
    : `<table border="1">${g.rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('\n')}</table>`)).join('\n');
  const nav = '<div class="nav"><a href="/">首页</a> | <a href="/zwgk/">政务公开</a> | <a href="/hdjl/">互动交流</a></div>\n<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政府信息公开</a></div>';
  const footer = '<div class="footer"><p>主办单位：某某市人民政府办公室　网站标识码：1100000088　京ICP备05070218号</p><p>联系电话：010-12345678</p></div>\n<script>var _hmt = _hmt || []; document.write("统计");</script>';
  let catalogue = '';
  if (layout === 'govcn' && header.length >= 2) {
    const rows: string[] = [];
    for (let i = 0; i < header.length; i += 2) {
      const pair = header.slice(i, i + 2).map((h) => `<td class="label"><b>${esc(h.key)}：</b></td><td>${esc(h.value)}</td>`).join('');
      rows.push(`<tr>${pair}</tr>`);
    }
    catalogue = `<div class="policyLibraryOverview_header"><table class="bd1" cellpadding="1" cellspacing="1">\n<tbody>${rows.join('\n')}</tbody></table></div>`;
  } else if (header.length) {
    catalogue = `<div class="xxgk-detail"><dl>${header.filter((h) => !/^(名\s*称|标\s*题)$/.test(h.key)).map((h) => `<dd><label><font>${esc(h.key)}：</font></label><div class="display-block">\n  ${esc(h.value)}\n</div></dd>`).join('\n')}</dl></div>`;
  }
  const titleHtml = layout === 'county' && title ? `<h1 class="article-title">${esc(title)}</h1>` : '';
  return `<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=${charset}">
<title>${esc(title)}_某某市人民政府</title>
<meta name="ArticleTitle" content="${esc(title).replace(/"/g, '&quot;')}">
<style>.nav{color:red}</style>
<script src="/js/jquery.js"></script>
</head>
<body>
${nav}
${catalogue}
${titleHtml}
<div class="article-content" id="UCAP-CONTENT">
${content}
</div>
<div class="share">分享到：微信 微博</div>
${footer}
</body></html>
`;
}

/** A corpus document as Markdown: the same header lines, paragraphs separated by blank lines. */
export function corpusMarkdown(text: string): string {
  const { header, body } = splitCorpus(text);
  const head = header.map((h) => `${h.key}: ${h.value}`).join('\n');
  return (head ? head + '\n\n' : '') + body.join('\n\n') + '\n';
}

// ————————————————————————————— raw WordprocessingML —————————————————————————————

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" mc:Ignorable="w14"';

/** A paragraph as Word writes it: runs split at rsid boundaries, proofing marks, bookmarks. */
export function p(body: string, pPr = ''): string {
  return `<w:p w:rsidR="00A1B2C3" w:rsidRDefault="00A1B2C3">${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${body}</w:p>`;
}

export function r(text: string, rPr = ''): string {
  return `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}<w:t xml:space="preserve">${esc(text)}</w:t></w:r>`;
}

export interface WordParts {
  body: string;
  numbering?: string;
  styles?: string;
  footnotes?: string;
  comments?: string;
  core?: string;
  custom?: string;
  header?: string;
}

/** A .docx package from WordprocessingML fragments. */
export function wordPackage(parts: WordParts): Uint8Array {
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<w:document ${W}><w:body>${parts.body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>`),
  };
  if (parts.numbering) files['word/numbering.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:numbering ${W}>${parts.numbering}</w:numbering>`);
  if (parts.styles) files['word/styles.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:styles ${W}>${parts.styles}</w:styles>`);
  if (parts.footnotes) files['word/footnotes.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:footnotes ${W}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>${parts.footnotes}</w:footnotes>`);
  if (parts.comments) files['word/comments.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:comments ${W}>${parts.comments}</w:comments>`);
  if (parts.header) files['word/header1.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:hdr ${W}>${parts.header}</w:hdr>`);
  if (parts.core) files['docProps/core.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">${parts.core}</cp:coreProperties>`);
  if (parts.custom) files['docProps/custom.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">${parts.custom}</Properties>`);
  return zipSync(files);
}
