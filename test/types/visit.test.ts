import { describe, expect, it } from 'vitest';
import {
  ArrayType,
  CalendarIntervalType,
  DayTimeIntervalType,
  DecimalType,
  MapType,
  StructField,
  StructType,
  YearMonthIntervalType,
  BINARY,
  BOOLEAN,
  BYTE,
  DATE,
  DOUBLE,
  FLOAT,
  INT,
  LONG,
  NULL,
  SHORT,
  STRING,
  TIMESTAMP,
  TIMESTAMP_NTZ,
} from '../../src/types/data-types.js';
import { typeKey, visitType } from '../../src/types/visit.js';

describe('visitType', () => {
  const all = [
    [NULL, 'null'],
    [STRING, 'string'],
    [BINARY, 'binary'],
    [BOOLEAN, 'boolean'],
    [BYTE, 'byte'],
    [SHORT, 'short'],
    [INT, 'integer'],
    [LONG, 'long'],
    [FLOAT, 'float'],
    [DOUBLE, 'double'],
    [new DecimalType(12, 3), 'decimal'],
    [DATE, 'date'],
    [TIMESTAMP, 'timestamp'],
    [TIMESTAMP_NTZ, 'timestamp_ntz'],
    [new YearMonthIntervalType(0, 1), 'year_month_interval'],
    [new DayTimeIntervalType(0, 3), 'day_time_interval'],
    [new CalendarIntervalType(), 'calendar_interval'],
    [new ArrayType(INT), 'array'],
    [new MapType(STRING, INT), 'map'],
    [new StructType([new StructField('a', INT)]), 'struct'],
  ] as const;

  it('names every concrete type', () => {
    for (const [t, key] of all) expect(typeKey(t)).toBe(key);
  });

  it('calls the case of the type, else default', () => {
    const v = { decimal: (d: DecimalType) => `dec ${d.precision}`, array: () => 'arr', default: () => 'other' };
    expect(visitType(new DecimalType(12, 3), v)).toBe('dec 12');
    expect(visitType(new ArrayType(INT), v)).toBe('arr');
    expect(visitType(new MapType(STRING, INT), v)).toBe('other');
    expect(visitType(TIMESTAMP_NTZ, v)).toBe('other');
  });
});
