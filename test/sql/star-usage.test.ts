/**
 * Where SQL text may use `*`: as a select item or a function call's argument
 * (expanded), nowhere else. Messages, pretty names and positions checked against
 * Spark 3.5.7 (sql-tests selectExcept.sql plus probes of each operator).
 */
import { expect, it } from 'vitest';
import { forEachBackend } from '../helpers/backends.js';
import { firstLineError, resultOf } from '../helpers/sql-errors.js';

const V = 'FROM VALUES (1, 2, CAST(NULL AS INT)) AS v(c1, c2, c3)';
const invalid = (where: string): { errorClass: string; message: string } => ({
  errorClass: 'INVALID_USAGE_OF_STAR_OR_REGEX',
  message: `[INVALID_USAGE_OF_STAR_OR_REGEX] Invalid usage of '*' in ${where}.`,
});

forEachBackend('SQL star usage', (session) => {
  it('expands a star given to a function call in the select list', () => {
    const spark = session();
    const q = `SELECT coalesce(*), abs(s.*) + 1, greatest(v.*) FROM VALUES (1, 2, CAST(NULL AS INT)) AS v(c1, c2, c3), VALUES (-3) AS s(a)`;
    expect(resultOf(spark, q)).toEqual({
      names: ['coalesce(c1, c2, c3, a)', '(abs(a) + 1)', 'greatest(c1, c2, c3)'],
      nullable: [false, false, false],
      rows: [[1, 4, 2]],
    });
  });

  it('refuses a star as an operand in the select list, naming the operator', () => {
    const spark = session();
    const cases: [string, string][] = [
      ['* + 1', 'add'],
      ['v.* - 1', 'subtract'],
      ['5 IN (*)', 'in'],
      ['* NOT IN (1)', 'in'],
      ['* <> 1', 'equalto'],
      ['* BETWEEN 1 AND 2', 'greaterthanorequal'],
      ['* IS TRUE', 'equalnullsafe'],
      ['* IS NOT NULL', 'isnotnull'],
      ['-*', 'unaryminus'],
      ['~*', 'bitwisenot'],
      ['* div 2', 'integraldivide'],
      ["'a' || *", 'concat'],
      ['CASE * WHEN 1 THEN 2 END', 'equalto'],
      ['TRY_CAST(* AS INT)', 'try_cast'],
      ['*[0]', 'unresolvedextractvalue'],
      ['* AS x', 'alias'],
      ['* AS (x, y)', 'multialias'],
    ];
    for (const [item, pretty] of cases) {
      expect(firstLineError(() => spark.sql(`SELECT ${item} ${V}`).collect()), item).toEqual(invalid(`expression \`${pretty}\``));
    }
  });

  it('refuses any star in another clause, naming its operator at the star', () => {
    const spark = session();
    const at = (where: string, pos: number): { errorClass: string; message: string } => ({ ...invalid(where), message: `${invalid(where).message}; line 1 pos ${pos}` });
    expect(firstLineError(() => spark.sql(`SELECT 1 ${V} WHERE coalesce(*) = 1 AND abs(*) = 1`).collect())).toEqual(at('Filter', 79));
    expect(firstLineError(() => spark.sql(`SELECT 1 ${V} WHERE 4 IN (*)`).collect())).toEqual(at('Filter', 76));
    expect(firstLineError(() => spark.sql(`SELECT c1 ${V} GROUP BY coalesce(*)`).collect())).toEqual(at('Aggregate', 83));
    expect(firstLineError(() => spark.sql(`SELECT count(1) ${V} HAVING coalesce(*) > 0`).collect())).toEqual(at('UnresolvedHaving', 87));
    expect(firstLineError(() => spark.sql(`SELECT c1 ${V} ORDER BY *`).collect())).toEqual(at('Sort', 74));
    expect(firstLineError(() => spark.sql('SELECT * FROM VALUES (1) s(a) JOIN VALUES (2) q(b) ON abs(*) = 1').collect())).toEqual(at('Join', 58));
  });

  it('names a quoted column regex by its pattern', () => {
    const spark = session();
    spark.conf.set('spark.sql.parser.quotedRegexColumnNames', 'true');
    try {
      expect(firstLineError(() => spark.sql('SELECT `(a)?+.+` + 1 FROM VALUES (1, 2) AS t(a, b)').collect())).toEqual({
        errorClass: 'INVALID_USAGE_OF_STAR_OR_REGEX',
        message: "[INVALID_USAGE_OF_STAR_OR_REGEX] Invalid usage of regular expression '(a)?+.+' in expression `add`.",
      });
      expect(resultOf(spark, 'SELECT coalesce(`(a)?+.+`) FROM VALUES (1, 2) AS t(a, b)').names).toEqual(['coalesce(b)']);
    } finally {
      spark.conf.set('spark.sql.parser.quotedRegexColumnNames', 'false');
    }
  });
});
