/**
 * The JSON SQL functions (from_json, to_json, schema_of_json) share Spark's
 * JSON data source machinery (JacksonParser / JacksonGenerator /
 * JsonInferSchema), as in Spark: the same value conversions, inference and
 * options as the file source in `json.ts`, applied to one string.
 */
import { AnalysisException, ExecutionException } from '../../errors/index.js';
import { ArrayType, DataType, MapType, StringType, StructType } from '../../types/data-types.js';
import { JsonSyntaxError } from '../memory/runtime/json.js';
import { malformedRecord } from './csv.js';
import { jsonValueText } from './json.js';
import { canonicalize, inferNode, inferOptions } from './json-infer.js';
import { jsonParseFlags, parseJsonWith, type JsonNode, type JsonParseFlags } from './json-parse.js';
import { valueConverter } from './json-convert.js';
import { jsonBool, SourceOptions } from './options.js';
import { prettyJson } from './json-pretty.js';
import { TemporalText } from './text-values.js';

/** Options of one call, with the session zone unless `timeZone` is given. */
function sourceOptions(options: Readonly<Record<string, string>>, sessionZone?: string): SourceOptions {
  const o = new SourceOptions(options);
  return o.has('timeZone') || sessionZone === undefined ? o : new SourceOptions({ ...options, timeZone: sessionZone });
}

/** The first JSON value of the text (what follows it is ignored, as Jackson does), or undefined when invalid. */
function firstDocument(text: string, flags: JsonParseFlags): JsonNode | undefined {
  try {
    return parseJsonWith(text, flags);
  } catch (err) {
    if (!(err instanceof JsonSyntaxError)) throw err;
    return undefined;
  }
}

/**
 * Spark's `schema_of_json`: the inferred type's SQL text (`STRUCT<a: BIGINT>`).
 * Invalid JSON fails the query with Jackson's complaint.
 */
export function inferJsonSchemaText(json: string, options: Readonly<Record<string, string>>): string {
  const o = sourceOptions(options);
  const node = firstDocument(json, jsonParseFlags(o));
  if (node === undefined) {
    throw new ExecutionException(`Failed to infer the schema of the JSON text ${json}: it is not valid JSON.`, { errorClass: 'INVALID_JSON' });
  }
  const t = inferNode(node, inferOptions(o, new TemporalText(o)));
  // A top-level object keeps its (possibly empty) struct; nested all-null fields become strings.
  const c = t instanceof StructType && t.fields.length === 0 ? t : canonicalize(t, jsonBool(o, 'dropFieldIfAllNull', false)) ?? new StructType();
  return c.sql();
}

/**
 * from_json's converter: text → internal value of `schema`. PERMISSIVE: a
 * malformed record is null, or for a struct a row keeping the fields that did
 * parse, with the text in the corrupt-record column; FAILFAST: an error.
 */
export function fromJsonConverter(schema: DataType, options: Readonly<Record<string, string>>, sessionZone: string): (text: string) => unknown {
  const o = sourceOptions(options, sessionZone);
  const flags = jsonParseFlags(o);
  const mode = o.parseMode();
  // Spark checks the mode when the parser is built, at execution (JsonToStructs).
  if (mode === 'DROPMALFORMED') {
    throw new AnalysisException(`from_json() doesn't support the DROPMALFORMED mode. Acceptable modes are PERMISSIVE and FAILFAST.`, {
      errorClass: '_LEGACY_ERROR_TEMP_1099',
      messageParameters: { funcName: 'from_json', mode: 'DROPMALFORMED' },
    });
  }
  const failFast = mode === 'FAILFAST';
  const corruptName = o.string('columnNameOfCorruptRecord', '_corrupt_record');
  const corruptIdx = schema instanceof StructType ? schema.fields.findIndex((f) => f.name === corruptName && f.dataType instanceof StringType) : -1;
  const temporal = new TemporalText(o);
  const nonNumeric = jsonBool(o, 'allowNonNumericNumbers', true);
  const convert = valueConverter(schema, temporal, nonNumeric);
  // An object read as an array of structs is that array's one element (SPARK-19595).
  const element = schema instanceof ArrayType && schema.elementType instanceof StructType ? valueConverter(schema.elementType, temporal, nonNumeric) : null;
  const malformed = (text: string, partial: unknown[] | null): unknown => {
    if (failFast) throw malformedRecord(text);
    if (!(schema instanceof StructType)) return null;
    const row = partial ?? schema.fields.map(() => null);
    if (corruptIdx >= 0) row[corruptIdx] = text;
    return row;
  };
  return (text) => {
    if (text.trim() === '') return null;
    const node = firstDocument(text, flags);
    if (node === undefined) return malformed(text, null);
    if (node.kind === 'null') return null;
    const bad = { value: false };
    const v = element && node.kind === 'object' ? [element(node, bad)] : convert(node, bad);
    if (!bad.value) return v;
    // the object's bad fields are NULL (Spark's partial results)
    if (!failFast && node.kind === 'object' && element) return v;
    return malformed(text, schema instanceof StructType && Array.isArray(v) ? (v as unknown[]) : null);
  };
}

/** to_json's writer: the JSON text of a struct, array or map value (JacksonGenerator). */
export function toJsonWriter(t: DataType, options: Readonly<Record<string, string>>, sessionZone: string): (v: unknown) => string {
  const o = sourceOptions(options, sessionZone);
  const temporal = new TemporalText(o);
  const ignoreNullFields = jsonBool(o, 'ignoreNullFields', true);
  const pretty = jsonBool(o, 'pretty', false);
  if (!(t instanceof StructType || t instanceof ArrayType || t instanceof MapType)) return () => 'null';
  return (v) => {
    const text = jsonValueText(v, t, temporal, ignoreNullFields);
    return pretty ? prettyJson(text) : text;
  };
}
