/**
 * Ordered-set aggregates: percentile_cont / percentile_disc WITHIN GROUP
 * (ORDER BY ...), grouped and over windows, with Spark 3.5.7's names,
 * values and errors.
 */
import { expect, it } from 'vitest';
import type { SparkSession } from '../../src/session/session.js';
import { forEachBackend } from '../helpers/backends.js';

const VIEW =
  'CREATE OR REPLACE TEMP VIEW aggr AS SELECT * FROM VALUES (0, 0), (0, 10), (0, 20), (0, 30), (0, 40), (1, 10), (1, 20), (2, 10), (2, 20), (2, 25), (2, 30), (3, 60), (4, null) AS aggr(k, v)';

function run(spark: SparkSession, sql: string): { names: string[]; rows: unknown[][] } {
  spark.sql(VIEW);
  const df = spark.sql(sql);
  return { names: df.columns, rows: df.collect().map((r) => [...r]) };
}

function errorClassOf(spark: SparkSession, sql: string): string | undefined {
  try {
    run(spark, sql);
  } catch (e) {
    return (e as { errorClass?: string }).errorClass;
  }
  return undefined;
}

/** The first line of the error `sql` raises, or 'no error'. */
function firstLineOf(spark: SparkSession, sql: string): string {
  try {
    run(spark, sql);
  } catch (e) {
    return String((e as Error).message).split('\n')[0]!;
  }
  return 'no error';
}

forEachBackend('ordered-set aggregates', (session) => {
  it('percentile_cont interpolates and percentile_disc picks a value, ascending or descending', () => {
    const r = run(
      session(),
      'SELECT k, percentile_cont(0.25) WITHIN GROUP (ORDER BY v), percentile_cont(0.25) WITHIN GROUP (ORDER BY v DESC), percentile_disc(0.25) WITHIN GROUP (ORDER BY v DESC), percentile_disc(0.5) WITHIN GROUP (ORDER BY v) FROM aggr GROUP BY k ORDER BY k',
    );
    expect(r.names).toEqual([
      'k',
      'percentile_cont(0.25) WITHIN GROUP (ORDER BY v)',
      'percentile_cont(0.25) WITHIN GROUP (ORDER BY v DESC)',
      'percentile_disc(0.25) WITHIN GROUP (ORDER BY v DESC)',
      'percentile_disc(0.5) WITHIN GROUP (ORDER BY v)',
    ]);
    expect(r.rows).toEqual([
      [0, 10, 30, 30, 20],
      [1, 12.5, 17.5, 20, 10],
      [2, 17.5, 26.25, 30, 20],
      [3, 60, 60, 60, 60],
      [4, null, null, null, null],
    ]);
  });

  it('runs over a window partition, named or inline', () => {
    const r = run(
      session(),
      'SELECT k, v, percentile_cont(0.5) WITHIN GROUP (ORDER BY v) OVER (PARTITION BY k), percentile_disc(0.0) WITHIN GROUP (ORDER BY v) OVER w FROM aggr WHERE k = 1 WINDOW w AS (PARTITION BY k) ORDER BY v',
    );
    expect(r.names.slice(2)).toEqual([
      'percentile_cont(0.5) WITHIN GROUP (ORDER BY v) OVER (PARTITION BY k ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)',
      'percentile_disc(0.0) WITHIN GROUP (ORDER BY v) OVER (PARTITION BY k ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)',
    ]);
    expect(r.rows).toEqual([
      [1, 10, 15, 10],
      [1, 20, 15, 10],
    ]);
  });

  it("reports Spark's errors for bad percentages, window orders and the plain call", () => {
    const spark = session();
    expect(errorClassOf(spark, 'SELECT percentile_cont(1.5) WITHIN GROUP (ORDER BY v) FROM aggr')).toBe('DATATYPE_MISMATCH.VALUE_OUT_OF_RANGE');
    expect(errorClassOf(spark, 'SELECT percentile_cont(v) WITHIN GROUP (ORDER BY v) FROM aggr')).toBe('DATATYPE_MISMATCH.NON_FOLDABLE_INPUT');
    expect(errorClassOf(spark, 'SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY v) OVER (PARTITION BY k ORDER BY v) FROM aggr')).toBe(
      'INVALID_WINDOW_SPEC_FOR_AGGREGATION_FUNC',
    );
    expect(errorClassOf(spark, 'SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY v) OVER w FROM aggr WINDOW w AS (ORDER BY v)')).toBe(
      'INVALID_WINDOW_SPEC_FOR_AGGREGATION_FUNC',
    );
    expect(errorClassOf(spark, 'SELECT percentile_cont(0.5) FROM aggr')).toBe('UNRESOLVED_ROUTINE');
    expect(errorClassOf(spark, 'SELECT max(v) WITHIN GROUP (ORDER BY v) FROM aggr')).toBe('PARSE_SYNTAX_ERROR');
  });

  // Spark 3.5.7: WITHIN GROUP exists only after percentile_cont/disc of one plain argument; elsewhere
  // WITHIN is an alias and GROUP starts a GROUP BY, so the syntax error is at the parenthesis.
  it('reads WITHIN after any other call as an alias', () => {
    const spark = session();
    const messageOf = (q: string): string => firstLineOf(spark, q);
    for (const [call, pos] of [
      ['round(v, 0)', 27],
      ['percentile(v, 0.5)', 34],
      ['percentile_cont(DISTINCT 0.5)', 45],
      ['percentile_cont()', 33],
      ['percentile_cont(k, 0.5)', 39],
    ] as const) {
      expect(messageOf(`SELECT\n  ${call} WITHIN GROUP (ORDER BY v)\nFROM aggr`)).toBe(`[PARSE_SYNTAX_ERROR] Syntax error at or near '('.(line 2, pos ${pos})`);
    }
    expect(messageOf('SELECT 1 FROM VALUES (1) AS aggr(k, v) GROUP v')).toBe("[PARSE_SYNTAX_ERROR] Syntax error at or near 'v'.(line 1, pos 45)");
  });

  // Spark 3.5.7 ends these analysis errors with the call's position.
  it('positions its analysis errors at the call', () => {
    const spark = session();
    const messageOf = (q: string): string => firstLineOf(spark, q);
    expect(messageOf('SELECT\n  percentile_cont(0.5)\nFROM aggr')).toMatch(/^\[UNRESOLVED_ROUTINE\] .*; line 2 pos 2$/);
    expect(messageOf('SELECT\n    v,\n    percentile_cont(0.25) WITHIN GROUP (ORDER BY v) OVER w FROM aggr WINDOW w AS (PARTITION BY k ORDER BY v)')).toBe(
      '[INVALID_WINDOW_SPEC_FOR_AGGREGATION_FUNC] Cannot specify ORDER BY or a window frame for "percentile_cont(v, 0.25)".; line 3 pos 4',
    );
    expect(messageOf('SELECT\n    v,\n    percentile_disc(0.25) WITHIN GROUP (ORDER BY v) OVER (PARTITION BY k ORDER BY v) FROM aggr')).toBe(
      '[INVALID_WINDOW_SPEC_FOR_AGGREGATION_FUNC] Cannot specify ORDER BY or a window frame for "percentile_disc(v, 0.25)".; line 3 pos 4',
    );
  });

  // Spark 3.5.7 (percentiles.sql): FILTER after WITHIN GROUP keeps only the matching rows.
  it('takes a FILTER (WHERE ...) after WITHIN GROUP', () => {
    const r = run(
      session(),
      'SELECT k, percentile_cont(0.25) WITHIN GROUP (ORDER BY v) FILTER (WHERE k > 0), percentile_disc(0.25) WITHIN GROUP (ORDER BY v DESC) FILTER (WHERE k > 0) FROM aggr GROUP BY k ORDER BY k',
    );
    expect(r.names).toEqual([
      'k',
      'percentile_cont(0.25) WITHIN GROUP (ORDER BY v) FILTER (WHERE (k > 0))',
      'percentile_disc(0.25) WITHIN GROUP (ORDER BY v DESC) FILTER (WHERE (k > 0))',
    ]);
    expect(r.rows).toEqual([
      [0, null, null],
      [1, 12.5, 20],
      [2, 17.5, 30],
      [3, 60, 60],
      [4, null, null],
    ]);
    const all = run(session(), 'SELECT percentile_cont(0.25) WITHIN GROUP (ORDER BY v) FILTER (WHERE k > 0), percentile_disc(0.25) WITHIN GROUP (ORDER BY v DESC) FILTER (WHERE k > 0) FROM aggr');
    expect(all.rows).toEqual([[15, 30]]);
  });

  // Spark 3.5.7: median is percentile_cont(0.5), whose window takes no ORDER BY or frame.
  it('refuses an ordered or framed window for median', () => {
    const spark = session();
    for (const over of ['(PARTITION BY k ORDER BY v)', '(PARTITION BY k ROWS BETWEEN UNBOUNDED PRECEDING AND 1 FOLLOWING)', 'w']) {
      const q = `SELECT median(v) OVER ${over} FROM aggr${over === 'w' ? ' WINDOW w AS (PARTITION BY k ORDER BY v)' : ''}`;
      expect(errorClassOf(spark, q)).toBe('INVALID_WINDOW_SPEC_FOR_AGGREGATION_FUNC');
    }
    const r = run(spark, 'SELECT k, median(v) OVER (PARTITION BY k) FROM aggr WHERE k = 1');
    expect(r.names).toEqual(['k', 'median(v) OVER (PARTITION BY k ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)']);
    expect(r.rows).toEqual([
      [1, 15],
      [1, 15],
    ]);
  });

  // Spark 3.5.7: Percentile takes numbers and ANSI intervals (a string casts to DOUBLE); booleans,
  // dates and timestamps are UNEXPECTED_INPUT_TYPE, grouped or over a window.
  it('refuses boolean, date and timestamp inputs with UNEXPECTED_INPUT_TYPE; a string is read as a double', () => {
    const spark = session();
    const mismatch = (sql: string, col: string, type: string): string =>
      `[DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "${sql}" due to data type mismatch: Parameter 1 requires the ("NUMERIC" or "INTERVAL DAY TO SECOND" or "INTERVAL YEAR TO MONTH") type, however "${col}" has the type "${type}".; line 1 pos 7`;
    const messageOf = (sql: string): string => firstLineOf(spark, sql);
    expect(messageOf('SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY b) FROM VALUES (true), (false) t(b)')).toBe(mismatch('percentile_cont(b, 0.5)', 'b', 'BOOLEAN'));
    expect(messageOf('SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY b DESC) FROM VALUES (true), (false) t(b)')).toBe(mismatch('percentile_disc(b, 0.5)', 'b', 'BOOLEAN'));
    expect(messageOf("SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY d) FROM VALUES (date'2020-01-01') t(d)")).toBe(mismatch('percentile_disc(d, 0.5)', 'd', 'DATE'));
    expect(messageOf("SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY ts) FROM VALUES (timestamp'2020-01-01 00:00:00') t(ts)")).toBe(
      mismatch('percentile_cont(ts, 0.5)', 'ts', 'TIMESTAMP'),
    );
    expect(messageOf('SELECT percentile_cont(0.25) WITHIN GROUP (ORDER BY b) OVER (PARTITION BY a) FROM VALUES (1, true) t(a, b)')).toBe(
      mismatch('percentile_cont(b, 0.25)', 'b', 'BOOLEAN'),
    );
    expect(run(spark, "SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY s) FROM VALUES ('1') t(s)").rows).toEqual([[1]]);
  });
  // Spark 3.5.7 (live): the legacy formula takes the value at floor(p * (n - 1)) of the values in the
  // ORDER BY's direction, grouped and over a window; resetting the setting restores the 3.5 answer.
  it('spark.sql.legacy.percentileDiscCalculation=true answers with the legacy formula', () => {
    const spark = session();
    const data = 'FROM VALUES (1, 1), (1, 1), (1, 2), (1, 5), (1, 7), (1, 9), (1, null), (2, 3), (3, null), (4, 4), (4, 8) t(k, v)';
    const grouped = `SELECT k, percentile_disc(0.3) WITHIN GROUP (ORDER BY v) a, percentile_disc(0.7) WITHIN GROUP (ORDER BY v DESC) b, percentile_disc(0.5) WITHIN GROUP (ORDER BY v DESC) c, percentile_disc(0.99) WITHIN GROUP (ORDER BY v) d, percentile_disc(0.2) WITHIN GROUP (ORDER BY v) e ${data} GROUP BY k ORDER BY k`;
    const fours = 'SELECT percentile_disc(0.6) WITHIN GROUP (ORDER BY v), percentile_disc(0.9) WITHIN GROUP (ORDER BY v), percentile_disc(1.0) WITHIN GROUP (ORDER BY v) FROM VALUES (10), (20), (30), (40) t(v)';
    const window = 'SELECT v, percentile_disc(0.6) WITHIN GROUP (ORDER BY v) OVER (PARTITION BY k) w FROM VALUES (1, 10), (1, 20), (1, 30), (1, 40) t(k, v) ORDER BY v';
    const rows = (sql: string): unknown[][] => spark.sql(sql).collect().map((r) => [...r]);
    try {
      spark.sql('SET spark.sql.legacy.percentileDiscCalculation=true');
      expect(rows(grouped)).toEqual([
        [1, 1, 2, 5, 7, 1],
        [2, 3, 3, 3, 3, 3],
        [3, null, null, null, null, null],
        [4, 4, 8, 8, 4, 4],
      ]);
      expect(rows(fours)).toEqual([[20, 30, 40]]);
      expect(rows(window).map((r) => r[1])).toEqual([20, 20, 20, 20]);
    } finally {
      spark.sql('SET spark.sql.legacy.percentileDiscCalculation=false');
    }
    expect(rows(fours)).toEqual([[30, 40, 40]]);
  });
});
