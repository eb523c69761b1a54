/**
 * The last PySpark 3.5 functions implemented: version() and friends, with
 * values, types and names as Spark 3.5.7 gives them.
 */
import { expect, it } from 'vitest';
import { F, SPARK_VERSION } from '../../src/index.js';
import { forEachBackend } from '../helpers/backends.js';

forEachBackend('remaining functions', (session, backend) => {
  const schemaOf = (df: { schema: { fields: readonly { name: string; dataType: { simpleString(): string }; nullable: boolean }[] } }) =>
    df.schema.fields.map((f) => `${f.name}:${f.dataType.simpleString()}:${f.nullable}`);

  it("version() is '<spark version> <revision>'; locally the revision word is 'sparkless'", () => {
    const df = session().range(1).select(F.version());
    expect(schemaOf(df)).toEqual(['version():string:false']);
    const [v] = df.first()!.toArray() as [string];
    // Spark's second word is the git revision of its build (a 40-hex hash); sparkless has no build revision.
    if (backend === 'connect') expect(v).toMatch(/^3\.5\.\d+ [0-9a-f]{40}$/);
    else expect(v).toBe(`${SPARK_VERSION} sparkless`);
    expect(v.split(' ')[0]).toBe(session().version);
    expect(session().sql('SELECT version() AS v').first()!.toArray()).toEqual([v]);
  });
});
