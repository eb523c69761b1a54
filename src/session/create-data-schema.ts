/**
 * The schema of `createDataFrame(data, schema)`, as PySpark resolves it: a StructType as
 * given; a single type (a DataType or a type name) as one column `value`; DDL text; else
 * inferred from the rows, with the names given as a list.
 */
import { PySparkValueError } from '../errors/index.js';
import { DataType, StructField, StructType } from '../types/data-types.js';
import { parseDataType, parseSchema } from '../types/ddl.js';
import { inferSchema } from '../types/infer.js';

/** The schema of the data and its rows (single-type data wrapped as one-field rows). */
export function createDataSchema(
  data: readonly unknown[],
  schema: StructType | DataType | string | readonly string[] | undefined,
): { readonly struct: StructType; readonly rows: readonly unknown[] } {
  let struct: StructType;
  let rows: readonly unknown[] = data;
  if (schema instanceof StructType) {
    struct = schema;
  } else if (schema instanceof DataType || (typeof schema === 'string' && !/\s|:/.test(schema.trim()) && isTypeName(schema))) {
    // A single atomic type: one column named `value`.
    const t = schema instanceof DataType ? schema : parseDataType(schema);
    struct = new StructType([new StructField('value', t, true)]);
    rows = data.map((v) => [v]);
  } else if (typeof schema === 'string') {
    struct = parseSchema(schema);
  } else {
    const names = schema ? [...schema] : undefined;
    if (data.length === 0) {
      throw new PySparkValueError('Can not infer schema from an empty dataset.', { errorClass: 'CANNOT_INFER_EMPTY_SCHEMA' });
    }
    struct = inferSchema(data, names);
  }
  return { struct, rows };
}

function isTypeName(s: string): boolean {
  try {
    const t = parseDataType(s);
    return !(t instanceof StructType);
  } catch {
    return false;
  }
}
