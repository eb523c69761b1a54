// The performance targets, computed from the figures of one run.
import { TABLE_WORKLOADS } from './workloads.mjs';

/** PySpark's published cost of one small DataFrame job: 70–300 ms; the low end is the strict comparison. */
export const PYSPARK_JOB_MS = 70;
/** PySpark's local session start: 3–10 s. */
export const PYSPARK_SESSION_MS = 3000;

const LARGE_SIZES = [1_000_000, 5_000_000];
const SPARKLESS = ['sparkless-polars', 'sparkless-memory'];

export const sizeLabel = (n) =>
  n >= 1e6 && n % 1e6 === 0 ? `${n / 1e6}M` : n >= 1e3 && n % 1e3 === 0 ? `${n / 1e3}k` : String(n);

const fx = (x) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));

/**
 * Each target: { id, engine, workload, size, text, value, display, status } where
 * status is PASS, MISS, or `not measured` with `reason`.
 */
export function evaluateTargets(report) {
  const cell = (engine, workload, size) =>
    report.cells.find((c) => c.engine === engine && c.workload === workload && (size === undefined || c.size === size));
  const targets = [];

  /** Why a cell has no usable figure, or null when it has one. */
  const missing = (c, label) => {
    if (!c) return `${label}: not run`;
    if (c.skipped) return `${label}: ${c.skipped}`;
    if (c.error) return `${label}: error: ${c.error}`;
    if (typeof c.median !== 'number') return `${label}: no figure`;
    return null;
  };

  function check({ id, engine, workload, size, text, short, cells, compute }) {
    const t = { id, engine, workload, size, text, short };
    const reasons = cells.map(([c, label]) => missing(c, label)).filter(Boolean);
    if (reasons.length) Object.assign(t, { status: 'not measured', reason: reasons.join('; ') });
    else {
      const { value, display, pass } = compute();
      Object.assign(t, { value, display, status: pass ? 'PASS' : 'MISS' });
    }
    targets.push(t);
  }

  const ratio = ({ id, engine, workload, size, ref, refWorkload = workload, limit, below = false, metric = 'median', what }) => {
    const short = `${metric === 'runRssMB' ? 'run RSS ' : ''}${below ? '<' : '≤'} ${limit}× ${ref}`;
    const a = cell(engine, workload, size);
    const b = cell(ref, refWorkload, size);
    check({
      id,
      engine,
      workload,
      size,
      text: what,
      short,
      cells: [
        [a, engine],
        [b, ref],
      ],
      compute: () => {
        const value = a[metric] / b[metric];
        return { value, display: `${value >= 10 ? value.toFixed(1) : value.toFixed(2)}×`, pass: below ? value < limit : value <= limit };
      },
    });
  };

  // (a) the per-test model
  ratio({ id: 'pertest-memory-vs-arquero', engine: 'sparkless-memory', workload: 'pertest', size: 10, ref: 'arquero', limit: 2, what: 'per-test pipeline, memory backend ≤ 2× arquero' });
  {
    const c = cell('sparkless-memory', 'pertest', 10);
    check({
      id: 'pertest-memory-150us',
      engine: 'sparkless-memory',
      workload: 'pertest',
      size: 10,
      text: 'per-test pipeline, memory backend ≤ 150 µs',
      short: '≤ 150 µs',
      cells: [[c, 'sparkless-memory']],
      compute: () => ({ value: c.median, display: `${fx(c.median)} µs`, pass: c.median <= 150 }),
    });
  }
  ratio({ id: 'pertest-polars-vs-native', engine: 'sparkless-polars', workload: 'pertest', size: 10, ref: 'polars-native', limit: 2, what: 'per-test pipeline, Polars backend ≤ 2× the raw-binding floor (polars-native)' });
  for (const engine of SPARKLESS) {
    const c = cell(engine, 'pertest', 10);
    check({
      id: `pertest-${engine}-vs-pyspark`,
      engine,
      workload: 'pertest',
      size: 10,
      text: `per-test pipeline, ${engine} ≥ 100× faster than PySpark's ${PYSPARK_JOB_MS} ms per DataFrame job`,
      short: `≥ 100× faster than PySpark's ${PYSPARK_JOB_MS} ms job`,
      cells: [[c, engine]],
      compute: () => {
        const value = (PYSPARK_JOB_MS * 1000) / c.median;
        return { value, display: `${fx(value)}× faster (${fx(c.median)} µs per iteration)`, pass: value >= 100 };
      },
    });
  }

  // (b) large tables, Polars backend: the sizes of this run
  for (const size of LARGE_SIZES.filter((n) => (report.config?.sizes ?? LARGE_SIZES).includes(n))) {
    for (const w of TABLE_WORKLOADS) {
      ratio({ id: `${w}-${sizeLabel(size)}-vs-polars`, engine: 'sparkless-polars', workload: w, size, ref: 'polars-raw', limit: 1.15, what: `${w} ${sizeLabel(size)}: Polars backend ≤ 1.15× hand-written nodejs-polars` });
    }
    for (const w of ['groupby_agg', 'join_groupby', 'join_only', 'multi_join']) {
      ratio({ id: `${w}-${sizeLabel(size)}-vs-duckdb`, engine: 'sparkless-polars', workload: w, size, ref: 'duckdb', limit: 1.5, what: `${w} ${sizeLabel(size)}: Polars backend ≤ 1.5× DuckDB` });
    }
    for (const w of ['filter_project', 'window_row_number', 'sort']) {
      ratio({ id: `${w}-${sizeLabel(size)}-ahead-of-duckdb`, engine: 'sparkless-polars', workload: w, size, ref: 'duckdb', limit: 1, below: true, what: `${w} ${sizeLabel(size)}: Polars backend ahead of DuckDB (< 1×)` });
    }
    for (const w of TABLE_WORKLOADS) {
      ratio({ id: `${w}-${sizeLabel(size)}-rss`, engine: 'sparkless-polars', workload: w, size, ref: 'polars-raw', limit: 1.3, metric: 'runRssMB', what: `${w} ${sizeLabel(size)}: peak RSS while querying ≤ 1.3× hand-written nodejs-polars` });
    }
  }

  // (c) collect
  for (const engine of SPARKLESS) {
    for (const w of ['collect_objects', 'collect_arrow']) {
      const c = cell(engine, w);
      check({
        id: `${w}-${engine}`,
        engine,
        workload: w,
        size: c?.size,
        text: `${w} of ${sizeLabel(c?.size ?? 100_000)} rows, ${engine}: ≤ 0.8 µs/row`,
        short: '≤ 0.8 µs/row',
        cells: [[c, engine]],
        compute: () => {
          const value = (c.median * 1000) / c.size;
          return { value, display: `${value.toFixed(3)} µs/row`, pass: value <= 0.8 };
        },
      });
    }
  }

  // (d) cold start
  for (const engine of SPARKLESS) {
    const c = cell(engine, 'cold_start');
    check({
      id: `cold-${engine}`,
      engine,
      workload: 'cold_start',
      size: 0,
      text: `worker cold start (import + first query), ${engine}: ≤ 200 ms`,
      short: '≤ 200 ms',
      cells: [[c, engine]],
      compute: () => ({ value: c.median, display: `${fx(c.median)} ms (${fx(PYSPARK_SESSION_MS / c.median)}× faster than a ${PYSPARK_SESSION_MS / 1000} s PySpark session start)`, pass: c.median <= 200 }),
    });
  }
  return targets;
}
