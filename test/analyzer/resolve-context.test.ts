/**
 * A function definition's ResolveContext copied under other SQL text (`withSql`) keeps the
 * settings and argument texts of the original, whose texts are lazy getters a spread drops.
 */
import { describe, expect, it } from 'vitest';
import { withSql, type ResolveContext } from '../../src/functions/resolve-context.js';
import { forEachBackend } from '../helpers/backends.js';
import { firstLineError } from '../helpers/sql-errors.js';

/** Like the analyzer's CallContext: texts built on first use by getters on the prototype. */
class LazyContext implements ResolveContext {
  built = 0;
  readonly ansi = true;
  readonly conf = (key: string): string | undefined => (key === 'k' ? 'v' : undefined);
  get argSql(): readonly string[] {
    this.built++;
    return ['a', 'b'];
  }
  get sql(): string {
    return `f(${this.argSql.join(', ')})`;
  }
}

describe('withSql', () => {
  it('keeps argSql, ansi and conf and replaces sql', () => {
    const copy = withSql(new LazyContext(), 'g(a, b)');
    expect(copy.sql).toBe('g(a, b)');
    expect(copy.argSql).toEqual(['a', 'b']);
    expect(copy.ansi).toBe(true);
    expect(copy.conf?.('k')).toBe('v');
  });

  it('builds nothing until an error reads the texts, and a text function once', () => {
    const base = new LazyContext();
    let calls = 0;
    const copy = withSql(base, () => {
      calls++;
      return `(${base.argSql[0]} + ${base.argSql[1]})`;
    });
    expect(base.built).toBe(0);
    expect(copy.sql).toBe('(a + b)');
    expect(copy.sql).toBe('(a + b)');
    expect(calls).toBe(1);
  });

  it('copies an object-literal context too', () => {
    const copy = withSql({ sql: 'f(x)', argSql: ['x'] }, 'g(x)');
    expect([copy.sql, copy.argSql, copy.ansi, copy.conf]).toEqual(['g(x)', ['x'], undefined, undefined]);
  });
});

// Expectations asked of Spark 3.5.7.
forEachBackend('copied resolve contexts in the analyzer', (session) => {
  it('try_multiply types decimals by the session setting it is resolved under (conf kept by the copy)', () => {
    const spark = session();
    const q = 'SELECT try_multiply(CAST(1 AS DECIMAL(38,10)), CAST(2 AS DECIMAL(38,10))) AS m, try_add(CAST(1 AS DECIMAL(38,10)), CAST(2 AS DECIMAL(38,2))) AS a';
    expect(spark.sql(q).schema.fields.map((f) => f.dataType.simpleString())).toEqual(['decimal(38,6)', 'decimal(38,6)']);
    spark.conf.set('spark.sql.decimalOperations.allowPrecisionLoss', 'false');
    expect(spark.sql(q).schema.fields.map((f) => f.dataType.simpleString())).toEqual(['decimal(38,20)', 'decimal(38,10)']);
  });

  it('errors of a rewritten call quote its arguments under the rewritten text (argSql kept by the copy)', () => {
    const spark = session();
    expect(firstLineError(() => spark.sql('SELECT nvl2(1, 2, array(3))').collect(), true)).toEqual({
      errorClass: 'DATATYPE_MISMATCH.DATA_DIFF_TYPES',
      message: '[DATATYPE_MISMATCH.DATA_DIFF_TYPES] Cannot resolve "(IF((1 IS NOT NULL), 2, array(3)))" due to data type mismatch: Input to `if` should all be the same type, but it\'s ["INT", "ARRAY<INT>"].',
    });
    expect(firstLineError(() => spark.sql('SELECT try_add(1, array(2))').collect(), true).message).toContain('"(1 + array(2))"');
  });
});
