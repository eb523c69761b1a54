/**
 * Differential property test against the referee: fast-check generates inputs
 * and pipelines (test/differential/pipelines.ts), and each runs on the memory
 * backend and on real Spark; schemas and rows must agree. A seeded slice runs
 * here (SPARKLESS_DIFF_RUNS, SPARKLESS_DIFF_SEED); `npm run diff:spark` runs a
 * long one and writes every difference it finds.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sparkRemote } from '../helpers/spark-remote.js';
import { differenceFromSpark } from './against-spark.js';
import { arbitraryPipeline } from './pipelines.js';

const remote = sparkRemote();
const RUNS = Number(process.env['SPARKLESS_DIFF_RUNS'] ?? 40);
const SEED = Number(process.env['SPARKLESS_DIFF_SEED'] ?? 20261206);

if ('url' in remote) {
  describe('memory agrees with Spark on generated pipelines', () => {
    it(`${RUNS} pipelines, seed ${SEED}`, () => {
      fc.assert(
        fc.property(arbitraryPipeline(), (p) => {
          const diff = differenceFromSpark(p, remote.url);
          expect(diff, diff).toBeUndefined();
        }),
        { numRuns: RUNS, seed: SEED },
      );
    }, 600_000);
  });
} else {
  describe.skip(`memory agrees with Spark on generated pipelines — skipped: ${remote.skipReason}`, () => {
    it('needs a Spark Connect server', () => {});
  });
}
