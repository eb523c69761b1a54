/**
 * TPC-H queries 1, 3, 5, 6, 10 and 18 at scale factor 0.01 (bench/tpch): the
 * DataFrame and SQL versions on both local backends give DuckDB's answer, and
 * so does the hand-written nodejs-polars version the benchmark compares with.
 * With SPARK_REMOTE set, the same DataFrame and SQL versions run on the live
 * Spark too (connect backend) and must give DuckDB's answer.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import * as sparklessModule from '../../src/index.js';
import { sparkRemote } from '../helpers/spark-remote.js';

// The bench modules are plain JavaScript; a computed specifier keeps them untyped.
const load = (p: string): Promise<any> => import(p);
const SF = 0.01;

let data: any;
let expected: Record<string, unknown[]>;
let bench: { engines: any; queries: any; plainRows: (r: unknown[]) => unknown[]; sameResult: (a: unknown[], b: unknown[]) => boolean };

beforeAll(async () => {
  const [gen, engines, queries, workloads] = await Promise.all(
    ['gen.mjs', 'engines.mjs', 'queries.mjs', '../workloads.mjs'].map((f) => load(new URL(`../../bench/tpch/${f}`, import.meta.url).href)),
  );
  bench = { engines, queries, plainRows: workloads.plainRows, sameResult: workloads.sameResult };
  data = gen.generate(SF);
  const duck = await engines.duckdb(data);
  expected = {};
  for (const [q, run] of Object.entries(duck.queries)) expected[q] = bench.plainRows(await (run as () => Promise<unknown[]>)());
  duck.close();
}, 60_000);

const agree = (q: string, rows: unknown[]) => {
  const got = bench.plainRows(rows);
  expect(bench.sameResult(got, expected[q]!), `${q}: ${JSON.stringify(got).slice(0, 400)}`).toBe(true);
};

describe('TPC-H at SF 0.01 against DuckDB', () => {
  it('generates the specification cardinalities', () => {
    expect([data.region.n, data.nation.n, data.supplier.n, data.customer.n, data.orders.n]).toEqual([5, 25, 100, 1500, 15000]);
    expect(data.lineitem.n).toBeGreaterThan(15000 * 3.5);
    expect(data.lineitem.n).toBeLessThan(15000 * 4.5);
    // Answers that are not trivially empty: Q18 finds its large orders, Q3/Q10 fill their limits.
    expect(expected['Q3']).toHaveLength(10);
    expect(expected['Q5']).toHaveLength(5);
    expect(expected['Q10']).toHaveLength(20);
    expect(expected['Q18']!.length).toBeGreaterThan(0);
  });

  it('hand-written nodejs-polars', async () => {
    const raw = await bench.engines.polarsRaw(data);
    for (const q of bench.queries.QUERIES) agree(q, raw.queries[q]());
  }, 60_000);

  const remote = sparkRemote();
  const backends = ['memory', 'polars', ...('url' in remote ? ['connect'] : [])];
  for (const backend of backends) {
    it(`sparkless ${backend}: DataFrame API and spark.sql`, () => {
      const conf = backend === 'connect' && 'url' in remote ? { 'spark.remote': remote.url } : {};
      const s = bench.engines.sparkless(sparklessModule, backend, data, conf);
      try {
        for (const q of bench.queries.QUERIES) {
          agree(q, s.df[q]());
          agree(q, s.sql[q]());
        }
      } finally {
        s.close();
      }
    }, 300_000);
  }
});
