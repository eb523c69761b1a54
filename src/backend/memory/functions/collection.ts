/** Array, map and struct functions, including higher-order functions (lambdas arrive as JS functions). */
import type { Call } from '../../../expr/nodes.js';
import { ArrayType, DoubleType, FloatType, MapType, StringType, type DataType } from '../../../types/data-types.js';
import { ExecutionException, SparkRuntimeException } from '../../../errors/index.js';
import { castToString } from '../../../format/value-string.js';
import { comparatorFor, equalityFor, hashKey } from '../runtime/compare.js';
import { mapLookup } from './nested-access.js';
import type { MapKeyDedupPolicy } from '../context.js';
import type { FunctionImpl, RowFn } from './types.js';
import { argType, compiled, isNullish, resultType, scalar, scalarWithNulls, unary, indexOfZeroError } from './util.js';

type Lambda = (...args: unknown[]) => unknown;
const elementType = (call: Call, i = 0): DataType => (argType(call, i) as ArrayType).elementType;

/**
 * Builds a map value, rejecting null keys; a duplicate key fails under
 * spark.sql.mapKeyDedupPolicy=EXCEPTION (Spark's default) or, under LAST_WIN,
 * replaces the value and keeps the key's first position.
 */
export function buildMap(entries: Iterable<readonly [unknown, unknown]>, keyType: DataType, policy: MapKeyDedupPolicy = 'EXCEPTION'): Map<unknown, unknown> {
  const out = new Map<unknown, unknown>();
  const seen = new Map<unknown, unknown>();
  for (const [k, v] of entries) {
    if (isNullish(k)) throw new SparkRuntimeException('Cannot use null as map key.', { errorClass: 'NULL_MAP_KEY' });
    const h = hashKey(k, keyType);
    if (seen.has(h)) {
      if (policy === 'LAST_WIN') {
        out.set(seen.get(h), v ?? null);
        continue;
      }
      throw new ExecutionException(
        `Duplicate map key ${castToString(k, keyType, 'UTC')} was found, please check the input data.\nIf you want to remove the duplicated keys, you can set "spark.sql.mapKeyDedupPolicy" to "LAST_WIN" so that the key inserted at last takes precedence.`,
        { errorClass: 'DUPLICATED_MAP_KEY', messageParameters: { key: castToString(k, keyType, 'UTC'), mapKeyDedupPolicy: '"spark.sql.mapKeyDedupPolicy"' } },
      );
    }
    seen.set(h, k);
    out.set(k, v ?? null);
  }
  return out;
}

const array = scalarWithNulls((a) => a.slice());
const struct = scalarWithNulls((a) => a.slice());
const namedStruct = scalarWithNulls((a) => a.filter((_, k) => k % 2 === 1));

const createMap = scalarWithNulls((a, ctx, call) => {
  const kt = (resultType(call) as MapType).keyType;
  const entries: [unknown, unknown][] = [];
  for (let k = 0; k + 1 < a.length; k += 2) entries.push([a[k], a[k + 1]]);
  return buildMap(entries, kt, ctx.mapKeyDedupPolicy);
});

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
    throw new ExecutionException('Unexpected value for start in function slice: SQL array indices start at 1.', { errorClass: 'INVALID_PARAMETER_VALUE.START' });
  }
  if (length < 0) {
    throw new ExecutionException(`Unexpected value for length in function slice: length must be greater than or equal to 0.`, { errorClass: 'INVALID_PARAMETER_VALUE.LENGTH' });
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

const mapEntries = compiled((args) => unary(args[0]!, (m: Map<unknown, unknown>) => [...m].map(([k, v]) => [k, v])));

const mapFromArrays = scalar((a, ctx, call) => {
  const keys = a[0] as unknown[];
  const values = a[1] as unknown[];
  if (keys.length !== values.length) {
    throw new ExecutionException('The key array and value array of MapData must have the same length.');
  }
  return buildMap(keys.map((k, i) => [k, values[i]] as const), (resultType(call) as MapType).keyType, ctx.mapKeyDedupPolicy);
});

const mapFromEntries = scalar((a, ctx, call) => {
  const entries = a[0] as (unknown[] | null)[];
  if (entries.some(isNullish)) return null;
  return buildMap(entries.map((e) => [e![0], e![1]] as const), (resultType(call) as MapType).keyType, ctx.mapKeyDedupPolicy);
});

const mapConcat = scalarWithNulls((a, ctx, call) => {
  if (a.some(isNullish)) return null;
  const entries: [unknown, unknown][] = [];
  for (const m of a as Map<unknown, unknown>[]) for (const e of m) entries.push(e);
  return buildMap(entries, (resultType(call) as MapType).keyType, ctx.mapKeyDedupPolicy);
});

// Higher-order functions: the lambda argument is a JS function of its parameters.
const transform = scalar((a) => (a[0] as unknown[]).map((v, i) => (a[1] as Lambda)(v, i) ?? null));
const filterFn = scalar((a) => (a[0] as unknown[]).filter((v, i) => (a[1] as Lambda)(v, i) === true));

/** exists: true if any element satisfies; else null if any predicate was null; else false. */
const exists = scalar((a) => {
  let sawNull = false;
  for (const v of a[0] as unknown[]) {
    const r = (a[1] as Lambda)(v);
    if (r === true) return true;
    if (isNullish(r)) sawNull = true;
  }
  return sawNull ? null : false;
});

const forall = scalar((a) => {
  let sawNull = false;
  for (const v of a[0] as unknown[]) {
    const r = (a[1] as Lambda)(v);
    if (r === false) return false;
    if (isNullish(r)) sawNull = true;
  }
  return sawNull ? null : true;
});

/** aggregate(arr, zero, merge[, finish]); the zero value may be null. */
const aggregateFn = compiled((args) => {
  const [arr, zero, merge, finish] = args as [RowFn, RowFn, RowFn, RowFn | undefined];
  return (i) => {
    const xs = arr(i);
    if (isNullish(xs)) return null;
    let acc = zero(i) ?? null;
    const m = merge(i) as Lambda;
    for (const v of xs as unknown[]) acc = m(acc, v) ?? null;
    return finish ? ((finish(i) as Lambda)(acc) ?? null) : acc;
  };
});

const zipWith = scalar((a) => {
  const x = a[0] as unknown[];
  const y = a[1] as unknown[];
  const f = a[2] as Lambda;
  return Array.from({ length: Math.max(x.length, y.length) }, (_, k) => f(x[k] ?? null, y[k] ?? null) ?? null);
});

const transformKeys = scalar((a, ctx, call) =>
  buildMap(
    [...(a[0] as Map<unknown, unknown>)].map(([k, v]) => [(a[1] as Lambda)(k, v), v] as const),
    (resultType(call) as MapType).keyType,
    ctx.mapKeyDedupPolicy,
  ),
);
const transformValues = scalar((a) => new Map([...(a[0] as Map<unknown, unknown>)].map(([k, v]) => [k, (a[1] as Lambda)(k, v) ?? null])));
const mapFilter = scalar((a) => new Map([...(a[0] as Map<unknown, unknown>)].filter(([k, v]) => (a[1] as Lambda)(k, v) === true)));

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
  create_map: createMap,
  map: createMap,
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
  map_keys: compiled((args) => unary(args[0]!, (m: Map<unknown, unknown>) => [...m.keys()])),
  map_values: compiled((args) => unary(args[0]!, (m: Map<unknown, unknown>) => [...m.values()])),
  map_entries: mapEntries,
  map_from_arrays: mapFromArrays,
  map_from_entries: mapFromEntries,
  map_concat: mapConcat,
  map_contains_key: compiled((args, call) => {
    const kt = (argType(call, 0) as MapType).keyType;
    return (i) => {
      const m = args[0]!(i);
      const k = args[1]!(i);
      if (isNullish(m) || isNullish(k)) return null;
      return mapLookup(m as Map<unknown, unknown>, k, kt) !== null || [...(m as Map<unknown, unknown>).keys()].some((x) => hashKey(x, kt) === hashKey(k, kt));
    };
  }),
  transform,
  filter: filterFn,
  exists,
  forall,
  aggregate: aggregateFn,
  reduce: aggregateFn,
  zip_with: zipWith,
  transform_keys: transformKeys,
  transform_values: transformValues,
  map_filter: mapFilter,
};
