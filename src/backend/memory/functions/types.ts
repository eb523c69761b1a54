/**
 * Implementation interfaces of the memory backend's function table
 * (`functions/index.ts`), one entry per registry name.
 *
 * Argument values are internal values (see types/data-types.ts) of the
 * argument expressions' resolved types (`call.args[i].dataType`); the result
 * must be an internal value of `call.dataType`.
 */
import type { Call } from '../../../expr/nodes.js';
import type { ExecContext } from '../context.js';

/** A compiled expression: the value at a physical row index of the input columns. */
export type RowFn = (row: number) => unknown;

/**
 * A scalar function. Provide `eval` (per row, on argument values) or
 * `compile` (once per plan node, from compiled argument evaluators — for lazy
 * arguments, lambdas, or precomputing from literal arguments).
 */
export interface ScalarImpl {
  readonly kind: 'scalar';
  /**
   * `false` (default): null in any argument gives null without calling `eval`.
   * `true`: `eval` receives nulls and decides (coalesce, concat_ws, is_null...).
   */
  readonly handlesNulls?: boolean;
  /**
   * Evaluates one row. `args` is a buffer reused between rows: read it, never
   * keep it. A lambda argument arrives as a JS function of its parameters.
   */
  eval?(args: unknown[], ctx: ExecContext, call: Call): unknown;
  /** Builds the row evaluator from the arguments' evaluators (null handling is then the implementation's). */
  compile?(args: readonly RowFn[], call: Call, ctx: ExecContext, input?: CompileInput): RowFn;
}

/** What a compiling function may know of its input: the row count, when rows are positions 0..numRows-1 of one relation. */
export interface CompileInput {
  readonly numRows: number | undefined;
}

/** Running state of one aggregate over one group (or window frame). */
export interface Accumulator {
  /** Adds one input row's argument values (the buffer is reused: copy what you keep). */
  add(args: readonly unknown[]): void;
  /** The aggregate of the rows added so far; may be called repeatedly, interleaved with `add`. */
  result(): unknown;
  /**
   * Optional: the rows added from now on come from the next input partition. Aggregates whose
   * floating result depends on Spark's partial-then-merge evaluation (the central moments) keep a
   * partial per partition and merge them in order, as Spark's final aggregation does.
   */
  startPartition?(): void;
  /** Optional inverse of `add`, enabling sliding window frames in O(n). */
  remove?(args: readonly unknown[]): void;
}

/**
 * An aggregate function. `distinct` (count(DISTINCT x)) is applied by the
 * executor, which feeds each distinct argument tuple once.
 */
export interface AggregateImpl {
  readonly kind: 'aggregate';
  create(call: Call, ctx: ExecContext): Accumulator;
  /**
   * Optional vectorized path for the Aggregate operator (never used for
   * DISTINCT): every group's result at once from argument columns. Return
   * undefined to fall back to accumulators (e.g. when a fast path cannot be
   * exact).
   */
  grouped?(call: Call, ctx: ExecContext, input: GroupedInput): unknown[] | undefined;
}

/** The rows of one Aggregate, already numbered by group. */
export interface GroupedInput {
  readonly numGroups: number;
  readonly numRows: number;
  /** Group id of each row (in row order). */
  readonly groupOf: Int32Array;
  /** Argument values per argument, per row: `args[j][k]`. */
  readonly args: readonly (readonly unknown[])[];
}

/** One window partition, already sorted by the window's ORDER BY. */
export interface WindowPartition {
  /** Number of rows in the partition. */
  readonly size: number;
  /** True when the window has an ORDER BY. */
  readonly ordered: boolean;
  /** Value of argument `arg` (index into `call.args`) at partition position `pos`. */
  arg(arg: number, pos: number): unknown;
  /** First position of `pos`'s peer group (rows with equal ORDER BY keys). */
  peerStart(pos: number): number;
  /** One past the last position of `pos`'s peer group. */
  peerEnd(pos: number): number;
  /** The window frame of `pos` as [start, end) positions (empty when start >= end). */
  frame(pos: number): readonly [number, number];
}

/** A window-only function (ranking, offset, nth_value): one value per partition position. */
export interface WindowImpl {
  readonly kind: 'window';
  evaluate(partition: WindowPartition, call: Call, ctx: ExecContext): unknown[];
}

/** A generator: zero or more output rows (each one value per generator column) per input row. */
export interface GeneratorImpl {
  readonly kind: 'generator';
  /** `args` holds the argument values (null included); the buffer is reused. */
  generate(args: readonly unknown[], call: Call, ctx: ExecContext): unknown[][];
}

export type FunctionImpl = ScalarImpl | AggregateImpl | WindowImpl | GeneratorImpl;

/** The implementation table type. */
export type FunctionTable = Readonly<Record<string, FunctionImpl>>;
