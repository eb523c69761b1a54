/** Miscellaneous functions: ids, hashing (Spark's Murmur3 `hash`), grouping markers. */
import { randomUUID } from 'node:crypto';
import type { Call } from '../../../expr/nodes.js';
import { InternalError } from '../../../errors/index.js';
import { SPARK_HASH_SEED, sparkHash } from '../../../types/hash.js';
import { toExternal, toInternal } from '../../../types/values.js';
import type { FunctionImpl, RowFn } from './types.js';
import { argType, compiled } from './util.js';

const hash = compiled((args: readonly RowFn[], call: Call) => {
  const types = call.args.map((_, i) => argType(call, i));
  return (i) => {
    let h = SPARK_HASH_SEED;
    for (let k = 0; k < args.length; k++) h = sparkHash(args[k]!(i), types[k]!, h);
    return h;
  };
});

/** monotonically_increasing_id: 0, 1, 2, ... in row order (one partition). */
const monotonicallyIncreasingId = compiled(() => {
  let next = 0;
  return () => next++;
});

/**
 * A JavaScript UDF: `options.fn` (or `options.func`) receives the arguments as
 * external JS values (what `collect()` gives) and returns the result as one;
 * it is converted to the call's result type.
 */
const udf = compiled((args: readonly RowFn[], call: Call) => {
  const fn = (call.options?.['fn'] ?? call.options?.['func']) as ((...xs: unknown[]) => unknown) | undefined;
  if (typeof fn !== 'function') throw new InternalError('udf call without a function');
  const types = call.args.map((_, i) => argType(call, i));
  const rt = call.dataType;
  if (!rt) throw new InternalError('udf call without a result type');
  return (i) => {
    const values = args.map((a, k) => {
      const v = a(i);
      return v === null || v === undefined ? null : toExternal(v, types[k]!);
    });
    const out = fn(...values);
    return out === null || out === undefined ? null : toInternal(out, rt);
  };
});

const groupingMarker: FunctionImpl = {
  kind: 'aggregate',
  create: (call) => {
    throw new InternalError(`${call.fn}() outside an Aggregate with grouping sets`);
  },
};

export const miscImpls: Record<string, FunctionImpl> = {
  hash,
  monotonically_increasing_id: monotonicallyIncreasingId,
  spark_partition_id: compiled(() => () => 0),
  // Rows not read from a file (the analyzer replaces the calls over a file read by its columns).
  input_file_name: compiled(() => () => ''),
  input_file_block_start: compiled(() => () => -1),
  input_file_block_length: compiled(() => () => -1),
  uuid: compiled(() => () => randomUUID()),
  udf,
  grouping: groupingMarker,
  grouping_id: groupingMarker,
};
