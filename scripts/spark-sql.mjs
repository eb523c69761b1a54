#!/usr/bin/env node
/**
 * Asks the live Spark a question while developing:
 *   npm run spark:sql -- "SELECT negative(1), CAST('1.5' AS INT)"
 * prints Spark's schema tree and show() text for each statement given.
 * Uses the built package (npm run build) and SPARK_REMOTE (default sc://127.0.0.1:15002;
 * start a server with npm run spark:start).
 */
import { SparkSession } from '../dist/index.js';

const queries = process.argv.slice(2);
if (queries.length === 0) {
  console.error('usage: npm run spark:sql -- "SELECT ..." ["SELECT ..." ...]');
  process.exit(2);
}
const spark = SparkSession.builder.remote(process.env.SPARK_REMOTE ?? 'sc://127.0.0.1:15002').getOrCreate();
let failed = false;
for (const q of queries) {
  console.log(`>>> ${q}`);
  try {
    const df = spark.sql(q);
    process.stdout.write(df.schemaString());
    process.stdout.write(df.showString(100, false));
  } catch (e) {
    failed = true;
    console.log(`${e.name}: ${e.message}`);
  }
}
spark.stop();
process.exit(failed ? 1 : 0);
