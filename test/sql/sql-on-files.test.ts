/**
 * Spark's SQL on files: ``SELECT ... FROM parquet.`path` `` (also csv and json)
 * reads the file as a table, with the data source's own defaults (CSV: no
 * header, every column a STRING named _c0, _c1, ...). Outputs checked with Spark.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { analyzed, forEachBackend } from '../helpers/backends.js';

const dir = mkdtempSync(join(tmpdir(), 'sparkless-sql-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

forEachBackend('SQL over files', (session, backend) => {
  let written = false;
  /** Writes the files once per backend (Spark writes them itself on connect). */
  const people = (): string => {
    const path = join(dir, backend);
    if (written) return path;
    written = true;
    const df = session().createDataFrame([{ name: 'Ann', age: 30 }, { name: 'Bo', age: 9 }], 'name STRING, age INT');
    for (const format of ['parquet', 'csv', 'json'] as const) df.write.mode('overwrite').format(format).save(`${path}.${format}`);
    return path;
  };
  const slow = backend === 'connect' ? 60_000 : 10_000;

  it('parquet.`path` keeps the written schema', () => {
    const path = people();
    const df = session().sql(`SELECT name, age + 1 FROM parquet.\`${path}.parquet\` WHERE age > 10`);
    expect(df.schema.simpleString()).toBe('struct<name:string,(age + 1):int>');
    expect(df.showString()).toBe('+----+---------+\n|name|(age + 1)|\n+----+---------+\n| Ann|       31|\n+----+---------+\n');
  }, slow);

  it('csv.`path` reads headerless text columns _c0, _c1', () => {
    const path = people();
    const df = session().sql(`SELECT * FROM csv.\`${path}.csv\` ORDER BY _c0`);
    expect(df.schema.simpleString()).toBe('struct<_c0:string,_c1:string>');
    expect(df.collect().map((r) => r.toArray())).toEqual([['Ann', '30'], ['Bo', '9']]);
  }, slow);

  it('json.`path` infers BIGINT for integers, as a table alias in a join', () => {
    const path = people();
    const df = session().sql(`SELECT j.name, j.age FROM json.\`${path}.json\` AS j JOIN parquet.\`${path}.parquet\` p ON j.name = p.name ORDER BY j.age`);
    expect(df.schema.simpleString()).toBe('struct<name:string,age:bigint>');
    expect(df.collect().map((r) => r.toArray())).toEqual([['Bo', 9], ['Ann', 30]]);
  }, slow);

  it('a missing path is PATH_NOT_FOUND', () => {
    const missing = join(dir, 'nope.parquet');
    expect(() => analyzed(session().sql(`SELECT * FROM parquet.\`${missing}\``))).toThrow(`[PATH_NOT_FOUND] Path does not exist: file:${missing}.`);
  }, slow);
});
