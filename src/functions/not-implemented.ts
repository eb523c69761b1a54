/**
 * PySpark 3.5 functions sparkless does not implement yet. Each is exported so
 * that a pipeline using one fails with a clear NotImplementedException naming
 * it, instead of an "is not a function" TypeError. Generated from
 * PySpark 3.5.2's function list; delete a name here when implementing it.
 */
import { NotImplementedException } from '../errors/index.js';

const notImplemented =
  (name: string) =>
  (..._args: unknown[]): never => {
    throw new NotImplementedException(`functions.${name}`);
  };

export const cast = notImplemented('cast');
export const count_min_sketch = notImplemented('count_min_sketch');
export const get_active_spark_context = notImplemented('get_active_spark_context');
export const hll_sketch_agg = notImplemented('hll_sketch_agg');
export const hll_sketch_estimate = notImplemented('hll_sketch_estimate');
export const hll_union = notImplemented('hll_union');
export const hll_union_agg = notImplemented('hll_union_agg');
export const overload = notImplemented('overload');
export const to_str = notImplemented('to_str');
export const try_remote_functions = notImplemented('try_remote_functions');
export const unwrap_udt = notImplemented('unwrap_udt');
