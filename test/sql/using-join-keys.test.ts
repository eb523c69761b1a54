/**
 * After a USING / NATURAL join each side's key column stays addressable by
 * qualifier (`nt1.k`, `nt2.k`, `nt2.*`) though `*` shows the key once, as in
 * Spark 3.5.7 (expected rows and names checked against it).
 */
import { expect, it } from 'vitest';
import type { SparkSession } from '../../src/session/session.js';
import { forEachBackend } from '../helpers/backends.js';

function setup(spark: SparkSession): void {
  spark.sql('create or replace temporary view nt1 as select * from values ("one", 1), ("two", 2), ("three", 3) as nt1(k, v1)');
  spark.sql('create or replace temporary view nt2 as select * from values ("one", 1), ("two", 22), ("one", 5), ("four", 4) as nt2(k, v2)');
}

function run(spark: SparkSession, sql: string): { names: string[]; rows: string[] } {
  setup(spark);
  const df = spark.sql(sql);
  const rows = df.collect().map((r) => [...r].map((v) => (v === null ? 'NULL' : String(v))).join(','));
  return { names: df.columns, rows: rows.sort() };
}

forEachBackend('USING join keys', (session) => {
  it('each side keeps its key: nt1.k and nt2.k differ on outer joins', () => {
    expect(run(session(), 'SELECT nt1.k, nt2.k, k FROM nt1 full outer join nt2 using (k)')).toEqual({
      names: ['k', 'k', 'k'],
      rows: ['NULL,four,four', 'one,one,one', 'one,one,one', 'three,NULL,three', 'two,two,two'],
    });
    expect(run(session(), 'SELECT k, nt1.k FROM nt1 right outer join nt2 using (k)').rows).toEqual(['four,NULL', 'one,one', 'one,one', 'two,two']);
  });

  it('t.* lists the hidden key first; * shows the key once', () => {
    expect(run(session(), 'SELECT nt1.*, nt2.* FROM nt1 left join nt2 using (k)')).toEqual({
      names: ['k', 'v1', 'k', 'v2'],
      rows: ['one,1,one,1', 'one,1,one,5', 'three,3,NULL,NULL', 'two,2,two,22'],
    });
    expect(run(session(), 'SELECT *, nt2.k FROM nt1 natural join nt2').names).toEqual(['k', 'v1', 'v2', 'k']);
    expect(run(session(), 'SELECT * FROM nt1 join nt2 using (k)').names).toEqual(['k', 'v1', 'v2']);
  });

  it('hidden keys reach WHERE, GROUP BY and a later join condition, but not outside the join', () => {
    const spark = session();
    expect(run(spark, "SELECT nt1.k, nt2.k FROM nt1 natural join nt2 where k = 'one'").rows).toEqual(['one,one', 'one,one']);
    expect(run(spark, 'SELECT nt2.k, count(*) FROM nt1 join nt2 using (k) GROUP BY nt2.k').rows).toEqual(['one,2', 'two,1']);
    spark.sql('create or replace temporary view nt3 as select * from values ("one", 4), ("two", 5) as nt3(k, v3)');
    expect(run(spark, 'SELECT * FROM nt1 natural join nt2 join nt3 on nt2.k = nt3.k').names).toEqual(['k', 'v1', 'v2', 'k', 'v3']);
    const e = (() => {
      try {
        run(spark, "SELECT * FROM (SELECT * FROM nt1 join nt2 using (k)) x WHERE nt2.k = 'one'");
      } catch (err) {
        return err as { errorClass?: string };
      }
      return undefined;
    })();
    expect(e?.errorClass).toBe('UNRESOLVED_COLUMN.WITH_SUGGESTION');
  });

  it("ORDER BY a hidden key after SELECT * sorts by that side's key (nulls first)", () => {
    const spark = session();
    setup(spark);
    const order = (sql: string): string[] => spark.sql(sql).collect().map((r) => [...r].join(','));
    expect(order('SELECT * FROM nt1 full join nt2 using (k) ORDER BY nt2.k, v2')).toEqual(['three,3,', 'four,,4', 'one,1,1', 'one,1,5', 'two,2,22']);
    const [a, b] = [spark.table('nt1'), spark.table('nt2')];
    const df = a.join(b, 'k', 'full').orderBy(b.col('k'), 'v2');
    expect(df.collect().map((r) => [...r].join(','))).toEqual(['three,3,', 'four,,4', 'one,1,1', 'one,1,5', 'two,2,22']);
  });

  it('the DataFrame API reaches the right key through its DataFrame', () => {
    const spark = session();
    setup(spark);
    const [a, b] = [spark.table('nt1'), spark.table('nt2')];
    const joined = a.join(b, 'k');
    expect(joined.columns).toEqual(['k', 'v1', 'v2']);
    expect(joined.select(b.col('k'), 'v2').collect().map((r) => [...r].join(',')).sort()).toEqual(['one,1', 'one,5', 'two,22']);
    expect(joined.distinct().count()).toBe(3);
  });
});
