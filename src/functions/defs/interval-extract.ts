/**
 * extract/date_part of an interval: which fields an interval type offers and
 * their result types (Spark's ExtractIntervalPart). An ANSI interval offers
 * only the fields between its start and end field.
 */
import {
  BYTE,
  CalendarIntervalType,
  DayTimeIntervalType,
  DecimalType,
  INT,
  YearMonthIntervalType,
  type DataType,
} from '../../types/data-types.js';
export { isIntervalType } from '../../types/intervals.js';

const SECOND_TYPE = new DecimalType(8, 6);
const TYPES: Record<string, DataType> = { YEAR: INT, MONTH: BYTE, DAY: INT, HOUR: BYTE, MINUTE: BYTE, SECOND: SECOND_TYPE };

/** The result type of extracting canonical `field` from interval type `t`, or undefined when Spark refuses it. */
export function extractFromInterval(field: string, t: DataType): DataType | undefined {
  if (t instanceof YearMonthIntervalType) {
    const i = ['YEAR', 'MONTH'].indexOf(field);
    return i >= t.startField && i <= t.endField ? TYPES[field] : undefined;
  }
  if (t instanceof DayTimeIntervalType) {
    const i = ['DAY', 'HOUR', 'MINUTE', 'SECOND'].indexOf(field);
    return i >= 0 && i >= t.startField && i <= t.endField ? TYPES[field] : undefined;
  }
  if (t instanceof CalendarIntervalType) return TYPES[field];
  return undefined;
}
