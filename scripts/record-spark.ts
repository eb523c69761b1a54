/**
 * Records Spark's own answers for the example corpora:
 *   npm run record:spark -- [family | functions/family | dataframe/family ...]
 * runs every SQL query of fixtures/spark-recorded/functions/<family>.json and every
 * DataFrame-API example (`code`) of fixtures/spark-recorded/dataframe/<family>.json on
 * real Spark (SPARK_REMOTE, default sc://127.0.0.1:15003) and stores the schema tree,
 * the show(20, false) text or the error, so the conformance test can hold the local
 * backends to exactly what Spark printed. Examples are data; only answers are rewritten.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SparkSession, type DataFrame } from '../src/index.js';
import { runDataFrameExample } from '../test/helpers/dataframe-example.js';

const ROOT = join(import.meta.dirname, '..', 'fixtures', 'spark-recorded');
/** Each corpus: its folder, and how a case becomes a DataFrame. */
const CORPORA = [
  { name: 'functions', dir: join(ROOT, 'functions'), key: 'query', run: (spark: SparkSession, q: string): DataFrame => spark.sql(q) },
  { name: 'dataframe', dir: join(ROOT, 'dataframe'), key: 'code', run: runDataFrameExample },
] as const;
const remote = process.env.SPARK_REMOTE ?? 'sc://127.0.0.1:15003';

interface RecordedError { class: string; errorClass: string | null; message: string }
type RecordedCase = Record<string, unknown> & { schema?: string; show?: string; error?: RecordedError };

const wanted = process.argv.slice(2);
const spark = new SparkSession('record-spark', { backendType: 'connect', conf: { 'spark.remote': remote, 'spark.sql.session.timeZone': 'UTC' } });
const version = spark.version;
for (const corpus of CORPORA) {
  const families = readdirSync(corpus.dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -5))
    .filter((f) => wanted.length === 0 || wanted.includes(f) || wanted.includes(`${corpus.name}/${f}`));
  for (const family of families) {
    const file = join(corpus.dir, `${family}.json`);
    const fixture = JSON.parse(readFileSync(file, 'utf8')) as { source?: string; cases: RecordedCase[] };
    const cases: RecordedCase[] = [];
    for (const c of fixture.cases) {
      // Keep what describes the case (its query or code, a note); replace only Spark's answer.
      const { schema: _s, show: _v, error: _e, ...input } = c;
      try {
        const df = corpus.run(spark, String(c[corpus.key]));
        cases.push({ ...input, schema: df.schemaString(), show: df.showString(20, false) });
      } catch (e) {
        const err = e as Error & { errorClass?: string };
        // The first line only: what follows is the server's stack trace (task ids, host addresses).
        cases.push({ ...input, error: { class: err.name, errorClass: err.errorClass ?? null, message: err.message.split('\n')[0]! } });
      }
    }
    const provenance = `Spark ${version} via Spark Connect (${remote}), session time zone UTC, recorded ${new Date().toISOString().slice(0, 10)} by scripts/record-spark.ts`;
    const head = fixture.source === undefined ? { provenance } : { provenance, source: fixture.source };
    writeFileSync(file, `${JSON.stringify({ ...head, cases }, null, 2)}\n`);
    console.log(`${family}: ${cases.length} cases, ${cases.filter((c) => c.error).length} errors`);
  }
}
spark.stop();
