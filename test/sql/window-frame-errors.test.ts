/**
 * Errors of SQL window frames and specs: Spark's SpecifiedWindowFrame checks (bound types,
 * bound order) before its WindowSpecDefinition checks (a RANGE frame needs an order), each
 * positioned at the spec's `(`; and the legacy (classless) errors for an unordered ranking
 * function and a FILTER on a window aggregate. Every expectation was asked of Spark 3.5.7
 * (sql-tests window.sql and probes over range(3)).
 */
import { expect, it } from 'vitest';
import { forEachBackend } from '../helpers/backends.js';
import { firstLineError, rows } from '../helpers/sql-errors.js';

const over = (spec: string): string => `SELECT sum(id) OVER(${spec}) FROM range(3)`;
const mismatch = (sub: string, frame: string, message: string, pos = 19): { errorClass: string; message: string } => ({
  errorClass: `DATATYPE_MISMATCH.${sub}`,
  message: `[DATATYPE_MISMATCH.${sub}] Cannot resolve "${frame}" due to data type mismatch: ${message}; line 1 pos ${pos}`,
});
const ORDER = 'The lower bound of a window frame must be less than or equal to the upper bound.';

forEachBackend('SQL window frame errors', (session) => {
  it('requires ROWS offsets to be INT literals, naming the bound', () => {
    const spark = session();
    const cases: [string, string, string, string][] = [
      ['ORDER BY id ROWS BETWEEN CURRENT ROW AND 2147483648 FOLLOWING', 'ROWS BETWEEN CURRENT ROW AND 2147483648 FOLLOWING', 'upper', 'BIGINT'],
      ['ORDER BY id ROWS BETWEEN 2147483648 PRECEDING AND CURRENT ROW', 'ROWS BETWEEN 2147483648 PRECEDING AND CURRENT ROW', 'lower', 'BIGINT'],
      ['ORDER BY id ROWS BETWEEN 1.5 PRECEDING AND CURRENT ROW', 'ROWS BETWEEN 1.5 PRECEDING AND CURRENT ROW', 'lower', 'DECIMAL(2,1)'],
      ['ORDER BY id ROWS BETWEEN 2147483648 FOLLOWING AND 1 FOLLOWING', 'ROWS BETWEEN 2147483648 FOLLOWING AND 1 FOLLOWING', 'lower', 'BIGINT'],
    ];
    for (const [spec, frame, which, type] of cases) {
      expect(firstLineError(() => spark.sql(over(spec)).collect()), spec).toEqual(
        mismatch('SPECIFIED_WINDOW_FRAME_UNACCEPTED_TYPE', frame, `The data type of the ${which} bound "${type}" does not match the expected data type "INT".`),
      );
    }
  });

  it('refuses UNBOUNDED FOLLOWING first and UNBOUNDED PRECEDING last, naming the bounds as expressions', () => {
    const spark = session();
    const cases: [string, string, string][] = [
      ['ROWS BETWEEN UNBOUNDED FOLLOWING AND CURRENT ROW', 'CURRENT ROW', 'UNBOUNDED FOLLOWING'],
      ['ROWS BETWEEN CURRENT ROW AND UNBOUNDED PRECEDING', 'UNBOUNDED PRECEDING', 'CURRENT ROW'],
      ['ROWS BETWEEN UNBOUNDED FOLLOWING AND 2 PRECEDING', '(- 2)', 'UNBOUNDED FOLLOWING'],
      ['ROWS BETWEEN 2 PRECEDING AND UNBOUNDED PRECEDING', 'UNBOUNDED PRECEDING', '(- 2)'],
    ];
    for (const [frame, upper, lower] of cases) {
      expect(firstLineError(() => spark.sql(over(`ORDER BY id ${frame}`)).collect()), frame).toEqual(
        mismatch('SPECIFIED_WINDOW_FRAME_INVALID_BOUND', frame, `Window frame upper bound "${upper}" does not follow the lower bound "${lower}".`),
      );
    }
    expect(firstLineError(() => spark.sql(over('PARTITION BY id ROWS BETWEEN UNBOUNDED FOLLOWING AND 1 FOLLOWING')).collect())).toEqual(
      mismatch('SPECIFIED_WINDOW_FRAME_INVALID_BOUND', 'ROWS BETWEEN UNBOUNDED FOLLOWING AND 1 FOLLOWING', 'Window frame upper bound "1" does not follow the lower bound "UNBOUNDED FOLLOWING".'),
    );
  });

  it('compares two offsets, printing a RANGE offset cast to the key type as a negated FOLLOWING', () => {
    const spark = session();
    const cases: [string, string][] = [
      ['ORDER BY id ROWS BETWEEN 2 FOLLOWING AND 1 FOLLOWING', 'ROWS BETWEEN 2 FOLLOWING AND 1 FOLLOWING'],
      ['ORDER BY id ROWS BETWEEN 1 PRECEDING AND 2 PRECEDING', 'ROWS BETWEEN 1 PRECEDING AND 2 PRECEDING'],
      ['PARTITION BY id RANGE BETWEEN 2 FOLLOWING AND 1 FOLLOWING', 'RANGE BETWEEN 2 FOLLOWING AND 1 FOLLOWING'],
      ['ORDER BY id, id RANGE BETWEEN 1 PRECEDING AND 2 PRECEDING', 'RANGE BETWEEN 1 PRECEDING AND 2 PRECEDING'],
      ['ORDER BY CAST(id AS INT) RANGE BETWEEN 1 PRECEDING AND 2 PRECEDING', 'RANGE BETWEEN 1 PRECEDING AND 2 PRECEDING'],
      ['ORDER BY id RANGE BETWEEN 2 FOLLOWING AND 1 FOLLOWING', 'RANGE BETWEEN 2 FOLLOWING AND 1 FOLLOWING'],
      ['ORDER BY id RANGE BETWEEN 2 PRECEDING AND 3 PRECEDING', 'RANGE BETWEEN (- 2) FOLLOWING AND (- 3) FOLLOWING'],
      ['ORDER BY CAST(id AS DOUBLE) RANGE BETWEEN 1.5 FOLLOWING AND 1 PRECEDING', 'RANGE BETWEEN 1.5 FOLLOWING AND (- 1) FOLLOWING'],
    ];
    for (const [spec, frame] of cases) {
      expect(firstLineError(() => spark.sql(over(spec)).collect()), spec).toEqual(mismatch('SPECIFIED_WINDOW_FRAME_WRONG_COMPARISON', frame, ORDER));
    }
    // A frame starting or ending at CURRENT ROW is not compared: it runs (and is empty).
    expect(rows(spark, over('ORDER BY id ROWS BETWEEN 1 FOLLOWING AND CURRENT ROW')).map((r) => r[0])).toEqual([null, null, null]);
    // A named window's spec is positioned at its definition's `(`.
    expect(firstLineError(() => spark.sql('SELECT sum(id) OVER w FROM range(3) WINDOW w AS (ORDER BY id ROWS BETWEEN 2 FOLLOWING AND 1 FOLLOWING)').collect())).toEqual(
      mismatch('SPECIFIED_WINDOW_FRAME_WRONG_COMPARISON', 'ROWS BETWEEN 2 FOLLOWING AND 1 FOLLOWING', ORDER, 48),
    );
  });

  it('requires an order for any RANGE frame but the whole partition', () => {
    const spark = session();
    for (const frame of ['RANGE BETWEEN CURRENT ROW AND 1 FOLLOWING', 'RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW']) {
      expect(firstLineError(() => spark.sql(over(`PARTITION BY id ${frame}`)).collect()), frame).toEqual(
        mismatch('RANGE_FRAME_WITHOUT_ORDER', `(PARTITION BY id ${frame})`, 'A range window frame cannot be used in an unordered window specification.'),
      );
    }
    expect(rows(spark, over('PARTITION BY id RANGE BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING')).map((r) => Number(r[0])).sort()).toEqual([0, 1, 2]);
  });

  it('raises Spark 3.5.7 legacy errors, without a class, for an unordered ranking function and a filtered window aggregate', () => {
    const spark = session();
    expect(firstLineError(() => spark.sql('SELECT row_number() OVER(PARTITION BY id) FROM range(3)').collect())).toEqual({
      errorClass: undefined,
      message:
        'Window function row_number() requires window to be ordered, please add ORDER BY clause. For example SELECT row_number()(value_expr) OVER (PARTITION BY window_partition ORDER BY window_ordering) from table.',
    });
    expect(firstLineError(() => spark.sql('SELECT count(id) FILTER (WHERE id > 1) OVER(PARTITION BY id) FROM range(3)').collect())).toEqual({
      errorClass: undefined,
      message: 'Window aggregate function with filter predicate is not supported yet.',
    });
  });

  it('positions window-level errors as Spark 3.5.7: the legacy frame/order checks nowhere, UNSUPPORTED_EXPR_FOR_WINDOW at the window', () => {
    const spark = session();
    const err = (q: string) => firstLineError(() => spark.sql(q).collect());
    expect(err('SELECT id, 1 + row_number() OVER (PARTITION BY id) FROM range(3)').message).toBe(
      'Window function row_number() requires window to be ordered, please add ORDER BY clause. For example SELECT row_number()(value_expr) OVER (PARTITION BY window_partition ORDER BY window_ordering) from table.',
    );
    expect(err('SELECT id, 1 + lag(id) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM range(3)').message).toBe(
      'Cannot specify window frame for lag function.',
    );
    expect(err('SELECT id, 1 + row_number() OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM range(3)').message).toBe(
      'Window Frame specifiedwindowframe(RowFrame, -1, currentrow$()) must match the required frame specifiedwindowframe(RowFrame, unboundedpreceding$(), currentrow$()).',
    );
    expect(err('SELECT id, abs(id) OVER (ORDER BY id) FROM range(3)')).toEqual({
      errorClass: 'UNSUPPORTED_EXPR_FOR_WINDOW',
      message: '[UNSUPPORTED_EXPR_FOR_WINDOW] Expression "abs(id)" not supported within a window function.; line 1 pos 11',
    });
  });

  it('requires a literal frame bound (a classless parse error)', () => {
    const spark = session();
    const err = (() => {
      try {
        spark.sql('SELECT count(id) OVER(ORDER BY id RANGE BETWEEN CURRENT ROW AND current_date PRECEDING) FROM range(3)').collect();
      } catch (e) {
        return e as { errorClass?: string; message: string };
      }
      throw new Error('expected an error');
    })();
    expect(err.errorClass).toBeUndefined();
    expect(err.message.split('\n').slice(0, 2)).toEqual(['', 'Frame bound value must be a literal..(line 1, pos 64)']);
  });
});
