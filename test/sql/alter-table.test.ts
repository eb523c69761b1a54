/**
 * ALTER TABLE / ALTER VIEW on session-catalog (v1, parquet) tables and temp
 * views, as Spark 3.5.7 takes them (each expectation checked against it; run
 * with SPARK_REMOTE=sc://127.0.0.1:15003 to check again): what changes, what
 * DESCRIBE / SHOW TBLPROPERTIES / reading the table show after, and the
 * refusals with Spark's error classes and messages.
 */
import { expect, it } from 'vitest';
import type { SparkSession } from '../../src/session/session.js';
import { forEachBackend } from '../helpers/backends.js';
import { NOT_FOUND_TAIL, failure, scratchTables } from '../helpers/ddl-tables.js';

const SLOW = 60_000;
type Cell = unknown;
const rows = (spark: SparkSession, sql: string): Cell[][] => spark.sql(sql).collect().map((r) => [...r]);

forEachBackend('ALTER TABLE / ALTER VIEW', (session) => {
  const { open, create, dropAfter } = scratchTables(session);

  it('ADD COLUMN(S) appends nullable columns before the partition columns; existing rows read NULL', () => {
    const spark = open();
    create(spark, 'ddlalt_add', "(a INT COMMENT 'ca', p INT) USING parquet PARTITIONED BY (p)");
    spark.sql('INSERT INTO ddlalt_add VALUES (1, 10)');
    spark.sql("ALTER TABLE ddlalt_add ADD COLUMNS (c DOUBLE COMMENT 'cc', d STRING)");
    spark.sql('ALTER TABLE ddlalt_add ADD COLUMN e INT');
    expect(rows(spark, 'DESC ddlalt_add')).toEqual([
      ['a', 'int', 'ca'],
      ['c', 'double', 'cc'],
      ['d', 'string', null],
      ['e', 'int', null],
      ['p', 'int', null],
      ['# Partition Information', '', ''],
      ['# col_name', 'data_type', 'comment'],
      ['p', 'int', null],
    ]);
    const df = spark.sql('SELECT * FROM ddlalt_add');
    expect(df.schema.simpleString()).toBe('struct<a:int,c:double,d:string,e:int,p:int>');
    expect(rows(spark, 'SELECT * FROM ddlalt_add')).toEqual([[1, null, null, null, 10]]);
    spark.sql("INSERT INTO ddlalt_add VALUES (2, 2.5, 'x', 7, 20)");
    expect(rows(spark, 'SELECT a, c, d, e, p FROM ddlalt_add ORDER BY a')).toEqual([
      [1, null, null, null, 10],
      [2, 2.5, 'x', 7, 20],
    ]);
    // A position is accepted and, on a v1 table, the column is appended all the same.
    spark.sql('ALTER TABLE ddlalt_add ADD COLUMNS (f INT FIRST)');
    expect(spark.table('ddlalt_add').columns).toEqual(['a', 'c', 'd', 'e', 'f', 'p']);
    expect(failure(spark, 'ALTER TABLE ddlalt_add ADD COLUMNS (A INT)')).toEqual({
      errorClass: 'COLUMN_ALREADY_EXISTS',
      message: '[COLUMN_ALREADY_EXISTS] The column `a` already exists. Consider to choose another name or rename the existing column.',
    });
    expect(failure(spark, 'ALTER TABLE ddlalt_add ADD COLUMNS (g INT, G INT)').message).toBe(
      '[COLUMN_ALREADY_EXISTS] The column `g` already exists. Consider to choose another name or rename the existing column.',
    );
    expect(failure(spark, 'ALTER TABLE ddlalt_add ADD COLUMNS (y INT NOT NULL)').message).toBe('ADD COLUMN with v1 tables cannot specify NOT NULL.');
  }, SLOW);

  it('ALTER / CHANGE COLUMN changes a comment; a type only to itself; RENAME / DROP COLUMN, positions and NOT NULL are refused', () => {
    const spark = open();
    create(spark, 'ddlalt_col', '(a INT, b STRING, c INT) USING parquet');
    spark.sql("INSERT INTO ddlalt_col VALUES (1, 'x', 3)");
    spark.sql("ALTER TABLE ddlalt_col ALTER COLUMN a COMMENT 'new'");
    spark.sql("ALTER TABLE ddlalt_col CHANGE COLUMN b COMMENT 'bb'");
    spark.sql("ALTER TABLE ddlalt_col CHANGE c c INT COMMENT ''");
    spark.sql('ALTER TABLE ddlalt_col ALTER COLUMN A TYPE INT');
    expect(rows(spark, 'DESC ddlalt_col')).toEqual([
      ['a', 'int', 'new'],
      ['b', 'string', 'bb'],
      ['c', 'int', ''],
    ]);
    expect(rows(spark, 'SELECT * FROM ddlalt_col')).toEqual([[1, 'x', 3]]);
    expect(spark.sql('SHOW CREATE TABLE ddlalt_col').first()!.get(0)).toBe(
      "CREATE TABLE spark_catalog.default.ddlalt_col (\n  a INT COMMENT 'new',\n  b STRING COMMENT 'bb',\n  c INT COMMENT '')\nUSING parquet\n",
    );
    expect(failure(spark, 'ALTER TABLE ddlalt_col ALTER COLUMN a TYPE BIGINT')).toEqual({
      errorClass: 'NOT_SUPPORTED_CHANGE_COLUMN',
      message:
        '[NOT_SUPPORTED_CHANGE_COLUMN] ALTER TABLE ALTER/CHANGE COLUMN is not supported for changing `spark_catalog`.`default`.`ddlalt_col`\'s column `a` with type "INT" to `a` with type "BIGINT".',
    });
    const unsupported = (op: string): string =>
      `[UNSUPPORTED_FEATURE.TABLE_OPERATION] The feature is not supported: Table \`spark_catalog\`.\`default\`.\`ddlalt_col\` does not support ${op}. Please check the current catalog and namespace to make sure the qualified table name is expected, and also check the catalog implementation which is configured by "spark.sql.catalog".`;
    expect(failure(spark, 'ALTER TABLE ddlalt_col RENAME COLUMN a TO z')).toEqual({ errorClass: 'UNSUPPORTED_FEATURE.TABLE_OPERATION', message: unsupported('RENAME COLUMN') });
    expect(failure(spark, 'ALTER TABLE ddlalt_col DROP COLUMN b').message).toBe(unsupported('DROP COLUMN'));
    expect(failure(spark, 'ALTER TABLE ddlalt_col DROP COLUMNS (b, c)').message).toBe(unsupported('DROP COLUMN'));
    expect(failure(spark, 'ALTER TABLE ddlalt_col CHANGE a a INT AFTER b').message).toBe(unsupported('ALTER COLUMN ... FIRST | ALTER'));
    expect(failure(spark, 'ALTER TABLE ddlalt_col ALTER COLUMN a SET NOT NULL').message).toBe('ALTER COLUMN with v1 tables cannot specify NOT NULL.');
    expect(failure(spark, 'ALTER TABLE ddlalt_col ALTER COLUMN a DROP NOT NULL').message).toBe('ALTER COLUMN with v1 tables cannot specify NOT NULL.');
    expect(failure(spark, "ALTER TABLE ddlalt_col ALTER COLUMN zz COMMENT 'x'").message).toBe(
      'Missing field zz in table spark_catalog.default.ddlalt_col with schema:\nroot\n |-- a: integer (nullable = true)\n |-- b: string (nullable = true)\n |-- c: integer (nullable = true)\n.; line 1 pos 0',
    );
    expect(failure(spark, "ALTER TABLE ddlalt_col ALTER COLUMN a.x COMMENT 'x'")).toEqual({
      errorClass: 'INVALID_FIELD_NAME',
      message: '[INVALID_FIELD_NAME] Field name `a`.`x` is invalid: `a` is not a struct.; line 1 pos 0',
    });
    const rename = failure(spark, 'ALTER TABLE ddlalt_col CHANGE a a1 INT');
    expect(rename.message).toBe(
      '\nRenaming column is not supported in Hive-style ALTER COLUMN, please run RENAME COLUMN instead.(line 1, pos 0)\n\n== SQL ==\nALTER TABLE ddlalt_col CHANGE a a1 INT\n^^^\n',
    );
    expect(failure(spark, 'ALTER TABLE ddlalt_col CHANGE a a INT NOT NULL').message).toBe(
      '\nNOT NULL is not supported in Hive-style ALTER COLUMN, please run ALTER COLUMN ... SET/DROP NOT NULL instead.(line 1, pos 0)\n\n== SQL ==\nALTER TABLE ddlalt_col CHANGE a a INT NOT NULL\n^^^\n',
    );
    // Under spark.sql.caseSensitive a differently cased name is a rename, and lookups are exact.
    spark.sql("ALTER TABLE ddlalt_col CHANGE a A INT COMMENT 'upper'");
    spark.conf.set('spark.sql.caseSensitive', 'true');
    try {
      expect(failure(spark, "ALTER TABLE ddlalt_col CHANGE a A INT COMMENT 'x'").message).toContain('Renaming column is not supported in Hive-style ALTER COLUMN');
      expect(failure(spark, "ALTER TABLE ddlalt_col ALTER COLUMN A COMMENT 'x'").message).toContain('Missing field A in table spark_catalog.default.ddlalt_col');
    } finally {
      spark.conf.set('spark.sql.caseSensitive', 'false');
    }
    expect(rows(spark, 'DESC ddlalt_col')[0]).toEqual(['a', 'int', 'upper']);
  }, SLOW);

  it("a partition column's comment cannot change", () => {
    const spark = open();
    create(spark, 'ddlalt_part', '(a INT, b STRING, c INT, d STRING) USING parquet PARTITIONED BY (c, d)');
    expect(failure(spark, "ALTER TABLE ddlalt_part CHANGE COLUMN c c INT COMMENT 'C'").message).toBe("Can't find column `c` given table data columns [`a`, `b`].");
  }, SLOW);

  it('SET / UNSET TBLPROPERTIES, SET LOCATION and RENAME TO', () => {
    const spark = open();
    create(spark, 'ddlalt_p', "(a INT, p INT) USING parquet PARTITIONED BY (p) TBLPROPERTIES ('k1'='v1')");
    dropAfter('ddlalt_p2');
    spark.sql('DROP TABLE IF EXISTS ddlalt_p2');
    spark.sql('INSERT INTO ddlalt_p VALUES (1, 10)');
    spark.sql("ALTER TABLE ddlalt_p SET TBLPROPERTIES ('k2'='v2', 'k1'='w')");
    expect(rows(spark, 'SHOW TBLPROPERTIES ddlalt_p')).toEqual([
      ['k1', 'w'],
      ['k2', 'v2'],
    ]);
    spark.sql("ALTER TABLE ddlalt_p UNSET TBLPROPERTIES ('k2')");
    expect(failure(spark, "ALTER TABLE ddlalt_p UNSET TBLPROPERTIES ('x', 'y')")).toEqual({
      errorClass: 'UNSET_NONEXISTENT_PROPERTIES',
      message: '[UNSET_NONEXISTENT_PROPERTIES] Attempted to unset non-existent properties [`x`, `y`] in table `spark_catalog`.`default`.`ddlalt_p`.',
    });
    spark.sql("ALTER TABLE ddlalt_p UNSET TBLPROPERTIES IF EXISTS ('zz')");
    expect(Object.fromEntries(rows(spark, 'DESC EXTENDED ddlalt_p').map((r) => [r[0], r[1]]))['Table Properties']).toBe('[k1=w]');
    spark.sql('ALTER TABLE ddlalt_p RENAME TO ddlalt_p2');
    expect(rows(spark, 'SELECT * FROM ddlalt_p2')).toEqual([[1, 10]]);
    expect(rows(spark, 'SHOW TBLPROPERTIES ddlalt_p2')).toEqual([['k1', 'w']]);
    expect(spark.catalog.tableExists('ddlalt_p')).toBe(false);
    expect(failure(spark, 'SELECT * FROM ddlalt_p').errorClass).toBe('TABLE_OR_VIEW_NOT_FOUND');
    expect(failure(spark, 'ALTER TABLE ddlalt_p2 RENAME TO nodb.x').message).toBe("RENAME TABLE source and destination databases do not match: 'default' != 'nodb'.");
    create(spark, 'ddlalt_p3', '(a INT) USING parquet');
    expect(failure(spark, 'ALTER TABLE ddlalt_p2 RENAME TO ddlalt_p3')).toEqual({
      errorClass: 'TABLE_OR_VIEW_ALREADY_EXISTS',
      message:
        '[TABLE_OR_VIEW_ALREADY_EXISTS] Cannot create table or view `default`.`ddlalt_p3` because it already exists.\nChoose a different name, drop or replace the existing object, or add the IF NOT EXISTS clause to tolerate pre-existing objects.',
    });
    expect(failure(spark, 'ALTER TABLE ddlalt_nosuch RENAME TO x')).toEqual({
      errorClass: 'TABLE_OR_VIEW_NOT_FOUND',
      message: `[TABLE_OR_VIEW_NOT_FOUND] The table or view \`ddlalt_nosuch\` ${NOT_FOUND_TAIL}; line 1 pos 12`,
    });
  }, SLOW);

  it('SET LOCATION: DESCRIBE shows the new location, the table stays MANAGED and SHOW CREATE TABLE names none', () => {
    const spark = open();
    create(spark, 'ddlalt_loc', '(a INT) USING parquet');
    const details = (): Record<string, unknown> => Object.fromEntries(rows(spark, 'DESC EXTENDED ddlalt_loc').map((r) => [r[0], r[1]]));
    const original = String(details()['Location']);
    spark.sql("ALTER TABLE ddlalt_loc SET LOCATION '/tmp/ddlalt_loc_moved'");
    try {
      expect(details()['Type']).toBe('MANAGED');
      expect(details()['Location']).toBe('file:/tmp/ddlalt_loc_moved');
      expect(spark.sql('SHOW CREATE TABLE ddlalt_loc').first()!.get(0)).toBe('CREATE TABLE spark_catalog.default.ddlalt_loc (\n  a INT)\nUSING parquet\n');
    } finally {
      // Back home, so that DROP TABLE removes the warehouse directory Spark created.
      spark.sql(`ALTER TABLE ddlalt_loc SET LOCATION '${original}'`);
    }
    expect(details()['Location']).toBe(original);
  }, SLOW);

  it('temp views: ALTER VIEW ... AS and RENAME TO; ALTER TABLE actions and ALTER VIEW on tables are refused', () => {
    const spark = open();
    create(spark, 'ddlalt_t', '(a INT) USING parquet');
    spark.sql('CREATE OR REPLACE TEMP VIEW ddlalt_v AS SELECT 1 AS x');
    spark.sql('DROP VIEW IF EXISTS ddlalt_v2');
    spark.sql('ALTER VIEW ddlalt_v AS SELECT 2 AS y');
    expect(rows(spark, 'SELECT * FROM ddlalt_v')).toEqual([[2]]);
    spark.sql('ALTER VIEW ddlalt_v RENAME TO ddlalt_v2');
    expect(rows(spark, 'SELECT * FROM ddlalt_v2')).toEqual([[2]]);
    expect(spark.catalog.tableExists('ddlalt_v')).toBe(false);
    spark.sql('ALTER TABLE ddlalt_v2 RENAME TO ddlalt_v');
    expect(rows(spark, 'SELECT * FROM ddlalt_v')).toEqual([[2]]);
    expect(failure(spark, 'ALTER TABLE ddlalt_v ADD COLUMNS (y INT)').message).toBe("ddlalt_v is a temp view. 'ALTER TABLE ... ADD COLUMNS' expects a table..; line 1 pos 12");
    expect(failure(spark, "ALTER TABLE ddlalt_v SET TBLPROPERTIES ('a'='b')").message).toBe(
      "ddlalt_v is a temp view. 'ALTER TABLE ... SET TBLPROPERTIES' expects a table. Please use ALTER VIEW instead..; line 1 pos 12",
    );
    expect(failure(spark, "ALTER TABLE ddlalt_v SET LOCATION '/tmp/q'").message).toBe(
      "ddlalt_v is a temp view. 'ALTER TABLE ... SET LOCATION ...' expects a table. Please use ALTER VIEW instead..; line 1 pos 12",
    );
    expect(failure(spark, "ALTER TABLE ddlalt_v CHANGE y y INT COMMENT 'c'").message).toBe("ddlalt_v is a temp view. 'ALTER TABLE ... CHANGE COLUMN' expects a table..; line 1 pos 12");
    expect(failure(spark, 'ALTER TABLE ddlalt_v DROP COLUMN y').message).toBe("ddlalt_v is a temp view. 'ALTER TABLE ... DROP COLUMNS' expects a table..; line 1 pos 12");
    expect(failure(spark, "ALTER VIEW ddlalt_v SET TBLPROPERTIES ('a'='b')").message).toBe(
      "ddlalt_v is a temp view. 'ALTER VIEW ... SET TBLPROPERTIES' expects a permanent view.; line 1 pos 11",
    );
    expect(failure(spark, 'ALTER VIEW ddlalt_t AS SELECT 1').message).toBe("default.ddlalt_t is a table. 'ALTER VIEW ... AS' expects a view..; line 1 pos 11");
    expect(failure(spark, 'ALTER VIEW ddlalt_t RENAME TO ddlalt_t9').message).toBe('Cannot alter a table with ALTER VIEW. Please use ALTER TABLE instead.');
    expect(failure(spark, "ALTER VIEW ddlalt_t SET TBLPROPERTIES ('a'='b')").message).toBe(
      "default.ddlalt_t is a table. 'ALTER VIEW ... SET TBLPROPERTIES' expects a view. Please use ALTER TABLE instead..; line 1 pos 11",
    );
    expect(failure(spark, 'ALTER VIEW ddlalt_nov AS SELECT 1').message).toBe(`[TABLE_OR_VIEW_NOT_FOUND] The table or view \`ddlalt_nov\` ${NOT_FOUND_TAIL}; line 1 pos 11`);
    spark.sql('DROP VIEW IF EXISTS ddlalt_v');
  }, SLOW);
});
