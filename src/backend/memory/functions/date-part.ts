/** date_part / datepart / extract of a date or timestamp field (interval.ts handles interval sources). */
import { ExecutionException } from '../../../errors/index.js';
import { DecimalType, TimestampNTZType, TimestampType } from '../../../types/data-types.js';
import { sessionZone } from '../context.js';
import { pow10 } from '../runtime/decimal.js';
import { MICROS_PER_DAY, MICROS_PER_SECOND, dayOfYear, isoDayOfWeek, isoWeek, localFields, toLocalMicros } from '../runtime/datetime.js';
import type { FunctionImpl } from './types.js';
import { argType, compiled, isNullish, literalArg, resultType } from './util.js';

const FIELD_ALIASES: Record<string, string> = {
  year: 'YEAR', y: 'YEAR', years: 'YEAR', yr: 'YEAR', yrs: 'YEAR',
  yearofweek: 'YEAROFWEEK',
  quarter: 'QUARTER', qtr: 'QUARTER',
  month: 'MONTH', mon: 'MONTH', mons: 'MONTH', months: 'MONTH',
  week: 'WEEK', w: 'WEEK', weeks: 'WEEK',
  day: 'DAY', d: 'DAY', days: 'DAY',
  dayofweek: 'DAYOFWEEK', dow: 'DAYOFWEEK',
  dayofweek_iso: 'DOW_ISO', dow_iso: 'DOW_ISO',
  doy: 'DOY',
  hour: 'HOUR', h: 'HOUR', hours: 'HOUR', hr: 'HOUR', hrs: 'HOUR',
  minute: 'MINUTE', m: 'MINUTE', min: 'MINUTE', mins: 'MINUTE', minutes: 'MINUTE',
  second: 'SECOND', s: 'SECOND', sec: 'SECOND', seconds: 'SECOND', secs: 'SECOND',
};

/** date_part(field, source) / extract(field FROM source). */
const datePart = compiled((args, call, ctx) => {
  const lit = literalArg(call, 0);
  const srcType = argType(call, 1);
  const zone = sessionZone(ctx);
  const rt = resultType(call);
  const fieldOf = (f: unknown): string => {
    const key = FIELD_ALIASES[String(f).toLowerCase()];
    if (!key) throw new ExecutionException(`The value '${String(f)}' of the field is invalid for the function date_part.`, { errorClass: 'INVALID_EXTRACT_FIELD' });
    return key;
  };
  // A NULL field (typed at analysis as a NULL double) gives NULL.
  if (lit && isNullish(lit.value)) return () => null;
  const fixed = lit ? fieldOf(lit.value) : undefined;
  return (i) => {
    const field = fixed ?? (() => {
      const f = args[0]!(i);
      return isNullish(f) ? undefined : fieldOf(f);
    })();
    const v = args[1]!(i);
    if (field === undefined || isNullish(v)) return null;
    let local: number;
    if (srcType instanceof TimestampType) local = toLocalMicros(v as number, zone);
    else if (srcType instanceof TimestampNTZType) local = v as number;
    else local = (v as number) * MICROS_PER_DAY;
    const f = localFields(local);
    switch (field) {
      case 'YEAR':
        return f.year;
      case 'YEAROFWEEK':
        return isoWeek(f.days).year;
      case 'QUARTER':
        return Math.floor((f.month - 1) / 3) + 1;
      case 'MONTH':
        return f.month;
      case 'WEEK':
        return isoWeek(f.days).week;
      case 'DAY':
        return f.day;
      case 'DAYOFWEEK':
        return (isoDayOfWeek(f.days) % 7) + 1;
      case 'DOW_ISO':
        return isoDayOfWeek(f.days);
      case 'DOY':
        return dayOfYear(f.days);
      case 'HOUR':
        return f.hour;
      case 'MINUTE':
        return f.minute;
      default: {
        const micros = f.second * MICROS_PER_SECOND + f.micros;
        return rt instanceof DecimalType ? BigInt(micros) * pow10(rt.scale) / 1_000_000n : rt.typeName() === 'double' ? micros / MICROS_PER_SECOND : f.second;
      }
    }
  };
});

export const datePartImpls: Record<string, FunctionImpl> = {
  date_part: datePart,
  datepart: datePart,
  extract: datePart,
};
