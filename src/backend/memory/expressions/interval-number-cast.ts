/**
 * CAST between ANSI intervals and integral/decimal numbers (Spark 3.5). The number
 * counts the interval's end field: `INTERVAL '1-2' YEAR TO MONTH` ↔ 14,
 * `INTERVAL '1' YEAR` ↔ 1, `INTERVAL '1:30' HOUR TO MINUTE` ↔ 90.
 *
 * - interval → integral truncates toward zero (-10.9 seconds → -10);
 * - interval → decimal: a DAY/HOUR/MINUTE (YEAR/MONTH) end gives the whole count,
 *   a SECOND end the exact seconds with 6 decimals, then rounded HALF_UP to the target scale;
 * - integral → interval multiplies exactly; decimal → interval rounds HALF_UP to whole
 *   months or microseconds (`CAST(80.654321 AS INTERVAL HOUR TO MINUTE)` keeps its 39.25926 s).
 *
 * A value that does not fit raises CAST_OVERFLOW / NUMERIC_VALUE_OUT_OF_RANGE with or
 * without ANSI mode (TRY_CAST turns those into null).
 */
import { ByteType, DataType, DayTimeIntervalType, DecimalType, IntegerType, LongType, ShortType, YearMonthIntervalType } from '../../../types/data-types.js';
import { DAY_TIME_UNIT_MICROS } from '../../../types/intervals.js';
import { divHalfUp, pow10, toDecimalType } from '../runtime/decimal.js';
import { LONG_MAX, LONG_MIN, normLong, toBigInt, type Long } from '../runtime/long.js';
import { castOverflow, outOfRange } from './cast-errors.js';

type AnsiInterval = YearMonthIntervalType | DayTimeIntervalType;
type Converter = (v: unknown) => unknown;

const INT_MIN = -(2n ** 31n);
const INT_MAX = 2n ** 31n - 1n;
const RANGE = new Map<string, [bigint, bigint]>([
  ['byte', [-128n, 127n]],
  ['short', [-32768n, 32767n]],
  ['integer', [INT_MIN, INT_MAX]],
  ['long', [LONG_MIN, LONG_MAX]],
]);

const isIntegral = (t: DataType): boolean => t instanceof ByteType || t instanceof ShortType || t instanceof IntegerType || t instanceof LongType;
const isAnsiInterval = (t: DataType): t is AnsiInterval => t instanceof YearMonthIntervalType || t instanceof DayTimeIntervalType;

/** Whether CAST(from AS to) is one of the interval ↔ integral/decimal casts. */
export function isIntervalNumberCast(from: DataType, to: DataType): boolean {
  return (isAnsiInterval(from) && (isIntegral(to) || to instanceof DecimalType)) || ((isIntegral(from) || from instanceof DecimalType) && isAnsiInterval(to));
}

/** Months or microseconds in one unit of the interval type's end field. */
function endUnit(t: AnsiInterval): bigint {
  if (t instanceof YearMonthIntervalType) return t.endField === YearMonthIntervalType.YEAR ? 12n : 1n;
  return BigInt(DAY_TIME_UNIT_MICROS[t.endField]!);
}

const isSecondEnd = (t: AnsiInterval): boolean => t instanceof DayTimeIntervalType && t.endField === DayTimeIntervalType.SECOND;

/** The converter of non-null values for an `isIntervalNumberCast` pair. */
export function intervalNumberCaster(from: DataType, to: DataType, tz: string): Converter {
  if (isAnsiInterval(from)) {
    const unit = endUnit(from);
    if (to instanceof DecimalType) {
      // A SECOND end keeps the microseconds as 6 decimals; other ends count whole units.
      const [scale, dec] = isSecondEnd(from) ? [6, (v: bigint) => v] : [0, (v: bigint) => v / unit];
      const shown = new DecimalType(38, scale);
      return (v) => {
        const d = dec(toBigInt(v as Long));
        const r = toDecimalType(d, scale, to);
        if (r === null) throw outOfRange(d, shown, to, tz);
        return r;
      };
    }
    const [lo, hi] = RANGE.get(to.typeName())!;
    return (v) => {
      const n = toBigInt(v as Long) / unit;
      if (n < lo || n > hi) throw castOverflow(v, from, to, tz);
      return normLong(n);
    };
  }
  const target = to as AnsiInterval;
  const unit = endUnit(target);
  const [lo, hi] = target instanceof YearMonthIntervalType ? [INT_MIN, INT_MAX] : [LONG_MIN, LONG_MAX];
  const scaled: (v: unknown) => bigint =
    from instanceof DecimalType ? (v) => divHalfUp((v as bigint) * unit, pow10(from.scale)) : (v) => toBigInt(v as Long) * unit;
  return (v) => {
    const n = scaled(v);
    if (n < lo || n > hi) throw castOverflow(v, from, to, tz);
    return normLong(n);
  };
}
