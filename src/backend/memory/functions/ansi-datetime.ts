/**
 * spark.sql.ansi.enabled=true for the date/time constructors and parsers and
 * elt: where the non-ANSI implementation gives NULL for non-null input, Spark
 * raises instead (java.time's DateTimeException texts, CAST_INVALID_INPUT,
 * CANNOT_PARSE_TIMESTAMP, INVALID_FRACTION_OF_SECOND, an illegal day name,
 * INVALID_ARRAY_INDEX). Cases whose error is not modelled are refused.
 */
import type { Call } from '../../../expr/nodes.js';
import { DateType, DecimalType, StringType, TimestampNTZType, TimestampType, type DataType } from '../../../types/data-types.js';
import { DateTimeException } from '../../../errors/runtime-exceptions.js';
import { IllegalArgumentException, NotImplementedException } from '../../../errors/index.js';
import type { ExecContext } from '../context.js';
import { invalidInput } from '../expressions/ansi-cast.js';
import { rescale } from '../runtime/decimal.js';
import { explainParseFailure, javaDateError, javaTimeError } from '../runtime/java-time-errors.js';
import { floorDiv } from '../runtime/long.js';
import type { FunctionImpl, RowFn, ScalarImpl } from './types.js';
import { argType, compiled, isNullish } from './util.js';
import { invalidArrayIndex } from './ansi-errors.js';

const BYPASS = '"spark.sql.ansi.enabled"';
/** java.time errors passed on by Spark carry this suffix (the config unquoted, unlike error classes). */
const javaSuffix = (why: string): string => `${why}. If necessary set ${BYPASS} to false to bypass this error.`;

type Explain = (vals: readonly unknown[], call: Call, ctx: ExecContext) => Error;

export const notModelledUnderAnsi = (what: string): NotImplementedException =>
  new NotImplementedException(`${what} under spark.sql.ansi.enabled=true`, 'Spark raises an ANSI error here that sparkless does not model; unset it or use the connect backend');

/** Under ANSI, a NULL result from non-null arguments raises `explain`'s error instead. */
function raiseForNull(base: FunctionImpl, explain: Explain): ScalarImpl {
  const sc = base as ScalarImpl;
  return compiled((args, call, ctx) => {
    const inner: RowFn = sc.compile
      ? sc.compile(args, call, ctx)
      : (i) => {
          const vals = args.map((a) => a(i));
          return !sc.handlesNulls && vals.some(isNullish) ? null : sc.eval!(vals, ctx, call);
        };
    if (!ctx.ansiEnabled) return inner;
    return (i) => {
      const r = inner(i);
      if (!isNullish(r)) return r;
      const vals = args.map((a) => a(i));
      if (vals.some(isNullish)) return r;
      throw explain(vals, call, ctx);
    };
  });
}

const dateTimeError = (why: string | undefined, what: string): Error => (why ? new DateTimeException(javaSuffix(why), {}) : notModelledUnderAnsi(what));

const makeDate: Explain = (vals) => {
  const [y, m, d] = vals.map(Number) as [number, number, number];
  return dateTimeError(javaDateError(y, m, d), 'make_date');
};

/** make_timestamp*: the seconds split as Spark does (floor), 60 allowed only without a fraction. */
const makeTimestamp: Explain = (vals, call) => {
  const [y, mo, d, h, mi] = vals.slice(0, 5).map(Number) as [number, number, number, number, number];
  const secType = argType(call, 5);
  const micros = secType instanceof DecimalType ? Number(rescale(vals[5] as bigint, secType.scale, 6)) : Math.round(Number(vals[5]) * 1e6);
  let seconds = floorDiv(micros, 1_000_000);
  if (seconds === 60) {
    if (micros !== 60_000_000) {
      return new DateTimeException(`The fraction of sec must be zero. Valid range is [0, 60]. If necessary set ${BYPASS} to "false" to bypass this error.`, {
        errorClass: 'INVALID_FRACTION_OF_SECOND',
        messageParameters: { ansiConfig: BYPASS },
      });
    }
    seconds = 0;
  }
  return dateTimeError(javaDateError(y, mo, d) ?? javaTimeError(h, mi, seconds), call.fn);
};

function cannotParse(text: string, pattern: string, what: string): Error {
  const why = explainParseFailure(text, pattern);
  if (!why) return notModelledUnderAnsi(`${what} of text its pattern does not parse`);
  return new DateTimeException(`${why}. If necessary set ${BYPASS} to "false" to bypass this error.`, {
    errorClass: 'CANNOT_PARSE_TIMESTAMP',
    messageParameters: { message: why, ansiConfig: BYPASS },
  });
}

const DEFAULT_TIMESTAMP_FORMAT = 'yyyy-MM-dd HH:mm:ss';

/**
 * to_date / to_timestamp*: without a pattern the string is CAST (CAST_INVALID_INPUT to
 * `target`), with one it is parsed (CANNOT_PARSE_TIMESTAMP).
 */
const parsing =
  (target: DataType | undefined): Explain =>
  (vals, call, ctx) => {
    const from = argType(call, 0);
    if (!(from instanceof StringType)) return notModelledUnderAnsi(call.fn);
    if (vals.length > 1) return cannotParse(vals[0] as string, vals[1] as string, call.fn);
    if (!target) return cannotParse(vals[0] as string, DEFAULT_TIMESTAMP_FORMAT, call.fn);
    return invalidInput(vals[0], from, target, ctx.timeZone);
  };

const nextDay: Explain = (vals) =>
  new IllegalArgumentException(javaSuffix(`Illegal input for day of week: ${vals[1] as string}`), {});

/** elt(n, ...): an index outside 1..count raises INVALID_ARRAY_INDEX (0 included); a NULL index is NULL. */
function ansiElt(base: FunctionImpl): ScalarImpl {
  const sc = base as ScalarImpl;
  return {
    ...sc,
    eval: (args, ctx, call) => {
      const n = args[0];
      if (ctx.ansiEnabled && !isNullish(n)) {
        const k = Number(n);
        if (k < 1 || k >= args.length) throw invalidArrayIndex(k, args.length - 1, false);
      }
      return sc.eval!(args, ctx, call);
    },
  };
}

/** The ANSI-aware date/time constructors and parsers, and elt. */
export function ansiDateTimeImpls(at: (name: string) => FunctionImpl): Record<string, FunctionImpl> {
  return {
    make_date: raiseForNull(at('make_date'), makeDate),
    make_timestamp: raiseForNull(at('make_timestamp'), makeTimestamp),
    make_timestamp_ltz: raiseForNull(at('make_timestamp_ltz'), makeTimestamp),
    make_timestamp_ntz: raiseForNull(at('make_timestamp_ntz'), makeTimestamp),
    to_date: raiseForNull(at('to_date'), parsing(new DateType())),
    to_timestamp: raiseForNull(at('to_timestamp'), parsing(new TimestampType())),
    to_timestamp_ltz: raiseForNull(at('to_timestamp_ltz'), parsing(new TimestampType())),
    to_timestamp_ntz: raiseForNull(at('to_timestamp_ntz'), parsing(new TimestampNTZType())),
    unix_timestamp: raiseForNull(at('unix_timestamp'), parsing(undefined)),
    to_unix_timestamp: raiseForNull(at('to_unix_timestamp'), parsing(undefined)),
    next_day: raiseForNull(at('next_day'), nextDay),
    elt: ansiElt(at('elt')),
  };
}
