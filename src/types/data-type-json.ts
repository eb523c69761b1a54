import { PySparkValueError } from '../errors/exceptions.js';
import {
  ArrayType,
  BINARY,
  BOOLEAN,
  BYTE,
  CalendarIntervalType,
  DATE,
  DayTimeIntervalType,
  DecimalType,
  DOUBLE,
  FLOAT,
  INT,
  LONG,
  MapType,
  NULL,
  SHORT,
  STRING,
  StructField,
  StructType,
  TIMESTAMP,
  TIMESTAMP_NTZ,
  YearMonthIntervalType,
  type DataType,
} from './data-types.js';

/**
 * Spark's JSON schema form read back into types (PySpark's `_parse_datatype_json_value`), the inverse
 * of `DataType.jsonValue()`. Kept apart from the type classes because it is a parser over all of them;
 * the classes reach it only inside `fromJson` bodies, so the import cycle never runs at load time.
 */


const ATOMIC_BY_JSON_NAME: Readonly<Record<string, () => DataType>> = {
  string: () => STRING,
  binary: () => BINARY,
  boolean: () => BOOLEAN,
  date: () => DATE,
  timestamp: () => TIMESTAMP,
  timestamp_ltz: () => TIMESTAMP,
  timestamp_ntz: () => TIMESTAMP_NTZ,
  decimal: () => new DecimalType(),
  double: () => DOUBLE,
  float: () => FLOAT,
  byte: () => BYTE,
  short: () => SHORT,
  integer: () => INT,
  long: () => LONG,
  void: () => NULL,
  null: () => NULL,
  interval: () => new CalendarIntervalType(),
};

/** `interval day to second`, `interval year`, ... (Spark's JSON names of ANSI intervals). */
function intervalFromJsonName(name: string): DataType | undefined {
  const m = /^interval (year|month|day|hour|minute|second)(?: to (year|month|day|hour|minute|second))?$/.exec(name);
  if (!m) return undefined;
  const ym = YearMonthIntervalType.FIELD_NAMES as readonly string[];
  const dt = DayTimeIntervalType.FIELD_NAMES as readonly string[];
  const end = m[2] ?? m[1]!;
  if (ym.includes(m[1]!) && ym.includes(end) && ym.indexOf(end) >= ym.indexOf(m[1]!)) return new YearMonthIntervalType(ym.indexOf(m[1]!), ym.indexOf(end));
  if (dt.includes(m[1]!) && dt.includes(end) && dt.indexOf(end) >= dt.indexOf(m[1]!)) return new DayTimeIntervalType(dt.indexOf(m[1]!), dt.indexOf(end));
  return undefined;
}

export function isAtomicJsonName(s: string): boolean {
  return s in ATOMIC_BY_JSON_NAME || intervalFromJsonName(s) !== undefined || /^decimal\(\s*\d+\s*,\s*-?\d+\s*\)$/.test(s) || /^(char|varchar)\(\s*\d+\s*\)$/.test(s);
}

export function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw cannotParse(`Could not parse datatype: ${text}`);
  }
}

export function describeJson(json: unknown): string {
  return typeof json === 'string' ? json : JSON.stringify(json);
}

export function cannotParse(msg: string): PySparkValueError {
  return new PySparkValueError(`Unable to parse datatype. ${msg}.`, {
    errorClass: 'CANNOT_PARSE_DATATYPE',
    messageParameters: { msg },
  });
}

export function dataTypeFromJson(json: unknown): DataType {
  if (typeof json === 'string') {
    const atomic = ATOMIC_BY_JSON_NAME[json];
    if (atomic) return atomic();
    const interval = intervalFromJsonName(json);
    if (interval) return interval;
    const dec = /^decimal\(\s*(\d+)\s*,\s*(-?\d+)\s*\)$/.exec(json);
    if (dec) return new DecimalType(Number(dec[1]), Number(dec[2]));
    // char(n)/varchar(n) are read as plain strings (sparkless has no CharType/VarcharType).
    if (/^(char|varchar)\(\s*\d+\s*\)$/.test(json)) return STRING;
    throw cannotParse(`Could not parse datatype: ${json}`);
  }
  if (typeof json === 'object' && json !== null && !Array.isArray(json)) {
    const o = json as Record<string, unknown>;
    switch (o['type']) {
      case 'struct': {
        const fields = o['fields'];
        if (!Array.isArray(fields)) break;
        return new StructType(fields.map((f) => structFieldFromJson(f)));
      }
      case 'array':
        if (!('elementType' in o)) break;
        return new ArrayType(dataTypeFromJson(o['elementType']), o['containsNull'] !== false);
      case 'map':
        if (!('keyType' in o) || !('valueType' in o)) break;
        return new MapType(dataTypeFromJson(o['keyType']), dataTypeFromJson(o['valueType']), o['valueContainsNull'] !== false);
      default:
        break;
    }
  }
  throw cannotParse(`Could not parse datatype: ${describeJson(json)}`);
}

export function structFieldFromJson(json: unknown): StructField {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw cannotParse(`Could not parse datatype: ${describeJson(json)}`);
  }
  const o = json as Record<string, unknown>;
  if (typeof o['name'] !== 'string' || !('type' in o)) throw cannotParse(`Could not parse datatype: ${describeJson(json)}`);
  const metadata = typeof o['metadata'] === 'object' && o['metadata'] !== null ? (o['metadata'] as Record<string, unknown>) : {};
  return new StructField(o['name'], dataTypeFromJson(o['type']), o['nullable'] !== false, metadata);
}
