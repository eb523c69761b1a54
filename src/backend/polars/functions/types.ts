/**
 * Shapes of the Polars function table: per registry name, a native lowering
 * (scalar, aggregate, window) or an explicit delegation to the memory
 * interpreter with the reason.
 */
import type { Call, Expr } from '../../../expr/nodes.js';
import type { DataType } from '../../../types/data-types.js';
import type { NativeExpr, PolarsNative } from '../native.js';

/** What a lowering can use: sub-expression translation, literals, casts. */
export interface FnContext {
  readonly pl: PolarsNative;
  /** Session time zone (IANA). */
  readonly timeZone: string;
  /** The query's fixed "now" in µs (undefined: current_timestamp is delegated). */
  readonly now: number | undefined;
  /**
   * Double sums (sum, avg) must add in row order, bit-identical to the
   * interpreter (small inputs); false: Polars' own (pairwise) sum may be used.
   * See `TranslateOptions.sequentialSums`.
   */
  readonly sequentialSums: boolean;
  /** Double sums merge per-partition partials (spark.default.parallelism > 1): delegated to the interpreter. */
  readonly partitionedSums: boolean;
  /** Translates a (resolved) sub-expression. */
  tr(e: Expr): NativeExpr;
  /** Spark CAST of an already translated expression. */
  cast(x: NativeExpr, from: DataType, to: DataType): NativeExpr;
  /**
   * An aggregation computed once per group. Inside an Aggregate node it is
   * pooled (deduplicated by `key`) and the returned expression refers to its
   * result after the group-by; elsewhere (windows) it is `e` itself. An
   * aggregate lowering combines such parts with ordinary operators.
   * `e` may be a thunk: it is then built only when `key` is not pooled yet.
   */
  part(key: string, e: NativeExpr | (() => NativeExpr)): NativeExpr;
  /** A stable text key of an expression, for `part`. */
  keyOf(e: Expr): string;
  /** `x` computed once as a column where the node allows it, else `x` (see ExprTranslator.bind). */
  bind(x: NativeExpr): NativeExpr;
}

/** Lowers a scalar call to one expression of the call's Polars dtype. */
export type ScalarLowering = (call: Call, ctx: FnContext) => NativeExpr;

/**
 * Lowers an aggregate call. `ctx` translates the arguments row by row; every
 * aggregation must go through `ctx.part` (see FnContext).
 */
export type AggregateLowering = (call: Call, ctx: FnContext) => NativeExpr;

export interface PolarsFunction {
  readonly scalar?: ScalarLowering;
  readonly aggregate?: AggregateLowering;
  /** Window-only function lowered by the Window operator (operators/window.ts). */
  readonly window?: true;
  /** Generator lowered by the Generate operator (operators/generate.ts). */
  readonly generator?: true;
  /** Set when the function always runs on the memory interpreter. */
  readonly delegated?: string;
}

export type FunctionTable = Readonly<Record<string, PolarsFunction>>;

/** Helper: the i-th argument of a call (resolved, so present). */
export const arg = (call: Call, i: number): Expr => call.args[i]!;

/** The literal value of argument i, or undefined when it is not a literal. */
export function literalArg(call: Call, i: number): { value: unknown } | undefined {
  const a = call.args[i];
  if (!a) return undefined;
  if (a.kind === 'Literal') return { value: a.value };
  if (a.kind === 'Cast' && a.child.kind === 'Literal') return undefined;
  return undefined;
}
