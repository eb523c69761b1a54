/**
 * The long differential run against Spark: `npm run diff:spark -- --runs 2000 --seed 7`.
 * Every pipeline runs on memory and on Spark (SPARK_REMOTE, default sc://127.0.0.1:15002);
 * every difference is written, with its reproduction, to diff-spark-<seed>.txt.
 */
import { writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { differenceFromSpark } from './against-spark.js';
import { arbitraryPipeline } from './pipelines.js';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const runs = arg('runs', 500);
const seed = arg('seed', Date.now() % 2 ** 31);
const url = process.env['SPARK_REMOTE'] ?? 'sc://127.0.0.1:15002';

const differences: string[] = [];
const errors: string[] = [];
const t0 = Date.now();
for (const p of fc.sample(arbitraryPipeline(), { numRuns: runs, seed })) {
  try {
    const d = differenceFromSpark(p, url);
    if (d) differences.push(d);
  } catch (e) {
    errors.push(String(e));
  }
}
const out = `diff-spark-${seed}.txt`;
writeFileSync(out, [...differences, ...errors.map((e) => `harness error: ${e}`)].join('\n\n---\n\n'));
console.log(`${runs} pipelines (seed ${seed}) in ${((Date.now() - t0) / 1000).toFixed(1)} s: ${differences.length} differences, ${errors.length} harness errors; details in ${out}`);
process.exit(differences.length + errors.length > 0 ? 1 : 0);
