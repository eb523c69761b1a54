/**
 * A UDF's returned JS value as an internal value of its return type, or null
 * when it does not fit, as PySpark's (non-Arrow) Python UDFs convert results
 * (EvaluatePython.makeFromJava: a value of a mismatched type becomes null;
 * integral results narrow with Java's wrap-around; anything becomes a string
 * for a string type).
 */
import {
  ByteType,
  DataType,
  DoubleType,
  FloatType,
  IntegerType,
  LongType,
  ShortType,
  StringType,
} from '../../../types/data-types.js';
import { toInternal } from '../../../types/values.js';
import { arrowToSparkType, readColumnData } from '../../export/arrow-table.js';

const BITS: ReadonlyArray<[abstract new (...a: never[]) => DataType, number]> = [
  [ByteType, 8],
  [ShortType, 16],
  [IntegerType, 32],
];

function integral(v: unknown): bigint | undefined {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'number' && Number.isInteger(v)) return BigInt(v);
  return undefined;
}

/** The internal value of `value` as `t`, or null when PySpark would give null. */
export function udfResultToInternal(value: unknown, t: DataType): unknown {
  if (value === null || value === undefined) return null;
  if (t instanceof StringType) {
    // Python's str() of a JS value: Java's toString of the pickled object.
    return typeof value === 'string' ? value : toInternal(value, t);
  }
  if (t instanceof LongType) {
    const n = integral(value);
    if (n === undefined) return null;
    const w = BigInt.asIntN(64, n);
    return w >= BigInt(Number.MIN_SAFE_INTEGER) && w <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(w) : w;
  }
  for (const [cls, bits] of BITS) {
    if (t instanceof cls) {
      const n = integral(value);
      return n === undefined ? null : Number(BigInt.asIntN(bits, n));
    }
  }
  if (t instanceof DoubleType) return typeof value === 'number' ? value : null;
  if (t instanceof FloatType) return typeof value === 'number' ? Math.fround(value) : null;
  try {
    return toInternal(value, t);
  } catch {
    return null;
  }
}

/** True when `x` looks like an apache-arrow Vector (any copy of the library). */
export function isArrowVector(x: unknown): x is { data: readonly unknown[]; type: unknown } & Iterable<unknown> {
  const v = x as { data?: unknown; type?: unknown; toArray?: unknown } | null;
  return v !== null && typeof v === 'object' && Array.isArray(v.data) && v.type !== undefined && typeof v.toArray === 'function';
}

/**
 * The values of an Arrow Vector returned by user code as internal values of
 * `t`: read directly when its Arrow type is exactly `t`'s, else value by value
 * with the UDF result rules.
 */
export function vectorToInternal(vec: { data: readonly unknown[]; type: unknown } & Iterable<unknown>, t: DataType, out: unknown[] = []): unknown[] {
  let exact = false;
  try {
    exact = arrowToSparkType(vec.type as never).equals(t);
  } catch {
    exact = false; // an Arrow type with no Spark equivalent: convert value by value
  }
  if (exact) for (const d of vec.data) readColumnData(t, d as never, out);
  else for (const v of vec) out.push(udfResultToInternal(v, t));
  return out;
}
