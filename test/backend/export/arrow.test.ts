import { Type, type Field, type Map_ } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { ArrowExportBackend } from '../../../src/backend/export/arrow-export.js';
import { arrowTableToBatch } from '../../../src/backend/export/arrow-table.js';
import { batchRows, makeBatch } from '../../../src/data/batch.js';
import { BINARY, INT, NULL, STRING, StructField, StructType } from '../../../src/types/data-types.js';
import { ALL_TYPES_SCHEMA, BIG, allTypesBatch } from './fixtures.js';

const exporter = new ArrowExportBackend('memory');

function typeOf(field: Field): string {
  return String(field.type);
}

describe('ArrowExportBackend.toArrow', () => {
  const table = exporter.toArrow(allTypesBatch());
  const field = (name: string): Field => table.schema.fields.find((f) => f.name === name)!;

  it('keeps column names in order and the row count', () => {
    expect(table.schema.fields.map((f) => f.name)).toEqual(ALL_TYPES_SCHEMA.names);
    expect(table.numRows).toBe(3);
  });

  it('maps every Spark type to its exact Arrow type', () => {
    expect(typeOf(field('b'))).toBe('Int8');
    expect(typeOf(field('s'))).toBe('Int16');
    expect(typeOf(field('i'))).toBe('Int32');
    expect(typeOf(field('l'))).toBe('Int64');
    expect(typeOf(field('f'))).toBe('Float32');
    expect(typeOf(field('d'))).toBe('Float64');
    expect(field('dec').type.typeId).toBe(Type.Decimal);
    expect(field('dec').type).toMatchObject({ precision: 38, scale: 6, bitWidth: 128 });
    expect(typeOf(field('str'))).toBe('Utf8');
    expect(typeOf(field('bin'))).toBe('Binary');
    expect(typeOf(field('bool'))).toBe('Bool');
    expect(typeOf(field('date'))).toBe('Date32<DAY>');
    expect(typeOf(field('ts'))).toBe('Timestamp<MICROSECOND, UTC>');
    expect(typeOf(field('ntz'))).toBe('Timestamp<MICROSECOND>');
    expect(field('arr').type.typeId).toBe(Type.List);
    expect(field('m').type.typeId).toBe(Type.Map);
    expect(field('st').type.typeId).toBe(Type.Struct);
  });

  it('names and flags child fields as Spark does', () => {
    const list = field('arr').type.children[0]!;
    expect([list.name, list.nullable]).toEqual(['element', true]);
    const entries = (field('m').type as Map_).children[0]!;
    expect([entries.name, entries.nullable]).toEqual(['entries', false]);
    const [k, v] = entries.type.children as Field[];
    expect([k!.name, k!.nullable, v!.name, v!.nullable]).toEqual(['key', false, 'value', true]);
    const [x, y] = field('st').type.children as Field[];
    expect([x!.name, x!.nullable, y!.name, y!.nullable]).toEqual(['x', false, 'y', true]);
  });

  it('stores longs as BigInt64 data, exact beyond 2^53', () => {
    const col = table.getChild('l')!;
    expect(col.data[0]!.values).toBeInstanceOf(BigInt64Array);
    expect(col.get(0)).toBe(BIG);
    expect(col.get(1)).toBe(-(2n ** 63n));
  });

  it('keeps values and nulls', () => {
    expect(table.getChild('i')!.toArray()).toEqual(new Int32Array([3, -2147483648, 0]));
    for (const f of ALL_TYPES_SCHEMA.names) expect(table.getChild(f)!.get(2), f).toBeNull();
    expect(table.getChild('str')!.get(0)).toBe('héllo, "world"');
    expect(table.getChild('date')!.get(0)).toBe(19737 * 86_400_000);
    expect(table.getChild('bool')!.get(1)).toBe(false);
    expect([...table.getChild('arr')!.get(0)!]).toEqual([1n, null, BIG]);
    const m = table.getChild('m')!.get(0)!.toJSON() as Record<string, unknown>;
    expect(Object.keys(m)).toEqual(['k', 'z']);
    expect(m['z']).toBeNull();
    expect([...(m['k'] as Iterable<unknown>)]).toEqual([1, null]);
    expect(table.getChild('st')!.get(0)!.toJSON().x).toBe(7);
  });

  it('round-trips through Arrow back to the internal representation', () => {
    const back = arrowTableToBatch(table, ALL_TYPES_SCHEMA);
    expect(batchRows(back)).toEqual(batchRows(allTypesBatch()));
  });

  it('keeps top-level nullability', () => {
    const schema = new StructType([new StructField('a', INT, false), new StructField('n', NULL)]);
    const t = exporter.toArrow(makeBatch(schema, [[1, 2], [null, null]]));
    expect(t.schema.fields.map((f) => [f.name, f.nullable, String(f.type)])).toEqual([
      ['a', false, 'Int32'],
      ['n', true, 'Null'],
    ]);
  });

  it('allows duplicate column names (Arrow schemas permit them)', () => {
    const schema = new StructType([new StructField('a', INT), new StructField('a', STRING)]);
    const t = exporter.toArrow(makeBatch(schema, [[1], ['x']]));
    expect(t.schema.fields.map((f) => f.name)).toEqual(['a', 'a']);
    expect(t.getChildAt(0)!.get(0)).toBe(1);
    expect(t.getChildAt(1)!.get(0)).toBe('x');
    expect(t.schema.fields.map((f) => String(f.type))).toEqual(['Int32', 'Utf8']);
  });

  it('writes each string as its UTF-8 bytes (ASCII, accents, CJK, surrogate pairs, a lone surrogate as U+FFFD) and binary as is', () => {
    const strs = ['abc', 'é', '', null, '日本語', 'x😀y', 'a\uD800b', 'plain again'];
    const bins = [new Uint8Array([0, 255, 7]), null, new Uint8Array([]), new Uint8Array([65]), null, new Uint8Array([1, 2]), new Uint8Array([9]), new Uint8Array([])];
    const schema = new StructType([new StructField('s', STRING, true), new StructField('b', BINARY, true)]);
    const t = exporter.toArrow(makeBatch(schema, [strs, bins]));
    const utf8 = new TextEncoder();
    const s = t.getChild('s')!.data[0]!;
    strs.forEach((v, i) => {
      const bytes = s.values.subarray(s.valueOffsets[i]!, s.valueOffsets[i + 1]!);
      expect([...bytes]).toEqual(v === null ? [] : [...utf8.encode(v)]);
    });
    expect(s.values.length).toBe(s.valueOffsets[strs.length]);
    expect(Array.from({ length: strs.length }, (_, i) => t.getChild('s')!.get(i))).toEqual(strs.map((v) => (v === null ? null : v.replace('\uD800', '\uFFFD'))));
    expect(Array.from({ length: bins.length }, (_, i) => t.getChild('b')!.get(i))).toEqual(bins);
  });

  it('handles an empty batch', () => {
    const t = exporter.toArrow(makeBatch(ALL_TYPES_SCHEMA, ALL_TYPES_SCHEMA.fields.map(() => [])));
    expect(t.numRows).toBe(0);
    expect(t.numCols).toBe(ALL_TYPES_SCHEMA.fields.length);
  });
});
