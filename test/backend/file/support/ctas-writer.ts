/**
 * Child process for the kill test: creates tables t0, t1, ... of ROWS rows
 * each with saveAsTable on the file backend, forever, printing each name
 * once its write returned. The parent kills it with SIGKILL at a random time.
 */
import { SparkSession } from '../../../../src/index.js';

const [basePath, rowsArg] = process.argv.slice(2);
const rows = Number(rowsArg);
const spark = new SparkSession('ctas-writer', { backendType: 'file', conf: { 'spark.sparkless.backend.basePath': basePath! } });
const df = spark.createDataFrame(
  Array.from({ length: rows }, (_, i) => ({ id: i, s: `row ${i}` })),
  'id long, s string',
);
process.stdout.write('ready\n');
for (let i = 0; ; i++) {
  df.write.saveAsTable(`t${i}`);
  process.stdout.write(`t${i}\n`);
}
