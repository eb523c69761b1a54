/**
 * Date and timestamp constructors and conversions added in Spark 3.x:
 * make_date/make_timestamp*, unix_* and timestamp_millis/micros, weekday,
 * next_day, the to_timestamp variants, convert_timezone and the session
 * clock functions. Types, nullability and names as Spark 3.5.7 reports them.
 */
import { DATE, DecimalType, INT, LONG, STRING, TIMESTAMP, TIMESTAMP_NTZ, NullType, isIntegral, type DataType } from '../../types/data-types.js';
import { castsFor, fn, nullUnlessAnsi, patternNullUnlessAnsi } from '../define.js';
import { strictArg } from '../arg-checks.js';
import type { FunctionDef } from '../registry.js';

/** make_timestamp's seconds: a decimal(16,6), so fractions to the microsecond survive the cast. */
const SECONDS = new DecimalType(16, 6);

/** A function of one integral argument (no implicit cast from string, as Spark's IntegralType). */
const fromIntegral = (name: string, returns: DataType): FunctionDef => ({
  name,
  kind: 'scalar',
  minArgs: 1,
  maxArgs: 1,
  nullIntolerant: true,
  resolve(args, _call, ctx) {
    const t = args[0]!.dataType;
    strictArg(args, 0, ctx, '"INTEGRAL"', isIntegral);
    return { dataType: returns, nullable: args[0]!.nullable, argTypes: castsFor(args, [t instanceof NullType ? LONG : t]) };
  },
});

/** to_timestamp-like parsers: text (or a date/timestamp) with an optional pattern; unparseable text is null (non-ANSI). */
const parser = (name: string, returns: DataType, nullable: FnNullable = true): FunctionDef =>
  fn(name, { inputs: ['any', 'string'], min: 1, returns, nullable });

type FnNullable = Parameters<typeof fn>[1]['nullable'];

export const datetimeMakeDefs: readonly FunctionDef[] = [
  /** Invalid fields give null (non-ANSI), so the result is nullable; under ANSI they raise. */
  fn('make_date', { inputs: [INT, INT, INT], returns: DATE, nullable: nullUnlessAnsi, nullIntolerant: true }),
  fn('make_timestamp', { inputs: [INT, INT, INT, INT, INT, SECONDS, STRING], min: 6, returns: TIMESTAMP, nullable: nullUnlessAnsi }),
  fn('make_timestamp_ltz', { inputs: [INT, INT, INT, INT, INT, SECONDS, STRING], min: 6, returns: TIMESTAMP, nullable: nullUnlessAnsi }),
  fn('make_timestamp_ntz', { inputs: [INT, INT, INT, INT, INT, SECONDS], returns: TIMESTAMP_NTZ, nullable: nullUnlessAnsi }),
  fn('weekday', { inputs: [DATE], returns: INT, nullIntolerant: true }),
  /** An unknown day-of-week name gives null (non-ANSI). */
  fn('next_day', { inputs: [DATE, STRING], returns: DATE, nullable: true, nullIntolerant: true }),
  fn('unix_date', { inputs: [DATE], returns: INT, nullIntolerant: true }),
  fn('unix_seconds', { inputs: [TIMESTAMP], returns: LONG, nullIntolerant: true }),
  fn('unix_millis', { inputs: [TIMESTAMP], returns: LONG, nullIntolerant: true }),
  fn('unix_micros', { inputs: [TIMESTAMP], returns: LONG, nullIntolerant: true }),
  fn('date_from_unix_date', { inputs: [INT], returns: DATE, nullIntolerant: true }),
  fromIntegral('timestamp_millis', TIMESTAMP),
  fromIntegral('timestamp_micros', TIMESTAMP),
  /** to_unix_timestamp(x, fmt): SQL and the API add Spark's default pattern. */
  fn('to_unix_timestamp', { inputs: ['string_or_datetime', 'string'], min: 2, returns: LONG, nullable: patternNullUnlessAnsi }),
  parser('try_to_timestamp', TIMESTAMP),
  parser('to_timestamp_ltz', TIMESTAMP, patternNullUnlessAnsi),
  parser('to_timestamp_ntz', TIMESTAMP_NTZ, patternNullUnlessAnsi),
  /** convert_timezone(source, target, ts): the two-argument form gets current_timezone() as source when built. */
  fn('convert_timezone', {
    inputs: [STRING, STRING, TIMESTAMP_NTZ],
    returns: TIMESTAMP_NTZ,
    nullIntolerant: true,
  }),
  fn('current_timezone', { returns: STRING, nullable: false }),
  fn('localtimestamp', { returns: TIMESTAMP_NTZ, nullable: false, nondeterministic: true }),
];
