/**
 * A map's key type can neither be nor contain a MAP (DATATYPE_MISMATCH.INVALID_MAP_KEY_TYPE) for
 * map, map_from_arrays and map_from_entries; arrays and structs of other types are keys.
 * Checked on Spark 3.5.7.
 */
import { expect, it } from 'vitest';
import { forEachBackend } from '../helpers/backends.js';
import { errorOf, rows } from '../helpers/sql-errors.js';

forEachBackend('map key types', (session) => {
  it('a key that is or holds a MAP fails at analysis', () => {
    const spark = session();
    const cases: [string, string, string][] = [
      ["SELECT map(map('a', 1), map('b', 2))", 'map(map(a, 1), map(b, 2))', '"MAP<STRING, INT>"'],
      ['SELECT map(array(map(1, 2)), 1)', 'map(array(map(1, 2)), 1)', '"ARRAY<MAP<INT, INT>>"'],
      ['SELECT map_from_arrays(array(map(1, 2)), array(1))', 'map_from_arrays(array(map(1, 2)), array(1))', '"MAP<INT, INT>"'],
      ['SELECT map_from_entries(array(struct(map(1, 2), 1)))', 'map_from_entries(array(struct(map(1, 2), 1)))', '"MAP<INT, INT>"'],
    ];
    for (const [q, sql, type] of cases) {
      const e = errorOf(() => spark.sql(q).schema, q);
      expect(e.errorClass, q).toBe('DATATYPE_MISMATCH.INVALID_MAP_KEY_TYPE');
      expect(e.message, q).toContain(`Cannot resolve "${sql}" due to data type mismatch: The key of map cannot be/contain ${type}.`);
    }
  });

  it('array and struct keys without maps are fine', () => {
    const spark = session();
    const [[m]] = rows(spark, "SELECT map(array('a', 'b'), 1)") as [[Map<unknown, unknown>]];
    expect([...m.values()]).toEqual([1]);
  });
});
