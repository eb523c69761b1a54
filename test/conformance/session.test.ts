import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { F, SparkSession } from '../../src/index.js';
import { MemoryStorageBackend } from '../../src/backend/memory/index.js';

const opened: SparkSession[] = [];
const track = (s: SparkSession): SparkSession => (opened.push(s), s);
afterEach(() => {
  for (const s of opened.splice(0)) s.stop();
  delete process.env['SPARKLESS_BACKEND'];
});

describe('SparkSession', () => {
  it('resolves the backend from the option, then SPARKLESS_BACKEND, then the config, then polars', () => {
    expect(track(new SparkSession('a')).backendType).toBe('polars');
    expect(track(new SparkSession('a', { conf: { 'spark.sparkless.backend': 'memory' } })).backendType).toBe('memory');
    process.env['SPARKLESS_BACKEND'] = 'file';
    expect(track(new SparkSession('a', { conf: { 'spark.sparkless.backend': 'memory' } })).backendType).toBe('file');
    expect(track(new SparkSession('a', { backendType: 'memory' })).backendType).toBe('memory');
    expect(() => new SparkSession('a', { backendType: 'oracle' as never })).toThrow(/UNSUPPORTED_BACKEND/);
  });

  it('builds sessions with the builder and reuses the active one', () => {
    // Hermetic: SPARK_REMOTE would make the builder connect to Spark, as PySpark's does.
    const remote = process.env['SPARK_REMOTE'];
    delete process.env['SPARK_REMOTE'];
    onTestFinished(() => {
      if (remote !== undefined) process.env['SPARK_REMOTE'] = remote;
    });
    const s = track(SparkSession.builder.appName('app').master('local[2]').config('spark.sql.shuffle.partitions', 4).getOrCreate());
    expect(s.appName).toBe('app');
    expect(s.conf.get('spark.master')).toBe('local[2]');
    expect(s.conf.get('spark.sql.shuffle.partitions')).toBe('4');
    expect(SparkSession.builder.config({ 'spark.x': 'y' }).getOrCreate()).toBe(s);
    expect(s.conf.get('spark.x')).toBe('y');
    expect(s.version).toBe('3.5.2');
  });

  it('keeps conf and temp views per session but shares storage with newSession()', () => {
    const s = track(new SparkSession('a', { backendType: 'memory' }));
    s.createDataFrame([{ x: 1 }]).createOrReplaceTempView('v');
    s.createDataFrame([{ x: 1 }]).write.saveAsTable('t');
    s.conf.set('spark.custom', '1');
    const other = track(s.newSession());
    expect(other.catalog.tableExists('v')).toBe(false);
    expect(other.table('t').count()).toBe(1);
    expect(other.conf.get('spark.custom')).toBe('1');
    other.conf.set('spark.custom', '2');
    expect(s.conf.get('spark.custom')).toBe('1');
    expect(() => s.conf.get('spark.missing')).toThrow(/SQL_CONF_NOT_FOUND/);
    expect(s.conf.get('spark.missing', 'dflt')).toBe('dflt');
  });

  it('uses injected backends and refuses work after stop()', () => {
    const storage = new MemoryStorageBackend();
    const s = new SparkSession('a', { backendType: 'memory', storageBackend: storage });
    s.createDataFrame([{ x: 1 }]).write.saveAsTable('t');
    expect(storage.tableExists('default', 't')).toBe(true);
    s.stop();
    expect(() => s.range(1)).toThrow(/SESSION_STOPPED/);
  });

  it('lists databases and tables in the catalog', () => {
    const s = track(new SparkSession('a', { backendType: 'memory' }));
    s.catalog.createDatabase('sales');
    s.createDataFrame([{ x: 1 }]).write.saveAsTable('sales.orders');
    expect(s.catalog.listDatabases().map((d) => d.name)).toEqual(['default', 'sales']);
    expect(s.catalog.listTables('sales').map((t) => t.name)).toEqual(['orders']);
    // PySpark 3.5's pattern: `*` wildcards, `|` alternatives, case-insensitive; temp views are filtered too
    s.createDataFrame([{ x: 1 }]).createOrReplaceTempView('order_view');
    s.createDataFrame([{ x: 1 }]).createOrReplaceTempView('misc');
    expect(s.catalog.listTables('sales', 'ORD*|nomatch').map((t) => t.name)).toEqual(['orders', 'order_view']);
    expect(s.catalog.listTables('sales', 'misc').map((t) => [t.name, t.isTemporary])).toEqual([['misc', true]]);
    expect(s.catalog.listDatabases('sal*').map((d) => d.name)).toEqual(['sales']);
    expect(s.catalog.listDatabases('x*|DEF*').map((d) => d.name)).toEqual(['default']);
    expect(s.catalog.tableExists('orders', 'sales')).toBe(true);
    s.catalog.setCurrentDatabase('sales');
    expect(s.table('orders').count()).toBe(1);
    expect(() => s.catalog.setCurrentDatabase('nope')).toThrow(/SCHEMA_NOT_FOUND/);
  });
});

describe('session time zone', () => {
  it.each(['memory', 'polars'] as const)('applies a time zone set after the session was created [%s]', (backendType) => {
    const s = track(new SparkSession('tz', { backendType, conf: { 'spark.sql.session.timeZone': 'UTC' } }));
    const df = s.createDataFrame([{ ts: new Date('2024-01-01T00:00:00Z') }], 'ts TIMESTAMP');
    const hour = () => df.select(F.hour('ts')).first()!.get(0);
    expect(hour()).toBe(0);
    s.conf.set('spark.sql.session.timeZone', 'America/New_York');
    expect(hour()).toBe(19);
    expect(df.showString()).toContain('2023-12-31 19:00:00');
  });
});

describe('spark.sql arguments', () => {
  it('rejects a query that is not a string with PySpark\'s NOT_STR, on every backend', () => {
    for (const backendType of ['memory', 'polars'] as const) {
      const s = new SparkSession('a', { backendType });
      try {
        expect(() => s.sql(null as never)).toThrow(expect.objectContaining({ name: 'PySparkTypeError', errorClass: 'NOT_STR' }));
        expect(() => s.sql(42 as never)).toThrow(/should be a str, got number/);
      } finally {
        s.stop();
      }
    }
  });
});
