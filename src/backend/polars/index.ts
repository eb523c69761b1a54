/**
 * The Polars backend: executes resolved plans with nodejs-polars (native
 * binding, lazily loaded on first use), delegating what Polars cannot run
 * with Spark's exact semantics to the memory interpreter.
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
