// What each workload computes, in words every engine adapter implements
// literally. Results are small on purpose (aggregates, or a 10-row slice), so
// (b) measures the engine and not the hand-over of millions of rows to JS;
// (c) measures that hand-over separately.

/** @typedef {'pertest'|'table'|'collect'|'cold'|'vitest'} Kind */

export const WORKLOADS = {
  pertest: {
    kind: 'pertest',
    group: '(a) per-test model',
    unit: 'µs/iter',
    what:
      '10 rows as JS objects → createDataFrame → filter(v > 10) → groupBy(g).agg(sum(v), avg(v), count(*)) → orderBy(g) → collect to JS objects. ' +
      'One iteration = the whole pipeline; sparkless also opens and disposes of a per-test session every iteration (as `useSparkSession` does around each test).',
  },
  pertest_shared: {
    kind: 'pertest',
    group: '(a) per-test model',
    unit: 'µs/iter',
    what: 'The same pipeline on one session shared by every iteration (sparkless only): shows what session start-up costs in `pertest`.',
  },
  filter_project: {
    kind: 'table',
    group: '(b) table workloads',
    unit: 'ms',
    what: 'filter(v > 50 AND q < 9) → select(id, g, v*2+1 AS v2, v*q AS vq) → agg(count(*) n, sum(v2) s, max(vq) m).',
  },
  groupby_agg: {
    kind: 'table',
    group: '(b) table workloads',
    unit: 'ms',
    what: 'groupBy(g).agg(sum(v) s, avg(v) a, count(*) n): 100 groups.',
  },
  join_groupby: {
    kind: 'table',
    group: '(b) table workloads',
    unit: 'ms',
    what: 'inner join the 1,000-row dimension on k → groupBy(region).agg(sum(v*w) sw, count(*) n): 10 groups.',
  },
  join_only: {
    kind: 'table',
    group: '(b) table workloads',
    unit: 'ms',
    what: 'inner join the 1,000-row dimension on k → agg(count(*) n, sum(w) sw, max(name) mn): the join alone.',
  },
  multi_join: {
    kind: 'table',
    group: '(b) table workloads',
    unit: 'ms',
    what:
      'inner join the dimension on k, then inner join the fact rows with q ≤ 2 (id, v AS v2: ~20% of the table) on id → ' +
      'agg(count(*) n, sum(v2*w) s): a small and a large join in one query.',
  },
  window_row_number: {
    kind: 'table',
    group: '(b) table workloads',
    unit: 'ms',
    what:
      'row_number() OVER (PARTITION BY g ORDER BY v DESC, id) AS rn over every row → agg(count(*) n, sum(rn*q) srq, max(rn) mrn) ' +
      '(srq depends on the order inside each partition, so no engine can skip it).',
  },
  sort: {
    kind: 'table',
    group: '(b) table workloads',
    unit: 'ms',
    what: 'orderBy(v DESC, id) of the whole table → the 10 rows at offset n/2 (id, v).',
  },
  etl_chain: {
    kind: 'table',
    group: '(b) table workloads',
    unit: 'ms',
    what:
      '5 steps: filter(q > 1) → withColumn(amount = v*q) → join dimension on k → groupBy(region, g).agg(sum(amount) total, count(*) n, avg(w) aw) ' +
      '→ orderBy(total DESC, region, g) → collect (1,000 rows).',
  },
  collect_objects: {
    kind: 'collect',
    group: '(c) collect',
    unit: 'ms',
    what: 'The whole fact table (5 columns), already loaded in the engine, to an array of JS row objects.',
  },
  collect_arrow: {
    kind: 'collect',
    group: '(c) collect',
    unit: 'ms',
    what: 'The whole fact table, already loaded in the engine, to an Arrow table in JS.',
  },
  cold_start: {
    kind: 'cold',
    group: '(d) cold start',
    unit: 'ms',
    what: 'A fresh `node` process: import the engine, run the per-test pipeline once. Median is measured inside the process from before the import to the first result; "wall" adds Node start-up and exit.',
  },
  vitest_1000: {
    kind: 'vitest',
    group: '(e) Vitest file',
    unit: 'ms',
    what: 'A generated Vitest file of 1,000 tests, each running the per-test pipeline (sparkless through `useSparkSession` from `sparkless/vitest`), run with `vitest run`: wall time of the whole command.',
  },
};

export const TABLE_WORKLOADS = Object.keys(WORKLOADS).filter((w) => WORKLOADS[w].kind === 'table');

/** Engines in display order. */
export const ENGINES = ['plainjs', 'polars-native', 'polars-raw', 'duckdb', 'arquero', 'sparkless-polars', 'sparkless-memory'];

export const ENGINE_INFO = {
  plainjs: 'hand-written JS loops (per-test model only)',
  'polars-native': "nodejs-polars 0.24.1 through its native binding (`nodejs-polars/bin/native-polars.js`): the per-test floor",
  'polars-raw': 'hand-written nodejs-polars 0.24.1, public `pl.*` API, lazy',
  duckdb: '`@duckdb/node-api`, in-memory database, SQL (it has no Arrow export, so no `collect_arrow`)',
  arquero: 'arquero 8.0.3',
  'sparkless-polars': "sparkless, `backendType: 'polars'`",
  'sparkless-memory': "sparkless, `backendType: 'memory'`",
};

/** A small result as plain rows (bigints as numbers), sorted by their string and integer fields. */
export function plainRows(rows) {
  const out = rows.map((r) => {
    const o = {};
    for (const key of Object.keys(r).sort()) o[key] = typeof r[key] === 'bigint' ? Number(r[key]) : r[key];
    return o;
  });
  const key = (o) => JSON.stringify(Object.values(o).map((x) => (typeof x === 'number' && !Number.isInteger(x) ? Number(x.toPrecision(6)) : x)));
  const keyed = out.map((o) => [key(o), o]);
  keyed.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return keyed.map(([, o]) => o);
}

const close = (a, b) => a === b || (typeof a === 'number' && typeof b === 'number' && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b)));

/** Whether two engines' results agree: same rows, floats equal up to summation-order noise. */
export function sameResult(a, b) {
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const ka = Object.keys(a[i]);
    if (ka.length !== Object.keys(b[i]).length) return false;
    for (const k of ka) if (!close(a[i][k], b[i][k])) return false;
  }
  return true;
}
