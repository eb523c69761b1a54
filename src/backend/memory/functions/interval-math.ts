/**
 * The interpreter's side of analyzer/interval-functions.ts: TryEval (try_*
 * over datetimes and intervals), `div` of two intervals, abs, signum and
 * width_bucket of ANSI intervals. Year-month values are months (int),
 * day-time values microseconds (long: a number, or a bigint beyond 2^53).
 */
import { InternalError, NotImplementedException } from '../../../errors/index.js';
import { takesQueryContext } from '../../../errors/query-context.js';
import { YearMonthIntervalType } from '../../../types/data-types.js';
import { LONG_MIN, normLong, toBigInt, type Long } from '../runtime/long.js';
import { arithmeticOverflow, divideByZero } from './ansi.js';
import type { FunctionImpl } from './types.js';
import { argType, binary, compiled, isNullish, unary } from './util.js';
import { widthBucket } from './width-bucket.js';

const INT_MIN = -(2 ** 31);

export const intervalMathImpls: Record<string, FunctionImpl> = {
  /** Spark's TryEval: any failure of the argument (overflow, division by zero) is NULL. */
  try_eval: compiled(([child]) => (i) => {
    try {
      return child!(i);
    } catch (err) {
      // Not an evaluation failure: a missing feature or a bug must still surface.
      if (err instanceof NotImplementedException || err instanceof InternalError) throw err;
      return null;
    }
  }),
  /** Truncated quotient of two intervals of one kind; a zero divisor is NULL, or DIVIDE_BY_ZERO under ANSI. */
  interval_div: compiled((args, _call, ctx) =>
    binary(args[0]!, args[1]!, (x: Long, y: Long) => {
      const d = toBigInt(y);
      if (d === 0n) {
        if (ctx.ansiEnabled) throw takesQueryContext(divideByZero());
        return null;
      }
      return normLong(toBigInt(x) / d);
    }),
  ),
  /** abs: Math.absExact of the months (int) or microseconds (long); the minimum overflows in either mode (no query context). */
  interval_abs: compiled((args, call) => {
    const t = argType(call, 0);
    if (t instanceof YearMonthIntervalType) {
      return unary(args[0]!, (m: number) => {
        if (m === INT_MIN) throw arithmeticOverflow(t);
        return Math.abs(m);
      });
    }
    return unary(args[0]!, (us: Long) => {
      const b = toBigInt(us);
      if (b === LONG_MIN) throw arithmeticOverflow(t);
      return normLong(b < 0n ? -b : b);
    });
  }),
  interval_to_number: compiled((args) => unary(args[0]!, (v: Long) => Number(v))),
  /** Spark's `toInt` / `toLong` of the double percentile: truncated toward zero. */
  interval_from_number: compiled((args, call) => {
    const yearMonth = call.options?.['yearMonth'] === true;
    const one = (d: number): Long => (yearMonth ? Math.trunc(d) : normLong(BigInt(Math.trunc(d))));
    return unary(args[0]!, (v: number | number[]) => (Array.isArray(v) ? v.map(one) : one(v)));
  }),
  interval_signum: compiled((args) => unary(args[0]!, (v: Long) => Math.sign(Number(v)))),
  /** width_bucket on the intervals' months or microseconds as doubles (Spark's WidthBucket). */
  interval_width_bucket: compiled((args, call, ctx) => {
    const numeric = widthBucket;
    return (i) => {
      const v = args.map((f) => f(i));
      if (v.some(isNullish)) return null;
      return numeric.eval!(v.map(Number), ctx, call);
    };
  }),
};
