import { describe, expect, it } from 'vitest';
import {
  castToString,
  prettyString,
  javaDoubleToString,
  javaFloatToString,
  javaBigDecimalToString,
  decimalToPlainString,
  formatDate,
  formatTimestamp,
  binaryToHex,
} from '../../src/format/value-string.js';
import {
  ArrayType,
  BINARY,
  BOOLEAN,
  DATE,
  DecimalType,
  DOUBLE,
  FLOAT,
  INT,
  LONG,
  MapType,
  NULL,
  STRING,
  StructField,
  StructType,
  TIMESTAMP,
  TIMESTAMP_NTZ,
} from '../../src/types/data-types.js';
import { daysFromCivil } from '../../src/types/timezone.js';

const micros = (iso: string): number => Date.parse(iso) * 1000;

describe('javaDoubleToString', () => {
  it.each([
    [1, '1.0'],
    [0.1, '0.1'],
    [-2.5, '-2.5'],
    [100, '100.0'],
    [1234567.0, '1234567.0'],
    [9999999.0, '9999999.0'],
    [1e7, '1.0E7'],
    [1e10, '1.0E10'],
    [12345678.9, '1.23456789E7'],
    [0.001, '0.001'],
    [0.00123, '0.00123'],
    [1e-4, '1.0E-4'],
    [1e-5, '1.0E-5'],
    [1.5e-7, '1.5E-7'],
    [1e21, '1.0E21'],
    [1.7976931348623157e308, '1.7976931348623157E308'],
    [Number.MIN_VALUE, '4.9E-324'],
    [-Number.MIN_VALUE, '-4.9E-324'],
    [2e-323, '2.0E-323'],
    // JDK 17 (Spark 3.5's JVM) is not always shortest: recorded in functions/double-digits.json.
    [1e23, '9.999999999999999E22'],
    [2e23, '1.9999999999999998E23'],
    [7.36e23, '7.360000000000001E23'],
    [1.5 ** 100, '4.0656117753521523E17'],
    [100136218227850530, '1.00136218227850528E17'],
    [6681893642537176000, '6.6818936425371761E18'],
    [29771925406106880000, '2.9771925406106878E19'],
    [1e-323, '1.0E-323'],
    [5e-324 * 3, '1.5E-323'],
    [0, '0.0'],
    [-0, '-0.0'],
    [NaN, 'NaN'],
    [Infinity, 'Infinity'],
    [-Infinity, '-Infinity'],
    [0.30000000000000004, '0.30000000000000004'],
    [123.456, '123.456'],
  ])('%s -> %s', (x, s) => {
    expect(javaDoubleToString(x)).toBe(s);
  });
});

describe('javaFloatToString', () => {
  it.each([
    [Math.fround(0.1), '0.1'],
    [Math.fround(1.1), '1.1'],
    [Math.fround(3.14159), '3.14159'],
    [1, '1.0'],
    [Math.fround(1e10), '1.0E10'],
    [Math.fround(1e-5), '1.0E-5'],
    [Math.fround(16777216), '1.6777216E7'],
    [Math.fround(0.3), '0.3'],
    [NaN, 'NaN'],
    [-Infinity, '-Infinity'],
    [1.401298464324817e-45, '1.4E-45'],
    [Math.fround(3.4028235e38), '3.4028235E38'],
    [Math.fround(100), '100.0'],
    // Recorded in functions/double-digits.json: integer floats print their rounded integer digits.
    [Math.fround(1099511627776), '1.09951163E12'],
    [Math.fround(123456789), '1.23456792E8'],
    [Math.fround(1202377.25), '1202377.2'],
  ])('%s -> %s', (x, s) => {
    expect(javaFloatToString(x)).toBe(s);
  });
});

describe('decimals', () => {
  it('plain strings keep the scale', () => {
    expect(decimalToPlainString(1250n, 2)).toBe('12.50');
    expect(decimalToPlainString(-5n, 3)).toBe('-0.005');
    expect(decimalToPlainString(0n, 2)).toBe('0.00');
    expect(decimalToPlainString(42n, 0)).toBe('42');
  });
  it('BigDecimal.toString switches to scientific notation for tiny values', () => {
    expect(javaBigDecimalToString(1250n, 2)).toBe('12.50');
    expect(javaBigDecimalToString(0n, 10)).toBe('0E-10');
    expect(javaBigDecimalToString(1n, 8)).toBe('1E-8');
    expect(javaBigDecimalToString(123n, 10)).toBe('1.23E-8');
    expect(javaBigDecimalToString(1n, 6)).toBe('0.000001');
    expect(javaBigDecimalToString(-1n, 7)).toBe('-1E-7');
  });
  it('cast uses toString, show uses plain', () => {
    const t = new DecimalType(20, 10);
    expect(castToString(0n, t)).toBe('0E-10');
    expect(prettyString(0n, t)).toBe('0.0000000000');
  });
});

describe('dates and timestamps', () => {
  it('formats dates', () => {
    expect(formatDate(0)).toBe('1970-01-01');
    expect(formatDate(daysFromCivil(2024, 1, 15))).toBe('2024-01-15');
    expect(formatDate(daysFromCivil(1, 1, 1))).toBe('0001-01-01');
    expect(formatDate(daysFromCivil(10000, 1, 1))).toBe('+10000-01-01');
    expect(formatDate(-1)).toBe('1969-12-31');
  });
  it('formats timestamps in UTC with trimmed fractions', () => {
    expect(formatTimestamp(micros('2024-01-15T10:30:00Z'))).toBe('2024-01-15 10:30:00');
    expect(formatTimestamp(micros('2024-01-15T10:30:00.5Z'))).toBe('2024-01-15 10:30:00.5');
    expect(formatTimestamp(micros('2024-01-15T10:30:00Z') + 123)).toBe('2024-01-15 10:30:00.000123');
    expect(formatTimestamp(micros('2024-01-15T10:30:00Z') + 120_000)).toBe('2024-01-15 10:30:00.12');
    expect(formatTimestamp(-1)).toBe('1969-12-31 23:59:59.999999');
  });
  it('renders timestamps in the session time zone', () => {
    const t = micros('2024-01-15T10:30:00Z');
    expect(formatTimestamp(t, 'America/Los_Angeles')).toBe('2024-01-15 02:30:00');
    expect(formatTimestamp(micros('2024-07-15T10:30:00Z'), 'America/Los_Angeles')).toBe('2024-07-15 03:30:00');
    expect(formatTimestamp(t, 'Asia/Kolkata')).toBe('2024-01-15 16:00:00');
    expect(formatTimestamp(t, '+08:00')).toBe('2024-01-15 18:30:00');
    expect(formatTimestamp(t, 'GMT-5')).toBe('2024-01-15 05:30:00');
    expect(castToString(t, TIMESTAMP, 'Europe/Paris')).toBe('2024-01-15 11:30:00');
  });
  it('TimestampNTZ ignores the session time zone', () => {
    expect(castToString(micros('2024-01-15T10:30:00Z'), TIMESTAMP_NTZ, 'Asia/Tokyo')).toBe('2024-01-15 10:30:00');
  });
});

describe('castToString', () => {
  it('atomic values', () => {
    expect(castToString(1, INT)).toBe('1');
    expect(castToString(9007199254740993n, LONG)).toBe('9007199254740993');
    expect(castToString(1, DOUBLE)).toBe('1.0');
    expect(castToString(Math.fround(0.1), FLOAT)).toBe('0.1');
    expect(castToString(true, BOOLEAN)).toBe('true');
    expect(castToString(false, BOOLEAN)).toBe('false');
    expect(castToString('x', STRING)).toBe('x');
    expect(castToString(daysFromCivil(2024, 1, 15), DATE)).toBe('2024-01-15');
    expect(castToString(new Uint8Array([104, 105]), BINARY)).toBe('hi');
  });
  it('arrays, maps and structs use Spark 3.5 brackets and `null`', () => {
    expect(castToString([1, 2, null], new ArrayType(INT))).toBe('[1, 2, null]');
    expect(castToString([null, 1], new ArrayType(INT))).toBe('[null, 1]');
    expect(castToString([], new ArrayType(INT))).toBe('[]');
    expect(castToString(new Map<string, number | null>([['a', 1], ['b', null]]), new MapType(STRING, INT))).toBe('{a -> 1, b -> null}');
    const st = new StructType([new StructField('x', INT), new StructField('y', STRING)]);
    expect(castToString([1, 'a'], st)).toBe('{1, a}');
    expect(castToString([null, 'a'], st)).toBe('{null, a}');
    expect(castToString([[1.5, 2]], new ArrayType(new ArrayType(DOUBLE)))).toBe('[[1.5, 2.0]]');
    expect(castToString(null, NULL)).toBe('null');
  });
});

describe('prettyString (show cells)', () => {
  it('uses NULL and hex binary', () => {
    expect(prettyString(null, INT)).toBe('NULL');
    expect(prettyString([1, null], new ArrayType(INT))).toBe('[1, NULL]');
    expect(prettyString(new Map([['a', null]]), new MapType(STRING, INT))).toBe('{a -> NULL}');
    const st = new StructType([new StructField('x', INT), new StructField('b', BINARY)]);
    expect(prettyString([null, new Uint8Array([1, 2, 10])], st)).toBe('{NULL, [01 02 0A]}');
    expect(prettyString(new Uint8Array([255, 0]), BINARY)).toBe('[FF 00]');
    expect(binaryToHex(new Uint8Array([]))).toBe('[]');
  });
});
