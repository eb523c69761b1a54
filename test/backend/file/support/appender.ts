/**
 * Child process for the concurrency test: appends BATCHES batches of ROWS
 * rows to table `t` on the file backend, then prints "done".
 */
import { SparkSession } from '../../../../src/index.js';

const [basePath, batchesArg, rowsArg, tag] = process.argv.slice(2);
const spark = new SparkSession('appender', { backendType: 'file', conf: { 'spark.sparkless.backend.basePath': basePath! } });
const rows = Number(rowsArg);
for (let b = 0; b < Number(batchesArg); b++) {
  const df = spark.createDataFrame(
    Array.from({ length: rows }, (_, i) => ({ w: tag!, b, i })),
    'w string, b int, i int',
  );
  df.write.mode('append').saveAsTable('t');
}
process.stdout.write('done\n');
