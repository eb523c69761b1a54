/**
 * Interval constructors (make_interval, make_dt_interval, make_ym_interval)
 * and the internal functions Spark's analyzer turns interval arithmetic into
 * (ResolveBinaryArithmetic): datetime ± interval, interval ± interval,
 * interval × / ÷ number, date − date, timestamp − timestamp. Names and types
 * as Spark 3.5.7 reports them.
 */
import {
  CalendarIntervalType,
  DATE,
  DayTimeIntervalType,
  DecimalType,
  INT,
  YearMonthIntervalType,
  type DataType,
} from '../../types/data-types.js';
import { fn } from '../define.js';
import type { FunctionDef } from '../registry.js';

const SECONDS = new DecimalType(18, 6);
const DAY = new DayTimeIntervalType(0, 0);
const DAY_TO_SECOND = new DayTimeIntervalType(0, 3);
const YEAR_TO_MONTH = new YearMonthIntervalType(0, 1);

/** Spark names the constructors with every omitted argument as its default literal. */
const withDefaults = (name: string, defaults: readonly string[]) => (a: readonly string[]): string =>
  `${name}(${[...a, ...defaults.slice(a.length)].join(', ')})`;

/** The type of an internal function's result: the type of argument `i` (after casts). */
const argType = (i: number) => (types: readonly DataType[]): DataType => types[i]!;

/** `l <op> r` (datetime ± interval, as Spark writes them: no parentheses). */
const bare = (op: string) => (a: readonly string[]): string => `${a[0]} ${op} ${a[1]}`;
/** `(l <op> r)` (interval arithmetic). */
const paren = (op: string) => (a: readonly string[]): string => `(${a[0]} ${op} ${a[1]})`;

export const intervalDefs: readonly FunctionDef[] = [
  fn('make_interval', {
    inputs: [INT, INT, INT, INT, INT, INT, SECONDS],
    min: 0,
    returns: new CalendarIntervalType(),
    nullable: true,
    nullIntolerant: true,
    sql: withDefaults('make_interval', ['0', '0', '0', '0', '0', '0', '0.000000']),
  }),
  fn('make_dt_interval', {
    inputs: [INT, INT, INT, SECONDS],
    min: 0,
    returns: DAY_TO_SECOND,
    nullIntolerant: true,
    sql: withDefaults('make_dt_interval', ['0', '0', '0', '0.000000']),
  }),
  fn('make_ym_interval', {
    inputs: [INT, INT],
    min: 0,
    returns: YEAR_TO_MONTH,
    nullIntolerant: true,
    sql: withDefaults('make_ym_interval', ['0', '0']),
  }),
  // --- the analyzer's replacements of operators (arguments arrive with their final types) ---
  fn('extractansiintervaldays', { inputs: ['any'], returns: INT, nullIntolerant: true }),
  fn('date_add_ym_interval', { inputs: [DATE, 'any'], returns: DATE, nullIntolerant: true, sql: bare('+') }),
  fn('timestamp_add_ym_interval', { inputs: ['any', 'any'], returns: argType(0), nullIntolerant: true, sql: bare('+') }),
  /** timestamp + day-time or calendar interval. */
  fn('time_add', { inputs: ['any', 'any'], returns: argType(0), nullIntolerant: true, sql: bare('+') }),
  /** date + calendar interval (a date while the interval has no time part; non-ANSI). */
  fn('date_add_interval', { inputs: [DATE, 'any'], returns: DATE, nullable: true, nullIntolerant: true, sql: bare('+') }),
  fn('subtract_dates', { inputs: [DATE, DATE], returns: DAY, nullIntolerant: true, sql: paren('-') }),
  fn('subtract_timestamps', { inputs: ['any', 'any'], returns: DAY_TO_SECOND, nullIntolerant: true, sql: paren('-') }),
  fn('interval_add', { inputs: ['any', 'any'], returns: argType(0), nullIntolerant: true, sql: paren('+') }),
  fn('interval_subtract', { inputs: ['any', 'any'], returns: argType(0), nullIntolerant: true, sql: paren('-') }),
  fn('interval_negate', { inputs: ['any'], returns: argType(0), nullIntolerant: true, sql: (a) => `(- ${a[0]})` }),
  /** interval × number: the interval kind's full type (`DAY TO SECOND`, `YEAR TO MONTH`); the number keeps its type (its arithmetic and overflow error depend on it). */
  fn('interval_multiply', { inputs: ['any', 'any'], returns: (t) => fullType(t[0]!), nullIntolerant: true, sql: paren('*') }),
  fn('interval_divide', { inputs: ['any', 'any'], returns: (t) => fullType(t[0]!), nullIntolerant: true, sql: paren('/') }),
];

const fullType = (t: DataType): DataType => (t instanceof YearMonthIntervalType ? YEAR_TO_MONTH : t instanceof DayTimeIntervalType ? DAY_TO_SECOND : t);

