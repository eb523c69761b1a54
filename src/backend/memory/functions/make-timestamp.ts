/** Timestamps built from fields (make_timestamp, make_timestamp_ltz/_ntz) or from local text (to_timestamp_ntz). */
import { DecimalType, TimestampNTZType } from '../../../types/data-types.js';
import { sessionZone } from '../context.js';
import { castValue } from '../expressions/cast.js';
import { rescale } from '../runtime/decimal.js';
import { MICROS_PER_DAY, MICROS_PER_SECOND, daysFromCivil, fromLocalMicros, isValidDate } from '../runtime/datetime.js';
import { zoneOrThrow } from '../runtime/datetime-parse.js';
import { parseDateTime } from '../runtime/datetime-pattern-parse.js';
import { tokenizeForParsing } from '../runtime/datetime-format.js';
import { IllegalArgumentException, SparkRuntimeException, SparkUpgradeException } from '../../../errors/index.js';
import type { FunctionImpl } from './types.js';
import { argType, compiled, isNullish } from './util.js';

/** make_timestamp(y, mo, d, h, mi, sec[, tz]): sec may carry microseconds; 60 seconds rolls into the next minute. */
function makeTimestamp(kind: 'ltz' | 'ntz'): FunctionImpl {
  return compiled((args, call, ctx) => {
    const secType = argType(call, 5);
    const session = sessionZone(ctx);
    return (i) => {
      const vals = args.map((f) => f(i));
      if (vals.slice(0, 6).some(isNullish)) return null;
      // Spark resolves the zone argument before it validates the fields: an unknown zone is an error.
      const tzText = vals.length > 6 ? vals[6] : undefined;
      const zone = kind === 'ntz' || tzText === undefined ? session : isNullish(tzText) ? undefined : zoneOrThrow(tzText as string);
      const [y, mo, d, h, mi] = vals.slice(0, 5).map((x) => Number(x)) as [number, number, number, number, number];
      let micros: number;
      const sec = vals[5];
      if (secType instanceof DecimalType) micros = Number(rescale(sec as bigint, secType.scale, 6));
      else micros = Math.round(Number(sec) * MICROS_PER_SECOND);
      if (!isValidDate(y, mo, d) || h < 0 || h > 23 || mi < 0 || mi > 59 || micros < 0) return null;
      if (micros >= 60 * MICROS_PER_SECOND) {
        if (micros !== 60 * MICROS_PER_SECOND) return null;
      }
      const local = daysFromCivil(y, mo, d) * MICROS_PER_DAY + (h * 3600 + mi * 60) * MICROS_PER_SECOND + micros;
      if (kind === 'ntz') return local;
      return zone ? fromLocalMicros(local, zone) : null;
    };
  });
}

/** to_timestamp_ntz(s[, fmt]): local date-time text as TIMESTAMP_NTZ. */
const toTimestampNtz = compiled((args, call, ctx) => {
  const t = argType(call, 0);
  const plain = castValue(t, new TimestampNTZType(), ctx);
  return (i) => {
    const v = args[0]!(i);
    if (isNullish(v)) return null;
    if (args.length < 2) return plain(v);
    const fmt = args[1]!(i);
    if (isNullish(fmt)) return null;
    ntzPattern(fmt as string);
    const p = parseDateTime(String(v), fmt as string);
    return p ? p.local : null;
  };
});

/**
 * A pattern the parser refuses: Spark's TIMESTAMP_NTZ formatter has no legacy fallback, so it is
 * neither DATETIME_PATTERN_RECOGNITION nor java's IllegalArgumentException but one runtime error.
 */
function ntzPattern(pattern: string): void {
  try {
    tokenizeForParsing(pattern);
  } catch (e) {
    if (!IllegalArgumentException.isIllegalArgumentException(e) && !SparkUpgradeException.isSparkUpgradeException(e)) throw e;
    const docroot = 'https://spark.apache.org/docs/latest';
    throw new SparkRuntimeException(
      `Fail to recognize '${`'${pattern}'`}' pattern in the DateTimeFormatter. You can form a valid datetime pattern with the guide from '${docroot}/sql-ref-datetime-pattern.html'.`,
      { errorClass: '_LEGACY_ERROR_TEMP_2130', messageParameters: { pattern: `'${pattern}'`, docroot } },
    );
  }
}

export const makeTimestampImpls: Record<string, FunctionImpl> = {
  make_timestamp: makeTimestamp('ltz'),
  make_timestamp_ltz: makeTimestamp('ltz'),
  make_timestamp_ntz: makeTimestamp('ntz'),
  to_timestamp_ntz: toTimestampNtz,
};
