/**
 * The last PySpark 3.5 functions implemented: version(), to_char/to_varchar, histogram_numeric, with
 * values, types and names as Spark 3.5.7 gives them.
 */
import { expect, it } from 'vitest';
import { F, SPARK_VERSION } from '../../src/index.js';
import { analyzed, forEachBackend, REFEREE_PARALLELISM } from '../helpers/backends.js';

const schemaOf = (df: { schema: { fields: readonly { name: string; dataType: { simpleString(): string }; nullable: boolean }[] } }) =>
  df.schema.fields.map((f) => `${f.name}:${f.dataType.simpleString()}:${f.nullable}`);

forEachBackend('remaining functions', (session, backend) => {

  it("version() is '<spark version> <revision>'; locally the revision word is 'sparkless'", () => {
    const df = session().range(1).select(F.version());
    expect(schemaOf(df)).toEqual(['version():string:false']);
    const [v] = df.first()!.toArray() as [string];
    // Spark's second word is the git revision of its build (a 40-hex hash); sparkless has no build revision.
    if (backend === 'connect') expect(v).toMatch(/^3\.5\.\d+ [0-9a-f]{40}$/);
    else expect(v).toBe(`${SPARK_VERSION} sparkless`);
    expect(v.split(' ')[0]).toBe(session().version);
    expect(session().sql('SELECT version() AS v').first()!.toArray()).toEqual([v]);
  });
});

forEachBackend('to_char / to_varchar', (session) => {
  const show = (df: { collect(): { toArray(): unknown[] }[] }) => df.collect()[0]!.toArray();
  // Every expected string below is Spark 3.5.7's answer (askspark), brackets showing the padding.
  const cases: [string, string, string][] = [
    ['0', '999', '   '], ['-12', '999', ' 12'], ['12345', '999', '###'], ['454', '$999', '$454'], ['12454.8', '99,999.9', '12,454.8'],
    ['-12454.8', '99G999D9S', '12,454.8-'], ['-12', '999PR', ' <12>'], ['-12', '999MI', ' 12-'], ['12', '000', '012'], ['12.5', '99', '##'],
    ['1.25', '9.9', '#.#'], ['0', '9.9', '0.0'], ['0.5', '9.99', '0.50'], ['5', '9PR', '5  '], ['-5', 'S9', '-5'], ['5', '9S', '5+'], ['5', '9MI', '5 '],
    ['1234', '0,999', '1,234'], ['12', '9,999', '   12'], ['-1234', 'MI9,999', '-1,234'], ['12', '$9,999.00', '$   12.00'], ['-12', '$99PR', '<$12>'],
    ['5', '0099', '0005'], ['5', '9099', '   5'], ['-0.5', '9.9', '0.5'], ['0.5', '99.9', ' 0.5'], ['12', '99.', '12 '], ['12', '99D', '12 '],
    ['1', 'S999', '  +1'], ['-123', 'S999', '-123'], ['1', 'MI999', '   1'], ['1', '999PR', '  1  '], ['-12', '$9,999.00PR', '<$   12.00>'],
    ['12', 'S$999', '+$ 12'], ['-12', '99.PR', '<12> '], ['123456', '9G99G999', '1,23,456'], ['-12345.67', 'S$9,999.9', '-$# ###.#'],
    ['12345', '999PR', '###  '], ['-12345', '99MI', '##-'], ['0', 'S999', '   +'], ['12345', '9,9', '# #'], ['.5', '.9', '.5'],
  ];

  it('writes numbers with Spark number formats (padding, signs, overflow #)', () => {
    const exprs = cases.map(([v, f]) => `concat('[', to_char(${v}, '${f}'), ']')`);
    expect(show(session().sql(`SELECT ${exprs.join(', ')}`))).toEqual(cases.map(([, , want]) => `[${want}]`));
  });

  it('takes integral, fractional and string inputs through a DECIMAL cast; names, types and nullability as Spark', () => {
    const df = session().createDataFrame([{ i: 12, d: 12.0, s: '12', n: null }], 'i INT NOT NULL, d DOUBLE NOT NULL, s STRING NOT NULL, n DECIMAL(4,1)');
    const out = df.select(F.to_char('i', F.lit('99')), F.to_varchar(F.col('d'), F.lit('99.9')), F.to_char('s', F.lit('999')), F.to_char('n', F.lit('9')));
    expect(schemaOf(out)).toEqual(['to_char(i, 99):string:false', 'to_char(d, 99.9):string:true', 'to_char(s, 999):string:true', 'to_char(n, 9):string:true']);
    expect(show(out)).toEqual(['12', '12.0', ' 12', null]);
    expect(show(session().sql("SELECT to_char(1e30D, '9'), to_char(12, NULL), to_varchar(12, '99')"))).toEqual([null, null, '12']);
  });

  it("rejects non-numbers, non-constant formats and bad formats with Spark's errors", () => {
    const df = session().createDataFrame([{ a: 1, b: '9', t: true }], 'a INT, b STRING, t BOOLEAN');
    expect(() => analyzed(df.select(F.to_char('t', F.lit('9'))))).toThrow(/UNEXPECTED_INPUT_TYPE.*requires the "DECIMAL" type/);
    expect(() => analyzed(df.select(F.to_char('a', F.col('b'))))).toThrow(/NON_FOLDABLE_INPUT/);
    expect(() => analyzed(df.select(F.to_char('a', F.lit('x'))))).toThrow(/INVALID_FORMAT.WRONG_NUM_DIGIT/);
  });
});

forEachBackend('histogram_numeric', (session, backend) => {
  const data = '(5),(1),(2),(9),(4),(7),(7),(12),(null),(3),(8),(11),(20)';

  it("bins merged by the smallest gap, centres back in the input type (Spark's answers)", () => {
    const df = session().sql(
      `SELECT histogram_numeric(a, 3), histogram_numeric(cast(a as bigint), 4), histogram_numeric(cast(a as float)/3, 3), histogram_numeric(cast(a as decimal(5,2)), 2) FROM VALUES ${data} t(a)`,
    );
    expect(schemaOf(df).map((s) => s.split(':').slice(1).join(':'))).toEqual([
      'array<struct<x:int,y:double>>:true',
      'array<struct<x:bigint,y:double>>:true',
      'array<struct<x:double,y:double>>:true',
      'array<struct<x:decimal(5,2),y:double>>:true',
    ]);
    const [a, b, c, d] = df.collect()[0]!.toArray() as { toArray?: () => unknown[] }[][];
    const bins = (v: unknown[]) => v.map((s) => JSON.stringify((s as { toArray(): unknown[] }).toArray(), (_k, x) => (typeof x === 'bigint' ? Number(x) : x)));
    expect(bins(a!)).toEqual(['[3,5]', '[9,6]', '[20,1]']);
    expect(bins(b!)).toEqual(['[3,5]', '[7,4]', '[11,2]', '[20,1]']);
    expect(bins(c!)).toEqual(['[1,5]', '[3,6]', '[6.666666666666667,1]']);
    expect(d!.map((s) => String((s as { toArray(): unknown[] }).toArray()[0]))).toEqual(['6.27', '20.00']);
  });

  it('breaks ties between equal smallest gaps as Spark does, per partition then in the final merge', () => {
    // The referee scans VALUES as 2 partitions; the bins show how the partial histograms merged.
    if (backend !== 'connect') for (const [k, v] of Object.entries(REFEREE_PARALLELISM)) session().conf.set(k, v);
    const df = session().sql('SELECT histogram_numeric(col, 3), histogram_numeric(col, 4) FROM VALUES (1),(2),(3),(4),(5),(6),(7),(8),(9),(10),(11),(12) AS t(col)');
    const bins = (v: unknown) => (v as { toArray(): unknown[] }[]).map((s) => s.toArray());
    const [h3, h4] = df.collect()[0]!.toArray();
    expect(bins(h3)).toEqual([[2, 3], [5, 3], [9, 6]]);
    expect(bins(h4)).toEqual([[2, 3], [4, 2], [7, 3], [10, 4]]);
    // group-by.sql's 50 values: a tie is taken with probability 1/(ties so far), and merged centres round as Java's x*(y/d) + x2/d*y2.
    const values = Array.from({ length: 50 }, (_, i) => `(${i === 35 ? 3 : i + 1})`).join(', ');
    const h = session().sql(`SELECT histogram_numeric(col, 3), histogram_numeric(col, 5), histogram_numeric(col, 10) FROM VALUES ${values} AS tab(col)`).collect()[0]!.toArray();
    expect(bins(h[0])).toEqual([[9, 20], [25, 11], [40, 19]]);
    expect(bins(h[1])).toEqual([[5, 11], [14, 8], [22, 7], [30, 10], [43, 14]]);
    expect(bins(h[2])).toEqual([[3, 6], [8, 6], [13, 4], [17, 3], [20, 4], [25, 6], [31, 7], [39, 5], [43, 4], [48, 5]]);
  });

  it('is null without values; nb must be a constant of at least 2', () => {
    const df = session().createDataFrame([{ a: 1, b: 2 }], 'a INT, b INT');
    const out = df.filter(F.col('a').gt(5)).select(F.histogram_numeric('a', F.lit(5)));
    expect(out.columns).toEqual(['histogram_numeric(a, 5)']);
    expect(out.collect()[0]!.toArray()).toEqual([null]);
    expect(df.select(F.histogram_numeric(F.col('a').cast('double'), F.lit(2))).collect()[0]!.toArray()[0]).toHaveLength(1);
    expect(() => analyzed(df.select(F.histogram_numeric('a', F.lit(1))))).toThrow(/VALUE_OUT_OF_RANGE.*The nb must be between \[2, 2147483647\] \(current value = 1\)/);
    expect(() => analyzed(df.select(F.histogram_numeric('a', F.col('b'))))).toThrow(/NON_FOLDABLE_INPUT.*the input nb should be a foldable "INT" expression/);
  });

  it('takes dates, timestamps and ANSI intervals, each centre truncated back to that type', () => {
    const spark = session();
    const shown = (q: string): string => spark.sql(q).showString(20, false).split('\n')[3]!;
    expect(shown("SELECT histogram_numeric(d, 2) FROM VALUES (date'2020-01-01'), (date'2020-01-02'), (date'2020-01-10') AS t(d)")).toBe(
      '|[{2020-01-01, 2.0}, {2020-01-10, 1.0}]|',
    );
    // Toward zero, not down: 1969-12-30.5 is day -1.5, which truncates to 1969-12-31.
    expect(shown("SELECT histogram_numeric(d, 2) FROM VALUES (date'1969-12-30'), (date'1969-12-31'), (date'1970-03-01') AS t(d)")).toBe(
      '|[{1969-12-31, 2.0}, {1970-03-01, 1.0}]|',
    );
    expect(
      shown("SELECT histogram_numeric(ts, 2) FROM VALUES (timestamp'2020-01-01 00:00:00'), (timestamp'2020-01-01 00:00:01'), (timestamp'2020-01-02 00:00:00') AS t(ts)"),
    ).toBe('|[{2020-01-01 00:00:00.5, 2.0}, {2020-01-02 00:00:00, 1.0}]|');
    expect(shown("SELECT histogram_numeric(i, 2) FROM VALUES (INTERVAL '1' MONTH), (INTERVAL '2' MONTH), (INTERVAL '10' MONTH) AS t(i)")).toBe(
      "|[{INTERVAL '1' MONTH, 2.0}, {INTERVAL '10' MONTH, 1.0}]|",
    );
    expect(shown("SELECT histogram_numeric(i, 2) FROM VALUES (INTERVAL '1' SECOND), (INTERVAL '2' SECOND), (INTERVAL '10' SECOND) AS t(i)")).toBe(
      "|[{INTERVAL '01.5' SECOND, 2.0}, {INTERVAL '10' SECOND, 1.0}]|",
    );
    expect(schemaOf(spark.sql("SELECT histogram_numeric(d, 2) h FROM VALUES (date'2020-01-01') AS t(d)"))).toEqual(['h:array<struct<x:date,y:double>>:true']);
  });
});
