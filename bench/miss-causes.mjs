// Why a target was missed: measured causes and the next step, rendered under
// the targets table for every target a run missed. Each entry matches target
// ids (bench/targets.mjs) and writes its text from that run's own figures, so
// a claim such as "hand-written Polars is itself behind DuckDB" is only made
// when the run shows it. The first entry returning text wins.

const x = (r) => `${r >= 10 ? r.toFixed(1) : r.toFixed(2)}×`;

export const MISS_CAUSES = [
  [
    /^pertest-(memory-150us|sparkless-memory-vs-pyspark)$/,
    (t, m) => {
      const c = m.cell('sparkless-memory', 'pertest', 10);
      if (!c || !(c.min > 0)) return undefined;
      const waiting = c.median > 1.5 * c.min ? ' (the spread is the machine: a process waiting for a core counts as time)' : '';
      return `in this run the fastest timed run took ${Math.round(c.min)} µs per iteration against a median of ${Math.round(c.median)}${waiting}. Measured as process CPU time in one process (2026-12-07, load 12–14 on 2 cores), an iteration took ≈ 180–250 µs (fastest tenth of 40-iteration rounds); its CPU profile: analysis of filter/groupBy.agg/orderBy ≈ 35% (resolving calls and columns, aggregate rewriting), execution ≈ 15%, the optimizer ≈ 8%, opening the session ≈ 5%, GC ≈ 10%, no single function above 3%. Allocation cuts since (unchanged subtrees no longer copied, no constant-folding memo, resolveCall's context a class) took an iteration from ≈ 95 to ≈ 82 KB allocated (bench/pertest-cpu.ts's heap-growth method) and its CPU time down by roughly 10–20% at load 18–27, where CPU time itself varies ±30%. Next: a rerun on a quiet machine.`;
    },
  ],
  [
    /^collect_objects-/,
    (t, m) => {
      const c = m.cell(t.engine);
      if (!c || !(c.min > 0)) return undefined;
      return `in this run the fastest timed run took ${((c.min * 1000) / c.size).toFixed(3)} µs/row and the slowest ${((c.max * 1000) / c.size).toFixed(3)}. The read-out is Row construction (one frozen object per row, its fields own properties) and the young-generation GC of those objects; since a Row no longer keeps a second array of its values, a 100k-row collect() measures ≈ 0.75 µs/row of CPU time on the memory backend and ≈ 0.67 on Polars (≈ 1.03 and 0.90 before, same process, load 13–14 on 2 cores). Next: rerun on a quiet machine.`;
    },
  ],
  [
    /^pertest-polars-vs-native$/,
    () =>
      "Most of an iteration is Polars' own `collect` of the small plan (measured ≈ 450–600 µs, against ≈ 400 µs for the floor's simpler plan): an exact row-order double sum (`cum_sum().last()`, so small sums equal Spark's and the memory backend's bit for bit) and a select after the group-by. Our JavaScript (analysis, translation, reading the result) is ≈ 300 µs. Next: fewer native calls per query (compile the plan in one call); meanwhile the `auto` backend runs such queries on the memory interpreter.",
  ],
  [
    /^pertest-sparkless-polars-vs-pyspark$/,
    (t, m) => {
      const floor = m('polars-native', 'pertest', 10);
      if (floor === undefined) return undefined;
      return `100× PySpark's 70 ms job is 700 µs per iteration; nodejs-polars alone, through its raw binding, takes ${Math.round(floor)} µs for the same pipeline in this run, so the Polars backend can meet this only by not calling Polars for tiny inputs — which is what the \`auto\` backend does (memory interpreter up to 20,000 input rows).`;
    },
  ],
  [
    /-(ahead-of|vs)-duckdb$/,
    (t, m) => {
      const raw = m('polars-raw');
      const duck = m('duckdb');
      const ours = m('sparkless-polars');
      if (raw === undefined || duck === undefined || ours === undefined || raw / duck <= 1) return undefined;
      const split =
        ours / raw <= 1.15
          ? "the gap is Polars' own engine on this workload"
          : `${x(raw / duck)} of the gap is Polars' own engine and the rest ours (see the ≤ 1.15× hand-written target)`;
      return `hand-written nodejs-polars 0.24.1 is itself ${x(raw / duck)} DuckDB here, and the Polars backend runs at ${x(ours / raw)} hand-written Polars: ${split}. Next: re-measure on a newer nodejs-polars (0.25+ needs Node 22).`;
    },
  ],
  [
    /-rss$/,
    (t, m) => {
      const raw = m('polars-raw', t.workload, t.size, 'runRssMB');
      const ours = m('sparkless-polars', t.workload, t.size, 'runRssMB');
      if (raw === undefined || ours === undefined) return undefined;
      return `${Math.round(ours - raw)} MB over hand-written Polars. Large inputs are held only natively (\`DataMaterializer.ingest\`), so the data is not held twice; measured at 1M rows, ≈ 30 MB of the rest is the library's code and session heap at rest and the remainder the query's own working memory (sort and window plans add a row-index key).`;
    },
  ],
  [
    /-vs-polars$/,
    (t, m) => {
      const ours = m('sparkless-polars');
      const raw = m('polars-raw');
      if (ours === undefined || raw === undefined) return undefined;
      const spread = (e) => {
        const c = m.cell(e);
        return c && c.min > 0 ? c.max / c.min : 1;
      };
      return `no cause measured yet; within this run ours varied ${x(spread('sparkless-polars'))} and hand-written Polars ${x(spread('polars-raw'))} between their fastest and slowest timed runs. Next: compare the two plans (\`df.explain()\` prints Polars' optimized plan) and rerun on a quiet machine.`;
    },
  ],
  [
    /^collect_/,
    (t, m) => {
      const c = m.cell(t.engine);
      if (!c || !(c.min > 0)) return undefined;
      return `no cause measured yet; in this run the fastest timed run took ${((c.min * 1000) / c.size).toFixed(3)} µs/row and the slowest ${((c.max * 1000) / c.size).toFixed(3)} (bench/results/ keeps earlier runs for comparison). Next: profile the read-out if the fastest run also misses.`;
    },
  ],
];

/** The cause of a missed target, from the run's figures, or undefined. */
export function missCause(target, report) {
  const cell = (engine, workload = target.workload, size = target.size) =>
    report.cells.find((c) => c.engine === engine && c.workload === workload && (size === undefined || c.size === size) && !c.error && !c.skipped);
  const m = (engine, workload, size, metric = 'median') => {
    const v = cell(engine, workload, size)?.[metric];
    return typeof v === 'number' ? v : undefined;
  };
  m.cell = cell;
  for (const [re, text] of MISS_CAUSES) {
    if (!re.test(target.id)) continue;
    const s = text(target, m);
    if (s) return s;
  }
  return undefined;
}
