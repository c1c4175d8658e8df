/** YAML front matter of a Markdown draft: what the drafter writes, read with the `yaml` parser. */
import { parseDocument, isMap, isScalar, isSeq, type Node as YamlNode } from 'yaml';
import { yamlProblem, MAX_FRONT_MATTER_CHARS } from '../parser-guard';
import { canonicalKey } from '../meta-keys';
import type { Metadata } from './index';
import { simpleFrontMatter } from '../util/simple-front-matter';


/** The first line break at or after `from` (\r\n, \n or a lone \r): where it is and where the next line starts. */
function nextBreak(text: string, from: number): { at: number; next: number } | undefined {
  const re = /\r\n?|\n/g;
  re.lastIndex = from;
  const m = re.exec(text);
  return m ? { at: m.index, next: m.index + m[0].length } : undefined;
}

/**
 * Reads YAML front matter occupying text[start, end) (fences included). Front matter in the simple form
 * drafts write (one `键: 值` a line, plain values) is read without the YAML parser — the same fields
 * (util/simple-front-matter.ts; a property test holds the two readers to that).
 */
export function readFrontMatter(text: string, start: number, end: number): Metadata {
  if (end - start <= MAX_FRONT_MATTER_CHARS) {
    const simple = simpleFrontMatter(text, start, end);
    if (simple) return simple;
  }
  return readFrontMatterYaml(text, start, end);
}

/** readFrontMatter through the YAML parser, whatever the form. */
export function readFrontMatterYaml(text: string, start: number, end: number): Metadata {
  // Line breaks are \n, \r\n or a lone \r (old Mac files): all three end a line.
  const first = nextBreak(text, start);
  const contentStart = !first || first.at >= end ? end : first.next;
  // The closing fence is the last line of the block.
  let contentEnd = end;
  const lastBreak = Math.max(text.lastIndexOf('\n', end - 1), text.lastIndexOf('\r', end - 1));
  if (lastBreak >= contentStart - 1) contentEnd = Math.max(contentStart, lastBreak + 1);
  const yamlText = text.slice(contentStart, contentEnd);
  const meta: Metadata = { source: 'front-matter', block: { start, end }, fields: [], furniture: [], problems: [] };
  const guard = yamlProblem(yamlText, MAX_FRONT_MATTER_CHARS);
  if (guard) {
    meta.problems.push({ start, end: contentStart, message: `前置元数据（YAML）${guard}` });
    return meta;
  }
  let doc;
  try {
    // The YAML parser knows \n and \r\n only: a lone \r becomes \n (one character for one, so every
    // range stays exact).
    doc = parseDocument(yamlText.includes('\r') ? yamlText.replace(/\r(?!\n)/g, '\n') : yamlText, { prettyErrors: false, uniqueKeys: false });
  } catch (e) {
    meta.problems.push({ start, end: contentStart, message: `前置元数据（YAML）无法解析：${(e as Error).message}` });
    return meta;
  }
  for (const err of doc.errors) {
    const [a, b] = err.pos ?? [0, 0];
    meta.problems.push({
      start: contentStart + a,
      end: contentStart + Math.max(a, b),
      message: `前置元数据（YAML）格式错误：${yamlErrorText(err.code, err.message)}`,
    });
  }
  if (doc.errors.length > 0) return meta;
  const contents = doc.contents;
  if (contents == null) return meta;
  if (!isMap(contents)) {
    const r = (contents as YamlNode).range ?? [0, yamlText.length];
    meta.problems.push({ start: contentStart + r[0], end: contentStart + r[1], message: '前置元数据应为“键: 值”形式的映射' });
    return meta;
  }
  for (const pair of contents.items) {
    const keyNode = pair.key as YamlNode | null;
    if (!keyNode || !isScalar(keyNode)) continue;
    const rawKey = String(keyNode.value ?? '');
    const [ks, ke] = keyNode.range ?? [0, 0];
    const valueNode = pair.value as YamlNode | null;
    let value = '';
    let vs = ke, ve = ke;
    if (valueNode) {
      const r = valueNode.range ?? [ke, ke];
      vs = r[0];
      ve = r[1];
      if (isScalar(valueNode)) value = valueNode.value == null ? '' : String(valueNode.value).trim();
      else if (isSeq(valueNode)) value = valueNode.items.map((i) => (isScalar(i) ? String(i.value ?? '') : '')).filter(Boolean).join('、');
      else value = yamlText.slice(vs, ve).trim();
    }
    const key = canonicalKey(rawKey);
    meta.fields.push({
      key: key ?? rawKey, known: key !== undefined, rawKey, value,
      keyStart: contentStart + ks, keyEnd: contentStart + ke,
      start: contentStart + vs, end: contentStart + ve,
    });
  }
  return meta;
}

function firstLine(s: string): string {
  return s.split('\n')[0];
}

/** What the `yaml` parser's error codes mean for someone writing `键: 值` lines, with what to do. */
const YAML_ERRORS: Partial<Record<string, string>> = {
  BLOCK_AS_IMPLICIT_KEY: '值中的“: ”或缩进的下一行被当作了嵌套的“键: 值”（值中含冒号时请用引号括起，如 标题: "关于: 印发"；续行不要缩进）',
  MULTILINE_IMPLICIT_KEY: '一个键跨了多行（每个“键: 值”写在一行；值中含冒号时请用引号括起）',
  BAD_INDENT: '缩进不一致（各行的“键:”应从同一列开始，方括号列表要写完整）',
  DUPLICATE_KEY: '键重复（同一个键只写一次）',
  MISSING_CHAR: '缺少配对的引号或括号，或某行缺少“键:”的冒号',
  TAB_AS_INDENT: '不能用制表符（Tab）缩进，请改用空格',
  UNEXPECTED_TOKEN: '引号外还有多余的文字（值要么整个放在引号内，要么不加引号）',
  BAD_SCALAR_START: '值以 @、` 等保留字符开头，请用引号括起',
  BAD_DQ_ESCAPE: '双引号内的反斜杠转义无效（请改用单引号，或去掉反斜杠）',
  MULTIPLE_DOCS: '前置元数据中多了一行“---”（只在开头和结尾各写一行）',
  BLOCK_IN_FLOW: '方括号或花括号列表中不能换行写“键: 值”（请写在一行内）',
  KEY_OVER_1024_CHARS: '键太长（超过1024个字符），可能是漏写了冒号',
};

/** A Chinese explanation of a `yaml` error (by its code); unknown codes keep the parser's words. */
export function yamlErrorText(code: string | undefined, message: string): string {
  return (code && YAML_ERRORS[code]) ?? `无法解析（${firstLine(message)}）；请按“键: 值”逐行书写，值中含冒号时用引号括起`;
}
