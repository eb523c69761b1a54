/**
 * Permanent views (`CREATE VIEW` without TEMPORARY) as Spark 3.5.7's session catalog keeps
 * them: listed by SHOW VIEWS / SHOW TABLES / catalog.listTables, described, altered, dropped,
 * refused where Spark refuses them, and kept by the file backend across sessions. Every
 * expectation was checked against Spark 3.5.7 (SPARK_REMOTE=sc://127.0.0.1:15003 runs it there).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SparkSession } from '../../src/session/session.js';
import { forEachBackend } from '../helpers/backends.js';
import { failure } from '../helpers/ddl-tables.js';

const SLOW = 60_000;
const rows = (spark: SparkSession, sql: string): unknown[][] => spark.sql(sql).collect().map((r) => [...r]);
/** DESCRIBE rows with the machine-dependent values masked. */
const described = (spark: SparkSession, sql: string): unknown[][] =>
  rows(spark, sql).map(([k, v, c]) => [k, k === 'Created Time' ? '<time>' : k === 'Created By' && /^Spark 3\.5\.\d+$/.test(String(v)) ? '<spark>' : v, c]);
const detail = (k: string, v: string): unknown[] => [k, v, ''];
const ident = (v: string): string => `\`spark_catalog\`.\`default\`.\`${v}\``;

forEachBackend('permanent views', (session) => {
  const made: string[] = [];
  let current: SparkSession | undefined;
  const open = (): SparkSession => (current = session());
  afterEach(() => {
    for (const v of made.splice(0)) current?.sql(`DROP VIEW IF EXISTS ${v}`);
  });
  const view = (spark: SparkSession, name: string, rest: string): void => {
    made.push(name);
    spark.sql(`DROP VIEW IF EXISTS ${name}`);
    spark.sql(`CREATE VIEW ${name} ${rest}`);
  };

  it('is listed by SHOW VIEWS, SHOW TABLES and catalog.listTables as a VIEW of the current database, before temp views', () => {
    const spark = open();
    view(spark, 'views_l1', "AS SELECT 1 AS a, 'x' AS b");
    spark.sql("CREATE OR REPLACE TEMP VIEW views_l1t AS SELECT 1 AS a");
    expect(rows(spark, 'SELECT * FROM views_l1')).toEqual([[1, 'x']]);
    expect(rows(spark, "SHOW VIEWS LIKE 'views_l1*'")).toEqual([['default', 'views_l1', false], ['', 'views_l1t', true]]);
    expect(rows(spark, "SHOW TABLES LIKE 'views_l1*'")).toEqual([['default', 'views_l1', false], ['', 'views_l1t', true]]);
    expect(spark.catalog.listTables(undefined, 'views_l1*').map((t) => ({ ...t }))).toEqual([
      { name: 'views_l1', catalog: 'spark_catalog', namespace: ['default'], description: null, tableType: 'VIEW', isTemporary: false },
      { name: 'views_l1t', catalog: null, namespace: [], description: null, tableType: 'TEMPORARY', isTemporary: true },
    ]);
    expect(spark.catalog.tableExists('views_l1')).toBe(true);
    // Columns answer to the view's name qualified as a table's are.
    expect(rows(spark, 'SELECT views_l1.a, default.views_l1.b, spark_catalog.default.views_l1.a FROM views_l1')).toEqual([[1, 'x', 1]]);
    spark.sql('DROP VIEW views_l1t');
  }, SLOW);

  it('SHOW CREATE TABLE and DESCRIBE EXTENDED show the view, its comment, column comments and properties', () => {
    const spark = open();
    view(spark, 'views_d1', "(x COMMENT 'cx', y) COMMENT 'hello' TBLPROPERTIES ('p'='1') AS SELECT 1, 'q'");
    expect(rows(spark, 'SHOW CREATE TABLE views_d1')).toEqual([["CREATE VIEW default.views_d1 (\n  x COMMENT 'cx',\n  y)\nCOMMENT 'hello'\nTBLPROPERTIES (\n  'p' = '1')\nAS SELECT 1, 'q'\n"]]);
    expect(described(spark, 'DESCRIBE EXTENDED views_d1')).toEqual([
      ['x', 'int', 'cx'],
      ['y', 'string', null],
      ['', '', ''],
      ['# Detailed Table Information', '', ''],
      detail('Catalog', 'spark_catalog'),
      detail('Database', 'default'),
      detail('Table', 'views_d1'),
      detail('Created Time', '<time>'),
      detail('Last Access', 'UNKNOWN'),
      detail('Created By', '<spark>'),
      detail('Type', 'VIEW'),
      detail('Comment', 'hello'),
      detail('View Text', "SELECT 1, 'q'"),
      detail('View Original Text', "SELECT 1, 'q'"),
      detail('View Catalog and Namespace', 'spark_catalog.default'),
      detail('View Query Output Columns', '[1, q]'),
      detail('Table Properties', '[p=1]'),
    ]);
    expect(rows(spark, 'DESCRIBE views_d1')).toEqual([['x', 'int', 'cx'], ['y', 'string', null]]);
    expect(rows(spark, 'SELECT * FROM views_d1')).toEqual([[1, 'q']]);
    expect(spark.catalog.listTables(undefined, 'views_d1')[0]!.description).toBe('hello');
  }, SLOW);

  it('ALTER VIEW sets and unsets properties and replaces the query, keeping comment and properties', () => {
    const spark = open();
    view(spark, 'views_a1', "COMMENT 'c' AS SELECT 1 AS a");
    spark.sql("ALTER VIEW views_a1 SET TBLPROPERTIES ('k'='v', 'j'='w')");
    expect(rows(spark, 'SHOW TBLPROPERTIES views_a1')).toEqual([['j', 'w'], ['k', 'v']]);
    spark.sql("ALTER VIEW views_a1 UNSET TBLPROPERTIES ('j')");
    expect(rows(spark, "SHOW TBLPROPERTIES views_a1 ('zz')")).toEqual([['zz', 'Table spark_catalog.default.views_a1 does not have property: zz']]);
    expect(failure(spark, "ALTER VIEW views_a1 UNSET TBLPROPERTIES ('zz')").message).toBe(
      `[UNSET_NONEXISTENT_PROPERTIES] Attempted to unset non-existent properties [\`zz\`] in table ${ident('views_a1')}.`,
    );
    spark.sql('ALTER VIEW views_a1 AS SELECT 5 AS m, 6 AS n');
    expect(rows(spark, 'SHOW CREATE TABLE views_a1')).toEqual([["CREATE VIEW default.views_a1 (\n  m,\n  n)\nCOMMENT 'c'\nTBLPROPERTIES (\n  'k' = 'v')\nAS SELECT 5 AS m, 6 AS n\n"]]);
    expect(rows(spark, 'SELECT * FROM views_a1')).toEqual([[5, 6]]);
    spark.sql('CREATE OR REPLACE VIEW views_a1 AS SELECT 7 AS z');
    expect(rows(spark, 'SHOW CREATE TABLE views_a1')).toEqual([['CREATE VIEW default.views_a1 (\n  z)\nAS SELECT 7 AS z\n']]);
    spark.sql('CREATE VIEW IF NOT EXISTS views_a1 AS SELECT 8 AS y');
    expect(rows(spark, 'SELECT * FROM views_a1')).toEqual([[7]]);
  }, SLOW);

  it('refuses what Spark refuses: re-creating, temp references, unnamed expressions, DROP TABLE, INSERT, ALTER TABLE', () => {
    const spark = open();
    view(spark, 'views_r1', 'AS SELECT 1 AS a');
    expect(failure(spark, 'CREATE VIEW views_r1 AS SELECT 2 AS a')).toEqual({
      errorClass: 'TABLE_OR_VIEW_ALREADY_EXISTS',
      message: `[TABLE_OR_VIEW_ALREADY_EXISTS] Cannot create table or view ${ident('views_r1')} because it already exists.\nChoose a different name, drop or replace the existing object, or add the IF NOT EXISTS clause to tolerate pre-existing objects.`,
    });
    spark.sql('CREATE OR REPLACE TEMP VIEW views_r1t AS SELECT 1 AS a');
    made.push('views_r2');
    expect(failure(spark, 'CREATE VIEW views_r2 AS SELECT * FROM views_r1t').message).toBe(
      `[INVALID_TEMP_OBJ_REFERENCE] Cannot create the persistent object ${ident('views_r2')} of the type VIEW because it references to the temporary object \`views_r1t\` of the type VIEW. Please make the temporary object \`views_r1t\` persistent, or make the persistent object ${ident('views_r2')} temporary.`,
    );
    expect(failure(spark, "CREATE VIEW views_r2 AS SELECT upper('a')").message).toBe(
      `[CREATE_PERMANENT_VIEW_WITHOUT_ALIAS] Not allowed to create the permanent view ${ident('views_r2')} without explicitly assigning an alias for the expression "upper(a)".`,
    );
    expect(failure(spark, 'CREATE VIEW views_r2 AS SELECT count(*) FROM range(3)').message).toContain('the expression "count(1)".');
    expect(failure(spark, 'DROP TABLE views_r1').message).toBe(
      '[WRONG_COMMAND_FOR_OBJECT_TYPE] The operation DROP TABLE requires a EXTERNAL or MANAGED. But spark_catalog.default.views_r1 is a VIEW. Use DROP VIEW instead.',
    );
    expect(failure(spark, 'INSERT INTO views_r1 VALUES (1)').message).toMatch(/^Inserting into a view is not allowed\. View: `spark_catalog`\.`default`\.`views_r1`\./);
    expect(failure(spark, "ALTER TABLE views_r1 SET TBLPROPERTIES ('a'='b')").message).toBe(
      "spark_catalog.default.views_r1 is a view. 'ALTER TABLE ... SET TBLPROPERTIES' expects a table. Please use ALTER VIEW instead..; line 1 pos 12",
    );
    expect(failure(spark, 'ALTER TABLE views_r1 RENAME TO views_r3').message).toBe('Cannot alter a view with ALTER TABLE. Please use ALTER VIEW instead.');
    expect(failure(spark, 'TRUNCATE TABLE views_r1').message).toMatch(/^spark_catalog\.default\.views_r1 is a view\. 'TRUNCATE TABLE' expects a table\.\./);
    spark.sql('DROP VIEW views_r1t');
  }, SLOW);

  it("an error raised in the view quotes the view's text, named in the database it was made in", () => {
    const spark = open();
    spark.sql('CREATE DATABASE IF NOT EXISTS views_db');
    try {
      spark.sql('USE views_db');
      spark.sql('SET spark.sql.ansi.enabled=true');
      spark.sql("CREATE VIEW views_e AS SELECT CAST('x' AS INT) AS c");
      spark.sql('USE default');
      expect(rows(spark, 'SHOW VIEWS IN views_db')).toEqual([['views_db', 'views_e', false]]);
      expect(failure(spark, 'SELECT * FROM views_db.views_e').message).toMatch(
        /^\[CAST_INVALID_INPUT\] The value 'x' of the type "STRING" cannot be cast to "INT" because it is malformed\. [^\n]*\n== SQL of VIEW spark_catalog\.views_db\.views_e\(line 1, position 8\) ==\nSELECT CAST\('x' AS INT\) AS c\n       \^{16}\n/,
      );
      expect(failure(spark, 'DROP DATABASE views_db').errorClass).toBe('SCHEMA_NOT_EMPTY');
    } finally {
      spark.sql('USE default');
      spark.sql('DROP DATABASE IF EXISTS views_db CASCADE');
    }
  }, SLOW);

  it('DROP VIEW removes it; a temp view of the same name is dropped first', () => {
    const spark = open();
    view(spark, 'views_x1', 'AS SELECT 1 AS a');
    spark.sql('CREATE OR REPLACE TEMP VIEW views_x1 AS SELECT 9 AS q');
    expect(rows(spark, 'SELECT * FROM views_x1')).toEqual([[9]]);
    spark.sql('DROP VIEW views_x1');
    expect(rows(spark, "SHOW VIEWS LIKE 'views_x1'")).toEqual([['default', 'views_x1', false]]);
    expect(rows(spark, 'SELECT * FROM views_x1')).toEqual([[1]]);
    spark.sql('DROP VIEW views_x1');
    expect(rows(spark, "SHOW VIEWS LIKE 'views_x1'")).toEqual([]);
  }, SLOW);
});

describe('file backend: a permanent view persists like a table', () => {
  let base: string | undefined;
  afterEach(() => {
    if (base) rmSync(base, { recursive: true, force: true });
  });

  it('a second session on the same path reads and describes the view the first created', () => {
    base = mkdtempSync(join(tmpdir(), 'views-file-'));
    const open = (): SparkSession => new SparkSession('views', { backendType: 'file', conf: { 'spark.sparkless.backend.basePath': base!, 'spark.sql.session.timeZone': 'UTC' } });
    const first = open();
    first.sql('CREATE TABLE views_ft (a INT) USING parquet');
    first.sql('INSERT INTO views_ft VALUES (1), (2)');
    first.sql("CREATE VIEW views_fv (n COMMENT 'doubled') AS SELECT a * 2 AS d FROM views_ft");
    const create = first.sql('SHOW CREATE TABLE views_fv').first()!.get(0);
    first.stop();
    const second = open();
    expect(second.sql('SHOW CREATE TABLE views_fv').first()!.get(0)).toBe(create);
    expect(rows(second, 'SELECT * FROM views_fv ORDER BY n')).toEqual([[2], [4]]);
    second.sql('INSERT INTO views_ft VALUES (3)');
    expect(rows(second, 'SELECT max(n) FROM views_fv')).toEqual([[6]]);
    expect(rows(second, 'SHOW VIEWS')).toEqual([['default', 'views_fv', false]]);
    second.sql('DROP VIEW views_fv');
    expect(rows(second, 'SHOW TABLES')).toEqual([['default', 'views_ft', false]]);
    second.stop();
  }, SLOW);
});

forEachBackend('view column lists', (session) => {
  it('refuses a column list of another width naming both lists, as Spark 3.5.7 does', () => {
    const spark = session();
    for (const kind of ['TEMPORARY VIEW views_ar_t', 'VIEW views_ar_p']) {
      const few = failure(spark, `CREATE ${kind} (a, b, c) AS SELECT 1 AS x, 2 AS y`);
      expect(few.errorClass).toBe('CREATE_VIEW_COLUMN_ARITY_MISMATCH.NOT_ENOUGH_DATA_COLUMNS');
      expect(few.message).toContain('the reason is not enough data columns:\nView columns: `a`, `b`, `c`.\nData columns: `x`, `y`.');
      const many = failure(spark, `CREATE ${kind} (a) AS SELECT 1 AS x, 2 AS y`);
      expect(many.errorClass).toBe('CREATE_VIEW_COLUMN_ARITY_MISMATCH.TOO_MANY_DATA_COLUMNS');
      expect(many.message).toContain('the reason is too many data columns:\nView columns: `a`.\nData columns: `x`, `y`.');
    }
  });
});
