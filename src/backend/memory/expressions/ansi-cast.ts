/**
 * CAST under spark.sql.ansi.enabled=true: where the non-ANSI cast (cast.ts)
 * gives null or wraps, Spark raises CAST_INVALID_INPUT (malformed strings),
 * CAST_OVERFLOW (integral narrowing) or NUMERIC_VALUE_OUT_OF_RANGE (decimals).
 * TRY_CAST is this cast with those errors made null (tryCastValue).
 */
import {
  ArrayType,
  BooleanType,
  DataType,
  DateType,
  DecimalType,
  DoubleType,
  FloatType,
  LongType,
  LONG,
  MapType,
  StringType,
  StructType,
  TimestampNTZType,
  TimestampType,
} from '../../../types/data-types.js';
import { DateTimeException, NumberFormatException, SparkRuntimeException } from '../../../errors/runtime-exceptions.js';
import type { Cast } from '../../../expr/nodes.js';
import { IllegalArgumentException, NotImplementedException } from '../../../errors/index.js';
import { takesQueryContext } from '../../../errors/query-context.js';
import { ansiCastMismatch } from '../../../analyzer/ansi-casts.js';
import { exprSql } from '../../../expr/naming.js';
import type { ExecContext } from '../context.js';
import { decimalToDouble } from '../runtime/decimal.js';
import { trimAll } from '../runtime/datetime-parse.js';
import { castValue, nullSafe, parseDoubleString, type Converter } from './cast.js';
import { BYPASS, castOverflow, outOfRange, sqlValue } from './cast-errors.js';

const INTEGRAL_RANGE: Record<string, [number, number]> = {
  byte: [-128, 127],
  short: [-32768, 32767],
  integer: [-2147483648, 2147483647],
  long: [-(2 ** 63), 2 ** 63],
};
const isFloating = (t: DataType): boolean => t instanceof FloatType || t instanceof DoubleType;
const isNumeric = (t: DataType): boolean => INTEGRAL_RANGE[t.typeName()] !== undefined || isFloating(t) || t instanceof DecimalType;

export function invalidInput(v: unknown, from: DataType, to: DataType, tz: string): Error {
  const value = sqlValue(v, from, tz);
  const msg = `The value ${value} of the type "${from.sql()}" cannot be cast to "${to.sql()}" because it is malformed. Correct the value as per the syntax, or change its target type. Use \`try_cast\` to tolerate malformed input and return NULL instead. If necessary set ${BYPASS} to "false" to bypass this error.`;
  const info = { errorClass: 'CAST_INVALID_INPUT', messageParameters: { expression: value, sourceType: `"${from.sql()}"`, targetType: `"${to.sql()}"`, ansiConfig: BYPASS } };
  if (isNumeric(to)) return new NumberFormatException(msg, info);
  if (to instanceof DateType || to instanceof TimestampType || to instanceof TimestampNTZType) return new DateTimeException(msg, info);
  return new SparkRuntimeException(msg, info);
}

const INTEGRAL_TEXT = /^[+-]?\d+$/;

/** The converter for an ANSI CAST(from AS to) of non-null values. */
export function ansiCastValue(from: DataType, to: DataType, ctx: ExecContext): Converter {
  const plain = castValue(from, to, ctx);
  const tz = ctx.timeZone;
  const range = INTEGRAL_RANGE[to.typeName()];
  if (from instanceof StringType) {
    const checked = isNumeric(to) || to instanceof BooleanType || to instanceof DateType || to instanceof TimestampType || to instanceof TimestampNTZType;
    if (!checked) return plain;
    // ANSI integral parsing has no fractional part ('1.5' is malformed, not 1).
    const strict = range !== undefined;
    return (v) => {
      if (strict && !INTEGRAL_TEXT.test(trimAll(v as string))) throw invalidInput(v, from, to, tz);
      const r = plain(v);
      if (r !== null) return r;
      if (to instanceof DecimalType && parseDoubleString(v as string) !== undefined) throw outOfRange(v, from, to, tz);
      throw invalidInput(v, from, to, tz);
    };
  }
  if (range !== undefined && isNumeric(from)) {
    const [lo, hi] = range;
    const asNumber = from instanceof DecimalType ? (v: unknown) => decimalToDouble(v as bigint, from.scale) : (v: unknown) => Number(v);
    const isLong = to instanceof LongType;
    return (v) => {
      const n = Math.trunc(asNumber(v));
      // A long's upper bound 2^63 is exclusive; bigint inputs are exact already.
      if (Number.isNaN(n) || n < lo || (isLong ? n >= hi : n > hi)) throw castOverflow(v, from, to, tz);
      return plain(v);
    };
  }
  if (range !== undefined && !(to instanceof LongType) && from instanceof TimestampType) {
    // A timestamp's whole seconds must fit the narrower integral type.
    const [lo, hi] = range;
    const seconds = castValue(from, LONG, ctx);
    return (v) => {
      const n = Number(seconds(v));
      if (n < lo || n > hi) throw castOverflow(v, from, to, tz);
      return plain(v);
    };
  }
  if (to instanceof DecimalType && isNumeric(from)) {
    return (v) => {
      const r = plain(v);
      if (r === null) throw outOfRange(v, from, to, tz);
      return r;
    };
  }
  return plain;
}

/**
 * A Cast node under ANSI mode. The analyzer coerces strings by ANSI's rules (function
 * arguments, operators, common types) and marks those casts `ansiCoercion`; any other
 * implicit string-to-number cast was chosen by the non-ANSI rules, whose type Spark's ANSI
 * rules may not share, so it is refused rather than computed the non-ANSI way. Implicit
 * casts to dates, timestamps and booleans are checked.
 */
export function ansiCast(e: Cast, from: DataType, ctx: ExecContext): Converter {
  if (e.implicit && !e.ansiCoercion && from instanceof StringType && isNumeric(e.to)) {
    throw new NotImplementedException(
      `implicit STRING to ${e.to.sql()} coercion under spark.sql.ansi.enabled=true`,
      'Spark coerces strings by its ANSI rules there; cast the string explicitly',
    );
  }
  // The analyzer rejects these already (ansi-casts.ts); a plan analyzed without ANSI still fails here.
  const mismatch = ansiCastMismatch(from, e.to, `CAST(${exprSql(e.child)} AS ${e.to.sql()})`);
  if (mismatch) throw mismatch;
  // Elements of arrays, maps and structs are cast by the ANSI rules too ('1.5' in an array<int> is malformed).
  const conv = elementWise(from, e.to, (f, t) => ansiCastValue(f, t, ctx)) ?? ansiCastValue(from, e.to, ctx);
  return (v) => {
    try {
      return conv(v);
    } catch (err) {
      // A CAST's malformed input and decimal overflow come with its query context; its CAST_OVERFLOW without.
      if (CONTEXT_CLASSES.has((err as { errorClass?: string }).errorClass ?? '')) takesQueryContext(err as Error);
      throw err;
    }
  };
}

const CONTEXT_CLASSES = new Set(['CAST_INVALID_INPUT', 'NUMERIC_VALUE_OUT_OF_RANGE']);

/**
 * A cast inside arrays, maps and structs: `leaf` converts the element types that are not
 * containers themselves, so each element is cast (and fails, or is made null) on its own.
 */
function elementWise(from: DataType, to: DataType, leaf: (f: DataType, t: DataType) => Converter): Converter | undefined {
  const inner = (f: DataType, t: DataType): Converter => nullSafe(elementWise(f, t, leaf) ?? leaf(f, t));
  if (from instanceof ArrayType && to instanceof ArrayType) {
    const el = inner(from.elementType, to.elementType);
    return (v) => (v as unknown[]).map(el);
  }
  if (from instanceof MapType && to instanceof MapType) {
    const k = inner(from.keyType, to.keyType);
    const val = inner(from.valueType, to.valueType);
    return (v) => new Map([...(v as Map<unknown, unknown>)].map(([a, b]) => [k(a), val(b)]));
  }
  if (from instanceof StructType && to instanceof StructType && from.fields.length === to.fields.length) {
    const fs = from.fields.map((f, i) => inner(f.dataType, to.fields[i]!.dataType));
    return (v) => (v as unknown[]).map((x, i) => fs[i]!(x));
  }
  return undefined;
}

/** The errors of an ANSI cast that TRY_CAST turns into null. */
const TRY_CAST_NULLS = new Set(['CAST_INVALID_INPUT', 'CAST_OVERFLOW', 'NUMERIC_VALUE_OUT_OF_RANGE']);

/** TRY_CAST: the ANSI cast with malformed input and overflow made null, element by element. */
export function tryCastValue(from: DataType, to: DataType, ctx: ExecContext): Converter {
  const leaf = (f: DataType, t: DataType): Converter => {
    const conv = ansiCastValue(f, t, ctx);
    return (v) => {
      try {
        return conv(v);
      } catch (err) {
        if (TRY_CAST_NULLS.has((err as { errorClass?: string }).errorClass ?? '')) return null;
        // Text that is no interval of the type (or does not fit it) raises IllegalArgumentException in Spark, which TRY_CAST makes null.
        if (err instanceof IllegalArgumentException) return null;
        throw err;
      }
    };
  };
  return elementWise(from, to, leaf) ?? leaf(from, to);
}
