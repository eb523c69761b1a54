/**
 * JacksonParser's value conversions: a parsed JSON node to the internal value
 * of a Spark type, flagging a record whose values do not fit (PERMISSIVE
 * keeps it with nulls, FAILFAST fails). Shared by from_json and the reader.
 */
import { parseAnsiInterval } from '../../types/intervals.js';
import {
  ArrayType,
  BinaryType,
  BooleanType,
  ByteType,
  DataType,
  DateType,
  DecimalType,
  DoubleType,
  FloatType,
  IntegerType,
  LongType,
  MapType,
  NullType,
  ShortType,
  StringType,
  StructType,
  TimestampNTZType,
  TimestampType,
  DayTimeIntervalType,
  YearMonthIntervalType,
} from '../../types/data-types.js';
import { nodeText, specialDouble, type JsonNode } from './json-parse.js';
import {
  INT_MAX,
  INT_MIN,
  LONG_MAX,
  LONG_MIN,
  TemporalText,
  fromBase64,
  parseJavaBigDecimal,
  parseJavaDouble,
  parseJavaIntegral,
  toDecimalValue,
} from './text-values.js';

/** Flag set when any value of a record does not fit its type (the value becomes null). */
export interface BadFlag {
  value: boolean;
}

export type NodeConverter = (node: JsonNode, bad: BadFlag) => unknown;

export function structConverter(t: StructType, temporal: TemporalText, nonNumeric: boolean): NodeConverter {
  const convs = t.fields.map((f) => valueConverter(f.dataType, temporal, nonNumeric));
  const index = new Map<string, number>();
  t.fields.forEach((f, i) => {
    if (!index.has(f.name)) index.set(f.name, i);
  });
  return (node, bad) => {
    if (node.kind !== 'object') {
      bad.value = true;
      return null;
    }
    const row: unknown[] = new Array(t.fields.length).fill(null);
    for (const [k, v] of node.entries) {
      const i = index.get(k);
      if (i !== undefined) row[i] = v.kind === 'null' ? null : convs[i]!(v, bad);
    }
    return row;
  };
}

export function valueConverter(t: DataType, temporal: TemporalText, nonNumeric: boolean): NodeConverter {
  const fail = (bad: BadFlag): null => {
    bad.value = true;
    return null;
  };
  const orFail = (v: unknown, bad: BadFlag): unknown => (v === undefined ? fail(bad) : v);
  if (t instanceof StringType) return (n) => (n.kind === 'string' ? n.value : nodeText(n));
  if (t instanceof LongType || t instanceof IntegerType || t instanceof ShortType || t instanceof ByteType) {
    const [lo, hi] =
      t instanceof LongType ? [LONG_MIN, LONG_MAX] : t instanceof IntegerType ? [INT_MIN, INT_MAX] : t instanceof ShortType ? [-32768n, 32767n] : [-128n, 127n];
    return (n, bad) => (n.kind === 'number' && n.integral ? orFail(parseJavaIntegral(n.text, lo, hi), bad) : fail(bad));
  }
  if (t instanceof DoubleType || t instanceof FloatType) {
    const round = t instanceof FloatType ? Math.fround : (x: number) => x;
    return (n, bad) => {
      if (n.kind === 'number') return round(specialDouble(n.text) ?? Number(n.text));
      if (n.kind === 'string' && nonNumeric) {
        const d = specialDouble(n.value);
        return d === undefined ? fail(bad) : round(d);
      }
      return fail(bad);
    };
  }
  if (t instanceof DecimalType) {
    return (n, bad) => {
      // A string is read as Java's BigDecimal of its text without grouping commas.
      const text = n.kind === 'number' ? n.text : n.kind === 'string' ? n.value.replaceAll(',', '') : undefined;
      const d = text === undefined ? undefined : parseJavaBigDecimal(text);
      return d ? orFail(toDecimalValue(d.unscaled, d.scale, t.precision, t.scale), bad) : fail(bad);
    };
  }
  if (t instanceof BooleanType) return (n, bad) => (n.kind === 'boolean' ? n.value : fail(bad));
  if (t instanceof DateType) return (n, bad) => (n.kind === 'string' ? orFail(temporal.parseDate(n.value), bad) : fail(bad));
  if (t instanceof TimestampType) {
    return (n, bad) => {
      if (n.kind === 'string') return orFail(temporal.parseTimestamp(n.value), bad);
      if (n.kind === 'number' && n.integral) {
        const secs = parseJavaIntegral(n.text, LONG_MIN, LONG_MAX);
        return secs === undefined ? fail(bad) : Number(BigInt(secs) * 1_000_000n);
      }
      return fail(bad);
    };
  }
  if (t instanceof TimestampNTZType) return (n, bad) => (n.kind === 'string' ? orFail(temporal.parseTimestampNTZ(n.value), bad) : fail(bad));
  if (t instanceof BinaryType) return (n, bad) => (n.kind === 'string' ? orFail(fromBase64(n.value), bad) : fail(bad));
  if (t instanceof NullType) return () => null;
  if (t instanceof ArrayType) {
    const el = valueConverter(t.elementType, temporal, nonNumeric);
    return (n, bad) => (n.kind === 'array' ? n.items.map((x) => (x.kind === 'null' ? null : el(x, bad))) : fail(bad));
  }
  if (t instanceof MapType) {
    const key = valueConverter(t.keyType, temporal, nonNumeric);
    const val = valueConverter(t.valueType, temporal, nonNumeric);
    return (n, bad) => {
      if (n.kind !== 'object') return fail(bad);
      const m = new Map<unknown, unknown>();
      for (const [k, v] of n.entries) {
        const kn: JsonNode = t.keyType instanceof StringType ? { kind: 'string', value: k } : keyNode(k);
        m.set(key(kn, bad), v.kind === 'null' ? null : val(v, bad));
      }
      return m;
    };
  }
  if (t instanceof StructType) return structConverter(t, temporal, nonNumeric);
  // ANSI intervals read their text as a cast does (`"1"` for INTERVAL DAY, `"INTERVAL '1' DAY"`), as Spark's JacksonParser.
  if (t instanceof YearMonthIntervalType || t instanceof DayTimeIntervalType) {
    return (n, bad) => {
      const v = n.kind === 'string' ? parseAnsiInterval(n.value, t) : undefined;
      return typeof v === 'number' ? v : fail(bad);
    };
  }
  return (_n, bad) => fail(bad);
}

/** A map key's text as the node its key type reads (numbers and booleans unquoted). */
function keyNode(k: string): JsonNode {
  if (/^-?\d+$/.test(k)) return { kind: 'number', text: k, integral: true };
  if (parseJavaDouble(k) !== undefined) return { kind: 'number', text: k, integral: false };
  if (k === 'true' || k === 'false') return { kind: 'boolean', value: k === 'true' };
  return { kind: 'string', value: k };
}

