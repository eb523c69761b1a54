/**
 * SQL forms found apart from Spark 3.5.7 by the differential probe, over table
 * columns (the literal forms are recorded in fixtures/spark-recorded/functions/sql-forms.json):
 * GROUP BY time windows named in the select list, grouping_id() under CUBE,
 * lambda variables in row constructors, binary lpad/rpad and byte-wise
 * contains/startswith/endswith, map keys in to_json. Expectations are Spark's answers.
 */
import { expect, it } from 'vitest';
import type { SparkSession } from '../../src/session/session.js';
import { forEachBackend } from '../helpers/backends.js';

const show = (spark: SparkSession, sql: string): { schema: string; rows: string[][] } => {
  const df = spark.sql(sql);
  return { schema: df.schemaString(), rows: df.collect().map((r) => [...r].map((v) => (v instanceof Date ? v.toISOString() : String(v)))) };
};

const EVENTS = "VALUES ('A1', '2021-01-01 00:00:00'), ('A1', '2021-01-01 00:04:30'), ('A1', '2021-01-01 00:06:00'), ('A2', '2021-01-01 00:01:00') AS tab(a, b)";

forEachBackend('SQL forms checked against Spark', (session) => {
  it('GROUP BY window(...) lets the select list name window, window.start and window.end', () => {
    const spark = session();
    const tumbling = show(spark, `SELECT a, window.start, window.end, count(*) AS cnt FROM ${EVENTS} GROUP BY a, window(b, '5 minutes') ORDER BY a, start`);
    expect(tumbling.schema).toBe(
      'root\n |-- a: string (nullable = false)\n |-- start: timestamp (nullable = true)\n |-- end: timestamp (nullable = true)\n |-- cnt: long (nullable = false)\n',
    );
    expect(tumbling.rows).toEqual([
      ['A1', '2021-01-01T00:00:00.000Z', '2021-01-01T00:05:00.000Z', '2'],
      ['A1', '2021-01-01T00:05:00.000Z', '2021-01-01T00:10:00.000Z', '1'],
      ['A2', '2021-01-01T00:00:00.000Z', '2021-01-01T00:05:00.000Z', '1'],
    ]);
    const sliding = spark.sql(`SELECT a, window.start, count(*) AS cnt FROM ${EVENTS} GROUP BY a, window(b, '10 minutes', '5 minutes') ORDER BY a, start`);
    expect(sliding.collect().map((r) => [r.get(0), r.get(2)])).toEqual([['A1', 2], ['A1', 3], ['A1', 1], ['A2', 1], ['A2', 1]]);
    const timed = spark.sql(
      `SELECT a, window_time(window) AS t, cnt FROM (SELECT a, window, count(*) AS cnt FROM ${EVENTS} GROUP BY a, window(b, '5 minutes')) ORDER BY a, t`,
    );
    expect(timed.schema.fields.map((f) => `${f.name}:${f.dataType.simpleString()}:${f.nullable}`)).toEqual(['a:string:false', 't:timestamp:true', 'cnt:bigint:false']);
    expect(timed.collect().map((r) => (r.get(1) as Date).toISOString())).toEqual(['2021-01-01T00:04:59.999Z', '2021-01-01T00:09:59.999Z', '2021-01-01T00:04:59.999Z']);
  });

  it('GROUP BY session_window(...) lets the select list name session_window.start/end', () => {
    const df = session().sql(
      "SELECT a, session_window.start, session_window.end, count(*) AS cnt FROM VALUES ('A1', '2021-01-01 00:00:00'), ('A1', '2021-01-01 00:04:30'), ('A1', '2021-01-01 00:10:00'), ('A2', '2021-01-01 00:01:00') AS tab(a, b) GROUP BY a, session_window(b, '5 minutes') ORDER BY a, start",
    );
    expect(df.columns).toEqual(['a', 'start', 'end', 'cnt']);
    expect(df.collect().map((r) => [r.get(0), (r.get(1) as Date).toISOString(), (r.get(2) as Date).toISOString(), r.get(3)])).toEqual([
      ['A1', '2021-01-01T00:00:00.000Z', '2021-01-01T00:09:30.000Z', 2],
      ['A1', '2021-01-01T00:10:00.000Z', '2021-01-01T00:15:00.000Z', 1],
      ['A2', '2021-01-01T00:01:00.000Z', '2021-01-01T00:06:00.000Z', 1],
    ]);
  });

  it('grouping_id() counts only the GROUP BY columns; a nested field is named after the field', () => {
    const spark = session();
    const df = spark.sql(
      "SELECT name, grouping_id(), sum(age) FROM VALUES (2, 'Alice', 165), (5, 'Bob', 180) people(age, name, height) GROUP BY cube(name, height) ORDER BY 2, 1",
    );
    expect(df.collect().map((r) => [r.get(0), r.get(1)])).toEqual([
      ['Alice', 0], ['Bob', 0], ['Alice', 1], ['Bob', 1], [null, 2], [null, 2], [null, 3],
    ]);
    expect(() => spark.sql('SELECT grouping_id(height, name) FROM VALUES (1, 2) t(name, height) GROUP BY cube(name, height)').collect()).toThrow(
      /GROUPING_ID_COLUMN_MISMATCH|does not match grouping columns/,
    );
    expect(spark.sql("SELECT s.a, count(*) FROM (SELECT named_struct('a', id) s FROM range(2)) GROUP BY s").columns).toEqual(['a', 'count(1)']);
  });

  it('a row constructor over lambda variables names fields after them and prints namedlambdavariable()', () => {
    const df = session().sql("SELECT zip_with(xs, ys, (x, y) -> (y, x)) FROM VALUES (array(1, 2), array('a', 'b')) t(xs, ys)");
    expect(df.columns).toEqual([
      'zip_with(xs, ys, lambdafunction(named_struct(y, namedlambdavariable(), x, namedlambdavariable()), namedlambdavariable(), namedlambdavariable()))',
    ]);
    expect(df.schema.fields[0]!.dataType.simpleString()).toBe('array<struct<y:string,x:int>>');
  });

  it('binary lpad/rpad pad bytes and binary contains/startswith/endswith compare bytes, over columns', () => {
    const spark = session();
    const t = "VALUES (unhex('aabb'), unhex('1122'), 5) t(b, p, n)";
    const pads = show(spark, `SELECT hex(lpad(b, n)), hex(rpad(b, n, p)), hex(lpad(b, 1, p)) FROM ${t}`);
    expect(pads.rows).toEqual([['000000AABB', 'AABB112211', 'AA']]);
    expect(spark.sql(`SELECT lpad(b, n) FROM ${t}`).columns).toEqual(["lpad(b, n, X'00')"]);
    const preds = spark.sql(`SELECT contains(b, unhex('bb')), startswith(b, unhex('aa')), endswith(b, unhex('aa')), contains(b, p) FROM ${t}`);
    expect(preds.schema.fields.map((f) => f.nullable)).toEqual([true, true, true, true]);
    expect(preds.collect().map((r) => [...r])).toEqual([[true, true, false, false]]);
  });

  it('to_json writes struct and array map keys with their internal text', () => {
    const df = session().sql("SELECT to_json(map(named_struct('a', id, 'b', 'x'), array(id))), to_json(map(array(id, id + 1), 1)) FROM range(1)");
    expect(df.collect().map((r) => [...r])).toEqual([['{"[0,x]":[0]}', '{"[0,1]":1}']]);
  });
});
