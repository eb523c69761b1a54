/** Higher-order functions (transform, filter, exists, aggregate, zip_with, map_filter, ...): lambdas arrive as JS functions of their parameters. */
import { MapType } from '../../../types/data-types.js';
import type { FunctionImpl, RowFn } from './types.js';
import { buildMap } from './map-functions.js';
import { compiled, isNullish, resultType, scalar } from './util.js';

type Lambda = (...args: unknown[]) => unknown;

const transform = scalar((a) => (a[0] as unknown[]).map((v, i) => (a[1] as Lambda)(v, i) ?? null));
const filterFn = scalar((a) => (a[0] as unknown[]).filter((v, i) => (a[1] as Lambda)(v, i) === true));

/**
 * exists (`decisive` true) and forall (`decisive` false): `decisive` as soon as an element's
 * predicate gives it; else null if any predicate was null; else the opposite.
 */
function quantifier(decisive: boolean): FunctionImpl {
  return scalar((a) => {
    let sawNull = false;
    for (const v of a[0] as unknown[]) {
      const r = (a[1] as Lambda)(v);
      if (r === decisive) return decisive;
      if (isNullish(r)) sawNull = true;
    }
    return sawNull ? null : !decisive;
  });
}

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

export const higherOrderImpls: Record<string, FunctionImpl> = {
  transform,
  filter: filterFn,
  exists: quantifier(true),
  forall: quantifier(false),
  aggregate: aggregateFn,
  reduce: aggregateFn,
  zip_with: zipWith,
  transform_keys: transformKeys,
  transform_values: transformValues,
  map_filter: mapFilter,
};
