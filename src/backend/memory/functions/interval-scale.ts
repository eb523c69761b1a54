/**
 * ANSI interval × number and interval ÷ number (Spark's Multiply/Divide YM/DT Interval): the
 * arithmetic and the overflow error depend on the number's type, checked against Spark 3.5.7:
 * - integral: exact, HALF_UP division; overflow is Java's `integer overflow` / `long overflow`,
 *   and MIN ÷ -1 is INTERVAL_ARITHMETIC_OVERFLOW naming try_divide;
 * - decimal: exact BigDecimal arithmetic rounded HALF_UP; overflow is `Overflow`;
 * - float/double: double arithmetic rounded HALF_UP; overflow is `not in range`, NaN or
 *   infinity `input is infinite or NaN` (Guava's DoubleMath).
 * A zero divisor of any type is INTERVAL_DIVIDED_BY_ZERO.
 */
import { ArithmeticException } from '../../../errors/runtime-exceptions.js';
import { takesQueryContext } from '../../../errors/query-context.js';
import { DecimalType, FloatType, DoubleType, YearMonthIntervalType, type DataType } from '../../../types/data-types.js';
import type { Call } from '../../../expr/nodes.js';
import { argType, resultType, scalar } from './util.js';
import type { FunctionImpl } from './types.js';

const INT_MIN = -(2n ** 31n);
const INT_MAX = 2n ** 31n - 1n;
const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;

interface Limits {
  readonly min: bigint;
  readonly max: bigint;
  readonly word: string;
}
const limitsOf = (t: DataType): Limits =>
  t instanceof YearMonthIntervalType ? { min: INT_MIN, max: INT_MAX, word: 'integer overflow' } : { min: LONG_MIN, max: LONG_MAX, word: 'long overflow' };

/** A day-time value as the engine holds it: a number while safe, else a bigint. */
const normalized = (v: bigint): number | bigint => (v >= -(2n ** 53n) && v <= 2n ** 53n ? Number(v) : v);

/** |a / b| rounded half away from zero, for bigints (b ≠ 0). */
function divideHalfUp(a: bigint, b: bigint): bigint {
  const q = a / b;
  const r = a % b;
  const twice = 2n * (r < 0n ? -r : r);
  const away = (a < 0n) !== (b < 0n) ? -1n : 1n;
  return twice >= (b < 0n ? -b : b) ? q + away : q;
}

/** Guava's DoubleMath.roundToInt/Long(x, HALF_UP) as Spark calls it. */
function roundDouble(x: number, limits: Limits): bigint {
  if (!Number.isFinite(x)) throw new ArithmeticException('input is infinite or NaN');
  const z = Math.sign(x) * Math.round(Math.abs(x));
  if (z < Number(limits.min) || z >= -Number(limits.min)) throw new ArithmeticException('not in range');
  return BigInt(z);
}

function checked(v: bigint, limits: Limits, message: string): bigint {
  if (v < limits.min || v > limits.max) throw new ArithmeticException(message);
  return v;
}

const isFractional = (t: DataType): boolean => t instanceof DoubleType || t instanceof FloatType;

function multiply(value: unknown, factor: unknown, call: Call): number | bigint {
  const limits = limitsOf(resultType(call));
  const t = argType(call, 1);
  const v = BigInt(value as number | bigint);
  if (isFractional(t)) return normalized(roundDouble(Number(v) * (factor as number), limits));
  if (t instanceof DecimalType) {
    const product = divideHalfUp(v * (factor as bigint), 10n ** BigInt(t.scale));
    return normalized(checked(product, limits, 'Overflow'));
  }
  // Integral: multiplyExact in a long first (a long factor can overflow it), then toIntExact.
  const product = v * BigInt(factor as number | bigint);
  if (product < LONG_MIN || product > LONG_MAX) throw new ArithmeticException('long overflow');
  return normalized(checked(product, limits, limits.word));
}

function divide(value: unknown, divisor: unknown, call: Call): number | bigint {
  const limits = limitsOf(resultType(call));
  const t = argType(call, 1);
  const v = BigInt(value as number | bigint);
  const zero = t instanceof DecimalType || !isFractional(t) ? BigInt(divisor as number | bigint) === 0n : divisor === 0;
  if (zero) throw takesQueryContext(divideByZero());
  if (isFractional(t)) return normalized(roundDouble(Number(v) / (divisor as number), limits));
  if (t instanceof DecimalType) {
    const quotient = divideHalfUp(v * 10n ** BigInt(t.scale), divisor as bigint);
    return normalized(checked(quotient, limits, 'Overflow'));
  }
  const d = BigInt(divisor as number | bigint);
  if (d === -1n && v === limits.min) throw takesQueryContext(dividedByMinusOne());
  return normalized(divideHalfUp(v, d));
}

const divideByZero = (): ArithmeticException =>
  new ArithmeticException('Division by zero. Use `try_divide` to tolerate divisor being 0 and return NULL instead.', {
    errorClass: 'INTERVAL_DIVIDED_BY_ZERO',
  });

const dividedByMinusOne = (): ArithmeticException => {
  const message = 'Interval value overflows after being divided by -1';
  const alternative = "Use 'try_divide' to tolerate overflow and return NULL instead.";
  return new ArithmeticException(`${message}. ${alternative}`, {
    errorClass: 'INTERVAL_ARITHMETIC_OVERFLOW',
    messageParameters: { message, alternative },
  });
};

export const intervalScaleImpls: Record<string, FunctionImpl> = {
  interval_multiply: scalar((a, _ctx, call) => multiply(a[0], a[1], call)),
  interval_divide: scalar((a, _ctx, call) => divide(a[0], a[1], call)),
};
