/**
 * CHAR(n)/VARCHAR(n) table columns as Spark 3.5.7 keeps them (every expectation was asked of Spark
 * 3.5.7; run with SPARK_REMOTE=sc://127.0.0.1:15003 to check again): the column reads as a STRING,
 * writes past n are refused with EXCEED_LIMIT_LENGTH (trailing spaces past n are trimmed instead),
 * CHAR values come back padded to n, comparisons with constants pad both sides, and DESC / SHOW
 * CREATE TABLE print the declared type.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SparkSession } from '../../src/index.js';
import { STRING, StructField, StructType } from '../../src/types/data-types.js';
import { forEachBackend } from '../helpers/backends.js';
import { failure, scratchTables } from '../helpers/ddl-tables.js';

const SLOW = 60_000;
const rows = (spark: SparkSession, sql: string): unknown[][] => spark.sql(sql).collect().map((r) => [...r]);
const exceeds = (n: number): { errorClass: string; message: string } => ({
  errorClass: 'EXCEED_LIMIT_LENGTH',
  message: `[EXCEED_LIMIT_LENGTH] Exceeds char/varchar type length limitation: ${n}.`,
});

forEachBackend('CHAR/VARCHAR columns', (session) => {
  const { open, create } = scratchTables(session);

  it('INSERT pads CHAR values, trims spaces past n and refuses longer values', { timeout: SLOW }, () => {
    const spark = open();
    create(spark, 'cvt_ins', '(c CHAR(5), v VARCHAR(3)) USING parquet');
    spark.sql("INSERT INTO cvt_ins VALUES ('ab', 'xy'), (NULL, NULL)");
    expect(failure(spark, "INSERT INTO cvt_ins VALUES ('abcdef', 'x')")).toEqual(exceeds(5));
    expect(failure(spark, "INSERT INTO cvt_ins VALUES ('a', 'wxyz')")).toEqual(exceeds(3));
    spark.sql("INSERT INTO cvt_ins VALUES ('abcde   ', 'xyz   ')");
    const df = spark.sql('SELECT c, v, length(c), length(v) FROM cvt_ins ORDER BY v NULLS FIRST');
    expect(df.schema.fields.map((f) => [f.name, f.dataType.simpleString()])).toEqual([
      ['c', 'string'],
      ['v', 'string'],
      ['length(c)', 'int'],
      ['length(v)', 'int'],
    ]);
    expect(df.collect().map((r) => [...r])).toEqual([
      [null, null, null, null],
      ['ab   ', 'xy', 5, 2],
      ['abcde', 'xyz', 5, 3],
    ]);
    expect(failure(spark, "INSERT OVERWRITE cvt_ins VALUES ('q', 'toolong')")).toEqual(exceeds(3));
    spark.sql("INSERT OVERWRITE cvt_ins SELECT 'z', 'z'");
    expect(rows(spark, 'SELECT * FROM cvt_ins')).toEqual([['z    ', 'z']]);
  });

  it('comparisons of a CHAR column with constants pad the shorter side, keeping their names', { timeout: SLOW }, () => {
    const spark = open();
    create(spark, 'cvt_cmp', '(c CHAR(5)) USING parquet');
    spark.sql("INSERT INTO cvt_cmp VALUES ('z')");
    const df = spark.sql("SELECT c = 'z', 'z' = c, c <=> 'z  ', c < 'zz', c IN ('z', 'y'), c IN ('z', NULL), c = 'z      ', c > 'z      ', concat(c, '|') FROM cvt_cmp");
    expect(df.columns).toEqual(['(c = z)', '(z = c)', '(c <=> z  )', '(c < zz)', '(c IN (z, y))', '(c IN (z, NULL))', '(c = z      )', '(c > z      )', 'concat(c, |)']);
    expect(df.collect().map((r) => [...r])).toEqual([[true, true, true, true, true, null, true, false, 'z    |']]);
    expect(rows(spark, "SELECT cc FROM (SELECT c AS cc FROM cvt_cmp) WHERE cc = 'z'")).toEqual([['z    ']]);
  });

  it('DESC and SHOW CREATE TABLE print the declared types', { timeout: SLOW }, () => {
    const spark = open();
    create(spark, 'cvt_desc', '(c CHAR(5), v VARCHAR(3) COMMENT \'x\', s STRING) USING parquet');
    expect(rows(spark, 'DESC cvt_desc')).toEqual([
      ['c', 'char(5)', null],
      ['v', 'varchar(3)', 'x'],
      ['s', 'string', null],
    ]);
    expect(rows(spark, 'DESC cvt_desc c')).toEqual([
      ['col_name', 'c'],
      ['data_type', 'char(5)'],
      ['comment', 'NULL'],
    ]);
    expect(rows(spark, 'SHOW CREATE TABLE cvt_desc')).toEqual([
      ["CREATE TABLE spark_catalog.default.cvt_desc (\n  c CHAR(5),\n  v VARCHAR(3) COMMENT 'x',\n  s STRING)\nUSING parquet\n"],
    ]);
    expect(spark.table('cvt_desc').schema.fields.map((f) => f.dataType)).toEqual([STRING, STRING, STRING]);
  });

  it('ALTER TABLE refuses a change of the declared length or kind; ADD COLUMNS keeps char(n)', { timeout: SLOW }, () => {
    const spark = open();
    create(spark, 'cvt_alt', '(c CHAR(5), v VARCHAR(5), s STRING) USING parquet');
    const refused = (col: string, from: string, to: string): { errorClass: string; message: string } => ({
      errorClass: 'NOT_SUPPORTED_CHANGE_COLUMN',
      message: `[NOT_SUPPORTED_CHANGE_COLUMN] ALTER TABLE ALTER/CHANGE COLUMN is not supported for changing \`spark_catalog\`.\`default\`.\`cvt_alt\`'s column \`${col}\` with type "${from}" to \`${col}\` with type "${to}".`,
    });
    expect(failure(spark, 'ALTER TABLE cvt_alt CHANGE COLUMN c TYPE char(6)')).toEqual(refused('c', 'CHAR(5)', 'CHAR(6)'));
    expect(failure(spark, 'ALTER TABLE cvt_alt CHANGE COLUMN v TYPE varchar(6)')).toEqual(refused('v', 'VARCHAR(5)', 'VARCHAR(6)'));
    expect(failure(spark, 'ALTER TABLE cvt_alt CHANGE COLUMN s TYPE varchar(6)')).toEqual(refused('s', 'STRING', 'VARCHAR(6)'));
    expect(failure(spark, 'ALTER TABLE cvt_alt CHANGE COLUMN c TYPE string')).toEqual(refused('c', 'CHAR(5)', 'STRING'));
    spark.sql('ALTER TABLE cvt_alt CHANGE COLUMN c TYPE char(5)');
    spark.sql('ALTER TABLE cvt_alt ADD COLUMNS (d CHAR(2))');
    expect(rows(spark, 'DESC cvt_alt')).toEqual([
      ['c', 'char(5)', null],
      ['v', 'varchar(5)', null],
      ['s', 'string', null],
      ['d', 'char(2)', null],
    ]);
    expect(failure(spark, "INSERT INTO cvt_alt VALUES ('a', 'b', 'c', 'ddd')")).toEqual(exceeds(2));
  });

  it('CREATE TABLE LIKE copies columns, declared types, partitioning and provider, not comment or properties', { timeout: SLOW }, () => {
    const spark = open();
    create(spark, 'cvt_src', "(c CHAR(5), v VARCHAR(3), p INT) USING parquet PARTITIONED BY (p) COMMENT 'cm' TBLPROPERTIES ('a'='b')");
    create(spark, 'cvt_like', 'LIKE cvt_src');
    expect(rows(spark, 'SHOW CREATE TABLE cvt_like')).toEqual([['CREATE TABLE spark_catalog.default.cvt_like (\n  c CHAR(5),\n  v VARCHAR(3),\n  p INT)\nUSING parquet\nPARTITIONED BY (p)\n']]);
    create(spark, 'cvt_like2', "LIKE cvt_src USING json TBLPROPERTIES ('x'='y')");
    expect(rows(spark, 'SHOW CREATE TABLE cvt_like2')).toEqual([
      ["CREATE TABLE spark_catalog.default.cvt_like2 (\n  c CHAR(5),\n  v VARCHAR(3),\n  p INT)\nUSING json\nPARTITIONED BY (p)\nTBLPROPERTIES (\n  'x' = 'y')\n"],
    ]);
    expect(failure(spark, 'CREATE TABLE cvt_like LIKE cvt_src')).toEqual({
      errorClass: 'TABLE_OR_VIEW_ALREADY_EXISTS',
      message:
        '[TABLE_OR_VIEW_ALREADY_EXISTS] Cannot create table or view `default`.`cvt_like` because it already exists.\nChoose a different name, drop or replace the existing object, or add the IF NOT EXISTS clause to tolerate pre-existing objects.',
    });
    spark.sql('CREATE TABLE IF NOT EXISTS cvt_like LIKE cvt_src');
    create(spark, 'cvt_bsrc', '(a INT, b STRING) USING parquet CLUSTERED BY (a) SORTED BY (b) INTO 4 BUCKETS');
    create(spark, 'cvt_blike', 'LIKE cvt_bsrc');
    expect(rows(spark, 'SHOW CREATE TABLE cvt_blike')).toEqual([['CREATE TABLE spark_catalog.default.cvt_blike (\n  a INT,\n  b STRING)\nUSING parquet\nCLUSTERED BY (a)\nSORTED BY (b)\nINTO 4 BUCKETS\n']]);
    expect(failure(spark, "INSERT INTO cvt_like VALUES ('a', 'bcde', 1)")).toEqual(exceeds(3));
  });

  it('DataFrameWriter.insertInto and saveAsTable append check and pad too', { timeout: SLOW }, () => {
    const spark = open();
    create(spark, 'cvt_df', '(c CHAR(4), v VARCHAR(2)) USING parquet');
    const schema = new StructType([new StructField('a', STRING), new StructField('b', STRING)]);
    spark.createDataFrame([['x', 'y']], schema).write.insertInto('cvt_df');
    // saveAsTable's append matches the table's columns by name.
    const named = new StructType([new StructField('v', STRING), new StructField('c', STRING)]);
    spark.createDataFrame([['z', 'w']], named).write.mode('append').saveAsTable('cvt_df');
    expect(rows(spark, 'SELECT * FROM cvt_df ORDER BY v')).toEqual([
      ['x   ', 'y'],
      ['w   ', 'z'],
    ]);
    const long = spark.createDataFrame([['x', 'long']], schema);
    expect(() => long.write.insertInto('cvt_df')).toThrow('[EXCEED_LIMIT_LENGTH] Exceeds char/varchar type length limitation: 2.');
    expect(() => spark.createDataFrame([['long', 'x']], named).write.mode('append').saveAsTable('cvt_df')).toThrow('[EXCEED_LIMIT_LENGTH] Exceeds char/varchar type length limitation: 2.');
  });
});

describe('file backend: CHAR/VARCHAR types persist with the table', () => {
  let base: string | undefined;
  afterEach(() => {
    if (base) rmSync(base, { recursive: true, force: true });
    base = undefined;
  });

  it('a new session sees the declared types, pads and checks', { timeout: SLOW }, () => {
    base = mkdtempSync(join(tmpdir(), 'charvar-file-'));
    const open = (): SparkSession => new SparkSession('charvar', { backendType: 'file', conf: { 'spark.sparkless.backend.basePath': base!, 'spark.sql.session.timeZone': 'UTC' } });
    const first = open();
    first.sql('CREATE TABLE cvt_file (c CHAR(3), v VARCHAR(2)) USING parquet');
    first.sql("INSERT INTO cvt_file VALUES ('a', 'b')");
    first.stop();
    const second = open();
    expect(rows(second, 'DESC cvt_file')).toEqual([
      ['c', 'char(3)', null],
      ['v', 'varchar(2)', null],
    ]);
    expect(failure(second, "INSERT INTO cvt_file VALUES ('a', 'bcd')")).toEqual(exceeds(2));
    second.sql("INSERT INTO cvt_file VALUES ('d', 'e')");
    expect(rows(second, "SELECT c, v FROM cvt_file WHERE c = 'd' OR c = 'a' ORDER BY v")).toEqual([
      ['a  ', 'b'],
      ['d  ', 'e'],
    ]);
    second.stop();
  });
});
