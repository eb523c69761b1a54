/**
 * JSON Lines as Spark 3.5 writes and reads it (Jackson settings from JSONOptions).
 *
 * Writing: one object per row, `\n` after each; null fields omitted
 * (`ignoreNullFields`, default true; nulls inside arrays and map values are
 * kept); numbers as Java prints them, NaN/±Infinity as the strings `"NaN"`,
 * `"Infinity"`, `"-Infinity"`; decimals as Java's BigDecimal.toString;
 * binary as base64; dates `yyyy-MM-dd`; timestamps
 * `yyyy-MM-dd'T'HH:mm:ss.SSSXXX` in the session zone; timestamp_ntz
 * `yyyy-MM-dd'T'HH:mm:ss.SSS`; maps as objects (keys as text), structs as
 * objects. Strings escaped as Jackson does (`\uXXXX` upper-case for control
 * characters, everything else raw).
 *
 * Reading (records in `json-read.ts`, values in `json-convert.ts`): a top-level array gives one row per
 * element. Inference (JsonInferSchema):
 * integers → long (beyond long: decimal(p,0), beyond 38 digits: double),
 * other numbers → double, strings → string, booleans → boolean, objects →
 * struct with fields sorted by name, arrays → array of the merged element
 * type; long+double → double, struct+struct → union of fields, other mixes →
 * string; all-null fields → string; empty structs dropped. A line that is not
 * valid JSON (or not an object) adds `_corrupt_record` holding its text
 * (PERMISSIVE), is dropped (DROPMALFORMED) or fails the read (FAILFAST).
 * Options `primitivesAsString`, `prefersDecimal`, `dropFieldIfAllNull`,
 * `allowNonNumericNumbers`, `columnNameOfCorruptRecord`, `dateFormat`,
 * `timestampFormat`, `timestampNTZFormat`, `ignoreNullFields` and `pretty` (write),
 * `lineSep`, and the parser relaxations of `jsonParseFlags` are honoured.
 */
import type { Batch } from '../../data/batch.js';
import { IllegalArgumentException, NotImplementedException } from '../../errors/index.js';
import { javaBigDecimalToString, javaDoubleToString, javaFloatToString } from '../../format/value-string.js';
import {
  ArrayType,
  DataType,
  DecimalType,
  DoubleType,
  FloatType,
  LongType,
  NullType,
  StructField,
  StructType,
  BOOLEAN,
  DOUBLE,
  LONG,
  NULL,
  STRING,
  TIMESTAMP,
} from '../../types/data-types.js';
import { visitType } from '../../types/visit.js';
import { internalText } from './internal-text.js';
import { prettyJson } from './json-pretty.js';
import type { SourceOptions } from './options.js';
import { readJson, type JsonReader } from '../memory/runtime/json.js';
import { javaUtf8 } from '../../types/well-formed.js';
import {
  LONG_MAX,
  LONG_MIN,
  TemporalText,
  parseJavaBigDecimal,
  parseJavaIntegral,
  toBase64,
} from './text-values.js';

// ---------------------------------------------------------------- writing

const HEX = '0123456789ABCDEF';

/** A JSON string literal escaped as Jackson escapes it. */
export function jsonString(s: string): string {
  let out = '"';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c !== 0x22 && c !== 0x5c) continue;
    out += s.slice(from, i);
    from = i + 1;
    switch (c) {
      case 0x22:
        out += '\\"';
        break;
      case 0x5c:
        out += '\\\\';
        break;
      case 0x08:
        out += '\\b';
        break;
      case 0x09:
        out += '\\t';
        break;
      case 0x0a:
        out += '\\n';
        break;
      case 0x0c:
        out += '\\f';
        break;
      case 0x0d:
        out += '\\r';
        break;
      default:
        out += '\\u00' + HEX[c >> 4] + HEX[c & 15];
    }
  }
  return out + s.slice(from) + '"';
}

function nonFiniteOr(x: number, text: (x: number) => string): string {
  if (Number.isNaN(x)) return '"NaN"';
  if (x === Infinity) return '"Infinity"';
  if (x === -Infinity) return '"-Infinity"';
  return text(x);
}

/** The JSON text of one non-null value. */
export function jsonValueText(v: unknown, t: DataType, temporal: TemporalText, ignoreNullFields: boolean): string {
  const integral = (): string => String(v);
  return visitType(t, {
    string: () => jsonString(v as string),
    integer: integral,
    long: integral,
    short: integral,
    byte: integral,
    double: () => nonFiniteOr(v as number, javaDoubleToString),
    float: () => nonFiniteOr(v as number, javaFloatToString),
    decimal: (d) => javaBigDecimalToString(BigInt(v as bigint), d.scale),
    boolean: () => (v ? 'true' : 'false'),
    binary: () => jsonString(toBase64(v as Uint8Array)),
    date: () => jsonString(temporal.formatDate(v as number)),
    timestamp: () => jsonString(temporal.formatTimestamp(v as number)),
    timestamp_ntz: () => jsonString(temporal.formatTimestampNTZ(v as number)),
    array: (a) => {
      const items = (v as unknown[]).map((x) => (x === null || x === undefined ? 'null' : jsonValueText(x, a.elementType, temporal, ignoreNullFields)));
      return '[' + items.join(',') + ']';
    },
    map: (m) => {
      const parts: string[] = [];
      for (const [k, x] of v as Map<unknown, unknown>) {
        const val = x === null || x === undefined ? 'null' : jsonValueText(x, m.valueType, temporal, ignoreNullFields);
        parts.push(jsonString(internalText(k, m.keyType, 'to_json of a map with BINARY in its keys')) + ':' + val);
      }
      return '{' + parts.join(',') + '}';
    },
    struct: (st) => structText(v as unknown[], st, temporal, ignoreNullFields),
    default: () => 'null',
  });
}

function structText(values: readonly unknown[], t: StructType, temporal: TemporalText, ignoreNullFields: boolean): string {
  const parts: string[] = [];
  t.fields.forEach((f, i) => {
    const x = values[i];
    if (x === null || x === undefined) {
      if (!ignoreNullFields) parts.push(jsonString(f.name) + ':null');
      return;
    }
    parts.push(jsonString(f.name) + ':' + jsonValueText(x, f.dataType, temporal, ignoreNullFields));
  });
  return '{' + parts.join(',') + '}';
}

/** The batch as JSON Lines: one object per row, each followed by `\n`. */
export function writeJsonText(batch: Batch, opts: SourceOptions): string {
  const temporal = new TemporalText(opts);
  const ignoreNullFields = jsonBool(opts, 'ignoreNullFields', true);
  const lineSep = opts.string('lineSep', '\n');
  const pretty = jsonBool(opts, 'pretty', false);
  const enc = opts.get('encoding');
  // The text is written as UTF-8; another charset must not be silently ignored.
  if (enc !== undefined && !['utf-8', 'utf8'].includes(enc.toLowerCase())) throw new NotImplementedException(`JSON writer encoding ${enc}`);
  const fields = batch.schema;
  let out = '';
  for (let r = 0; r < batch.numRows; r++) {
    const row = batch.columns.map((c) => c[r]);
    const text = structText(row, fields, temporal, ignoreNullFields);
    out += (pretty ? prettyJson(text) : text) + lineSep;
  }
  return out;
}

// ---------------------------------------------------------------- parsing

/** A parsed JSON value; numbers keep their text so longs and decimals stay exact. */
export type JsonNode =
  | { readonly kind: 'object'; readonly entries: readonly (readonly [string, JsonNode])[] }
  | { readonly kind: 'array'; readonly items: readonly JsonNode[] }
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'number'; readonly text: string; readonly integral: boolean }
  | { readonly kind: 'boolean'; readonly value: boolean }
  | { readonly kind: 'null' };

/** Spark's Jackson defaults for JSON files: single quotes and NaN/Infinity allowed, control characters escaped. */
const NODE_READER: JsonReader<JsonNode> = {
  object: (entries) => ({ kind: 'object', entries }),
  array: (items) => ({ kind: 'array', items }),
  string: (value) => ({ kind: 'string', value: javaUtf8(value) }),
  number: (text, integral) => ({ kind: 'number', text, integral }),
  boolean: (value) => ({ kind: 'boolean', value }),
  null: () => ({ kind: 'null' }),
  singleQuotes: true,
  nonNumericNumbers: true,
};

/** Parses one JSON document; throws JsonSyntaxError when the text is not valid JSON. */
export function parseJson(text: string): JsonNode {
  return readJson(text, NODE_READER);
}

/** Jackson relaxations the JSON options switch (JSONOptions). */
export interface JsonParseFlags {
  readonly singleQuotes: boolean;
  readonly nonNumericNumbers: boolean;
  readonly controlChars: boolean;
  readonly firstValueOnly?: boolean;
  readonly comments?: boolean;
  readonly unquotedFieldNames?: boolean;
  readonly leadingZeros?: boolean;
  readonly anyEscape?: boolean;
}

/** A boolean JSON option as JSONOptions reads it (Scala's toBoolean: `true`/`false` in any case, nothing else). */
export function jsonBool(o: SourceOptions, key: string, dflt: boolean): boolean {
  const v = o.get(key);
  if (v === undefined) return dflt;
  const s = v.toLowerCase();
  if (s === 'true' || s === 'false') return s === 'true';
  throw new IllegalArgumentException(`For input string: "${v}"`);
}

/** The parser relaxations of a JSON source's or function's options, with Spark's defaults. */
export function jsonParseFlags(o: SourceOptions): JsonParseFlags {
  return {
    singleQuotes: jsonBool(o, 'allowSingleQuotes', true),
    nonNumericNumbers: jsonBool(o, 'allowNonNumericNumbers', true),
    controlChars: jsonBool(o, 'allowUnquotedControlChars', false),
    comments: jsonBool(o, 'allowComments', false),
    unquotedFieldNames: jsonBool(o, 'allowUnquotedFieldNames', false),
    leadingZeros: jsonBool(o, 'allowNumericLeadingZeros', false),
    anyEscape: jsonBool(o, 'allowBackslashEscapingAnyCharacter', false),
    // Jackson reads one value and leaves what follows it (`{"a":1} x` is `{"a":1}`).
    firstValueOnly: true,
  };
}

/** Parses one JSON document with the given relaxations; throws JsonSyntaxError. */
export function parseJsonWith(text: string, flags: JsonParseFlags): JsonNode {
  return readJson(text, { ...NODE_READER, ...flags });
}

/** Compact JSON text of a node as Jackson copies it (numbers re-printed); a string column reading a non-string value, get_json_object. */
export function nodeText(node: JsonNode): string {
  switch (node.kind) {
    case 'object':
      return '{' + node.entries.map(([k, v]) => jsonString(k) + ':' + nodeText(v)).join(',') + '}';
    case 'array':
      return '[' + node.items.map(nodeText).join(',') + ']';
    case 'string':
      return jsonString(node.value);
    case 'number':
      return jacksonNumberText(node.text, node.integral);
    case 'boolean':
      return String(node.value);
    case 'null':
      return 'null';
  }
}

/**
 * A number token as Jackson's copyCurrentStructure re-prints it: integers as
 * their value (`-0` is `0`), others as doubles (`1.0e0` is `1.0`, `1e400` the
 * string `"Infinity"`).
 */
export function jacksonNumberText(text: string, integral: boolean): string {
  if (integral) return BigInt(text).toString();
  const special = specialDouble(text);
  return special !== undefined ? nonFiniteOr(special, javaDoubleToString) : nonFiniteOr(Number(text), javaDoubleToString);
}

// ---------------------------------------------------------------- inference

/** Inference switches (JSONOptions): `primitivesAsString`, `prefersDecimal`. */
export interface InferOptions {
  readonly primitivesAsString: boolean;
  readonly prefersDecimal: boolean;
  /** `inferTimestamp`: whether a string reads as a TIMESTAMP (the options' timestampFormat, else as CAST does). */
  readonly timestamp?: (text: string) => boolean;
}

/** The inference options of a JSON source's or function's options. */
export function inferOptions(o: SourceOptions, temporal: TemporalText): InferOptions {
  const inferTimestamp = jsonBool(o, 'inferTimestamp', false);
  return {
    primitivesAsString: jsonBool(o, 'primitivesAsString', false),
    prefersDecimal: jsonBool(o, 'prefersDecimal', false),
    ...(inferTimestamp ? { timestamp: (text: string) => temporal.parseTimestamp(text) !== undefined } : {}),
  };
}

/** A decimal string's type under `prefersDecimal` (Java's BigDecimal of the text without commas), if it is a valid one. */
function stringDecimalType(text: string): DecimalType | undefined {
  const d = parseJavaBigDecimal(text.replaceAll(',', ''));
  if (!d || d.scale < 0 || d.scale > d.precision || d.precision > DecimalType.MAX_PRECISION) return undefined;
  return new DecimalType(d.precision, d.scale);
}

export function inferNode(node: JsonNode, o: InferOptions): DataType {
  switch (node.kind) {
    case 'null':
      return NULL;
    case 'string': {
      // An empty string infers as null (it merges with any type), as JsonInferSchema does.
      if (node.value === '') return NULL;
      const dec = o.prefersDecimal ? stringDecimalType(node.value) : undefined;
      if (dec) return dec;
      return o.timestamp?.(node.value) ? TIMESTAMP : STRING;
    }
    case 'boolean':
      return o.primitivesAsString ? STRING : BOOLEAN;
    case 'number': {
      if (o.primitivesAsString) return STRING;
      if (!node.integral) {
        const d = o.prefersDecimal ? parseJavaBigDecimal(node.text) : undefined;
        if (d && d.scale >= 0 && Math.max(d.precision, d.scale) <= DecimalType.MAX_PRECISION) return new DecimalType(Math.max(d.precision, d.scale), d.scale);
        return DOUBLE;
      }
      if (parseJavaIntegral(node.text, LONG_MIN, LONG_MAX) !== undefined) return LONG;
      const d = parseJavaBigDecimal(node.text)!;
      return d.precision <= DecimalType.MAX_PRECISION ? new DecimalType(d.precision, 0) : DOUBLE;
    }
    case 'array': {
      let el: DataType = NULL;
      for (const item of node.items) el = compatibleJsonType(el, inferNode(item, o));
      return new ArrayType(el, true);
    }
    case 'object': {
      const byName = new Map<string, DataType>();
      for (const [k, v] of node.entries) byName.set(k, byName.has(k) ? compatibleJsonType(byName.get(k)!, inferNode(v, o)) : inferNode(v, o));
      return sortedStruct([...byName].map(([k, t]) => new StructField(k, t, true)));
    }
  }
}

function sortedStruct(fields: StructField[]): StructType {
  return new StructType(fields.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)));
}

/** JsonInferSchema.compatibleType. */
export function compatibleJsonType(a: DataType, b: DataType): DataType {
  if (a.equals(b)) return a;
  if (a instanceof NullType) return b;
  if (b instanceof NullType) return a;
  const isFrac = (t: DataType): boolean => t instanceof DoubleType || t instanceof FloatType;
  if ((a instanceof LongType && isFrac(b)) || (isFrac(a) && b instanceof LongType)) return DOUBLE;
  if ((isFrac(a) && b instanceof DecimalType) || (a instanceof DecimalType && isFrac(b))) return DOUBLE;
  if (a instanceof DecimalType && b instanceof DecimalType) {
    const scale = Math.max(a.scale, b.scale);
    const range = Math.max(a.precision - a.scale, b.precision - b.scale);
    return range + scale > DecimalType.MAX_PRECISION ? DOUBLE : new DecimalType(range + scale, scale);
  }
  if (a instanceof LongType && b instanceof DecimalType) return compatibleJsonType(new DecimalType(20, 0), b);
  if (a instanceof DecimalType && b instanceof LongType) return compatibleJsonType(a, new DecimalType(20, 0));
  if (a instanceof StructType && b instanceof StructType) {
    const byName = new Map<string, DataType>();
    for (const f of a.fields) byName.set(f.name, f.dataType);
    for (const f of b.fields) byName.set(f.name, byName.has(f.name) ? compatibleJsonType(byName.get(f.name)!, f.dataType) : f.dataType);
    return sortedStruct([...byName].map(([k, t]) => new StructField(k, t, true)));
  }
  if (a instanceof ArrayType && b instanceof ArrayType) {
    return new ArrayType(compatibleJsonType(a.elementType, b.elementType), a.containsNull || b.containsNull);
  }
  return STRING;
}

/** JsonInferSchema.canonicalizeType: null → string (dropped with `dropFieldIfAllNull`), empty structs dropped (undefined). */
export function canonicalize(t: DataType, dropNull: boolean): DataType | undefined {
  if (t instanceof NullType) return dropNull ? undefined : STRING;
  if (t instanceof ArrayType) {
    const el = canonicalize(t.elementType, dropNull);
    return el && new ArrayType(el, t.containsNull);
  }
  if (t instanceof StructType) {
    const fields: StructField[] = [];
    for (const f of t.fields) {
      if (f.name.length === 0) continue;
      const ft = canonicalize(f.dataType, dropNull);
      if (ft) fields.push(new StructField(f.name, ft, true));
    }
    return fields.length === 0 ? undefined : new StructType(fields);
  }
  return t;
}

/** Jackson's non-numeric numbers (and their string forms Spark accepts). */
export function specialDouble(text: string): number | undefined {
  switch (text) {
    case 'NaN':
      return NaN;
    case 'Infinity':
    case '+Infinity':
    case 'INF':
    case '+INF':
      return Infinity;
    case '-Infinity':
    case '-INF':
      return -Infinity;
    default:
      return undefined;
  }
}
