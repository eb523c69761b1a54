/**
 * Spark 3.5's typing of functions over ANSI intervals (beyond the operators of
 * interval-arithmetic.ts): try_add / try_subtract / try_multiply / try_divide
 * with a datetime or interval operand (Spark's TryEval over the ANSI operator,
 * so the operator's own rewrite applies and any error becomes NULL), `div` of
 * two intervals of one kind, abs, signum and width_bucket. Each becomes an
 * internal function (functions/defs/interval-math.ts) named as written.
 */
import type { Call, Expr } from '../expr/nodes.js';
import { E, typeOf } from '../expr/nodes.js';
import { exprSql } from '../expr/naming.js';
import { findTightestCommonType } from '../types/coercion.js';
import { DateType, TimestampNTZType, TimestampType, YearMonthIntervalType, type DataType } from '../types/data-types.js';
import { isAnsiInterval, isIntervalType } from '../types/intervals.js';

type Resolve = (call: Call, args: readonly Expr[]) => Expr;
type CastTo = (e: Expr, to: DataType) => Expr;
/** The operator rewrite (operator-coercion.ts), for the operator inside try_*. */
type RewriteOperator = (call: Call, args: readonly Expr[]) => Expr | undefined;

const TRY_OPERATORS: Record<string, string> = { try_add: 'add', try_subtract: 'subtract', try_multiply: 'multiply', try_divide: 'divide' };

const INTERVAL_AGGREGATES: Record<string, string> = {
  sum: 'interval_sum',
  try_sum: 'interval_try_sum',
  avg: 'interval_avg',
  mean: 'interval_avg',
  try_avg: 'interval_try_avg',
};

const isDatetimeOrInterval = (t: DataType): boolean =>
  isIntervalType(t) || t instanceof DateType || t instanceof TimestampType || t instanceof TimestampNTZType;

/** Two ANSI intervals of one kind (year-month or day-time). */
const sameIntervalKind = (a: DataType, b: DataType): boolean =>
  isAnsiInterval(a) && isAnsiInterval(b) && (a instanceof YearMonthIntervalType) === (b instanceof YearMonthIntervalType);

/** Internal calls of sql/ordered-set.ts that only the rewrite below resolves (no registered function). */
export const ORDERED_SET_INTERNALS: ReadonlySet<string> = new Set(['ordered_set_number', 'ordered_set_result']);

/** The rewrite of a function call over interval (or, for try_*, datetime) arguments, or undefined. */
export function rewriteIntervalFunction(call: Call, args: readonly Expr[], resolve: Resolve, castTo: CastTo, rewriteOp: RewriteOperator): Expr | undefined {
  // Every rewrite but the ordered-set helpers' needs a datetime or interval argument: the common call
  // (every function resolved goes through here) leaves before building the names and closures below.
  if (call.fn !== 'ordered_set_number' && call.fn !== 'ordered_set_result' && !args.some((a) => isDatetimeOrInterval(typeOf(a)))) return undefined;
  const types = args.map(typeOf);
  // Named as the original call would be (`try_add(d, 1)`, `sign(i)`, `(a div b)`).
  const name = (): string => exprSql(E.call(call.fn, args, { ...(call.distinct ? { distinct: true } : {}), ...(call.options ? { options: call.options } : {}) }));
  const build = (fn: string, fnArgs: readonly Expr[], options: Record<string, unknown> = {}): Expr =>
    resolve(E.call(fn, fnArgs, { ...(call.distinct ? { distinct: true } : {}), options: { displaySql: name(), ...options } }), fnArgs);

  const base = TRY_OPERATORS[call.fn];
  if (base && args.length === 2 && types.some(isDatetimeOrInterval)) {
    const op = E.call(base, args, call.options ? { options: call.options } : {});
    const inner = rewriteOp(op, args) ?? resolve(op, args);
    return build('try_eval', [inner]);
  }
  if (call.fn === 'div' && args.length === 2 && sameIntervalKind(types[0]!, types[1]!)) {
    const common = findTightestCommonType(types[0]!, types[1]!)!;
    return build('interval_div', [castTo(args[0]!, common), castTo(args[1]!, common)]);
  }
  if (args.length === 1 && isAnsiInterval(types[0]!)) {
    if (call.fn === 'abs') return build('interval_abs', args);
    if (call.fn === 'signum') return build('interval_signum', args);
  }
  const aggregate = INTERVAL_AGGREGATES[call.fn];
  if (aggregate && args.length === 1 && isAnsiInterval(types[0]!)) return build(aggregate, args);
  // percentile_cont / percentile_disc (sql/ordered-set.ts): the collected values' numbers, the answer in their type.
  // (ORDERED_SET_INTERNALS: rewritten here, never registered.)
  if (call.fn === 'ordered_set_number' && args.length === 1) {
    return isAnsiInterval(types[0]!) ? resolve(E.call('interval_to_number', args), args) : args[0]!;
  }
  if (call.fn === 'ordered_set_result' && args.length === 2) {
    // The second argument, an element of the collected values, only tells their type; it is not evaluated.
    if (!isAnsiInterval(types[1]!)) return args[0]!;
    const from = E.call('interval_from_number', [args[0]!], { options: { yearMonth: types[1] instanceof YearMonthIntervalType } });
    return resolve(from, [args[0]!]);
  }
  // median / percentile: Spark's exact percentile of the values as doubles, truncated back to the kind's full type.
  if ((call.fn === 'median' || call.fn === 'percentile') && args.length >= 1 && isAnsiInterval(types[0]!)) {
    const asNumber = resolve(E.call('interval_to_number', [args[0]!]), [args[0]!]);
    const innerArgs = [asNumber, ...args.slice(1)];
    const inner = resolve(E.call(call.fn, innerArgs, call.distinct ? { distinct: true } : {}), innerArgs);
    return build('interval_from_number', [inner], { yearMonth: types[0] instanceof YearMonthIntervalType });
  }
  if (call.fn === 'width_bucket' && args.length === 4 && isAnsiInterval(types[0]!)) {
    return build('interval_width_bucket', args);
  }
  return undefined;
}
