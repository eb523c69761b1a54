/** Spark's `defaultSize` per type: the bytes its planner assumes per value when sizing shuffles. */
import type { DataType, StructType } from '../../types/data-types.js';
import { visitType } from '../../types/visit.js';

const size = (n: number) => (): number => n;

export function defaultSize(t: DataType): number {
  return visitType(t, {
    boolean: size(1),
    byte: size(1),
    null: size(1),
    short: size(2),
    integer: size(4),
    float: size(4),
    date: size(4),
    long: size(8),
    double: size(8),
    timestamp: size(8),
    timestamp_ntz: size(8),
    decimal: (d) => (d.precision <= 18 ? 8 : 16),
    string: size(20),
    binary: size(20),
    array: (a) => defaultSize(a.elementType),
    map: (m) => defaultSize(m.keyType) + defaultSize(m.valueType),
    struct: (s) => s.fields.reduce((n, f) => n + defaultSize(f.dataType), 0),
    default: size(8),
  });
}

/** Estimated bytes of one row (UnsafeRow: 8-byte header word plus the fields). */
export function rowSize(schema: StructType): number {
  return 8 + schema.fields.reduce((s, f) => s + defaultSize(f.dataType), 0);
}
