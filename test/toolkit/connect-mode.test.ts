/**
 * The dual mode: the same test, through useSparkSession({ backend: 'connect' }),
 * runs on real Spark, each test in its own server-side session. Runs when
 * SPARK_REMOTE answers (CI starts a server); skipped with the reason otherwise.
 */
import { describe, expect, it } from 'vitest';
import { F } from '../../src/index.js';
import { useSparkSession } from '../../src/vitest/index.js';
import { sparkRemote } from '../helpers/spark-remote.js';

const remote = sparkRemote();
const title = 'url' in remote ? 'useSparkSession({ backend: "connect" })' : `useSparkSession({ backend: "connect" }) — skipped: ${remote.skipReason}`;

describe.skipIf(!('url' in remote))(title, () => {
  const spark = useSparkSession({ backend: 'connect' });

  it('runs the test on Spark itself', () => {
    expect(spark().backendType).toBe('connect');
    expect(spark().version).toMatch(/^3\.5\./);
    const df = spark().createDataFrame([{ name: 'Alice', age: 30 }, { name: 'Bob', age: null }], 'name STRING, age INT');
    df.createOrReplaceTempView('people');
    // Spark's own names and values come back: the cast keeps the column name, negative is named by Spark.
    const out = spark().sql('SELECT name, age FROM people').select(F.col('age').cast('string'), F.negative('age'));
    expect(out.columns).toEqual(['age', 'negative(age)']);
    expect(out).toEqualDataFrame([{ age: '30', 'negative(age)': -30 }, { age: null, 'negative(age)': null }], { schema: 'age STRING, `negative(age)` INT' });
  });

  it('has an awaitable twin for each action, giving the same answers', async () => {
    const df = spark().range(5).filter(F.col('id').gt(1));
    expect(await df.countAsync()).toBe(df.count());
    expect(await df.showStringAsync()).toBe(df.showString());
    expect((await df.collectAsync()).map((r) => r.get('id'))).toEqual(df.collect().map((r) => r.get('id')));
  });

  it("lists Spark's catalog: databases, tables with their temp views, and a table's columns", () => {
    spark().createDataFrame([{ k: 'a', v: 1 }], 'k STRING, v INT NOT NULL').createOrReplaceTempView('kv');
    expect(spark().catalog.listDatabases('def*').map((d) => d.name)).toEqual(['default']);
    // Listed by pattern: other test files create and drop tables on the same server meanwhile,
    // and Spark fails a whole listing whose table is dropped between its two lookups.
    expect(spark().catalog.listTables(undefined, 'kv')).toEqual([
      { name: 'kv', catalog: null, namespace: [], description: null, tableType: 'TEMPORARY', isTemporary: true },
    ]);
    expect(spark().catalog.listColumns('kv').map((c) => [c.name, c.dataType, c.nullable])).toEqual([
      ['k', 'string', true],
      ['v', 'int', false],
    ]);
  });

  it('gives each test its own server-side session (no temp view leaks in)', () => {
    expect(spark().catalog.tableExists('people')).toBe(false);
  });

  it('reports Spark\'s errors as typed exceptions with Spark\'s error class', () => {
    expect(() => spark().range(1).select('nope').collect()).toThrow(/UNRESOLVED_COLUMN/);
  });
});
