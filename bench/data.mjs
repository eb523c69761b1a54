// Deterministic benchmark data, generated in-process from a seeded PRNG so every
// engine (each in its own child process) sees exactly the same rows.

/** mulberry32: a tiny 32-bit PRNG, plenty for benchmark data. Returns floats in [0, 1). */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const FACT_SCHEMA = 'id LONG, k INT, g STRING, v DOUBLE, q INT';
export const DIM_SCHEMA = 'k INT, name STRING, region STRING, w DOUBLE';
export const FACT_COLUMNS = ['id', 'k', 'g', 'v', 'q'];
export const DIM_COLUMNS = ['k', 'name', 'region', 'w'];
export const N_GROUPS = 100;
export const N_KEYS = 1000;
export const N_REGIONS = 10;

const GROUP_NAMES = Array.from({ length: N_GROUPS }, (_, i) => `g${String(i).padStart(3, '0')}`);

/**
 * The fact table, column-major: id 0..n-1 (long), k in [0, 1000) (join key, int),
 * g one of 100 strings, v in [0, 100) with two decimals (so ties happen and sort
 * keys need the id tie-breaker), q in 1..10 (int).
 */
export function factColumns(n, seed = 42) {
  const rnd = prng(seed);
  const id = new Float64Array(n);
  const k = new Int32Array(n);
  const g = new Array(n);
  const v = new Float64Array(n);
  const q = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    id[i] = i;
    k[i] = Math.floor(rnd() * N_KEYS);
    g[i] = GROUP_NAMES[Math.floor(rnd() * N_GROUPS)];
    v[i] = Math.floor(rnd() * 10000) / 100;
    q[i] = 1 + Math.floor(rnd() * 10);
  }
  return { n, id, k, g, v, q };
}

/** The 1,000-row dimension: k 0..999, a name, one of 10 regions, a weight in [0.5, 1.5). */
export function dimColumns(seed = 7) {
  const rnd = prng(seed);
  const n = N_KEYS;
  const k = new Int32Array(n);
  const name = new Array(n);
  const region = new Array(n);
  const w = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    k[i] = i;
    name[i] = `name_${i}`;
    region[i] = `r${Math.floor(rnd() * N_REGIONS)}`;
    w[i] = 0.5 + Math.floor(rnd() * 1000) / 1000;
  }
  return { n, k, name, region, w };
}

/** Row-major view (arrays, in column order) for APIs that take rows. */
export function toRowArrays(cols, names) {
  const arrays = names.map((c) => cols[c]);
  const out = new Array(cols.n);
  for (let i = 0; i < cols.n; i++) {
    const r = new Array(arrays.length);
    for (let c = 0; c < arrays.length; c++) r[c] = arrays[c][i];
    out[i] = r;
  }
  return out;
}

/** Row-major view as objects. */
export function toRowObjects(cols, names) {
  const out = new Array(cols.n);
  for (let i = 0; i < cols.n; i++) {
    const r = {};
    for (const c of names) r[c] = cols[c][i];
    out[i] = r;
  }
  return out;
}

/** The 10 rows of the per-test workload: id, g (3 groups), v. */
export const SMALL_ROWS = [
  { id: 1, g: 'a', v: 5.5 },
  { id: 2, g: 'b', v: 12.25 },
  { id: 3, g: 'a', v: 20 },
  { id: 4, g: 'c', v: 7.75 },
  { id: 5, g: 'b', v: 31.5 },
  { id: 6, g: 'a', v: 14 },
  { id: 7, g: 'c', v: 42.125 },
  { id: 8, g: 'b', v: 9 },
  { id: 9, g: 'c', v: 11 },
  { id: 10, g: 'a', v: 18.5 },
];
export const SMALL_SCHEMA = 'id LONG, g STRING, v DOUBLE';

/** The per-test pipeline every sparkless per-test benchmark runs (`F` is the package's functions). */
export const smallPipeline = (spark, F) =>
  spark
    .createDataFrame(SMALL_ROWS, SMALL_SCHEMA)
    .filter(F.col('v').gt(10))
    .groupBy('g')
    .agg(F.sum('v').alias('s'), F.avg('v').alias('a'), F.count('*').alias('n'))
    .orderBy('g')
    .collect();
