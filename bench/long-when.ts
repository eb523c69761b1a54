/**
 * Timing of a long `when` chain (issue 11: 4,000 branches took 43 s on Polars):
 * `npx tsx bench/long-when.ts [branches=4000] [backend=polars]`. Prints the time
 * to build the Column, analyze the select and collect three rows.
 */
import { F, SparkSession, type Column } from '../src/index.js';

const n = Number(process.argv[2] ?? 4000);
const backendType = (process.argv[3] ?? 'polars') as 'polars' | 'memory';
const spark = new SparkSession('long-when', { backendType });
const df = spark.createDataFrame([[1], [n >> 1], [n - 1]], 'v int');
const lap = (() => {
  let t = performance.now();
  return (): string => {
    const ms = performance.now() - t;
    t = performance.now();
    return `${ms.toFixed(0)} ms`;
  };
})();
let c: Column = F.when(F.col('v').eq(0), 'b0');
for (let i = 1; i < n; i++) c = c.when(F.col('v').eq(i), `b${i}`);
c = c.otherwise('none');
const build = lap();
const out = df.select(c.alias('x'));
const analyze = lap();
const rows = out.collect().map((r) => r.get('x'));
console.log(`${n} branches on ${backendType}: build ${build}, analyze ${analyze}, collect ${lap()} -> ${rows.join(', ')}`);
spark.stop();
