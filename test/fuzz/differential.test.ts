/**
 * Seeded differential fuzzer: generated frames and pipelines run on the
 * memory and Polars backends must agree on the schema (names, types,
 * nullability) and the rows, or fail with the same typed sparkless error.
 * A failure prints the shrunk frame and steps as a reproduction.
 *
 * `FUZZ_RUNS` and `FUZZ_SEED` run it longer or elsewhere:
 * `FUZZ_RUNS=5000 FUZZ_SEED=7 npx vitest run test/fuzz`.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { SparkSession, SparklessError, type DataFrame } from '../../src/index.js';
import { agreement, applyStep, frameSpec, makeFrame, pipeline, type FrameSpec, type Step } from './pipelines.js';

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 120);
const SEED = Number(process.env['FUZZ_SEED'] ?? 20261206);

const sessions = {
  memory: new SparkSession('fuzz-memory', { backendType: 'memory', conf: { 'spark.sql.session.timeZone': 'UTC' } }),
  polars: new SparkSession('fuzz-polars', { backendType: 'polars', conf: { 'spark.sql.session.timeZone': 'UTC' } }),
};
afterAll(() => {
  sessions.memory.stop();
  sessions.polars.stop();
});

/** A comparable rendering of one value: NaN, -0.0, bigints and dates spelled out. */
function norm(v: unknown): unknown {
  if (typeof v === 'number') return Number.isNaN(v) ? 'NaN' : Object.is(v, -0) ? '-0' : v;
  if (typeof v === 'bigint') return `${v}n`;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? 'Invalid Date' : v.toISOString();
  if (Array.isArray(v)) return v.map(norm);
  if (v instanceof Map) return [...v].map(([k, x]) => [norm(k), norm(x)]);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, norm(x)]));
  return v;
}

type Outcome = { ok: true; schema: string; rows: string[] } | { ok: false; error: string; message?: string };

/**
 * Known gaps, accepted until fixed: Polars formats datetimes only within
 * chrono's range (about ±262,000 years); Spark's reaches ±290,308 (a cast of
 * an extreme long or double to timestamp), so formatting one fails with a
 * typed error where the interpreter answers (or, past a JS Date's range,
 * fails on collect()).
 */
function knownGap(mem: Outcome, pol: Outcome): boolean {
  void mem;
  return !pol.ok && pol.error === 'POLARS_EXECUTION_ERROR' && /out-of-range datetime/.test(pol.message ?? '');
}

function run(spark: SparkSession, spec: FrameSpec, steps: readonly Step[]): Outcome {
  try {
    let df: DataFrame = makeFrame(spark, spec);
    for (const s of steps) df = applyStep(df, s);
    const schema = df.schema.fields.map((f) => `${f.name}:${f.dataType.simpleString()}:${f.nullable}`).join(',');
    const rows = df.collect().map((r) => JSON.stringify(norm(r.asDict(true))));
    return { ok: true, schema, rows };
  } catch (err) {
    if (!SparklessError.isSparklessError(err)) return { ok: false, error: `untyped ${String(err)}` };
    return { ok: false, error: (err as SparklessError).errorClass ?? (err as Error).constructor.name, message: (err as Error).message };
  }
}

describe('memory and polars agree on generated pipelines', () => {
  it(`agree (${RUNS} runs, seed ${SEED})`, { timeout: 120_000 + RUNS * 500 }, () => {
    fc.assert(
      fc.property(frameSpec, pipeline, (spec, steps) => {
        const mem = run(sessions.memory, spec, steps);
        const pol = run(sessions.polars, spec, steps);
        if (knownGap(mem, pol)) return;
        if (!mem.ok) expect(mem.error).not.toMatch(/^untyped/);
        if (!pol.ok) expect(pol.error).not.toMatch(/^untyped/);
        expect(pol.ok).toBe(mem.ok);
        if (!mem.ok || !pol.ok) {
          expect(pol.ok ? pol : pol.error).toEqual(mem.ok ? mem : mem.error);
          return;
        }
        expect(pol.schema).toBe(mem.schema);
        const how = agreement(steps);
        if (how === 'count') expect(pol.rows.length).toBe(mem.rows.length);
        else if (how === 'rows') expect([...pol.rows].sort()).toEqual([...mem.rows].sort());
        else expect(pol.rows).toEqual(mem.rows);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });
});
