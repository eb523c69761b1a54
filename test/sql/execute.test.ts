/**
 * `executeSql` end to end, once per execution backend: queries go through the
 * same analyzer and backends as DataFrame code; commands go through the
 * session, catalog and writer APIs.
 */
import { expect, it } from 'vitest';
import { Column } from '../../src/api/column.js';
import { AnalysisException, ParseException } from '../../src/errors/index.js';
import type { SparkSession } from '../../src/session/session.js';
import { executeSql, parseExpression } from '../../src/sql/index.js';
import { dicts, forEachBackend } from '../helpers/backends.js';

/** Both suites drive sparkless's own SQL front end (executeSql); on connect Spark parses the SQL, and the golden suite checks that. */
const LOCAL_ONLY = { localOnly: 'sparkless SQL front end' };

forEachBackend('spark.sql queries', (session) => {
  const sql = (text: string) => executeSql(session(), text);
  const people = (spark: SparkSession) =>
    executeSql(
      spark,
      `CREATE OR REPLACE TEMP VIEW people AS SELECT * FROM VALUES
         (1, 'Alice', 30, 'IT'), (2, 'Bob', NULL, 'HR'), (3, 'Cara', 35, 'IT'), (4, 'Dan', 41, 'HR')
         AS people(id, name, age, dept)`,
    );
  const rows = (text: string) => dicts(sql(text).collect());

  it('names and types columns as Spark SQL does (1.5 is a DECIMAL(2,1))', () => {
    const df = sql(`SELECT 1, 1.5, 1.5D, 10000000000, 'x', 1.5 + 1, 7 DIV 2, a.b + 1 FROM (SELECT named_struct('b', 2) AS a)`);
    expect(df.dtypes).toEqual([
      ['1', 'int'],
      ['1.5', 'decimal(2,1)'],
      ['1.5', 'double'],
      ['10000000000', 'bigint'],
      ['x', 'string'],
      ['(1.5 + 1)', 'decimal(3,1)'],
      ['(7 div 2)', 'bigint'],
      ['(a.b + 1)', 'int'],
    ]);
    const internal = df.toRowsInternal()[0]!;
    expect(internal.slice(1, 3)).toEqual([15n, 1.5]);
    expect(internal[5]).toBe(25n);
    expect(internal[6]).toBe(3);
  });

  it('filters, projects and orders by columns that are not selected', () => {
    people(session());
    expect(rows(`SELECT name FROM people WHERE age IS NOT NULL ORDER BY age DESC`)).toEqual([{ name: 'Dan' }, { name: 'Cara' }, { name: 'Alice' }]);
    expect(rows(`SELECT name AS n FROM people ORDER BY n DESC LIMIT 2`)).toEqual([{ n: 'Dan' }, { n: 'Cara' }]);
    expect(rows(`SELECT id, name FROM people ORDER BY 2 LIMIT 1 OFFSET 1`)).toEqual([{ id: 2, name: 'Bob' }]);
    expect(rows(`SELECT name FROM people ORDER BY age NULLS LAST LIMIT 1 OFFSET 3`)).toEqual([{ name: 'Bob' }]);
  });

  it('aggregates with GROUP BY, HAVING and ORDER BY on aggregates and aliases', () => {
    people(session());
    expect(rows(`SELECT dept, count(*) AS n, max(age) FROM people GROUP BY dept HAVING avg(age) > 32 ORDER BY dept`)).toEqual([
      { dept: 'HR', n: 2, 'max(age)': 41 },
      { dept: 'IT', n: 2, 'max(age)': 35 },
    ]);
    expect(rows(`SELECT dept AS d FROM people GROUP BY d ORDER BY sum(age) DESC`)).toEqual([{ d: 'IT' }, { d: 'HR' }]);
    expect(rows(`SELECT count(DISTINCT dept) AS c, sum(age) FILTER (WHERE dept = 'IT') AS s FROM people`)).toEqual([{ c: 2, s: 65 }]);
  });

  it('supports ROLLUP, CUBE, GROUPING SETS and grouping()', () => {
    people(session());
    const out = rows(`SELECT dept, grouping(dept) AS g, count(*) AS n FROM people GROUP BY ROLLUP(dept) ORDER BY g, dept`);
    expect(out).toEqual([
      { dept: 'HR', g: 0, n: 2 },
      { dept: 'IT', g: 0, n: 2 },
      { dept: null, g: 1, n: 4 },
    ]);
    expect(sql(`SELECT dept, age FROM people GROUP BY GROUPING SETS ((dept), (age))`).count()).toBe(6);
  });

  it('evaluates window functions, named windows and windows over aggregates', () => {
    people(session());
    expect(rows(`SELECT name, rank() OVER w AS r FROM people WHERE age IS NOT NULL WINDOW w AS (ORDER BY age DESC) ORDER BY r`)).toEqual([
      { name: 'Dan', r: 1 },
      { name: 'Cara', r: 2 },
      { name: 'Alice', r: 3 },
    ]);
    expect(rows(`SELECT dept, sum(age) AS s, rank() OVER (ORDER BY sum(age) DESC) AS r FROM people GROUP BY dept ORDER BY r`)).toEqual([
      { dept: 'IT', s: 65, r: 1 },
      { dept: 'HR', s: 41, r: 2 },
    ]);
  });

  it('joins in every form', () => {
    people(session());
    sql(`CREATE OR REPLACE TEMP VIEW depts AS SELECT * FROM VALUES ('IT', 'Tech'), ('Ops', 'Operations') AS depts(dept, title)`);
    expect(sql(`SELECT p.name, d.title FROM people p JOIN depts d ON p.dept = d.dept`).count()).toBe(2);
    expect(sql(`SELECT * FROM people LEFT JOIN depts USING (dept)`).columns).toEqual(['dept', 'id', 'name', 'age', 'title']);
    expect(sql(`SELECT * FROM people FULL OUTER JOIN depts USING (dept)`).count()).toBe(5);
    expect(rows(`SELECT name FROM people LEFT SEMI JOIN depts ON people.dept = depts.dept ORDER BY name`)).toEqual([{ name: 'Alice' }, { name: 'Cara' }]);
    expect(rows(`SELECT name FROM people p LEFT ANTI JOIN depts d ON p.dept = d.dept ORDER BY name`)).toEqual([{ name: 'Bob' }, { name: 'Dan' }]);
    expect(sql(`SELECT * FROM people CROSS JOIN depts`).count()).toBe(8);
    expect(sql(`SELECT * FROM people, depts WHERE people.dept = depts.dept`).count()).toBe(2);
    expect(sql(`SELECT * FROM people NATURAL JOIN depts`).columns).toEqual(['dept', 'id', 'name', 'age', 'title']);
  });

  it('runs set operations, CTEs, VALUES and subqueries', () => {
    people(session());
    expect(rows(`SELECT dept FROM people UNION SELECT 'Ops' ORDER BY dept`).map((r) => r['dept'])).toEqual(['HR', 'IT', 'Ops']);
    expect(sql(`SELECT dept FROM people UNION ALL SELECT dept FROM people`).count()).toBe(8);
    expect(sql(`SELECT dept FROM people INTERSECT ALL SELECT 'IT'`).count()).toBe(1);
    expect(sql(`SELECT dept FROM people EXCEPT SELECT 'IT'`).count()).toBe(1);
    expect(rows(`WITH old AS (SELECT * FROM people WHERE age > 32), names(n) AS (SELECT name FROM old) SELECT n FROM names ORDER BY n`)).toEqual([
      { n: 'Cara' },
      { n: 'Dan' },
    ]);
    expect(rows(`SELECT * FROM VALUES (1, 'a'), (2, NULL) AS t(x, y) WHERE y IS NULL`)).toEqual([{ x: 2, y: null }]);
    expect(rows(`SELECT name FROM people WHERE age = (SELECT max(age) FROM people)`)).toEqual([{ name: 'Dan' }]);
    expect(rows(`SELECT name FROM people WHERE dept IN (SELECT dept FROM people WHERE name = 'Bob') ORDER BY name`)).toEqual([{ name: 'Bob' }, { name: 'Dan' }]);
  });

  it('pivots with PIVOT (...)', () => {
    people(session());
    expect(rows(`SELECT * FROM (SELECT dept, age FROM people) PIVOT (max(age) FOR dept IN ('IT' AS it, 'HR' AS hr))`)).toEqual([{ it: 35, hr: 41 }]);
  });

  it('explodes with generators in the select list and LATERAL VIEW', () => {
    expect(rows(`SELECT explode(array(1, 2)) AS v`)).toEqual([{ v: 1 }, { v: 2 }]);
    expect(rows(`SELECT k, v FROM VALUES (1) AS t(k) LATERAL VIEW posexplode(array('a', 'b')) e AS p, v ORDER BY p`)).toEqual([
      { k: 1, v: 'a' },
      { k: 1, v: 'b' },
    ]);
  });

  it('reports analysis and parse errors as Spark does', () => {
    expect(() => sql('SELECT * FROM missing_table')).toThrow(AnalysisException);
    expect(() => sql('SELECT nope FROM VALUES (1) AS t(a)')).toThrow(/UNRESOLVED_COLUMN/);
    expect(() => sql('SELECT a, count(*) FROM VALUES (1) AS t(a)')).toThrow(/MISSING_GROUP_BY/);
    expect(() => sql('SELEC 1')).toThrow(ParseException);
  });

  it('builds Columns from expression strings (F.expr / selectExpr / filter)', () => {
    people(session());
    const df = sql('SELECT * FROM people');
    const out = df.filter(new Column(parseExpression('age > 31'))).select(new Column(parseExpression('upper(name) AS n')), new Column(parseExpression('age + 1')));
    expect(out.columns).toEqual(['n', '(age + 1)']);
    expect(dicts(out.orderBy('n').collect())).toEqual([
      { n: 'CARA', '(age + 1)': 36 },
      { n: 'DAN', '(age + 1)': 42 },
    ]);
  });
}, LOCAL_ONLY);

forEachBackend('spark.sql commands', (session) => {
  const sql = (text: string) => executeSql(session(), text);

  it('creates, fills, reads and drops tables', () => {
    sql('CREATE DATABASE IF NOT EXISTS shop');
    sql('USE shop');
    sql('CREATE TABLE orders (id INT, amount DECIMAL(10,2), note STRING) USING parquet');
    expect(sql('INSERT INTO orders VALUES (1, 9.99, "a"), (2, 20, NULL)').columns).toEqual([]);
    sql('INSERT INTO orders (id, note) VALUES (3, "c")');
    expect(sql('SELECT id, note FROM shop.orders ORDER BY id').toRowsInternal()).toEqual([
      [1, 'a'],
      [2, null],
      [3, 'c'],
    ]);
    expect(sql('SELECT sum(amount) FROM orders').dtypes).toEqual([['sum(amount)', 'decimal(20,2)']]);
    sql('CREATE TABLE big AS SELECT id, amount * 2 AS twice FROM orders WHERE amount IS NOT NULL');
    expect(sql('SELECT count(*) AS n FROM big').toRowsInternal()).toEqual([[2]]);
    sql('INSERT OVERWRITE TABLE big SELECT 7, 1.5');
    expect(sql('SELECT id FROM big').toRowsInternal()).toEqual([[7]]);
    expect(dicts(sql('SHOW TABLES').collect())).toEqual([
      { namespace: 'shop', tableName: 'big', isTemporary: false },
      { namespace: 'shop', tableName: 'orders', isTemporary: false },
    ]);
    expect(dicts(sql('DESCRIBE orders').collect()).map((r) => [r['col_name'], r['data_type']])).toEqual([
      ['id', 'int'],
      ['amount', 'decimal(10,2)'],
      ['note', 'string'],
    ]);
    sql('TRUNCATE TABLE big');
    expect(sql('SELECT * FROM big').count()).toBe(0);
    expect(sql('EXPLAIN SELECT * FROM VALUES (1) AS t(a)').columns).toEqual(['plan']);
    sql('DROP TABLE big');
    sql('DROP TABLE IF EXISTS big');
    expect(() => sql('DROP TABLE big')).toThrow(/TABLE_OR_VIEW_NOT_FOUND/);
    expect(() => sql('CREATE TABLE orders (x INT)')).toThrow(/TABLE_OR_VIEW_ALREADY_EXISTS/);
    sql('CREATE TABLE IF NOT EXISTS orders (x INT)');
    expect(() => sql('INSERT INTO orders VALUES (1, 2)')).toThrow(/INSERT_COLUMN_ARITY_MISMATCH/);
    expect(() => sql('ALTER TABLE orders ADD COLUMNS (ID INT)')).toThrow('[COLUMN_ALREADY_EXISTS] The column `id` already exists.');
  });

  it('manages temporary views and settings', () => {
    sql('CREATE TEMPORARY VIEW v AS SELECT 1 AS x');
    expect(() => sql('CREATE TEMPORARY VIEW v AS SELECT 2 AS x')).toThrow(/TEMP_TABLE_OR_VIEW_ALREADY_EXISTS/);
    sql('CREATE OR REPLACE TEMP VIEW v (y) AS SELECT 2');
    expect(dicts(sql('SELECT * FROM v').collect())).toEqual([{ y: 2 }]);
    expect(dicts(sql('SHOW TABLES').collect())).toContainEqual({ namespace: '', tableName: 'v', isTemporary: true });
    sql('DROP VIEW v');
    expect(() => sql('SELECT * FROM v')).toThrow(/TABLE_OR_VIEW_NOT_FOUND/);
    expect(dicts(sql('SET spark.sql.groupByAliases = false').collect())).toEqual([{ key: 'spark.sql.groupByAliases', value: 'false' }]);
    expect(session().conf.get('spark.sql.groupByAliases')).toBe('false');
    expect(() => sql('SELECT 1 AS k FROM VALUES (1) AS t(a) GROUP BY k')).toThrow(AnalysisException);
  });

  it('SET refuses a config Spark removed unless the value is its old default, as Spark 3.5.7 does', () => {
    expect(() => sql('SET spark.sql.ansi.strictIndexOperator=false')).toThrow(
      "The SQL config 'spark.sql.ansi.strictIndexOperator' was removed in the version 3.4.0. This was an internal configuration. It is not needed anymore since Spark SQL always returns null when getting a map value with a non-existing key. See SPARK-40066 for more details.",
    );
    expect(() => sql('SET spark.sql.ansi.strictIndexOperator=TRUE')).toThrow(AnalysisException);
    expect(() => sql('SET spark.sql.optimizer.planChangeLog.level=info')).toThrow("was removed in the version 3.1.0. Please use `spark.sql.planChangeLog.level` instead.");
    expect(dicts(sql('SET spark.sql.ansi.strictIndexOperator=true').collect())).toEqual([{ key: 'spark.sql.ansi.strictIndexOperator', value: 'true' }]);
  });
}, LOCAL_ONLY);
