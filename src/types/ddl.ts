/**
 * Spark type strings and DDL schemas: `int`, `array<string>`, `struct<a:int>`,
 * `'id INT, name STRING NOT NULL COMMENT "x"'`. The entry points (Spark's
 * `parseDataType`/`parseTableSchema`, PySpark's fallbacks) over the grammar in
 * ddl-parser.ts; tokens and the ParseException layout are in ddl-lexer.ts.
 */
import { ParseException } from '../errors/exceptions.js';
import { DataType, StructType } from './data-types.js';
import { DdlParser } from './ddl-parser.js';

/**
 * Parses one Spark type string (Spark's `parseDataType`): `int`, `decimal(10,2)`,
 * `array<string>`, `map<string,int>`, `struct<a:int,b string>`. Case-insensitive;
 * `varchar(n)`/`char(n)` give StringType.
 */
export function parseDataType(text: string): DataType {
  const p = new DdlParser(text);
  const t = p.dataType();
  p.expectEof();
  return t;
}

/** Spark's `parseTableSchema`: `id INT, name STRING NOT NULL COMMENT 'x'` only. */
export function parseTableSchema(ddl: string): StructType {
  const p = new DdlParser(ddl);
  const s = p.colTypeList();
  p.expectEof();
  return s;
}

/** A table's column list (CREATE TABLE): as parseTableSchema, char(n)/varchar(n) columns keeping their declared type as metadata. */
export function parseTableColumns(ddl: string): StructType {
  const p = new DdlParser(ddl, true);
  const s = p.colTypeList();
  p.expectEof();
  return s;
}

/**
 * PySpark's `_parse_datatype_string`: a DDL schema (`a INT, b STRING`), else a
 * single type (`int`, `struct<a:int>`), else the legacy `a: int, b: string` form.
 * When all fail, the error of the DDL-schema attempt is thrown.
 */
export function parseTypeString(text: string): DataType {
  try {
    return parseTableSchema(text);
  } catch (first) {
    if (!ParseException.isParseException(first)) throw first;
    try {
      return parseDataType(text);
    } catch (second) {
      if (!ParseException.isParseException(second)) throw second;
      try {
        return parseDataType(`struct<${text.trim()}>`);
      } catch {
        throw first;
      }
    }
  }
}

/**
 * A schema from DDL text: `'id INT, name STRING NOT NULL, tags ARRAY<STRING>'`,
 * `'a: int, b: string'` or `'struct<a:int>'`. `COMMENT 'x'` becomes field
 * metadata `comment`. Throws ParseException (`PARSE_SYNTAX_ERROR`,
 * `UNSUPPORTED_DATATYPE`) for bad input, including a single non-struct type.
 */
export function parseSchema(ddl: string): StructType {
  let s = schemaCache.get(ddl);
  if (s === undefined) {
    s = parseSchemaUncached(ddl);
    if (schemaCache.size >= SCHEMA_CACHE_SIZE) schemaCache.clear();
    schemaCache.set(ddl, s);
  }
  return s;
}

/**
 * Parsed schemas by text: tests call `createDataFrame(rows, 'id LONG, ...')`
 * with the same few schema strings over and over. Types are immutable, so
 * callers can share them. Bounded (cleared when full); failures are not kept.
 */
const schemaCache = new Map<string, StructType>();
const SCHEMA_CACHE_SIZE = 256;

function parseSchemaUncached(ddl: string): StructType {
  try {
    return parseTableSchema(ddl);
  } catch (first) {
    if (!ParseException.isParseException(first)) throw first;
    let t: DataType | undefined;
    try {
      t = parseDataType(ddl);
    } catch (second) {
      if (!ParseException.isParseException(second)) throw second;
      try {
        t = parseDataType(`struct<${ddl.trim()}>`);
      } catch {
        throw first;
      }
    }
    if (t instanceof StructType) return t;
    throw first;
  }
}

/** Spark's `StructType.toDDL`, e.g. `` id INT,`my col` STRING NOT NULL COMMENT 'x' ``. */
export function toDDL(schema: StructType): string {
  return schema.toDDL();
}

/** Parses Spark's JSON schema form (object or JSON text); the inverse of `jsonValue()`/`json()`. */
export function fromJson(json: unknown): DataType {
  return DataType.fromJson(json);
}
