/**
 * The Polars backend: executes resolved plans with nodejs-polars (native
 * binding, lazily loaded on first use), delegating what Polars cannot run
 * with Spark's exact semantics to the memory interpreter.
 *
 * Runs natively: every plan node except Sample (the interpreter's seeded
 * sampler) — projections, filters, sorts (stable, per-key direction and null
 * placement), limits/offsets, ranges, aggregates incl. grouping sets, all
 * join types with null-safe keys and residual conditions, set operations,
 * deduplication, explode/posexplode(_outer) of arrays and maps, and windows
 * with ranking functions, lag/lead and whole-partition or running frames.
 *
 * Delegated per node (see `describe()`): window frames with offsets,
 * transcendental math (libm differs from V8/Java in the last bit), float
 * `%`, double → string casts (Java formatting), decimal arithmetic, Spark
 * datetime patterns, statistical aggregates, higher-order functions and the
 * functions listed as `delegated` in functions/.
 */
export { PolarsMaterializer, type PolarsMaterializerOptions } from './materializer.js';
export { POLARS_FUNCTIONS, polarsFunctionSupport, type Support as PolarsFunctionSupport } from './functions/index.js';
export { PlanTranslator, type PlanTranslatorOptions, type NodeReport } from './plan-translator.js';
export type { DelegationRecord, FallbackExecutor } from './delegation.js';
export { native as loadPolarsNative, isNativeLoaded, setNativeRequire } from './native.js';
export { batchToNative } from './input.js';
export { nativeToBatch, nativeToArrow, ipcToBatch } from './output.js';
export { toPolarsDType, polarsTypeName } from './type-mapper.js';
export { translatePolarsError } from './errors.js';
