#!/usr/bin/env node
// TPC-H queries 1, 3, 5, 6, 10 and 18 on generated data (gen.mjs): sparkless
// (DataFrame API and spark.sql, Polars and memory backends), hand-written
// nodejs-polars and DuckDB; results cross-checked against DuckDB, median
// times and ratios printed, and with --json a result line for bench/run.mjs.
//   node bench/tpch/run.mjs [--sf 0.1] [--queries Q3,Q5] [--backends polars,memory] [--runs 5] [--json]
// (needs `npm run build`: sparkless is imported from the built package).
import { generate } from './gen.mjs';
import { sparkless, polarsRaw, duckdb } from './engines.mjs';
import { QUERIES } from './queries.mjs';
import { importSparkless } from '../engines/sparkless-common.mjs';
import { plainRows, sameResult } from '../workloads.mjs';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const SF = Number(opt('sf', '0.1'));
const RUNS = Number(opt('runs', '5'));
const queries = opt('queries', QUERIES.join(',')).split(',');
const backends = opt('backends', SF >= 1 ? 'polars' : 'polars,memory').split(',').filter(Boolean);
const json = args.includes('--json');
const log = json ? (...a) => console.error(...a) : console.log;

const t0 = Date.now();
const data = generate(SF);
log(`TPC-H SF ${SF}: lineitem ${data.lineitem.n} rows, orders ${data.orders.n}, customer ${data.customer.n} (generated in ${Date.now() - t0} ms)`);

async function time(fn) {
  let out = await fn();
  const ts = [];
  for (let i = 0; i < RUNS; i++) {
    const s = process.hrtime.bigint();
    out = await fn();
    ts.push(Number(process.hrtime.bigint() - s) / 1e6);
  }
  ts.sort((a, b) => a - b);
  return { ms: ts[RUNS >> 1], rows: out };
}

const results = {}; // query → engine → { ms, rows }
async function measure(engine, fns) {
  for (const q of queries) {
    try {
      (results[q] ??= {})[engine] = await time(fns[q]);
      log(`${q.padEnd(4)} ${engine.padEnd(22)} ${results[q][engine].ms.toFixed(1)} ms`);
    } catch (err) {
      (results[q] ??= {})[engine] = { error: String(err?.message ?? err).split('\n')[0].slice(0, 200) };
      log(`${q.padEnd(4)} ${engine.padEnd(22)} error: ${results[q][engine].error}`);
    }
  }
}

const duck = await duckdb(data);
await measure('duckdb', duck.queries);
duck.close();
const raw = await polarsRaw(data);
await measure('polars-raw', raw.queries);
const { mod } = await importSparkless();
for (const b of backends) {
  const s = sparkless(mod, b, data);
  await measure(`sparkless-${b} df`, s.df);
  await measure(`sparkless-${b} sql`, s.sql);
  s.close();
}

let ok = true;
const summary = [];
for (const q of queries) {
  const byEngine = results[q];
  const ref = plainRows(byEngine.duckdb.rows ?? []);
  for (const [engine, r] of Object.entries(byEngine)) {
    const agrees = !r.error && sameResult(plainRows(r.rows), ref);
    if (!agrees) {
      ok = false;
      log(`MISMATCH ${q} ${engine}: ${r.error ?? JSON.stringify(plainRows(r.rows)).slice(0, 300)} vs duckdb ${JSON.stringify(ref).slice(0, 300)}`);
    }
    summary.push({ query: q, engine, ms: r.ms, error: r.error, rows: r.rows?.length, agrees, vsPolars: r.ms / byEngine['polars-raw'].ms, vsDuckdb: r.ms / byEngine.duckdb.ms });
  }
}
for (const s of summary) {
  if (s.engine.startsWith('sparkless') && !s.error) log(`${s.query.padEnd(4)} ${s.engine.padEnd(22)} ${s.vsPolars.toFixed(2)}× polars-raw, ${s.vsDuckdb.toFixed(2)}× duckdb`);
}
log(ok ? 'all engines agree with DuckDB' : 'engines DISAGREE');
if (json) process.stdout.write(`@@RESULT ${JSON.stringify({ sf: SF, runs: RUNS, lineitemRows: data.lineitem.n, ok, summary })}\n`);
process.exitCode = ok ? 0 : 1;
