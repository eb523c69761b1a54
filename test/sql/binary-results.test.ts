/**
 * elt and concat over BINARY values only give BINARY, unless spark.sql.function.eltOutputAsString
 * / spark.sql.function.concatBinaryAsString ask for STRING; mixed with a string they give STRING.
 * Checked on Spark 3.5.7.
 */
import { expect, it } from 'vitest';
import type { SparkSession } from '../../src/index.js';
import { forEachBackend } from '../helpers/backends.js';

const Q = "SELECT elt(2, a, b) e, elt(2, a, 'b') m, concat(a, b) c, a || b p FROM VALUES (x'41', x'42') t(a, b)";

const typed = (spark: SparkSession): [string[], unknown[]] => {
  const df = spark.sql(Q);
  const row = [...df.collect()[0]!].map((v) => (v instanceof Uint8Array ? [...v] : v));
  return [df.schema.fields.map((f) => f.dataType.simpleString()), row];
};

forEachBackend('binary results of elt and concat', (session) => {
  it('all-binary arguments give BINARY by default', () => {
    expect(typed(session())).toEqual([
      ['binary', 'string', 'binary', 'binary'],
      [[0x42], 'b', [0x41, 0x42], [0x41, 0x42]],
    ]);
  });

  it('eltOutputAsString and concatBinaryAsString make them STRING', () => {
    const spark = session();
    spark.conf.set('spark.sql.function.eltOutputAsString', 'true');
    spark.conf.set('spark.sql.function.concatBinaryAsString', 'true');
    expect(typed(spark)).toEqual([
      ['string', 'string', 'string', 'string'],
      ['B', 'b', 'AB', 'AB'],
    ]);
  });
});
