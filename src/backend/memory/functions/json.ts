/** JSON functions: get_json_object, json_tuple, to_json, from_json, json_array_length, json_object_keys. */
import {
  ArrayType,
  BinaryType,
  BooleanType,
  DataType,
  DateType,
  DecimalType,
  DoubleType,
  FloatType,
  MapType,
  StringType,
  StructType,
  TimestampNTZType,
  TimestampType,
} from '../../../types/data-types.js';
import { javaDoubleToString, javaFloatToString, decimalToPlainString, formatDate } from '../../../format/value-string.js';
import { sessionZone, type ExecContext } from '../context.js';
import { castValue } from '../expressions/cast.js';
import { formatInstant } from './datetime.js';
import { parseDecimal, parsedToDecimal } from '../runtime/decimal.js';
import { parseLongExact } from '../runtime/long.js';
import { stringToDate, stringToTimestamp, stringToTimestampNTZ } from '../runtime/datetime-parse.js';
import { evalJsonPath, isJsonNumber, isJsonObject, jsonText, parseJson, parseJsonPath, quoteJson, type JsonValue } from '../runtime/json.js';
import type { FunctionImpl, GeneratorImpl, RowFn } from './types.js';
import { argType, compiled, isNullish, literalArg, resultType, scalar } from './util.js';


/** A JSON value as Spark returns it from get_json_object/json_tuple: strings raw, others as JSON text. */
const asText = (v: JsonValue): string | null => (v === null ? null : typeof v === 'string' ? v : jsonText(v));

const getJsonObject = compiled((args, call) => {
  const [a, b] = args as [RowFn, RowFn];
  const lit = literalArg(call, 1);
  const fixed = lit && typeof lit.value === 'string' ? parseJsonPath(lit.value) : undefined;
  return (i) => {
    const s = a(i);
    if (isNullish(s)) return null;
    const steps = fixed ?? (() => {
      const p = b(i);
      return isNullish(p) ? undefined : parseJsonPath(p as string);
    })();
    if (!steps) return null;
    const doc = parseJson(s as string);
    if (doc === undefined) return null;
    const hit = evalJsonPath(doc, steps);
    return hit ? asText(hit.value) : null;
  };
});

const jsonTuple: GeneratorImpl = {
  kind: 'generator',
  generate(args) {
    const keys = args.slice(1);
    const s = args[0];
    const doc = isNullish(s) ? undefined : parseJson(s as string);
    if (doc === undefined || !isJsonObject(doc)) return [keys.map(() => null)];
    return [
      keys.map((k) => {
        if (isNullish(k)) return null;
        const hit = doc.entries.find(([key]) => key === k);
        return hit ? asText(hit[1]) : null;
      }),
    ];
  },
};

/** JSON text of an internal value (Spark's JacksonGenerator): null struct fields are left out. */
export function toJsonText(v: unknown, t: DataType, ctx: ExecContext): string {
  if (v === null || v === undefined) return 'null';
  if (t instanceof StructType) {
    const parts: string[] = [];
    t.fields.forEach((f, k) => {
      const x = (v as unknown[])[k];
      if (x !== null && x !== undefined) parts.push(`${quoteJson(f.name)}:${toJsonText(x, f.dataType, ctx)}`);
    });
    return `{${parts.join(',')}}`;
  }
  if (t instanceof MapType) {
    const parts: string[] = [];
    for (const [k, x] of v as Map<unknown, unknown>) {
      const key = typeof k === 'string' ? k : toJsonText(k, t.keyType, ctx).replace(/^"|"$/g, '');
      parts.push(`${quoteJson(key)}:${toJsonText(x, t.valueType, ctx)}`);
    }
    return `{${parts.join(',')}}`;
  }
  if (t instanceof ArrayType) return `[${(v as unknown[]).map((x) => toJsonText(x, t.elementType, ctx)).join(',')}]`;
  if (t instanceof StringType) return quoteJson(v as string);
  if (t instanceof BooleanType) return v ? 'true' : 'false';
  if (t instanceof DoubleType || t instanceof FloatType) {
    const d = v as number;
    if (!Number.isFinite(d)) return quoteJson(Number.isNaN(d) ? 'NaN' : d > 0 ? 'Infinity' : '-Infinity');
    return t instanceof FloatType ? javaFloatToString(d) : javaDoubleToString(d);
  }
  if (t instanceof DecimalType) return decimalToPlainString(v as bigint, t.scale);
  if (t instanceof DateType) return quoteJson(formatDate(v as number));
  if (t instanceof TimestampType) return quoteJson(formatInstant(v as number, "yyyy-MM-dd'T'HH:mm:ss.SSSXXX", sessionZone(ctx)));
  if (t instanceof TimestampNTZType) return quoteJson(formatInstant(v as number, "yyyy-MM-dd'T'HH:mm:ss.SSS", { id: 'UTC', fixedOffset: 0, offsetAt: () => 0 }));
  if (t instanceof BinaryType) return quoteJson(Buffer.from(v as Uint8Array).toString('base64'));
  return String(v);
}

const toJson = compiled((args, call, ctx) => {
  const t = argType(call, 0);
  return (i) => {
    const v = args[0]!(i);
    return isNullish(v) ? null : toJsonText(v, t, ctx);
  };
});

class JsonMismatch extends Error {}

/** Converts a parsed JSON value to an internal value of `t` (PERMISSIVE: a bad field becomes null). */
function fromJsonValue(v: JsonValue, t: DataType, ctx: ExecContext): unknown {
  if (v === null) return null;
  if (t instanceof StructType) {
    if (!isJsonObject(v)) throw new JsonMismatch();
    return t.fields.map((f) => {
      const hit = v.entries.find(([k]) => k === f.name);
      if (!hit) return null;
      try {
        return fromJsonValue(hit[1], f.dataType, ctx);
      } catch {
        return null;
      }
    });
  }
  if (t instanceof ArrayType) {
    if (!Array.isArray(v)) throw new JsonMismatch();
    return v.map((x) => fromJsonValue(x, t.elementType, ctx));
  }
  if (t instanceof MapType) {
    if (!isJsonObject(v)) throw new JsonMismatch();
    const conv = castValue(new StringType(), t.keyType, ctx);
    return new Map(v.entries.map(([k, x]) => [conv(k), fromJsonValue(x, t.valueType, ctx)]));
  }
  if (t instanceof StringType) return typeof v === 'string' ? v : jsonText(v);
  if (t instanceof BooleanType) {
    if (typeof v !== 'boolean') throw new JsonMismatch();
    return v;
  }
  if (t instanceof DoubleType || t instanceof FloatType) {
    let d: number;
    if (isJsonNumber(v)) d = Number(v.num);
    else if (v === 'NaN') d = NaN;
    else if (v === 'Infinity' || v === '+Infinity' || v === '+INF' || v === 'INF') d = Infinity;
    else if (v === '-Infinity' || v === '-INF') d = -Infinity;
    else throw new JsonMismatch();
    return t instanceof FloatType ? Math.fround(d) : d;
  }
  if (t instanceof DecimalType) {
    const p = isJsonNumber(v) ? parseDecimal(v.num) : undefined;
    if (!p) throw new JsonMismatch();
    return parsedToDecimal(p, t);
  }
  if (t instanceof DateType) {
    if (typeof v !== 'string') throw new JsonMismatch();
    return stringToDate(v) ?? null;
  }
  if (t instanceof TimestampType) {
    if (typeof v !== 'string') throw new JsonMismatch();
    return stringToTimestamp(v, sessionZone(ctx), ctx.now) ?? null;
  }
  if (t instanceof TimestampNTZType) {
    if (typeof v !== 'string') throw new JsonMismatch();
    return stringToTimestampNTZ(v) ?? null;
  }
  // Integral types: JSON integers within range.
  if (!isJsonNumber(v) || !/^-?\d+$/.test(v.num)) throw new JsonMismatch();
  const n = parseLongExact(v.num.replace('-', ''), v.num.startsWith('-'));
  if (n === undefined) throw new JsonMismatch();
  const range: Record<string, [number, number]> = { byte: [-128, 127], short: [-32768, 32767], integer: [-2147483648, 2147483647] };
  const r = range[t.typeName()];
  if (r && (typeof n === 'bigint' || n < r[0] || n > r[1])) throw new JsonMismatch();
  return n;
}

/** from_json(json, schema): the result type is the schema; unparseable text gives a row of nulls. */
const fromJson = compiled((args, call, ctx) => {
  const t = resultType(call);
  return (i) => {
    const s = args[0]!(i);
    if (isNullish(s)) return null;
    const doc = parseJson(s as string);
    const nulls = (): unknown => (t instanceof StructType ? t.fields.map(() => null) : null);
    if (doc === undefined) return nulls();
    try {
      return fromJsonValue(doc, t, ctx);
    } catch {
      return nulls();
    }
  };
});

const jsonArrayLength = scalar((a) => {
  const doc = parseJson(a[0] as string);
  return Array.isArray(doc) ? doc.length : null;
});

const jsonObjectKeys = scalar((a) => {
  const doc = parseJson(a[0] as string);
  return doc !== undefined && isJsonObject(doc) ? doc.entries.map(([k]) => k) : null;
});

export const jsonImpls: Record<string, FunctionImpl> = {
  get_json_object: getJsonObject,
  json_tuple: jsonTuple,
  to_json: toJson,
  from_json: fromJson,
  json_array_length: jsonArrayLength,
  json_object_keys: jsonObjectKeys,
};
