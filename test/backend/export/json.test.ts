import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ArrowExportBackend, asNullable } from '../../../src/backend/export/arrow-export.js';
import { parseJson } from '../../../src/backend/export/json-parse.js';
import type { WriteOptions } from '../../../src/backend/protocols.js';
import { batchRows, makeBatch, type Batch } from '../../../src/data/batch.js';
import {
  ArrayType,
  DATE,
  DOUBLE,
  DecimalType,
  FLOAT,
  INT,
  LONG,
  MapType,
  STRING,
  StructField,
  StructType,
  TIMESTAMP,
  type DataType,
} from '../../../src/types/data-types.js';
import { ALL_TYPES_SCHEMA, BIG, allTypesBatch } from './fixtures.js';

const exporter = new ArrowExportBackend('memory');
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sparkless-json-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const schemaOf = (...cols: [string, DataType][]): StructType => new StructType(cols.map(([n, t]) => new StructField(n, t)));

function jsonText(b: Batch, options: Record<string, unknown> = {}): string {
  const out = join(dir, `w${Math.random().toString(36).slice(2)}`);
  exporter.writeFile(b, out, 'json', { timeZone: 'UTC', ...options } as WriteOptions);
  const part = readdirSync(out).find((n) => n.startsWith('part-'))!;
  expect(part).toMatch(/^part-00000-[0-9a-f-]{36}-c000\.json$/);
  return readFileSync(join(out, part), 'utf8');
}

function readJson(text: string, options: Record<string, unknown> = {}, schema?: StructType): Batch {
  const d = join(dir, `r${Math.random().toString(36).slice(2)}`);
  mkdirSync(d);
  writeFileSync(join(d, 'part-00000.json'), text);
  return exporter.readFile(d, 'json', schema, { timeZone: 'UTC', ...options });
}

describe('JSON writing (Spark defaults)', () => {
  it('writes one object per line and omits null fields', () => {
    const b = makeBatch(schemaOf(['id', LONG], ['name', STRING]), [
      [1, null, BIG],
      ['a', 'b', null],
    ]);
    expect(jsonText(b)).toBe('{"id":1,"name":"a"}\n{"name":"b"}\n{"id":9007199254740993}\n');
  });

  it('writes nested values; nulls inside arrays and maps stay, null struct fields go', () => {
    const t = schemaOf(
      ['a', new ArrayType(INT)],
      ['m', new MapType(STRING, INT)],
      ['s', new StructType([new StructField('x', INT), new StructField('y', STRING)])],
    );
    const b = makeBatch(t, [[[1, null]], [new Map([['k', null], ['j', 2]])], [[null, 'q']]]);
    expect(jsonText(b)).toBe('{"a":[1,null],"m":{"k":null,"j":2},"s":{"y":"q"}}\n');
  });

  it('formats numbers, decimals, binary and temporal values as Spark does', () => {
    const b = makeBatch(
      schemaOf(['d', DOUBLE], ['f', FLOAT], ['dec', new DecimalType(12, 4)], ['bin', ALL_TYPES_SCHEMA.field('bin')!.dataType], ['date', DATE], ['ts', TIMESTAMP]),
      [[1, NaN], [Math.fround(1.1), -Infinity], [10000n, -1n], [new Uint8Array([104, 105]), new Uint8Array([])], [0, 19737], [1_705_314_600_123_456, 0]],
    );
    expect(jsonText(b)).toBe(
      '{"d":1.0,"f":1.1,"dec":1.0000,"bin":"aGk=","date":"1970-01-01","ts":"2024-01-15T10:30:00.123Z"}\n' +
        '{"d":"NaN","f":"-Infinity","dec":-0.0001,"bin":"","date":"2024-01-15","ts":"1970-01-01T00:00:00.000Z"}\n',
    );
  });

  it('escapes strings as Jackson does', () => {
    const b = makeBatch(schemaOf(['s', STRING]), [['q"b\\s/\n\t\u0001é€']]);
    expect(jsonText(b)).toBe('{"s":"q\\"b\\\\s/\\n\\t\\u0001é€"}\n');
  });

  it('writes an all-null row as {}', () => {
    expect(jsonText(makeBatch(schemaOf(['a', INT]), [[null]]))).toBe('{}\n');
  });
});

describe('JSON reading', () => {
  it('infers longs, doubles, strings, booleans and nested types, fields sorted by name', () => {
    const b = readJson('{"z":1,"a":"x","n":null,"d":1.5,"arr":[1,2],"o":{"q":true,"b":[{"k":1}]}}\n{"z":9007199254740993,"d":2}\n');
    expect(b.schema.simpleString()).toBe(
      'struct<a:string,arr:array<bigint>,d:double,n:string,o:struct<b:array<struct<k:bigint>>,q:boolean>,z:bigint>',
    );
    expect(batchRows(b)).toEqual([
      ['x', [1, 2], 1.5, null, [[[1]], true], 1],
      [null, null, 2, null, null, BIG],
    ]);
  });

  it('widens mixed types: long+double → double, other mixes → string; huge integers → decimal', () => {
    const b = readJson('{"a":1,"b":1,"c":123456789012345678901234}\n{"a":2.5,"b":"x","c":1}\n');
    expect(b.schema.simpleString()).toBe('struct<a:double,b:string,c:decimal(24,0)>');
    expect(batchRows(b)).toEqual([
      [1, '1', 123456789012345678901234n],
      [2.5, 'x', 1n],
    ]);
  });

  it('drops empty structs, reads all-null fields as strings, and arrays of nulls as array<string>', () => {
    const b = readJson('{"e":{},"n":null,"an":[null],"k":1}\n');
    expect(b.schema.simpleString()).toBe('struct<an:array<string>,k:bigint,n:string>');
  });

  it('puts unparsable lines into _corrupt_record (PERMISSIVE), drops them or fails', () => {
    const text = '{"a":1}\n{"a":\n{"a":2}\n';
    const b = readJson(text);
    expect(b.schema.simpleString()).toBe('struct<_corrupt_record:string,a:bigint>');
    expect(batchRows(b)).toEqual([
      [null, 1],
      ['{"a":', null],
      [null, 2],
    ]);
    expect(batchRows(readJson(text, { mode: 'DROPMALFORMED' }))).toEqual([[1], [2]]);
    // Spark fails in schema inference first; with a schema, while parsing the record.
    expect(() => readJson(text, { mode: 'FAILFAST' })).toThrow('Malformed records are detected in schema inference. Parse Mode: FAILFAST.');
    expect(() => readJson(text, { mode: 'FAILFAST' }, schemaOf(['a', LONG]))).toThrow(/MALFORMED_RECORD_IN_PARSING.*\[\{"a":\]/);
    // A record whose value does not fit the given type keeps its raw text in _corrupt_record.
    const typed = readJson('{"a":"x",  "b":1}\n', {}, schemaOf(['a', INT], ['b', INT], ['_corrupt_record', STRING]));
    expect(batchRows(typed)).toEqual([[null, 1, '{"a":"x",  "b":1}']]);
  });

  it('converts to a given schema (by field name); type mismatches become null', () => {
    const schema = schemaOf(['a', INT], ['s', STRING], ['ts', TIMESTAMP], ['d', DATE], ['m', new MapType(STRING, LONG)]);
    const b = readJson('{"a":1,"s":{"x":[1, 2.50]},"ts":"2024-01-15 10:30:00","d":"2024-01-15","m":{"k":5}}\n{"a":"oops","ts":0}\n', {}, schema);
    expect(b.schema.equals(asNullable(schema))).toBe(true);
    expect(batchRows(b)).toEqual([
      [1, '{"x":[1,2.5]}', 1_705_314_600_000_000, 19737, new Map([['k', 5]])],
      [null, null, 0, null, null],
    ]);
  });

  it('reads a top-level array as one row per element, multiLine files, single quotes and NaN', () => {
    expect(batchRows(readJson('[{"a":1},{"a":2}]\n'))).toEqual([[1], [2]]);
    expect(batchRows(readJson('{\n  "a": 1\n}\n', { multiLine: true }))).toEqual([[1]]);
    expect(batchRows(readJson("{'a':'x'}\n"))).toEqual([['x']]);
    const nan = readJson('{"d":NaN}\n{"d":"Infinity"}\n', {}, schemaOf(['d', DOUBLE]));
    expect(batchRows(nan)).toEqual([[NaN], [Infinity]]);
  });

  it('honours primitivesAsString, prefersDecimal and dropFieldIfAllNull', () => {
    const text = '{"a":1,"b":true,"c":1.25,"n":null}\n';
    expect(readJson(text, { primitivesAsString: true }).schema.simpleString()).toBe('struct<a:string,b:string,c:string,n:string>');
    expect(readJson(text, { prefersDecimal: true }).schema.simpleString()).toBe('struct<a:bigint,b:boolean,c:decimal(3,2),n:string>');
    expect(readJson(text, { dropFieldIfAllNull: true }).schema.simpleString()).toBe('struct<a:bigint,b:boolean,c:double>');
  });

  it('keeps integer text exact', () => {
    expect(parseJson('{"a":-9223372036854775808}')).toEqual({ kind: 'object', entries: [['a', { kind: 'number', text: '-9223372036854775808', integral: true }]] });
  });
});

describe('JSON write → read round trip', () => {
  it('keeps every type when read with the written schema', () => {
    const out = join(dir, 'rt');
    exporter.writeFile(allTypesBatch(), out, 'json');
    const back = exporter.readFile(out, 'json', ALL_TYPES_SCHEMA);
    const ms = (v: unknown): unknown => (v === null ? null : Math.floor((v as number) / 1000) * 1000);
    const expected = batchRows(allTypesBatch()).map((r) => r.map((v, c) => (['ts', 'ntz'].includes(ALL_TYPES_SCHEMA.fields[c]!.name) ? ms(v) : v)));
    expect(batchRows(back)).toEqual(expected);
  });
});
