/**
 * ANSI intervals in functions: try_add / try_subtract / try_multiply /
 * try_divide over dates, timestamps and intervals (Spark's TryEval of the
 * operator: its type, NULL for its errors), `div` of intervals, abs, sign,
 * width_bucket, overflow errors of interval arithmetic, in both ANSI modes.
 * Results, types, nullability, names and errors as Spark 3.5.7 gives them.
 */
import { expect, it } from 'vitest';
import { F } from '../../src/index.js';
import { analyzed, forEachBackend } from '../helpers/backends.js';

const { col, lit } = F;

forEachBackend('interval arithmetic', (session) => {
  type DF = ReturnType<ReturnType<typeof session>['sql']>;
  const schemaOf = (df: DF) => df.schema.fields.map((f) => `${f.name}:${f.dataType.simpleString()}:${f.nullable}`);
  const cells = (df: DF) => df.showString(20, 0).split('\n')[3]!.split('|').slice(1, -1).map((x) => x.trim());
  const inMode = (ansi: boolean) => {
    const s = session();
    s.conf.set('spark.sql.ansi.enabled', String(ansi));
    return s;
  };

  for (const ansi of [false, true]) {
    it(`try_* over dates, timestamps and intervals: the operator's type, NULL on overflow (ANSI ${ansi})`, () => {
      const df = inMode(ansi).sql(
        "SELECT try_add(date'2021-01-01', 1) a, try_add(interval 1 year, interval 2 year) b, try_multiply(interval 178956970 year, 3) c, try_divide(interval 2 month, 0) d, try_add(date'2021-01-01', interval '1' day) e, try_subtract(date'2021-03-01', date'2021-01-01') f, try_add(1, date'2021-01-01') g",
      );
      expect(schemaOf(df)).toEqual([
        'a:date:true',
        'b:interval year:true',
        'c:interval year to month:true',
        'd:interval year to month:true',
        'e:date:true',
        'f:interval day:true',
        'g:date:true',
      ]);
      expect(cells(df)).toEqual(['2021-01-02', "INTERVAL '3' YEAR", 'NULL', 'NULL', '2021-01-02', "INTERVAL '59' DAY", '2021-01-02']);
    });

    it(`try_* overflow of interval sums and quotients is NULL (ANSI ${ansi})`, () => {
      const df = inMode(ansi).sql(
        "SELECT try_divide(INTERVAL '178956970' YEAR, 0.1) a, try_add(INTERVAL '178956970' YEAR, INTERVAL '178956970' YEAR) b, try_subtract(INTERVAL '-178956970' YEAR, INTERVAL '178956970' YEAR) c, try_divide(INTERVAL '2' YEAR, 3) d, try_multiply(INTERVAL '1' DAY, 0.5) e",
      );
      expect(schemaOf(df)).toEqual([
        'a:interval year to month:true',
        'b:interval year:true',
        'c:interval year:true',
        'd:interval year to month:true',
        'e:interval day to second:true',
      ]);
      expect(cells(df)).toEqual(['NULL', 'NULL', 'NULL', "INTERVAL '0-8' YEAR TO MONTH", "INTERVAL '0 12:00:00' DAY TO SECOND"]);
    });

    it(`interval div: a truncated bigint; zero divisor NULL, DIVIDE_BY_ZERO under ANSI (ANSI ${ansi})`, () => {
      const s = inMode(ansi);
      const df = s.sql(
        "SELECT INTERVAL '1-1' YEAR TO MONTH div INTERVAL '-1' MONTH, INTERVAL '-7' SECOND div INTERVAL '2' SECOND, INTERVAL '1' DAY div INTERVAL '5' HOUR, INTERVAL '7' MONTH div INTERVAL '2' YEAR",
      );
      expect(schemaOf(df)).toEqual([
        "(INTERVAL '1-1' YEAR TO MONTH div INTERVAL '-1' MONTH):bigint:true",
        "(INTERVAL '-07' SECOND div INTERVAL '02' SECOND):bigint:true",
        "(INTERVAL '1' DAY div INTERVAL '05' HOUR):bigint:true",
        "(INTERVAL '7' MONTH div INTERVAL '2' YEAR):bigint:true",
      ]);
      expect(df.collect()[0]!.toArray()).toEqual([-13, -3, 4, 0]);
      // (Spark folds the constant while analysing, so the error may come from sql() itself.)
      const byZero = () => s.sql("SELECT INTERVAL '1-1' YEAR TO MONTH div INTERVAL '0' MONTH").collect();
      if (ansi) expect(byZero).toThrow('[DIVIDE_BY_ZERO] Division by zero.');
      else expect(byZero()[0]!.toArray()).toEqual([null]);
    });

    it(`interval overflow raises in both modes (ANSI ${ansi})`, () => {
      const s = inMode(ansi);
      expect(() => s.sql("SELECT INTERVAL '178956970' YEAR + INTERVAL '178956970' YEAR").collect()).toThrow(
        "[INTERVAL_ARITHMETIC_OVERFLOW] integer overflow. Use 'try_add' to tolerate overflow and return NULL instead.",
      );
      expect(() => s.sql("SELECT INTERVAL '106751991' DAY + INTERVAL '106751991' DAY").collect()).toThrow('[INTERVAL_ARITHMETIC_OVERFLOW] long overflow.');
      expect(() => s.sql("SELECT INTERVAL '178956970' YEAR * 3").collect()).toThrow('integer overflow');
      expect(() => s.sql("SELECT INTERVAL '106751991' DAY * 2").collect()).toThrow('long overflow');
      expect(() => s.sql('SELECT abs(make_ym_interval(-178956970, -8))').collect()).toThrow('[ARITHMETIC_OVERFLOW] integer overflow.');
      expect(() => s.sql('SELECT negative(make_ym_interval(-178956970, -8))').collect()).toThrow('[INTERVAL_ARITHMETIC_OVERFLOW] integer overflow.');
      expect(s.sql("SELECT try_subtract(INTERVAL '0' MONTH, make_ym_interval(-178956970, -8))").collect()[0]!.toArray()).toEqual([null]);
      // Spark gives these errors no query context (unlike DIVIDE_BY_ZERO), under ANSI too.
      const message = (q: string): string => {
        try {
          s.sql(q).collect();
        } catch (e) {
          return (e as Error).message;
        }
        return '';
      };
      for (const q of ["SELECT INTERVAL '178956970' YEAR + INTERVAL '178956970' YEAR", 'SELECT abs(make_ym_interval(-178956970, -8))']) {
        expect(message(q)).toMatch(/^\[(INTERVAL_)?ARITHMETIC_OVERFLOW\] integer overflow\.[^\n]*$/);
      }
    });
  }

  it('interval × / ÷ number: the overflow error and the rounding follow the number type', () => {
    const s = session();
    const firstLine = (q: string): string => {
      try {
        s.sql(q).collect();
      } catch (e) {
        return (e as Error).message.split('\n')[0]!;
      }
      return '';
    };
    const minusOne = "[INTERVAL_ARITHMETIC_OVERFLOW] Interval value overflows after being divided by -1. Use 'try_divide' to tolerate overflow and return NULL instead.";
    expect(firstLine("SELECT INTERVAL '-178956970-8' YEAR TO MONTH / -1")).toBe(minusOne);
    expect(firstLine("SELECT INTERVAL '-178956970-8' YEAR TO MONTH / -1L")).toBe(minusOne);
    expect(firstLine('SELECT make_dt_interval(-106751991, -4, 0, -54.775808) / -1')).toBe(minusOne);
    expect(firstLine("SELECT INTERVAL '-178956970-8' YEAR TO MONTH / -1.0D")).toBe('not in range');
    expect(firstLine("SELECT INTERVAL '-178956970-8' YEAR TO MONTH / -1.0")).toBe('Overflow');
    expect(firstLine('SELECT make_dt_interval(-106751991, -4, 0, -54.775808) / -1.0D')).toBe('not in range');
    expect(firstLine("SELECT INTERVAL '178956970-7' YEAR TO MONTH * 2")).toBe('integer overflow');
    expect(firstLine("SELECT INTERVAL '178956970-7' YEAR TO MONTH * 2.0D")).toBe('not in range');
    expect(firstLine("SELECT INTERVAL '178956970-7' YEAR TO MONTH * 2.0")).toBe('Overflow');
    expect(firstLine("SELECT INTERVAL '100' YEAR * 9223372036854775807L")).toBe('long overflow');
    expect(firstLine("SELECT INTERVAL '1' MONTH / CAST('NaN' AS DOUBLE)")).toBe('input is infinite or NaN');
    expect(firstLine("SELECT INTERVAL '1' MONTH * CAST('NaN' AS DOUBLE)")).toBe('input is infinite or NaN');
    expect(firstLine("SELECT INTERVAL '1' MONTH / 1e-300D")).toBe('not in range');
    expect(firstLine("SELECT INTERVAL '1' DAY / 0.0D")).toBe(
      '[INTERVAL_DIVIDED_BY_ZERO] Division by zero. Use `try_divide` to tolerate divisor being 0 and return NULL instead.',
    );
    expect(s.sql("SELECT try_divide(INTERVAL '-178956970-8' YEAR TO MONTH, -1)").collect()[0]!.toArray()).toEqual([null]);
    const df = s.sql(
      "SELECT INTERVAL '16777217' MONTH * CAST(1 AS FLOAT) a, INTERVAL '7' MONTH * 2L b, INTERVAL '3' MONTH * 0.5 c, INTERVAL '-3' MONTH * 0.5D d, INTERVAL '5' MONTH / 2L e, make_dt_interval(0, 0, 0, 0.000005) / 2 f, INTERVAL '-7' MONTH / 2 g, INTERVAL '5' MONTH / 3.3 h",
    );
    expect(cells(df)).toEqual([
      "INTERVAL '1398101-5' YEAR TO MONTH",
      "INTERVAL '1-2' YEAR TO MONTH",
      "INTERVAL '0-2' YEAR TO MONTH",
      "INTERVAL '-0-2' YEAR TO MONTH",
      "INTERVAL '0-3' YEAR TO MONTH",
      "INTERVAL '0 00:00:00.000003' DAY TO SECOND",
      "INTERVAL '-0-4' YEAR TO MONTH",
      "INTERVAL '0-2' YEAR TO MONTH",
    ]);
  });

  it('abs, sign, signum, negative and positive of intervals', () => {
    const df = session().sql(
      "SELECT abs(INTERVAL -'1-1' YEAR TO MONTH), abs(INTERVAL '-1 02:03' DAY TO MINUTE), sign(INTERVAL -'100' YEAR), signum(INTERVAL '0' MONTH), sign(INTERVAL '3' SECOND), negative(INTERVAL '1' YEAR), positive(INTERVAL '1' DAY)",
    );
    expect(schemaOf(df)).toEqual([
      "abs(INTERVAL '-1-1' YEAR TO MONTH):interval year to month:false",
      "abs(INTERVAL '-1 02:03' DAY TO MINUTE):interval day to minute:false",
      "sign(INTERVAL '-100' YEAR):double:true",
      "SIGNUM(INTERVAL '0' MONTH):double:true",
      "sign(INTERVAL '03' SECOND):double:true",
      "negative(INTERVAL '1' YEAR):interval year:false",
      "(+ INTERVAL '1' DAY):interval day:false",
    ]);
    expect(cells(df)).toEqual(["INTERVAL '1-1' YEAR TO MONTH", "INTERVAL '1 02:03' DAY TO MINUTE", '-1.0', '0.0', '1.0', "INTERVAL '-1' YEAR", "INTERVAL '1' DAY"]);
  });

  it('width_bucket over intervals of one kind', () => {
    const df = session().sql(
      "SELECT width_bucket(INTERVAL '1' DAY, INTERVAL '0' DAY, INTERVAL '10' DAY, 10) a, width_bucket(INTERVAL '5' DAY, INTERVAL '10' DAY, INTERVAL '0' DAY, 3) b, width_bucket(INTERVAL '15' DAY, INTERVAL '0' DAY, INTERVAL '10' DAY, 3) c, width_bucket(INTERVAL '1' DAY, INTERVAL '0' DAY, INTERVAL '10' DAY, 0) d, width_bucket(INTERVAL '1' YEAR, INTERVAL '0' MONTH, INTERVAL '10-1' YEAR TO MONTH, 10) e",
    );
    expect(schemaOf(df)).toEqual(['a:bigint:true', 'b:bigint:true', 'c:bigint:true', 'd:bigint:true', 'e:bigint:true']);
    expect(df.collect()[0]!.toArray()).toEqual([2, 2, 4, null, 1]);
    expect(() => analyzed(session().sql("SELECT width_bucket(INTERVAL '1' MONTH, INTERVAL '0' DAY, INTERVAL '10' DAY, 10)"))).toThrow(
      'Cannot resolve "width_bucket(INTERVAL \'1\' MONTH, INTERVAL \'0\' DAY, INTERVAL \'10\' DAY, 10)" due to data type mismatch: Input to `width_bucket` should all be the same type, but it\'s ("INTERVAL MONTH" or "INTERVAL DAY" or "INTERVAL DAY").',
    );
    expect(() => analyzed(session().sql("SELECT width_bucket(INTERVAL '1' DAY, 0, 10, 10)"))).toThrow('but it\'s ("INTERVAL DAY" or "DOUBLE" or "DOUBLE")');
  });

  it('NULL ± interval, and year-month + day-time rejected as Spark does', () => {
    const df = session().sql("SELECT NULL - INTERVAL '1' MONTH, INTERVAL '1' MONTH + NULL, NULL * INTERVAL '1' DAY, try_add(NULL, INTERVAL '1' DAY)");
    expect(schemaOf(df)).toEqual([
      "(NULL - INTERVAL '1' MONTH):interval month:true",
      "(INTERVAL '1' MONTH + NULL):interval month:true",
      "(INTERVAL '1' DAY * NULL):interval day to second:true",
      "try_add(NULL, INTERVAL '1' DAY):interval day:true",
    ]);
    expect(df.collect()[0]!.toArray()).toEqual([null, null, null, null]);
    expect(() => analyzed(session().sql('SELECT interval 1 year + interval 1 day'))).toThrow(
      '[DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "INTERVAL \'1\' YEAR + INTERVAL \'1\' DAY" due to data type mismatch: Parameter 1 requires the "(TIMESTAMP OR TIMESTAMP WITHOUT TIME ZONE)" type, however "INTERVAL \'1\' YEAR" has the type "INTERVAL YEAR".',
    );
  });

  it('DataFrame API: F.try_* and F.abs over make_ym_interval / make_dt_interval columns', () => {
    const base = session().createDataFrame([{ d: new Date('2021-01-31T00:00:00Z'), y: 2, n: 3 }], 'd DATE, y INT, n INT');
    const ym = F.make_ym_interval(col('y'));
    const dt = F.make_dt_interval(col('n'));
    const df = base.select(
      F.try_add(col('d'), ym).alias('a'),
      F.try_add(ym, ym).alias('b'),
      F.try_multiply(ym, col('n')).alias('c'),
      F.try_divide(dt, lit(0)).alias('d'),
      F.try_subtract(col('d'), lit(1)).alias('e'),
      F.abs(F.negative(dt)).alias('f'),
      F.try_add(col('d'), ym),
    );
    expect(schemaOf(df)).toEqual([
      'a:date:true',
      'b:interval year to month:true',
      'c:interval year to month:true',
      'd:interval day to second:true',
      'e:date:true',
      'f:interval day to second:true',
      'try_add(d, make_ym_interval(y, 0)):date:true',
    ]);
    expect(cells(df)).toEqual(['2023-01-31', "INTERVAL '4-0' YEAR TO MONTH", "INTERVAL '6-0' YEAR TO MONTH", 'NULL', '2021-01-30', "INTERVAL '3 00:00:00' DAY TO SECOND", '2023-01-31']);
  });
});
