/**
 * The errors a CAST raises when its value does not fit the target type:
 * CAST_OVERFLOW (integral narrowing, intervals ↔ numbers) and
 * NUMERIC_VALUE_OUT_OF_RANGE (decimals), with values quoted as Spark quotes them.
 */
import { ByteType, DataType, DecimalType, DoubleType, FloatType, LongType, ShortType, StringType } from '../../../types/data-types.js';
import { castToString } from '../../../format/value-string.js';
import { ArithmeticException } from '../../../errors/runtime-exceptions.js';

export const BYPASS = '"spark.sql.ansi.enabled"';

/** A value as Spark's messages quote it: a SQL literal (`'abc'`, `300`, `3000000000L`, `1.0E20D`, `INTERVAL '1' DAY`). */
export function sqlValue(v: unknown, t: DataType, tz: string): string {
  const s = castToString(v, t, tz);
  if (t instanceof StringType) return `'${s}'`;
  const suffix = t instanceof LongType ? 'L' : t instanceof ShortType ? 'S' : t instanceof ByteType ? 'Y' : t instanceof DoubleType ? 'D' : t instanceof FloatType ? 'F' : t instanceof DecimalType ? 'BD' : '';
  return `${s}${suffix}`;
}

export function castOverflow(v: unknown, from: DataType, to: DataType, tz: string): ArithmeticException {
  const value = sqlValue(v, from, tz);
  return new ArithmeticException(
    `The value ${value} of the type "${from.sql()}" cannot be cast to "${to.sql()}" due to an overflow. Use \`try_cast\` to tolerate overflow and return NULL instead. If necessary set ${BYPASS} to "false" to bypass this error.`,
    { errorClass: 'CAST_OVERFLOW', messageParameters: { value, sourceType: `"${from.sql()}"`, targetType: `"${to.sql()}"`, ansiConfig: BYPASS } },
  );
}

/** `value` is shown as `castToString(v, from)` (a decimal as its plain digits, `10.123000`). */
export function outOfRange(v: unknown, from: DataType, to: DecimalType, tz: string): ArithmeticException {
  const value = castToString(v, from, tz);
  return new ArithmeticException(
    `${value} cannot be represented as Decimal(${to.precision}, ${to.scale}). If necessary set ${BYPASS} to "false" to bypass this error, and return NULL instead.`,
    { errorClass: 'NUMERIC_VALUE_OUT_OF_RANGE', messageParameters: { value, precision: String(to.precision), scale: String(to.scale), config: BYPASS } },
  );
}
