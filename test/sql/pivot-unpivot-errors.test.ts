/**
 * PIVOT's and UNPIVOT's errors as Spark 3.5.7 raises them (sql-tests pivot.sql and unpivot.sql
 * probed against the live server): names resolve first, then the pivot column must be comparable,
 * then each value must be a constant castable to the pivot column's type; UNPIVOT's grammar takes
 * a parenthesized column set only after parenthesized value columns.
 */
import { expect, it } from 'vitest';
import type { SparkSession } from '../../src/index.js';
import { forEachBackend } from '../helpers/backends.js';
import { firstLineError } from '../helpers/sql-errors.js';

const setUp = (spark: SparkSession): SparkSession => {
  spark.sql(`CREATE OR REPLACE TEMPORARY VIEW courseSales AS SELECT * FROM VALUES
    ('dotNET', 2012, 10000), ('Java', 2012, 20000), ('dotNET', 2013, 48000) AS courseSales(course, year, earnings)`);
  spark.sql(`CREATE OR REPLACE TEMPORARY VIEW sales2 AS SELECT * FROM VALUES
    ('dotNET', 15000, 2, 48000, 1), ('Java', 20000, 1, 30000, 2) AS sales2(course, earnings2012, sales2012, earnings2013, sales2013)`);
  return spark;
};

forEachBackend('SQL PIVOT and UNPIVOT errors', (session) => {
  it('resolves the pivot values before requiring them to be constants', () => {
    const spark = setUp(session());
    expect(firstLineError(() => spark.sql('SELECT * FROM courseSales\nPIVOT (\n  sum(earnings)\n  FOR year IN (s, 2013)\n)').collect())).toEqual({
      errorClass: 'UNRESOLVED_COLUMN.WITH_SUGGESTION',
      message:
        '[UNRESOLVED_COLUMN.WITH_SUGGESTION] A column or function parameter with name `s` cannot be resolved. Did you mean one of the following? [`year`, `course`, `earnings`].; line 4 pos 15',
    });
    expect(firstLineError(() => spark.sql('SELECT * FROM courseSales PIVOT (sum(earnings) FOR year IN (course, 2013))').collect())).toEqual({
      errorClass: 'NON_LITERAL_PIVOT_VALUES',
      message: '[NON_LITERAL_PIVOT_VALUES] Literal expressions required for pivot values, found "course".',
    });
  });

  it('refuses a value that cannot be cast to the pivot column type, and a map pivot column', () => {
    const spark = setUp(session());
    expect(firstLineError(() => spark.sql("SELECT * FROM courseSales PIVOT (sum(earnings) FOR (course, year) IN ('dotNET', 'Java'))").collect())).toEqual({
      errorClass: 'PIVOT_VALUE_DATA_TYPE_MISMATCH',
      message: "[PIVOT_VALUE_DATA_TYPE_MISMATCH] Invalid pivot value 'dotNET': value data type string does not match pivot column data type struct<course:string,year:int>.",
    });
    const q = "SELECT * FROM (SELECT earnings, map(course, year) AS m FROM courseSales) PIVOT (sum(earnings) FOR m IN (map('Java', 2012)))";
    expect(firstLineError(() => spark.sql(q).collect())).toEqual({
      errorClass: 'INCOMPARABLE_PIVOT_COLUMN',
      message: '[INCOMPARABLE_PIVOT_COLUMN] Invalid pivot column `m`. Pivot columns must be comparable.',
    });
  });

  it('requires the PIVOT expressions to read columns inside aggregates (a classless error naming the qualified column)', () => {
    const spark = setUp(session());
    const cases: [string, string][] = [
      ['SELECT * FROM courseSales AS c PIVOT (abs(earnings) FOR year IN (2012))', 'c.earnings'],
      ["SELECT * FROM (SELECT * FROM courseSales) s PIVOT (sum(earnings) + year FOR course IN ('dotNET'))", 's.year'],
      ["SELECT * FROM courseSales PIVOT (sum(earnings), 1 + year FOR course IN ('dotNET'))", 'coursesales.year'],
      ["SELECT * FROM (SELECT year, course, earnings FROM courseSales) PIVOT (sum(earnings), year FOR course IN ('dotNET'))", '__auto_generated_subquery_name.year'],
    ];
    for (const [q, column] of cases) {
      expect(firstLineError(() => spark.sql(q).collect()), q).toEqual({
        errorClass: undefined,
        message: `Aggregate expression required for pivot, but '${column}' did not appear in any aggregate function.`,
      });
    }
    // An expression reading no column is not refused.
    expect(spark.sql("SELECT * FROM courseSales PIVOT (1 FOR course IN ('Java')) ORDER BY year, earnings").collect().map((r) => [...r])).toEqual([
      [2012, 10000, null],
      [2012, 20000, 1],
      [2013, 48000, null],
    ]);
  });

  it('takes parenthesized UNPIVOT column sets only with parenthesized value columns', () => {
    const spark = setUp(session());
    const single = 'SELECT * FROM sales2 UNPIVOT (v FOR year IN ((earnings2012, sales2012), (earnings2013, sales2013)))';
    expect(firstLineError(() => spark.sql(single).collect())).toEqual({
      errorClass: 'PARSE_SYNTAX_ERROR',
      message: "[PARSE_SYNTAX_ERROR] Syntax error at or near '('.(line 1, pos 45)",
    });
    const multi = 'SELECT * FROM sales2 UNPIVOT ((e, s) FOR year IN (earnings2012, earnings2013))';
    expect(firstLineError(() => spark.sql(multi).collect())).toEqual({
      errorClass: 'PARSE_SYNTAX_ERROR',
      message: "[PARSE_SYNTAX_ERROR] Syntax error at or near 'earnings2012': missing '('.(line 1, pos 50)",
    });
    const ok = 'SELECT * FROM sales2 UNPIVOT ((e) FOR year IN ((earnings2012), (earnings2013)))';
    expect(spark.sql(ok).columns).toEqual(['course', 'sales2012', 'sales2013', 'year', 'e']);
  });
});
