import { describe, expect, it } from 'vitest';
import {
  BINARY,
  BOOLEAN,
  BYTE,
  DATE,
  DecimalType,
  DOUBLE,
  FLOAT,
  INT,
  LONG,
  SHORT,
  STRING,
  TIMESTAMP,
  TIMESTAMP_NTZ,
  ArrayType,
} from '../../../src/types/data-types.js';
import { cast, evalOne, lit } from '../../helpers/resolved.js';

const c = (v: unknown, from: import('../../../src/types/data-types.js').DataType, to: import('../../../src/types/data-types.js').DataType, tz = 'UTC') =>
  evalOne(cast(lit(v, from), to), { timeZone: tz });

const day = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / 86400000;
const ts = (iso: string) => Date.parse(iso) * 1000;

describe('cast string to numbers', () => {
  it('parses trimmed integers and truncates decimals', () => {
    expect(c(' 42 ', STRING, INT)).toBe(42);
    expect(c('1.9', STRING, INT)).toBe(1);
    expect(c('-1.9', STRING, INT)).toBe(-1);
    expect(c('+7', STRING, INT)).toBe(7);
    expect(c('1e3', STRING, INT)).toBeNull();
    expect(c('abc', STRING, INT)).toBeNull();
    expect(c('', STRING, INT)).toBeNull();
    expect(c('2147483648', STRING, INT)).toBeNull();
    expect(c('128', STRING, BYTE)).toBeNull();
    expect(c('9223372036854775807', STRING, LONG)).toBe(9223372036854775807n);
    expect(c('9223372036854775808', STRING, LONG)).toBeNull();
  });

  it('parses doubles with Java syntax and special literals', () => {
    expect(c('1.5e2', STRING, DOUBLE)).toBe(150);
    expect(c(' 2.5d ', STRING, DOUBLE)).toBe(2.5);
    expect(c('NaN', STRING, DOUBLE)).toBeNaN();
    expect(c('-Infinity', STRING, DOUBLE)).toBe(-Infinity);
    expect(c('inf', STRING, DOUBLE)).toBe(Infinity);
    expect(c('1,5', STRING, DOUBLE)).toBeNull();
    expect(c('0.1', STRING, FLOAT)).toBe(Math.fround(0.1));
  });

  it('parses decimals with HALF_UP rounding and overflow to null', () => {
    expect(c('12.345', STRING, new DecimalType(5, 2))).toBe(1235n);
    expect(c('-12.345', STRING, new DecimalType(5, 2))).toBe(-1235n);
    expect(c('1e2', STRING, new DecimalType(5, 0))).toBe(100n);
    expect(c('123456', STRING, new DecimalType(5, 0))).toBeNull();
  });
});

describe('numeric casts', () => {
  it('double to int truncates toward zero and saturates', () => {
    expect(c(1.9, DOUBLE, INT)).toBe(1);
    expect(c(-1.9, DOUBLE, INT)).toBe(-1);
    expect(c(1e10, DOUBLE, INT)).toBe(2147483647);
    expect(c(NaN, DOUBLE, INT)).toBe(0);
    expect(c(1e20, DOUBLE, LONG)).toBe(9223372036854775807n);
    expect(c(300.5, DOUBLE, BYTE)).toBe(44);
  });

  it('long to int wraps', () => {
    expect(c(2147483648, LONG, INT)).toBe(-2147483648);
    expect(c(65537, INT, SHORT)).toBe(1);
  });

  it('decimal conversions', () => {
    expect(c(1250n, new DecimalType(4, 2), INT)).toBe(12);
    expect(c(-1299n, new DecimalType(4, 2), INT)).toBe(-12);
    expect(c(1250n, new DecimalType(4, 2), DOUBLE)).toBe(12.5);
    expect(c(1255n, new DecimalType(4, 2), new DecimalType(3, 1))).toBe(126n);
    expect(c(0.1, DOUBLE, new DecimalType(10, 5))).toBe(10000n);
    expect(c(1000, INT, new DecimalType(3, 0))).toBeNull();
  });

  it('booleans', () => {
    expect(c(0, INT, BOOLEAN)).toBe(false);
    expect(c(-2, INT, BOOLEAN)).toBe(true);
    expect(c(NaN, DOUBLE, BOOLEAN)).toBe(true);
    expect(c(' YES ', STRING, BOOLEAN)).toBe(true);
    expect(c('f', STRING, BOOLEAN)).toBe(false);
    expect(c('maybe', STRING, BOOLEAN)).toBeNull();
    expect(c(true, BOOLEAN, INT)).toBe(1);
  });
});

describe('dates and timestamps', () => {
  it('string to date accepts partial dates and trailing time', () => {
    expect(c('2024-03-05', STRING, DATE)).toBe(day(2024, 3, 5));
    expect(c('2024-3-5', STRING, DATE)).toBe(day(2024, 3, 5));
    expect(c('2024', STRING, DATE)).toBe(day(2024, 1, 1));
    expect(c('2024-03', STRING, DATE)).toBe(day(2024, 3, 1));
    expect(c('2024-03-05 10:11:12', STRING, DATE)).toBe(day(2024, 3, 5));
    expect(c('2024-03-05T10:11', STRING, DATE)).toBe(day(2024, 3, 5));
    expect(c('2024-02-30', STRING, DATE)).toBeNull();
    expect(c('24-03-05', STRING, DATE)).toBeNull();
    expect(c('2024-03 x', STRING, DATE)).toBeNull();
  });

  it('string to timestamp in the session zone or the written zone', () => {
    expect(c('2024-03-05 10:11:12', STRING, TIMESTAMP)).toBe(ts('2024-03-05T10:11:12Z'));
    expect(c('2024-03-05T10:11:12.123456', STRING, TIMESTAMP)).toBe(ts('2024-03-05T10:11:12Z') + 123456);
    expect(c('2024-03-05 10:11:12', STRING, TIMESTAMP, 'America/New_York')).toBe(ts('2024-03-05T15:11:12Z'));
    expect(c('2024-03-05 10:11:12+08:00', STRING, TIMESTAMP)).toBe(ts('2024-03-05T02:11:12Z'));
    expect(c('2024-03-05 10:11:12Z', STRING, TIMESTAMP, 'Asia/Tokyo')).toBe(ts('2024-03-05T10:11:12Z'));
    expect(c('2024-03-05 10:11:12 America/Los_Angeles', STRING, TIMESTAMP)).toBe(ts('2024-03-05T18:11:12Z'));
    expect(c('2024-03-05', STRING, TIMESTAMP)).toBe(ts('2024-03-05T00:00:00Z'));
    expect(c('2024-03-05 25:00:00', STRING, TIMESTAMP)).toBeNull();
    expect(c('not a time', STRING, TIMESTAMP)).toBeNull();
  });

  it('resolves DST gaps forward and overlaps to the earlier offset', () => {
    // 2024-03-10 02:30 does not exist in New York: Java moves it to 03:30 EDT.
    expect(c('2024-03-10 02:30:00', STRING, TIMESTAMP, 'America/New_York')).toBe(ts('2024-03-10T07:30:00Z'));
    // 2024-11-03 01:30 happens twice: the earlier (EDT) wins.
    expect(c('2024-11-03 01:30:00', STRING, TIMESTAMP, 'America/New_York')).toBe(ts('2024-11-03T05:30:00Z'));
  });

  it('timestamp <-> date and numbers', () => {
    expect(c(ts('2024-03-05T23:30:00Z'), TIMESTAMP, DATE, 'Asia/Tokyo')).toBe(day(2024, 3, 6));
    expect(c(day(2024, 3, 5), DATE, TIMESTAMP, 'Asia/Tokyo')).toBe(ts('2024-03-04T15:00:00Z'));
    expect(c(ts('1969-12-31T23:59:59.5Z'), TIMESTAMP, LONG)).toBe(-1);
    expect(c(1.5, DOUBLE, TIMESTAMP)).toBe(1_500_000);
    expect(c(86400, INT, TIMESTAMP)).toBe(86_400_000_000);
    expect(c(day(2024, 3, 5), DATE, INT)).toBeNull();
    expect(c(ts('2024-03-05T10:00:00Z'), TIMESTAMP, TIMESTAMP_NTZ, 'Asia/Tokyo')).toBe(ts('2024-03-05T19:00:00Z'));
  });

  it('to string uses the session zone', () => {
    expect(c(ts('2024-03-05T10:11:12Z'), TIMESTAMP, STRING, 'Asia/Tokyo')).toBe('2024-03-05 19:11:12');
    expect(c(day(2024, 3, 5), DATE, STRING)).toBe('2024-03-05');
    expect(c(1.0, DOUBLE, STRING)).toBe('1.0');
  });
});

describe('nested and binary casts', () => {
  it('casts arrays element-wise', () => {
    expect(c(['1', 'x', null], new ArrayType(STRING), new ArrayType(INT))).toEqual([1, null, null]);
  });
  it('string to binary is UTF-8', () => {
    expect(c('é', STRING, BINARY)).toEqual(new Uint8Array([0xc3, 0xa9]));
  });
});
