/**
 * `printSchema()` text, following Spark's `StructType.treeString`:
 * ```
 * root
 *  |-- id: long (nullable = true)
 *  |-- tags: array (nullable = true)
 *  |    |-- element: string (containsNull = true)
 * ```
 * Types print by `typeName()` (`integer`, `decimal(10,2)`); `level` limits the depth.
 */
import { ArrayType, DataType, MapType, StructType } from '../types/data-types.js';
import { escapeMetaCharacters } from './show.js';

/** Spark's `treeString(level)`: `root` plus one line per (nested) field; ends with a newline. */
export function formatSchemaTree(schema: StructType, level?: number): string {
  const maxDepth = level === undefined || level <= 0 ? Number.MAX_SAFE_INTEGER : level;
  const out: string[] = ['root\n'];
  buildStruct(schema, ' |', out, maxDepth);
  return out.join('');
}

function buildStruct(schema: StructType, prefix: string, out: string[], maxDepth: number): void {
  for (const f of schema.fields) {
    if (maxDepth <= 0) return;
    out.push(`${prefix}-- ${escapeMetaCharacters(f.name)}: ${f.dataType.typeName()} (nullable = ${f.nullable})\n`);
    buildNested(f.dataType, `${prefix}    |`, out, maxDepth - 1);
  }
}

function buildNested(t: DataType, prefix: string, out: string[], maxDepth: number): void {
  if (maxDepth <= 0) return;
  if (t instanceof ArrayType) {
    out.push(`${prefix}-- element: ${t.elementType.typeName()} (containsNull = ${t.containsNull})\n`);
    buildNested(t.elementType, `${prefix}    |`, out, maxDepth - 1);
  } else if (t instanceof MapType) {
    out.push(`${prefix}-- key: ${t.keyType.typeName()}\n`);
    buildNested(t.keyType, `${prefix}    |`, out, maxDepth - 1);
    out.push(`${prefix}-- value: ${t.valueType.typeName()} (valueContainsNull = ${t.valueContainsNull})\n`);
    buildNested(t.valueType, `${prefix}    |`, out, maxDepth - 1);
  } else if (t instanceof StructType) {
    buildStruct(t, prefix, out, maxDepth);
  }
}
