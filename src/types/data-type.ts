/** The root of Spark's data types, `DataType`, and its abstract marker classes (atomic, numeric, integral, fractional). */
import { dataTypeFromJson, isAtomicJsonName, parseJsonText } from './data-type-json.js';

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
    return other === this || (other instanceof DataType && this.json() === other.json());
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
