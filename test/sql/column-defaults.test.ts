/**
 * Column DEFAULT values of CREATE TABLE as Spark 3.5.7 takes them (checked
 * against it; run with SPARK_REMOTE=sc://127.0.0.1:15003 to check again):
 * INSERT with a column list or the DEFAULT keyword, DESCRIBE's
 * `# Column Default Values`, SHOW CREATE TABLE, and INVALID_DEFAULT_VALUE.
 */
import { expect, it } from 'vitest';
import type { SparkSession } from '../../src/session/session.js';
import { forEachBackend } from '../helpers/backends.js';
import { failure, scratchTables } from '../helpers/ddl-tables.js';

const SLOW = 60_000;
const rows = (spark: SparkSession, sql: string): unknown[][] => spark.sql(sql).collect().map((r) => [...r]);

forEachBackend('column DEFAULT values', (session) => {
  const { open, create, dropAfter } = scratchTables(session);

  it('INSERT fills left-out columns and DEFAULT cells with the default; DESCRIBE and SHOW CREATE TABLE show it as written', () => {
    const spark = open();
    create(spark, 'ddldef_t', "(a STRING DEFAULT 'dv', b INT DEFAULT 40 + 2, c INT) USING parquet");
    spark.sql('INSERT INTO ddldef_t (c) VALUES (1)');
    spark.sql('INSERT INTO ddldef_t VALUES (DEFAULT, DEFAULT, 3)');
    spark.sql('INSERT INTO ddldef_t (b, c) VALUES (DEFAULT, 4)');
    spark.sql("INSERT INTO ddldef_t (a) VALUES ('x')");
    expect(rows(spark, 'SELECT * FROM ddldef_t ORDER BY c NULLS LAST')).toEqual([
      ['dv', 42, 1],
      ['dv', 42, 3],
      ['dv', 42, 4],
      ['x', 42, null],
    ]);
    expect(failure(spark, "INSERT INTO ddldef_t VALUES ('z')").errorClass).toBe('INSERT_COLUMN_ARITY_MISMATCH.NOT_ENOUGH_DATA_COLUMNS');
    expect(rows(spark, 'DESC ddldef_t')).toEqual([
      ['a', 'string', null],
      ['b', 'int', null],
      ['c', 'int', null],
      ['', '', ''],
      ['# Column Default Values', '', ''],
      ['a', 'string', "'dv'"],
      ['b', 'int', '40 + 2'],
    ]);
    const extended = rows(spark, 'DESC EXTENDED ddldef_t');
    expect(extended.slice(-4)).toEqual([
      ['', '', ''],
      ['# Column Default Values', '', ''],
      ['a', 'string', "'dv'"],
      ['b', 'int', '40 + 2'],
    ]);
    expect(extended[4]).toEqual(['# Detailed Table Information', '', '']);
    expect(spark.sql('SHOW CREATE TABLE ddldef_t').first()!.get(0)).toBe(
      "CREATE TABLE spark_catalog.default.ddldef_t (\n  a STRING DEFAULT 'dv',\n  b INT DEFAULT 40 + 2,\n  c INT)\nUSING parquet\n",
    );
  }, SLOW);

  it('a partition column default follows the partition information; narrowing constants that fit are accepted', () => {
    const spark = open();
    create(spark, 'ddldef_p', '(a INT, p INT DEFAULT 3) USING parquet PARTITIONED BY (p)');
    expect(rows(spark, 'DESC ddldef_p').slice(2)).toEqual([
      ['# Partition Information', '', ''],
      ['# col_name', 'data_type', 'comment'],
      ['p', 'int', null],
      ['', '', ''],
      ['# Column Default Values', '', ''],
      ['p', 'int', '3'],
    ]);
    create(spark, 'ddldef_n', "(a INT DEFAULT 1.5, d DATE DEFAULT '2020-01-01', s STRING DEFAULT 1, x BIGINT DEFAULT 1, y INT DEFAULT NULL) USING parquet");
    spark.sql('INSERT INTO ddldef_n (y) VALUES (7)');
    expect(spark.sql('SELECT * FROM ddldef_n').collect()[0]!.asDict()).toEqual({ a: 1, d: new Date(Date.UTC(2020, 0, 1)), s: '1', x: 1, y: 7 });
  }, SLOW);

  it('INVALID_DEFAULT_VALUE: a type the column cannot take, or an expression that does not resolve', () => {
    const spark = open();
    dropAfter('ddldef_bad');
    const head = 'Failed to execute CREATE TABLE command because the destination table column `a` has a DEFAULT value';
    expect(failure(spark, "CREATE TABLE ddldef_bad (a INT DEFAULT 'x') USING parquet")).toEqual({
      errorClass: 'INVALID_DEFAULT_VALUE.DATA_TYPE',
      message: `[INVALID_DEFAULT_VALUE.DATA_TYPE] ${head} 'x', which requires "INT" type, but the statement provided a value of incompatible "STRING" type.`,
    });
    expect(failure(spark, 'CREATE TABLE ddldef_bad (a INT DEFAULT 5000000000) USING parquet').message).toBe(
      `[INVALID_DEFAULT_VALUE.DATA_TYPE] ${head} 5000000000, which requires "INT" type, but the statement provided a value of incompatible "BIGINT" type.`,
    );
    expect(failure(spark, 'CREATE TABLE ddldef_bad (a BOOLEAN DEFAULT 1) USING parquet').message).toBe(
      `[INVALID_DEFAULT_VALUE.DATA_TYPE] ${head} 1, which requires "BOOLEAN" type, but the statement provided a value of incompatible "INT" type.`,
    );
    expect(failure(spark, 'CREATE TABLE ddldef_bad (a INT DEFAULT c) USING parquet')).toEqual({
      errorClass: 'INVALID_DEFAULT_VALUE.UNRESOLVED_EXPRESSION',
      message: `[INVALID_DEFAULT_VALUE.UNRESOLVED_EXPRESSION] ${head} c, which fails to resolve as a valid expression.`,
    });
    expect(spark.catalog.tableExists('ddldef_bad')).toBe(false);
  }, SLOW);
});
