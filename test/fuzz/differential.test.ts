/**
 * Seeded differential fuzzer: generated frames and pipelines run on the
 * memory and Polars backends must agree on the schema (names, types,
 * nullability) and the rows, or fail with the same typed sparkless error.
 * A failure prints the shrunk frame and steps as a reproduction.
 *
 * `FUZZ_RUNS` and `FUZZ_SEED` run it longer or elsewhere:
 * `FUZZ_RUNS=5000 FUZZ_SEED=7 npx vitest run test/fuzz`; `npm run fuzz -- --runs N --seed S`
 * runs long and writes each failure as a reproduction file.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { SparkSession } from '../../src/index.js';
import { run, verdict } from './harness.js';
import { frameSpec, pipeline } from './pipelines.js';

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 120);
const SEED = Number(process.env['FUZZ_SEED'] ?? 20261206);

const sessions = {
  memory: new SparkSession('fuzz-memory', { backendType: 'memory', conf: { 'spark.sql.session.timeZone': 'UTC' } }),
  polars: new SparkSession('fuzz-polars', { backendType: 'polars', conf: { 'spark.sql.session.timeZone': 'UTC' } }),
};
afterAll(() => {
  sessions.memory.stop();
  sessions.polars.stop();
});

describe('memory and polars agree on generated pipelines', () => {
  it(`agree (${RUNS} runs, seed ${SEED})`, { timeout: 120_000 + RUNS * 500 }, () => {
    fc.assert(
      fc.property(frameSpec, pipeline, (spec, steps) => {
        const v = verdict(run(sessions.memory, spec, steps), run(sessions.polars, spec, steps), steps);
        expect(v, v && `${v.kind}: ${v.detail}`).toBeUndefined();
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });
});
