/** Array and struct functions; the map functions (map-functions.ts) and higher-order ones (higher-order.ts) join their table. */
import type { Call } from '../../../expr/nodes.js';
import { ArrayType, DoubleType, FloatType, MapType, StringType, type DataType } from '../../../types/data-types.js';
import { SparkRuntimeException } from '../../../errors/index.js';
import { castToString } from '../../../format/value-string.js';
import { comparatorFor, equalityFor, hashKey } from '../runtime/compare.js';
import { mapLookup } from './nested-access.js';
import type { FunctionImpl, RowFn } from './types.js';
import { mapImpls } from './map-functions.js';
import { higherOrderImpls } from './higher-order.js';
import { argType, compiled, isNullish, scalar, scalarWithNulls, unary, indexOfZeroError } from './util.js';

const elementType = (call: Call, i = 0): DataType => (argType(call, i) as ArrayType).elementType;

const array = scalarWithNulls((a) => a.slice());
const struct = scalarWithNulls((a) => a.slice());
const namedStruct = scalarWithNulls((a) => a.filter((_, k) => k % 2 === 1));

/** size: -1 for null (spark.sql.legacy.sizeOfNull, true in 3.5). */
const size = compiled((args) => {
  const a = args[0]!;
  return (i) => {
    const v = a(i);
    if (isNullish(v)) return -1;
    return v instanceof Map ? v.size : (v as unknown[]).length;
  };
});

const arrayContains = compiled((args, call) => {
  const eq = equalityFor(elementType(call));
  return (i) => {
    const arr = args[0]!(i) as unknown[] | null;
    if (isNullish(arr)) return null;
    const v = args[1]!(i);
    if (isNullish(v)) return null;
    let sawNull = false;
    for (const x of arr!) {
      if (isNullish(x)) sawNull = true;
      else if (eq(x, v)) return true;
    }
    return sawNull ? null : false;
  };
});

function arrayIndex(arr: unknown[], idx: number): unknown {
  if (idx === 0) {
    throw indexOfZeroError();
  }
  const k = idx > 0 ? idx - 1 : arr.length + idx;
  if (k < 0 || k >= arr.length) return null;
  return arr[k] ?? null;
}

const elementAt = compiled((args, call) => {
  const t = argType(call, 0);
  if (t instanceof MapType) {
    const kt = t.keyType;
    return (i) => {
      const m = args[0]!(i);
      const k = args[1]!(i);
      return isNullish(m) || isNullish(k) ? null : mapLookup(m as Map<unknown, unknown>, k, kt);
    };
  }
  return (i) => {
    const arr = args[0]!(i);
    const k = args[1]!(i);
    return isNullish(arr) || isNullish(k) ? null : arrayIndex(arr as unknown[], k as number);
  };
});

function arrayExtreme(sign: 1 | -1): FunctionImpl {
  return compiled((args, call) => {
    const cmp = comparatorFor(elementType(call));
    return unary(args[0]!, (arr: unknown[]) => {
      let best: unknown = null;
      for (const v of arr) if (!isNullish(v) && (best === null || sign * cmp(v, best) > 0)) best = v;
      return best;
    });
  });
}

/**
 * Element identity of Spark's array set operations (distinct, union,
 * intersect, except, overlap): NaN equals NaN, but -0.0 and 0.0 differ
 * (Spark hashes the doubles' bits there, unlike its comparisons).
 */
function setKey(v: unknown, t: DataType): unknown {
  return typeof v === 'number' && Object.is(v, -0) && (t instanceof DoubleType || t instanceof FloatType) ? NEGATIVE_ZERO : hashKey(v, t);
}
const NEGATIVE_ZERO = Symbol('-0.0');

function distinctBy(arr: readonly unknown[], t: DataType): unknown[] {
  const seen = new Set<unknown>();
  const out: unknown[] = [];
  for (const v of arr) {
    const k = setKey(v, t);
    if (!seen.has(k)) {
      seen.add(k);
      out.push(v ?? null);
    }
  }
  return out;
}

/** Sorts with nulls first (ascending) or last (descending), NaN largest. */
function sortArray(arr: readonly unknown[], t: DataType, asc: boolean): unknown[] {
  const nullsFirst = asc;
  const cmp = comparatorFor(t);
  const dir = asc ? 1 : -1;
  return arr.slice().sort((x, y) => {
    if (isNullish(x)) return isNullish(y) ? 0 : nullsFirst ? -1 : 1;
    if (isNullish(y)) return nullsFirst ? 1 : -1;
    return dir * cmp(x, y);
  });
}

const sortArrayFn = compiled((args, call) => {
  const t = elementType(call);
  const [a, b] = args as [RowFn, RowFn | undefined];
  return (i) => {
    const arr = a(i);
    if (isNullish(arr)) return null;
    const asc = b ? b(i) : true;
    if (isNullish(asc)) return null;
    return sortArray(arr as unknown[], t, asc as boolean);
  };
});

const arrayJoin = compiled((args, call, ctx) => {
  const et = elementType(call);
  const str = (v: unknown): string => (et instanceof StringType ? (v as string) : castToString(v, et, ctx.timeZone));
  const [a, d, r] = args as [RowFn, RowFn, RowFn | undefined];
  return (i) => {
    const arr = a(i);
    const delim = d(i);
    if (isNullish(arr) || isNullish(delim)) return null;
    const repl = r ? r(i) : undefined;
    if (r && isNullish(repl)) return null;
    const parts: string[] = [];
    for (const v of arr as unknown[]) {
      if (isNullish(v)) {
        if (repl !== undefined) parts.push(repl as string);
      } else parts.push(str(v));
    }
    return parts.join(delim as string);
  };
});

const arrayPosition = scalar((a, _ctx, call) => {
  const eq = equalityFor(elementType(call));
  const arr = a[0] as unknown[];
  for (let k = 0; k < arr.length; k++) if (!isNullish(arr[k]) && eq(arr[k], a[1])) return k + 1;
  return 0;
});

const arrayRemove = scalar((a, _ctx, call) => {
  const eq = equalityFor(elementType(call));
  return (a[0] as unknown[]).filter((v) => isNullish(v) || !eq(v, a[1]));
});

function setOp(op: 'union' | 'intersect' | 'except'): FunctionImpl {
  return scalar((a, _ctx, call) => {
    const t = elementType(call);
    const x = a[0] as unknown[];
    const y = a[1] as unknown[];
    if (op === 'union') return distinctBy([...x, ...y], t);
    const inY = new Set(y.map((v) => setKey(v, t)));
    return distinctBy(x, t).filter((v) => inY.has(setKey(v, t)) === (op === 'intersect'));
  });
}

const arraysOverlap = scalar((a, _ctx, call) => {
  const t = elementType(call);
  const x = a[0] as unknown[];
  const y = a[1] as unknown[];
  const inY = new Set(y.filter((v) => !isNullish(v)).map((v) => setKey(v, t)));
  if (x.some((v) => !isNullish(v) && inY.has(setKey(v, t)))) return true;
  return (x.length > 0 && y.length > 0 && (x.some(isNullish) || y.some(isNullish))) ? null : false;
});

const slice = scalar((a) => {
  const arr = a[0] as unknown[];
  const start = a[1] as number;
  const length = a[2] as number;
  if (start === 0) {
    // Spark 3.5.7: a SparkRuntimeException of a legacy error class (INVALID_PARAMETER_VALUE.* is Spark 4's).
    throw new SparkRuntimeException('Unexpected value for start in function slice: SQL array indices start at 1.');
  }
  if (length < 0) {
    throw new SparkRuntimeException('Unexpected value for length in function slice: length must be greater than or equal to 0.');
  }
  const from = start > 0 ? start - 1 : arr.length + start;
  if (from < 0 || from >= arr.length) return [];
  return arr.slice(from, from + length);
});

const flatten = compiled((args) =>
  unary(args[0]!, (arr: unknown[]) => {
    const out: unknown[] = [];
    for (const inner of arr) {
      if (isNullish(inner)) return null;
      for (const v of inner as unknown[]) out.push(v);
    }
    return out;
  }),
);

const arraysZip = scalarWithNulls((a) => {
  if (a.some(isNullish)) return null;
  const arrays = a as unknown[][];
  const n = Math.max(0, ...arrays.map((x) => x.length));
  return Array.from({ length: n }, (_, k) => arrays.map((x) => x[k] ?? null));
});

const arrayAppend = compiled((args) => {
  const [a, v] = args as [RowFn, RowFn];
  return (i) => {
    const arr = a(i);
    return isNullish(arr) ? null : [...(arr as unknown[]), v(i) ?? null];
  };
});

const arrayPrepend = compiled((args) => {
  const [a, v] = args as [RowFn, RowFn];
  return (i) => {
    const arr = a(i);
    return isNullish(arr) ? null : [v(i) ?? null, ...(arr as unknown[])];
  };
});

/** get(arr, i): 0-based; out of range gives null. */
const get = scalar((a) => {
  const arr = a[0] as unknown[];
  const k = a[1] as number;
  return k >= 0 && k < arr.length ? (arr[k] ?? null) : null;
});

export const collectionImpls: Record<string, FunctionImpl> = {
  array,
  struct,
  named_struct: namedStruct,
  size,
  cardinality: size,
  array_contains: arrayContains,
  element_at: elementAt,
  try_element_at: elementAt,
  array_max: arrayExtreme(1),
  array_min: arrayExtreme(-1),
  array_distinct: compiled((args, call) => unary(args[0]!, (arr: unknown[]) => distinctBy(arr, elementType(call)))),
  sort_array: sortArrayFn,
  array_join: arrayJoin,
  array_position: arrayPosition,
  array_remove: arrayRemove,
  array_union: setOp('union'),
  array_intersect: setOp('intersect'),
  array_except: setOp('except'),
  arrays_overlap: arraysOverlap,
  array_compact: compiled((args) => unary(args[0]!, (arr: unknown[]) => arr.filter((v) => !isNullish(v)))),
  array_append: arrayAppend,
  array_prepend: arrayPrepend,
  slice,
  flatten,
  arrays_zip: arraysZip,
  get,
  ...mapImpls,
  ...higherOrderImpls,
};
