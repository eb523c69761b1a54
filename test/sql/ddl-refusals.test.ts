/**
 * DDL statements Spark refuses, with Spark 3.5.7's error class and message (each asked of
 * the live 3.5.7 server; run with SPARK_REMOTE=sc://127.0.0.1:15003 to ask again). Most are
 * `_LEGACY_ERROR_TEMP_nnnn`: worded without a `[CLASS]` prefix, and not reported over Spark
 * Connect 3.5, whose errors carry only a named class. The classes and parameter names are
 * those of Spark 3.5.7's QueryCompilationErrors (read from its spark-catalyst jar).
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import type { SparkSession } from '../../src/session/session.js';
import { forEachBackend } from '../helpers/backends.js';
import { failure, NOT_FOUND_TAIL, scratchTables } from '../helpers/ddl-tables.js';

const SLOW = 60_000;

forEachBackend('DDL refusals: error classes', (session, backend) => {
  const { open, create } = scratchTables(session);
  /** The class `failure` reports: none for a legacy class over Spark Connect. */
  const cls = (c: string): string | undefined => (backend === 'connect' && c.startsWith('_LEGACY_ERROR_TEMP_') ? undefined : c);
  const refusal = (spark: SparkSession, sql: string, errorClass: string, message: string): void =>
    expect(failure(spark, sql), sql).toEqual({ errorClass: cls(errorClass), message });
  const params = (spark: SparkSession, sql: string): Record<string, string> | undefined => {
    try {
      spark.sql(sql).collect();
    } catch (e) {
      return (e as { messageParameters?: Record<string, string> }).messageParameters;
    }
    return undefined;
  };

  it('a temp view where a table is expected, or a table where a view is', () => {
    const spark = open();
    create(spark, 'ddlref_t', '(v INT) USING parquet');
    spark.sql('CREATE OR REPLACE TEMPORARY VIEW ddlref_v AS SELECT 1 AS v');
    refusal(spark, "ALTER TABLE ddlref_v SET TBLPROPERTIES ('k'='v')", '_LEGACY_ERROR_TEMP_1013', "ddlref_v is a temp view. 'ALTER TABLE ... SET TBLPROPERTIES' expects a table. Please use ALTER VIEW instead..; line 1 pos 12");
    refusal(spark, 'ALTER TABLE ddlref_v ADD COLUMNS (c INT)', '_LEGACY_ERROR_TEMP_1013', "ddlref_v is a temp view. 'ALTER TABLE ... ADD COLUMNS' expects a table..; line 1 pos 12");
    refusal(spark, 'ALTER TABLE ddlref_v ADD PARTITION (a=1)', '_LEGACY_ERROR_TEMP_1013', "ddlref_v is a temp view. 'ALTER TABLE ... ADD PARTITION ...' expects a table. Please use ALTER VIEW instead..; line 1 pos 12");
    refusal(spark, 'TRUNCATE TABLE ddlref_v PARTITION (a=1)', '_LEGACY_ERROR_TEMP_1013', "ddlref_v is a temp view. 'TRUNCATE TABLE' expects a table..; line 1 pos 15");
    refusal(spark, 'MSCK REPAIR TABLE ddlref_v', '_LEGACY_ERROR_TEMP_1013', "ddlref_v is a temp view. 'MSCK REPAIR TABLE' expects a table..; line 1 pos 18");
    refusal(spark, 'SHOW PARTITIONS ddlref_v', '_LEGACY_ERROR_TEMP_1013', "ddlref_v is a temp view. 'SHOW PARTITIONS' expects a table..; line 1 pos 16");
    refusal(spark, "ALTER VIEW ddlref_v SET TBLPROPERTIES ('k'='v')", '_LEGACY_ERROR_TEMP_1014', "ddlref_v is a temp view. 'ALTER VIEW ... SET TBLPROPERTIES' expects a permanent view.; line 1 pos 11");
    refusal(spark, "ALTER VIEW ddlref_v UNSET TBLPROPERTIES ('k')", '_LEGACY_ERROR_TEMP_1014', "ddlref_v is a temp view. 'ALTER VIEW ... UNSET TBLPROPERTIES' expects a permanent view.; line 1 pos 11");
    refusal(spark, 'SHOW CREATE TABLE ddlref_v', '_LEGACY_ERROR_TEMP_1016', "ddlref_v is a temp view. 'SHOW CREATE TABLE' expects a table or permanent view.; line 1 pos 18");
    refusal(spark, "ALTER VIEW ddlref_t SET TBLPROPERTIES ('k'='v')", '_LEGACY_ERROR_TEMP_1015', "default.ddlref_t is a table. 'ALTER VIEW ... SET TBLPROPERTIES' expects a view. Please use ALTER TABLE instead..; line 1 pos 11");
    refusal(spark, 'ALTER VIEW ddlref_t AS SELECT 1', '_LEGACY_ERROR_TEMP_1015', "default.ddlref_t is a table. 'ALTER VIEW ... AS' expects a view..; line 1 pos 11");
    refusal(spark, 'ALTER VIEW ddlref_t RENAME TO ddlref_t2', '_LEGACY_ERROR_TEMP_1253', 'Cannot alter a table with ALTER VIEW. Please use ALTER TABLE instead.');
    if (backend !== 'connect') {
      expect(params(spark, 'ALTER TABLE ddlref_v ADD COLUMNS (c INT)')).toEqual({ nameParts: 'ddlref_v', viewStr: 'temp view', cmd: 'ALTER TABLE ... ADD COLUMNS', hintStr: '' });
      expect(params(spark, 'ALTER VIEW ddlref_t AS SELECT 1')).toEqual({ identifier: 'default.ddlref_t', cmd: 'ALTER VIEW ... AS', hintStr: '' });
    }
    spark.sql('DROP VIEW ddlref_v');
  }, SLOW);

  it('partition clauses against the table: unpartitioned, unknown key, incomplete spec', () => {
    const spark = open();
    create(spark, 'ddlref_flat', '(v INT) USING parquet');
    create(spark, 'ddlref_p2', '(v INT, a INT, b STRING) USING parquet PARTITIONED BY (a, b)');
    const notStored = (action: string): string =>
      `${action} is not allowed on ddlref_flat since its partition metadata is not stored in the Hive metastore. To import this information into the metastore, run \`msck repair table ddlref_flat\`.`;
    refusal(spark, 'ALTER TABLE ddlref_flat ADD PARTITION (a=1)', '_LEGACY_ERROR_TEMP_1251', notStored('ALTER TABLE ADD PARTITION'));
    refusal(spark, 'ALTER TABLE ddlref_flat PARTITION (a=1) RENAME TO PARTITION (a=2)', '_LEGACY_ERROR_TEMP_1251', notStored('ALTER TABLE RENAME PARTITION'));
    refusal(spark, 'DESC ddlref_flat PARTITION (a=1)', '_LEGACY_ERROR_TEMP_1251', notStored('DESC PARTITION'));
    refusal(
      spark,
      'TRUNCATE TABLE ddlref_flat PARTITION (a=1)',
      '_LEGACY_ERROR_TEMP_1267',
      'Operation not allowed: TRUNCATE TABLE ... PARTITION is not supported for tables that are not partitioned: `spark_catalog`.`default`.`ddlref_flat`.',
    );
    const invalidKey = 'c is not a valid partition column in table `spark_catalog`.`default`.`ddlref_p2`.';
    refusal(spark, 'ALTER TABLE ddlref_p2 ADD PARTITION (c=1)', '_LEGACY_ERROR_TEMP_1231', invalidKey);
    refusal(spark, 'DESC ddlref_p2 PARTITION (c=1)', '_LEGACY_ERROR_TEMP_1231', invalidKey);
    const incomplete = "Partition spec is invalid. The spec (a) must match the partition spec (a, b) defined in table '`spark_catalog`.`default`.`ddlref_p2`'.";
    refusal(spark, 'ALTER TABLE ddlref_p2 ADD PARTITION (a=1)', '_LEGACY_ERROR_TEMP_1232', incomplete);
    refusal(spark, 'DESC ddlref_p2 PARTITION (a=1)', '_LEGACY_ERROR_TEMP_1232', incomplete);
    if (backend !== 'connect') {
      expect(params(spark, 'DESC ddlref_p2 PARTITION (a=1)')).toEqual({ specKeys: 'a', partitionColumnNames: 'a, b', tableName: '`spark_catalog`.`default`.`ddlref_p2`' });
    }
  }, SLOW);

  it('column changes a v1 table cannot take', () => {
    const spark = open();
    create(spark, 'ddlref_c', '(v INT, s STRUCT<x: INT>) USING parquet');
    create(spark, 'ddlref_cp', '(v INT, a INT) USING parquet PARTITIONED BY (a)');
    refusal(spark, 'ALTER TABLE ddlref_c ADD COLUMNS (c INT NOT NULL)', '_LEGACY_ERROR_TEMP_1052', 'ADD COLUMN with v1 tables cannot specify NOT NULL.');
    refusal(spark, 'ALTER TABLE ddlref_c ALTER COLUMN v SET NOT NULL', '_LEGACY_ERROR_TEMP_1053', 'ALTER COLUMN with v1 tables cannot specify NOT NULL.');
    refusal(
      spark,
      "ALTER TABLE ddlref_c ALTER COLUMN zz COMMENT 'c'",
      '_LEGACY_ERROR_TEMP_1331',
      'Missing field zz in table spark_catalog.default.ddlref_c with schema:\nroot\n |-- v: integer (nullable = true)\n |-- s: struct (nullable = true)\n |    |-- x: integer (nullable = true)\n.; line 1 pos 0',
    );
    refusal(spark, "ALTER TABLE ddlref_cp ALTER COLUMN a COMMENT 'c'", '_LEGACY_ERROR_TEMP_1246', "Can't find column `a` given table data columns [`v`].");
    refusal(
      spark,
      'ALTER TABLE ddlref_c ALTER COLUMN v TYPE BIGINT',
      'NOT_SUPPORTED_CHANGE_COLUMN',
      '[NOT_SUPPORTED_CHANGE_COLUMN] ALTER TABLE ALTER/CHANGE COLUMN is not supported for changing `spark_catalog`.`default`.`ddlref_c`\'s column `v` with type "INT" to `v` with type "BIGINT".',
    );
    if (backend !== 'connect') {
      expect(params(spark, 'ALTER TABLE ddlref_c ALTER COLUMN v TYPE BIGINT')).toEqual({
        table: '`spark_catalog`.`default`.`ddlref_c`',
        originName: '`v`',
        originType: '"INT"',
        newName: '`v`',
        newType: '"BIGINT"',
      });
    }
  }, SLOW);

  it('names across databases, SHOW CREATE TABLE AS SERDE, the default database', () => {
    const spark = open();
    create(spark, 'ddlref_n', '(v INT) USING parquet');
    refusal(spark, 'ALTER TABLE ddlref_n RENAME TO ddlref_nodb.x', '_LEGACY_ERROR_TEMP_1073', "RENAME TABLE source and destination databases do not match: 'default' != 'ddlref_nodb'.");
    refusal(spark, 'SHOW COLUMNS IN default.ddlref_n IN ddlref_nodb', '_LEGACY_ERROR_TEMP_1057', "SHOW COLUMNS with conflicting databases: 'ddlref_nodb' != 'default'.");
    refusal(
      spark,
      'SHOW CREATE TABLE ddlref_n AS SERDE',
      '_LEGACY_ERROR_TEMP_1274',
      '`spark_catalog`.`default`.`ddlref_n` is a Spark data source table. Use `SHOW CREATE TABLE` without `AS SERDE` instead.',
    );
    const tempView = failure(spark, 'CREATE TEMPORARY VIEW ddlref_db.tv USING parquet');
    // Spark's parser re-raises this analysis error as a ParseException (its text then carries the statement).
    expect([tempView.errorClass, tempView.message.split('\n').filter((l) => l.trim())[0]]).toEqual([
      cls('_LEGACY_ERROR_TEMP_1292'),
      "Temporary view '`ddlref_db`.`tv`' should not have specified a database.",
    ]);
    const dropDefault = { errorClass: 'UNSUPPORTED_FEATURE.DROP_DATABASE', message: '[UNSUPPORTED_FEATURE.DROP_DATABASE] The feature is not supported: Drop the default database `default`.' };
    expect(failure(spark, 'DROP DATABASE DEFAULT')).toEqual(dropDefault);
    expect(failure(spark, 'DROP DATABASE IF EXISTS default CASCADE')).toEqual(dropDefault);
  }, SLOW);

  it('Hive-style ALTER COLUMN, INSERT partition order and bucket counts', () => {
    const spark = open();
    create(spark, 'ddlref_h', '(v INT, a INT, b STRING) USING parquet PARTITIONED BY (a, b)');
    const hive = (sql: string, operation: string, hint: string): void => {
      const e = failure(spark, sql);
      expect([e.errorClass, e.message], sql).toEqual([
        cls('_LEGACY_ERROR_TEMP_0034'),
        `\n${operation} is not supported in Hive-style ALTER COLUMN, ${hint}.(line 1, pos 0)\n\n== SQL ==\n${sql}\n^^^\n`,
      ]);
    };
    hive('ALTER TABLE ddlref_h CHANGE COLUMN v v INT NOT NULL', 'NOT NULL', 'please run ALTER COLUMN ... SET/DROP NOT NULL instead');
    hive('ALTER TABLE ddlref_h CHANGE COLUMN v w INT', 'Renaming column', 'please run RENAME COLUMN instead');
    // With a PARTITION clause the whole statement is refused first (the table need not exist); a syntax error still comes before.
    for (const sql of ['ALTER TABLE ddlref_h PARTITION (a = 1) CHANGE COLUMN v w INT', 'ALTER TABLE ddlref_nosuch PARTITION (a = 1) CHANGE v v INT NOT NULL']) {
      const e = failure(spark, sql);
      expect([e.errorClass, e.message], sql).toEqual([
        cls('_LEGACY_ERROR_TEMP_0035'),
        `\nOperation not allowed: ALTER TABLE table PARTITION partition_spec CHANGE COLUMN.(line 1, pos 0)\n\n== SQL ==\n${sql}\n^^^\n`,
      ]);
    }
    expect(failure(spark, 'ALTER TABLE ddlref_h PARTITION (a) CHANGE COLUMN v').message.split('\n')[0]).toBe(
      '[PARSE_SYNTAX_ERROR] Syntax error at or near end of input.(line 1, pos 50)',
    );
    refusal(
      spark,
      "INSERT INTO ddlref_h PARTITION (a, b='x') SELECT 1, 2",
      '_LEGACY_ERROR_TEMP_1147',
      'The ordering of partition columns is [a,b]. All partition columns having constant values need to appear before other partition columns that do not have an assigned constant value.',
    );
    const buckets = failure(spark, 'CREATE TABLE ddlref_b (v INT) USING parquet CLUSTERED BY (v) INTO 100001 BUCKETS');
    expect([buckets.errorClass, buckets.message.split('\n').filter((l) => l.trim())[0]]).toEqual([
      cls('_LEGACY_ERROR_TEMP_1083'),
      'Number of buckets should be greater than 0 but less than or equal to bucketing.maxBuckets (`100000`). Got `100001`.',
    ]);
    if (backend !== 'connect') {
      expect(params(spark, "INSERT INTO ddlref_h PARTITION (a, b='x') SELECT 1, 2")).toEqual({ partColumns: '[a,b]' });
      expect(params(spark, 'ALTER TABLE ddlref_h CHANGE COLUMN v w INT')).toEqual({ operation: 'Renaming column', command: 'ALTER COLUMN', msg: ', please run RENAME COLUMN instead' });
    }
  }, SLOW);

  it("the DataFrame writer's bucket checks", () => {
    const spark = open();
    const df = spark.createDataFrame([[1, 5]], 'id int, z int');
    const caught = (f: () => void): { errorClass: string | undefined; message: string } => {
      try {
        f();
      } catch (e) {
        const err = e as Error & { getErrorClass?: () => string | undefined };
        return { errorClass: err.getErrorClass?.(), message: err.message };
      }
      throw new Error('no error');
    };
    // sparkless checks these before sending a plan, on Spark Connect too (so with the class).
    expect(caught(() => df.write.bucketBy(2, 'id').parquet('/tmp/sparkless-ddlref-never'))).toEqual({
      errorClass: '_LEGACY_ERROR_TEMP_1312',
      message: "'save' does not support bucketBy right now.",
    });
    expect(caught(() => df.write.bucketBy(2, 'id').sortBy('z').parquet('/tmp/sparkless-ddlref-never'))).toEqual({
      errorClass: '_LEGACY_ERROR_TEMP_1313',
      message: "'save' does not support bucketBy and sortBy right now.",
    });
  }, SLOW);

  it('SERDE changes and REPLACE COLUMNS, which data source tables refuse', () => {
    const spark = open();
    create(spark, 'ddlref_sd', '(v INT, a INT) USING parquet PARTITIONED BY (a)');
    spark.sql('CREATE OR REPLACE TEMPORARY VIEW ddlref_sv AS SELECT 1 AS v');
    const perPartition =
      'Operation not allowed: ALTER TABLE SET [SERDE | SERDEPROPERTIES] for a specific partition is not supported for tables created with the datasource API.';
    refusal(spark, "ALTER TABLE ddlref_sd SET SERDE 'x' WITH SERDEPROPERTIES ('k'='v')", '_LEGACY_ERROR_TEMP_1248', 'Operation not allowed: ALTER TABLE SET SERDE is not supported for tables created with the datasource API.');
    refusal(spark, "ALTER TABLE ddlref_sd PARTITION (a=1) SET SERDE 'x'", '_LEGACY_ERROR_TEMP_1247', perPartition);
    refusal(spark, "ALTER TABLE ddlref_sd PARTITION (a=9) SET SERDEPROPERTIES ('k'='v')", '_LEGACY_ERROR_TEMP_1247', perPartition);
    refusal(spark, "ALTER TABLE ddlref_sv SET SERDE 'x'", '_LEGACY_ERROR_TEMP_1013', "ddlref_sv is a temp view. 'ALTER TABLE ... SET [SERDE|SERDEPROPERTIES]' expects a table. Please use ALTER VIEW instead..; line 1 pos 12");
    refusal(
      spark,
      "ALTER TABLE ddlref_sd REPLACE COLUMNS (v INT COMMENT 'c', w STRING)",
      'UNSUPPORTED_FEATURE.TABLE_OPERATION',
      '[UNSUPPORTED_FEATURE.TABLE_OPERATION] The feature is not supported: Table `spark_catalog`.`default`.`ddlref_sd` does not support REPLACE COLUMNS. Please check the current catalog and namespace to make sure the qualified table name is expected, and also check the catalog implementation which is configured by "spark.sql.catalog".',
    );
    refusal(spark, 'ALTER TABLE ddlref_sv REPLACE COLUMNS (v INT)', '_LEGACY_ERROR_TEMP_1013', "ddlref_sv is a temp view. 'ALTER TABLE ... REPLACE COLUMNS' expects a table..; line 1 pos 12");
    const bare = failure(spark, 'ALTER TABLE ddlref_sd REPLACE COLUMNS v INT');
    expect([bare.errorClass, bare.message.split('\n')[1]]).toEqual([cls('_LEGACY_ERROR_TEMP_0035'), 'Operation not allowed: ALTER TABLE REPLACE COLUMNS.(line 1, pos 0)']);
    spark.sql('DROP VIEW ddlref_sv');
  }, SLOW);

  it('CREATE TABLE refuses duplicate column names (case-insensitively unless spark.sql.caseSensitive) and partitioning by every column', () => {
    const spark = open();
    const exists = (c: string) => `[COLUMN_ALREADY_EXISTS] The column \`${c}\` already exists. Consider to choose another name or rename the existing column.`;
    refusal(spark, 'CREATE TABLE ddlref_d (a INT, A INT) USING parquet', 'COLUMN_ALREADY_EXISTS', exists('a'));
    refusal(spark, 'CREATE TABLE ddlref_d (Ab INT, c INT, aB STRING) USING parquet', 'COLUMN_ALREADY_EXISTS', exists('ab'));
    refusal(spark, 'CREATE TABLE ddlref_d (b INT, a INT, a INT) USING parquet PARTITIONED BY (b, a)', 'COLUMN_ALREADY_EXISTS', exists('a'));
    refusal(spark, 'CREATE TABLE ddlref_d USING parquet AS SELECT 1 AS a, 2 AS A', 'COLUMN_ALREADY_EXISTS', exists('a'));
    spark.sql('SET spark.sql.caseSensitive=true');
    create(spark, 'ddlref_cs', '(a INT, A INT) USING parquet');
    expect(spark.sql('DESC ddlref_cs').collect().map((r) => [...r][0])).toEqual(['a', 'A']);
    spark.sql('SET spark.sql.caseSensitive=false');
    const all = '[ALL_PARTITION_COLUMNS_NOT_ALLOWED] Cannot use all columns for partition columns.';
    refusal(spark, 'CREATE TABLE ddlref_d USING parquet PARTITIONED BY (a) AS SELECT 1 AS a', 'ALL_PARTITION_COLUMNS_NOT_ALLOWED', all);
    refusal(spark, 'CREATE TABLE ddlref_d (a INT, b INT) USING parquet PARTITIONED BY (b, a)', 'ALL_PARTITION_COLUMNS_NOT_ALLOWED', all);
  }, SLOW);

  it('DROP VIEW of a table names its catalog, database and type', () => {
    const spark = open();
    create(spark, 'ddlref_dv', '(a INT) USING parquet');
    create(spark, 'ddlref_dx', "(a INT) USING parquet LOCATION '/tmp/sparkless-ddlref-dx'");
    const wrong = (name: string, type: string) => `[WRONG_COMMAND_FOR_OBJECT_TYPE] The operation DROP VIEW requires a VIEW. But spark_catalog.default.${name} is a ${type}. Use DROP TABLE instead.`;
    refusal(spark, 'DROP VIEW ddlref_dv', 'WRONG_COMMAND_FOR_OBJECT_TYPE', wrong('ddlref_dv', 'MANAGED'));
    refusal(spark, 'DROP VIEW default.DDLREF_DX', 'WRONG_COMMAND_FOR_OBJECT_TYPE', wrong('ddlref_dx', 'EXTERNAL'));
  }, SLOW);
  // Spark 3.5.7 (live): the provider is resolved first, so an unknown one fails even for an existing
  // table, IF NOT EXISTS, OR REPLACE and a missing schema; class names of built-in sources are taken.
  it('CREATE TABLE ... USING an unknown data source is DATA_SOURCE_NOT_FOUND', () => {
    const spark = open();
    const notFound = (p: string) => `[DATA_SOURCE_NOT_FOUND] Failed to find the data source: ${p}. Please find packages at \`https://spark.apache.org/third-party-projects.html\`.`;
    create(spark, 'ddlref_src', '(a INT) USING parquet');
    refusal(spark, 'CREATE TABLE ddlref_src2 (a INT) USING nosuchformat', 'DATA_SOURCE_NOT_FOUND', notFound('nosuchformat'));
    refusal(spark, 'CREATE TABLE ddlref_src (a INT) USING nosuch', 'DATA_SOURCE_NOT_FOUND', notFound('nosuch'));
    refusal(spark, 'CREATE TABLE IF NOT EXISTS ddlref_src (a INT) USING nosuch', 'DATA_SOURCE_NOT_FOUND', notFound('nosuch'));
    refusal(spark, 'CREATE TABLE nosuchdb.ddlref_src2 (a INT) USING org.foo.Bar', 'DATA_SOURCE_NOT_FOUND', notFound('org.foo.Bar'));
    refusal(spark, 'CREATE TABLE ddlref_src2 USING delta AS SELECT 1 AS a', 'DATA_SOURCE_NOT_FOUND', notFound('delta'));
    refusal(spark, 'CREATE TABLE ddlref_src2 (a INT) USING org.apache.spark.sql.text', 'DATA_SOURCE_NOT_FOUND', notFound('org.apache.spark.sql.text'));
    create(spark, 'ddlref_src3', '(a INT) USING com.databricks.spark.csv');
    create(spark, 'ddlref_src4', '(a INT) USING org.apache.spark.sql.execution.datasources.v2.parquet.ParquetDataSourceV2');
    let writeError: { errorClass?: string; message: string } | undefined;
    try {
      spark.range(1).write.format('nosuch').mode('overwrite').saveAsTable('ddlref_src5');
    } catch (e) {
      writeError = { errorClass: (e as { errorClass?: string }).errorClass, message: (e as Error).message };
    }
    expect(writeError?.message).toBe(notFound('nosuch'));
    // As in PySpark, format() only records the name: the reader and writer fail where the source is used.
    const reader = spark.read.format('nosuch');
    const writer = spark.range(1).write.format('nosuch');
    const raised = (f: () => unknown): string | undefined => {
      try {
        f();
      } catch (e) {
        return (e as Error).message;
      }
      return undefined;
    };
    if (!spark.remote) expect(raised(() => reader.load('/tmp/ddlref_nosuch_path'))).toBe(notFound('nosuch'));
    expect(raised(() => writer.mode('overwrite').save(join(tmpdir(), 'ddlref_nosuch_out')))).toBe(notFound('nosuch'));
  }, SLOW);
  // Spark 3.5.7 (live): a saveAsTable append checks the column count, then finds each table column by name.
  it('saveAsTable append of a frame without one of the table columns is refused', () => {
    const spark = open();
    create(spark, 'ddlref_app', '(a INT, b STRING) USING parquet');
    const append = (sql: string) => () => spark.sql(sql).write.mode('append').saveAsTable('ddlref_app');
    expect(append('SELECT 1 AS a')).toThrow(
      "The column number of the existing table spark_catalog.default.ddlref_app (struct<a:int,b:string>) doesn't match the data schema (struct<a:int>).",
    );
    expect(append("SELECT 1 AS a, 'x' AS b, 2 AS z")).toThrow('(struct<a:int,b:string>) doesn\'t match the data schema (struct<a:int,b:string,z:int>).');
    expect(append("SELECT 1 AS a, 'x' AS c")).toThrow("Cannot resolve 'b' given input columns: [a, c].");
    spark.sql("SELECT 'y' AS b, 2 AS a").write.mode('append').saveAsTable('ddlref_app');
    expect(spark.table('ddlref_app').collect().map((r) => [...r])).toEqual([[2, 'y']]);
  }, SLOW);
  // Spark 3.5.7 (live): CREATE TABLE over an existing table and DROP TABLE / DROP VIEW of a missing one
  // name it with its catalog and database, written qualified or not; ALTER TABLE ... RENAME and reads do not.
  it('TABLE_OR_VIEW_ALREADY_EXISTS of CREATE TABLE and TABLE_OR_VIEW_NOT_FOUND of DROP name the catalog', () => {
    const spark = open();
    create(spark, 'ddlref_q', '(a INT) USING parquet');
    const exists = (name: string) => `[TABLE_OR_VIEW_ALREADY_EXISTS] Cannot create table or view ${name} because it already exists.\nChoose a different name, drop or replace the existing object, or add the IF NOT EXISTS clause to tolerate pre-existing objects.`;
    refusal(spark, 'CREATE TABLE ddlref_q (a INT) USING parquet', 'TABLE_OR_VIEW_ALREADY_EXISTS', exists('`spark_catalog`.`default`.`ddlref_q`'));
    refusal(spark, 'CREATE TABLE default.ddlref_q (a INT) USING parquet', 'TABLE_OR_VIEW_ALREADY_EXISTS', exists('`spark_catalog`.`default`.`ddlref_q`'));
    refusal(spark, 'CREATE TABLE ddlref_q USING parquet AS SELECT 1 AS a', 'TABLE_OR_VIEW_ALREADY_EXISTS', exists('`spark_catalog`.`default`.`ddlref_q`'));
    refusal(spark, 'ALTER TABLE ddlref_q RENAME TO ddlref_q', 'TABLE_OR_VIEW_ALREADY_EXISTS', exists('`default`.`ddlref_q`'));
    const missing = (name: string) => `[TABLE_OR_VIEW_NOT_FOUND] The table or view ${name} ${NOT_FOUND_TAIL}`;
    refusal(spark, 'DROP TABLE ddlref_nosuch', 'TABLE_OR_VIEW_NOT_FOUND', missing('`spark_catalog`.`default`.`ddlref_nosuch`'));
    refusal(spark, 'DROP VIEW default.ddlref_nosuch', 'TABLE_OR_VIEW_NOT_FOUND', missing('`spark_catalog`.`default`.`ddlref_nosuch`'));
    refusal(spark, 'DROP TABLE ddlref_nosuchdb.t', 'TABLE_OR_VIEW_NOT_FOUND', missing('`spark_catalog`.`ddlref_nosuchdb`.`t`'));
    refusal(spark, 'DROP VIEW global_temp.ddlref_nosuch', 'TABLE_OR_VIEW_NOT_FOUND', missing('`spark_catalog`.`global_temp`.`ddlref_nosuch`'));
  }, SLOW);
});
