/**
 * Date/time constructors and conversions of Spark 3.x: values, types,
 * nullability and auto-generated names as Spark 3.5.7 gives them (checked with
 * the live server), from the DataFrame API and from SQL.
 */
import { expect, it } from 'vitest';
import { AnalysisException, F } from '../../src/index.js';
import { analyzed, forEachBackend } from '../helpers/backends.js';

const { col, lit } = F;

forEachBackend('date/time functions', (session, backend) => {
  const parts = () =>
    session().createDataFrame(
      [
        { y: 2020, m: 1, d: 2, n: 3 },
        { y: 2020, m: 2, d: 30, n: -1 },
        { y: null, m: 1, d: 1, n: 0 },
      ],
      'y INT, m INT NOT NULL, d INT NOT NULL, n INT NOT NULL',
    );
  const schemaOf = (df: ReturnType<typeof parts>) => df.schema.fields.map((f) => `${f.name}:${f.dataType.simpleString()}:${f.nullable}`);
  const show = (df: ReturnType<typeof parts>) => df.showString(20, 0);
  /** The cells of one show() line (padding is show()'s own concern, tested elsewhere). */
  const cells = (line: string) => line.split('|').slice(1, -1).map((x) => x.trim());

  it('make_date and make_timestamp*: null for invalid fields, always nullable', () => {
    const df = parts().select(F.make_date('y', 'm', 'd'), F.make_timestamp_ntz('y', 'm', 'd', lit(6), lit(30), lit(45.5)));
    expect(schemaOf(df)).toEqual(['make_date(y, m, d):date:true', 'make_timestamp_ntz(y, m, d, 6, 30, 45.5):timestamp_ntz:true']);
    const rows = df.collect().map((r) => r.toArray().map((v) => (v instanceof Date ? v.toISOString() : v)));
    expect(rows).toEqual([
      ['2020-01-02T00:00:00.000Z', '2020-01-02T06:30:45.500Z'],
      [null, null],
      [null, null],
    ]);
    const ts = parts().limit(1).select(F.make_timestamp(lit(2014), lit(12), lit(28), lit(6), lit(30), lit(45.887), lit('CET')), F.make_timestamp_ltz(lit(2020), lit(1), lit(1), lit(1), lit(1), lit(60)));
    expect(ts.columns).toEqual(['make_timestamp(2014, 12, 28, 6, 30, 45.887, CET)', 'make_timestamp_ltz(2020, 1, 1, 1, 1, 60)']);
    expect(ts.collect()[0]!.toArray().map((v) => (v as Date).toISOString())).toEqual(['2014-12-28T05:30:45.887Z', '2020-01-01T01:02:00.000Z']);
  });

  it('weekday, next_day, unix_* and their inverses', () => {
    const df = session()
      .sql("SELECT DATE '2015-01-14' AS d, TIMESTAMP '1970-01-01 00:00:01.5' AS t, 1230219000123 AS ms")
      .select(F.weekday('d'), F.next_day('d', 'TU'), F.next_day('d', 'xx'), F.unix_date('d'), F.unix_seconds('t'), F.unix_millis('t'), F.unix_micros('t'), F.timestamp_millis('ms'), F.date_from_unix_date(lit(1)));
    expect(df.columns).toEqual(['weekday(d)', 'next_day(d, TU)', 'next_day(d, xx)', 'unix_date(d)', 'unix_seconds(t)', 'unix_millis(t)', 'unix_micros(t)', 'timestamp_millis(ms)', 'date_from_unix_date(1)']);
    expect(df.schema.fields.map((f) => f.dataType.simpleString())).toEqual(['int', 'date', 'date', 'int', 'bigint', 'bigint', 'bigint', 'timestamp', 'date']);
    expect(cells(show(df).split('\n')[3]!)).toEqual(cells('|2         |2015-01-20     |NULL           |16449       |1              |1500          |1500000       |2008-12-25 15:30:00.123|1970-01-02            |'));
  });

  it('timestamp_millis takes only integral input', () => {
    expect(() => analyzed(parts().select(F.timestamp_millis(lit('1'))))).toThrow(AnalysisException);
    expect(() => analyzed(parts().select(F.timestamp_millis(lit('1'))))).toThrow(/requires the "INTEGRAL" type, however "1" has the type "STRING"/);
  });

  it('to_unix_timestamp, try_to_timestamp, to_timestamp_ltz/ntz', () => {
    const df = session()
      .createDataFrame([{ s: '2016-04-08', f: 'yyyy-MM-dd' }], 's STRING, f STRING')
      .select(F.to_unix_timestamp('s', 'f'), F.to_unix_timestamp(lit('2016-04-08 00:00:00')), F.try_to_timestamp('s', lit('yyyy-MM-dd')), F.try_to_timestamp(lit('x'), lit('yyyy')), F.to_timestamp_ltz('s'), F.to_timestamp_ntz('s', 'f'));
    expect(schemaOf(df)).toEqual([
      'to_unix_timestamp(s, f):bigint:true',
      'to_unix_timestamp(2016-04-08 00:00:00, yyyy-MM-dd HH:mm:ss):bigint:true',
      'try_to_timestamp(s, yyyy-MM-dd):timestamp:true',
      'try_to_timestamp(x, yyyy):timestamp:true',
      'to_timestamp_ltz(s):timestamp:true',
      'to_timestamp_ntz(s, f):timestamp_ntz:true',
    ]);
    expect(cells(show(df).split('\n')[3]!)).toEqual(cells('|1460073600             |1460073600                                               |2016-04-08 00:00:00           |NULL                     |2016-04-08 00:00:00|2016-04-08 00:00:00   |'));
  });

  it('convert_timezone moves a wall-clock time; the two-argument form starts from the session zone', () => {
    const df = session()
      .sql("SELECT TIMESTAMP_NTZ '2021-12-06 00:00:00' AS t")
      .select(F.convert_timezone(lit('Europe/Brussels'), lit('America/Los_Angeles'), 't'), F.convert_timezone(null, lit('Europe/Brussels'), 't'), F.current_timezone());
    expect(schemaOf(df)).toEqual([
      'convert_timezone(Europe/Brussels, America/Los_Angeles, t):timestamp_ntz:false',
      'convert_timezone(current_timezone(), Europe/Brussels, t):timestamp_ntz:false',
      'current_timezone():string:false',
    ]);
    expect(cells(show(df).split('\n')[3]!)).toEqual(cells('|2021-12-05 15:00:00                                     |2021-12-06 01:00:00                                   |UTC               |'));
  });

  it('extract, date_part and datepart name the field as written; SECOND is a decimal(8,6)', () => {
    const df = session()
      .createDataFrame([{ t: new Date('2019-10-01T10:20:01.001Z'), d: new Date('2019-08-12T00:00:00Z') }], 't TIMESTAMP NOT NULL, d DATE NOT NULL')
      .select(F.extract(lit('YEAR'), 't'), F.date_part(lit('SECONDS'), 't'), F.datepart(lit('week'), 'd'), F.extract(lit('dow_iso'), 'd'), F.extract(lit('second'), 'd'));
    expect(schemaOf(df)).toEqual([
      'extract(YEAR FROM t):int:false',
      'date_part(SECONDS, t):decimal(8,6):false',
      'datepart(week FROM d):int:false',
      'extract(dow_iso FROM d):int:false',
      'extract(second FROM d):decimal(8,6):false',
    ]);
    expect(df.collect()[0]!.toArray()).toEqual([2019, '1.001000', 33, 1, '0.000000']);
  });

  it('extract errors: unknown fields, non-literal fields, the replaced function types', () => {
    const sql = (q: string) => () => analyzed(session().sql(q));
    expect(sql("SELECT extract(foo FROM DATE '2019-08-12')")).toThrow('[INVALID_EXTRACT_FIELD] Cannot extract `foo` from "DATE \'2019-08-12\'".');
    expect(sql("SELECT date_part(s, DATE '2019-08-12') FROM VALUES ('year') AS t(s)")).toThrow("The 'field' parameter of function 'date_part' needs to be a string literal.");
    expect(sql('SELECT extract(dow FROM 1)')).toThrow('Cannot resolve "dayofweek(1)" due to data type mismatch: Parameter 1 requires the "DATE" type, however "1" has the type "INT".');
    const nul = session().sql("SELECT date_part(CAST(NULL AS STRING), DATE '2019-08-12') AS x, extract(year FROM 'abc') AS y");
    expect(schemaOf(nul)).toEqual(['x:double:true', 'y:int:true']);
    expect(nul.collect()[0]!.toArray()).toEqual([null, null]);
    // a bare NULL field, over a string column or an interval, is a NULL double too
    const bare = session().sql("SELECT date_part(NULL, c) AS a, date_part(NULL, INTERVAL '1' YEAR) AS b, date_part(NULL, INTERVAL '1 02:03' DAY TO MINUTE) AS c FROM VALUES ('2011-05-06 07:08:09') t(c)");
    expect(schemaOf(bare)).toEqual(['a:double:true', 'b:double:true', 'c:double:true']);
    expect(bare.collect()[0]!.toArray()).toEqual([null, null, null]);
  });

  it('SQL names and values match Spark', () => {
    const df = session().sql(
      "SELECT make_date(2020, 1, 2), weekday(DATE '2020-01-02'), unix_date(DATE '1970-01-02'), to_unix_timestamp('2016-04-08', 'yyyy-MM-dd'), date_from_unix_date(1), datepart('week', DATE '2019-08-12'), extract(MINUTE FROM TIMESTAMP_NTZ '2019-08-12 01:02:03')",
    );
    expect(schemaOf(df)).toEqual([
      'make_date(2020, 1, 2):date:true',
      "weekday(DATE '2020-01-02'):int:false",
      "unix_date(DATE '1970-01-02'):int:false",
      'to_unix_timestamp(2016-04-08, yyyy-MM-dd):bigint:true',
      'date_from_unix_date(1):date:false',
      "datepart(week FROM DATE '2019-08-12'):int:false",
      "extract(MINUTE FROM TIMESTAMP_NTZ '2019-08-12 01:02:03'):int:false",
    ]);
    expect(cells(show(df).split('\n')[3]!)).toEqual(cells('|2020-01-02           |3                         |1                           |1460073600                               |1970-01-02            |33                                   |2                                                      |'));
  });

  it('date_add/date_sub/dateadd read a string argument as a column name', () => {
    const df = parts().select(col('d'), F.date_add(lit('2020-01-01'), 'n'), F.dateadd(lit('2020-01-01'), 'n'), F.date_sub(lit('2020-01-01'), 'n'));
    expect(df.columns).toEqual(['d', 'date_add(2020-01-01, n)', 'date_add(2020-01-01, n)', 'date_sub(2020-01-01, n)']);
    expect(df.collect().map((r) => r.toArray().slice(1).map((v) => (v as Date).toISOString().slice(0, 10)))).toEqual([
      ['2020-01-04', '2020-01-04', '2019-12-29'],
      ['2019-12-31', '2019-12-31', '2020-01-02'],
      ['2020-01-01', '2020-01-01', '2020-01-01'],
    ]);
  });

  it('window: the tumbling time window of each row, a struct named window', () => {
    const df = session().createDataFrame(
      [{ t: new Date('2020-01-01T00:13:00Z'), n: 1 }, { t: new Date('2020-01-01T00:17:00Z'), n: 2 }, { t: new Date('2020-01-01T00:21:00Z'), n: 4 }],
      't TIMESTAMP, n INT',
    );
    const g = df.groupBy(F.window('t', '10 minutes')).agg(F.sum('n').alias('s')).orderBy('window');
    // Spark's TimeWindowing rule drops rows with a null time, so a tumbling window is NOT NULL.
    expect(schemaOf(g)).toEqual(['window:struct<start:timestamp,end:timestamp>:false', 's:bigint:true']);
    expect(show(g).split('\n').slice(3, 5).map(cells)).toEqual([
      ['{2020-01-01 00:10:00, 2020-01-01 00:20:00}', '3'],
      ['{2020-01-01 00:20:00, 2020-01-01 00:30:00}', '4'],
    ]);
    const shifted = df.limit(1).select(F.window('t', '10 minutes', null, '5 minutes').getField('start').alias('start'));
    expect(cells(show(shifted).split('\n')[3]!)).toEqual(['2020-01-01 00:05:00']);
  });

  it('partition transforms are Columns (for writeTo().partitionedBy) and fail when a query evaluates them', () => {
    const df = session().createDataFrame([{ d: new Date(0) }], 'd date');
    // Spark 3.5.7 itself only fails at code generation ([INTERNAL_ERROR] Cannot generate code for expression: years(...));
    // locally the analyzer rejects them with an error that says what they are for.
    const expected = backend === 'connect' ? /Cannot generate code for expression: years/ : /partition transform/;
    expect(() => df.select(F.years('d')).collect()).toThrow(expected);
    if (backend !== 'connect') expect(() => analyzed(df.select(F.bucket(4, 'd')))).toThrow(AnalysisException);
  });

  it('SQL dateadd/date_diff/curdate are date_add/datediff/current_date; from_unixtime is always nullable', () => {
    const df = session().sql(
      "SELECT dateadd(DATE'2016-07-30', -1), date_diff('2009-07-30', '2009-07-31'), curdate() IS NOT NULL, from_unixtime(0)",
    );
    expect(df.schema.fields.map((f) => `${f.name}:${f.nullable}`)).toEqual([
      "date_add(DATE '2016-07-30', -1):false",
      'date_diff(2009-07-30, 2009-07-31):true',
      '(current_date() IS NOT NULL):false',
      'from_unixtime(0, yyyy-MM-dd HH:mm:ss):true',
    ]);
    expect(df.showString(20, false)).toContain('|2016-07-29                     |-1                               |true                        |1970-01-01 00:00:00                  |');
  });
});
