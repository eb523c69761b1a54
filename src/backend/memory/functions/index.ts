/**
 * The memory backend's function table: registry name → implementation.
 * A test checks that every registered FunctionDef has an entry here.
 */
import { NotImplementedException } from '../../../errors/index.js';
import { aggregateImpls } from './aggregate.js';
import { binaryImpls } from './binary.js';
import { percentileImpls } from './percentile.js';
import { approxPercentileImpls } from './approx-percentile.js';
import { cryptoImpls } from './crypto.js';
import { jvmImpls } from './jvm.js';
import { numberFormatImpls } from './number-format.js';
import { csvImpls } from './csv.js';
import { xpathImpls } from './xpath.js';
import { partitionTransformImpls } from './partition-transforms.js';
import { bitmapImpls } from './bitmap.js';
import { histogramImpls } from './histogram.js';
import { countMinSketchImpls } from './count-min-sketch.js';
import { hllImpls } from './hll.js';
import { collectionImpls } from './collection.js';
import { collectionBuildImpls } from './collection-build.js';
import { sequenceImpls } from './sequence.js';
import { conditionalImpls } from './conditional.js';
import { datetimeImpls } from './datetime.js';
import { extraImpls } from './extra.js';
import { checkedArithmeticImpls } from './checked-arithmetic.js';
import { bitwiseImpls } from './bitwise.js';
import { numberBaseImpls } from './number-base.js';
import { widthBucketImpls } from './width-bucket.js';
import { datePartImpls } from './date-part.js';
import { makeTimestampImpls } from './make-timestamp.js';
import { raiseErrorImpls } from './raise-error.js';
import { sessionInfoImpls } from './session-info.js';
import { extraStringImpls } from './extra-string.js';
import { intervalImpls } from './interval.js';
import { timestampUnitImpls } from './timestamp-units.js';
import { intervalMathImpls } from './interval-math.js';
import { intervalAggregateImpls } from './interval-aggregate.js';
import { jsonImpls } from './json.js';
import { generatorImpls } from './generator.js';
import { mathImpls } from './math.js';
import { miscImpls } from './misc.js';
import { operatorImpls } from './operators.js';
import { stringImpls } from './string.js';
import { udfImpls } from './udf.js';
import { windowImpls } from './window.js';
import { timeWindowImpls } from './time-window.js';
import { ansiImpls } from './ansi.js';
import type { FunctionImpl, FunctionTable } from './types.js';

const BASE_FUNCTIONS: FunctionTable = Object.freeze({
  ...operatorImpls,
  ...mathImpls,
  ...stringImpls,
  ...datetimeImpls,
  ...conditionalImpls,
  ...collectionImpls,
  ...collectionBuildImpls,
  ...sequenceImpls,
  ...aggregateImpls,
  ...windowImpls,
  ...timeWindowImpls,
  ...generatorImpls,
  ...miscImpls,
  ...extraStringImpls,
  ...jsonImpls,
  ...extraImpls,
  ...checkedArithmeticImpls,
  ...bitwiseImpls,
  ...numberBaseImpls,
  ...widthBucketImpls,
  ...datePartImpls,
  ...makeTimestampImpls,
  ...raiseErrorImpls,
  ...sessionInfoImpls,
  ...binaryImpls,
  ...percentileImpls,
  ...intervalImpls,
  ...timestampUnitImpls,
  ...intervalMathImpls,
  ...intervalAggregateImpls,
  ...approxPercentileImpls,
  ...cryptoImpls,
  ...jvmImpls,
  ...numberFormatImpls,
  ...csvImpls,
  ...udfImpls,
  ...xpathImpls,
  ...partitionTransformImpls,
  ...bitmapImpls,
  ...histogramImpls,
  ...countMinSketchImpls,
  ...hllImpls,
});

/** Every function; those Spark changes under spark.sql.ansi.enabled check the flag (ansi.ts). */
export const MEMORY_FUNCTIONS: FunctionTable = Object.freeze({ ...BASE_FUNCTIONS, ...ansiImpls(BASE_FUNCTIONS) });

/** The implementation of a registry name; NotImplementedException when the memory backend lacks it. */
export function lookupImpl(name: string): FunctionImpl {
  const impl = MEMORY_FUNCTIONS[name];
  if (!impl) throw new NotImplementedException(`function ${name} in the memory backend`);
  return impl;
}

/** True when the memory backend implements the function. */
export function hasImpl(name: string): boolean {
  return Object.prototype.hasOwnProperty.call(MEMORY_FUNCTIONS, name);
}

export type * from './types.js';
