/**
 * CAST between ANSI intervals and integral/decimal numbers, as Spark 3.5.7 answers with ANSI
 * on and off: the number counts the interval's end field (truncated toward zero into an
 * integral type, HALF_UP into a decimal; a SECOND end keeps its microseconds), decimals
 * round HALF_UP to whole months or microseconds, and a value that does not fit raises
 * CAST_OVERFLOW / NUMERIC_VALUE_OUT_OF_RANGE in both modes (TRY_CAST gives NULL).
 */
import { expect, it } from 'vitest';
import type { SparkSession } from '../../src/index.js';
import { forEachBackend } from '../helpers/backends.js';
import { rows, sqlError } from '../helpers/sql-errors.js';

/** `name:type` of each output column, `!` marking a non-nullable one. */
const schemaOf = (spark: SparkSession, q: string): string[] =>
  spark.sql(q).schema.fields.map((f) => `${f.name}:${f.dataType.simpleString()}${f.nullable ? '' : '!'}`);

const withAnsi = (spark: SparkSession, enabled: string): SparkSession => {
  spark.conf.set('spark.sql.ansi.enabled', enabled);
  return spark;
};

/** Each expression's value as Spark shows it (cast to STRING), one row. */
const shown = (spark: SparkSession, exprs: string[]): unknown[] =>
  rows(spark, `SELECT ${exprs.map((e, i) => `CAST(${e} AS STRING) c${i}`).join(', ')}`)[0]!;

const overflow = (value: string, from: string, to: string): string =>
  `The value ${value} of the type "${from}" cannot be cast to "${to}" due to an overflow. Use \`try_cast\` to tolerate overflow and return NULL instead. If necessary set "spark.sql.ansi.enabled" to "false" to bypass this error.`;

const outOfRange = (value: string, p: number, s: number): string =>
  `${value} cannot be represented as Decimal(${p}, ${s}). If necessary set "spark.sql.ansi.enabled" to "false" to bypass this error, and return NULL instead.`;

forEachBackend('CAST between ANSI intervals and numbers', (session) => {
  for (const enabled of ['false', 'true']) {
    it(`interval → integral counts the end field, truncated (ansi=${enabled})`, () => {
      const spark = withAnsi(session(), enabled);
      const exprs = [
        "cast(interval '1' year as tinyint)",
        "cast(interval '-10-2' year to month as smallint)",
        "cast(interval '1000' month as int)",
        "cast(interval -'10.123456' second as tinyint)",
        "cast(interval -'1 02:03:04.123' day to second as int)",
        "cast(interval '10' day as bigint)",
        "cast(interval '-10.5' second as int)",
        "cast(interval '-1' month as bigint)",
      ];
      expect(schemaOf(spark, `SELECT ${exprs.join(', ')}`)).toEqual([
        "CAST(INTERVAL '1' YEAR AS TINYINT):tinyint!",
        "CAST(INTERVAL '-10-2' YEAR TO MONTH AS SMALLINT):smallint!",
        "CAST(INTERVAL '1000' MONTH AS INT):int!",
        "CAST(INTERVAL '-10.123456' SECOND AS TINYINT):tinyint!",
        "CAST(INTERVAL '-1 02:03:04.123' DAY TO SECOND AS INT):int!",
        "CAST(INTERVAL '10' DAY AS BIGINT):bigint!",
        "CAST(INTERVAL '-10.5' SECOND AS INT):int!",
        "CAST(INTERVAL '-1' MONTH AS BIGINT):bigint!",
      ]);
      expect(shown(spark, exprs)).toEqual(['1', '-122', '1000', '-10', '-93784', '10', '-10', '-1']);
    });

    it(`interval → decimal: whole end units, a SECOND end's micros, HALF_UP (ansi=${enabled})`, () => {
      const spark = withAnsi(session(), enabled);
      const exprs = [
        "cast(interval '-1' year as decimal(10, 0))",
        "cast(interval '1.000001' second as decimal(10, 6))",
        "cast(interval '08:11:10.001' hour to second as decimal(10, 4))",
        "cast(interval '1 01:02:03.1' day to second as decimal(8, 1))",
        "cast(interval '10.123' second as decimal(4, 2))",
        "cast(interval '10.005' second as decimal(4, 2))",
        "cast(interval -'10.005' second as decimal(4, 2))",
        "cast(interval '1:30' hour to minute as decimal(5, 2))",
        "cast(interval '1-6' year to month as decimal(5, 2))",
        "cast(cast(1.5BD as interval day) as decimal(5, 2))",
      ];
      expect(schemaOf(spark, `SELECT ${exprs.slice(0, 2).join(', ')}`)).toEqual([
        "CAST(INTERVAL '-1' YEAR AS DECIMAL(10,0)):decimal(10,0)",
        "CAST(INTERVAL '01.000001' SECOND AS DECIMAL(10,6)):decimal(10,6)",
      ]);
      expect(shown(spark, exprs)).toEqual(['-1', '1.000001', '29470.0010', '90123.1', '10.12', '10.01', '-10.01', '90.00', '18.00', '1.00']);
    });

    it(`integral and decimal → interval count the end field (ansi=${enabled})`, () => {
      const spark = withAnsi(session(), enabled);
      const exprs = [
        'cast(1Y as interval year)',
        'cast(-122S as interval year to month)',
        'cast(1000 as interval month)',
        'cast(-10L as interval second)',
        'cast(100Y as interval hour to second)',
        'cast(-1000S as interval day to second)',
        'cast(10 as interval day)',
        'cast(-2147483648 as interval year to month)',
        'cast(10.123456BD as interval day to second)',
        'cast(-10.123456BD as interval year to month)',
        'cast(10.654321BD as interval month)',
        'cast(-10.5BD as interval month)',
        'cast(1.5BD as interval year to month)',
        'cast(cast(1.5BD as interval year) as interval year to month)',
        'cast(cast(80.654321BD as interval hour to minute) as interval hour to second)',
        'cast(-1.0000005BD as interval second)',
      ];
      expect(schemaOf(spark, `SELECT ${exprs.slice(0, 2).join(', ')}, cast(ym as interval year to month) FROM VALUES (-122S) t(ym)`)).toEqual([
        'CAST(1 AS INTERVAL YEAR):interval year!',
        'CAST(-122 AS INTERVAL YEAR TO MONTH):interval year to month!',
        'ym:interval year to month!',
      ]);
      expect(shown(spark, exprs)).toEqual([
        "INTERVAL '1' YEAR",
        "INTERVAL '-10-2' YEAR TO MONTH",
        "INTERVAL '1000' MONTH",
        "INTERVAL '-10' SECOND",
        "INTERVAL '00:01:40' HOUR TO SECOND",
        "INTERVAL '-0 00:16:40' DAY TO SECOND",
        "INTERVAL '10' DAY",
        "INTERVAL '-178956970-8' YEAR TO MONTH",
        "INTERVAL '0 00:00:10.123456' DAY TO SECOND",
        "INTERVAL '-0-10' YEAR TO MONTH",
        "INTERVAL '11' MONTH",
        "INTERVAL '-11' MONTH",
        "INTERVAL '0-2' YEAR TO MONTH",
        "INTERVAL '1-6' YEAR TO MONTH",
        "INTERVAL '01:20:39.25926' HOUR TO SECOND",
        "INTERVAL '-01.000001' SECOND",
      ]);
    });

    it(`values that do not fit raise in both modes (ansi=${enabled})`, () => {
      const spark = withAnsi(session(), enabled);
      const cases: [string, string, string][] = [
        ["select cast(interval '-1000' month as tinyint)", 'CAST_OVERFLOW', overflow("INTERVAL '-1000' MONTH", 'INTERVAL MONTH', 'TINYINT')],
        ["select cast(interval '23:59:59' hour to second as smallint)", 'CAST_OVERFLOW', overflow("INTERVAL '23:59:59' HOUR TO SECOND", 'INTERVAL HOUR TO SECOND', 'SMALLINT')],
        ['select cast(2147483647 as interval year)', 'CAST_OVERFLOW', overflow('2147483647', 'INT', 'INTERVAL YEAR')],
        ['select cast(-9223372036854775808L as interval day)', 'CAST_OVERFLOW', overflow('-9223372036854775808L', 'BIGINT', 'INTERVAL DAY')],
        ['select cast(106751992 as interval day)', 'CAST_OVERFLOW', overflow('106751992', 'INT', 'INTERVAL DAY')],
        ['select cast(9223372036854775807L as interval month)', 'CAST_OVERFLOW', overflow('9223372036854775807L', 'BIGINT', 'INTERVAL MONTH')],
        ['select cast(1234567890123.5BD as interval year)', 'CAST_OVERFLOW', overflow('1234567890123.5BD', 'DECIMAL(14,1)', 'INTERVAL YEAR')],
        ["select cast(interval '10.123' second as decimal(1, 0))", 'NUMERIC_VALUE_OUT_OF_RANGE', outOfRange('10.123000', 1, 0)],
        ["select cast(interval '100' day as decimal(2, 0))", 'NUMERIC_VALUE_OUT_OF_RANGE', outOfRange('100', 2, 0)],
        ["select cast(interval '1000' month as decimal(2, 1))", 'NUMERIC_VALUE_OUT_OF_RANGE', outOfRange('1000', 2, 1)],
      ];
      for (const [q, errorClass, message] of cases) {
        const err = sqlError(spark, q);
        expect(err.errorClass, q).toBe(errorClass);
        expect(err.message, q).toContain(message);
      }
    });
  }

  it('TRY_CAST gives NULL where the cast overflows', () => {
    const spark = session();
    const q =
      "select try_cast(interval '-1000' month as tinyint) a, try_cast(2147483647 as interval year) b, try_cast(interval '10.123' second as decimal(1, 0)) c, " +
      "try_cast(interval '1' year as tinyint) d, cast(try_cast(-122S as interval year to month) as string) e";
    expect(schemaOf(spark, q)).toEqual(['a:tinyint', 'b:interval year', 'c:decimal(1,0)', 'd:tinyint', 'e:string']);
    expect(rows(spark, q)).toEqual([[null, null, null, 1, "INTERVAL '-10-2' YEAR TO MONTH"]]);
  });

  it('year-month text beyond an int: the literal fails to parse, CAST raises, TRY_CAST gives NULL', () => {
    const spark = session();
    for (const [q, name, message] of [
      ["select interval '178956970-8' year to month", 'ParseException', 'Error parsing interval year-month string: integer overflow.(line 1, pos 16)'],
      ["select interval '-178956970-9' year to month", 'ParseException', 'Error parsing interval year-month string: integer overflow.(line 1, pos 16)'],
      [
        "select interval '3000000000-0' year to month",
        'ParseException',
        'Error parsing interval year-month string: requirement failed: year 3000000000 outside range [0, 178956970].(line 1, pos 16)',
      ],
      ["select cast('178956970-8' as interval year to month)", 'IllegalArgumentException', 'Error parsing interval year-month string: integer overflow'],
      ["select cast('178956971' as interval year)", 'IllegalArgumentException', 'Error parsing interval year-month string: integer overflow'],
      ["select cast('2147483648' as interval month)", 'IllegalArgumentException', 'Error parsing interval year-month string: integer overflow'],
      [
        "select cast('3000000000-0' as interval year to month)",
        'IllegalArgumentException',
        'Error parsing interval year-month string: requirement failed: year 3000000000 outside range [0, 178956970]',
      ],
    ] as const) {
      const err = sqlError(spark, q);
      expect(err.name, q).toBe(name);
      expect(err.message, q).toContain(message);
    }
    // Int.MinValue months fits: the sign applies before the check.
    expect(shown(spark, ["interval '-178956970-8' year to month", "cast('-178956970-8' as interval year to month)"])).toEqual([
      "INTERVAL '-178956970-8' YEAR TO MONTH",
      "INTERVAL '-178956970-8' YEAR TO MONTH",
    ]);
    expect(rows(spark, "select try_cast('178956971' as interval year) a, try_cast('abc' as interval year) b")).toEqual([[null, null]]);
  });

  it('an interval cast to one ending at SECOND keeps its fraction of a second', () => {
    const spark = session();
    expect(
      shown(spark, ["cast(interval '1.5' second as interval minute to second)", "cast(interval '1 01:02:03.456' day to second as interval hour to second)"]),
    ).toEqual(["INTERVAL '00:01.5' MINUTE TO SECOND", "INTERVAL '25:02:03.456' HOUR TO SECOND"]);
  });

  it('floating-point and boolean values do not cast to or from intervals', () => {
    const spark = session();
    for (const [q, from, to] of [
      ['select cast(1.5D as interval second)', 'DOUBLE', 'INTERVAL SECOND'],
      ["select cast(interval '1' second as double)", 'INTERVAL SECOND', 'DOUBLE'],
      ['select cast(true as interval second)', 'BOOLEAN', 'INTERVAL SECOND'],
    ]) {
      const err = sqlError(spark, q!);
      expect(err.errorClass, q).toBe('DATATYPE_MISMATCH.CAST_WITHOUT_SUGGESTION');
      expect(err.message, q).toContain(`cannot cast "${from}" to "${to}".`);
    }
  });
});
