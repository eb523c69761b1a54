import { cannotParse, dataTypeFromJson, describeJson, isAtomicJsonName, parseJsonText } from './data-type-json.js';
import { StructField } from './struct-field.js';
import { definePublicName } from '../util/public-name.js';

export { StructField };

/**
 * Spark SQL data types, mirroring `pyspark.sql.types`.
 *
 * Types are immutable value objects compared structurally with `equals`.
 * `typeName()` is Spark's JSON name (`integer`, `long`, ...), `simpleString()`
 * the form used in DDL-like output (`int`, `bigint`, `array<string>`).
 *
 * Internal value representation (what backends hold in a `Batch`):
 * | Spark type              | internal JS value                                   |
 * |-------------------------|-----------------------------------------------------|
 * | Byte/Short/Integer      | number                                              |
 * | Long                    | number, or bigint when outside ±(2^53-1)            |
 * | Float/Double            | number (NaN, ±Infinity allowed)                     |
 * | Decimal(p,s)            | bigint: the unscaled value (12.50 in (4,2) is 1250n) |
 * | String                  | string                                              |
 * | Binary                  | Uint8Array                                          |
 * | Boolean                 | boolean                                             |
 * | Date                    | number: days since 1970-01-01                       |
 * | Timestamp/TimestampNTZ  | number: microseconds since 1970-01-01T00:00:00Z     |
 * | Array                   | JS array of internal values                         |
 * | Map                     | JS Map of internal keys to internal values          |
 * | Struct                  | JS array of internal field values, in field order   |
 * | Null / any null value   | null                                                |
 */
export abstract class DataType {
  static {
    definePublicName(this, 'DataType');
  }

  /** Spark's JSON type name, e.g. `integer`, `decimal(10,2)`, `array`. */
  abstract typeName(): string;

  /** Spark's `simpleString`, e.g. `int`, `bigint`, `array<string>`. */
  simpleString(): string {
    return this.typeName();
  }

  /** Spark's `json()` payload as a plain value (`jsonValue()` in PySpark). */
  jsonValue(): unknown {
    return this.typeName();
  }

  json(): string {
    return JSON.stringify(this.jsonValue());
  }

  /** Spark's `DataType.sql`: the upper-case DDL form, e.g. `INT`, `ARRAY<STRING>`, `STRUCT<a: INT>`. */
  sql(): string {
    return this.simpleString().toUpperCase();
  }

  /**
   * Parses Spark's JSON schema form (the inverse of `jsonValue()`; also accepts a JSON string).
   * Throws `PySparkValueError` `CANNOT_PARSE_DATATYPE` on unknown input.
   */
  static fromJson(json: unknown): DataType {
    return dataTypeFromJson(typeof json === 'string' && !isAtomicJsonName(json) ? parseJsonText(json) : json);
  }

  /** PySpark's `repr`, e.g. `IntegerType()`; used by `printSchema`-adjacent output and errors. */
  toString(): string {
    return `${this.constructor.name}()`;
  }

  /** Structural equality (ignores StructField metadata only when asked by callers). */
  equals(other: DataType): boolean {
    // Types are immutable: the same object is equal without comparing JSON texts.
    if (other === this) return true;
    if (!(other instanceof DataType)) return false;
    // A plain JSON name (every atomic type) compares as itself, without stringifying both.
    const a = this.jsonValue();
    const b = other.jsonValue();
    if (typeof a === 'string' || typeof b === 'string') return a === b;
    return JSON.stringify(a) === JSON.stringify(b);
  }
}

/** Abstract marker classes, as in PySpark, used for type-class checks. */
export abstract class AtomicType extends DataType {
  declare private readonly __AtomicType: void;
}
export abstract class NumericType extends AtomicType {
  declare private readonly __NumericType: void;
}
export abstract class IntegralType extends NumericType {
  declare private readonly __IntegralType: void;
}
export abstract class FractionalType extends NumericType {
  declare private readonly __FractionalType: void;
}

export class NullType extends DataType {
  declare private readonly __NullType: void;
  typeName(): string {
    return 'void';
  }
  override simpleString(): string {
    return 'void';
  }
}

export class StringType extends AtomicType {
  declare private readonly __StringType: void;
  typeName(): string {
    return 'string';
  }
}

export class BinaryType extends AtomicType {
  declare private readonly __BinaryType: void;
  typeName(): string {
    return 'binary';
  }
}

export class BooleanType extends AtomicType {
  declare private readonly __BooleanType: void;
  typeName(): string {
    return 'boolean';
  }
}

export class DateType extends AtomicType {
  declare private readonly __DateType: void;
  typeName(): string {
    return 'date';
  }
}

export class TimestampType extends AtomicType {
  declare private readonly __TimestampType: void;
  typeName(): string {
    return 'timestamp';
  }
}

export class TimestampNTZType extends AtomicType {
  declare private readonly __TimestampNTZType: void;
  typeName(): string {
    return 'timestamp_ntz';
  }
}

export class ByteType extends IntegralType {
  declare private readonly __ByteType: void;
  typeName(): string {
    return 'byte';
  }
  override simpleString(): string {
    return 'tinyint';
  }
}

export class ShortType extends IntegralType {
  declare private readonly __ShortType: void;
  typeName(): string {
    return 'short';
  }
  override simpleString(): string {
    return 'smallint';
  }
}

export class IntegerType extends IntegralType {
  declare private readonly __IntegerType: void;
  typeName(): string {
    return 'integer';
  }
  override simpleString(): string {
    return 'int';
  }
}

export class LongType extends IntegralType {
  declare private readonly __LongType: void;
  typeName(): string {
    return 'long';
  }
  override simpleString(): string {
    return 'bigint';
  }
}

export class FloatType extends FractionalType {
  declare private readonly __FloatType: void;
  typeName(): string {
    return 'float';
  }
}

export class DoubleType extends FractionalType {
  declare private readonly __DoubleType: void;
  typeName(): string {
    return 'double';
  }
}

export class DecimalType extends FractionalType {
  static {
    definePublicName(this, 'DecimalType');
  }

  declare private readonly __DecimalType: void;
  static readonly MAX_PRECISION = 38;
  static readonly MAX_SCALE = 38;
  constructor(
    readonly precision: number = 10,
    readonly scale: number = 0,
  ) {
    super();
  }
  typeName(): string {
    return `decimal(${this.precision},${this.scale})`;
  }
  override toString(): string {
    return `DecimalType(${this.precision},${this.scale})`;
  }
}

/**
 * Spark's ANSI year-month interval: a whole number of months; `startField`/`endField`
 * are YEAR (0) or MONTH (1), as in PySpark (`interval year to month`). See docs/types.md.
 */
export class YearMonthIntervalType extends AtomicType {
  static {
    definePublicName(this, 'YearMonthIntervalType');
  }

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
    const [s, e] = [YearMonthIntervalType.FIELD_NAMES[this.startField], YearMonthIntervalType.FIELD_NAMES[this.endField]];
    return s === e ? `interval ${s}` : `interval ${s} to ${e}`;
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
  static {
    definePublicName(this, 'DayTimeIntervalType');
  }

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
    const [s, e] = [DayTimeIntervalType.FIELD_NAMES[this.startField], DayTimeIntervalType.FIELD_NAMES[this.endField]];
    return s === e ? `interval ${s}` : `interval ${s} to ${e}`;
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

export class ArrayType extends DataType {
  declare private readonly __ArrayType: void;
  constructor(
    readonly elementType: DataType,
    readonly containsNull: boolean = true,
  ) {
    super();
  }
  typeName(): string {
    return 'array';
  }
  override simpleString(): string {
    return `array<${this.elementType.simpleString()}>`;
  }
  override sql(): string {
    return `ARRAY<${this.elementType.sql()}>`;
  }
  override jsonValue(): unknown {
    return { type: 'array', elementType: this.elementType.jsonValue(), containsNull: this.containsNull };
  }
  override toString(): string {
    return `ArrayType(${this.elementType.toString()}, ${pyBool(this.containsNull)})`;
  }
}

export class MapType extends DataType {
  declare private readonly __MapType: void;
  constructor(
    readonly keyType: DataType,
    readonly valueType: DataType,
    readonly valueContainsNull: boolean = true,
  ) {
    super();
  }
  typeName(): string {
    return 'map';
  }
  override simpleString(): string {
    return `map<${this.keyType.simpleString()},${this.valueType.simpleString()}>`;
  }
  override sql(): string {
    return `MAP<${this.keyType.sql()}, ${this.valueType.sql()}>`;
  }
  override jsonValue(): unknown {
    return {
      type: 'map',
      keyType: this.keyType.jsonValue(),
      valueType: this.valueType.jsonValue(),
      valueContainsNull: this.valueContainsNull,
    };
  }
  override toString(): string {
    return `MapType(${this.keyType.toString()}, ${this.valueType.toString()}, ${pyBool(this.valueContainsNull)})`;
  }
}

export class StructType extends DataType {
  static {
    definePublicName(this, 'StructType');
  }

  declare private readonly __StructType: void;
  readonly fields: readonly StructField[];

  constructor(fields: readonly StructField[] = []) {
    super();
    this.fields = Object.freeze([...fields]);
  }

  typeName(): string {
    return 'struct';
  }

  override simpleString(): string {
    return `struct<${this.fields.map((f) => f.simpleString()).join(',')}>`;
  }

  override sql(): string {
    return `STRUCT<${this.fields.map((f) => f.sql()).join(', ')}>`;
  }

  /** Spark's `StructType.toDDL`: fields joined by `,`, e.g. `` id INT,`my col` STRING NOT NULL ``. */
  toDDL(): string {
    return this.fields.map((f) => f.toDDL()).join(',');
  }

  /** Parses Spark's JSON schema form; the top level must be a struct. */
  static override fromJson(json: unknown): StructType {
    const t = DataType.fromJson(json);
    if (!(t instanceof StructType)) throw cannotParse(`Could not parse datatype: ${describeJson(json)}`);
    return t;
  }

  override jsonValue(): unknown {
    return { type: 'struct', fields: this.fields.map((f) => f.jsonValue()) };
  }

  override toString(): string {
    return `StructType([${this.fields.map((f) => f.toString()).join(', ')}])`;
  }

  /** Field by field (the same answer as comparing JSON texts, without building them). */
  override equals(other: DataType): boolean {
    if (other === this) return true;
    if (!(other instanceof StructType) || other.fields.length !== this.fields.length) return false;
    return this.fields.every((f, i) => f.equals(other.fields[i]!));
  }

  /** Returns a new StructType with one more field (PySpark's `add`, without mutation). */
  add(field: StructField | string, dataType?: DataType, nullable = true, metadata: Record<string, unknown> = {}): StructType {
    const f = field instanceof StructField ? field : new StructField(field, requireType(dataType), nullable, metadata);
    return new StructType([...this.fields, f]);
  }

  get names(): string[] {
    return this.fields.map((f) => f.name);
  }

  fieldNames(): string[] {
    return this.names;
  }

  get length(): number {
    return this.fields.length;
  }

  /** Field by name (first match, case-sensitive) or by position. */
  field(key: string | number): StructField | undefined {
    return typeof key === 'number' ? this.fields[key] : this.fields.find((f) => f.name === key);
  }

  [Symbol.iterator](): Iterator<StructField> {
    return this.fields[Symbol.iterator]();
  }
}

/** Spark's `QuotingUtils.quoteIfNeeded`: backquote unless the name is a plain identifier. */
export function quoteIfNeeded(name: string): string {
  return /^[a-zA-Z_][a-zA-Z0-9_]*$/.test(name) ? name : '`' + name.replace(/`/g, '``') + '`';
}

/** Python's bool repr (`True`/`False`), inside the types' PySpark reprs. */
export function pyBool(b: boolean): string {
  return b ? 'True' : 'False';
}

function requireType(t: DataType | undefined): DataType {
  if (!t) throw new TypeError('StructType.add: a data type is required when the field is given by name');
  return t;
}

// Shared singletons for the parameterless types: cheap identity for hot paths.
export const NULL = new NullType();
export const STRING = new StringType();
export const BINARY = new BinaryType();
export const BOOLEAN = new BooleanType();
export const DATE = new DateType();
export const TIMESTAMP = new TimestampType();
export const TIMESTAMP_NTZ = new TimestampNTZType();
export const BYTE = new ByteType();
export const SHORT = new ShortType();
export const INT = new IntegerType();
export const LONG = new LongType();
export const FLOAT = new FloatType();
export const DOUBLE = new DoubleType();

export const isNumeric = (t: DataType): t is NumericType => t instanceof NumericType;
export const isIntegral = (t: DataType): t is IntegralType => t instanceof IntegralType;
export const isFractional = (t: DataType): boolean => t instanceof FloatType || t instanceof DoubleType;
export const isDecimal = (t: DataType): t is DecimalType => t instanceof DecimalType;
export const isString = (t: DataType): t is StringType => t instanceof StringType;
export const isNull = (t: DataType): t is NullType => t instanceof NullType;
export const isBoolean = (t: DataType): t is BooleanType => t instanceof BooleanType;
export const isDatetime = (t: DataType): boolean =>
  t instanceof DateType || t instanceof TimestampType || t instanceof TimestampNTZType;
