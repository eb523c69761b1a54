/**
 * SHOW COLUMNS, SHOW VIEWS, SHOW TBLPROPERTIES, SHOW PARTITIONS and DESCRIBE
 * QUERY in Spark 3.5.7's result schemas and rows (each expectation checked
 * against it; run with SPARK_REMOTE=sc://127.0.0.1:15003 to check again).
 */
import { expect, it } from 'vitest';
import type { SparkSession } from '../../src/session/session.js';
import { forEachBackend } from '../helpers/backends.js';
import { NOT_FOUND_TAIL, failure, scratchTables } from '../helpers/ddl-tables.js';

const SLOW = 60_000;
const rows = (spark: SparkSession, sql: string): unknown[][] => spark.sql(sql).collect().map((r) => [...r]);
const schemaOf = (spark: SparkSession, sql: string): string =>
  spark
    .sql(sql)
    .schema.fields.map((f) => `${f.name}:${f.dataType.simpleString()}${f.nullable ? '' : ' not null'}`)
    .join(', ');

forEachBackend('SHOW COLUMNS / VIEWS / TBLPROPERTIES / PARTITIONS and DESCRIBE QUERY', (session) => {
  const { open, create, dropAfter } = scratchTables(session);

  it('SHOW COLUMNS IN / FROM a table (with its database) or a temp view', () => {
    const spark = open();
    create(spark, 'ddlshow_c1', '(col1 int, `col 2` int) USING parquet');
    create(spark, 'ddlshow_c2', '(price int, qty int, year int, month int) USING parquet PARTITIONED BY (year, month)');
    expect(schemaOf(spark, 'SHOW COLUMNS IN ddlshow_c1')).toBe('col_name:string not null');
    for (const q of ['SHOW COLUMNS IN ddlshow_c1', 'SHOW COLUMNS IN default.ddlshow_c1', 'SHOW COLUMNS FROM ddlshow_c1 FROM default', 'SHOW COLUMNS IN default.ddlshow_c1 from DEFAULT']) {
      expect(rows(spark, q)).toEqual([['col1'], ['col 2']]);
    }
    expect(rows(spark, 'SHOW COLUMNS IN ddlshow_c2 IN default')).toEqual([['price'], ['qty'], ['year'], ['month']]);
    spark.sql('CREATE OR REPLACE TEMP VIEW ddlshow_v AS SELECT 1 AS a');
    expect(rows(spark, 'SHOW COLUMNS IN ddlshow_v')).toEqual([['a']]);
    expect(failure(spark, 'SHOW COLUMNS IN default.ddlshow_c1 FROM baddb').message).toBe("SHOW COLUMNS with conflicting databases: 'baddb' != 'default'.");
    expect(failure(spark, 'SHOW COLUMNS IN ddlshow_bad FROM default').message).toBe(`[TABLE_OR_VIEW_NOT_FOUND] The table or view \`default\`.\`ddlshow_bad\` ${NOT_FOUND_TAIL}; line 1 pos 16`);
    expect(failure(spark, 'SHOW COLUMNS IN ddlshow_bad')).toEqual({
      errorClass: 'TABLE_OR_VIEW_NOT_FOUND',
      message: `[TABLE_OR_VIEW_NOT_FOUND] The table or view \`ddlshow_bad\` ${NOT_FOUND_TAIL}; line 1 pos 16`,
    });
  }, SLOW);

  it('SHOW VIEWS lists temp views (global ones IN global_temp), filtered by LIKE patterns', () => {
    const spark = open();
    spark.sql('CREATE OR REPLACE TEMP VIEW ddlshow_va AS SELECT 1 AS x');
    spark.sql('CREATE OR REPLACE TEMP VIEW ddlshow_vb AS SELECT 1 AS x');
    spark.sql('CREATE OR REPLACE GLOBAL TEMP VIEW ddlshow_gv AS SELECT 1 AS x');
    try {
      expect(schemaOf(spark, "SHOW VIEWS LIKE 'ddlshow*'")).toBe('namespace:string not null, viewName:string not null, isTemporary:boolean not null');
      expect(rows(spark, "SHOW VIEWS LIKE 'ddlshow*'")).toEqual([
        ['', 'ddlshow_va', true],
        ['', 'ddlshow_vb', true],
      ]);
      expect(rows(spark, "SHOW VIEWS IN global_temp LIKE 'ddlshow*'")).toEqual([
        ['global_temp', 'ddlshow_gv', true],
        ['', 'ddlshow_va', true],
        ['', 'ddlshow_vb', true],
      ]);
      expect(rows(spark, "SHOW VIEWS FROM default LIKE 'ddlshow_va|zz'")).toEqual([['', 'ddlshow_va', true]]);
      expect(failure(spark, 'SHOW VIEWS IN ddlshow_nodb')).toEqual({
        errorClass: 'SCHEMA_NOT_FOUND',
        message:
          '[SCHEMA_NOT_FOUND] The schema `ddlshow_nodb` cannot be found. Verify the spelling and correctness of the schema and catalog.\nIf you did not qualify the name with a catalog, verify the current_schema() output, or qualify the name with the correct catalog.\nTo tolerate the error on drop use DROP SCHEMA IF EXISTS.',
      });
    } finally {
      spark.sql('DROP VIEW IF EXISTS ddlshow_va');
      spark.sql('DROP VIEW IF EXISTS ddlshow_vb');
      spark.sql('DROP VIEW IF EXISTS global_temp.ddlshow_gv');
    }
  }, SLOW);

  it('SHOW TBLPROPERTIES, all or one key (a missing key is a row saying so); none for a temp view', () => {
    const spark = open();
    create(spark, 'ddlshow_p', "(a INT) USING parquet TBLPROPERTIES('p1'='v1', 'p2'='v2')");
    expect(schemaOf(spark, 'SHOW TBLPROPERTIES ddlshow_p')).toBe('key:string not null, value:string not null');
    expect(rows(spark, 'SHOW TBLPROPERTIES ddlshow_p')).toEqual([
      ['p1', 'v1'],
      ['p2', 'v2'],
    ]);
    expect(rows(spark, 'SHOW TBLPROPERTIES ddlshow_p("p1")')).toEqual([['p1', 'v1']]);
    expect(rows(spark, "SHOW TBLPROPERTIES ddlshow_p ('p3')")).toEqual([['p3', 'Table spark_catalog.default.ddlshow_p does not have property: p3']]);
    // OPTIONS are listed as option.<key>, all sorted by key; secrets (spark.redaction.regex) are redacted.
    create(spark, 'ddlshow_o', "(a INT) USING parquet OPTIONS (b '2', a '1', password 'pw') TBLPROPERTIES (t 'test', password 'pw', e 3)");
    expect(rows(spark, 'SHOW TBLPROPERTIES ddlshow_o')).toEqual([
      ['e', '3'],
      ['option.a', '1'],
      ['option.b', '2'],
      ['option.password', '*********(redacted)'],
      ['password', '*********(redacted)'],
      ['t', 'test'],
    ]);
    expect(rows(spark, "SHOW TBLPROPERTIES ddlshow_o ('option.b')")).toEqual([['option.b', '2']]);
    expect(Object.fromEntries(rows(spark, 'DESC EXTENDED ddlshow_o').map((r) => [r[0], r[1]]))['Storage Properties']).toBe('[b=2, a=1, password=*********(redacted)]');
    expect(Object.fromEntries(rows(spark, 'DESC EXTENDED ddlshow_o').map((r) => [r[0], r[1]]))['Table Properties']).toBe('[e=3, password=*********(redacted), t=test]');
    // SHOW CREATE TABLE redacts options and properties, and leaves out a property that is also an option.
    expect(spark.sql('SHOW CREATE TABLE ddlshow_o').first()!.get(0)).toBe(
      "CREATE TABLE spark_catalog.default.ddlshow_o (\n  a INT)\nUSING parquet\nOPTIONS (\n  'a' = '1',\n  'b' = '2',\n  'password' = '*********(redacted)')\nTBLPROPERTIES (\n  'e' = '3',\n  't' = 'test')\n",
    );
    create(spark, 'ddlshow_o2', "(a INT) USING parquet OPTIONS (b '2', token 'x') TBLPROPERTIES (b '3', e 3, token 'y', password 'pw')");
    expect(spark.sql('SHOW CREATE TABLE ddlshow_o2').first()!.get(0)).toBe(
      "CREATE TABLE spark_catalog.default.ddlshow_o2 (\n  a INT)\nUSING parquet\nOPTIONS (\n  'b' = '2',\n  'token' = '*********(redacted)')\nTBLPROPERTIES (\n  'e' = '3',\n  'password' = '*********(redacted)')\n",
    );
    spark.sql('CREATE OR REPLACE TEMP VIEW ddlshow_tv AS SELECT 1 AS c1');
    expect(rows(spark, 'SHOW TBLPROPERTIES ddlshow_tv')).toEqual([]);
    expect(rows(spark, "SHOW TBLPROPERTIES ddlshow_tv ('x')")).toEqual([]);
    expect(failure(spark, 'SHOW TBLPROPERTIES ddlshow_nosuch').message).toBe(`[TABLE_OR_VIEW_NOT_FOUND] The table or view \`ddlshow_nosuch\` ${NOT_FOUND_TAIL}; line 1 pos 19`);
    spark.sql('DROP VIEW ddlshow_tv');
  }, SLOW);

  it('SHOW PARTITIONS lists the partitions holding rows, escaped and sorted as Spark does, optionally filtered', () => {
    const spark = open();
    create(spark, 'ddlshow_part', '(a INT, p INT, q STRING) USING parquet PARTITIONED BY (p, q)');
    spark.sql("INSERT INTO ddlshow_part VALUES (1, 2, 'x'), (1, NULL, NULL), (3, 2, 'a b/c'), (4, 10, 'x'), (5, 2, 'x')");
    expect(schemaOf(spark, 'SHOW PARTITIONS ddlshow_part')).toBe('partition:string not null');
    expect(rows(spark, 'SHOW PARTITIONS ddlshow_part')).toEqual([['p=10/q=x'], ['p=2/q=a b%2Fc'], ['p=2/q=x'], ['p=__HIVE_DEFAULT_PARTITION__/q=__HIVE_DEFAULT_PARTITION__']]);
    expect(rows(spark, 'SHOW PARTITIONS ddlshow_part PARTITION (p=2)')).toEqual([['p=2/q=a b%2Fc'], ['p=2/q=x']]);
    expect(rows(spark, "SHOW PARTITIONS ddlshow_part PARTITION (q='x')")).toEqual([['p=10/q=x'], ['p=2/q=x']]);
    expect(rows(spark, 'SHOW PARTITIONS ddlshow_part PARTITION (p=99)')).toEqual([]);
    expect(failure(spark, 'SHOW PARTITIONS ddlshow_part PARTITION (z=1)').message).toBe('z is not a valid partition column in table `spark_catalog`.`default`.`ddlshow_part`.');
    create(spark, 'ddlshow_flat', '(a INT) USING parquet');
    expect(failure(spark, 'SHOW PARTITIONS ddlshow_flat')).toEqual({
      errorClass: 'INVALID_PARTITION_OPERATION.PARTITION_SCHEMA_IS_EMPTY',
      message: '[INVALID_PARTITION_OPERATION.PARTITION_SCHEMA_IS_EMPTY] The partition command is invalid. Table `spark_catalog`.`default`.`ddlshow_flat` is not partitioned.',
    });
    spark.sql('CREATE OR REPLACE TEMP VIEW ddlshow_pv AS SELECT 1 AS a');
    expect(failure(spark, 'SHOW PARTITIONS ddlshow_pv').message).toBe("ddlshow_pv is a temp view. 'SHOW PARTITIONS' expects a table..; line 1 pos 16");
    spark.sql('DROP VIEW ddlshow_pv');
  }, SLOW);

  it('SHOW PARTITIONS of a table written with partitionBy', () => {
    const spark = open();
    dropAfter('ddlshow_wpart');
    spark.sql('DROP TABLE IF EXISTS ddlshow_wpart');
    spark.sql("SELECT * FROM VALUES (1, 'b'), (2, 'a'), (3, 'a') AS t(id, k)").write.partitionBy('k').format('parquet').saveAsTable('ddlshow_wpart');
    expect(rows(spark, 'SHOW PARTITIONS ddlshow_wpart')).toEqual([['k=a'], ['k=b']]);
  }, SLOW);

  it('DESCRIBE [QUERY] query lists its columns, with the comments of table columns it passes through', () => {
    const spark = open();
    create(spark, 'ddlshow_q1', "(key int COMMENT 'column_comment', val string) USING PARQUET");
    expect(schemaOf(spark, 'DESC QUERY SELECT 1 AS a')).toBe('col_name:string not null, data_type:string not null, comment:string');
    expect(rows(spark, 'DESC SELECT key, key + 1 as plusone FROM ddlshow_q1')).toEqual([
      ['key', 'int', 'column_comment'],
      ['plusone', 'int', null],
    ]);
    expect(rows(spark, 'DESC SELECT key, COUNT(*) as count FROM ddlshow_q1 group by key')).toEqual([
      ['key', 'int', 'column_comment'],
      ['count', 'bigint', null],
    ]);
    expect(rows(spark, "DESC QUERY VALUES(1.00D, 'hello') as tab1(col1, col2)")).toEqual([
      ['col1', 'double', null],
      ['col2', 'string', null],
    ]);
    expect(rows(spark, 'DESCRIBE QUERY WITH s AS (SELECT * from ddlshow_q1) SELECT * FROM s')).toEqual([
      ['key', 'int', 'column_comment'],
      ['val', 'string', null],
    ]);
    expect(rows(spark, 'DESCRIBE SELECT id FROM range(3)')).toEqual([['id', 'bigint', null]]);
    // DESC TABLE names a table, not a query.
    expect(failure(spark, 'DESC TABLE SELECT 1').errorClass).toBe('PARSE_SYNTAX_ERROR');
  }, SLOW);
});
