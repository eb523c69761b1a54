/**
 * The text of a map key in Spark 3.5's JSON output: the key's internal value's
 * toString (JacksonGenerator writes `key.toString` as the field name). Structs
 * and arrays print as `[a,b]`, nulls as `null`, strings raw, dates as days,
 * timestamps and day-time intervals as microseconds, year-month intervals as
 * months, decimals and floating point as Java prints them (checked against
 * Spark 3.5.7: `to_json(map(named_struct('a', 1), 1))` is `{"[1]":1}`).
 */
import { NotImplementedException } from '../../errors/index.js';
import { javaBigDecimalToString, javaDoubleToString, javaFloatToString } from '../../format/value-string.js';
import type { DataType } from '../../types/data-types.js';
import { visitType } from '../../types/visit.js';

export function mapKeyText(v: unknown, t: DataType): string {
  if (v === null || v === undefined) return 'null';
  const list = (items: readonly unknown[], typeAt: (i: number) => DataType): string => `[${items.map((x, i) => mapKeyText(x, typeAt(i))).join(',')}]`;
  return visitType(t, {
    string: () => v as string,
    double: () => javaDoubleToString(v as number),
    float: () => javaFloatToString(v as number),
    decimal: (d) => javaBigDecimalToString(BigInt(v as bigint), d.scale),
    binary: () => {
      throw new NotImplementedException('to_json of a map with BINARY in its keys', 'Spark 3.5.7 prints a JVM object reference (`[B@6d9fce1a`)');
    },
    array: (a) => list(v as unknown[], () => a.elementType),
    struct: (st) => list(v as unknown[], (i) => st.fields[i]!.dataType),
    map: (m) => {
      const entries = [...(v as Map<unknown, unknown>)];
      return `keys: ${list(entries.map(([k]) => k), () => m.keyType)}, values: ${list(entries.map(([, x]) => x), () => m.valueType)}`;
    },
    default: () => String(v),
  });
}
