/** Small helpers shared by the function implementations. */
import type { Call } from '../../../expr/nodes.js';
import { InternalError, SparkRuntimeException } from '../../../errors/index.js';
import {
  ByteType,
  DataType,
  DecimalType,
  DoubleType,
  FloatType,
  IntegerType,
  LongType,
  ShortType,
} from '../../../types/data-types.js';
import type { Accumulator, AggregateImpl, GroupedInput, RowFn, ScalarImpl } from './types.js';
import type { ExecContext } from '../context.js';

/** Resolved type of argument `i` of the call. */
export function argType(call: Call, i: number): DataType {
  const t = call.args[i]?.dataType;
  if (!t) throw new InternalError(`argument ${i} of ${call.fn} is not resolved`);
  return t;
}

/** Resolved result type of the call. */
export function resultType(call: Call): DataType {
  if (!call.dataType) throw new InternalError(`call ${call.fn} is not resolved`);
  return call.dataType;
}

/** The literal value of argument `i`, when it is a literal (possibly under implicit casts of literals). */
export function literalArg(call: Call, i: number): { value: unknown } | undefined {
  const a = call.args[i];
  if (a && a.kind === 'Literal') return { value: a.value };
  return undefined;
}

export type NumericKind = 'int' | 'long' | 'float' | 'double' | 'decimal';

/** How values of a numeric type are represented and wrapped. */
export function numericKind(t: DataType): NumericKind {
  if (t instanceof ByteType || t instanceof ShortType || t instanceof IntegerType) return 'int';
  if (t instanceof LongType) return 'long';
  if (t instanceof FloatType) return 'float';
  if (t instanceof DoubleType) return 'double';
  if (t instanceof DecimalType) return 'decimal';
  throw new InternalError(`not a numeric type: ${t.simpleString()}`);
}

/** Wrap-around for the 32-bit-or-narrower integral type `t`. */
export function intWrap(t: DataType): (x: number) => number {
  if (t instanceof ByteType) return (x) => (x << 24) >> 24;
  if (t instanceof ShortType) return (x) => (x << 16) >> 16;
  return (x) => x | 0;
}

export const isNullish = (v: unknown): v is null | undefined => v === null || v === undefined;

/** A null-intolerant binary evaluator from a value function. */
export function binary(a: RowFn, b: RowFn, f: (x: any, y: any) => unknown): RowFn {
  return (i) => {
    const x = a(i);
    if (x === null || x === undefined) return null;
    const y = b(i);
    if (y === null || y === undefined) return null;
    return f(x, y);
  };
}

/** A null-intolerant unary evaluator from a value function. */
export function unary(a: RowFn, f: (x: any) => unknown): RowFn {
  return (i) => {
    const x = a(i);
    return x === null || x === undefined ? null : f(x);
  };
}

/** Declares a scalar implementation from a per-row function of non-null arguments. */
export function scalar(evalFn: (args: any[], ctx: ExecContext, call: Call) => unknown): ScalarImpl {
  return { kind: 'scalar', eval: evalFn };
}

/** Declares a scalar implementation that receives nulls. */
export function scalarWithNulls(evalFn: (args: any[], ctx: ExecContext, call: Call) => unknown): ScalarImpl {
  return { kind: 'scalar', handlesNulls: true, eval: evalFn };
}

/** Declares a scalar implementation compiled from its argument evaluators. */
export function compiled(compile: (args: readonly RowFn[], call: Call, ctx: ExecContext) => RowFn): ScalarImpl {
  return { kind: 'scalar', compile };
}

/** Code points of a string (only splits when surrogates are present). */
export function codePoints(s: string): string[] {
  return hasSurrogates(s) ? Array.from(s) : s.split('');
}

const SURROGATE = /[\uD800-\uDFFF]/;
export const hasSurrogates = (s: string): boolean => SURROGATE.test(s);

/** Converts a 1-based code-point position into a UTF-16 index. */
export function utf16Index(s: string, cpPos: number): number {
  if (!hasSurrogates(s)) return Math.min(cpPos, s.length);
  let idx = 0;
  for (let k = 0; k < cpPos && idx < s.length; k++) idx += s.codePointAt(idx)! > 0xffff ? 2 : 1;
  return idx;
}

/** Number of characters (code points) in a string. */
export function charLength(s: string): number {
  if (!hasSurrogates(s)) return s.length;
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** Spark's INVALID_INDEX_OF_ZERO (a SparkRuntimeException): element_at, elt and array_insert count from 1 or -1. */
export function indexOfZeroError(): SparkRuntimeException {
  return new SparkRuntimeException('The index 0 is invalid. An index shall be either < 0 or > 0 (the first element has index 1).', {
    errorClass: 'INVALID_INDEX_OF_ZERO',
  });
}

/** A fast path computing every group's result at once; undefined falls back to the accumulators. */
export type Grouped = (call: Call, input: GroupedInput, ctx: ExecContext) => unknown[] | undefined;

/** An aggregate implementation from its per-group accumulator factory (and an optional grouped fast path). */
export const aggregate = (create: (call: Call) => Accumulator, grouped?: Grouped): AggregateImpl =>
  grouped ? { kind: 'aggregate', create, grouped: (call, ctx, input) => grouped(call, input, ctx) } : { kind: 'aggregate', create };
