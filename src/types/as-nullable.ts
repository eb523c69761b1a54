/** The type with every field, element and value nullable (how Spark's file sources read a stored schema). */
import { ArrayType, DataType, MapType, StructField, StructType } from './data-types.js';

export function asNullable(t: DataType): DataType {
  if (t instanceof StructType) return new StructType(t.fields.map((f) => new StructField(f.name, asNullable(f.dataType), true, f.metadata)));
  if (t instanceof ArrayType) return new ArrayType(asNullable(t.elementType), true);
  if (t instanceof MapType) return new MapType(asNullable(t.keyType), asNullable(t.valueType), true);
  return t;
}
