/**
 * Generated frames for the fuzzer: a DDL of up to four columns over Spark's
 * types (nested ones included) and rows with nulls, NaN, ±Infinity, -0.0,
 * each type's extremes, long and unicode strings, and empty frames.
 */
import fc from 'fast-check';

export const COL_TYPES = [
  'tinyint',
  'smallint',
  'int',
  'bigint',
  'float',
  'double',
  'decimal(10,2)',
  'decimal(38,6)',
  'string',
  'boolean',
  'binary',
  'date',
  'timestamp',
  'array<int>',
  'map<string,int>',
  'struct<a:int,b:string>',
  'array<struct<x:double>>',
] as const;
export type ColType = (typeof COL_TYPES)[number];

export interface FrameSpec {
  readonly types: readonly ColType[];
  readonly rows: readonly (readonly unknown[])[];
}

const doubles = fc.oneof(
  fc.double({ noNaN: false }),
  fc.constantFrom(0, -0, 1.5, -2.25, Number.NaN, Infinity, -Infinity, 1e300, -1e-300, Number.MAX_VALUE, Number.MIN_VALUE),
);
const strings = fc.oneof(
  fc.constantFrom('', 'a', 'b', 'é', '1', '-1e+308', ' 12 ', 'x$1', 'NaN', 'Infinity', '2024-02-29', 'ß', '😀', 'a\u0000b', 'İ'),
  fc.string({ maxLength: 4 }),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
  fc.string({ unit: 'binary', maxLength: 3 }),
  fc.string({ minLength: 40, maxLength: 80 }),
);
const int = fc.oneof(fc.integer({ min: -5, max: 5 }), fc.constantFrom(2147483647, -2147483648));

const valueOf: Record<ColType, fc.Arbitrary<unknown>> = {
  tinyint: fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constantFrom(127, -128)),
  smallint: fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constantFrom(32767, -32768)),
  int,
  bigint: fc.oneof(
    fc.integer({ min: -3, max: 3 }),
    fc.constantFrom(9007199254740991, -9007199254740991, 9223372036854775807n, -9223372036854775808n),
  ),
  float: fc.oneof(fc.constantFrom(0, -0, 1.5, Number.NaN, Infinity, -Infinity, 3.4028234663852886e38), fc.float({ noNaN: true }).map(Math.fround)),
  double: doubles,
  'decimal(10,2)': fc.constantFrom('0.00', '1.50', '-2.25', '99999999.99', '-99999999.99'),
  'decimal(38,6)': fc.constantFrom('0', '1.000001', '-12345678901234567890123456789012.123456', '99999999999999999999999999999999.999999'),
  string: strings,
  boolean: fc.boolean(),
  binary: fc.uint8Array({ maxLength: 4 }),
  date: fc.constantFrom(new Date(0), new Date(Date.UTC(2024, 1, 29)), new Date(Date.UTC(1, 0, 1)), new Date(Date.UTC(9999, 11, 31))),
  timestamp: fc.constantFrom(new Date(0), new Date(Date.UTC(2024, 1, 29, 12, 30, 15, 123)), new Date(-1), new Date(Date.UTC(1900, 0, 1))),
  'array<int>': fc.array(fc.option(int, { freq: 4 }), { maxLength: 3 }),
  'map<string,int>': fc.uniqueArray(fc.tuple(fc.constantFrom('a', 'b', 'é', ''), fc.option(int, { freq: 4 })), { maxLength: 3, selector: ([k]) => k }).map((e) => new Map(e)),
  'struct<a:int,b:string>': fc.record({ a: fc.option(int, { freq: 4 }), b: fc.option(strings, { freq: 4 }) }),
  'array<struct<x:double>>': fc.array(fc.option(fc.record({ x: fc.option(doubles, { freq: 4 }) }), { freq: 4 }), { maxLength: 2 }),
};

/** Scalar (orderable, comparable) types are drawn more often than nested ones. */
const colType = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom<ColType>('int', 'bigint', 'double', 'string', 'boolean', 'date', 'timestamp', 'decimal(10,2)') },
  { weight: 1, arbitrary: fc.constantFrom<ColType>(...COL_TYPES) },
);

export const frameSpec: fc.Arbitrary<FrameSpec> = fc.array(colType, { minLength: 1, maxLength: 4 }).chain((types) =>
  fc.record({
    types: fc.constant(types),
    rows: fc.array(fc.tuple(...types.map((t) => fc.option(valueOf[t], { freq: 4 }))), { maxLength: 6 }),
  }),
);

export const isNested = (t: string): boolean => /^(array|map|struct)</.test(t);
