#!/usr/bin/env node
// TPC-H queries 1 and 6 on generated lineitem data (lineitem.mjs): sparkless
// (DataFrame API and spark.sql, Polars and memory backends), hand-written
// nodejs-polars and DuckDB; results cross-checked, median times and ratios
// printed. `node bench/tpch/run.mjs [sf]` (default 0.1; needs `npm run build`).
import { lineitem, COLUMNS, isoDate } from './lineitem.mjs';
import { importSparkless } from '../engines/sparkless-common.mjs';
import { plainRows, sameResult } from '../workloads.mjs';

const SF = Number(process.argv[2] ?? 0.1);
const RUNS = 5;
const data = lineitem(SF);
console.log(`lineitem at SF ${SF}: ${data.n} rows`);

async function time(fn) {
  await fn();
  const ts = [];
  let out;
  for (let i = 0; i < RUNS; i++) {
    const s = process.hrtime.bigint();
    out = await fn();
    ts.push(Number(process.hrtime.bigint() - s) / 1e6);
  }
  ts.sort((a, b) => a - b);
  return { ms: ts[RUNS >> 1], out };
}

// Q1 with the spec's DELTA = 90: l_shipdate <= date '1998-12-01' - 90 days.
const Q1_DATE = '1998-09-02';
const Q1_SQL = `SELECT l_returnflag, l_linestatus, sum(l_quantity) AS sum_qty, sum(l_extendedprice) AS sum_base_price,
  sum(l_extendedprice * (1 - l_discount)) AS sum_disc_price, sum(l_extendedprice * (1 - l_discount) * (1 + l_tax)) AS sum_charge,
  avg(l_quantity) AS avg_qty, avg(l_extendedprice) AS avg_price, avg(l_discount) AS avg_disc, count(*) AS count_order
  FROM lineitem WHERE l_shipdate <= DATE '${Q1_DATE}' GROUP BY l_returnflag, l_linestatus ORDER BY l_returnflag, l_linestatus`;
const Q6_SQL = `SELECT sum(l_extendedprice * l_discount) AS revenue FROM lineitem
  WHERE l_shipdate >= DATE '1994-01-01' AND l_shipdate < DATE '1995-01-01' AND l_discount BETWEEN 0.05 AND 0.07 AND l_quantity < 24`;

const results = {};
const record = (engine, q, r) => {
  (results[q] ??= {})[engine] = r;
  console.log(`${q} ${engine.padEnd(22)} ${r.ms.toFixed(1)} ms`);
};

// ---- sparkless
const { mod } = await importSparkless();
const { SparkSession, functions: F } = mod;
for (const backendType of ['polars', 'memory']) {
  const spark = new SparkSession('tpch', { backendType });
  const rows = Array.from({ length: data.n }, (_, i) => COLUMNS.map((c) => (c === 'shipdate' ? isoDate(data[c][i]) : data[c][i])));
  const raw = spark
    .createDataFrame(rows, 'l_orderkey LONG, l_quantity DOUBLE, l_extendedprice DOUBLE, l_discount DOUBLE, l_tax DOUBLE, l_returnflag STRING, l_linestatus STRING, l_shipdate STRING')
    .withColumn('l_shipdate', F.to_date('l_shipdate'));
  // The date conversion once, untimed, as the other engines load dates as dates.
  const li = spark.createDataFrame(raw.collect(), raw.schema);
  li.createOrReplaceTempView('lineitem');
  const { col, lit, sum, avg, count } = F;
  const price = col('l_extendedprice');
  const disc = price.multiply(lit(1).minus(col('l_discount')));
  const q1 = () =>
    li
      .filter(col('l_shipdate').leq(F.to_date(lit(Q1_DATE))))
      .groupBy('l_returnflag', 'l_linestatus')
      .agg(
        sum('l_quantity').alias('sum_qty'), sum(price).alias('sum_base_price'), sum(disc).alias('sum_disc_price'),
        sum(disc.multiply(lit(1).plus(col('l_tax')))).alias('sum_charge'), avg('l_quantity').alias('avg_qty'),
        avg(price).alias('avg_price'), avg('l_discount').alias('avg_disc'), count('*').alias('count_order'),
      )
      .orderBy('l_returnflag', 'l_linestatus')
      .collect();
  const q6 = () =>
    li
      .filter(
        col('l_shipdate').geq(F.to_date(lit('1994-01-01'))).and(col('l_shipdate').lt(F.to_date(lit('1995-01-01'))))
          .and(col('l_discount').between(0.05, 0.07)).and(col('l_quantity').lt(24)),
      )
      .agg(sum(price.multiply(col('l_discount'))).alias('revenue'))
      .collect();
  const dicts = (rs) => rs.map((r) => r.asDict());
  for (const [q, df, sql] of [['Q1', q1, Q1_SQL], ['Q6', q6, Q6_SQL]]) {
    const a = await time(df);
    record(`sparkless-${backendType} df`, q, { ms: a.ms, rows: dicts(a.out) });
    const b = await time(() => spark.sql(sql).collect());
    record(`sparkless-${backendType} sql`, q, { ms: b.ms, rows: dicts(b.out) });
  }
  spark.stop();
}

// ---- hand-written nodejs-polars
{
  const { default: pl } = await import('nodejs-polars');
  const df = pl.DataFrame({
    l_quantity: data.quantity, l_extendedprice: data.extendedprice, l_discount: data.discount, l_tax: data.tax,
    l_returnflag: data.returnflag, l_linestatus: data.linestatus, l_shipdate: data.shipdate,
  }).withColumns(pl.col('l_shipdate').cast(pl.Int32));
  const d = (iso) => Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
  const disc = pl.col('l_extendedprice').mul(pl.lit(1).sub(pl.col('l_discount')));
  const q1 = () => df.lazy().filter(pl.col('l_shipdate').ltEq(d(Q1_DATE))).groupBy(['l_returnflag', 'l_linestatus']).agg(
    pl.col('l_quantity').sum().alias('sum_qty'), pl.col('l_extendedprice').sum().alias('sum_base_price'), disc.sum().alias('sum_disc_price'),
    disc.mul(pl.lit(1).add(pl.col('l_tax'))).sum().alias('sum_charge'), pl.col('l_quantity').mean().alias('avg_qty'),
    pl.col('l_extendedprice').mean().alias('avg_price'), pl.col('l_discount').mean().alias('avg_disc'), pl.len().alias('count_order'),
  ).sort(['l_returnflag', 'l_linestatus']).collectSync().toRecords();
  const q6 = () => df.lazy().filter(
    pl.col('l_shipdate').gtEq(d('1994-01-01')).and(pl.col('l_shipdate').lt(d('1995-01-01')))
      .and(pl.col('l_discount').gtEq(0.05)).and(pl.col('l_discount').ltEq(0.07)).and(pl.col('l_quantity').lt(24)),
  ).select(pl.col('l_extendedprice').mul(pl.col('l_discount')).sum().alias('revenue')).collectSync().toRecords();
  for (const [q, f] of [['Q1', q1], ['Q6', q6]]) {
    const r = await time(f);
    record('polars-raw', q, { ms: r.ms, rows: r.out });
  }
}

// ---- DuckDB
{
  const duck = await import('@duckdb/node-api');
  const inst = await duck.DuckDBInstance.create(':memory:');
  const conn = await inst.connect();
  await conn.run('CREATE TABLE lineitem (l_quantity DOUBLE, l_extendedprice DOUBLE, l_discount DOUBLE, l_tax DOUBLE, l_returnflag VARCHAR, l_linestatus VARCHAR, l_shipdate DATE)');
  const app = await conn.createAppender('lineitem');
  const { DOUBLE, VARCHAR, DATE, DuckDBDataChunk, DuckDBDateValue } = duck;
  for (let s = 0; s < data.n; s += 2048) {
    const e = Math.min(data.n, s + 2048);
    const chunk = DuckDBDataChunk.create([DOUBLE, DOUBLE, DOUBLE, DOUBLE, VARCHAR, VARCHAR, DATE], e - s);
    chunk.setColumns([
      data.quantity.slice(s, e), data.extendedprice.slice(s, e), data.discount.slice(s, e), data.tax.slice(s, e),
      data.returnflag.slice(s, e), data.linestatus.slice(s, e), data.shipdate.slice(s, e).map((x) => new DuckDBDateValue(x)),
    ]);
    app.appendDataChunk(chunk);
  }
  app.closeSync();
  for (const [q, sql] of [['Q1', Q1_SQL], ['Q6', Q6_SQL]]) {
    const r = await time(async () => (await conn.runAndReadAll(sql)).getRowObjectsJS());
    record('duckdb', q, { ms: r.ms, rows: r.out });
  }
  conn.closeSync();
  inst.closeSync();
}

// ---- cross-check and ratios
let ok = true;
for (const [q, byEngine] of Object.entries(results)) {
  const ref = plainRows(byEngine['duckdb'].rows);
  for (const [engine, r] of Object.entries(byEngine)) {
    if (!sameResult(plainRows(r.rows), ref)) {
      ok = false;
      console.log(`MISMATCH ${q} ${engine}:`, JSON.stringify(plainRows(r.rows)).slice(0, 300), 'vs duckdb', JSON.stringify(ref).slice(0, 300));
    }
  }
  const raw = byEngine['polars-raw'].ms;
  const dk = byEngine['duckdb'].ms;
  for (const [engine, r] of Object.entries(byEngine)) {
    if (engine.startsWith('sparkless')) console.log(`${q} ${engine.padEnd(22)} ${(r.ms / raw).toFixed(2)}× polars-raw, ${(r.ms / dk).toFixed(2)}× duckdb`);
  }
}
console.log(ok ? 'all engines agree' : 'engines DISAGREE');
process.exitCode = ok ? 0 : 1;
