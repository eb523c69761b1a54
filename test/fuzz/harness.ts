/**
 * The fuzzer's oracle, shared by the seeded test (differential.test.ts) and
 * the long run (`npm run fuzz`): run one generated frame and pipeline on a
 * session, render the outcome comparably, and say how two outcomes differ.
 */
import { SparklessError, type DataFrame, type SparkSession } from '../../src/index.js';
import { agreement, applyStep, makeFrame, type FrameSpec, type Step } from './pipelines.js';

/** A comparable rendering of one value: NaN, -0.0, bigints, bytes and dates spelled out. */
export function norm(v: unknown): unknown {
  if (typeof v === 'number') return Number.isNaN(v) ? 'NaN' : Object.is(v, -0) ? '-0' : v;
  if (typeof v === 'bigint') return `${v}n`;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? 'Invalid Date' : v.toISOString();
  if (v instanceof Uint8Array) return `0x${Buffer.from(v).toString('hex')}`;
  if (Array.isArray(v)) return v.map(norm);
  if (v instanceof Map) return [...v].map(([k, x]) => [norm(k), norm(x)]);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, norm(x)]));
  return v;
}

export type Outcome =
  | { readonly ok: true; readonly schema: string; readonly rows: string[] }
  | { readonly ok: false; readonly error: string; readonly message?: string; readonly untyped?: boolean };

export function run(spark: SparkSession, spec: FrameSpec, steps: readonly Step[]): Outcome {
  try {
    let df: DataFrame = makeFrame(spark, spec);
    for (const s of steps) df = applyStep(df, s);
    const schema = df.schema.fields.map((f) => `${f.name}:${f.dataType.simpleString()}:${f.nullable}`).join(',');
    const rows = df.collect().map((r) => JSON.stringify(norm(r.asDict(true))));
    return { ok: true, schema, rows };
  } catch (err) {
    if (!SparklessError.isSparklessError(err)) return { ok: false, error: `untyped ${String(err)}`, untyped: true, message: (err as Error)?.stack };
    const e = err as SparklessError;
    return { ok: false, error: e.errorClass ?? e.constructor.name, message: e.message };
  }
}

/**
 * Known gaps, accepted until fixed: Polars formats datetimes only within
 * chrono's range (about ±262,000 years); Spark's reaches ±290,308 (a cast of
 * an extreme long or double to timestamp), so formatting one fails with a
 * typed error where the interpreter answers.
 */
function knownGap(reference: Outcome, other: Outcome): boolean {
  void reference;
  return !other.ok && other.error === 'POLARS_EXECUTION_ERROR' && /out-of-range datetime/.test(other.message ?? '');
}

/** Internal errors are sparkless bugs even though typed: the fuzzer reports them too. */
const isBug = (o: Outcome): boolean => !o.ok && (o.untyped === true || o.error === 'INTERNAL_ERROR' || o.error === 'InternalError');

export type Verdict = { readonly kind: 'crash' | 'disagreement'; readonly detail: string } | undefined;

/**
 * How `other` differs from `reference` on the same pipeline, or undefined.
 * `errorClasses` compares error classes too (two sparkless backends must fail
 * alike; Spark's analyzer may name a different class for the same mistake).
 */
export function verdict(reference: Outcome, other: Outcome, steps: readonly Step[], errorClasses = true): Verdict {
  // Against Spark (errorClasses off), ties of a sort come back in any order: rows compare as a multiset.
  const tiesOpen = !errorClasses && steps.some((s) => s.kind === 'sort');
  for (const o of [reference, other]) if (isBug(o)) return { kind: 'crash', detail: `${(o as { error: string }).error}\n${(o as { message?: string }).message ?? ''}` };
  if (knownGap(reference, other)) return undefined;
  const show = (o: Outcome): string => (o.ok ? `ok: ${o.schema}\n${o.rows.join('\n')}` : `error ${o.error}: ${o.message ?? ''}`);
  const differ = (what: string): Verdict => ({ kind: 'disagreement', detail: `${what}\n--- reference\n${show(reference)}\n--- other\n${show(other)}` });
  if (reference.ok !== other.ok) return differ('one failed, one answered');
  if (!reference.ok || !other.ok) return errorClasses && reference.ok === false && other.ok === false && reference.error !== other.error ? differ('different errors') : undefined;
  if (reference.schema !== other.schema) return differ('schemas differ');
  // Spark numbers tied rows (row_number, lag, lead over the one sort key) in any order: only the count is determined.
  const tiedWindow = !errorClasses && steps.some((s) => s.kind === 'window' && s.fn !== 'rank' && s.fn !== 'sumLiteral');
  const how = tiedWindow ? 'count' : tiesOpen && agreement(steps) === 'order' ? 'rows' : agreement(steps);
  const same =
    how === 'count'
      ? reference.rows.length === other.rows.length
      : how === 'rows'
        ? JSON.stringify([...reference.rows].sort()) === JSON.stringify([...other.rows].sort())
        : JSON.stringify(reference.rows) === JSON.stringify(other.rows);
  return same ? undefined : differ(`rows differ (compared by ${how})`);
}
