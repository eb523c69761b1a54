/**
 * Records Spark's own answers for the function-example corpus:
 *   npm run record:spark -- [family ...]
 * runs every query of fixtures/spark-recorded/functions/<family>.json on real Spark
 * (SPARK_REMOTE, default sc://127.0.0.1:15003) and stores the schema tree, the
 * show(20, false) text or the error, so the conformance test can hold the local
 * backends to exactly what Spark printed. Queries are data; only answers are rewritten.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SparkSession } from '../src/index.js';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'spark-recorded', 'functions');
const remote = process.env.SPARK_REMOTE ?? 'sc://127.0.0.1:15003';

interface RecordedError { class: string; errorClass: string | null; message: string }
interface RecordedCase { query: string; schema?: string; show?: string; error?: RecordedError }

const wanted = process.argv.slice(2);
const families = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.slice(0, -5))
  .filter((f) => wanted.length === 0 || wanted.includes(f));

const spark = new SparkSession('record-spark', { backendType: 'connect', conf: { 'spark.remote': remote, 'spark.sql.session.timeZone': 'UTC' } });
const version = spark.version;
for (const family of families) {
  const file = join(DIR, `${family}.json`);
  const fixture = JSON.parse(readFileSync(file, 'utf8')) as { cases: RecordedCase[] };
  const cases: RecordedCase[] = [];
  for (const { query } of fixture.cases) {
    try {
      const df = spark.sql(query);
      const schema = df.schemaString();
      cases.push({ query, schema, show: df.showString(20, false) });
    } catch (e) {
      const err = e as Error & { errorClass?: string };
      cases.push({ query, error: { class: err.name, errorClass: err.errorClass ?? null, message: err.message } });
    }
  }
  const provenance = `Spark ${version} via Spark Connect (${remote}), session time zone UTC, recorded ${new Date().toISOString().slice(0, 10)} by scripts/record-spark.ts`;
  writeFileSync(file, `${JSON.stringify({ provenance, cases }, null, 2)}\n`);
  console.log(`${family}: ${cases.length} cases, ${cases.filter((c) => c.error).length} errors`);
}
spark.stop();
