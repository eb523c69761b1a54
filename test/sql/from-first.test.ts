/**
 * FROM-first queries (`FROM t SELECT ...`): each SELECT body reads the relation with its own
 * WHERE / GROUP BY / HAVING / ORDER BY / LIMIT, several bodies are the UNION ALL of their
 * results, and the form nests in set operations and subqueries. Checked against Spark 3.5.7.
 */
import { expect, it } from 'vitest';
import { forEachBackend } from '../helpers/backends.js';
import { firstLineError, resultOf } from '../helpers/sql-errors.js';

const T = 'FROM VALUES (1, 2), (3, 4) AS t(a, b)';

forEachBackend('SQL FROM-first queries', (session) => {
  it('reads the relation before the SELECT clause', () => {
    const spark = session();
    expect(resultOf(spark, `${T} SELECT a WHERE b > 2 ORDER BY a`)).toEqual({ names: ['a'], nullable: [false], rows: [[3]] });
    expect(resultOf(spark, `${T} SELECT sum(a) GROUP BY b HAVING sum(a) > 1`)).toEqual({ names: ['sum(a)'], nullable: [true], rows: [[3]] });
    expect(resultOf(spark, `SELECT * FROM (${T} SELECT b)`).rows).toEqual([[2], [4]]);
  });

  it('unions several SELECT bodies, each with its own ORDER BY and LIMIT', () => {
    const spark = session();
    expect(resultOf(spark, `${T} SELECT a WHERE a > 1 SELECT b ORDER BY b DESC LIMIT 1`)).toEqual({ names: ['a'], nullable: [false], rows: [[3], [4]] });
    expect(resultOf(spark, `${T} SELECT a ORDER BY a DESC LIMIT 1 UNION ALL SELECT 9`).rows).toEqual([[3], [9]]);
  });

  it('needs a SELECT body', () => {
    const spark = session();
    expect(firstLineError(() => spark.sql('FROM VALUES (1,2) AS t(a,b)').collect())).toEqual({
      errorClass: 'PARSE_SYNTAX_ERROR',
      message: '[PARSE_SYNTAX_ERROR] Syntax error at or near end of input.(line 1, pos 27)',
    });
  });
});
