/** `functions`: JSON (from_json, to_json, schema_of_json, get_json_object, json_tuple, ...). */
import { Column, type ColumnOrName } from '../api/column.js';
import type { Expr } from '../expr/nodes.js';
import { PySparkTypeError } from '../errors/index.js';
import { DataType, StructType } from '../types/data-types.js';
import { L, c, call, unary } from './call.js';

/** A data source options dict as PySpark sends it: `map(k1, v1, ...)` of strings (booleans as `true`/`false`). */
export function optionsMap(options: Readonly<Record<string, unknown>>): Expr {
  const parts: Expr[] = [];
  for (const [k, v] of Object.entries(options)) parts.push(L(k), L(v === null || v === undefined ? null : String(v)));
  return call('create_map', ...parts).expr;
}

const withOptions = (fn: string, args: Expr[], options?: Readonly<Record<string, unknown>>): Column =>
  options === undefined ? call(fn, ...args) : call(fn, ...args, optionsMap(options));

/** A schema argument: a DataType becomes its DDL text (Spark reads both DDL and its JSON form), a string is taken as it is. */
function schemaArg(schema: DataType | Column | string, fnName: string): Expr {
  if (Column.isColumn(schema)) return schema.expr;
  if (schema instanceof StructType) return L(schema.toDDL());
  if (schema instanceof DataType) return L(schema.sql());
  if (typeof schema === 'string') return L(jsonSchemaAsDdl(schema));
  throw new PySparkTypeError(`Argument \`schema\` should be a Column, str or DataType, got ${typeof schema}.`, {
    errorClass: 'NOT_COLUMN_OR_DATATYPE_OR_STR',
    messageParameters: { arg_name: 'schema', arg_type: typeof schema, function: fnName },
  });
}

/** Spark Connect parses a schema string as Spark's JSON schema form first, then as DDL. */
function jsonSchemaAsDdl(s: string): string {
  if (!s.trimStart().startsWith('{')) return s;
  try {
    const t = DataType.fromJson(s);
    return t instanceof StructType ? t.toDDL() : t.sql();
  } catch {
    return s;
  }
}

/** `from_json(col, schema[, options])`: parses JSON text into a struct, array or map of `schema` (DDL, DataType or Column). */
export const from_json = (col: ColumnOrName, schema: DataType | Column | string, options?: Readonly<Record<string, unknown>>): Column =>
  withOptions('from_json', [c(col), schemaArg(schema, 'from_json')], options);
/** `to_json(col[, options])`: a struct, array or map as JSON text. */
export const to_json = (col: ColumnOrName, options?: Readonly<Record<string, unknown>>): Column => withOptions('to_json', [c(col)], options);
/** `schema_of_json(json[, options])`: the DDL type Spark infers from a JSON literal (a string is the JSON text itself). */
export const schema_of_json = (json: Column | string, options?: Readonly<Record<string, unknown>>): Column =>
  withOptions('schema_of_json', [typeof json === 'string' ? L(json) : json.expr], options);
/** `get_json_object(col, path)`: the value at a JSONPath (`$.a.b[0]`), as a string. */
export const get_json_object = (col: ColumnOrName, path: string): Column => call('get_json_object', c(col), L(path));
/** `json_tuple(col, *fields)`: a generator of one row with the fields' values, columns `c0`, `c1`, ... */
export const json_tuple = (col: ColumnOrName, ...fields: string[]): Column => {
  if (fields.length === 0) {
    throw new PySparkTypeError('At least one field must be specified', { errorClass: 'CANNOT_BE_EMPTY', messageParameters: { item: 'field' } });
  }
  return call('json_tuple', c(col), ...fields.map((f) => L(f)));
};
/** `json_array_length(col)`: elements of a JSON array (null when not an array). */
export const json_array_length = unary('json_array_length');
/** `json_object_keys(col)`: the keys of a JSON object (null when not an object). */
export const json_object_keys = unary('json_object_keys');

/** `from_csv(col, schema[, options])`: a CSV record as a struct of `schema` (DDL text or a Column of it). */
export const from_csv = (col: ColumnOrName, schema: Column | string, options?: Readonly<Record<string, unknown>>): Column =>
  withOptions('from_csv', [c(col), typeof schema === 'string' ? L(schema) : schema.expr], options);
/** `to_csv(col[, options])`: a struct as one CSV record. */
export const to_csv = (col: ColumnOrName, options?: Readonly<Record<string, unknown>>): Column => withOptions('to_csv', [c(col)], options);
/** `schema_of_csv(csv[, options])`: the DDL type Spark infers from a CSV literal (a string is the CSV text itself). */
export const schema_of_csv = (csv: Column | string, options?: Readonly<Record<string, unknown>>): Column =>
  withOptions('schema_of_csv', [typeof csv === 'string' ? L(csv) : csv.expr], options);

const xpathCall = (fn: string) => (xml: ColumnOrName, path: ColumnOrName): Column => call(fn, c(xml), c(path));
/** `xpath(xml, path)`: the values of the nodes an XPath 1.0 `path` (a Column, e.g. `lit('a/b/text()')`) selects. */
export const xpath = xpathCall('xpath');
/** `xpath_string(xml, path)`: the string value of the first node matched. */
export const xpath_string = xpathCall('xpath_string');
/** `xpath_boolean(xml, path)`: whether the path matches (XPath's boolean()). */
export const xpath_boolean = xpathCall('xpath_boolean');
/** `xpath_number` / `xpath_double` / `xpath_float` / `xpath_int` / `xpath_long` / `xpath_short`: XPath's number(), narrowed as Java does. */
export const xpath_number = xpathCall('xpath_number');
export const xpath_double = xpathCall('xpath_double');
export const xpath_float = xpathCall('xpath_float');
export const xpath_int = xpathCall('xpath_int');
export const xpath_long = xpathCall('xpath_long');
export const xpath_short = xpathCall('xpath_short');
