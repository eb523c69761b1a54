/**
 * CHAR(n)/VARCHAR(n) table columns, kept as Spark keeps them: the column is a
 * STRING whose field metadata `__CHAR_VARCHAR_TYPE_STRING` names the declared
 * type (`char(5)`). Writes into such a column check the length (trailing
 * spaces past n are trimmed first, then EXCEED_LIMIT_LENGTH) and pad CHAR
 * values to n; DESC/SHOW CREATE TABLE print the declared type.
 */
import { makeBatch, type Batch } from '../data/batch.js';
import { SparkRuntimeException } from '../errors/runtime-exceptions.js';
import { StructField } from './struct-field.js';
import type { StructType } from './data-types.js';

/** Spark's metadata key for a column's declared char/varchar type. */
export const CHAR_VARCHAR_KEY = '__CHAR_VARCHAR_TYPE_STRING';

export interface CharVarchar {
  readonly kind: 'char' | 'varchar';
  readonly length: number;
}

/** The declared char/varchar type of a field (or of a field's metadata), if it has one. */
export function charVarcharOf(f: { readonly metadata: Readonly<Record<string, unknown>> }): CharVarchar | undefined {
  const s = f.metadata[CHAR_VARCHAR_KEY];
  const m = typeof s === 'string' ? /^(char|varchar)\((\d+)\)$/.exec(s) : null;
  return m ? { kind: m[1] as CharVarchar['kind'], length: Number(m[2]) } : undefined;
}

/** The metadata entry for a declared `char(n)`/`varchar(n)` (`character` is char). */
export function charVarcharMetadata(name: string, length: number): Record<string, string> {
  return { [CHAR_VARCHAR_KEY]: `${name.toLowerCase() === 'varchar' ? 'varchar' : 'char'}(${length})` };
}

/** A declared column's field metadata: its comment and its char/varchar type. */
export function columnMetadata(col: { readonly comment?: string; readonly charVarchar?: string }): Record<string, string> {
  return { ...(col.comment !== undefined ? { comment: col.comment } : {}), ...(col.charVarchar !== undefined ? { [CHAR_VARCHAR_KEY]: col.charVarchar } : {}) };
}

/** The declared type of a SQL type text when it is `char(n)`/`character(n)`/`varchar(n)` (`char(5)`). */
export function charVarcharOfText(text: string): string | undefined {
  const m = /^\s*(char|character|varchar)\s*\(\s*(\d+)\s*\)\s*$/i.exec(text);
  return m ? charVarcharMetadata(m[1]!, Number(m[2]))[CHAR_VARCHAR_KEY] : undefined;
}

/** The field's type as DESC prints it: `char(5)` for a declared char column, else the type's simple string. */
export function declaredSimpleString(f: StructField): string {
  const cv = charVarcharOf(f);
  return cv ? `${cv.kind}(${cv.length})` : f.dataType.simpleString();
}

/** The field's type as SHOW CREATE TABLE prints it (`CHAR(5)`). */
export function declaredSql(f: StructField): string {
  const cv = charVarcharOf(f);
  return cv ? `${cv.kind.toUpperCase()}(${cv.length})` : f.dataType.sql();
}

/** The table's schema without the char/varchar entries (what a new table built from its rows declares). */
export function withoutCharVarchar(schema: StructType): StructField[] {
  return schema.fields.map((f) => {
    if (!(CHAR_VARCHAR_KEY in f.metadata)) return f;
    const { [CHAR_VARCHAR_KEY]: _, ...rest } = f.metadata;
    return new StructField(f.name, f.dataType, f.nullable, rest);
  });
}

function exceeds(length: number): SparkRuntimeException {
  return new SparkRuntimeException(`Exceeds char/varchar type length limitation: ${length}.`, {
    errorClass: 'EXCEED_LIMIT_LENGTH',
    messageParameters: { limit: String(length) },
  });
}

/** Spark's write-side check of one value: spaces past n are trimmed, other overflow refused, CHAR padded. */
function writeValue(v: string, cv: CharVarchar): string {
  let chars = [...v];
  if (chars.length > cv.length) {
    let end = chars.length;
    while (end > cv.length && chars[end - 1] === ' ') end--;
    if (end > cv.length) throw exceeds(cv.length);
    chars = chars.slice(0, end);
    v = chars.join('');
  }
  return cv.kind === 'char' && chars.length < cv.length ? v + ' '.repeat(cv.length - chars.length) : v;
}

/**
 * The rows written into a table of `target`'s columns (matched by position):
 * each char/varchar column's values checked and padded as Spark writes them.
 */
export function enforceCharVarchar(target: StructType, batch: Batch): Batch {
  const checks = target.fields.map(charVarcharOf);
  if (checks.every((c) => c === undefined)) return batch;
  const columns = batch.columns.map((col, i) => {
    const cv = checks[i];
    return cv ? col.map((v) => (typeof v === 'string' ? writeValue(v, cv) : v)) : col;
  });
  return makeBatch(batch.schema, columns);
}
