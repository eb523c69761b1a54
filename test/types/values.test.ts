import { describe, expect, it } from 'vitest';
import {
  batchToRows,
  parseDecimal,
  parseTimestampText,
  rescaleHalfUp,
  rowsToBatch,
  toExternal,
  toInternal,
} from '../../src/types/values.js';
import {
  ArrayType,
  BINARY,
  BOOLEAN,
  BYTE,
  DATE,
  DecimalType,
  DOUBLE,
  FLOAT,
  INT,
  LONG,
  MapType,
  NULL,
  SHORT,
  STRING,
  StructField,
  StructType,
  TIMESTAMP,
  TIMESTAMP_NTZ,
} from '../../src/types/data-types.js';
import { Row, row } from '../../src/data/row.js';
import { parseSchema } from '../../src/types/ddl.js';
import { ExecutionException, PySparkTypeError, PySparkValueError } from '../../src/errors/index.js';
import { daysFromCivil } from '../../src/types/timezone.js';

function errorOf(fn: () => unknown): Error & { errorClass?: string; messageParameters?: Record<string, string> } {
  try {
    fn();
  } catch (e) {
    return e as Error & { errorClass?: string };
  }
  throw new Error('expected an error');
}

describe('toInternal: integral types', () => {
  it('accepts integer numbers and bigints', () => {
    expect(toInternal(5, INT)).toBe(5);
    expect(toInternal(5n, INT)).toBe(5);
    expect(toInternal(-128, BYTE)).toBe(-128);
    expect(toInternal(32767, SHORT)).toBe(32767);
    expect(toInternal(-0, INT)).toBe(0);
    expect(Object.is(toInternal(-0, INT), 0)).toBe(true);
  });
  it('long keeps numbers when safe and bigints otherwise', () => {
    expect(toInternal(2 ** 53 - 1, LONG)).toBe(2 ** 53 - 1);
    expect(toInternal(2n ** 53n, LONG)).toBe(2n ** 53n);
    expect(toInternal(12n, LONG)).toBe(12);
    expect(toInternal(2 ** 60, LONG)).toBe(2n ** 60n);
    expect(toInternal(-(2n ** 63n), LONG)).toBe(-(2n ** 63n));
  });
  it('range checks with PySpark 3.5 VALUE_OUT_OF_BOUND', () => {
    const e = errorOf(() => toInternal(128, BYTE, 'field b'));
    expect(PySparkValueError.isPySparkValueError(e)).toBe(true);
    expect(e.message).toBe('[VALUE_OUT_OF_BOUND] Value for `obj` must be greater than 127 or less than -128, got 128');
    expect(errorOf(() => toInternal(2500000000, INT)).message).toBe(
      '[VALUE_OUT_OF_BOUND] Value for `obj` must be greater than 2147483647 or less than -2147483648, got 2500000000',
    );
    expect(errorOf(() => toInternal(-32769, SHORT)).errorClass).toBe('VALUE_OUT_OF_BOUND');
    expect(errorOf(() => toInternal(2n ** 63n, LONG)).errorClass).toBe('VALUE_OUT_OF_BOUND');
    expect(errorOf(() => toInternal(1e19, LONG)).errorClass).toBe('VALUE_OUT_OF_BOUND');
  });
  it('rejects non-integers with FIELD_DATA_TYPE_UNACCEPTABLE', () => {
    const e = errorOf(() => toInternal('a', INT, 'field id'));
    expect(PySparkTypeError.isPySparkTypeError(e)).toBe(true);
    expect(e.errorClass).toBe('FIELD_DATA_TYPE_UNACCEPTABLE_WITH_NAME');
    expect(e.message).toBe("[FIELD_DATA_TYPE_UNACCEPTABLE_WITH_NAME] field id: IntegerType() can not accept object 'a' in type <class 'string'>.");
    expect(errorOf(() => toInternal(1.5, LONG)).message).toBe('[FIELD_DATA_TYPE_UNACCEPTABLE] LongType() can not accept object 1.5 in type <class \'number\'>.');
    expect(errorOf(() => toInternal(true, INT)).errorClass).toBe('FIELD_DATA_TYPE_UNACCEPTABLE');
  });
});

describe('toInternal: other atomic types', () => {
  it('float, double, boolean, string, binary', () => {
    expect(toInternal(0.1, FLOAT)).toBe(Math.fround(0.1));
    expect(toInternal(1, DOUBLE)).toBe(1);
    expect(toInternal(NaN, DOUBLE)).toBeNaN();
    expect(() => toInternal(1n, DOUBLE)).toThrow(/DoubleType\(\) can not accept object 1n in type <class 'bigint'>/);
    expect(toInternal(true, BOOLEAN)).toBe(true);
    expect(() => toInternal(1, BOOLEAN)).toThrow(/BooleanType\(\) can not accept object 1/);
    expect(toInternal('x', STRING)).toBe('x');
    expect(toInternal(1.5, STRING)).toBe('1.5');
    expect(toInternal(true, STRING)).toBe('true');
    expect(toInternal([1, 'a'], STRING)).toBe('[1, a]');
    const bytes = new Uint8Array([1, 2]);
    const b = toInternal(bytes, BINARY) as Uint8Array;
    expect(b).toEqual(new Uint8Array([1, 2]));
    expect(b).not.toBe(bytes);
    expect(toInternal(Buffer.from([3]), BINARY)).toEqual(new Uint8Array([3]));
    expect(() => toInternal('ab', BINARY)).toThrow(/BinaryType\(\) can not accept object 'ab' in type <class 'string'>/);
    expect(toInternal(null, NULL)).toBe(null);
  });
  it('decimals are exact and rounded HALF_UP', () => {
    const t = new DecimalType(10, 2);
    expect(toInternal('12.5', t)).toBe(1250n);
    expect(toInternal(12.345, t)).toBe(1235n);
    expect(toInternal(-12.345, t)).toBe(-1235n);
    expect(toInternal('-0.005', t)).toBe(-1n);
    expect(toInternal(7n, t)).toBe(700n);
    expect(toInternal('1e2', t)).toBe(10000n);
    expect(toInternal(1e-7, t)).toBe(0n);
    expect(toInternal('0.1234567890123456789', new DecimalType(38, 18))).toBe(123456789012345679n);
    expect(() => toInternal('abc', t)).toThrow(/DecimalType\(10,2\) can not accept object 'abc'/);
    expect(() => toInternal(Infinity, t)).toThrow(/FIELD_DATA_TYPE_UNACCEPTABLE/);
    const e = errorOf(() => toInternal('123456789.1', t));
    expect(ExecutionException.isExecutionException(e)).toBe(true);
    expect(e.message).toBe('[DECIMAL_PRECISION_EXCEEDS_MAX_PRECISION] Decimal precision 11 exceeds max precision 10.');
    expect(toInternal('99999999.994', t)).toBe(9999999999n);
    expect(() => toInternal('99999999.995', t)).toThrow(/DECIMAL_PRECISION_EXCEEDS_MAX_PRECISION/);
  });
  it('parseDecimal and rescaleHalfUp', () => {
    expect(parseDecimal('-1.50')).toEqual({ unscaled: -150n, scale: 2 });
    expect(parseDecimal('.5')).toEqual({ unscaled: 5n, scale: 1 });
    expect(parseDecimal('1.5E-3')).toEqual({ unscaled: 15n, scale: 4 });
    expect(parseDecimal('.')).toBeUndefined();
    expect(parseDecimal('1,5')).toBeUndefined();
    expect(rescaleHalfUp(125n, 2, 1)).toBe(13n);
    expect(rescaleHalfUp(-125n, 2, 1)).toBe(-13n);
    expect(rescaleHalfUp(124n, 2, 1)).toBe(12n);
  });
  it('dates from Date (UTC day) or YYYY-MM-DD', () => {
    expect(toInternal('2024-01-15', DATE)).toBe(daysFromCivil(2024, 1, 15));
    expect(toInternal('1969-12-31', DATE)).toBe(-1);
    expect(toInternal(new Date(Date.UTC(2024, 0, 15, 23, 59)), DATE)).toBe(daysFromCivil(2024, 1, 15));
    expect(() => toInternal('2024-02-30', DATE)).toThrow(/DateType\(\) can not accept object '2024-02-30'/);
    expect(() => toInternal(5, DATE)).toThrow(/FIELD_DATA_TYPE_UNACCEPTABLE/);
  });
  it('timestamps from Date, ms numbers and ISO text', () => {
    const ms = Date.UTC(2024, 0, 15, 10, 30);
    expect(toInternal(new Date(ms), TIMESTAMP)).toBe(ms * 1000);
    expect(toInternal(ms, TIMESTAMP)).toBe(ms * 1000);
    expect(toInternal(1.5, TIMESTAMP)).toBe(1500);
    expect(toInternal('2024-01-15T10:30:00Z', TIMESTAMP)).toBe(ms * 1000);
    expect(toInternal('2024-01-15 10:30:00', TIMESTAMP)).toBe(ms * 1000);
    expect(toInternal('2024-01-15 10:30:00.123456', TIMESTAMP)).toBe(ms * 1000 + 123456);
    expect(toInternal('2024-01-15T12:30+02:00', TIMESTAMP)).toBe(ms * 1000);
    expect(toInternal('2024-01-15 02:30:00', TIMESTAMP, undefined, { timeZone: 'America/Los_Angeles' })).toBe(ms * 1000);
    expect(toInternal('2024-01-15 10:30:00', TIMESTAMP_NTZ, undefined, { timeZone: 'America/Los_Angeles' })).toBe(ms * 1000);
    expect(toInternal('2024-01-15T10:30:00+05:00', TIMESTAMP_NTZ)).toBe(ms * 1000);
    expect(() => toInternal('yesterday', TIMESTAMP)).toThrow(/TimestampType\(\) can not accept object 'yesterday'/);
  });
  it('parseTimestampText resolves DST gaps and overlaps like java.time', () => {
    // 2024-03-10 02:30 does not exist in Los Angeles: moved to 03:30 PDT (10:30Z)
    expect(parseTimestampText('2024-03-10 02:30:00', 'America/Los_Angeles')).toBe(Date.UTC(2024, 2, 10, 10, 30) * 1000);
    // 2024-11-03 01:30 happens twice: the earlier offset (PDT) wins (08:30Z)
    expect(parseTimestampText('2024-11-03 01:30:00', 'America/Los_Angeles')).toBe(Date.UTC(2024, 10, 3, 8, 30) * 1000);
    expect(parseTimestampText('2024-01-15', 'UTC')).toBe(Date.UTC(2024, 0, 15) * 1000);
  });
});

describe('toInternal: nested types', () => {
  it('arrays check containsNull and name elements like PySpark', () => {
    expect(toInternal([1, null], new ArrayType(INT))).toEqual([1, null]);
    const e = errorOf(() => toInternal([1, null], new ArrayType(INT, false), 'field tags'));
    expect(e.message).toBe('[FIELD_NOT_NULLABLE_WITH_NAME] element in array field tags: This field is not nullable, but got None.');
    expect(errorOf(() => toInternal([1, 'x'], new ArrayType(INT))).message).toBe(
      "[FIELD_DATA_TYPE_UNACCEPTABLE_WITH_NAME] element in array None: IntegerType() can not accept object 'x' in type <class 'string'>.",
    );
    expect(toInternal(new Int32Array([1, 2]), new ArrayType(INT))).toEqual([1, 2]);
  });
  it('maps from Map or plain objects; keys are not nullable', () => {
    const m = toInternal({ a: 1, b: null }, new MapType(STRING, INT)) as Map<string, unknown>;
    expect([...m]).toEqual([['a', 1], ['b', null]]);
    const im = toInternal({ 1: 'x' }, new MapType(INT, STRING)) as Map<unknown, unknown>;
    expect([...im]).toEqual([[1, 'x']]);
    expect([...(toInternal(new Map([[2, 'y']]), new MapType(LONG, STRING)) as Map<unknown, unknown>)]).toEqual([[2, 'y']]);
    expect(errorOf(() => toInternal(new Map([[null, 1]]), new MapType(STRING, INT), 'field m')).message).toBe(
      '[FIELD_NOT_NULLABLE_WITH_NAME] key of map field m: This field is not nullable, but got None.',
    );
    expect(errorOf(() => toInternal({ a: null }, new MapType(STRING, INT, false), 'field m')).message).toMatch(/value of map field m: This field/);
    expect(() => toInternal([1], new MapType(STRING, INT))).toThrow(/MapType\(StringType\(\), IntegerType\(\), True\) can not accept object \[1\] in type <class 'Array'>/);
  });
  it('structs from objects (by name), arrays (by position) and Rows (by name)', () => {
    const st = parseSchema('a INT, b STRING');
    expect(toInternal({ b: 'x', a: 1 }, st)).toEqual([1, 'x']);
    expect(toInternal({ a: 1 }, st)).toEqual([1, null]);
    expect(toInternal([1, 'x'], st)).toEqual([1, 'x']);
    expect(toInternal(row({ b: 'x', a: 1 }), st)).toEqual([1, 'x']);
    expect(toInternal(new Row([1, 'x']), st)).toEqual([1, 'x']);
    expect(errorOf(() => toInternal([1], st)).message).toBe('[LENGTH_SHOULD_BE_THE_SAME] obj and fields should be of the same length, got 1 and 2.');
    const nested = new StructType([new StructField('a', new StructType([new StructField('b', INT)]))]);
    const e = errorOf(() => toInternal([['data']], nested));
    expect(e.errorClass).toBe('FIELD_DATA_TYPE_UNACCEPTABLE_WITH_NAME');
    expect(e.messageParameters).toEqual({ field_name: 'field b in field a', data_type: 'IntegerType()', obj: "'data'", obj_type: "<class 'string'>" });
    expect(errorOf(() => toInternal(5, st)).message).toBe(
      "[FIELD_DATA_TYPE_UNACCEPTABLE] StructType([StructField('a', IntegerType(), True), StructField('b', StringType(), True)]) can not accept object 5 in type <class 'number'>.",
    );
  });
});

describe('toExternal', () => {
  it('maps internal values to collect() values', () => {
    expect(toExternal(1, INT)).toBe(1);
    expect(toExternal(2n ** 60n, LONG)).toBe(2n ** 60n);
    expect(toExternal(5n, LONG)).toBe(5);
    expect(toExternal(7, LONG)).toBe(7);
    expect(toExternal(1250n, new DecimalType(4, 2))).toBe('12.50');
    expect(toExternal(-5n, new DecimalType(4, 3))).toBe('-0.005');
    expect(toExternal(daysFromCivil(2024, 1, 15), DATE)).toEqual(new Date(Date.UTC(2024, 0, 15)));
    expect(toExternal(Date.UTC(2024, 0, 15) * 1000 + 1999, TIMESTAMP)).toEqual(new Date(Date.UTC(2024, 0, 15) + 1));
    expect(toExternal(-1, TIMESTAMP_NTZ)).toEqual(new Date(-1));
    expect(toExternal(new Uint8Array([1]), BINARY)).toEqual(new Uint8Array([1]));
    expect(toExternal(null, INT)).toBe(null);
    expect(toExternal(Math.fround(0.1), FLOAT)).toBe(Math.fround(0.1));
  });
  it('nested values become arrays, Maps and Rows', () => {
    const t = new StructType([
      new StructField('xs', new ArrayType(new DecimalType(3, 1))),
      new StructField('m', new MapType(STRING, new StructType([new StructField('d', DATE)]))),
    ]);
    const ext = toExternal([[15n, null], new Map([['k', [0]]])], t) as Row;
    expect(Row.isRow(ext)).toBe(true);
    expect(ext.xs).toEqual(['1.5', null]);
    const inner = (ext.m as Map<string, Row>).get('k')!;
    expect(inner).toEqual({ d: new Date(0) });
  });
});

describe('rowsToBatch / batchToRows', () => {
  it('round-trips rows of every shape', () => {
    const schema = parseSchema('id BIGINT, name STRING NOT NULL, tags ARRAY<STRING>, price DECIMAL(6,2)');
    const batch = rowsToBatch([{ id: 1, name: 'a', tags: ['x'], price: '9.5' }, [2, 'b', null, 3], row({ price: null, tags: [], name: 'c', id: 3n })], schema);
    expect(batch.numRows).toBe(3);
    expect(batch.columns[0]).toEqual([1, 2, 3]);
    expect(batch.columns[3]).toEqual([950n, 300n, null]);
    const rows = batchToRows(batch);
    expect(rows).toEqual([
      { id: 1, name: 'a', tags: ['x'], price: '9.50' },
      { id: 2, name: 'b', tags: null, price: '3.00' },
      { id: 3, name: 'c', tags: [], price: null },
    ]);
    expect(rows[0]!.fields).toEqual(['id', 'name', 'tags', 'price']);
  });
  it('verifies nullability and names fields', () => {
    const schema = parseSchema('id INT, name STRING NOT NULL');
    expect(errorOf(() => rowsToBatch([{ id: 1 }], schema)).message).toBe(
      '[FIELD_NOT_NULLABLE_WITH_NAME] field name: This field is not nullable, but got None.',
    );
    expect(errorOf(() => rowsToBatch([{ id: 'x', name: 'a' }], schema)).message).toBe(
      "[FIELD_DATA_TYPE_UNACCEPTABLE_WITH_NAME] field id: IntegerType() can not accept object 'x' in type <class 'string'>.",
    );
    expect(() => rowsToBatch([null], schema)).toThrow(/FIELD_DATA_TYPE_UNACCEPTABLE/);
  });
  it('empty input gives an empty batch', () => {
    const b = rowsToBatch([], parseSchema('a INT'));
    expect(b.numRows).toBe(0);
    expect(batchToRows(b)).toEqual([]);
  });
});
