/** Map functions: building maps (create_map, map_from_arrays/entries, map_concat) and reading them (map_keys, map_contains_key, ...). */
import { MapType, type DataType } from '../../../types/data-types.js';
import { ExecutionException, SparkRuntimeException } from '../../../errors/index.js';
import { castToString } from '../../../format/value-string.js';
import { hashKey } from '../runtime/compare.js';
import { mapLookup } from './nested-access.js';
import type { MapKeyDedupPolicy } from '../context.js';
import type { FunctionImpl } from './types.js';
import { argType, compiled, isNullish, resultType, scalar, scalarWithNulls, unary } from './util.js';

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

const createMap = scalarWithNulls((a, ctx, call) => {
  const kt = (resultType(call) as MapType).keyType;
  const entries: [unknown, unknown][] = [];
  for (let k = 0; k + 1 < a.length; k += 2) entries.push([a[k], a[k + 1]]);
  return buildMap(entries, kt, ctx.mapKeyDedupPolicy);
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

export const mapImpls: Record<string, FunctionImpl> = {
  create_map: createMap,
  map: createMap,
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
};
