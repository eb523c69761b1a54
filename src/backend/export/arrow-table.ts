/**
 * Batch ↔ Apache Arrow Table with Spark's exact Arrow types.
 *
 * | Spark                  | Arrow                                                    |
 * |------------------------|----------------------------------------------------------|
 * | Byte/Short/Int/Long    | Int8/Int16/Int32/Int64 (Int64 holds BigInt64 data)       |
 * | Float/Double           | Float32/Float64                                          |
 * | Decimal(p,s)           | Decimal128(p,s)                                          |
 * | String / Binary        | Utf8 / Binary                                            |
 * | Boolean                | Bool                                                     |
 * | Date                   | DateDay                                                  |
 * | Timestamp              | Timestamp(MICROSECOND, 'UTC')                            |
 * | TimestampNTZ           | Timestamp(MICROSECOND) without a zone                    |
 * | Array<T>               | List<element: T> (element nullable = containsNull)       |
 * | Map<K,V>               | Map<entries: Struct<key: K not null, value: V>>          |
 * | Struct                 | Struct (field nullability kept)                          |
 * | Null                   | Null                                                     |
 *
 * Child field names follow Spark's own Arrow conversion (`element`, `entries`,
 * `key`, `value`). Buffers are built by the Polars backend's `toArrowData`
 * (one implementation of the value layout); this module only gives them their
 * exact types. Duplicate column names are kept: an Arrow schema allows them
 * (`table.getChild(name)` returns the first; use `getChildAt`). Note that
 * apache-arrow's own IPC reader merges duplicate names when reading back.
 */
import type {
  Data,
  DataType as ArrowType,
  Decimal as ArrowDecimal,
  Field,
  FixedSizeList,
  Map_,
  Schema,
  Struct,
  Table,
  Timestamp as ArrowTimestamp,
} from 'apache-arrow';
import { arrow } from '../../data/arrow-lib.js';
import { asNullable } from '../../types/as-nullable.js';
import { makeBatch, type Batch } from '../../data/batch.js';
import { AnalysisException } from '../../errors/index.js';
import {
  ArrayType,
  BINARY,
  BOOLEAN,
  BYTE,
  DATE,
  DOUBLE,
  DataType,
  DecimalType,
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
  TimestampNTZType,
  TimestampType,
} from '../../types/data-types.js';
import { toArrowData } from '../polars/arrow-build.js';
import { readArrowData } from '../polars/arrow-read.js';

/** The exact Arrow type of a Spark type (see the table above). */
export function sparkToArrowType(t: DataType): ArrowType {
  return exactData(t, toArrowData(t, [])).type;
}

/** An Arrow field for a Spark field (name, exact type, nullability). */
export function sparkToArrowField(f: StructField): Field {
  const { Field } = arrow();
  return new Field(f.name, sparkToArrowType(f.dataType), f.nullable);
}

/** The Arrow Data of one column with its exact type. */
export function columnToArrowData(t: DataType, values: readonly unknown[]): Data {
  return exactData(t, toArrowData(t, values));
}

/** Spark's `asNullable`: every field, element and value nullable. */
export { asNullable };

/** The batch as an Arrow Table: one record batch, columns in order (duplicates kept). */
export function batchToArrowTable(batch: Batch): Table {
  const { Field, RecordBatch, Schema, Struct, Table, makeData } = arrow();
  const fields = batch.schema.fields;
  const children = fields.map((f, i) => columnToArrowData(f.dataType, batch.columns[i]!));
  const arrowFields = fields.map((f, i) => new Field(f.name, children[i]!.type, f.nullable));
  const schema = new Schema(arrowFields);
  const struct = makeData({ type: new Struct(arrowFields), length: batch.numRows, nullCount: 0, children });
  if (new Set(fields.map((f) => f.name)).size === fields.length) return new Table(schema, [new RecordBatch(schema, struct)]);
  // The Arrow format allows duplicate names, but RecordBatch's constructor merges fields by
  // name (Schema.assign). Build it under unique names, then give it the real schema and data.
  const unique = arrowFields.map((f, i) => f.clone({ name: `_${i}` }));
  const rb = new RecordBatch(new Schema(unique), makeData({ type: new Struct(unique), length: batch.numRows, nullCount: 0, children }));
  const writable = rb as unknown as { schema: Schema; data: Data };
  writable.schema = schema;
  writable.data = struct;
  return new Table(schema, [rb]);
}

/**
 * Re-types Data built by `toArrowData` (which ships maps as list<struct> and
 * marks every child nullable) with the exact Arrow type. Buffers are shared.
 */
function exactData(t: DataType, d: Data): Data {
  const { Field, List, Map_, Struct, makeData } = arrow();
  if (t instanceof ArrayType) {
    const child = exactData(t.elementType, d.children[0]!);
    return makeData({
      type: new List(new Field('element', child.type, t.containsNull)),
      offset: d.offset,
      length: d.length,
      nullCount: d.nullCount,
      nullBitmap: d.nullBitmap,
      valueOffsets: d.valueOffsets as Int32Array,
      child,
    });
  }
  if (t instanceof MapType) {
    const entries = d.children[0]!;
    const key = exactData(t.keyType, entries.children[0]!);
    const value = exactData(t.valueType, entries.children[1]!);
    const entriesType = new Struct([new Field('key', key.type, false), new Field('value', value.type, t.valueContainsNull)]);
    const child = makeData({ type: entriesType, offset: entries.offset, length: entries.length, nullCount: 0, children: [key, value] });
    return makeData({
      type: new Map_(new Field('entries', entriesType, false)),
      offset: d.offset,
      length: d.length,
      nullCount: d.nullCount,
      nullBitmap: d.nullBitmap,
      valueOffsets: d.valueOffsets as Int32Array,
      child,
    });
  }
  if (t instanceof StructType) {
    const children = t.fields.map((f, i) => exactData(f.dataType, d.children[i]!));
    const type = new Struct(t.fields.map((f, i) => new Field(f.name, children[i]!.type, f.nullable)));
    return makeData({ type, offset: d.offset, length: d.length, nullCount: d.nullCount, nullBitmap: d.nullBitmap, children });
  }
  return d;
}

// ---------------------------------------------------------------- Arrow → Spark

function unsupportedArrow(name: string, type: ArrowType): AnalysisException {
  return new AnalysisException(`Cannot convert the Arrow type ${String(type)} of column \`${name}\` to a Spark type.`, {
    errorClass: 'UNSUPPORTED_ARROWTYPE',
    messageParameters: { typeName: String(type) },
  });
}

/**
 * The Spark type Spark infers for an Arrow (Parquet) type. Unsigned integers
 * widen as Spark's Parquet reader does (uint8→short, uint16→int,
 * uint32→long, uint64→decimal(20,0)); zone-less timestamps are TimestampNTZ.
 */
export function arrowToSparkType(type: ArrowType, name = ''): DataType {
  const { Type } = arrow();
  switch (type.typeId) {
    case Type.Null:
      return NULL;
    case Type.Bool:
      return BOOLEAN;
    case Type.Int: {
      const { bitWidth, isSigned } = type as unknown as { bitWidth: number; isSigned: boolean };
      if (isSigned) return bitWidth === 8 ? BYTE : bitWidth === 16 ? SHORT : bitWidth === 32 ? INT : LONG;
      return bitWidth === 8 ? SHORT : bitWidth === 16 ? INT : bitWidth === 32 ? LONG : new DecimalType(20, 0);
    }
    case Type.Float:
      return (type as unknown as { precision: number }).precision === 2 ? DOUBLE : FLOAT;
    case Type.Decimal: {
      const d = type as ArrowDecimal;
      return new DecimalType(d.precision, d.scale);
    }
    case Type.Utf8:
    case Type.LargeUtf8:
      return STRING;
    case Type.Binary:
    case Type.LargeBinary:
    case Type.FixedSizeBinary:
      return BINARY;
    case Type.Date:
      return DATE;
    case Type.Timestamp:
      return (type as ArrowTimestamp).timezone ? TIMESTAMP : TIMESTAMP_NTZ;
    case Type.List:
    case Type.LargeList:
    case Type.FixedSizeList: {
      const child = (type as FixedSizeList).children[0]!;
      return new ArrayType(arrowToSparkType(child.type, name), child.nullable);
    }
    case Type.Map: {
      const entries = (type as Map_).children[0]!.type as Struct;
      const [k, v] = entries.children;
      return new MapType(arrowToSparkType(k!.type, name), arrowToSparkType(v!.type, name), v!.nullable);
    }
    case Type.Struct:
      return new StructType((type as Struct).children.map((f) => new StructField(f.name, arrowToSparkType(f.type, `${name}.${f.name}`), true)));
    default:
      throw unsupportedArrow(name, type);
  }
}

/** The Spark schema of an Arrow schema; every field nullable, as Spark reads files. */
export function arrowSchemaToSpark(schema: Schema): StructType {
  return new StructType(schema.fields.map((f) => new StructField(f.name, arrowToSparkType(f.type, f.name), true)));
}

/**
 * The Arrow table's rows in the internal representation, read as `schema`
 * (positional; default: the schema Spark infers from the Arrow types). The
 * given types must match the Arrow layout (a map may be read from
 * list<struct<key,value>>, as Polars stores maps); values of other units
 * (ms/ns timestamps, Date64) are normalised.
 */
export function arrowTableToBatch(table: Table, schema: StructType = arrowSchemaToSpark(table.schema)): Batch {
  const cols = schema.fields.map((f, i) => {
    const out: unknown[] = [];
    const vec = table.getChildAt(i);
    if (vec) for (const d of vec.data) readColumnData(f.dataType, d, out);
    return out;
  });
  return makeBatch(schema, cols);
}

/** `readArrowData` plus the unit conversions it leaves to callers. */
export function readColumnData(t: DataType, d: Data, out: unknown[]): void {
  const start = out.length;
  readArrowData(t, d, out);
  const scale = unitScale(t, d.type);
  if (scale) for (let i = start; i < out.length; i++) out[i] = scale(out[i]);
}

/** A value rescaler when the Arrow unit differs from Spark's (µs timestamps, day dates). */
function unitScale(t: DataType, type: ArrowType): ((v: unknown) => unknown) | undefined {
  const { Type } = arrow();
  if ((t instanceof TimestampType || t instanceof TimestampNTZType) && type.typeId === Type.Timestamp) {
    const unit = (type as ArrowTimestamp).unit; // 0 s, 1 ms, 2 µs, 3 ns
    if (unit === 2) return undefined;
    const toMicros = (v: number | bigint): number => {
      const big = typeof v === 'bigint' ? v : BigInt(v);
      const us = unit === 0 ? big * 1_000_000n : unit === 1 ? big * 1000n : floorDiv(big, 1000n);
      return Number(us);
    };
    return (v) => (v === null ? null : toMicros(v as number | bigint));
  }
  if (t.typeName() === 'date' && type.typeId === Type.Date && (type as unknown as { unit: number }).unit === 1) {
    return (v) => (v === null ? null : Math.floor((v as number) / 86_400_000));
  }
  return undefined;
}

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return (a % b !== 0n && (a < 0n) !== (b < 0n)) ? q - 1n : q;
}
