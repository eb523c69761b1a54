/**
 * The names PySpark 3.5's `functions` module exports that are not Spark SQL
 * functions (typing imports and module helpers), and unwrap_udt, as sparkless
 * gives them: checked against PySpark's helpers and Spark 3.5.7's answers.
 */
import { describe, expect, it } from 'vitest';
import { F, PySparkRuntimeError, SparkSession } from '../../src/index.js';
import { analyzed, forEachBackend } from '../helpers/backends.js';

describe('PySpark module helpers', () => {
  it('to_str: the option text PySpark sends', () => {
    expect([F.to_str(true), F.to_str(false), F.to_str(null), F.to_str(undefined), F.to_str(5), F.to_str('x')]).toEqual(['true', 'false', null, null, '5', 'x']);
  });

  it('cast, overload and try_remote_functions return what they are given', () => {
    const value = { a: 1 };
    expect(F.cast('Dict[str, int]', value)).toBe(value);
    const fn = (x: number) => x + 1;
    expect(F.overload(fn)).toBe(fn);
    expect(F.try_remote_functions(fn)).toBe(fn);
  });

  it("get_active_spark_context: the active session, else PySpark's RuntimeError", () => {
    const session = SparkSession.builder.appName('helpers').getOrCreate();
    expect(F.get_active_spark_context()).toBe(session);
    session.stop();
    expect(() => F.get_active_spark_context()).toThrow(PySparkRuntimeError);
    expect(() => F.get_active_spark_context()).toThrow('SparkContext or SparkSession should be created first.');
  });
});

forEachBackend('unwrap_udt', (session) => {
  it('needs a user-defined type: Spark refuses every other column; SQL does not know the name', () => {
    const df = session().sql("SELECT 1 AS a, named_struct('x', 1) AS st");
    expect(() => analyzed(df.select(F.unwrap_udt('a')))).toThrow(
      '[DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "unwrap_udt(a)" due to data type mismatch: Parameter 1 requires the "USERDEFINEDTYPE" type, however "a" has the type "INT".',
    );
    expect(() => analyzed(df.select(F.unwrap_udt('st')))).toThrow('however "st" has the type "STRUCT<x: INT>"');
    expect(() => analyzed(session().sql('SELECT unwrap_udt(1)'))).toThrow('[UNRESOLVED_ROUTINE] Cannot resolve function `unwrap_udt` on search path');
  });
});
