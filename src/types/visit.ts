/**
 * One typed dispatch over the concrete DataType classes, so a function that
 * treats each type its own way is a table TypeScript checks: without a
 * `default`, every type must have its case.
 */
import {
  ArrayType,
  BinaryType,
  BooleanType,
  ByteType,
  CalendarIntervalType,
  DataType,
  DateType,
  DayTimeIntervalType,
  DecimalType,
  DoubleType,
  FloatType,
  IntegerType,
  LongType,
  MapType,
  NullType,
  ShortType,
  StringType,
  StructType,
  TimestampNTZType,
  TimestampType,
  YearMonthIntervalType,
} from './data-types.js';

/** One case per concrete type, keyed by Spark Connect's name for the type. */
export interface TypeCases<R> {
  null(t: NullType): R;
  string(t: StringType): R;
  binary(t: BinaryType): R;
  boolean(t: BooleanType): R;
  byte(t: ByteType): R;
  short(t: ShortType): R;
  integer(t: IntegerType): R;
  long(t: LongType): R;
  float(t: FloatType): R;
  double(t: DoubleType): R;
  decimal(t: DecimalType): R;
  date(t: DateType): R;
  timestamp(t: TimestampType): R;
  timestamp_ntz(t: TimestampNTZType): R;
  year_month_interval(t: YearMonthIntervalType): R;
  day_time_interval(t: DayTimeIntervalType): R;
  calendar_interval(t: CalendarIntervalType): R;
  array(t: ArrayType): R;
  map(t: MapType): R;
  struct(t: StructType): R;
}

export type TypeKey = keyof TypeCases<unknown>;

/** Every case, or some cases and a `default` for the rest. */
export type TypeVisitor<R> = TypeCases<R> | (Partial<TypeCases<R>> & { default(t: DataType): R });

const KEYS = new Map<abstract new (...args: never[]) => DataType, TypeKey>([
  [NullType, 'null'],
  [StringType, 'string'],
  [BinaryType, 'binary'],
  [BooleanType, 'boolean'],
  [ByteType, 'byte'],
  [ShortType, 'short'],
  [IntegerType, 'integer'],
  [LongType, 'long'],
  [FloatType, 'float'],
  [DoubleType, 'double'],
  [DecimalType, 'decimal'],
  [DateType, 'date'],
  [TimestampType, 'timestamp'],
  [TimestampNTZType, 'timestamp_ntz'],
  [YearMonthIntervalType, 'year_month_interval'],
  [DayTimeIntervalType, 'day_time_interval'],
  [CalendarIntervalType, 'calendar_interval'],
  [ArrayType, 'array'],
  [MapType, 'map'],
  [StructType, 'struct'],
]);

/** The case name of `t`'s class; undefined for a class outside the list (none exists today). */
export function typeKey(t: DataType): TypeKey | undefined {
  const exact = KEYS.get(t.constructor as abstract new (...args: never[]) => DataType);
  if (exact) return exact;
  for (const [cls, key] of KEYS) if (t instanceof cls) return key;
  return undefined;
}

/** Calls the case for `t`'s type, else `default`. */
export function visitType<R>(t: DataType, visitor: TypeVisitor<R>): R {
  const key = typeKey(t);
  const f = key === undefined ? undefined : (visitor[key] as ((t: DataType) => R) | undefined);
  if (f) return f(t);
  if ('default' in visitor) return visitor.default(t);
  throw new TypeError(`visitType: no case for ${t.simpleString()}`);
}
