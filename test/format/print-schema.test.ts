import { describe, expect, it } from 'vitest';
import { formatSchemaTree } from '../../src/format/print-schema.js';
import { parseSchema } from '../../src/types/ddl.js';
import { ArrayType, INT, MapType, STRING, StructField, StructType } from '../../src/types/data-types.js';

describe('formatSchemaTree', () => {
  it('prints flat schemas with typeName and nullability', () => {
    const s = parseSchema('id BIGINT, name STRING NOT NULL, n INT, f FLOAT, d DECIMAL(10,2), b BOOLEAN, v VOID, t TIMESTAMP_NTZ, by TINYINT, sh SMALLINT');
    expect(formatSchemaTree(s)).toBe(
      [
        'root',
        ' |-- id: long (nullable = true)',
        ' |-- name: string (nullable = false)',
        ' |-- n: integer (nullable = true)',
        ' |-- f: float (nullable = true)',
        ' |-- d: decimal(10,2) (nullable = true)',
        ' |-- b: boolean (nullable = true)',
        ' |-- v: void (nullable = true)',
        ' |-- t: timestamp_ntz (nullable = true)',
        ' |-- by: byte (nullable = true)',
        ' |-- sh: short (nullable = true)',
        '',
      ].join('\n'),
    );
  });

  it('prints arrays, maps and structs nested', () => {
    const s = new StructType([
      new StructField('tags', new ArrayType(STRING, true)),
      new StructField('m', new MapType(STRING, new ArrayType(INT, false), false), false),
      new StructField('s', new StructType([new StructField('a', INT), new StructField('b', new StructType([new StructField('c', STRING, false)]))])),
      new StructField('aos', new ArrayType(new StructType([new StructField('x', INT)]))),
    ]);
    expect(formatSchemaTree(s)).toBe(
      [
        'root',
        ' |-- tags: array (nullable = true)',
        ' |    |-- element: string (containsNull = true)',
        ' |-- m: map (nullable = false)',
        ' |    |-- key: string',
        ' |    |-- value: array (valueContainsNull = false)',
        ' |    |    |-- element: integer (containsNull = false)',
        ' |-- s: struct (nullable = true)',
        ' |    |-- a: integer (nullable = true)',
        ' |    |-- b: struct (nullable = true)',
        ' |    |    |-- c: string (nullable = false)',
        ' |-- aos: array (nullable = true)',
        ' |    |-- element: struct (containsNull = true)',
        ' |    |    |-- x: integer (nullable = true)',
        '',
      ].join('\n'),
    );
  });

  it('limits the depth with level', () => {
    const s = parseSchema('a STRUCT<b: STRUCT<c: INT>>, t ARRAY<ARRAY<INT>>');
    expect(formatSchemaTree(s, 1)).toBe(['root', ' |-- a: struct (nullable = true)', ' |-- t: array (nullable = true)', ''].join('\n'));
    expect(formatSchemaTree(s, 2)).toBe(
      [
        'root',
        ' |-- a: struct (nullable = true)',
        ' |    |-- b: struct (nullable = true)',
        ' |-- t: array (nullable = true)',
        ' |    |-- element: array (containsNull = true)',
        '',
      ].join('\n'),
    );
    expect(formatSchemaTree(s, 0)).toBe(formatSchemaTree(s));
  });

  it('empty schema and escaped names', () => {
    expect(formatSchemaTree(new StructType([]))).toBe('root\n');
    expect(formatSchemaTree(new StructType([new StructField('a\nb', INT)]))).toBe('root\n |-- a\\nb: integer (nullable = true)\n');
  });
});
