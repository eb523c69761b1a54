/**
 * Parquet without nodejs-polars: the pure path (parquet-wasm) selected with
 * `spark.sparkless.parquet.engine` = `js`. Files it writes are read by DuckDB
 * and by Polars with the same values and types; files DuckDB and Polars write
 * are read with the schema Spark 3.5.7 gives them (checked with
 * ``SELECT * FROM parquet.`path` `` on Spark: DuckDB's TIMESTAMP reads as
 * timestamp_ntz, TIMESTAMPTZ as timestamp). Spark 3.5.7 also reads the
 * ALL_TYPES file this path writes with ALL_TYPES's exact schema, maps included
 * (checked by hand with askspark: the shared server cannot see this test's files).
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import pl from 'nodejs-polars';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { readParquetFile, writeParquetFile } from '../../../src/backend/export/parquet.js';
import { setParquetWasmRequire } from '../../../src/backend/export/parquet-wasm.js';
import { makeBatch } from '../../../src/data/batch.js';
import { INT, StructField, StructType } from '../../../src/types/data-types.js';
import { setNativeRequire } from '../../../src/backend/polars/native.js';
import { newTestSession } from '../../helpers/backends.js';

const dir = mkdtempSync(join(tmpdir(), 'sparkless-parquet-js-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => {
  setParquetWasmRequire(undefined);
  setNativeRequire(undefined);
});
const noModule = (id: string): never => {
  throw new Error(`Cannot find module '${id}'`);
};

function jsSession() {
  const s = newTestSession('memory');
  s.conf.set('spark.sparkless.parquet.engine', 'js');
  return s;
}

const ALL_TYPES = `SELECT CAST(1 AS TINYINT) b, CAST(-2 AS SMALLINT) sh, 3 i, 9007199254740993L l, CAST(1.5 AS FLOAT) f, 2.25D d,
  'héllo' str, true bo, X'0102FF' bin, CAST(-12.34 AS DECIMAL(10,2)) dc, CAST(123456789012345678.5 AS DECIMAL(38,1)) big,
  DATE'2024-02-29' dt, TIMESTAMP'2024-01-02 03:04:05.123456' ts, TIMESTAMP_NTZ'2024-01-02 03:04:05.5' ntz,
  array(1, 2, null) arr, named_struct('a', 1, 'b', array(named_struct('c', 'y'))) st, map('k', 1, 'z', null) m,
  CAST(NULL AS STRING) n
  UNION ALL
  SELECT null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, 'set'`;

/** The single part file of a written directory. */
function partFile(path: string): string {
  const part = readdirSync(path).find((f) => f.endsWith('.parquet'));
  if (!part) throw new Error(`no part file in ${path}`);
  return join(path, part);
}

async function duck(sql: string): Promise<{ types: Record<string, string>; rows: Record<string, unknown>[] }> {
  const inst = await DuckDBInstance.create(':memory:');
  const conn = await inst.connect();
  try {
    const r = await conn.runAndReadAll(sql);
    const types: Record<string, string> = {};
    r.columnNames().forEach((n, i) => (types[n] = r.columnTypes()[i]!.toString()));
    return { types, rows: r.getRowObjectsJson() as Record<string, unknown>[] };
  } finally {
    conn.closeSync();
  }
}

describe('Parquet through parquet-wasm (memory backend)', () => {
  const written = join(dir, 'all-types');
  const writeAll = (): string => {
    jsSession().sql(ALL_TYPES).coalesce(1).write.mode('overwrite').parquet(written);
    return partFile(written);
  };

  it('reads back what it writes: every type, nulls and maps', () => {
    writeAll();
    const s = jsSession();
    const src = s.sql(ALL_TYPES);
    const back = s.read.parquet(written);
    expect(back.schema.simpleString()).toBe(src.schema.simpleString());
    expect(back.collect().map((r) => r.asDict(true))).toEqual(src.collect().map((r) => r.asDict(true)));
    expect(back.filter('n IS NULL').select('l', 'dc', 'big', 'ts', 'm').collect()[0]!.asDict(true)).toEqual({
      l: 9007199254740993n,
      dc: expect.anything(),
      big: expect.anything(),
      ts: expect.anything(),
      m: new Map([['k', 1], ['z', null]]),
    });
    expect(back.selectExpr('CAST(dc AS STRING)', 'CAST(big AS STRING)', 'CAST(ts AS STRING)', 'CAST(ntz AS STRING)').collect()[0]!.toArray()).toEqual([
      '-12.34',
      '123456789012345678.5',
      '2024-01-02 03:04:05.123456',
      '2024-01-02 03:04:05.5',
    ]);
  });

  it('writes files DuckDB reads with the same types and values', async () => {
    const file = writeAll();
    const { types, rows } = await duck(`SELECT * FROM read_parquet('${file}') ORDER BY n NULLS FIRST`);
    expect(types).toEqual({
      b: 'TINYINT',
      sh: 'SMALLINT',
      i: 'INTEGER',
      l: 'BIGINT',
      f: 'FLOAT',
      d: 'DOUBLE',
      str: 'VARCHAR',
      bo: 'BOOLEAN',
      bin: 'BLOB',
      dc: 'DECIMAL(10,2)',
      big: 'DECIMAL(38,1)',
      dt: 'DATE',
      ts: 'TIMESTAMP WITH TIME ZONE',
      ntz: 'TIMESTAMP',
      arr: 'INTEGER[]',
      st: 'STRUCT("a" INTEGER, "b" STRUCT("c" VARCHAR)[])',
      m: 'MAP(VARCHAR, INTEGER)',
      n: 'VARCHAR',
    });
    expect(rows[0]).toMatchObject({ b: 1, sh: -2, i: 3, l: '9007199254740993', f: 1.5, d: 2.25, str: 'héllo', bo: true, n: null });
    expect(rows[0]).toMatchObject({ dc: '-12.34', big: '123456789012345678.5', dt: '2024-02-29', arr: [1, 2, null] });
    expect(rows[0]!['st']).toEqual({ a: 1, b: [{ c: 'y' }] });
    expect(rows[0]!['m']).toEqual([{ key: 'k', value: 1 }, { key: 'z', value: null }]);
    expect(String(rows[0]!['ntz'])).toBe('2024-01-02 03:04:05.5');
    const ts = await duck(`SELECT epoch_us(ts) us, hex(bin) h FROM read_parquet('${file}') WHERE n IS NULL`);
    expect(ts.rows[0]).toEqual({ us: String(Date.UTC(2024, 0, 2, 3, 4, 5, 123) * 1000 + 456), h: '0102FF' });
    expect(Object.values(rows[1]!).filter((v) => v !== null)).toEqual(['set']);
  });

  it('writes files Polars reads with the same types and values', () => {
    // nodejs-polars 0.24's JS side cannot name the Binary dtype (a panic), so `bin` is checked through DuckDB above.
    const df = pl.readParquet(writeAll()).drop('bin');
    const dtypes = Object.fromEntries(df.columns.map((c, i) => [c, String(df.dtypes[i]).replace(/^DataType\((.*)\)$/, '$1')]));
    expect(dtypes).toEqual({
      b: 'Int8',
      sh: 'Int16',
      i: 'Int32',
      l: 'Int64',
      f: 'Float32',
      d: 'Float64',
      str: 'String',
      bo: 'Bool',
      dc: 'Decimal(10,2)',
      big: 'Decimal(38,1)',
      dt: 'Date',
      ts: 'Datetime(us,UTC)',
      ntz: 'Datetime(us,)',
      arr: 'List(DataType(Int32))',
      st: 'Struct(Field("a", DataType(Int32)),Field("b", DataType(List(DataType(Struct(Field("c", DataType(String))))))))',
      // Polars has no map type: a Parquet MAP reads as its key/value entries.
      m: 'List(DataType(Struct(Field("key", DataType(String)),Field("value", DataType(Int32)))))',
      n: 'String',
    });
    const row = df.filter(pl.col('n').isNull()).drop('dc', 'big').toRecords()[0]!;
    expect(row).toMatchObject({ b: 1, sh: -2, i: 3, f: 1.5, d: 2.25, str: 'héllo', bo: true, arr: [1, 2, null] });
    expect(row['st']).toEqual({ a: 1, b: [{ c: 'y' }] });
    expect(row['m']).toEqual([{ key: 'k', value: 1 }, { key: 'z', value: null }]);
    const text = df.select(...['l', 'dc', 'big', 'ts', 'ntz', 'dt'].map((c) => pl.col(c).cast(pl.Utf8))).toRecords();
    expect(text[0]).toEqual({
      l: '9007199254740993',
      dc: '-12.34',
      big: '123456789012345678.5',
      ts: '2024-01-02 03:04:05.123456+00:00',
      ntz: '2024-01-02 03:04:05.500000',
      dt: '2024-02-29',
    });
    expect(Object.values(df.filter(pl.col('n').isNotNull()).drop('dc', 'big').toRecords()[0]!).filter((v) => v !== null)).toEqual(['set']);
  });

  it('reads files DuckDB writes with the schema Spark gives them', async () => {
    const file = join(dir, 'duck.parquet');
    await duck(`COPY (SELECT 1::TINYINT b, 2::SMALLINT sh, 3::INTEGER i, 4::BIGINT l, 1.5::FLOAT f, 2.5::DOUBLE d, 'x' str, true bo,
      '\\x01\\x02'::BLOB bin, 12.34::DECIMAL(10,2) dc, DATE '2024-01-02' dt, TIMESTAMP '2024-01-02 03:04:05.123456' ts,
      TIMESTAMPTZ '2024-01-02 03:04:05+00' tstz, [1, 2, NULL] arr, {'a': 1, 'b': 'y'} st, MAP {'k': 1} m, NULL::VARCHAR n)
      TO '${file}' (FORMAT PARQUET)`);
    const df = jsSession().read.parquet(file);
    // Spark 3.5.7's schema for this file, field by field.
    expect(df.schema.simpleString()).toBe(
      'struct<b:tinyint,sh:smallint,i:int,l:bigint,f:float,d:double,str:string,bo:boolean,bin:binary,dc:decimal(10,2),dt:date,' +
        'ts:timestamp_ntz,tstz:timestamp,arr:array<int>,st:struct<a:int,b:string>,m:map<string,int>,n:string>',
    );
    expect(df.schema.fields.every((f) => f.nullable)).toBe(true);
    expect(df.showString(20, 0)).toBe(
      [
        '+---+---+---+---+---+---+---+----+-------+-----+----------+--------------------------+-------------------+------------+------+--------+----+',
        '|b  |sh |i  |l  |f  |d  |str|bo  |bin    |dc   |dt        |ts                        |tstz               |arr         |st    |m       |n   |',
        '+---+---+---+---+---+---+---+----+-------+-----+----------+--------------------------+-------------------+------------+------+--------+----+',
        '|1  |2  |3  |4  |1.5|2.5|x  |true|[01 02]|12.34|2024-01-02|2024-01-02 03:04:05.123456|2024-01-02 03:04:05|[1, 2, NULL]|{1, y}|{k -> 1}|NULL|',
        '+---+---+---+---+---+---+---+----+-------+-----+----------+--------------------------+-------------------+------------+------+--------+----+',
        '',
      ].join('\n'),
    );
  });

  it('reads files Polars writes', () => {
    const file = join(dir, 'polars.parquet');
    pl.DataFrame({ i: [1, null], s: ['a', 'b'], x: [1.5, 2.5] }, { schema: { i: pl.Int64, s: pl.Utf8, x: pl.Float64 } })
      .withColumns(pl.lit(new Date(Date.UTC(2024, 0, 2))).cast(pl.Date).alias('dt'), pl.concatList([pl.col('i'), pl.col('i')]).alias('li'))
      .writeParquet(file);
    const df = jsSession().read.parquet(file);
    expect(df.schema.simpleString()).toBe('struct<i:bigint,s:string,x:double,dt:date,li:array<bigint>>');
    expect(df.collect().map((r) => r.asDict(true))).toEqual([
      { i: 1, s: 'a', x: 1.5, dt: expect.anything(), li: [1, 1] },
      { i: null, s: 'b', x: 2.5, dt: expect.anything(), li: [null, null] },
    ]);
    expect(df.selectExpr('CAST(dt AS STRING)').collect()[1]!.toArray()).toEqual(['2024-01-02']);
  });

  it('a missing parquet-wasm is a typed error naming the package; other formats still work', () => {
    setParquetWasmRequire(() => {
      throw new Error("Cannot find module 'parquet-wasm'");
    });
    const s = jsSession();
    const df = s.createDataFrame([{ a: 1 }], 'a INT');
    expect(() => df.write.mode('overwrite').parquet(join(dir, 'missing'))).toThrow(
      expect.objectContaining({ errorClass: 'PARQUET_ENGINE_UNAVAILABLE', message: expect.stringContaining('npm install parquet-wasm') }),
    );
    df.write.mode('overwrite').csv(join(dir, 'still-csv'));
    expect(s.read.schema('a INT').csv(join(dir, 'still-csv')).collect()[0]!.toArray()).toEqual([1]);
  });

  it('auto takes parquet-wasm when the Polars binding is absent, and says which package is missing when neither is there', async () => {
    setNativeRequire(noModule);
    const s = newTestSession('memory');
    const path = join(dir, 'auto');
    s.createDataFrame([{ a: 1, m: { k: 'v' } }], 'a INT, m MAP<STRING, STRING>').write.mode('overwrite').parquet(path);
    // Only parquet-wasm keeps a Parquet MAP (Polars writes its entries), so the file says which engine wrote it.
    const { types } = await duck(`SELECT * FROM read_parquet('${partFile(path)}')`);
    expect(types['m']).toBe('MAP(VARCHAR, VARCHAR)');
    expect(s.read.parquet(path).collect()[0]!.asDict(true)).toEqual({ a: 1, m: new Map([['k', 'v']]) });
    s.conf.set('spark.sparkless.parquet.engine', 'polars');
    expect(() => s.read.parquet(path)).toThrow(expect.objectContaining({ errorClass: 'POLARS_NATIVE_UNAVAILABLE' }));
    s.conf.set('spark.sparkless.parquet.engine', 'auto');
    setParquetWasmRequire(noModule);
    expect(() => s.read.parquet(path)).toThrow(
      expect.objectContaining({ errorClass: 'PARQUET_ENGINE_UNAVAILABLE', message: expect.stringContaining('without nodejs-polars') }),
    );
  });

  it('writes empty frames and partitioned directories', () => {
    const s = jsSession();
    const empty = join(dir, 'empty');
    s.createDataFrame([], 'a INT, b ARRAY<STRING>').write.mode('overwrite').parquet(empty);
    const e = s.read.parquet(empty);
    expect(e.schema.simpleString()).toBe('struct<a:int,b:array<string>>');
    expect(e.count()).toBe(0);
    const parts = join(dir, 'parts');
    s.createDataFrame([{ k: 'x', v: 1 }, { k: 'y', v: 2 }, { k: 'x', v: 3 }], 'k STRING, v LONG').write.mode('overwrite').partitionBy('k').parquet(parts);
    expect(readdirSync(parts).sort()).toEqual(['_SUCCESS', '_sparkless_schema.json', 'k=x', 'k=y']);
    expect(s.read.parquet(parts).orderBy('v').collect().map((r) => r.toArray())).toEqual([[1, 'x'], [2, 'y'], [3, 'x']]);
  });

  it('writes a null struct whose fields are not nullable, and reads it back nullable as Spark does', () => {
    const s = jsSession();
    const path = join(dir, 'null-struct');
    s.createDataFrame([{ st: { a: 1 } }, { st: null }], 'st STRUCT<a: INT NOT NULL>').write.mode('overwrite').parquet(path);
    const back = s.read.parquet(path);
    expect(back.schema.simpleString()).toBe('struct<st:struct<a:int>>');
    expect(back.collect().map((r) => r.asDict(true))).toEqual([{ st: { a: 1 } }, { st: null }]);
  });

  it('writes a declared-non-null column holding nulls (as the Polars path does), every column OPTIONAL', () => {
    const file = join(dir, 'required.parquet');
    writeParquetFile(makeBatch(new StructType([new StructField('a', INT, false)]), [[1, null]]), file, 'snappy', ['a'], 'js');
    const back = readParquetFile(file, undefined, 'js');
    expect(back.schema.fields[0]!.nullable).toBe(true);
    expect(back.columns[0]).toEqual([1, null]);
  });

  it('a file that is not Parquet is a typed error', () => {
    const file = join(dir, 'not.parquet');
    writeFileSync(file, 'hello');
    expect(() => readParquetFile(file, undefined, 'js')).toThrow(expect.objectContaining({ errorClass: 'PARQUET_ENGINE_ERROR' }));
  });

  it('rejects an unknown engine name', () => {
    const s = newTestSession('memory');
    s.conf.set('spark.sparkless.parquet.engine', 'arrow');
    expect(() => s.createDataFrame([{ a: 1 }], 'a INT').write.mode('overwrite').parquet(join(dir, 'bad'))).toThrow(
      expect.objectContaining({ errorClass: 'INVALID_CONF_VALUE' }),
    );
  });
});
