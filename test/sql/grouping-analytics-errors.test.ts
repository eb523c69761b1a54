/**
 * Errors of grouping analytics as Spark 3.5.7 raises them (sql-tests group-analytics.sql and
 * probes over range(2)): grouping()/grouping_id()/grouping__id outside grouping sets share one
 * message, and an empty set inside ROLLUP/CUBE is a classless parse error at the keyword.
 */
import { expect, it } from 'vitest';
import { forEachBackend } from '../helpers/backends.js';
import { errorOf, firstLineError } from '../helpers/sql-errors.js';

const UNSUPPORTED = '[UNSUPPORTED_GROUPING_EXPRESSION] grouping()/grouping_id() can only be used with GroupingSets/Cube/Rollup.';

forEachBackend('SQL grouping analytics errors', (session) => {
  it('refuses grouping functions without grouping sets with one message', () => {
    const spark = session();
    for (const q of ['SELECT id FROM range(2) GROUP BY id HAVING GROUPING(id) > 0', 'SELECT id FROM range(2) GROUP BY id HAVING GROUPING_ID(id) > 0']) {
      expect(firstLineError(() => spark.sql(q).collect()), q).toEqual({ errorClass: 'UNSUPPORTED_GROUPING_EXPRESSION', message: UNSUPPORTED });
    }
    // In the select list Spark adds its position and plan; the message starts the same.
    for (const q of ['SELECT id, GROUPING(id) FROM range(2) GROUP BY id', 'SELECT id, grouping__id FROM range(2) GROUP BY id']) {
      expect(firstLineError(() => spark.sql(q).collect()).message.startsWith(UNSUPPORTED), q).toBe(true);
    }
  });

  it('refuses an empty set in ROLLUP or CUBE as a classless parse error', () => {
    const spark = session();
    for (const kind of ['ROLLUP', 'CUBE']) {
      const err = errorOf(() => spark.sql(`SELECT id, SUM(id) FROM range(2) GROUP BY ${kind}(id, ())`).collect());
      expect(err.errorClass).toBeUndefined();
      expect(String(err.message).split('\n').slice(0, 2)).toEqual(['', `Empty set in ${kind} grouping sets is not supported.(line 1, pos 42)`]);
    }
  });
});
