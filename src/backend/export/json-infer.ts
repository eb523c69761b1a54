/**
 * JSON schema inference (JsonInferSchema):
 * integers → long (beyond long: decimal(p,0), beyond 38 digits: double),
 * other numbers → double, strings → string, booleans → boolean, objects →
 * struct with fields sorted by name, arrays → array of the merged element
 * type; long+double → double, struct+struct → union of fields, other mixes →
 * string; all-null fields → string; empty structs dropped.
 * Options `primitivesAsString`, `prefersDecimal`, `inferTimestamp` and `dropFieldIfAllNull`.
 */
import {
  ArrayType,
  DataType,
  DecimalType,
  DoubleType,
  FloatType,
  LongType,
  NullType,
  StructField,
  StructType,
  BOOLEAN,
  DOUBLE,
  LONG,
  NULL,
  STRING,
  TIMESTAMP,
} from '../../types/data-types.js';
import { jsonBool, type SourceOptions } from './options.js';
import { LONG_MAX, LONG_MIN, TemporalText, parseJavaBigDecimal, parseJavaIntegral } from './text-values.js';
import type { JsonNode } from './json-parse.js';

/** Inference switches (JSONOptions): `primitivesAsString`, `prefersDecimal`. */
export interface InferOptions {
  readonly primitivesAsString: boolean;
  readonly prefersDecimal: boolean;
  /** `inferTimestamp`: whether a string reads as a TIMESTAMP (the options' timestampFormat, else as CAST does). */
  readonly timestamp?: (text: string) => boolean;
}

/** The inference options of a JSON source's or function's options. */
export function inferOptions(o: SourceOptions, temporal: TemporalText): InferOptions {
  const inferTimestamp = jsonBool(o, 'inferTimestamp', false);
  return {
    primitivesAsString: jsonBool(o, 'primitivesAsString', false),
    prefersDecimal: jsonBool(o, 'prefersDecimal', false),
    ...(inferTimestamp ? { timestamp: (text: string) => temporal.parseTimestamp(text) !== undefined } : {}),
  };
}

/** A decimal string's type under `prefersDecimal` (Java's BigDecimal of the text without commas), if it is a valid one. */
function stringDecimalType(text: string): DecimalType | undefined {
  const d = parseJavaBigDecimal(text.replaceAll(',', ''));
  if (!d || d.scale < 0 || d.scale > d.precision || d.precision > DecimalType.MAX_PRECISION) return undefined;
  return new DecimalType(d.precision, d.scale);
}

export function inferNode(node: JsonNode, o: InferOptions): DataType {
  switch (node.kind) {
    case 'null':
      return NULL;
    case 'string': {
      // An empty string infers as null (it merges with any type), as JsonInferSchema does.
      if (node.value === '') return NULL;
      const dec = o.prefersDecimal ? stringDecimalType(node.value) : undefined;
      if (dec) return dec;
      return o.timestamp?.(node.value) ? TIMESTAMP : STRING;
    }
    case 'boolean':
      return o.primitivesAsString ? STRING : BOOLEAN;
    case 'number': {
      if (o.primitivesAsString) return STRING;
      if (!node.integral) {
        const d = o.prefersDecimal ? parseJavaBigDecimal(node.text) : undefined;
        if (d && d.scale >= 0 && Math.max(d.precision, d.scale) <= DecimalType.MAX_PRECISION) return new DecimalType(Math.max(d.precision, d.scale), d.scale);
        return DOUBLE;
      }
      if (parseJavaIntegral(node.text, LONG_MIN, LONG_MAX) !== undefined) return LONG;
      const d = parseJavaBigDecimal(node.text)!;
      return d.precision <= DecimalType.MAX_PRECISION ? new DecimalType(d.precision, 0) : DOUBLE;
    }
    case 'array': {
      let el: DataType = NULL;
      for (const item of node.items) el = compatibleJsonType(el, inferNode(item, o));
      return new ArrayType(el, true);
    }
    case 'object': {
      const byName = new Map<string, DataType>();
      for (const [k, v] of node.entries) byName.set(k, byName.has(k) ? compatibleJsonType(byName.get(k)!, inferNode(v, o)) : inferNode(v, o));
      return sortedStruct([...byName].map(([k, t]) => new StructField(k, t, true)));
    }
  }
}

function sortedStruct(fields: StructField[]): StructType {
  return new StructType(fields.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)));
}

/** JsonInferSchema.compatibleType. */
export function compatibleJsonType(a: DataType, b: DataType): DataType {
  if (a.equals(b)) return a;
  if (a instanceof NullType) return b;
  if (b instanceof NullType) return a;
  const isFrac = (t: DataType): boolean => t instanceof DoubleType || t instanceof FloatType;
  if ((a instanceof LongType && isFrac(b)) || (isFrac(a) && b instanceof LongType)) return DOUBLE;
  if ((isFrac(a) && b instanceof DecimalType) || (a instanceof DecimalType && isFrac(b))) return DOUBLE;
  if (a instanceof DecimalType && b instanceof DecimalType) {
    const scale = Math.max(a.scale, b.scale);
    const range = Math.max(a.precision - a.scale, b.precision - b.scale);
    return range + scale > DecimalType.MAX_PRECISION ? DOUBLE : new DecimalType(range + scale, scale);
  }
  if (a instanceof LongType && b instanceof DecimalType) return compatibleJsonType(new DecimalType(20, 0), b);
  if (a instanceof DecimalType && b instanceof LongType) return compatibleJsonType(a, new DecimalType(20, 0));
  if (a instanceof StructType && b instanceof StructType) {
    const byName = new Map<string, DataType>();
    for (const f of a.fields) byName.set(f.name, f.dataType);
    for (const f of b.fields) byName.set(f.name, byName.has(f.name) ? compatibleJsonType(byName.get(f.name)!, f.dataType) : f.dataType);
    return sortedStruct([...byName].map(([k, t]) => new StructField(k, t, true)));
  }
  if (a instanceof ArrayType && b instanceof ArrayType) {
    return new ArrayType(compatibleJsonType(a.elementType, b.elementType), a.containsNull || b.containsNull);
  }
  return STRING;
}

/** JsonInferSchema.canonicalizeType: null → string (dropped with `dropFieldIfAllNull`), empty structs dropped (undefined). */
export function canonicalize(t: DataType, dropNull: boolean): DataType | undefined {
  if (t instanceof NullType) return dropNull ? undefined : STRING;
  if (t instanceof ArrayType) {
    const el = canonicalize(t.elementType, dropNull);
    return el && new ArrayType(el, t.containsNull);
  }
  if (t instanceof StructType) {
    const fields: StructField[] = [];
    for (const f of t.fields) {
      if (f.name.length === 0) continue;
      const ft = canonicalize(f.dataType, dropNull);
      if (ft) fields.push(new StructField(f.name, ft, true));
    }
    return fields.length === 0 ? undefined : new StructType(fields);
  }
  return t;
}
