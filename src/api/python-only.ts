/**
 * PySpark methods that exist only for Python (pandas, RDDs, Koalas) or for
 * Structured Streaming, which sparkless does not have: each throws a typed
 * NotImplementedException naming the TypeScript alternative.
 */
import { NotImplementedException } from '../errors/index.js';

const ALTERNATIVES: Readonly<Record<string, string>> = {
  toPandas: 'pandas is Python-only; use df.toArrow() (an apache-arrow Table) or df.collect()',
  mapInPandas: 'pandas is Python-only; use df.mapInArrow(fn, schema), whose fn receives apache-arrow RecordBatches',
  pandas_api: 'the pandas API on Spark is Python-only; use the DataFrame API or df.toArrow()',
  to_koalas: 'Koalas is Python-only; use the DataFrame API or df.toArrow()',
  to_pandas_on_spark: 'the pandas API on Spark is Python-only; use the DataFrame API or df.toArrow()',
  rdd: 'RDDs need the JVM; use df.collect(), df.toLocalIterator() or df.foreachPartition()',
  applyInPandas: 'pandas is Python-only; use df.mapInArrow(fn, schema) per group, or F.udf with an aggregate (collect_list)',
  applyInPandasWithState: 'streaming with pandas is Python-only; sparkless has no Structured Streaming',
  cogroup: 'cogrouped pandas functions are Python-only; join the groups and use df.mapInArrow(fn, schema)',
  writeStream: 'sparkless has no Structured Streaming; write batches with df.write',
  readStream: 'sparkless has no Structured Streaming; read batches with spark.read',
  withWatermark: 'watermarks are Structured Streaming; sparkless runs batch queries only',
  dropDuplicatesWithinWatermark: 'watermarks are Structured Streaming; use df.dropDuplicates(subset)',
};

/** The typed error for a Python-only or streaming method (`owner.method`). */
export function pythonOnly(owner: string, method: keyof typeof ALTERNATIVES & string): never {
  throw new NotImplementedException(`${owner}.${method}`, ALTERNATIVES[method]);
}
