/**
 * spark.sql.ansi.enabled=true in the interpreter: the functions whose result
 * Spark 3.5 changes under ANSI mode raise its errors instead of wrapping or
 * returning null (ARITHMETIC_OVERFLOW, DIVIDE_BY_ZERO, INVALID_ARRAY_INDEX...).
 * Each wraps the non-ANSI implementation, which still runs when the flag is off.
 */
import type { Call } from '../../../expr/nodes.js';
import { ArrayType, ByteType, DecimalType, DoubleType, FloatType, ShortType, type DataType } from '../../../types/data-types.js';
import { ArithmeticException } from '../../../errors/runtime-exceptions.js';
import { takesQueryContext } from '../../../errors/query-context.js';
import { InternalError, NotImplementedException } from '../../../errors/index.js';
import type { ExecContext } from '../context.js';
import { divHalfEven, divHalfUp, pow10 } from '../runtime/decimal.js';
import { normLong, toBigInt, type Long } from '../runtime/long.js';
import { INT_RANGES } from './checked-arithmetic.js';
import { ansiDateTimeImpls } from './ansi-datetime.js';
import { decimalOpValue, invalidArrayIndex, numericOutOfRange } from './ansi-errors.js';
import type { Accumulator, AggregateImpl, FunctionImpl, GroupedInput, RowFn, ScalarImpl } from './types.js';
import { argType, binary, compiled, isNullish, resultType, indexOfZeroError } from './util.js';

const BYPASS = '"spark.sql.ansi.enabled"';
const RANGES = INT_RANGES;

/** ARITHMETIC_OVERFLOW, with the try_ function to suggest (none for unary minus and abs). */
export function arithmeticOverflow(t: DataType, tryFn?: string): ArithmeticException {
  const message = `${t.typeName() === 'long' ? 'long' : 'integer'} overflow`;
  const alternative = tryFn ? ` Use '${tryFn}' to tolerate overflow and return NULL instead.` : '';
  return new ArithmeticException(`${message}.${alternative} If necessary set ${BYPASS} to "false" to bypass this error.`, {
    errorClass: 'ARITHMETIC_OVERFLOW',
    messageParameters: { message, alternative, config: BYPASS },
  });
}

export function divideByZero(): ArithmeticException {
  return new ArithmeticException(
    `Division by zero. Use \`try_divide\` to tolerate divisor being 0 and return NULL instead. If necessary set ${BYPASS} to "false" to bypass this error.`,
    { errorClass: 'DIVIDE_BY_ZERO', messageParameters: { config: BYPASS } },
  );
}

type Compile = (args: readonly RowFn[], call: Call, ctx: ExecContext) => RowFn;
const compileOf = (impl: FunctionImpl): Compile => {
  const s = impl as ScalarImpl;
  if (!s.compile) throw new InternalError('ANSI wrapper over a non-compiled implementation');
  return s.compile.bind(s) as Compile;
};

/** `+`, `-`, `*` on integral types: exact, else ARITHMETIC_OVERFLOW (BINARY_ARITHMETIC_OVERFLOW for tinyint/smallint). */
function exactArith(base: FunctionImpl, symbol: '+' | '-' | '*', tryFn: string): ScalarImpl {
  const plain = compileOf(base);
  return compiled((args, call, ctx) => {
    const t = resultType(call);
    const range = RANGES[t.typeName()];
    if (ctx.ansiEnabled && t instanceof DecimalType) return decimalOverflowRaises(plain(args, call, ctx), args, call, symbol);
    if (!ctx.ansiEnabled || !range) return plain(args, call, ctx);
    const [lo, hi] = range;
    const small = t instanceof ByteType || t instanceof ShortType;
    return binary(args[0]!, args[1]!, (x: Long, y: Long) => {
      const bx = toBigInt(x);
      const by = toBigInt(y);
      const r = symbol === '+' ? bx + by : symbol === '-' ? bx - by : bx * by;
      if (r >= lo && r <= hi) return normLong(r);
      // Spark gives the binary operators' overflow the query context (not unary minus's or sum's).
      if (!small) throw takesQueryContext(arithmeticOverflow(t, tryFn));
      throw new ArithmeticException(`${x}S ${symbol} ${y}S caused overflow.`, {
        errorClass: 'BINARY_ARITHMETIC_OVERFLOW',
        messageParameters: { value1: `${x}S`, symbol, value2: `${y}S` },
      });
    });
  });
}

/** Unary minus and abs: the most negative value has no positive counterpart. */
function exactUnary(base: FunctionImpl): ScalarImpl {
  const plain = compileOf(base);
  return compiled((args, call, ctx) => {
    const t = resultType(call);
    const range = RANGES[t.typeName()];
    if (!ctx.ansiEnabled || !range) return plain(args, call, ctx);
    const inner = plain(args, call, ctx);
    const min = range[0];
    // tinyint and smallint fail in Java's own negation, without an error class.
    const small = t instanceof ByteType || t instanceof ShortType;
    return (i) => {
      const x = args[0]!(i);
      if (!isNullish(x) && toBigInt(x as Long) === min) {
        throw small ? new ArithmeticException(`- ${x} caused overflow.`, {}) : arithmeticOverflow(t);
      }
      return inner(i);
    };
  });
}

const isZero = (v: unknown): boolean => v === 0 || v === 0n;

/** `/`, `div`, `%`, pmod: a zero divisor raises DIVIDE_BY_ZERO (a null dividend still gives null); a decimal `/` that overflows raises. */
function checkedDivisor(base: FunctionImpl, op?: '/'): ScalarImpl {
  const plain = compileOf(base);
  return compiled((args, call, ctx) => {
    if (!ctx.ansiEnabled) return plain(args, call, ctx);
    const [a, b] = args as [RowFn, RowFn];
    const divisor: RowFn = (i) => {
      const y = b(i);
      if (isZero(y)) throw takesQueryContext(divideByZero());
      return y;
    };
    // The non-ANSI evaluator over the checked values; binary() reads the dividend first,
    // so a null dividend never checks the divisor, as in Spark.
    const cur: unknown[] = [null, null];
    const operands: RowFn[] = [() => cur[0], () => cur[1]];
    const plainOf = plain(operands, call, ctx);
    const f = op === '/' && resultType(call) instanceof DecimalType ? decimalOverflowRaises(plainOf, operands, call, '/') : plainOf;
    return binary(a, divisor, (x: unknown, y: unknown) => {
      cur[0] = x;
      cur[1] = y;
      return f(0);
    });
  });
}

/** element_at(array, i) (1-based) and array[i] (0-based): an index out of range raises. */
function checkedIndex(base: FunctionImpl, elementAt: boolean): ScalarImpl {
  const plain = compileOf(base);
  return compiled((args, call, ctx) => {
    const inner = plain(args, call, ctx);
    if (!ctx.ansiEnabled || !(argType(call, 0) instanceof ArrayType)) return inner;
    return (i) => {
      const arr = args[0]!(i) as unknown[] | null | undefined;
      const idx = args[1]!(i) as number | null | undefined;
      if (!isNullish(arr) && !isNullish(idx)) {
        const size = arr.length;
        if (elementAt && idx === 0) {
          // With a query context under ANSI only (the non-ANSI element_at raises it without).
          throw takesQueryContext(indexOfZeroError());
        }
        const ok = elementAt ? Math.abs(idx) <= size : idx >= 0 && idx < size;
        if (!ok) throw invalidArrayIndex(idx, size, elementAt);
      }
      return inner(i);
    };
  });
}

/**
 * A decimal result the non-ANSI code nulled from non-null operands overflowed its type:
 * ANSI raises NUMERIC_VALUE_OUT_OF_RANGE with the exact value (a zero divisor is checked before).
 */
function decimalOverflowRaises(inner: RowFn, args: readonly RowFn[], call: Call, op: '+' | '-' | '*' | '/'): RowFn {
  const rt = resultType(call) as DecimalType;
  const [sx, sy] = [argType(call, 0), argType(call, 1)].map((t) => (t as DecimalType).scale) as [number, number];
  return (i) => {
    const r = inner(i);
    if (r !== null) return r;
    const [x, y] = [args[0]!(i), args[1]!(i)];
    if (isNullish(x) || isNullish(y)) return r;
    throw takesQueryContext(numericOutOfRange(decimalOpValue(op, x as bigint, sx, y as bigint, sy), rt));
  };
}

const notUnderAnsi = (what: string): NotImplementedException =>
  new NotImplementedException(`${what} under spark.sql.ansi.enabled=true`, 'Spark raises an ANSI error here that sparkless does not model; unset it or use the connect backend');

/** size/cardinality: NULL for a NULL collection under ANSI (spark.sql.legacy.sizeOfNull is ignored), -1 otherwise. */
function ansiSize(base: FunctionImpl): ScalarImpl {
  const plain = compileOf(base);
  return compiled((args, call, ctx) => {
    const inner = plain(args, call, ctx);
    return ctx.ansiEnabled ? (i) => (isNullish(args[0]!(i)) ? null : inner(i)) : inner;
  });
}

/** ARITHMETIC_OVERFLOW with java's bare "Overflow" (integral round/bround). */
function plainOverflow(): ArithmeticException {
  return new ArithmeticException(`Overflow. If necessary set ${BYPASS} to "false" to bypass this error.`, {
    errorClass: 'ARITHMETIC_OVERFLOW',
    messageParameters: { message: 'Overflow', alternative: '', config: BYPASS },
  });
}

/**
 * round/bround of integral values under ANSI: rounded exactly (to tens, hundreds... for a
 * negative scale) and ARITHMETIC_OVERFLOW when the result leaves the type, where the
 * non-ANSI code wraps.
 */
function ansiRound(base: FunctionImpl, mode: (n: bigint, d: bigint) => bigint): ScalarImpl {
  const plain = compileOf(base);
  return compiled((args, call, ctx) => {
    const t = resultType(call);
    const range = RANGES[t.typeName()];
    if (!ctx.ansiEnabled || !range) return plain(args, call, ctx);
    const [lo, hi] = range;
    const scaleOf: RowFn = args[1] ?? (() => 0);
    return (i) => {
      const v = args[0]!(i);
      if (isNullish(v)) return null;
      const scale = scaleOf(i);
      if (isNullish(scale)) return null;
      if ((scale as number) >= 0) return v;
      const unit = pow10(-(scale as number));
      const r = mode(toBigInt(v as Long), unit) * unit;
      if (r < lo || r > hi) throw takesQueryContext(plainOverflow());
      return t.typeName() === 'long' ? normLong(r) : Number(r);
    };
  });
}

/**
 * sum under ANSI: integral sums add exactly in row order and raise ARITHMETIC_OVERFLOW as
 * soon as the running sum leaves BIGINT (Spark's addExact); the vectorized path is skipped.
 * Decimal sums are guarded (guardedDecimal).
 */
function ansiSum(base: FunctionImpl): AggregateImpl {
  const agg = base as AggregateImpl;
  const exact = (call: Call, ctx: ExecContext): boolean => ctx.ansiEnabled === true && exactSum(call);
  return {
    kind: 'aggregate',
    create: (call, ctx) => {
      if (!exact(call, ctx)) return agg.create(call, ctx);
      const t = resultType(call);
      if (t instanceof DecimalType) return guardedDecimal(agg.create(call, ctx), t.precision, 'sum');
      const [lo, hi] = RANGES['long']!;
      const check = (r: bigint): bigint => {
        if (r < lo || r > hi) throw arithmeticOverflow(t, 'try_add');
        return r;
      };
      let acc = 0n;
      let seen = 0;
      return {
        add: (a) => {
          if (isNullish(a[0])) return;
          acc = check(acc + toBigInt(a[0] as Long));
          seen++;
        },
        remove: (a) => {
          if (isNullish(a[0])) return;
          acc -= toBigInt(a[0] as Long);
          seen--;
        },
        result: () => (seen > 0 ? normLong(check(acc)) : null),
      };
    },
    ...(agg.grouped ? { grouped: (call: Call, ctx: ExecContext, input: Parameters<NonNullable<AggregateImpl['grouped']>>[2]) => (exact(call, ctx) ? undefined : agg.grouped!(call, ctx, input)) } : {}),
  };
}

/**
 * A decimal sum or avg under ANSI whose totals may exceed the sum's precision is refused:
 * where Spark raises then depends on how its plan splits the rows (NUMERIC_VALUE_OUT_OF_RANGE
 * or "Overflow in sum of decimals"). The positive and the negative values are totalled
 * apart, so no subset of the rows can overflow when neither does; otherwise the non-ANSI
 * result is Spark's. An avg the non-ANSI code nulls (its result type overflowed) is refused too.
 */
function guardedDecimal(inner: Accumulator, precision: number, what: 'sum' | 'avg'): Accumulator {
  const limit = pow10(precision);
  let pos = 0n;
  let neg = 0n;
  let seen = 0;
  const track = (v: unknown, sign: 1n | -1n, count: number): void => {
    if (isNullish(v)) return;
    const x = (v as bigint) * sign;
    if (x >= 0n) pos += x;
    else neg += x;
    seen += count;
  };
  return {
    add: (a) => {
      track(a[0], 1n, 1);
      inner.add(a);
    },
    ...(inner.remove
      ? {
          remove: (a: readonly unknown[]) => {
            track(a[0], -1n, -1);
            inner.remove!(a);
          },
        }
      : {}),
    result: () => {
      const r = inner.result();
      if (pos >= limit || -neg >= limit || (seen > 0 && isNullish(r))) throw notUnderAnsi(`${what} of decimal values that may overflow`);
      return r;
    },
  };
}

/** avg of decimals under ANSI: guarded as sum (its buffer is decimal(p+10, s)). */
function ansiAvg(base: FunctionImpl): AggregateImpl {
  const agg = base as AggregateImpl;
  const decimalIn = (call: Call, ctx: ExecContext): DecimalType | undefined => {
    const t = argType(call, 0);
    return ctx.ansiEnabled && t instanceof DecimalType ? t : undefined;
  };
  return {
    kind: 'aggregate',
    create: (call, ctx) => {
      const t = decimalIn(call, ctx);
      return t ? guardedDecimal(agg.create(call, ctx), Math.min(38, t.precision + 10), 'avg') : agg.create(call, ctx);
    },
    ...(agg.grouped ? { grouped: (call: Call, ctx: ExecContext, input: GroupedInput) => (decimalIn(call, ctx) ? undefined : agg.grouped!(call, ctx, input)) } : {}),
  };
}

const exactSum = (call: Call): boolean => !(resultType(call) instanceof DoubleType || resultType(call) instanceof FloatType);

/** The ANSI-aware entries, over the table's non-ANSI ones. */
export function ansiImpls(table: Readonly<Record<string, FunctionImpl>>): Record<string, FunctionImpl> {
  const at = (n: string): FunctionImpl => table[n]!;
  return {
    add: exactArith(at('add'), '+', 'try_add'),
    subtract: exactArith(at('subtract'), '-', 'try_subtract'),
    multiply: exactArith(at('multiply'), '*', 'try_multiply'),
    negate: exactUnary(at('negate')),
    abs: exactUnary(at('abs')),
    divide: checkedDivisor(at('divide'), '/'),
    div: checkedDivisor(at('div')),
    remainder: checkedDivisor(at('remainder')),
    pmod: checkedDivisor(at('pmod')),
    element_at: checkedIndex(at('element_at'), true),
    get_item: checkedIndex(at('get_item'), false),
    size: ansiSize(at('size')),
    cardinality: ansiSize(at('cardinality')),
    sum: ansiSum(at('sum')),
    avg: ansiAvg(at('avg')),
    mean: ansiAvg(at('mean')),
    // Spark checks the overflow of rounding integers.
    round: ansiRound(at('round'), divHalfUp),
    bround: ansiRound(at('bround'), divHalfEven),
    // Invalid dates, times and day names raise under ANSI (CAST_INVALID_INPUT, CANNOT_PARSE_TIMESTAMP, DateTimeException).
    ...ansiDateTimeImpls(at),
  };
}
