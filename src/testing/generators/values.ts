/**
 * fast-check arbitraries for values and rows of a schema, in the JS forms
 * `createDataFrame` accepts and `collect()` gives back:
 * - byte/short/int: numbers in range; long: numbers, or bigints beyond ±2^53-1;
 * - float: 32-bit floats; double; both with NaN and ±Infinity when enabled;
 * - decimal(p,s): strings with exactly s fraction digits and at most p digits;
 * - string: unicode (printable graphemes by default); binary: Uint8Array;
 * - date: UTC-midnight Dates in 0001-01-01..9999-12-31;
 * - timestamp / timestamp_ntz: ISO strings with microseconds (`...T10:30:00.123456Z`),
 *   by default in 1700..2250, where the engine's microsecond numbers are exact;
 * - arrays, Maps (unique keys) and struct objects, recursively.
 * Nullable columns, elements, values and fields are null at `nullRate`; non-nullable never.
 */
import * as fc from 'fast-check';
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
} from '../../types/data-types.js';
import { parseSchema } from '../../types/ddl.js';
import { daysFromCivil } from '../../types/timezone.js';
import { canonicalize, canonKey } from '../canonical.js';
import { usageError } from '../errors.js';

export interface ValueArbitraryOptions {
  /** Share of nulls where nulls are allowed (0..1, default 0.1). */
  readonly nullRate?: number;
  /** Generate NaN for float/double (default false). */
  readonly nan?: boolean;
  /** Generate ±Infinity for float/double (default false). */
  readonly infinity?: boolean;
  /** fast-check string unit (default 'grapheme': printable unicode). */
  readonly stringUnit?: 'grapheme' | 'grapheme-composite' | 'grapheme-ascii' | 'binary' | 'binary-ascii';
  readonly maxStringLength?: number;
  readonly maxBinaryLength?: number;
  /** Longest generated array and map (default 4). */
  readonly maxCollectionLength?: number;
  /** Date range (default Spark's: 0001-01-01 .. 9999-12-31). */
  readonly minDate?: Date;
  readonly maxDate?: Date;
  /** Timestamp range (default 1700-01-01 .. 2250-12-31, where microseconds are exact). */
  readonly minTimestamp?: Date;
  readonly maxTimestamp?: Date;
}

export interface RowsArbitraryOptions extends ValueArbitraryOptions {
  readonly minLength?: number;
  /** Most rows (default 20). */
  readonly maxLength?: number;
  /** No two rows equal (`true`), or no two rows with the same values in these columns. */
  readonly unique?: boolean | readonly string[];
  /** Rows as objects by column name (default) or as arrays by position. */
  readonly as?: 'object' | 'array';
}

const MS_PER_DAY = 86_400_000;
const SPARK_MIN_DAY = daysFromCivil(1, 1, 1);
const SPARK_MAX_DAY = daysFromCivil(9999, 12, 31);
const DEFAULT_MIN_TS_MS = daysFromCivil(1700, 1, 1) * MS_PER_DAY;
const DEFAULT_MAX_TS_MS = (daysFromCivil(2250, 12, 31) + 1) * MS_PER_DAY - 1;
const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

function normLong(v: bigint): number | bigint {
  return v >= -MAX_SAFE && v <= MAX_SAFE ? Number(v) : v;
}

/** `unscaled × 10^-scale` as plain text with exactly `scale` fraction digits. */
export function decimalText(unscaled: bigint, scale: number): string {
  const neg = unscaled < 0n;
  const digits = (neg ? -unscaled : unscaled).toString().padStart(scale + 1, '0');
  const text = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  return neg ? '-' + text : text;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** ISO text of microseconds since the epoch: `YYYY-MM-DDTHH:MM:SS.ffffff` (+ `Z` when `zulu`). */
export function microsToIso(micros: number, zulu: boolean): string {
  const ms = Math.floor(micros / 1000);
  const d = new Date(ms);
  const frac = micros - ms * 1000 + d.getUTCMilliseconds() * 1000;
  const text =
    `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(frac, 6)}`;
  return zulu ? text + 'Z' : text;
}

/** Wraps `arb` so that it gives null at `rate` (shrinking towards null first). */
export function withNulls<T>(arb: fc.Arbitrary<T>, rate: number): fc.Arbitrary<T | null> {
  if (rate <= 0) return arb;
  if (rate >= 1) return fc.constant(null);
  const w = Math.round(rate * 1000);
  return fc.oneof({ arbitrary: fc.constant(null), weight: Math.max(1, w) }, { arbitrary: arb, weight: Math.max(1, 1000 - w) });
}

function checkRate(rate: number): number {
  if (!(rate >= 0 && rate <= 1)) throw usageError('TESTING_INVALID_OPTION', `nullRate must be between 0 and 1, got ${rate}.`);
  return rate;
}

/** A stable identity for a generated map key (Dates by time, everything else by kind and text). */
function mapKeyIdentity(k: unknown): string {
  if (k instanceof Date) return 'd' + k.getTime();
  return typeof k + ':' + String(k);
}

/** An arbitrary non-null value of `type` (nested nulls follow the type's nullability). */
export function arbitraryValue(type: DataType, opts: ValueArbitraryOptions = {}): fc.Arbitrary<unknown> {
  const rate = checkRate(opts.nullRate ?? 0.1);
  const maxLen = opts.maxCollectionLength ?? 4;
  const nullable = (arb: fc.Arbitrary<unknown>, allowed: boolean): fc.Arbitrary<unknown> => (allowed ? withNulls(arb, rate) : arb);
  if (type instanceof ByteType) return fc.integer({ min: -128, max: 127 });
  if (type instanceof ShortType) return fc.integer({ min: -32768, max: 32767 });
  if (type instanceof IntegerType) return fc.integer();
  if (type instanceof LongType) return fc.bigInt({ min: LONG_MIN, max: LONG_MAX }).map(normLong);
  if (type instanceof FloatType) return fc.float({ noNaN: !opts.nan, noDefaultInfinity: !opts.infinity });
  if (type instanceof DoubleType) return fc.double({ noNaN: !opts.nan, noDefaultInfinity: !opts.infinity });
  if (type instanceof DecimalType) {
    const bound = 10n ** BigInt(type.precision) - 1n;
    return fc.bigInt({ min: -bound, max: bound }).map((u) => decimalText(u, type.scale));
  }
  if (type instanceof StringType) return fc.string({ unit: opts.stringUnit ?? 'grapheme', maxLength: opts.maxStringLength ?? 12 });
  if (type instanceof BinaryType) return fc.uint8Array({ maxLength: opts.maxBinaryLength ?? 8 });
  if (type instanceof BooleanType) return fc.boolean();
  if (type instanceof DateType) {
    const min = opts.minDate ? Math.floor(opts.minDate.getTime() / MS_PER_DAY) : SPARK_MIN_DAY;
    const max = opts.maxDate ? Math.floor(opts.maxDate.getTime() / MS_PER_DAY) : SPARK_MAX_DAY;
    return fc.integer({ min: Math.max(min, SPARK_MIN_DAY), max: Math.min(max, SPARK_MAX_DAY) }).map((d) => new Date(d * MS_PER_DAY));
  }
  if (type instanceof TimestampType || type instanceof TimestampNTZType) {
    const min = (opts.minTimestamp?.getTime() ?? DEFAULT_MIN_TS_MS) * 1000;
    const max = (opts.maxTimestamp?.getTime() ?? DEFAULT_MAX_TS_MS) * 1000 + 999;
    const zulu = type instanceof TimestampType;
    const lo = BigInt(Math.max(min, Number.MIN_SAFE_INTEGER));
    const hi = BigInt(Math.min(max, Number.MAX_SAFE_INTEGER));
    return fc.bigInt({ min: lo, max: hi }).map((us) => microsToIso(Number(us), zulu));
  }
  if (type instanceof ArrayType) {
    return fc.array(nullable(arbitraryValue(type.elementType, opts), type.containsNull), { maxLength: maxLen });
  }
  if (type instanceof MapType) {
    const key = arbitraryValue(type.keyType, opts);
    const value = nullable(arbitraryValue(type.valueType, opts), type.valueContainsNull);
    return fc
      .uniqueArray(fc.tuple(key, value), { maxLength: maxLen, selector: ([k]) => mapKeyIdentity(k) })
      .map((entries) => new Map(entries));
  }
  if (type instanceof StructType) {
    const model: Record<string, fc.Arbitrary<unknown>> = {};
    for (const f of type.fields) model[f.name] = nullable(arbitraryValue(f.dataType, opts), f.nullable);
    return fc.record(model);
  }
  if (type instanceof NullType) return fc.constant(null);
  throw usageError('TESTING_INVALID_INPUT', `No generator for data type ${type.toString()}.`);
}

function toStruct(schema: StructType | string): StructType {
  return typeof schema === 'string' ? parseSchema(schema) : schema;
}

/** An arbitrary row of `schema`: an object by column name (or an array with `as: 'array'`). */
export function arbitraryRow(schema: StructType | string, opts: RowsArbitraryOptions = {}): fc.Arbitrary<Record<string, unknown> | unknown[]> {
  const struct = toStruct(schema);
  const rate = checkRate(opts.nullRate ?? 0.1);
  const cells = struct.fields.map((f) => {
    const v = arbitraryValue(f.dataType, opts);
    return f.nullable ? withNulls(v, rate) : v;
  });
  const tuple = fc.tuple(...cells);
  if (opts.as === 'array') return tuple;
  const names = struct.names;
  if (new Set(names).size !== names.length) {
    throw usageError('TESTING_INVALID_INPUT', `The schema has duplicate column names; generate rows with { as: 'array' }.`);
  }
  return tuple.map((vals) => Object.fromEntries(names.map((n, i) => [n, vals[i]])));
}

/** Arbitrary rows of `schema`, optionally unique on all or some columns. */
export function arbitraryRows(schema: StructType | string, opts: RowsArbitraryOptions = {}): fc.Arbitrary<(Record<string, unknown> | unknown[])[]> {
  const struct = toStruct(schema);
  const row = arbitraryRow(struct, opts);
  const constraints = { minLength: opts.minLength ?? 0, maxLength: opts.maxLength ?? 20 };
  if (!opts.unique) return fc.array(row, constraints);
  const keyCols =
    opts.unique === true
      ? struct.fields.map((_, i) => i)
      : opts.unique.map((n) => {
          const i = struct.names.indexOf(n);
          if (i < 0) throw usageError('TESTING_UNKNOWN_COLUMN', `unique names '${n}', which is not a column of the schema (${struct.names.join(', ')}).`);
          return i;
        });
  const eq = { rtol: 0, atol: 0, nanEquality: true, ignoreCase: false };
  const selector = (r: Record<string, unknown> | unknown[]): string =>
    keyCols
      .map((i) => {
        const v = Array.isArray(r) ? r[i] : r[struct.fields[i]!.name];
        return canonKey(canonicalize(v, struct.fields[i]!.dataType, { timeZone: 'UTC' }), eq);
      })
      .join('\u0001');
  return fc.uniqueArray(row, { ...constraints, selector });
}
