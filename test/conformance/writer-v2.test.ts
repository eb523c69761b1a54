import { expect, it, vi } from 'vitest';
import { AnalysisException, F } from '../../src/index.js';
import { forEachBackend } from '../helpers/backends.js';

vi.setConfig({ testTimeout: 60_000 });

const rows = (df: { collect(): { toArray(): unknown[] }[] }) => df.collect().map((r) => r.toArray());

forEachBackend('writeTo (DataFrameWriterV2) and table layouts', (session, backend) => {
  const drop = (t: string) => session().sql(`DROP TABLE IF EXISTS ${t}`).collect();

  it('create: partition columns go last and show in listColumns and DESCRIBE', () => {
    const spark = session();
    const t = 'surface_v2_create';
    drop(t);
    try {
      spark.createDataFrame([['a', 1, 10], ['b', 2, 20]], 's string, id int, z int').writeTo(t).using('parquet').partitionedBy('s').tableProperty('k', 'v').create();
      expect(spark.table(t).columns).toEqual(['id', 'z', 's']);
      expect(spark.catalog.listColumns(t).map((c) => [c.name, c.isPartition])).toEqual([
        ['id', false],
        ['z', false],
        ['s', true],
      ]);
      expect(rows(spark.sql(`DESCRIBE TABLE ${t}`))).toEqual([
        ['id', 'int', null],
        ['z', 'int', null],
        ['s', 'string', null],
        ['# Partition Information', '', ''],
        ['# col_name', 'data_type', 'comment'],
        ['s', 'string', null],
      ]);
      expect(rows(spark.table(t).orderBy('id'))).toEqual([
        [1, 10, 'a'],
        [2, 20, 'b'],
      ]);
    } finally {
      drop(t);
    }
  });

  it('saveAsTable records bucketBy/sortBy (isBucket) and checks them as Spark does', () => {
    const spark = session();
    const t = 'surface_bucketed';
    drop(t);
    const df = spark.createDataFrame([[1, 'a', 5]], 'id int, s string, z int');
    try {
      expect(() => df.write.bucketBy(2, 'id').parquet('/tmp/sparkless-surface-never')).toThrow("'save' does not support bucketBy right now.");
      expect(() => df.write.bucketBy(2, 'id').sortBy('z').parquet('/tmp/sparkless-surface-never')).toThrow("'save' does not support bucketBy and sortBy right now.");
      expect(() => df.write.sortBy('id').saveAsTable(t)).toThrow(/SORT_BY_WITHOUT_BUCKETING/);
      expect(() => df.write.bucketBy(2, 'nope').saveAsTable(t)).toThrow(/COLUMN_NOT_DEFINED_IN_TABLE.*bucket column `nope`/);
      df.write.partitionBy('s').bucketBy(3, 'id').sortBy('z').saveAsTable(t);
      expect(spark.catalog.listColumns(t).map((c) => `${c.name}:${c.isPartition}:${c.isBucket}`)).toEqual(['id:false:true', 'z:false:false', 's:true:false']);
    } finally {
      drop(t);
    }
  });

  // Spark's built-in session catalog holds V1 tables: only create() works there (append, overwrite
  // and replace need a V2 catalog such as Delta or Iceberg). sparkless refuses them on a table with a
  // data source provider; one created by writeTo().create() without using() behaves as a V2 table.
  it('Spark refuses V2 writes into its V1 session-catalog tables', () => {
    const spark = session();
    const t = 'surface_v2_v1';
    drop(t);
    try {
      spark.range(1).writeTo(t).using('parquet').create();
      const name = '`spark_catalog`.`default`.`surface_v2_v1`';
      expect(() => spark.range(1).writeTo(t).append()).toThrow(`Cannot write into v1 table: ${name}.`);
      expect(() => spark.range(1).writeTo(t).overwritePartitions()).toThrow(`Cannot write into v1 table: ${name}.`);
      expect(() => spark.range(1).writeTo(t).createOrReplace()).toThrow(`Table ${name} does not support REPLACE TABLE AS SELECT.`);
      expect(spark.table(t).count()).toBe(1);
    } finally {
      drop(t);
    }
  });
  if (backend === 'connect') return;

  it('create fails on an existing table, replace on a missing one; append matches columns by name', () => {
    const spark = session();
    const t = 'surface_v2_modes';
    drop(t);
    const df = spark.createDataFrame([[1, 'a']], 'id int, s string');
    expect(() => df.writeTo(t).replace()).toThrow(/CANNOT_REPLACE_MISSING_TABLE/);
    expect(() => df.writeTo(t).append()).toThrow(AnalysisException);
    df.writeTo(t).create();
    expect(() => df.writeTo(t).create()).toThrow(/TABLE_OR_VIEW_ALREADY_EXISTS/);
    spark.createDataFrame([['b', 2]], 's string, id long').writeTo(t).append();
    expect(spark.table(t).dtypes).toEqual([
      ['id', 'int'],
      ['s', 'string'],
    ]);
    expect(rows(spark.table(t).orderBy('id'))).toEqual([
      [1, 'a'],
      [2, 'b'],
    ]);
    expect(() => spark.createDataFrame([[3]], 'id int').writeTo(t).append()).toThrow(/CANNOT_FIND_DATA/);
    expect(() => spark.createDataFrame([[3, 'c', 1]], 'id int, s string, z int').writeTo(t).append()).toThrow(/TOO_MANY_DATA_COLUMNS/);
    drop(t);
  });

  it('overwrite(condition) replaces the matching rows; overwritePartitions the written partitions', () => {
    const spark = session();
    const t = 'surface_v2_over';
    drop(t);
    spark.createDataFrame([[1, 'a'], [2, 'b'], [3, 'a']], 'id int, s string').writeTo(t).partitionedBy('s').create();
    spark.createDataFrame([[9, 'a']], 'id int, s string').writeTo(t).overwrite(F.col('id').eq(1));
    expect(rows(spark.table(t).orderBy('id'))).toEqual([
      [2, 'b'],
      [3, 'a'],
      [9, 'a'],
    ]);
    spark.createDataFrame([[7, 'b']], 'id int, s string').writeTo(t).overwritePartitions();
    expect(rows(spark.table(t).orderBy('id'))).toEqual([
      [3, 'a'],
      [7, 'b'],
      [9, 'a'],
    ]);
    spark.createDataFrame([[5, 'x']], 'id int, s string').writeTo(t).createOrReplace();
    expect(rows(spark.table(t))).toEqual([[5, 'x']]);
    expect(spark.catalog.listColumns(t).some((c) => c.isPartition)).toBe(false);
    drop(t);
  });
});
