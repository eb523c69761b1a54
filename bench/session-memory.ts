/**
 * Memory and time of many short per-test sessions (issue 11: 20,000 Polars
 * sessions grew RSS from 58 MB to 2.2 GB): `npx tsx bench/session-memory.ts
 * [sessions=5000] [backend=polars|memory|auto|raw-polars]`. Each session builds a
 * 10-row frame, filters, aggregates and collects, then stops; `raw-polars`
 * does the same with nodejs-polars alone, to separate the binding from sparkless.
 * Prints RSS and JS heap every tenth of the run.
 */
import { createRequire } from 'node:module';
import { F, SparkSession } from '../src/index.js';

const n = Number(process.argv[2] ?? 5000);
const backend = process.argv[3] ?? 'polars';
const rows = Array.from({ length: 10 }, (_, i) => [i % 3, i * 1.5, `s${i}`]);
const mb = (x: number): string => `${(x / 2 ** 20).toFixed(0)} MB`;

function sparklessTest(): void {
  const spark = new SparkSession('per-test', { backendType: backend as 'polars' });
  const df = spark.createDataFrame(rows, 'k int, v double, s string');
  df.filter(F.col('v').gt(1)).groupBy('k').agg(F.sum('v').alias('t')).collect();
  spark.stop();
}

function rawPolarsTest(): void {
  const pl = createRequire(import.meta.url)('nodejs-polars') as typeof import('nodejs-polars').default;
  const df = pl.DataFrame({ k: rows.map((r) => r[0]), v: rows.map((r) => r[1]), s: rows.map((r) => r[2]) });
  df.lazy().filter(pl.col('v').gt(1)).groupBy('k').agg(pl.col('v').sum().alias('t')).collectSync().toRecords();
}

const one = backend === 'raw-polars' ? rawPolarsTest : sparklessTest;
const t0 = performance.now();
console.log(`${backend}: start rss ${mb(process.memoryUsage().rss)}`);
for (let i = 1; i <= n; i++) {
  one();
  if (process.env.GC_EVERY && i % Number(process.env.GC_EVERY) === 0) (globalThis as { gc?: () => void }).gc?.();
  if (i % Math.max(1, Math.floor(n / 10)) === 0) {
    const m = process.memoryUsage();
    console.log(`${backend}: ${i} sessions, rss ${mb(m.rss)}, heap ${mb(m.heapUsed)}, ${((performance.now() - t0) / i).toFixed(2)} ms/session`);
  }
}
