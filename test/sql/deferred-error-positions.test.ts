/**
 * Analysis errors Spark 3.5.7 positions away from the failing expression: a higher-order
 * function's type error at the clause's top-level expression (an aliased item, the SELECT
 * block for an unaliased one, the WHERE condition), a window function without OVER at its
 * parent expression or, as a select item, at the SELECT block; an unresolved name in a lambda
 * body at the clause, as the lambda type error. Every position was asked of
 * Spark 3.5.7.
 */
import { expect, it } from 'vitest';
import { forEachBackend } from '../helpers/backends.js';
import { firstLineError } from '../helpers/sql-errors.js';

const FILTER_MISMATCH =
  '[DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "filter(array(1), lambdafunction(namedlambdavariable(), namedlambdavariable()))" due to data type mismatch: Parameter 2 requires the "BOOLEAN" type, however "lambdafunction(namedlambdavariable(), namedlambdavariable())" has the type "INT".';
const withoutOver = (fn: string): string => `[WINDOW_FUNCTION_WITHOUT_OVER_CLAUSE] Window function "${fn}" requires an OVER clause.`;

forEachBackend('SQL error positions Spark reports at the clause', (session) => {
  it('positions a lambda result type error at the clause top-level expression', () => {
    const spark = session();
    const cases: [string, number][] = [
      ['SELECT filter(array(1), x -> x)', 0],
      ['SELECT id, filter(array(1), x -> x) AS f FROM range(1)', 11],
      ['SELECT size(filter(array(1), x -> x)) FROM range(1)', 0],
      ['SELECT * FROM range(1) WHERE size(filter(array(1), x -> x)) > 0', 29],
      ['SELECT * FROM (SELECT filter(array(1), x -> x))', 15],
      ['SELECT count(*), size(filter(array(1), x -> x)) FROM range(1)', 0],
      ['SELECT id FROM range(1) ORDER BY size(filter(array(1), x -> x))', 33],
    ];
    for (const [q, pos] of cases) expect(firstLineError(() => spark.sql(q).collect()).message, q).toBe(`${FILTER_MISMATCH}; line 1 pos ${pos}`);
    const grouped: [string, number][] = [
      ['SELECT id, filter(array(id), x -> x) AS f FROM range(1) GROUP BY id', 11],
      ['SELECT id, size(filter(array(id), x -> x)) FROM range(1) GROUP BY id', 0],
    ];
    for (const [q, pos] of grouped) expect(firstLineError(() => spark.sql(q).collect()).message, q).toBe(`${FILTER_MISMATCH.replace('filter(array(1)', 'filter(array(id)').replace('"INT"', '"BIGINT"')}; line 1 pos ${pos}`);
  });

  it('positions an unresolved name in a lambda body at the clause, one outside it at the name', () => {
    const spark = session();
    const unresolved = (name: string, suggest: boolean): string =>
      `[UNRESOLVED_COLUMN.${suggest ? 'WITH' : 'WITHOUT'}_SUGGESTION] A column or function parameter with name \`${name}\` cannot be resolved. ${suggest ? 'Did you mean one of the following? [`id`].' : ''}`;
    const cases: [string, string, boolean, number][] = [
      ['SELECT transform(array(1), x -> y)', 'y', false, 0],
      ['SELECT id, transform(array(1), x -> y) AS t FROM range(1)', 'y', true, 11],
      ['SELECT * FROM range(1) WHERE size(transform(array(1), x -> y)) > 0', 'y', true, 29],
      ['SELECT id FROM range(1) ORDER BY size(transform(array(1), x -> y))', 'y', true, 33],
      ['SELECT id, size(transform(array(1), x -> y)) FROM range(1)', 'y', true, 0],
      ['SELECT id, transform(array(id), x -> y) AS t FROM range(1) GROUP BY id', 'y', true, 11],
      ['SELECT id, size(transform(array(id), x -> y)) FROM range(1) GROUP BY id', 'y', true, 0],
      ['SELECT * FROM (SELECT transform(array(1), x -> y))', 'y', false, 15],
      ['SELECT id, size(transform(array(1), x -> id + nosuch)) FROM range(1)', 'nosuch', true, 0],
      // outside the lambda: at the name
      ['SELECT id, size(transform(array(nosuch), x -> x)) FROM range(1)', 'nosuch', true, 32],
    ];
    for (const [q, name, suggest, pos] of cases) {
      expect(firstLineError(() => spark.sql(q).collect()).message, q).toBe(`${unresolved(name, suggest)}; line 1 pos ${pos}`);
    }
  });

  it('positions a window function without OVER at its parent, or at the SELECT block for an item', () => {
    const spark = session();
    const cases: [string, string, number][] = [
      ['SELECT id, row_number() AS r FROM range(1)', 'row_number()', 0],
      ['SELECT 1 + abs(row_number()) FROM range(1)', 'row_number()', 11],
      ['SELECT * FROM range(1) WHERE rank() > 0', 'RANK()', 29],
      ['SELECT * FROM (SELECT row_number())', 'row_number()', 15],
      // a grouped SELECT is an Aggregate starting at GROUP BY
      ['SELECT id, row_number() FROM range(1) GROUP BY id', 'row_number()', 38],
    ];
    for (const [q, fn, pos] of cases) expect(firstLineError(() => spark.sql(q).collect()).message, q).toBe(`${withoutOver(fn)}; line 1 pos ${pos}`);
  });
});
