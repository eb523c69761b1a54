/**
 * Canned Spark Connect responses for the fake server: ExecutePlanResponse
 * frames with Arrow IPC streams built directly with apache-arrow (typed as
 * Spark's ArrowUtils types them), and error trailers as Spark sends them.
 */
import {
  DateDay,
  Decimal,
  Field,
  Int32,
  Int64,
  List,
  Map_,
  RecordBatch,
  RecordBatchStreamWriter,
  Schema,
  Struct,
  Table,
  TimestampMicrosecond,
  Utf8,
  makeData,
  vectorFromArray,
  type Data,
  type DataType,
} from 'apache-arrow';
import { encodeMessage, type Msg } from '../../../../src/backend/connect/proto/codec.js';

export const b64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');

/** One ExecutePlanResponse frame, base64. */
export const frame = (body: Msg): string => b64(encodeMessage('spark.connect.ExecutePlanResponse', { session_id: 'fake', operation_id: 'op', ...body }));

/** The result every row test expects, by column: long beyond 2^53, a duplicate name, decimal, date, timestamp, array, map, struct. */
export const WIDE_DDL = 'id bigint, v int, v string, d decimal(20,2), dt date, ts timestamp, arr array<int>, m map<string,int>, st struct<x:int,y:string>';
const TS = Date.UTC(2024, 1, 29, 12, 30, 0, 5);
export const WIDE_ROWS: unknown[][] = [
  [2n ** 53n + 1n, 1, 'a', '12345678901234567.89', '2024-02-29', new Date(TS), [1, null, 3], new Map([['k', 7]]), { x: 1, y: 'z' }],
  [null, null, null, null, null, null, null, null, null],
  [-(2n ** 62n), -2, 'c', '-0.05', '1969-12-31', new Date(-1), [], new Map(), { x: null, y: 'w' }],
];
/** The same rows as Arrow values (unscaled decimals, days, microseconds). */
const ARROW_ROWS: unknown[][] = [
  [2n ** 53n + 1n, 1, 'a', 1234567890123456789n, 19782, BigInt(TS) * 1000n, [1, null, 3], new Map([['k', 7]]), { x: 1, y: 'z' }],
  [null, null, null, null, null, null, null, null, null],
  [-(2n ** 62n), -2, 'c', -5n, -1, -1000n, [], new Map(), { x: null, y: 'w' }],
];

const STRUCT_T = new Struct([new Field('x', new Int32(), true), new Field('y', new Utf8(), true)]);
const WIDE_FIELDS: readonly [string, DataType][] = [
  ['id', new Int64()],
  ['v', new Int32()],
  ['v', new Utf8()],
  ['d', new Decimal(2, 20, 128)],
  ['dt', new DateDay()],
  ['ts', new TimestampMicrosecond('UTC')],
  ['arr', new List(new Field('element', new Int32(), true))],
  ['m', new Map_(new Field('entries', new Struct<{ key: Utf8; value: Int32 }>([new Field('key', new Utf8(), false), new Field('value', new Int32(), true)]), false))],
  ['st', STRUCT_T],
];

/** Spark's DataType message for WIDE_DDL (ExecutePlanResponse.schema). */
export const WIDE_SPARK_SCHEMA: Msg = {
  struct: {
    fields: [
      { name: 'id', data_type: { long: {} }, nullable: true },
      { name: 'v', data_type: { integer: {} }, nullable: true },
      { name: 'v', data_type: { string: {} }, nullable: true },
      { name: 'd', data_type: { decimal: { precision: 20, scale: 2 } }, nullable: true },
      { name: 'dt', data_type: { date: {} }, nullable: true },
      { name: 'ts', data_type: { timestamp: {} }, nullable: true },
      { name: 'arr', data_type: { array: { element_type: { integer: {} }, contains_null: true } }, nullable: true },
      { name: 'm', data_type: { map: { key_type: { string: {} }, value_type: { integer: {} }, value_contains_null: true } }, nullable: true },
      {
        name: 'st',
        data_type: { struct: { fields: [{ name: 'x', data_type: { integer: {} }, nullable: true }, { name: 'y', data_type: { string: {} }, nullable: true }] } },
        nullable: true,
      },
    ],
  },
};

function validity(values: readonly unknown[]): Uint8Array {
  const bits = new Uint8Array(Math.ceil(values.length / 8));
  values.forEach((v, i) => {
    if (v !== null) bits[i >> 3]! |= 1 << (i & 7);
  });
  return bits;
}

/** Fixed-width columns whose builders take other units (decimal words, microseconds) are built by hand. */
function column(type: DataType, values: readonly unknown[]): Data {
  const nullCount = values.filter((v) => v === null).length;
  const base = { type, length: values.length, nullCount, nullBitmap: validity(values) };
  if (type instanceof Decimal) {
    const words = new Uint32Array(values.length * 4);
    values.forEach((v, i) => {
      const u = BigInt.asUintN(128, (v as bigint | null) ?? 0n);
      for (let w = 0; w < 4; w++) words[i * 4 + w] = Number((u >> BigInt(32 * w)) & 0xffffffffn);
    });
    return makeData({ ...base, type, data: words });
  }
  if (type instanceof TimestampMicrosecond) return makeData({ ...base, type, data: BigInt64Array.from(values, (v) => (v as bigint | null) ?? 0n) });
  if (type instanceof DateDay) return makeData({ ...base, type, data: Int32Array.from(values, (v) => (v as number | null) ?? 0) });
  return vectorFromArray(values as unknown[], type).data[0]!;
}

/**
 * An Arrow IPC stream (schema + one record batch) of `rows` of the wide
 * result, with the duplicate `v` kept as two columns.
 */
export function wideArrowStream(rows: readonly unknown[][]): Uint8Array {
  const fields = WIDE_FIELDS.map(([name, type]) => new Field(name, type, true));
  const children = fields.map((f, i) => column(f.type, rows.map((r) => r[i])));
  const struct = (fs: Field[]): Data<Struct> => makeData({ type: new Struct(fs), length: rows.length, nullCount: 0, children });
  // apache-arrow's RecordBatch merges fields by name: build it under unique names, then give it the real ones.
  const unique = fields.map((f, i) => f.clone({ name: `_${i}` }));
  const batch = new RecordBatch(new Schema(unique), struct(unique));
  Object.assign(batch, { schema: new Schema(fields), data: struct(fields) });
  return RecordBatchStreamWriter.writeAll([batch]).toUint8Array(true);
}

export const wideArrowRows = (from: number, to: number): readonly unknown[][] => ARROW_ROWS.slice(from, to);

/** A schema-only IPC stream (what Spark sends for an empty result). */
export function emptyArrowStream(): Uint8Array {
  const schema = new Schema([new Field('id', new Int64(), false), new Field('name', new Utf8(), true)]);
  return RecordBatchStreamWriter.writeAll(new Table(schema)).toUint8Array(true);
}

/** A gRPC error as Spark reports it: code INTERNAL, the message, and an ErrorInfo with the class hierarchy. */
export function sparkError(message: string, classes: readonly string[], extra: Readonly<Record<string, string>> = {}): Msg {
  const info = encodeMessage('google.rpc.ErrorInfo', { reason: classes[0]!, domain: 'org.apache.spark', metadata: { classes: JSON.stringify(classes), ...extra } });
  const status = encodeMessage('google.rpc.Status', { code: 13, message, details: [{ type_url: 'type.googleapis.com/google.rpc.ErrorInfo', value: info }] });
  return { code: 13, details: message, statusDetails: b64(status) };
}
