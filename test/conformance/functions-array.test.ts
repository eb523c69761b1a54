/**
 * The array functions of PySpark 3.5 (issue 9's collection family): values,
 * result types with containsNull, nullability, NULL handling, error classes
 * and column names as Spark 3.5.7 gives them, through the DataFrame API and SQL.
 */
import { expect, it } from 'vitest';
import { F } from '../../src/index.js';
import type { DataFrame } from '../../src/api/dataframe.js';
import { analyzed, forEachBackend } from '../helpers/backends.js';

const { col, lit } = F;

/** `name:type:nullable`, with containsNull spelled out for arrays. */
const describe = (df: DataFrame): string[] =>
  df.schema.fields.map((f) => `${f.name}:${JSON.stringify(f.dataType.jsonValue())}:${f.nullable}`);
const arr = (t: string, containsNull: boolean): string => JSON.stringify({ type: 'array', elementType: t, containsNull });

forEachBackend('array functions', (session, backend) => {
  const df = () =>
    session().createDataFrame(
      [
        { a: [1, 2, 3], b: [3, 4, null], x: 2 },
        { a: null, b: [], x: null },
      ],
      'a ARRAY<INT>, b ARRAY<INT>, x INT',
    );

  it('array_append, array_prepend, array_insert, array_position and array_remove', () => {
    const out = df().select(
      F.array_append('a', 4),
      F.array_prepend('a', col('x')),
      F.array_insert('a', -1, lit(9)),
      F.array_insert('b', 5, lit(9)),
      F.array_position('b', 4),
      F.array_remove('b', 3),
    );
    expect(out.columns).toEqual([
      'array_append(a, 4)',
      'array_prepend(a, x)',
      'array_insert(a, -1, 9)',
      'array_insert(b, 5, 9)',
      'array_position(b, 4)',
      'array_remove(b, 3)',
    ]);
    expect(describe(out).map((s) => s.split(':').slice(1).join(':'))).toEqual([
      `${arr('integer', true)}:true`,
      `${arr('integer', true)}:true`,
      `${arr('integer', true)}:true`,
      `${arr('integer', true)}:true`,
      `"long":true`,
      `${arr('integer', true)}:true`,
    ]);
    const rows = out.collect().map((r) => r.toArray());
    expect(rows[0]).toEqual([[1, 2, 3, 4], [2, 1, 2, 3], [1, 2, 3, 9], [3, 4, null, null, 9], 2, [4, null]]);
    expect(rows[1]).toEqual([null, null, null, [null, null, null, null, 9], 0, []]);
  });

  it('array_insert: negative positions count from the end and pad with NULLs; position 0 is INVALID_INDEX_OF_ZERO', () => {
    const out = session()
      .range(1)
      .select(
        F.array_insert(F.array(lit(1), lit(2), lit(3)), -4, lit(9)).alias('a'),
        F.array_insert(F.array(lit(1), lit(2), lit(3)), -5, lit(9)).alias('b'),
        F.array_insert(F.array(lit(1), lit(2), lit(3)), 2, lit(9)).alias('c'),
      );
    expect(out.first()!.toArray()).toEqual([[9, 1, 2, 3], [9, null, 1, 2, 3], [1, 9, 2, 3]]);
    expect(() => session().range(1).select(F.array_insert(F.array(lit(1)), 0, lit(2))).collect()).toThrow(/INVALID_INDEX_OF_ZERO|The index 0 is invalid/);
  });

  it('element type mismatches are ARRAY_FUNCTION_DIFF_TYPES / BINARY_ARRAY_DIFF_TYPES', () => {
    expect(() => analyzed(df().select(F.array_append('a', 'text')))).toThrow(
      'Input to `array_append` should have been "ARRAY" followed by a value with same element type, but it\'s ["ARRAY<INT>", "STRING"]',
    );
    expect(() => analyzed(df().select(F.array_position('a', lit(1.5).cast('decimal(2,1)'))))).toThrow(/same element type, but it's \["ARRAY<INT>", "DECIMAL\(2,1\)"\]/);
    expect(() => analyzed(df().select(F.array_union('a', F.array(lit('s')))))).toThrow(
      'Input to function `array_union` should have been two "ARRAY" with same element type, but it\'s ["ARRAY<INT>", "ARRAY<STRING>"]',
    );
    expect(() => analyzed(df().select(F.array_repeat('x', lit(2).cast('bigint'))))).toThrow(/Parameter 2 requires the "INT" type/);
  });

  it('array_contains and element_at coerce to the tightest common type (never the value to the element type)', () => {
    const one = session().range(1);
    const out = one.select(
      F.array_contains(F.array(lit(1)), lit(1.5)).alias('c'),
      F.element_at(F.create_map(lit(1), lit(2)), lit(1).cast('bigint')).alias('e'),
      F.map_contains_key(F.create_map(lit(1), lit(2)), lit(1).cast('bigint')).alias('k'),
    );
    expect(out.first()!.toArray()).toEqual([false, 2, true]);
    expect(out.schema.fields[0]!.nullable).toBe(false);
    expect(() => analyzed(one.select(F.array_contains(F.array(lit(1)), 'a')))).toThrow(
      'Input to `array_contains` should have been "ARRAY" followed by a value with same element type, but it\'s ["ARRAY<INT>", "STRING"]',
    );
    expect(() => analyzed(one.select(F.element_at(F.create_map(lit(1), lit(2)), 'a')))).toThrow(
      'Input to `element_at` should have been "MAP" followed by a value with same key type, but it\'s ["MAP<INT, INT>", "STRING"]',
    );
  });

  it('set operations keep first-seen order, one NULL, and Spark containsNull', () => {
    const out = df().select(F.array_union('a', 'b'), F.array_intersect('a', 'b'), F.array_except('b', 'a'), F.arrays_overlap('a', 'b'));
    expect(describe(out)).toEqual([
      `array_union(a, b):${arr('integer', true)}:true`,
      `array_intersect(a, b):${arr('integer', true)}:true`,
      `array_except(b, a):${arr('integer', true)}:true`,
      'arrays_overlap(a, b):"boolean":true',
    ]);
    const rows = out.collect().map((r) => r.toArray());
    expect(rows[0]).toEqual([[1, 2, 3, 4, null], [3], [4, null], true]);
    expect(rows[1]).toEqual([null, null, null, null]);
  });

  it('set operations tell -0.0 from 0.0 and match NaN with NaN; element lookups do not tell the zeros apart', () => {
    const d = (v: string) => lit(v).cast('double');
    const out = session()
      .range(1)
      .select(
        F.array_distinct(F.array(d('0.0'), d('-0.0'))).alias('distinct'),
        F.array_except(F.array(d('0.0'), d('-0.0'), d('1.0')), F.array(d('-0.0'))).alias('except'),
        F.arrays_overlap(F.array(d('0.0')), F.array(d('-0.0'))).alias('overlap'),
        F.array_union(F.array(d('NaN')), F.array(d('NaN'))).alias('union'),
        F.array_contains(F.array(d('0.0')), d('-0.0')).alias('contains'),
        F.array_position(F.array(d('NaN')), d('NaN')).alias('position'),
      );
    const [distinct, except, overlap, union, contains, position] = out.first()!.toArray() as [number[], number[], boolean, number[], boolean, number];
    expect(distinct.map((x) => Object.is(x, -0))).toEqual([false, true]);
    expect(except).toEqual([0, 1]);
    expect(Object.is(except[0], -0)).toBe(false);
    expect([overlap, union.length, Number.isNaN(union[0]), contains, position]).toEqual([false, 1, true, true, 1]);
  });

  it("arrays_overlap is three-valued: NULL when no common element but both non-empty and one holds NULL", () => {
    const one = session().range(1);
    const a = (...xs: (number | null)[]) => F.array(...xs.map((x) => (x === null ? lit(null).cast('int') : lit(x))));
    const out = one.select(
      F.arrays_overlap(a(1, null), a(2)).alias('n'),
      F.arrays_overlap(a(1, null), a(1)).alias('t'),
      F.arrays_overlap(F.array().cast('array<int>'), a(null)).alias('f'),
      F.arrays_overlap(a(1), a(2)).alias('f2'),
    );
    expect(out.first()!.toArray()).toEqual([null, true, false, false]);
  });

  it('array_compact, array_size, array_repeat, flatten, slice and get', () => {
    const out = df().select(
      F.array_compact('b'),
      F.array_size('a'),
      F.array_repeat('x', 2),
      F.flatten(F.array(col('a'), col('b'))),
      F.slice('a', -2, 5),
      F.get('a', 2),
      F.get('a', 3),
    );
    expect(out.columns).toEqual(['array_compact(b)', 'array_size(a)', 'array_repeat(x, 2)', 'flatten(array(a, b))', 'slice(a, -2, 5)', 'get(a, 2)', 'get(a, 3)']);
    expect(describe(out).map((s) => s.split(':').slice(1).join(':'))).toEqual([
      `${arr('integer', true)}:true`,
      '"integer":true',
      `${arr('integer', true)}:false`,
      `${arr('integer', true)}:true`,
      `${arr('integer', true)}:true`,
      '"integer":true',
      '"integer":true',
    ]);
    const rows = out.collect().map((r) => r.toArray());
    expect(rows[0]).toEqual([[3, 4], 3, [2, 2], [1, 2, 3, 3, 4, null], [2, 3], 3, null]);
    expect(rows[1]).toEqual([[], null, [null, null], null, null, null, null]);
    expect(() => df().select(F.slice('a', 0, 1)).collect()).toThrow('Unexpected value for start in function slice: SQL array indices start at 1.');
    expect(() => df().select(F.slice('a', 1, -1)).collect()).toThrow(
      'Unexpected value for length in function slice: length must be greater than or equal to 0.',
    );
    expect(() => analyzed(df().select(F.flatten('a')))).toThrow('Parameter 1 requires the "ARRAY" of "ARRAY" type');
  });

  it('try_element_at gives NULL out of range (index 0 still fails) and for a missing map key', () => {
    const out = df().select(F.try_element_at('a', lit(5)), F.try_element_at('a', lit(-1)), F.try_element_at(F.create_map(lit('k'), col('x')), lit('z')));
    expect(out.columns).toEqual(['try_element_at(a, 5)', 'try_element_at(a, -1)', 'try_element_at(map(k, x), z)']);
    expect(out.collect().map((r) => r.toArray())).toEqual([
      [null, 3, null],
      [null, null, null],
    ]);
    expect(() => df().select(F.try_element_at('a', lit(0))).collect()).toThrow(/The index 0 is invalid/);
  });

  it('sequence: integers with a default ±1 step, dates by day, Spark boundary errors and size limit', () => {
    const one = session().range(1);
    const out = one.select(
      F.sequence(lit(1), lit(5), lit(2)),
      F.sequence(lit(5), lit(1)),
      F.sequence(lit(1), lit(3).cast('bigint')).alias('l'),
      F.sequence(F.to_date(lit('2024-01-30')), F.to_date(lit('2024-02-01'))).alias('d'),
    );
    expect(describe(out)).toEqual([
      `sequence(1, 5, 2):${arr('integer', false)}:false`,
      `sequence(5, 1):${arr('integer', false)}:false`,
      `l:${arr('long', false)}:false`,
      `d:${arr('date', false)}:true`,
    ]);
    const row = out.first()!.toArray();
    expect(row.slice(0, 3)).toEqual([[1, 3, 5], [5, 4, 3, 2, 1], [1, 2, 3]]);
    expect((row[3] as Date[]).map((d) => d.toISOString().slice(0, 10))).toEqual(['2024-01-30', '2024-01-31', '2024-02-01']);
    const ts = one.select(F.sequence(F.to_timestamp(lit('2024-01-01 10:00:00')), F.to_timestamp(lit('2024-01-03 09:00:00'))).alias('t')).first()!.get(0) as Date[];
    expect(ts.map((d) => d.toISOString())).toEqual(['2024-01-01T10:00:00.000Z', '2024-01-02T10:00:00.000Z']);
    expect(() => one.select(F.sequence(lit(1), lit(5), lit(-1))).collect()).toThrow('Illegal sequence boundaries: 1 to 5 by -1');
    expect(() => one.select(F.size(F.sequence(lit(0).cast('bigint'), lit(3000000000)))).collect()).toThrow(
      'Unsuccessful try to create array with 3000000001 elements due to exceeding the array size limit 2147483632.',
    );
    expect(() => analyzed(one.select(F.sequence(lit(1.5), lit(2.5))))).toThrow(/SEQUENCE_WRONG_INPUT_TYPES|`sequence` uses the wrong parameter type/);
  });

  it('array_sort: ascending with NULLs last by default, or by a comparator lambda', () => {
    const out = df().select(F.array_sort('b').alias('asc'), F.array_sort('a', (l, r) => r.minus(l)).alias('desc'));
    expect(out.collect().map((r) => r.toArray())).toEqual([
      [[3, 4, null], [3, 2, 1]],
      [[], null],
    ]);
    expect(df().select(F.array_sort('a')).columns[0]).toBe(
      'array_sort(a, lambdafunction((IF(((namedlambdavariable() IS NULL) AND (namedlambdavariable() IS NULL)), 0, (IF((namedlambdavariable() IS NULL), 1, (IF((namedlambdavariable() IS NULL), -1, (IF((namedlambdavariable() < namedlambdavariable()), -1, (IF((namedlambdavariable() > namedlambdavariable()), 1, 0)))))))))), namedlambdavariable(), namedlambdavariable()))',
    );
    expect(() => analyzed(df().select(F.array_sort('a', (_l, _r) => lit('x'))))).toThrow('requires return "INT" type, but the actual is "STRING" type');
  });

  it('arrays_zip names struct fields after the columns, pads with NULLs, and is NULL for a NULL input', () => {
    const out = df().select(F.arrays_zip('a', 'b'));
    expect(out.schema.fields[0]!.dataType.simpleString()).toBe('array<struct<a:int,b:int>>');
    expect(out.columns).toEqual(['arrays_zip(a, b)']);
    expect(out.collect().map((r) => r.toArray()[0])).toEqual([
      [
        { a: 1, b: 3 },
        { a: 2, b: 4 },
        { a: 3, b: null },
      ].map((o) => expect.objectContaining(o)),
      null,
    ]);
  });

  it('shuffle permutes the elements (a seed makes it reproducible locally)', () => {
    const big = session().range(1).select(F.sequence(lit(1), lit(50)).alias('s'));
    const shuffled = big.select(F.shuffle('s')).first()!.get(0) as number[];
    expect(big.select(F.shuffle('s')).columns).toEqual(['shuffle(s)']);
    expect([...shuffled].sort((p, q) => p - q)).toEqual(Array.from({ length: 50 }, (_, k) => k + 1));
    if (backend !== 'connect') {
      const once = big.select(F.shuffle('s', 7)).first()!.get(0);
      expect(big.select(F.shuffle('s', 7)).first()!.get(0)).toEqual(once);
      expect(big.select(F.shuffle('s', 8)).first()!.get(0)).not.toEqual(once);
    } else {
      // Spark 3.5 has no seeded shuffle: a seed is refused rather than dropped.
      expect(() => big.select(F.shuffle('s', 7)).collect()).toThrow(/shuffle with a seed on Spark Connect/);
    }
  });

  it('array_agg is collect_list, named collect_list by Spark', () => {
    const out = df().agg(F.array_agg('x'));
    expect(out.columns).toEqual(['collect_list(x)']);
    expect(out.first()!.get(0)).toEqual([2]);
  });

  it('the SQL forms agree', () => {
    const out = session().sql(
      "SELECT array_append(array(1, 2), 3) a, array_insert(array(1, 2, 3), 2, 9) b, array_position(array(1L), 1) c, array_union(array(1), array(2L)) d, sequence(1, 3, 1L) e, slice(array(1, 2, 3), 2, 1) f, get(array(1, 2), 1) g, array_sort(array(3, 1, 2), (x, y) -> y - x) h, arrays_zip(array(1, 2), array('a')) i",
    );
    expect(out.first()!.toArray()).toEqual([[1, 2, 3], [1, 9, 2, 3], 1, [1, 2], [1, 2, 3], [2], 2, [3, 2, 1], [expect.objectContaining({ 0: 1, 1: 'a' }), expect.objectContaining({ 0: 2, 1: null })]]);
    expect(out.schema.fields.map((f) => f.dataType.simpleString())).toEqual([
      'array<int>',
      'array<int>',
      'bigint',
      'array<bigint>',
      'array<bigint>',
      'array<int>',
      'int',
      'array<int>',
      'array<struct<0:int,1:string>>',
    ]);
    const picks = session().sql(
      'SELECT element_at(array(1, 2), 1) a, array(1, 2)[0] b, get(array(1, 2), 5) c, get(array(1, null), 1) d, element_at(array(1, 2), -1) e, try_element_at(array(1, 2), 1) f',
    );
    // A literal index into an array built in place takes the element's nullability, as Spark computes it.
    expect(picks.schema.fields.map((f) => f.nullable)).toEqual([false, false, true, true, false, false]);
    const viaExpr = df().select(F.expr('array_insert(a, 1, 0)'), F.expr('array_sort(a, (x, y) -> y - x)').alias('d'), F.expr('sequence(1, 3)'));
    expect(viaExpr.columns).toEqual(['array_insert(a, 1, 0)', 'd', 'sequence(1, 3)']);
    expect(viaExpr.first()!.toArray()).toEqual([[0, 1, 2, 3], [3, 2, 1], [1, 2, 3]]);
    expect(session().sql('SELECT array_compact(array(1, NULL, 2)), array_size(array(1, 2))').columns).toEqual([
      'array_compact(array(1, NULL, 2))',
      'array_size(array(1, 2))',
    ]);
  });

  it('a cast to a complex type is named after its input (Cast.sql), other casts keep CAST(...)', () => {
    const df = session().sql(
      "SELECT array_append(CAST(NULL AS ARRAY<INT>), 1), CAST(map(1, 2) AS MAP<INT, BIGINT>), CAST(named_struct('a', 1) AS STRUCT<a: BIGINT>), abs(CAST(NULL AS INT))",
    );
    expect(df.columns).toEqual(['array_append(NULL, 1)', 'map(1, 2)', 'named_struct(a, 1)', 'abs(CAST(NULL AS INT))']);
  });
});
