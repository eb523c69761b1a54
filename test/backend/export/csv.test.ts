import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ArrowExportBackend } from '../../../src/backend/export/arrow-export.js';
import type { WriteOptions } from '../../../src/backend/protocols.js';
import { batchRows, makeBatch, type Batch } from '../../../src/data/batch.js';
import {
  ArrayType,
  BOOLEAN,
  DATE,
  DOUBLE,
  DecimalType,
  FLOAT,
  INT,
  LONG,
  STRING,
  StructField,
  StructType,
  TIMESTAMP,
  TIMESTAMP_NTZ,
  type DataType,
} from '../../../src/types/data-types.js';
import { ALL_TYPES_SCHEMA, allTypesBatch } from './fixtures.js';

const exporter = new ArrowExportBackend('memory');
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sparkless-csv-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const schemaOf = (...cols: [string, DataType][]): StructType => new StructType(cols.map(([n, t]) => new StructField(n, t)));

/** Writes the batch as CSV and returns the part file's text. */
function csvText(b: Batch, options: WriteOptions & Record<string, unknown> = {}): string {
  const out = join(dir, `w${Math.random().toString(36).slice(2)}`);
  exporter.writeFile(b, out, 'csv', { timeZone: 'UTC', ...options } as WriteOptions);
  const part = readdirSync(out).find((n) => n.startsWith('part-'))!;
  expect(part).toMatch(/^part-00000-[0-9a-f-]{36}-c000\.csv$/);
  return readFileSync(join(out, part), 'utf8');
}

/** Reads CSV text from a one-file directory. */
function readCsv(text: string, options: Record<string, unknown> = {}, schema?: StructType): Batch {
  const d = join(dir, `r${Math.random().toString(36).slice(2)}`);
  mkdirSync(d);
  writeFileSync(join(d, 'part-00000.csv'), text);
  return exporter.readFile(d, 'csv', schema, { timeZone: 'UTC', ...options });
}

describe('CSV writing (Spark defaults)', () => {
  it('writes no header, nulls as empty, the empty string as "", and trims surrounding whitespace', () => {
    const b = makeBatch(schemaOf(['a', STRING], ['b', INT]), [
      ['x', null, '', '  padded  '],
      [1, 2, null, 3],
    ]);
    expect(csvText(b)).toBe('x,1\n,2\n"",\npadded,3\n');
  });

  it('quotes values with the separator, quotes or line breaks and escapes quotes with a backslash', () => {
    const b = makeBatch(schemaOf(['a', STRING]), [['a,b', 'say "hi"', 'two\nlines', 'cr\rhere', 'back\\slash', "it's"]]);
    expect(csvText(b)).toBe('"a,b"\n"say \\"hi\\""\n"two\nlines"\n"cr\rhere"\nback\\slash\nit\'s\n');
  });

  it('writes a header when asked, with a custom separator', () => {
    const b = makeBatch(schemaOf(['id', INT], ['name', STRING]), [[1], ['a;b']]);
    expect(csvText(b, { header: true, delimiter: ';' })).toBe('id;name\n1;"a;b"\n');
    expect(csvText(makeBatch(b.schema, [[], []]), { header: true })).toBe('id,name\n');
    expect(csvText(makeBatch(b.schema, [[], []]))).toBe('');
  });

  it('honours quoteAll, nullValue, emptyValue, quote and escape options', () => {
    const b = makeBatch(schemaOf(['a', STRING], ['b', STRING]), [
      ['x', "a'b"],
      [null, ''],
    ]);
    expect(csvText(b, { quoteAll: 'true' })).toBe('"x",\n"a\'b",""\n');
    expect(csvText(b, { nullValue: 'NULL', emptyValue: 'EMPTY' })).toBe('x,NULL\na\'b,EMPTY\n');
    expect(csvText(b, { quote: "'", escape: "'" })).toBe('x,\n\'a\'\'b\',""\n');
  });

  it('formats numbers as Java prints them and temporal values with Spark default patterns', () => {
    const b = makeBatch(
      schemaOf(['d', DOUBLE], ['f', FLOAT], ['l', LONG], ['dec', new DecimalType(10, 3)], ['bool', BOOLEAN], ['date', DATE], ['ts', TIMESTAMP], ['ntz', TIMESTAMP_NTZ]),
      [[1, 1e20], [Math.fround(0.1), NaN], [2n ** 62n, -5], [12345n, -5n], [true, false], [19737, 0], [1_705_314_600_123_456, 0], [1_705_314_600_000_000, -1]],
    );
    expect(csvText(b)).toBe(
      '1.0,0.1,4611686018427387904,12.345,true,2024-01-15,2024-01-15T10:30:00.123Z,2024-01-15T10:30:00.000\n' +
        '1.0E20,NaN,-5,-0.005,false,1970-01-01,1970-01-01T00:00:00.000Z,1969-12-31T23:59:59.999\n',
    );
    expect(csvText(makeBatch(schemaOf(['ts', TIMESTAMP]), [[1_705_314_600_000_000]]), { timeZone: 'America/New_York' })).toBe(
      '2024-01-15T05:30:00.000-05:00\n',
    );
    expect(csvText(makeBatch(schemaOf(['ts', TIMESTAMP], ['d', DATE]), [[1_705_314_600_000_000], [19737]]), { timestampFormat: 'yyyy/MM/dd HH:mm', dateFormat: 'dd.MM.yyyy' })).toBe(
      '2024/01/15 10:30,15.01.2024\n',
    );
  });

  it('rejects types CSV cannot hold', () => {
    const b = makeBatch(schemaOf(['a', new ArrayType(INT)]), [[[1]]]);
    expect(() => csvText(b)).toThrow(
      '[UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE] The CSV datasource doesn\'t support the column `a` of the type "ARRAY<INT>".',
    );
  });
});

describe('CSV reading', () => {
  it('without header or inference: string columns _c0, _c1, …', () => {
    const b = readCsv('1,a\n2,b\n');
    expect(b.schema.simpleString()).toBe('struct<_c0:string,_c1:string>');
    expect(batchRows(b)).toEqual([
      ['1', 'a'],
      ['2', 'b'],
    ]);
  });

  it('infers int, long, decimal, double, boolean, date, timestamp and string', () => {
    const text =
      'i,l,big,d,b,date,ts,s,n,mix\n' +
      '1,3000000000,12345678901234567890,1.5,true,2024-01-15,2024-01-15 10:30:00,x,,1\n' +
      '-2,1,1,2,FALSE,2024-02-29,2024-01-15T10:30:00Z,2024,,true\n';
    const b = readCsv(text, { header: true, inferSchema: true });
    expect(b.schema.simpleString()).toBe(
      'struct<i:int,l:bigint,big:decimal(20,0),d:double,b:boolean,date:date,ts:timestamp,s:string,n:string,mix:string>',
    );
    expect(batchRows(b)).toEqual([
      [1, 3000000000, 12345678901234567890n, 1.5, true, 19737, 1_705_314_600_000_000, 'x', null, '1'],
      [-2, 1, 1n, 2, false, 19782, 1_705_314_600_000_000, '2024', null, 'true'],
    ]);
  });

  it('widens as Spark 3.5 does: int+double → double, date+timestamp → timestamp, int+date → string', () => {
    const b = readCsv('1,2024-01-01,1\n2.5,2024-01-01 10:00:00,2024-01-01\n', { inferSchema: true });
    expect(b.schema.simpleString()).toBe('struct<_c0:double,_c1:timestamp,_c2:string>');
    expect(batchRows(b)[0]![1]).toBe(1_704_067_200_000_000);
    const custom = readCsv('2024-01-01\n2024-01-01 10:00\n', { inferSchema: true, timestampFormat: 'yyyy-MM-dd HH:mm' });
    expect(custom.schema.simpleString()).toBe('struct<_c0:string>');
  });

  it('reads quoted values: escaped quotes, separators, quoted empty as null, multiLine', () => {
    const b = readCsv('"a,b","say \\"hi\\"",""\nplain,"x""y",\n');
    expect(batchRows(b)).toEqual([
      ['a,b', 'say "hi"', null],
      ['plain', 'x"y', null],
    ]);
    const ml = readCsv('id,text\n1,"two\nlines"\n2,x\n', { header: true, multiLine: true });
    expect(batchRows(ml)).toEqual([
      ['1', 'two\nlines'],
      ['2', 'x'],
    ]);
  });

  it('honours sep, nullValue, comment and makes duplicate header names unique', () => {
    const b = readCsv('a|a|b\n# comment\n1|NA|\n', { header: true, sep: '|', nullValue: 'NA', comment: '#' });
    expect(b.schema.names).toEqual(['a0', 'a1', 'b']);
    expect(batchRows(b)).toEqual([['1', null, null]]);
  });

  it('converts to a given schema; malformed fields are null (PERMISSIVE), dropped or fatal', () => {
    const schema = schemaOf(['id', INT], ['v', DOUBLE], ['_corrupt_record', STRING]);
    const text = '1,2.5\nx,3\n4\n5,NaN\n';
    expect(batchRows(readCsv(text, {}, schema))).toEqual([
      [1, 2.5, null],
      [null, 3, 'x,3'],
      [4, null, '4'],
      [5, NaN, null],
    ]);
    expect(batchRows(readCsv(text, { mode: 'DROPMALFORMED' }, schema))).toEqual([
      [1, 2.5, null],
      [5, NaN, null],
    ]);
    expect(() => readCsv(text, { mode: 'FAILFAST' }, schema)).toThrow(
      "[MALFORMED_RECORD_IN_PARSING.WITHOUT_SUGGESTION] Malformed records are detected in record parsing: [x,3]. Parse Mode: FAILFAST. To process malformed records as null result, try setting the option 'mode' as 'PERMISSIVE'.",
    );
  });

  it('reads every file of a directory, skipping each file’s header', () => {
    const d = join(dir, 'multi');
    mkdirSync(d);
    writeFileSync(join(d, 'part-1.csv'), 'id,name\n1,a\n');
    writeFileSync(join(d, 'part-2.csv'), 'id,name\n2,b\n');
    const b = exporter.readFile(d, 'csv', undefined, { header: true, inferSchema: true });
    expect(b.schema.simpleString()).toBe('struct<id:int,name:string>');
    expect(batchRows(b)).toEqual([
      [1, 'a'],
      [2, 'b'],
    ]);
  });
});

describe('CSV write → read round trip', () => {
  it('keeps every atomic CSV type with its schema', () => {
    const keep = ALL_TYPES_SCHEMA.fields.map((f, i) => ({ f, i })).filter(({ f }) => !['bin', 'arr', 'm', 'st'].includes(f.name));
    const schema = new StructType(keep.map(({ f }) => f));
    const all = allTypesBatch();
    const b = makeBatch(schema, keep.map(({ i }) => all.columns[i]!));
    const out = join(dir, 'rt');
    exporter.writeFile(b, out, 'csv', { header: true });
    const back = exporter.readFile(out, 'csv', schema, { header: true });
    // Timestamps are written with millisecond precision (Spark's default timestampFormat).
    const expected = batchRows(b).map((r) => r.map((v, c) => (v !== null && ['ts', 'ntz'].includes(schema.fields[c]!.name) ? Math.floor((v as number) / 1000) * 1000 : v)));
    // The empty string reads back as null (Spark's default nullValue is the empty string).
    expected[1]![schema.names.indexOf('str')] = null;
    expect(batchRows(back)).toEqual(expected);
  });

  it('infers the schema back from a header file', () => {
    const b = makeBatch(schemaOf(['id', INT], ['price', DOUBLE], ['ok', BOOLEAN], ['day', DATE]), [[1, 2], [9.99, 1], [true, false], [19737, null]]);
    const out = join(dir, 'inf');
    exporter.writeFile(b, out, 'csv', { header: true });
    const back = exporter.readFile(out, 'csv', undefined, { header: true, inferSchema: 'true' });
    expect(back.schema.simpleString()).toBe('struct<id:int,price:double,ok:boolean,day:date>');
    expect(batchRows(back)).toEqual(batchRows(b));
  });
});
