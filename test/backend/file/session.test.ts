import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SparkSession } from '../../../src/session/session.js';

let base: string;
const sessions: SparkSession[] = [];

const open = (): SparkSession => {
  const s = new SparkSession('file-backend', {
    backendType: 'file',
    conf: { 'spark.sparkless.backend.basePath': base, 'spark.sql.session.timeZone': 'UTC' },
  });
  sessions.push(s);
  return s;
};

beforeEach(() => {
  base = mkdtempSync(join(tmpdir(), 'sparkless-file-session-'));
});
afterEach(() => {
  for (const s of sessions.splice(0)) s.stop();
  rmSync(base, { recursive: true, force: true });
});

describe('file backend through SparkSession', () => {
  it('a table saved by one session is read by the next', () => {
    const spark = open();
    const df = spark.createDataFrame(
      [
        { id: 1, name: 'Alice', score: 9.5 },
        { id: 2, name: 'Bob', score: null },
      ],
      'id BIGINT, name STRING, score DOUBLE',
    );
    df.write.saveAsTable('people');
    spark.stop();

    const spark2 = open();
    expect(spark2.catalog.tableExists('people')).toBe(true);
    const rows = spark2.table('people').orderBy('id').collect();
    expect(rows.map((r) => r.asDict())).toEqual([
      { id: 1, name: 'Alice', score: 9.5 },
      { id: 2, name: 'Bob', score: null },
    ]);
    expect(spark2.table('people').schema.simpleString()).toBe('struct<id:bigint,name:string,score:double>');
  });

  it('save modes through saveAsTable', () => {
    const spark = open();
    const one = spark.createDataFrame([{ v: 1 }], 'v INT');
    one.write.saveAsTable('t');
    one.write.mode('append').saveAsTable('t');
    expect(open().table('t').count()).toBe(2);
    one.write.mode('overwrite').saveAsTable('t');
    expect(open().table('t').count()).toBe(1);
    one.write.mode('ignore').saveAsTable('t');
    expect(open().table('t').count()).toBe(1);
    expect(() => one.write.saveAsTable('t')).toThrow(/TABLE_OR_VIEW_ALREADY_EXISTS/);
  });

  it('databases persist across sessions', () => {
    const spark = open();
    spark.catalog.createDatabase('sales');
    spark.createDataFrame([{ amount: 5 }], 'amount INT').write.saveAsTable('sales.orders');
    const spark2 = open();
    expect(spark2.catalog.listDatabases().map((d) => d.name)).toEqual(['default', 'sales']);
    expect(spark2.catalog.listTables('sales').map((t) => t.name)).toEqual(['orders']);
    expect(spark2.table('sales.orders').collect().map((r) => r.asDict())).toEqual([{ amount: 5 }]);
  });
});
