/**
 * JSON Lines as Spark 3.5 writes it (Jackson settings from JSONOptions): one object per row, `\n`
 * after each; null fields omitted (`ignoreNullFields`, default true; nulls inside arrays and map
 * values are kept); numbers as Java prints them, NaN/±Infinity as the strings `"NaN"`,
 * `"Infinity"`, `"-Infinity"`; decimals as Java's BigDecimal.toString;
 * binary as base64; dates `yyyy-MM-dd`; timestamps
 * `yyyy-MM-dd'T'HH:mm:ss.SSSXXX` in the session zone; timestamp_ntz
 * `yyyy-MM-dd'T'HH:mm:ss.SSS`; maps as objects (keys as text), structs as
 * objects. Strings escaped as Jackson does (`\uXXXX` upper-case for control
 * characters, everything else raw). Options `ignoreNullFields` and `pretty` are honoured.
 *
 * Reading: JSON text to nodes in json-parse.ts, schema inference in json-infer.ts, records in
 * json-read.ts, values in json-convert.ts.
 */
import { intervalToString } from '../../types/intervals.js';
import type { Batch } from '../../data/batch.js';
import { NotImplementedException } from '../../errors/index.js';
import { javaBigDecimalToString, javaDoubleToString, javaFloatToString } from '../../format/value-string.js';
import { DataType, StructType } from '../../types/data-types.js';
import { visitType } from '../../types/visit.js';
import { internalText } from './internal-text.js';
import { prettyJson } from './json-pretty.js';
import { jsonBool, type SourceOptions } from './options.js';
import { TemporalText, toBase64 } from './text-values.js';

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

/** NaN and ±Infinity as Jackson writes them (quoted strings), other numbers as `text` prints them. */
export function nonFiniteOr(x: number, text: (x: number) => string): string {
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
    // ANSI intervals are written as their SQL text (`"INTERVAL '1' DAY"`), as Spark's JacksonGenerator does.
    year_month_interval: (i) => jsonString(intervalToString(v, i)),
    day_time_interval: (i) => jsonString(intervalToString(v, i)),
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
