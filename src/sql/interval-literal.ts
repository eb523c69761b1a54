/**
 * SQL interval literals (ANSI intervals, Spark 3.5's default): the from-to form
 * `INTERVAL '1-2' YEAR TO MONTH`, the multi-unit form `INTERVAL 2 HOURS 30 MINUTES`
 * (`INTERVAL '1' DAY` is one too) whose type spans the units written, and the typed
 * literal `INTERVAL '1 day 2 hours'`. Errors are Spark's, at the positions it reports:
 * the multi-unit and from-to errors at the first value, a mixed or typed literal at `INTERVAL`.
 */
import { ArithmeticException, ParseException } from '../errors/index.js';
import { E, type Expr } from '../expr/nodes.js';
import { DayTimeIntervalType, YearMonthIntervalType } from '../types/data-types.js';
import { MICROS_PER_DAY } from '../types/intervals.js';
import { sqlParseError } from './errors.js';
import { isFailure, readFromTo, readIntervalText, type IntervalText } from './interval-text.js';

export { isUnitKeyword as isIntervalUnit } from './interval-text.js';

/** One `[+|-]<value> <unit>` pair as written. */
export interface IntervalPart {
  /** The value as written: the string's contents, or the number's text. */
  readonly raw: string;
  readonly quoted: boolean;
  /** A `-` written before the value. */
  readonly negative: boolean;
  /** A sign written before the value (`+1`), kept in the text Spark parses. */
  readonly sign: string;
  readonly unit: string;
  /** Offset of the value (its sign included) in the query. */
  readonly at: number;
}

/** A Spark parse error without an error class (Spark wraps the interval parser's IllegalArgumentException). */
const classless = (src: string, at: number, message: string): ParseException => {
  const e = sqlParseError(src, at, '', message, {});
  return new ParseException(e.message, {});
};

const legacy = (src: string, at: number, errorClass: string, message: string, params: Record<string, string> = {}): ParseException =>
  sqlParseError(src, at, errorClass, message, params);

/** `INTERVAL '<value>' <from> TO <to>`. */
export function fromToInterval(src: string, part: IntervalPart, toUnit: string): Expr {
  if (!part.quoted) throw legacy(src, part.at, '_LEGACY_ERROR_TEMP_0027', 'The value of from-to unit must be a string.');
  const [from, to] = [part.unit.toLowerCase(), toUnit.toLowerCase()];
  const value = part.negative ? (part.raw.startsWith('-') ? part.raw.slice(1) : `-${part.raw}`) : part.raw;
  const v = readFromTo(value, from, to);
  if (v === undefined) throw legacy(src, part.at, '_LEGACY_ERROR_TEMP_0028', `Intervals FROM ${from} TO ${to} are not supported.`, { from, to });
  // Spark's exact sum overflows outside its parser (`'106751991 04:00:54.775808' DAY TO SECOND`).
  if (v === 'long overflow') throw new ArithmeticException(v, {});
  if (typeof v === 'string') throw classless(src, part.at, `${v}.`);
  if (from === 'year') return E.lit(v, new YearMonthIntervalType(0, 1));
  const names = DayTimeIntervalType.FIELD_NAMES as readonly string[];
  return E.lit(v, new DayTimeIntervalType(names.indexOf(from), names.indexOf(to)));
}

/** `INTERVAL 1 DAY 2 HOURS`: Spark reads the pairs as the text ` 1 DAY 2 HOURS`. */
export function multiUnitInterval(src: string, start: number, literalText: string, parts: readonly IntervalPart[]): Expr {
  const at = parts[0]!.at;
  const pieces = parts.map((p) => {
    if (!p.quoted) return ` ${p.sign}${p.raw} ${p.unit}`;
    // Unit words inside a quoted value would form another valid text (`'1 day 2' HOUR`).
    if (/\p{L}/u.test(p.raw)) {
      throw legacy(src, at, '_LEGACY_ERROR_TEMP_0026', `Can only use numbers in the interval value part for multiple unit value pairs interval form, but got invalid value: ${p.raw}.`, {
        value: p.raw,
      });
    }
    const v = p.negative ? (p.raw.startsWith('-') ? p.raw.replace('-', '') : `-${p.raw}`) : p.raw;
    return ` ${v} ${p.unit}`;
  });
  const text = pieces.join('');
  const read = readIntervalText(text);
  if (isFailure(read)) throw classless(src, at, `Error parsing '${text}' to interval, ${read.reason}.`);
  return ansiInterval(src, start, literalText, read);
}

/** The typed literal `INTERVAL '<text>'`: any unreadable text is INVALID_TYPED_LITERAL. */
export function typedInterval(src: string, start: number, literalText: string, value: string): Expr {
  const read = readIntervalText(value);
  if (isFailure(read)) {
    const quoted = `'${value}'`;
    throw legacy(src, start, 'INVALID_TYPED_LITERAL', `The value of the typed literal "INTERVAL" is invalid: ${quoted}.`, { valueType: '"INTERVAL"', value: quoted });
  }
  return ansiInterval(src, start, literalText, read);
}

/** The ANSI interval of the fields read, typed by the units written. */
function ansiInterval(src: string, start: number, literalText: string, read: IntervalText): Expr {
  const kinds = new Set(read.fields.map((f) => f[0]));
  if (kinds.size > 1) {
    throw legacy(src, start, '_LEGACY_ERROR_TEMP_0029', `Cannot mix year-month and day-time fields: ${literalText}.`, { literal: literalText });
  }
  const idx = read.fields.map((f) => f[1]);
  const [lo, hi] = [Math.min(...idx), Math.max(...idx)];
  if (kinds.has('ym')) return E.lit(read.months, new YearMonthIntervalType(lo, hi));
  const micros = BigInt(read.days) * BigInt(MICROS_PER_DAY) + read.micros;
  if (micros > 2n ** 63n - 1n || micros < -(2n ** 63n)) throw new ArithmeticException('long overflow', {});
  const value = micros >= BigInt(Number.MIN_SAFE_INTEGER) && micros <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(micros) : micros;
  return E.lit(value, new DayTimeIntervalType(lo, hi));
}
