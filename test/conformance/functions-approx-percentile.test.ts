/**
 * percentile_approx / approx_percentile: Spark's Greenwald-Khanna summaries,
 * so approximate answers equal Spark's (for data in one partition: Spark
 * merges per-partition summaries, hence `coalesce(1)` in the approximate
 * cases), with Spark's types, names and argument checks.
 */
import { expect, it } from 'vitest';
import { F } from '../../src/index.js';
import { analyzed, forEachBackend } from '../helpers/backends.js';

const { col, expr } = F;

forEachBackend('percentile_approx', (session) => {
  const schemaOf = (df: { schema: { fields: readonly { name: string; dataType: { simpleString(): string }; nullable: boolean }[] } }) =>
    df.schema.fields.map((f) => `${f.name}:${f.dataType.simpleString()}:${f.nullable}`);

  it('names show the default accuracy, types follow the input', () => {
    const df = session()
      .createDataFrame([{ x: 3, y: 3, d: '1.50', s: '2' }, { x: 1, y: 1, d: '2.25', s: '5' }, { x: 2, y: 2, d: '0.75', s: null }], 'x INT, y BIGINT, d STRING, s STRING')
      .withColumn('d', col('d').cast('decimal(5,2)'))
      .select(
        F.percentile_approx('x', 0.5),
        F.percentile_approx('y', [0.1, 0.5, 0.9], 100),
        F.percentile_approx('d', 0.5),
        expr('approx_percentile(s, 0.9)'),
      );
    expect(schemaOf(df)).toEqual([
      'percentile_approx(x, 0.5, 10000):int:true',
      'percentile_approx(y, array(0.1, 0.5, 0.9), 100):array<bigint>:true',
      'percentile_approx(d, 0.5, 10000):decimal(5,2):true',
      'approx_percentile(s, 0.9, 10000):double:true',
    ]);
    const r = df.first()!.toArray();
    expect(r.slice(0, 2)).toEqual([2, [1, 2, 3]]);
    expect(String(r[2])).toBe('1.50');
    expect(r[3]).toBe(5);
  });

  it('small accuracies give Spark\'s approximate answers', () => {
    const df = session()
      .range(1, 1001)
      .coalesce(1)
      .select(
        F.percentile_approx(col('id').multiply(col('id')).mod(97), [0.05, 0.25, 0.5, 0.75, 0.95, 0.99], 10).alias('a'),
        F.percentile_approx(col('id').multiply(col('id')).mod(97), [0.05, 0.25, 0.5, 0.75, 0.95, 0.99], 50).alias('b'),
        F.percentile_approx(col('id'), 0.25, 10).alias('c'),
      );
    expect(df.first()!.toArray()).toEqual([[0, 9, 36, 65, 96, 96], [3, 22, 48, 72, 93, 96], 156]);
  });

  it('compresses its summaries as Spark does beyond 50000 values', () => {
    const df = session()
      .range(1, 130001)
      .coalesce(1)
      .select(
        F.percentile_approx(col('id').multiply(7919).mod(100003), [0.01, 0.1, 0.33, 0.5, 0.9, 0.999], 100).alias('a'),
        F.percentile_approx(col('id').multiply(7919).mod(100003), [0.01, 0.1, 0.33, 0.5, 0.9, 0.999]).alias('b'),
      );
    expect(df.first()!.toArray()).toEqual([
      [0, 9274, 32571, 49874, 89481, 100002],
      [990, 9993, 32995, 49996, 89996, 99898],
    ]);
  });

  it('groups, empty input and dates', () => {
    const df = session().sql(
      `SELECT k, percentile_approx(v, 0.5) m, percentile_approx(d, 0.5) pd FROM VALUES (1, 10, date'2020-01-03'), (1, 20, date'2020-01-01'), (1, 30, date'2020-01-02'), (2, NULL, NULL) t(k, v, d) GROUP BY k ORDER BY k`,
    );
    expect(schemaOf(df)).toEqual(['k:int:false', 'm:int:true', 'pd:date:true']);
    const rows = df.collect().map((r) => r.toArray());
    expect(rows.map((r) => r.slice(0, 2))).toEqual([
      [1, 20],
      [2, null],
    ]);
    expect((rows[0]![2] as Date).toISOString().slice(0, 10)).toBe('2020-01-02');
    expect(rows[1]![2]).toBeNull();
  });

  it("checks its arguments with Spark's errors", () => {
    const df = session().range(3);
    expect(() => analyzed(df.select(F.percentile_approx('id', 1.5)))).toThrow('The percentage must be between [0.0, 1.0] (current value = 1.5D)');
    expect(() => analyzed(df.select(F.percentile_approx('id', 0.5, 0)))).toThrow('The accuracy must be between (0, 2147483647] (current value = 0L)');
    expect(() => analyzed(df.select(F.percentile_approx('id', 0.5, col('id'))))).toThrow('the input accuracy should be a foldable "BIGINT" expression');
    expect(() => analyzed(df.select(F.percentile_approx('id', col('id').cast('double'))))).toThrow('the input percentage should be a foldable "DOUBLE" expression');
    expect(() => analyzed(session().sql('SELECT percentile_approx(id, NULL) FROM range(3)'))).toThrow('The percentage must not be null');
  });
});
