/**
 * `INSERT INTO | OVERWRITE t PARTITION (...)` on v1 tables as Spark 3.5.7 runs
 * it (checked against it; run with SPARK_REMOTE=sc://127.0.0.1:15003 to check
 * again): static values fill their columns, dynamic ones come from the query,
 * OVERWRITE replaces what the static values select (static mode) or the
 * partitions the new rows fall in (dynamic mode).
 */
import { expect, it } from 'vitest';
import type { SparkSession } from '../../src/session/session.js';
import { forEachBackend } from '../helpers/backends.js';
import { failure, scratchTables } from '../helpers/ddl-tables.js';

const SLOW = 60_000;
const rows = (spark: SparkSession, sql: string): unknown[][] => spark.sql(sql).collect().map((r) => [...r]);
const partitions = (spark: SparkSession, t: string): unknown[] => rows(spark, `SHOW PARTITIONS ${t}`).map((r) => r[0]);

forEachBackend('INSERT ... PARTITION', (session) => {
  const { open, create } = scratchTables(session);

  it('INSERT INTO with static and dynamic partition values; a static insert of no rows still creates its partition', () => {
    const spark = open();
    create(spark, 'ipart_in', '(key STRING, value STRING, ds STRING, hr INT) USING parquet PARTITIONED BY (ds, hr)');
    spark.sql("INSERT INTO TABLE ipart_in PARTITION (ds='2017-08-01', hr=10) VALUES ('k1', 100), ('k2', 200)");
    spark.sql("INSERT INTO ipart_in PARTITION (ds='2017-09-01', hr) VALUES ('k3', 300, 5)");
    spark.sql("INSERT INTO ipart_in PARTITION (ds='2017-09-02', hr=1) SELECT 'k', 'v' WHERE false");
    spark.sql("INSERT INTO ipart_in PARTITION (ds='2017-10-01', hr='07') (value, key) VALUES ('v4', 'k4')");
    expect(rows(spark, 'SELECT * FROM ipart_in ORDER BY key')).toEqual([
      ['k1', '100', '2017-08-01', 10],
      ['k2', '200', '2017-08-01', 10],
      ['k3', '300', '2017-09-01', 5],
      ['k4', 'v4', '2017-10-01', 7],
    ]);
    expect(partitions(spark, 'ipart_in')).toEqual(['ds=2017-08-01/hr=10', 'ds=2017-09-01/hr=5', 'ds=2017-09-02/hr=1', 'ds=2017-10-01/hr=7']);
    expect(failure(spark, "INSERT INTO ipart_in PARTITION (ds, hr=1) VALUES ('k', 'v', 'd')").message).toBe(
      'The ordering of partition columns is [ds,hr]. All partition columns having constant values need to appear before other partition columns that do not have an assigned constant value.',
    );
    expect(failure(spark, "INSERT INTO ipart_in PARTITION (ds='d', hr=1) VALUES ('k', 'v', 3)")).toEqual({
      errorClass: 'INSERT_COLUMN_ARITY_MISMATCH.TOO_MANY_DATA_COLUMNS',
      message:
        '[INSERT_COLUMN_ARITY_MISMATCH.TOO_MANY_DATA_COLUMNS] Cannot write to `spark_catalog`.`default`.`ipart_in`, the reason is too many data columns:\nTable columns: `key`, `value`.\nData columns: `col1`, `col2`, `col3`.',
    });
    expect(failure(spark, "INSERT INTO ipart_in PARTITION (key='k') VALUES ('v', 'd', 1)").message).toBe('key is not a valid partition column in table `spark_catalog`.`default`.`ipart_in`.');
    expect(failure(spark, "INSERT INTO ipart_in PARTITION (ds='d', hr='x') VALUES ('k', 'v')").errorClass).toBe('CAST_INVALID_INPUT');
    create(spark, 'ipart_flat', '(v INT) USING parquet');
    expect(failure(spark, 'INSERT INTO ipart_flat PARTITION (v=1) SELECT 1').message).toBe('v is not a valid partition column in table `spark_catalog`.`default`.`ipart_flat`.');
  }, SLOW);

  it('INSERT OVERWRITE replaces the partitions the static values select, or (dynamic mode) those of the new rows', () => {
    const spark = open();
    create(spark, 'ipart_ow', '(v INT, a INT, b STRING) USING parquet PARTITIONED BY (a, b)');
    spark.sql("INSERT INTO ipart_ow VALUES (1, 1, 'x'), (2, 1, 'y'), (3, 2, 'x')");
    spark.sql("INSERT OVERWRITE ipart_ow PARTITION (a=1, b='x') VALUES (10)");
    expect(rows(spark, 'SELECT * FROM ipart_ow ORDER BY v')).toEqual([
      [2, 1, 'y'],
      [3, 2, 'x'],
      [10, 1, 'x'],
    ]);
    spark.sql("INSERT OVERWRITE ipart_ow PARTITION (a=1, b) VALUES (20, 'z')");
    expect(rows(spark, 'SELECT * FROM ipart_ow ORDER BY v')).toEqual([
      [3, 2, 'x'],
      [20, 1, 'z'],
    ]);
    spark.conf.set('spark.sql.sources.partitionOverwriteMode', 'dynamic');
    try {
      spark.sql("INSERT OVERWRITE ipart_ow PARTITION (a, b) VALUES (30, 2, 'w')");
      spark.sql("INSERT OVERWRITE ipart_ow PARTITION (a=1, b) VALUES (40, 'z')");
    } finally {
      spark.conf.set('spark.sql.sources.partitionOverwriteMode', 'static');
    }
    expect(rows(spark, 'SELECT * FROM ipart_ow ORDER BY v')).toEqual([
      [3, 2, 'x'],
      [30, 2, 'w'],
      [40, 1, 'z'],
    ]);
    expect(partitions(spark, 'ipart_ow')).toEqual(['a=1/b=z', 'a=2/b=w', 'a=2/b=x']);
  }, SLOW);
});
