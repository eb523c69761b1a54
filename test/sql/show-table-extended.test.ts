/**
 * `SHOW TABLE EXTENDED [IN db] LIKE 'pattern' [PARTITION (...)]` as Spark 3.5.7 answers it (checked
 * against it; run with SPARK_REMOTE=sc://127.0.0.1:15003 to check again). Creation times and the
 * warehouse location differ between runs and servers, so they are masked.
 */
import { expect, it } from 'vitest';
import type { SparkSession } from '../../src/session/session.js';
import { forEachBackend } from '../helpers/backends.js';
import { failure, scratchTables } from '../helpers/ddl-tables.js';

const SLOW = 60_000;
const mask = (info: string): string =>
  info
    .replace(/Created Time: .*\n/, 'Created Time: <t>\n')
    .replace(/Created By: Spark \d[^\n]*/, 'Created By: Spark <v>')
    .replace(/Location: file:\S*\/stx_(\w+?)(\/|\n)/, 'Location: <warehouse>/stx_$1$2');
const rows = (spark: SparkSession, sql: string): unknown[][] => spark
    .sql(sql)
    .collect()
    .map((r) => [...r])
    .map((r) => [r[0], r[1], r[2], mask(String(r[3]))]);

forEachBackend('SHOW TABLE EXTENDED', (session) => {
  const { open, create } = scratchTables(session);

  it('lists matching tables and temp views with their information text', () => {
    const spark = open();
    create(spark, 'stx_t1', "(a String, b Int, c String, d String) USING parquet PARTITIONED BY (c, d) COMMENT 'cm' TBLPROPERTIES ('k'='v') OPTIONS ('o'='1')");
    create(spark, 'stx_t2', '(b String, d Int) USING parquet');
    spark.sql('CREATE OR REPLACE TEMPORARY VIEW stx_v1 (e int) USING parquet');
    spark.sql('CREATE OR REPLACE TEMPORARY VIEW stx_v2 AS SELECT 1 AS z');
    const schema = spark.sql("SHOW TABLE EXTENDED LIKE 'stx_*'").schema;
    expect(schema.simpleString()).toBe('struct<namespace:string,tableName:string,isTemporary:boolean,information:string>');
    expect(schema.fields.map((f) => f.nullable)).toEqual([false, false, false, false]);
    expect(rows(spark, "SHOW TABLE EXTENDED LIKE 'stx_*'")).toEqual([
      [
        'default',
        'stx_t1',
        false,
        'Catalog: spark_catalog\nDatabase: default\nTable: stx_t1\nCreated Time: <t>\nLast Access: UNKNOWN\nCreated By: Spark <v>\nType: MANAGED\nProvider: parquet\nComment: cm\nTable Properties: [k=v]\nLocation: <warehouse>/stx_t1\nStorage Properties: [o=1]\nPartition Provider: Catalog\nPartition Columns: [`c`, `d`]\nSchema: root\n |-- a: string (nullable = true)\n |-- b: integer (nullable = true)\n |-- c: string (nullable = true)\n |-- d: string (nullable = true)\n\n',
      ],
      [
        'default',
        'stx_t2',
        false,
        'Catalog: spark_catalog\nDatabase: default\nTable: stx_t2\nCreated Time: <t>\nLast Access: UNKNOWN\nCreated By: Spark <v>\nType: MANAGED\nProvider: parquet\nLocation: <warehouse>/stx_t2\nSchema: root\n |-- b: string (nullable = true)\n |-- d: integer (nullable = true)\n\n',
      ],
      ['', 'stx_v1', true, 'Table: stx_v1\nCreated Time: <t>\nLast Access: UNKNOWN\nCreated By: Spark \nType: VIEW\nSchema: root\n |-- e: integer (nullable = true)\n\n'],
      [
        '',
        'stx_v2',
        true,
        'Table: stx_v2\nCreated Time: <t>\nLast Access: UNKNOWN\nCreated By: Spark \nType: VIEW\nView Text: SELECT 1 AS z\nView Catalog and Namespace: spark_catalog.default\nView Query Output Columns: [z]\nSchema: root\n |-- z: integer (nullable = false)\n\n',
      ],
    ]);
    expect(rows(spark, "SHOW TABLE EXTENDED IN default LIKE 'stx_t2|nomatch'").map((r) => r[1])).toEqual(['stx_t2']);
    spark.sql('DROP VIEW stx_v1');
    spark.sql('DROP VIEW stx_v2');
  }, SLOW);

  it('with PARTITION shows one partition of one table; refusals as Spark words them', () => {
    const spark = open();
    create(spark, 'stx_p', "(a String, b Int, c String, d String) USING parquet PARTITIONED BY (c, d) OPTIONS ('o'='1')");
    spark.sql("ALTER TABLE stx_p ADD PARTITION (c='Us', d=1)");
    expect(rows(spark, "SHOW TABLE EXTENDED LIKE 'stx_p' PARTITION(c='Us', d=1)")).toEqual([
      ['default', 'stx_p', false, 'Partition Values: [c=Us, d=1]\nLocation: <warehouse>/stx_p/c=Us/d=1\nStorage Properties: [o=1]\nCreated Time: <t>\nLast Access: UNKNOWN\n'],
    ]);
    expect(failure(spark, "SHOW TABLE EXTENDED LIKE 'stx_p' PARTITION(c='Us')").message).toBe(
      "Partition spec is invalid. The spec (c) must match the partition spec (c, d) defined in table '`spark_catalog`.`default`.`stx_p`'.",
    );
    expect(failure(spark, "SHOW TABLE EXTENDED LIKE 'stx_p' PARTITION(a='Us', d=1)").message).toBe('a is not a valid partition column in table `spark_catalog`.`default`.`stx_p`.');
    expect(failure(spark, "SHOW TABLE EXTENDED LIKE 'stx_p' PARTITION(c='Ch', d=1)").errorClass).toBe('PARTITIONS_NOT_FOUND');
    expect(failure(spark, "SHOW TABLE EXTENDED LIKE 'stx_*' PARTITION(c='Us', d=1)").message.split('\n')[0]).toBe(
      '[TABLE_OR_VIEW_NOT_FOUND] The table or view `default`.`stx_*` cannot be found. Verify the spelling and correctness of the schema and catalog.',
    );
    create(spark, 'stx_flat', '(b String, d Int) USING parquet');
    expect(failure(spark, "SHOW TABLE EXTENDED LIKE 'stx_flat' PARTITION(d=1)").message).toBe(
      'SHOW TABLE EXTENDED is not allowed on stx_flat since its partition metadata is not stored in the Hive metastore. To import this information into the metastore, run `msck repair table stx_flat`.',
    );
    expect(failure(spark, 'SHOW TABLE EXTENDED').errorClass).toBe('PARSE_SYNTAX_ERROR');
    expect(failure(spark, "SHOW TABLE EXTENDED IN stx_nodb LIKE 'x'").errorClass).toBe('SCHEMA_NOT_FOUND');
  }, SLOW);
});
