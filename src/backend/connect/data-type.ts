/**
 * Conversion between sparkless data types and Spark Connect's `DataType`
 * message (as the plain objects of proto/codec.ts).
 */
import { BackendException, NotImplementedException } from '../../errors/index.js';
import { parseDataType } from '../../types/ddl.js';
import {
  ArrayType,
  CalendarIntervalType,
  DayTimeIntervalType,
  YearMonthIntervalType,
  DataType,
  DecimalType,
  MapType,
  StructField,
  StructType,
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
} from '../../types/data-types.js';
import { typeKey, visitType } from '../../types/visit.js';
import type { Msg } from './proto/codec.js';

/** Our type → `spark.connect.DataType`. */
export function toProtoDataType(t: DataType): Msg {
  return visitType<Msg>(t, {
    struct: (s) => ({ struct: { fields: s.fields.map(toProtoField) } }),
    array: (a) => ({ array: { element_type: toProtoDataType(a.elementType), contains_null: a.containsNull } }),
    map: (m) => ({
      map: {
        key_type: toProtoDataType(m.keyType),
        value_type: toProtoDataType(m.valueType),
        value_contains_null: m.valueContainsNull,
      },
    }),
    decimal: (d) => ({ decimal: { precision: d.precision, scale: d.scale } }),
    year_month_interval: (y) => ({ year_month_interval: { start_field: y.startField, end_field: y.endField } }),
    day_time_interval: (d) => ({ day_time_interval: { start_field: d.startField, end_field: d.endField } }),
    calendar_interval: () => ({ calendar_interval: {} }),
    // The parameterless kinds (the case names are the proto's) are empty
    // messages (type_variation_reference stays 0).
    default: (other) => {
      const kind = typeKey(other);
      if (kind === undefined) throw unsupported(other.simpleString());
      return { [kind]: {} };
    },
  });
}

const fieldOr = (v: unknown, d: number): number => (typeof v === 'number' ? v : d);

function toProtoField(f: StructField): Msg {
  // As PySpark's client does: metadata only when non-empty, as JSON text.
  const metadata = Object.keys(f.metadata).length > 0 ? JSON.stringify(f.metadata) : undefined;
  return { name: f.name, data_type: toProtoDataType(f.dataType), nullable: f.nullable, metadata };
}

const SIMPLE: Readonly<Record<string, DataType>> = {
  null: NULL,
  string: STRING,
  binary: BINARY,
  boolean: BOOLEAN,
  byte: BYTE,
  short: SHORT,
  integer: INT,
  long: LONG,
  float: FLOAT,
  double: DOUBLE,
  date: DATE,
  timestamp: TIMESTAMP,
  timestamp_ntz: TIMESTAMP_NTZ,
  // sparkless has no CharType/VarcharType; like its DDL and JSON readers, they read as strings.
  char: STRING,
  var_char: STRING,
};

/** `spark.connect.DataType` → our type. Kinds sparkless lacks (UDTs) throw NotImplementedException. */
export function fromProtoDataType(m: Msg): DataType {
  const kind = Object.keys(m).find((k) => m[k] !== undefined);
  if (kind === undefined) throw malformed('an empty DataType message');
  const body = (m[kind] ?? {}) as Msg;
  const simple = SIMPLE[kind];
  if (simple !== undefined) return simple;
  switch (kind) {
    case 'decimal':
      // Spark's server: both set → (p, s); only precision → (p, 0); otherwise the default (10, 0).
      return typeof body['precision'] === 'number'
        ? new DecimalType(body['precision'], typeof body['scale'] === 'number' ? body['scale'] : 0)
        : new DecimalType();
    case 'array':
      return new ArrayType(fromProtoDataType(child(body, 'element_type')), body['contains_null'] === true);
    case 'map':
      return new MapType(
        fromProtoDataType(child(body, 'key_type')),
        fromProtoDataType(child(body, 'value_type')),
        body['value_contains_null'] === true,
      );
    case 'struct':
      return new StructType(((body['fields'] ?? []) as readonly Msg[]).map(fromProtoField));
    case 'unparsed':
      return parseDataType(String(body['data_type_string'] ?? ''));
    // Unset fields are Spark's defaults: YEAR TO MONTH and DAY TO SECOND.
    case 'year_month_interval':
      return new YearMonthIntervalType(fieldOr(body['start_field'], 0), fieldOr(body['end_field'], 1));
    case 'day_time_interval':
      return new DayTimeIntervalType(fieldOr(body['start_field'], 0), fieldOr(body['end_field'], 3));
    case 'calendar_interval':
      return new CalendarIntervalType();
    case 'udt':
      throw unsupported(`user-defined type ${String(body['jvm_class'] ?? body['python_class'] ?? body['type'] ?? '')}`.trim());
    default:
      throw unsupported(kind);
  }
}

/** A DataFrame's schema from `spark.connect.DataType`: it must be a struct. */
export function fromProtoSchema(m: Msg): StructType {
  const t = fromProtoDataType(m);
  if (!(t instanceof StructType)) throw malformed(`a schema of type ${t.simpleString()} (expected a struct)`);
  return t;
}

function fromProtoField(f: Msg): StructField {
  const metadata = f['metadata'];
  return new StructField(
    String(f['name'] ?? ''),
    fromProtoDataType(child(f, 'data_type')),
    f['nullable'] === true,
    typeof metadata === 'string' && metadata !== '' ? parseMetadata(metadata) : {},
  );
}

function parseMetadata(text: string): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    throw malformed(`StructField metadata that is not JSON: ${text}`);
  }
}

function child(m: Msg, field: string): Msg {
  const v = m[field];
  if (typeof v !== 'object' || v === null) throw malformed(`a DataType without ${field}`);
  return v as Msg;
}

function unsupported(typeName: string): NotImplementedException {
  return new NotImplementedException(`The Spark data type '${typeName}'`, 'sparkless has no such type');
}

function malformed(what: string): BackendException {
  return new BackendException(`Spark Connect sent ${what}.`, { errorClass: 'CONNECT_MALFORMED_RESPONSE' });
}
