/**
 * Internal literal values (see types/data-types.ts) → `Expression.Literal`.
 * Each Spark type has its own field, so Spark receives the literal's exact
 * type (an `int` stays `int`, a decimal keeps its precision and scale).
 */
import { literalExpr } from '../../../api/literals.js';
import { NotImplementedException } from '../../../errors/index.js';
import {
  ArrayType,
  BinaryType,
  BooleanType,
  ByteType,
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
  type DataType,
} from '../../../types/data-types.js';
import { toProtoDataType } from '../data-type.js';
import { DayTimeIntervalType, YearMonthIntervalType } from '../../../types/data-types.js';
import { CalendarInterval } from '../../../types/intervals.js';
import type { Msg } from '../proto/codec.js';

export function literalMessage(value: unknown, t: DataType): Msg {
  if (value === null || value === undefined || t instanceof NullType) return { null: toProtoDataType(t) };
  if (t instanceof BooleanType) return { boolean: Boolean(value) };
  if (t instanceof ByteType) return { byte: Number(value) };
  if (t instanceof ShortType) return { short: Number(value) };
  if (t instanceof IntegerType) return { integer: Number(value) };
  if (t instanceof LongType) return { long: BigInt(value as number | bigint) };
  if (t instanceof FloatType) return { float: Number(value) };
  if (t instanceof DoubleType) return { double: Number(value) };
  if (t instanceof StringType) return { string: String(value) };
  if (t instanceof BinaryType) return { binary: value as Uint8Array };
  if (t instanceof DateType) return { date: Number(value) };
  if (t instanceof TimestampType) return { timestamp: BigInt(Math.trunc(Number(value))) };
  if (t instanceof TimestampNTZType) return { timestamp_ntz: BigInt(Math.trunc(Number(value))) };
  // Spark Connect's interval literals carry no fields: Spark reads them as YEAR TO MONTH / DAY TO SECOND (as PySpark's timedelta).
  if (t instanceof YearMonthIntervalType) return { year_month_interval: Number(value) };
  if (t instanceof DayTimeIntervalType) return { day_time_interval: BigInt(value as number | bigint) };
  if (value instanceof CalendarInterval) {
    return { calendar_interval: { months: value.months, days: value.days, microseconds: BigInt(value.microseconds) } };
  }
  if (t instanceof DecimalType) return { decimal: { value: decimalText(value as bigint, t.scale), precision: t.precision, scale: t.scale } };
  if (t instanceof ArrayType) {
    return { array: { element_type: toProtoDataType(t.elementType), elements: (value as unknown[]).map((v) => literalMessage(v, t.elementType)) } };
  }
  if (t instanceof MapType) {
    const m = value as Map<unknown, unknown>;
    return {
      map: {
        key_type: toProtoDataType(t.keyType),
        value_type: toProtoDataType(t.valueType),
        keys: [...m.keys()].map((k) => literalMessage(k, t.keyType)),
        values: [...m.values()].map((v) => literalMessage(v, t.valueType)),
      },
    };
  }
  if (t instanceof StructType) {
    const fields = value as unknown[];
    return { struct: { struct_type: toProtoDataType(t), elements: t.fields.map((f, i) => literalMessage(fields[i], f.dataType)) } };
  }
  throw new NotImplementedException(`Sending a ${t.simpleString()} literal to Spark Connect`);
}

/** The unscaled value as Spark's decimal text (`1250n`, scale 2 → `12.50`). */
function decimalText(unscaled: bigint, scale: number): string {
  const negative = unscaled < 0n;
  const digits = (negative ? -unscaled : unscaled).toString().padStart(scale + 1, '0');
  const text = scale === 0 ? digits : `${digits.slice(0, digits.length - scale)}.${digits.slice(digits.length - scale)}`;
  return negative ? `-${text}` : text;
}

/** A plain JS value (pivot values, hint parameters) as a literal typed the way `lit()` types it. */
export function valueLiteralMessage(v: unknown): Msg {
  const e = literalExpr(v);
  if (e.kind !== 'Literal') throw new NotImplementedException(`Sending ${Array.isArray(v) ? 'an array' : 'a map'} as a pivot value or hint parameter to Spark Connect`);
  return literalMessage(e.value, e.dataType);
}
