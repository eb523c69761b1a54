/**
 * Differential testing: run one pipeline on several backends (memory and Polars
 * by default) with the same input and report the first difference. The first
 * backend is the reference; the results of the others are compared with it as
 * `assertDataFrameEqual` compares (row order is checked only when the result
 * plan ends in a sort, unless `checkRowOrder` says otherwise). A backend that
 * throws agrees with another only if that one throws the same kind of error.
 *
 * @example
 * ```ts
 * expectBackendsAgree((df) => df.groupBy('k').agg(F.sum('v')), { rows, schema: 'k STRING, v BIGINT' });
 * expectBackendsAgree((spark) => spark.range(10).filter(F.col('id').gt(3)));
 * ```
 */
import { DataFrame } from '../api/dataframe.js';
import type { BackendType } from '../backend/protocols.js';
import { SparklessError } from '../errors/index.js';
import type { SparkSession } from '../session/session.js';
import type { StructType } from '../types/data-types.js';
import { painterFor } from './colors.js';
import { compareFrames } from './equality.js';
import { DataFrameMismatchError, usageError } from './errors.js';
import { frameOfDataFrame, toSchema, type Frame } from './frames.js';
import { resolveOptions, type DataFrameEqualOptions } from './options.js';
import { isOrderedPlan } from './snapshot.js';
import { createTestSession, type TestSessionOptions } from './session-factory.js';

/** Input rows of a pipeline, with their schema (DDL or StructType; inferred when omitted). */
export interface InputData {
  readonly rows: readonly unknown[];
  readonly schema?: StructType | string;
}

/** A backend to run on: a type name, or a named session configuration (e.g. with an injected materializer). */
export type BackendUnderTest = BackendType | { readonly name: string; readonly options: TestSessionOptions };

export interface BackendsAgreeOptions extends Omit<DataFrameEqualOptions, 'checkRowOrder' | 'schema' | 'transforms'> {
  /** Backends to compare; the first is the reference (default `['memory', 'polars']`). */
  readonly backends?: readonly BackendUnderTest[];
  /** Compare row order; default: only when the result's plan ends in a sort. */
  readonly checkRowOrder?: boolean;
  /** Conf for every session (the session time zone defaults to UTC). */
  readonly conf?: TestSessionOptions['conf'];
}

export type BackendOutcome =
  | { readonly backend: string; readonly ok: true; readonly frame: Frame; readonly ordered: boolean }
  | { readonly backend: string; readonly ok: false; readonly error: unknown };

export interface BackendsComparison {
  readonly agree: boolean;
  /** Why they disagree (empty when they agree). */
  readonly message: string;
  readonly outcomes: readonly BackendOutcome[];
}

type SessionPipeline = (spark: SparkSession) => DataFrame;
type InputPipeline = (input: DataFrame, spark: SparkSession) => DataFrame;
type NamedPipeline = (inputs: Record<string, DataFrame>, spark: SparkSession) => DataFrame;

function isInputData(x: unknown): x is InputData {
  return typeof x === 'object' && x !== null && Array.isArray((x as { rows?: unknown }).rows);
}

function isNamedInputs(x: unknown): x is Record<string, InputData> {
  return typeof x === 'object' && x !== null && !isInputData(x) && Object.values(x).length > 0 && Object.values(x).every(isInputData);
}

function describeError(err: unknown): string {
  if (SparklessError.isSparklessError(err)) return `${err.name}: ${err.message}`;
  if (err instanceof Error) return `${err.name}: ${err.message}`;
  return String(err);
}

function errorIdentity(err: unknown): string {
  if (SparklessError.isSparklessError(err)) return `${err.name}/${err.errorClass ?? ''}`;
  return err instanceof Error ? err.name : typeof err;
}

function backendName(b: BackendUnderTest): string {
  return typeof b === 'string' ? b : b.name;
}

/** Runs the pipeline on every backend and compares the results with the first backend's. */
export function compareBackends(pipeline: SessionPipeline, options?: BackendsAgreeOptions): BackendsComparison;
export function compareBackends(pipeline: InputPipeline, data: InputData, options?: BackendsAgreeOptions): BackendsComparison;
export function compareBackends(pipeline: NamedPipeline, data: Record<string, InputData>, options?: BackendsAgreeOptions): BackendsComparison;
export function compareBackends(pipeline: (...args: never[]) => DataFrame, a?: unknown, b?: unknown): BackendsComparison {
  const data = isInputData(a) || isNamedInputs(a) ? a : undefined;
  const options = ((data ? b : a) ?? {}) as BackendsAgreeOptions;
  const { backends = ['memory', 'polars'], conf, checkRowOrder, ...equalOptions } = options;
  if (backends.length < 2) throw usageError('TESTING_INVALID_OPTION', 'compareBackends needs at least two backends.');
  const o = resolveOptions(equalOptions);
  const p = painterFor(o.color);

  const run = (b: BackendUnderTest): BackendOutcome => {
    const name = backendName(b);
    const sessionOptions: TestSessionOptions =
      typeof b === 'string' ? { backend: b, ...(conf ? { conf } : {}) } : { ...b.options, conf: { ...(conf ?? {}), ...(b.options.conf ?? {}) } };
    let handle;
    try {
      handle = createTestSession(sessionOptions);
    } catch (error) {
      return { backend: name, ok: false, error };
    }
    try {
      const spark = handle.spark;
      const make = (d: InputData): DataFrame => spark.createDataFrame(d.rows, toSchema(d.schema));
      let out: unknown;
      if (data === undefined) out = (pipeline as unknown as SessionPipeline)(spark);
      else if (isInputData(data)) out = (pipeline as unknown as InputPipeline)(make(data), spark);
      else {
        const inputs = Object.fromEntries(Object.entries(data as Record<string, InputData>).map(([k, d]) => [k, make(d)]));
        out = (pipeline as unknown as NamedPipeline)(inputs, spark);
      }
      if (!DataFrame.isDataFrame(out)) {
        throw usageError('TESTING_INVALID_PIPELINE', `The pipeline must return a DataFrame, got ${out === null ? 'null' : typeof out}.`);
      }
      return { backend: name, ok: true, frame: frameOfDataFrame(out), ordered: isOrderedPlan(out.plan) };
    } catch (error) {
      if (SparklessError.isSparklessError(error) && error.errorClass === 'TESTING_INVALID_PIPELINE') throw error;
      return { backend: name, ok: false, error };
    } finally {
      handle.dispose();
    }
  };

  const outcomes = backends.map(run);
  const ref = outcomes[0]!;
  for (const other of outcomes.slice(1)) {
    const names = `${other.backend} vs ${ref.backend} (reference)`;
    if (!ref.ok || !other.ok) {
      if (!ref.ok && !other.ok && errorIdentity(ref.error) === errorIdentity(other.error)) continue;
      const says = (x: BackendOutcome): string => (x.ok ? `returned ${x.frame.rows.length} ${x.frame.rows.length === 1 ? 'row' : 'rows'}` : `threw ${describeError(x.error)}`);
      return {
        agree: false,
        message: `Backends disagree: ${names}.\n${ref.backend} ${says(ref)}\n${other.backend} ${says(other)}`,
        outcomes,
      };
    }
    const ordered = checkRowOrder ?? (ref.ordered && other.ordered);
    const c = compareFrames(other.frame, ref.frame, { ...o, checkRowOrder: ordered }, p, { actual: other.backend, expected: ref.backend });
    if (!c.equal) return { agree: false, message: `Backends disagree: ${names}.\n${c.message}`, outcomes };
  }
  return { agree: true, message: '', outcomes };
}

/**
 * Throws a `DataFrameMismatchError` (kind `backends`) describing the first
 * difference between the backends' results for the same pipeline and input.
 */
export function expectBackendsAgree(pipeline: SessionPipeline, options?: BackendsAgreeOptions): void;
export function expectBackendsAgree(pipeline: InputPipeline, data: InputData, options?: BackendsAgreeOptions): void;
export function expectBackendsAgree(pipeline: NamedPipeline, data: Record<string, InputData>, options?: BackendsAgreeOptions): void;
export function expectBackendsAgree(pipeline: (...args: never[]) => DataFrame, a?: unknown, b?: unknown): void {
  const c = (compareBackends as (p: unknown, a?: unknown, b?: unknown) => BackendsComparison)(pipeline, a, b);
  if (!c.agree) throw new DataFrameMismatchError(c.message, { kind: 'backends' });
}
