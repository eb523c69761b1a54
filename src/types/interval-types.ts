/** Spark's interval types: ANSI year-month and day-time intervals, and the legacy calendar interval. */
import { AtomicType, DataType } from './data-type.js';

/**
 * Spark's ANSI year-month interval: a whole number of months; `startField`/`endField`
 * are YEAR (0) or MONTH (1), as in PySpark (`interval year to month`). See docs/types.md.
 */
export class YearMonthIntervalType extends AtomicType {
  declare private readonly __YearMonthIntervalType: void;
  static readonly YEAR = 0;
  static readonly MONTH = 1;
  static readonly FIELD_NAMES = ['year', 'month'] as const;
  constructor(
    readonly startField: number = 0,
    readonly endField: number = 1,
  ) {
    super();
  }
  typeName(): string {
    return fieldRangeName(YearMonthIntervalType.FIELD_NAMES, this.startField, this.endField);
  }
  override toString(): string {
    return `YearMonthIntervalType(${this.startField}, ${this.endField})`;
  }
}

/**
 * Spark's ANSI day-time interval: microseconds; fields DAY (0), HOUR (1), MINUTE (2),
 * SECOND (3) as in PySpark (`interval day to second`). See docs/types.md.
 */
export class DayTimeIntervalType extends AtomicType {
  declare private readonly __DayTimeIntervalType: void;
  static readonly DAY = 0;
  static readonly HOUR = 1;
  static readonly MINUTE = 2;
  static readonly SECOND = 3;
  static readonly FIELD_NAMES = ['day', 'hour', 'minute', 'second'] as const;
  constructor(
    readonly startField: number = 0,
    readonly endField: number = 3,
  ) {
    super();
  }
  typeName(): string {
    return fieldRangeName(DayTimeIntervalType.FIELD_NAMES, this.startField, this.endField);
  }
  override toString(): string {
    return `DayTimeIntervalType(${this.startField}, ${this.endField})`;
  }
}

/** Spark's legacy calendar interval (months, days, microseconds), from make_interval. */
export class CalendarIntervalType extends DataType {
  declare private readonly __CalendarIntervalType: void;
  typeName(): string {
    return 'interval';
  }
}

/** `interval <start>` or `interval <start> to <end>`, the type name of an ANSI interval's field range. */
function fieldRangeName(names: readonly string[], startField: number, endField: number): string {
  const [s, e] = [names[startField], names[endField]];
  return s === e ? `interval ${s}` : `interval ${s} to ${e}`;
}
