/**
 * Records Spark's DESCRIBE FUNCTION EXTENDED texts for the builtins sparkless
 * implements (the names SHOW FUNCTIONS lists and SQL-only aliases such as `ucase`):
 *   npx tsx scripts/record-function-descriptions.ts
 * asks real Spark (SPARK_REMOTE, default sc://127.0.0.1:15003) and writes
 * src/functions/descriptions.json, which `DESCRIBE FUNCTION` serves locally.
 * These are Spark's documentation texts, kept as data: per name the class,
 * the usage and the extended usage (plus the `Function:` name when Spark
 * shows another one). Names Spark does not resolve (sparkless's internal
 * helpers) are left out, so DESCRIBE FUNCTION of them is UNRESOLVED_ROUTINE.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SparkSession } from '../src/index.js';
import { sqlAliasNames } from '../src/sql/functions.js';
import { sqlFunctionNames } from '../src/sql/show-functions.js';

const OUT = join(import.meta.dirname, '..', 'src', 'functions', 'descriptions.json');
const remote = process.env.SPARK_REMOTE ?? 'sc://127.0.0.1:15003';

/** One function's rows: the class (absent for the few operators Spark shows none for), usage and extended usage. */
interface Description { f?: string; c?: string; u: string; x: string }

const strip = (row: string | undefined, prefix: string): string => {
  if (row === undefined || !row.startsWith(prefix)) throw new Error(`expected "${prefix}", got ${JSON.stringify(row?.slice(0, 60))}`);
  return row.slice(prefix.length);
};

const spark = new SparkSession('record-descriptions', { backendType: 'connect', conf: { 'spark.remote': remote } });
const functions: Record<string, Description> = {};
const missing: string[] = [];
for (const name of [...new Set([...sqlFunctionNames(), ...sqlAliasNames()])].sort()) {
  try {
    const rows = spark.sql(`DESCRIBE FUNCTION EXTENDED '${name.replace(/'/g, "\\'")}'`).collect().map((r) => String(r.get(0)));
    const shown = strip(rows[0], 'Function: ');
    const hasClass = rows[1]?.startsWith('Class: ') ?? false;
    const at = hasClass ? 2 : 1;
    functions[name] = {
      ...(shown !== name ? { f: shown } : {}),
      ...(hasClass ? { c: strip(rows[1], 'Class: ') } : {}),
      u: strip(rows[at], 'Usage: '),
      x: strip(rows[at + 1], 'Extended Usage:'),
    };
    if (rows.length !== at + 2) throw new Error(`${rows.length} rows`);
  } catch (e) {
    missing.push(`${name}: ${(e as Error).message.split('\n')[0]}`);
  }
}
const provenance = `Spark ${spark.version}'s DESCRIBE FUNCTION EXTENDED output via Spark Connect (${remote}), recorded ${new Date().toISOString().slice(0, 10)} by scripts/record-function-descriptions.ts`;
writeFileSync(OUT, `${JSON.stringify({ provenance, functions })}\n`);
console.log(`${Object.keys(functions).length} functions recorded; not described by Spark: ${missing.length}`);
for (const m of missing) console.log(`  ${m}`);
spark.stop();
