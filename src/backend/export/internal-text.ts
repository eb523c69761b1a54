/**
 * The text Spark 3.5 prints for a value it has no proper text form for in JSON or CSV
 * output: the internal value's toString. JacksonGenerator writes it as the field name of
 * a map key (`to_json(map(named_struct('a', 1), 1))` is `{"[1]":1}`), and the CSV
 * generator for a nested field. Arrays and structs print as `[a,b]`, maps as
 * `keys: [k], values: [v]`, nulls as `null`, strings raw, dates as days, timestamps and
 * day-time intervals as microseconds, year-month intervals as months, decimals and
 * floating point as Java prints them (each checked against Spark 3.5.7).
 */
import { NotImplementedException } from '../../errors/index.js';
import { javaBigDecimalToString, javaDoubleToString, javaFloatToString } from '../../format/value-string.js';
import type { DataType } from '../../types/data-types.js';
import { visitType } from '../../types/visit.js';

/** `what` names the operation in the error a BINARY value raises (Spark prints a JVM object reference there). */
export function internalText(v: unknown, t: DataType, what: string): string {
  if (v === null || v === undefined) return 'null';
  const list = (items: readonly unknown[], typeAt: (i: number) => DataType): string => `[${items.map((x, i) => internalText(x, typeAt(i), what)).join(',')}]`;
  return visitType(t, {
    string: () => v as string,
    double: () => javaDoubleToString(v as number),
    float: () => javaFloatToString(v as number),
    decimal: (d) => javaBigDecimalToString(BigInt(v as bigint), d.scale),
    binary: () => {
      throw new NotImplementedException(what, 'Spark 3.5.7 prints a JVM object reference (`[B@6524df1f`)');
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
