// Loads the generated TPC-H tables into each engine and returns its queries as
// `{ Q1: () => rows | Promise<rows>, ... }` (rows in canonical form, see
// queries.mjs). Loading is untimed; the query functions are what run.mjs times.
import { SCHEMAS, ddl, rowsOf } from './gen.mjs';
import { SQL, DATE_COLUMNS, canonical, dataframeQueries, polarsQueries } from './queries.mjs';

export const TABLES = Object.keys(SCHEMAS);

/**
 * sparkless (`mod` is the package: src in tests, dist in the benchmark) on
 * one backend: each query through the DataFrame API and through spark.sql.
 * On `connect` (conf `spark.remote`) the same calls run on real Spark.
 */
export function sparkless(mod, backendType, data, conf = {}) {
  const spark = new mod.SparkSession('tpch', { backendType, conf: { 'spark.sql.session.timeZone': 'UTC', ...conf } });
  const t = {};
  for (const name of TABLES) {
    t[name] = spark.createDataFrame(rowsOf(data[name], name), ddl(name));
    t[name].createOrReplaceTempView(name);
  }
  const rows = (df) => canonical(df.collect().map((r) => r.asDict()));
  const dfq = dataframeQueries(t, mod.functions);
  const df = {};
  const sql = {};
  for (const [q, build] of Object.entries(dfq)) {
    df[q] = () => rows(build());
    sql[q] = () => rows(spark.sql(SQL[q]));
  }
  return { df, sql, spark, close: () => spark.stop() };
}

/** Hand-written nodejs-polars over eager frames; dates as Int32 days. */
export async function polarsRaw(data) {
  const { default: pl } = await import('nodejs-polars');
  const t = {};
  for (const name of TABLES) {
    const cols = data[name];
    t[name] = pl.DataFrame(
      SCHEMAS[name].map(([c, type]) => {
        const s = pl.Series(c, cols[c]);
        return type === 'LONG' ? s.cast(pl.Int64) : type === 'STRING' ? s.cast(pl.Utf8) : s;
      }),
    );
  }
  const queries = {};
  for (const [q, f] of Object.entries(polarsQueries(pl, t))) queries[q] = () => canonical(f(), DATE_COLUMNS);
  return { queries, close: () => {} };
}

/** DuckDB (@duckdb/node-api), in memory, each table loaded through the appender. */
export async function duckdb(data) {
  const duck = await import('@duckdb/node-api');
  const inst = await duck.DuckDBInstance.create(':memory:');
  const conn = await inst.connect();
  const types = { INT: duck.INTEGER, LONG: duck.BIGINT, DOUBLE: duck.DOUBLE, STRING: duck.VARCHAR, DATE: duck.DATE };
  const sqlType = (t) => ({ LONG: 'BIGINT', STRING: 'VARCHAR' })[t] ?? t;
  for (const name of TABLES) {
    const cols = data[name];
    const schema = SCHEMAS[name];
    await conn.run(`CREATE TABLE ${name} (${ddl(name, sqlType)})`);
    const app = await conn.createAppender(name);
    const convert = { LONG: BigInt, DATE: (x) => new duck.DuckDBDateValue(x) };
    for (let s = 0; s < cols.n; s += 2048) {
      const e = Math.min(cols.n, s + 2048);
      const chunk = duck.DuckDBDataChunk.create(schema.map(([, t]) => types[t]), e - s);
      chunk.setColumns(schema.map(([c, t]) => Array.from(cols[c].slice(s, e), convert[t] ?? ((x) => x))));
      app.appendDataChunk(chunk);
    }
    app.closeSync();
  }
  const queries = {};
  for (const [q, sql] of Object.entries(SQL)) queries[q] = async () => canonical((await conn.runAndReadAll(sql)).getRowObjectsJS());
  return { queries, close: () => (conn.closeSync(), inst.closeSync()) };
}
