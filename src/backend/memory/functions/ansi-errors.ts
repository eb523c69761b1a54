/** Errors shared by the ANSI-mode wrappers (ansi.ts, ansi-datetime.ts): array indices, decimal overflow. */
import { ArithmeticException, ArrayIndexOutOfBoundsException } from '../../../errors/runtime-exceptions.js';
import type { DecimalType } from '../../../types/data-types.js';
import { takesQueryContext } from '../../../errors/query-context.js';
import { decimalToPlainString, divHalfUp, pow10 } from '../runtime/decimal.js';

const BYPASS = '"spark.sql.ansi.enabled"';

/** INVALID_ARRAY_INDEX(_IN_ELEMENT_AT): element_at, `a[i]` and elt out of range. */
export function invalidArrayIndex(idx: number, size: number, elementAt: boolean): ArrayIndexOutOfBoundsException {
  const alternative = elementAt
    ? 'Use `try_element_at` to tolerate accessing element at invalid index and return NULL instead.'
    : 'Use the SQL function `get()` to tolerate accessing element at invalid index and return NULL instead.';
  return takesQueryContext(new ArrayIndexOutOfBoundsException(
    `The index ${idx} is out of bounds. The array has ${size} elements. ${alternative} If necessary set ${BYPASS} to "false" to bypass this error.`,
    {
      errorClass: elementAt ? 'INVALID_ARRAY_INDEX_IN_ELEMENT_AT' : 'INVALID_ARRAY_INDEX',
      messageParameters: { indexValue: String(idx), arraySize: String(size), ansiConfig: BYPASS },
    },
  ));
}

/** NUMERIC_VALUE_OUT_OF_RANGE: a decimal result beyond its type's precision (`value` as Spark prints it). */
export function numericOutOfRange(value: string, to: DecimalType): ArithmeticException {
  return new ArithmeticException(
    `${value} cannot be represented as Decimal(${to.precision}, ${to.scale}). If necessary set ${BYPASS} to "false" to bypass this error, and return NULL instead.`,
    { errorClass: 'NUMERIC_VALUE_OUT_OF_RANGE', messageParameters: { value, precision: String(to.precision), scale: String(to.scale), config: BYPASS } },
  );
}

const MAX_PRECISION = 38;
/** Spark's decimal division keeps 39 fractional digits (HALF_UP) before fitting the result type. */
const DIVISION_SCALE = 39;

const digitCount = (u: bigint): number => (u < 0n ? -u : u).toString().length;

/**
 * The exact value Spark computed before finding it does not fit the result type, as its
 * message prints it: sums at the larger operand scale, products rounded (HALF_UP) to 38
 * significant digits, quotients at 39 fractional digits.
 */
export function decimalOpValue(op: '+' | '-' | '*' | '/', x: bigint, sx: number, y: bigint, sy: number): string {
  if (op === '+' || op === '-') {
    const s = Math.max(sx, sy);
    const a = x * pow10(s - sx);
    const b = y * pow10(s - sy);
    return decimalToPlainString(op === '+' ? a + b : a - b, s);
  }
  if (op === '*') {
    let u = x * y;
    let s = sx + sy;
    const extra = digitCount(u) - MAX_PRECISION;
    if (extra > 0) {
      u = divHalfUp(u, pow10(extra));
      s -= extra;
    }
    return decimalToPlainString(u, s);
  }
  return decimalToPlainString(divHalfUp(x * pow10(sy + DIVISION_SCALE), y * pow10(sx)), DIVISION_SCALE);
}
