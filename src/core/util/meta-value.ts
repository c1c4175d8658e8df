/** Where a metadata value is written in the source, for exact ranges and safe edits. */
import type { ZwgkDocument } from '../document';
import type { MetaField } from '../metadata';

export interface ValueSpan {
  start: number;
  end: number;
  /**
   * True when doc.text.slice(start, end) === field.value, so an edit of the value can replace exactly this
   * range (false e.g. for a YAML block scalar or a value with escapes: report, but do not edit).
   */
  exact: boolean;
}

/**
 * The range of `field.value` inside the field's source range: a YAML value range includes the quotes
 * (`文号: "海府办函〔2019〕168号"`), the value does not.
 */
export function valueSpan(doc: ZwgkDocument, field: MetaField): ValueSpan {
  const raw = doc.text.slice(field.start, field.end);
  if (field.value) {
    const i = raw.indexOf(field.value);
    if (i >= 0) return { start: field.start + i, end: field.start + i + field.value.length, exact: true };
  }
  return { start: field.start, end: field.end, exact: false };
}
