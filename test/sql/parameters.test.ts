/**
 * `spark.sql(query, args)`: named (`:name`) and positional (`?`) parameter
 * markers bound as typed literals, and Spark's errors for markers left
 * unbound or mixed.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { F, SparkSession } from '../../src/index.js';

let spark: SparkSession;
beforeEach(() => {
  spark = new SparkSession('parameters', { backendType: 'memory' });
});
afterEach(() => spark.stop());

const rows = (sql: string, args?: Parameters<SparkSession['sql']>[1]): unknown[][] => spark.sql(sql, args).collect().map((r) => [...r]);

function errorOf(f: () => unknown): { errorClass?: string; message: string; name: string } {
  try {
    f();
  } catch (e) {
    return e as { errorClass?: string; message: string; name: string };
  }
  throw new Error('expected an error');
}

describe('spark.sql parameter markers', () => {
  it('binds :name markers from an object as typed literals, never as SQL text', () => {
    const df = spark.sql('SELECT :a + 1 AS x, :s AS s, :a', { a: 5, s: "it's -- not SQL" });
    expect(df.schema.fields.map((f) => [f.name, f.dataType.simpleString()])).toEqual([
      ['x', 'int'],
      ['s', 'string'],
      ['5', 'int'],
    ]);
    expect(df.collect().map((r) => [...r])).toEqual([[6, "it's -- not SQL", 5]]);
  });

  it('binds ? markers from an array in the order they appear', () => {
    expect(rows('SELECT ? AS x, ? AS y, ? AS z', [1, 'a', 2.5])).toEqual([[1, 'a', 2.5]]);
    expect(rows('SELECT id FROM range(10) WHERE id > ? AND id < ? ORDER BY id', [3, 6])).toEqual([[4], [5]]);
  });

  it('binds markers anywhere a literal may stand, including LIMIT and IN lists', () => {
    expect(rows('SELECT id FROM range(10) WHERE id IN (:x, :y) LIMIT :n', { x: 2, y: 7, n: 1 })).toEqual([[2]]);
  });

  it('accepts Columns of literals and collection constructors', () => {
    expect(rows('SELECT :a AS a', { a: F.array(F.lit(1), F.lit(2)) })).toEqual([[[1, 2]]]);
    expect(rows('SELECT :a AS a', { a: F.lit('x') })).toEqual([['x']]);
    const e = errorOf(() => spark.sql('SELECT :a', { a: F.col('x') }));
    expect([e.name, e.errorClass]).toEqual(['AnalysisException', 'INVALID_SQL_ARG']);
  });

  it('leaves markers inside string literals alone', () => {
    expect(rows("SELECT '?' AS q, ':a' AS r")).toEqual([['?', ':a']]);
  });

  it('raises UNBOUND_SQL_PARAMETER for a marker without a value', () => {
    const named = errorOf(() => spark.sql('SELECT :a', { b: 1 }));
    expect([named.name, named.errorClass]).toEqual(['AnalysisException', 'UNBOUND_SQL_PARAMETER']);
    expect(named.message).toContain('Found the unbound parameter: a.');
    // Spark names an unbound positional marker after its offset in the text.
    const positional = errorOf(() => spark.sql('SELECT ?, ?', [1]));
    expect(positional.errorClass).toBe('UNBOUND_SQL_PARAMETER');
    expect(positional.message).toContain('unbound parameter: _10.');
    expect(errorOf(() => spark.sql('SELECT :a')).errorClass).toBe('UNBOUND_SQL_PARAMETER');
  });

  it('raises INVALID_QUERY_MIXED_QUERY_PARAMETERS for named and positional markers together', () => {
    const e = errorOf(() => spark.sql('SELECT :a, ?', { a: 1 }));
    expect([e.name, e.errorClass]).toEqual(['AnalysisException', 'INVALID_QUERY_MIXED_QUERY_PARAMETERS']);
  });
});
