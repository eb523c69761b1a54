/**
 * Runs a generated pipeline on the memory backend (the readable reference)
 * and on real Spark (connect), comparing schemas (names, types, nullability)
 * and rows with the toolkit's own `compareBackends`.
 */
import { compareBackends } from '../../src/testing/index.js';
import { INPUT_SCHEMA, describePipeline, runPipeline, type Pipeline } from './pipelines.js';

/** Undefined when both agree; else a reproduction and the difference. */
export function differenceFromSpark(p: Pipeline, remoteUrl: string): string | undefined {
  const c = compareBackends((input) => runPipeline(p, input), { rows: p.rows, schema: INPUT_SCHEMA }, {
    backends: ['memory', { name: 'spark', options: { backend: 'connect', conf: { 'spark.remote': remoteUrl } } }],
    // Spark sums doubles per partition after a shuffle; the last bits may differ from a row-order sum.
    rtol: 1e-12,
    color: false,
  });
  return c.agree ? undefined : `${describePipeline(p)}\n${c.message}`;
}
