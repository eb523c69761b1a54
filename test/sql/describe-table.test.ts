/**
 * DESCRIBE TABLE [EXTENDED | FORMATTED] t [col] and SHOW CREATE TABLE of
 * catalog tables: what CREATE TABLE / CTAS / saveAsTable declared, in Spark
 * 3.5.7's layouts (checked against it). Machine-specific values (creation
 * time, Spark's patch version, the warehouse path) are matched by format.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { F } from '../../src/index.js';
import type { SparkSession } from '../../src/session/session.js';
import { forEachBackend } from '../helpers/backends.js';

const SLOW = 60_000;
type Cell = string | null;
const rows = (spark: SparkSession, sql: string): Cell[][] => spark.sql(sql).collect().map((r) => [...r] as Cell[]);

/** Replaces the machine-specific detail values by their format check. */
function normalized(table: Cell[][]): Cell[][] {
  return table.map(([k, v, c]) => {
    if (k === 'Created Time') return [k, /^[A-Z][a-z]{2} [A-Z][a-z]{2} \d\d \d\d:\d\d:\d\d \S+ \d{4}$/.test(String(v)) ? '<time>' : v, c];
    if (k === 'Created By') return [k, /^Spark 3\.5\.\d+$/.test(String(v)) ? '<spark>' : v, c];
    if (k === 'Location' && /^file:\/.*(warehouse|default\.db)\/[a-z0-9_]+$/.test(String(v))) return [k, '<warehouse>', c];
    return [k, v, c];
  });
}

const FULL_DDL =
  "(a INT COMMENT 'the a', p INT, b STRING) USING parquet PARTITIONED BY (p) CLUSTERED BY (a) SORTED BY (b) INTO 4 BUCKETS " +
  "COMMENT 'tbl comment' TBLPROPERTIES ('k1'='v1', 'k0'='v0') OPTIONS ('compression'='snappy')";

const detail = (k: string, v: string): Cell[] => [k, v, ''];

forEachBackend('DESCRIBE TABLE and SHOW CREATE TABLE of tables', (session) => {
  const created: string[] = [];
  let current: SparkSession | undefined;
  const open = (): SparkSession => (current = session());
  afterEach(() => {
    for (const t of created.splice(0)) current?.sql(`DROP TABLE IF EXISTS ${t}`);
  });
  const create = (spark: SparkSession, name: string, rest: string): void => {
    created.push(name);
    spark.sql(`DROP TABLE IF EXISTS ${name}`);
    spark.sql(`CREATE TABLE ${name} ${rest}`);
  };

  it('DESCRIBE TABLE EXTENDED / DESC FORMATTED list columns, partitions and the table details in Spark\'s order', () => {
    const spark = open();
    create(spark, 'sqlmeta_d1', FULL_DDL);
    const df = spark.sql('DESCRIBE TABLE EXTENDED sqlmeta_d1');
    expect(df.schema.simpleString()).toBe('struct<col_name:string,data_type:string,comment:string>');
    const expected: Cell[][] = [
      ['a', 'int', 'the a'],
      ['b', 'string', null],
      ['p', 'int', null],
      ['# Partition Information', '', ''],
      ['# col_name', 'data_type', 'comment'],
      ['p', 'int', null],
      ['', '', ''],
      ['# Detailed Table Information', '', ''],
      detail('Catalog', 'spark_catalog'),
      detail('Database', 'default'),
      detail('Table', 'sqlmeta_d1'),
      detail('Created Time', '<time>'),
      detail('Last Access', 'UNKNOWN'),
      detail('Created By', '<spark>'),
      detail('Type', 'MANAGED'),
      detail('Provider', 'parquet'),
      detail('Num Buckets', '4'),
      detail('Bucket Columns', '[`a`]'),
      detail('Sort Columns', '[`b`]'),
      detail('Comment', 'tbl comment'),
      detail('Table Properties', '[k0=v0, k1=v1]'),
      detail('Location', '<warehouse>'),
      detail('Storage Properties', '[compression=snappy]'),
      detail('Partition Provider', 'Catalog'),
    ];
    expect(normalized(rows(spark, 'DESCRIBE TABLE EXTENDED sqlmeta_d1'))).toEqual(expected);
    expect(normalized(rows(spark, 'DESC FORMATTED sqlmeta_d1'))).toEqual(expected);
    expect(normalized(rows(spark, 'DESCRIBE EXTENDED sqlmeta_d1'))).toEqual(expected);
    expect(rows(spark, 'DESCRIBE sqlmeta_d1')).toEqual(expected.slice(0, 6));
  }, SLOW);

  it('SHOW CREATE TABLE writes USING, OPTIONS, PARTITIONED BY, CLUSTERED BY ... INTO n BUCKETS, COMMENT and sorted TBLPROPERTIES', () => {
    const spark = open();
    create(spark, 'sqlmeta_d2', FULL_DDL);
    const df = spark.sql('SHOW CREATE TABLE sqlmeta_d2');
    expect(df.schema.simpleString()).toBe('struct<createtab_stmt:string>');
    expect(df.schema.fields[0]!.nullable).toBe(false);
    expect(df.first()!.get(0)).toBe(
      "CREATE TABLE spark_catalog.default.sqlmeta_d2 (\n  a INT COMMENT 'the a',\n  b STRING,\n  p INT)\nUSING parquet\nOPTIONS (\n  'compression' = 'snappy')\n" +
        "PARTITIONED BY (p)\nCLUSTERED BY (a)\nSORTED BY (b)\nINTO 4 BUCKETS\nCOMMENT 'tbl comment'\nTBLPROPERTIES (\n  'k0' = 'v0',\n  'k1' = 'v1')\n",
    );
    spark.sql('CREATE OR REPLACE TEMP VIEW sqlmeta_v AS SELECT 1 AS a');
    expect(() => spark.sql('SHOW CREATE TABLE sqlmeta_v').collect()).toThrow("sqlmeta_v is a temp view. 'SHOW CREATE TABLE' expects a table or permanent view.");
    expect(() => spark.sql('SHOW CREATE TABLE sqlmeta_d2 AS SERDE').collect()).toThrow(
      '`spark_catalog`.`default`.`sqlmeta_d2` is a Spark data source table. Use `SHOW CREATE TABLE` without `AS SERDE` instead.',
    );
  }, SLOW);

  it('column types, quoting, LOCATION and OPTIONS (storage properties in their order, sorted in SHOW CREATE TABLE)', () => {
    const spark = open();
    const dir = mkdtempSync(join(tmpdir(), 'sqlmeta-loc-'));
    try {
      create(
        spark,
        'sqlmeta_d3',
        `(\`a b\` INT, c DECIMAL(10,2), d ARRAY<STRUCT<x: INT, y: STRING>>, e MAP<STRING, DATE>) USING parquet OPTIONS (zz '1', aa '2') LOCATION '${dir}' COMMENT 'it\\'s' TBLPROPERTIES (b=2, a='x')`,
      );
      expect(spark.sql('SHOW CREATE TABLE sqlmeta_d3').first()!.get(0)).toBe(
        "CREATE TABLE spark_catalog.default.sqlmeta_d3 (\n  `a b` INT,\n  c DECIMAL(10,2),\n  d ARRAY<STRUCT<x: INT, y: STRING>>,\n  e MAP<STRING, DATE>)\nUSING parquet\n" +
          `OPTIONS (\n  'aa' = '2',\n  'zz' = '1')\nCOMMENT 'it\\'s'\nLOCATION 'file:${dir}'\nTBLPROPERTIES (\n  'a' = 'x',\n  'b' = '2')\n`,
      );
      expect(normalized(rows(spark, 'DESCRIBE EXTENDED sqlmeta_d3')).slice(0, 4)).toEqual([
        ['a b', 'int', null],
        ['c', 'decimal(10,2)', null],
        ['d', 'array<struct<x:int,y:string>>', null],
        ['e', 'map<string,date>', null],
      ]);
      expect(normalized(rows(spark, 'DESCRIBE EXTENDED sqlmeta_d3')).slice(12)).toEqual([
        detail('Type', 'EXTERNAL'),
        detail('Provider', 'parquet'),
        detail('Comment', "it's"),
        detail('Table Properties', '[a=x, b=2]'),
        detail('Location', `file:${dir}`),
        detail('Storage Properties', '[zz=1, aa=2]'),
      ]);
      expect(spark.catalog.listTables(undefined, 'sqlmeta_d3')[0]).toMatchObject({ description: "it's", tableType: 'EXTERNAL' });
    } finally {
      spark.sql('DROP TABLE IF EXISTS sqlmeta_d3');
      rmSync(dir, { recursive: true, force: true });
    }
  }, SLOW);

  it("CTAS records its provider and OPTIONS (path ...) as the table's location", () => {
    const spark = open();
    const dir = mkdtempSync(join(tmpdir(), 'sqlmeta-ctas-'));
    try {
      create(spark, 'sqlmeta_d4', 'USING parquet AS SELECT 1 AS x');
      expect(spark.sql('SHOW CREATE TABLE sqlmeta_d4').first()!.get(0)).toBe('CREATE TABLE spark_catalog.default.sqlmeta_d4 (\n  x INT)\nUSING parquet\n');
      expect(normalized(rows(spark, 'DESCRIBE EXTENDED sqlmeta_d4')).slice(9)).toEqual([detail('Type', 'MANAGED'), detail('Provider', 'parquet'), detail('Location', '<warehouse>')]);
      create(spark, 'sqlmeta_d5', `(a INT) USING csv OPTIONS (header 'true', path '${dir}/t')`);
      expect(spark.sql('SHOW CREATE TABLE sqlmeta_d5').first()!.get(0)).toBe(
        `CREATE TABLE spark_catalog.default.sqlmeta_d5 (\n  a INT)\nUSING csv\nOPTIONS (\n  'header' = 'true')\nLOCATION 'file:${dir}/t'\n`,
      );
      expect(normalized(rows(spark, 'DESCRIBE EXTENDED sqlmeta_d5')).slice(9)).toEqual([
        detail('Type', 'EXTERNAL'),
        detail('Provider', 'csv'),
        detail('Location', `file:${dir}/t`),
        detail('Storage Properties', '[header=true]'),
      ]);
    } finally {
      spark.sql('DROP TABLE IF EXISTS sqlmeta_d5');
      rmSync(dir, { recursive: true, force: true });
    }
  }, SLOW);

  it('DESCRIBE t col gives info_name/info_value rows (EXTENDED adds the unset statistics); an unknown column is COLUMN_NOT_FOUND', () => {
    const spark = open();
    create(spark, 'sqlmeta_d6', FULL_DDL);
    const df = spark.sql('DESCRIBE sqlmeta_d6 a');
    expect(df.schema.simpleString()).toBe('struct<info_name:string,info_value:string>');
    expect(rows(spark, 'DESCRIBE sqlmeta_d6 a')).toEqual([['col_name', 'a'], ['data_type', 'int'], ['comment', 'the a']]);
    expect(rows(spark, 'DESCRIBE TABLE sqlmeta_d6 b')).toEqual([['col_name', 'b'], ['data_type', 'string'], ['comment', 'NULL']]);
    expect(rows(spark, 'DESCRIBE EXTENDED sqlmeta_d6 a').map((r) => r[0])).toEqual([
      'col_name', 'data_type', 'comment', 'min', 'max', 'num_nulls', 'distinct_count', 'avg_col_len', 'max_col_len', 'histogram',
    ]);
    expect(rows(spark, 'DESCRIBE EXTENDED sqlmeta_d6 a').slice(3).every((r) => r[1] === 'NULL')).toBe(true);
    expect(() => spark.sql('DESCRIBE sqlmeta_d6 zz').collect()).toThrow(
      '[COLUMN_NOT_FOUND] The column `zz` cannot be found. Verify the spelling and correctness of the column name according to the SQL config "spark.sql.caseSensitive".',
    );
  }, SLOW);

  it('saveAsTable with partitionBy / bucketBy / sortBy feeds DESCRIBE, SHOW CREATE TABLE and listColumns', () => {
    const spark = open();
    created.push('sqlmeta_d7');
    spark.sql('DROP TABLE IF EXISTS sqlmeta_d7');
    const df = spark.createDataFrame([[1, 'x', 10]], 'a INT, b STRING, p INT').select('p', 'a', F.col('b'));
    df.write.format('parquet').partitionBy('p').bucketBy(2, 'a').sortBy('b').saveAsTable('sqlmeta_d7');
    expect(spark.sql('SHOW CREATE TABLE sqlmeta_d7').first()!.get(0)).toBe(
      'CREATE TABLE spark_catalog.default.sqlmeta_d7 (\n  a INT,\n  b STRING,\n  p INT)\nUSING parquet\nPARTITIONED BY (p)\nCLUSTERED BY (a)\nSORTED BY (b)\nINTO 2 BUCKETS\n',
    );
    expect(normalized(rows(spark, 'DESCRIBE EXTENDED sqlmeta_d7')).slice(14)).toEqual([
      detail('Type', 'MANAGED'),
      detail('Provider', 'parquet'),
      detail('Num Buckets', '2'),
      detail('Bucket Columns', '[`a`]'),
      detail('Sort Columns', '[`b`]'),
      detail('Location', '<warehouse>'),
      detail('Partition Provider', 'Catalog'),
    ]);
    expect(spark.catalog.listColumns('sqlmeta_d7').map((c) => [c.name, c.isPartition, c.isBucket])).toEqual([
      ['a', false, true],
      ['b', false, false],
      ['p', true, false],
    ]);
  }, SLOW);
});

describe('file backend: table details persist with the table', () => {
  let base: string | undefined;
  afterEach(() => {
    if (base) rmSync(base, { recursive: true, force: true });
  });

  it('a second session on the same path (a fresh storage, as another process) describes what the first declared', async () => {
    const { SparkSession } = await import('../../src/session/session.js');
    base = mkdtempSync(join(tmpdir(), 'sqlmeta-file-'));
    const open = (): SparkSession => new SparkSession('sqlmeta', { backendType: 'file', conf: { 'spark.sparkless.backend.basePath': base!, 'spark.sql.session.timeZone': 'UTC' } });
    const first = open();
    first.sql(`CREATE TABLE pt ${FULL_DDL}`);
    first.sql("INSERT INTO pt VALUES (1, 'x', 7)");
    const before = first.sql('SHOW CREATE TABLE pt').first()!.get(0);
    const described = rows(first, 'DESCRIBE EXTENDED pt');
    first.stop();
    const second = open();
    expect(second.sql('SHOW CREATE TABLE pt').first()!.get(0)).toBe(before);
    expect(rows(second, 'DESCRIBE EXTENDED pt')).toEqual(described);
    expect(described.find((r) => r[0] === 'Location')![1]).toBe(`file:${join(base, 'default.db', 'pt')}`);
    expect(second.catalog.listColumns('pt').map((c) => [c.name, c.isPartition, c.isBucket])).toEqual([
      ['a', false, true],
      ['b', false, false],
      ['p', true, false],
    ]);
    expect(JSON.parse(readFileSync(join(base, 'default.db', 'pt', '_sparkless_table.json'), 'utf8')).catalog).toMatchObject({ provider: 'parquet', partitionColumns: ['p'] });
    second.stop();
  }, SLOW);
});
