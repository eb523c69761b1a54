/**
 * Runs a suite once per execution backend: the conformance suite must hold
 * for the memory reference interpreter and for the Polars backend alike.
 */
import { afterEach, beforeEach, describe } from 'vitest';
import { DataFrame, SparkSession } from '../../src/index.js';
import { sparkRemote } from './spark-remote.js';

export const EXECUTION_BACKENDS = ['memory', 'polars'] as const;

/**
 * The referee Spark (sc://127.0.0.1:15003) runs local[2]: relations scan as 2 partitions, whose
 * partial aggregates merge into the last digits of stddev, skewness, kurtosis, corr... Local
 * sessions that compare such digits with it model the same split.
 */
export const REFEREE_PARALLELISM = { 'spark.default.parallelism': '2' } as const;
export type ExecutionBackend = (typeof EXECUTION_BACKENDS)[number] | 'connect';

/** The local backends, plus real Spark (`connect`) when SPARK_REMOTE answers. */
export function backendsUnderTest(): ExecutionBackend[] {
  return 'url' in sparkRemote() ? [...EXECUTION_BACKENDS, 'connect'] : [...EXECUTION_BACKENDS];
}

/**
 * A fresh UTC session on `backend` (its own server-side session on connect); `localConf` applies to
 * the local backends only (e.g. REFEREE_PARALLELISM, which the Spark server has of itself).
 */
export function newTestSession(backend: ExecutionBackend, appName = 'conformance', localConf: Record<string, string> = {}): SparkSession {
  const remote = sparkRemote();
  const conf = {
    'spark.sql.session.timeZone': 'UTC',
    ...(backend === 'connect' && 'url' in remote ? { 'spark.remote': remote.url } : localConf),
  };
  return new SparkSession(appName, { backendType: backend, conf });
}

export interface ForEachBackendOptions {
  /**
   * Why the suite does not run on real Spark, when it tests sparkless's own
   * machinery (e.g. its SQL front end) rather than Spark's behaviour.
   */
  readonly localOnly?: string;
}

/** `describe` per backend with a fresh UTC session per test: `const spark = session();`. */
export function forEachBackend(
  name: string,
  body: (session: () => SparkSession, backend: ExecutionBackend) => void,
  options: ForEachBackendOptions = {},
): void {
  const backends = options.localOnly ? backendsUnderTest().filter((b) => b !== 'connect') : backendsUnderTest();
  describe.each(backends)(`${name} [%s]`, (backend) => {
    let current: SparkSession | undefined;
    beforeEach(() => {
      current = newTestSession(backend);
    });
    afterEach(() => {
      current?.stop();
      current = undefined;
    });
    body(() => {
      if (!current) throw new Error('session() is only available inside a test');
      return current;
    }, backend);
  });
}

/** Collected rows as plain objects (Row → asDict), for readable assertions. */
export function dicts(rows: readonly { asDict(recursive?: boolean): Record<string, unknown> }[]): Record<string, unknown>[] {
  return rows.map((r) => r.asDict(true));
}

/**
 * Forces analysis of a DataFrame (reads `schema`) and returns what it was given.
 * Local sessions analyze each transformation at once, as classic PySpark does;
 * Spark Connect analyzes at the first action or schema read, so tests expecting
 * an analysis error from a transformation alone wrap it: `expect(() => analyzed(df.select(x)))`.
 */
export function analyzed<T>(x: T): T {
  if (DataFrame.isDataFrame(x)) void x.schema;
  return x;
}
