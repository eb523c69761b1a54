/**
 * Examples recorded from real Spark 3.5.7 (refreshed with `npm run record:spark`):
 * SQL function examples (fixtures/spark-recorded/functions, keyed by query) and
 * PySpark's documented DataFrame-API examples written in TypeScript
 * (fixtures/spark-recorded/dataframe, keyed by name). Every case must print exactly
 * Spark's schema tree and show(20, false) text, or fail with Spark's error, on every backend.
 * Disagreements still open are listed in KNOWN_FAILURES with a reason; a listed case
 * that starts passing fails, so the list only shrinks.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataFrame, SparkSession } from '../../src/index.js';
import { backendsUnderTest, newTestSession, REFEREE_PARALLELISM, type ExecutionBackend } from '../helpers/backends.js';
import { runDataFrameExample } from '../helpers/dataframe-example.js';
import { KNOWN_FAILURES } from './spark-recorded-known-failures.js';

interface RecordedCase {
  /** The SQL query (functions corpus). */
  readonly query?: string;
  /** The example's name and TypeScript body (dataframe corpus). */
  readonly name?: string;
  readonly code?: string;
  readonly schema?: string;
  readonly show?: string;
  readonly error?: { readonly class: string; readonly errorClass: string | null; readonly message: string };
}

const ROOT = join(import.meta.dirname, '..', '..', 'fixtures', 'spark-recorded');
/** Each corpus's family files, as [label, path]. */
const families = ['functions', 'dataframe'].flatMap((corpus) =>
  readdirSync(join(ROOT, corpus))
    .filter((f) => f.endsWith('.json'))
    .map((f) => [`${corpus}/${f.slice(0, -5)}`, join(ROOT, corpus, f)] as const),
);

/** The key a case is listed under in KNOWN_FAILURES, and the DataFrame it builds. */
function caseKey(c: RecordedCase): string {
  return c.name ?? c.query ?? '';
}
function build(spark: SparkSession, c: RecordedCase): DataFrame {
  return c.code !== undefined ? runDataFrameExample(spark, c.code) : spark.sql(c.query ?? '');
}

type Outcome = { schema: string; show: string } | { error: { class: string; errorClass: string | null; message: string } };

function run(spark: SparkSession, c: RecordedCase): Outcome {
  try {
    const df = build(spark, c);
    return { schema: df.schemaString(), show: df.showString(20, false) };
  } catch (e) {
    const err = e as Error & { errorClass?: string };
    return { error: { class: err.name, errorClass: err.errorClass ?? null, message: err.message } };
  }
}

/**
 * Spark Connect reports a task's failure as a classless "Job aborted due to stage failure" whose
 * message ends with the executor's exception; its error class (`[HLL_INVALID_LG_K] ...`) is the one to match.
 */
function taskErrorClass(message: string): string | undefined {
  return /^Job aborted due to stage failure: .*?: org\.apache\.spark\.\w+: \[([A-Z0-9_.]+)\]/s.exec(message)?.[1];
}

/** Throws (an assertion error) when `got` is not what Spark recorded. */
function check(expected: RecordedCase, got: Outcome): void {
  if (expected.error) {
    const errorClass = expected.error.errorClass ?? taskErrorClass(expected.error.message);
    // Over Spark Connect the local answer is Spark's own classless task failure: read its class the same way.
    const actual = 'error' in got ? { ...got.error, errorClass: got.error.errorClass ?? taskErrorClass(got.error.message) ?? null } : got;
    expect(actual, `expected Spark's error: ${expected.error.message}`).toMatchObject(
      errorClass ? { errorClass } : { class: expected.error.class },
    );
    return;
  }
  if ('error' in got) throw new Error(`Spark answered, sparkless failed: ${got.error.class}: ${got.error.message}`);
  expect(got.schema).toBe(expected.schema);
  expect(got.show).toBe(expected.show);
}

function knownFailure(backend: ExecutionBackend, query: string): string | undefined {
  if (backend === 'connect') return undefined;
  const entry = KNOWN_FAILURES[query];
  if (entry === undefined) return undefined;
  if (typeof entry === 'string') return entry;
  return entry[backend];
}

describe.each(backendsUnderTest())('Spark-recorded function examples [%s]', (backend) => {
  let spark: SparkSession;
  beforeAll(() => {
    // recorded on a local[2] server: model its two partitions for the moment aggregates
    spark = newTestSession(backend, 'spark-recorded', REFEREE_PARALLELISM);
  });
  afterAll(() => spark.stop());

  describe.each(families)('%s', (_label, path) => {
    const { cases } = JSON.parse(readFileSync(path, 'utf8')) as { cases: RecordedCase[] };
    it.each(cases.map((c) => [caseKey(c), c] as const))('%s', (key, expected) => {
      const reason = knownFailure(backend, key);
      const got = run(spark, expected);
      if (reason === undefined) {
        check(expected, got);
        return;
      }
      let passes = true;
      try {
        check(expected, got);
      } catch {
        passes = false;
      }
      expect(passes, `now matches Spark: remove it from KNOWN_FAILURES (was: ${reason})`).toBe(false);
    });
  });
});
