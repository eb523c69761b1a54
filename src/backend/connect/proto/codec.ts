/**
 * Spark Connect protobuf messages as plain objects, encoded and decoded from
 * our own message tables (see schema.ts) with `@bufbuild/protobuf`'s wire
 * primitives. No generated code: the tables list names, numbers and types.
 */
import type { BinaryReader, BinaryWriter } from '@bufbuild/protobuf/wire';
import { BASE_MESSAGES } from './base.js';
import { CATALOG_MESSAGES } from './catalog.js';
import { COMMAND_MESSAGES } from './commands.js';
import { EXPRESSION_MESSAGES } from './expressions.js';
import { RELATION_MESSAGES } from './relations.js';
import type { FieldFlag, FieldSpec, MessageTable, ScalarType } from './schema.js';
import { TYPE_MESSAGES } from './types.js';
import { wire } from './wire.js';

/** A message as a plain object keyed by the proto's snake_case field names. repeated → arrays; bytes → Uint8Array;
 *  int64/uint64/sint64 → bigint on decode (accept number|bigint on encode); int32/float/double → number; bool; string;
 *  enums → number; nested messages → objects; oneof → just set one of its fields; map<k,v> → plain object (string keys).
 *  Absent/undefined fields are not written. Proto3 `optional` scalars ARE written when set (even if 0/''/false); plain proto3 scalars equal to default are skipped. */
export type Msg = { readonly [field: string]: unknown };

/** Encodes `value` as the message `type` (a full name such as `spark.connect.Relation`). Unknown field names throw. */
export function encodeMessage(type: string, value: Msg): Uint8Array {
  const w = new (wire().BinaryWriter)();
  writeFields(w, descriptor(type), value);
  return w.finish();
}

/** Decodes `bytes` as the message `type`. Unknown fields are skipped; absent fields stay absent (no defaults). */
export function decodeMessage(type: string, bytes: Uint8Array): Msg {
  const r = new (wire().BinaryReader)(bytes);
  return readFields(r, descriptor(type), r.len);
}

/** Whether our tables describe the message `type`. */
export function isMessageType(type: string): boolean {
  return Object.hasOwn(TABLE, type);
}

/** Every message table, merged (exported for schema consistency tests). */
export const TABLE: MessageTable = merge([BASE_MESSAGES, RELATION_MESSAGES, EXPRESSION_MESSAGES, COMMAND_MESSAGES, CATALOG_MESSAGES, TYPE_MESSAGES]);

function merge(tables: readonly MessageTable[]): MessageTable {
  const out: Record<string, MessageTable[string]> = {};
  for (const t of tables) {
    for (const [name, spec] of Object.entries(t)) {
      if (Object.hasOwn(out, name)) throw new Error(`Spark Connect proto: message ${name} is defined twice`);
      out[name] = spec;
    }
  }
  return out;
}

// ---- compiled descriptors ----

interface Field {
  readonly name: string;
  readonly no: number;
  /** Scalar type, or undefined for a message field. */
  readonly scalar: ScalarType | undefined;
  /** Full message name for message fields (and map values of message type). */
  readonly type: string;
  readonly flag: FieldFlag | undefined;
  readonly packed: boolean;
}

interface Descriptor {
  readonly name: string;
  /** In field-number order, so output bytes are canonical. */
  readonly fields: readonly Field[];
  readonly byName: ReadonlyMap<string, Field>;
  readonly byNo: ReadonlyMap<number, Field>;
}

const descriptors = new Map<string, Descriptor>();

function descriptor(type: string): Descriptor {
  let d = descriptors.get(type);
  if (d === undefined) {
    if (!isMessageType(type)) throw new Error(`Spark Connect proto: unknown message type ${type}`);
    d = compile(type, Object.entries(TABLE[type]!));
    descriptors.set(type, d);
  }
  return d;
}

function compile(name: string, specs: readonly (readonly [string, FieldSpec])[]): Descriptor {
  const fields = specs
    .map(([fname, [no, type, flag]]): Field => {
      const scalar = type.includes('.') ? undefined : (type as ScalarType);
      const packed = flag === 'repeated' && scalar !== undefined && scalar !== 'string' && scalar !== 'bytes';
      return { name: fname, no, scalar, type, flag, packed };
    })
    .sort((a, b) => a.no - b.no);
  return {
    name,
    fields,
    byName: new Map(fields.map((f) => [f.name, f])),
    byNo: new Map(fields.map((f) => [f.no, f])),
  };
}

// Wire types, as in the protobuf encoding spec (mirrors @bufbuild's WireType enum).
const VARINT = 0;
const BIT64 = 1;
const LEN = 2;
const BIT32 = 5;

function wireType(s: ScalarType | undefined): number {
  switch (s) {
    case undefined:
    case 'string':
    case 'bytes':
      return LEN;
    case 'double':
    case 'fixed64':
    case 'sfixed64':
      return BIT64;
    case 'float':
    case 'fixed32':
    case 'sfixed32':
      return BIT32;
    default:
      return VARINT;
  }
}

// ---- encoding ----

function writeFields(w: BinaryWriter, d: Descriptor, value: Msg): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || value instanceof Uint8Array) {
    throw new Error(`Spark Connect proto: ${d.name} must be an object, got ${describe(value)}`);
  }
  for (const key of Object.keys(value)) {
    // Catches typos in callers: every key must be a field of the message.
    if (!d.byName.has(key)) throw new Error(`Spark Connect proto: ${d.name} has no field '${key}'`);
  }
  for (const f of d.fields) {
    const v = value[f.name];
    if (v === undefined || v === null) continue;
    if (f.flag === 'repeated') writeRepeated(w, d, f, v);
    else if (f.flag === 'map') writeMap(w, d, f, v);
    else if (f.scalar === undefined) writeNested(w, f.no, f.type, v);
    else if (f.flag !== undefined || !isDefault(v)) {
      w.tag(f.no, wireType(f.scalar));
      writeScalar(w, d, f, v);
    }
  }
}

function writeNested(w: BinaryWriter, no: number, type: string, v: unknown): void {
  w.tag(no, LEN).fork();
  writeFields(w, descriptor(type), v as Msg);
  w.join();
}

function writeRepeated(w: BinaryWriter, d: Descriptor, f: Field, v: unknown): void {
  if (!Array.isArray(v)) throw new Error(`Spark Connect proto: ${d.name}.${f.name} must be an array, got ${describe(v)}`);
  if (v.length === 0) return;
  if (f.packed) {
    w.tag(f.no, LEN).fork();
    for (const x of v) writeScalar(w, d, f, x);
    w.join();
  } else if (f.scalar === undefined) {
    for (const x of v) writeNested(w, f.no, f.type, x);
  } else {
    for (const x of v) {
      w.tag(f.no, LEN);
      writeScalar(w, d, f, x);
    }
  }
}

function writeMap(w: BinaryWriter, d: Descriptor, f: Field, v: unknown): void {
  if (typeof v !== 'object' || v === null || Array.isArray(v) || v instanceof Map) {
    throw new Error(`Spark Connect proto: ${d.name}.${f.name} must be a plain object, got ${describe(v)}`);
  }
  for (const [k, x] of Object.entries(v)) {
    if (x === undefined) continue;
    // A map entry is a message { key = 1; value = 2 }; both are always written.
    w.tag(f.no, LEN).fork();
    w.tag(1, LEN).string(k);
    if (f.scalar === undefined) writeNested(w, 2, f.type, x);
    else {
      w.tag(2, wireType(f.scalar));
      writeScalar(w, d, f, x);
    }
    w.join();
  }
}

function isDefault(v: unknown): boolean {
  return v === 0 || v === 0n || v === '' || v === false || (v instanceof Uint8Array && v.length === 0);
}

function writeScalar(w: BinaryWriter, d: Descriptor, f: Field, v: unknown): void {
  const bad = (): Error => new Error(`Spark Connect proto: ${d.name}.${f.name} (${f.scalar}) got ${describe(v)}`);
  switch (f.scalar) {
    case 'string':
      if (typeof v !== 'string') throw bad();
      w.string(v);
      return;
    case 'bytes':
      if (!(v instanceof Uint8Array)) throw bad();
      w.bytes(v);
      return;
    case 'bool':
      if (typeof v !== 'boolean') throw bad();
      w.bool(v);
      return;
    case 'double':
    case 'float':
      if (typeof v !== 'number') throw bad();
      if (f.scalar === 'double') w.double(v);
      else w.float(v);
      return;
    case 'int64':
    case 'uint64':
    case 'sint64':
    case 'fixed64':
    case 'sfixed64':
      if (!(typeof v === 'bigint' || (typeof v === 'number' && Number.isSafeInteger(v)))) throw bad();
      w[f.scalar](v);
      return;
    case 'int32':
    case 'uint32':
    case 'sint32':
    case 'fixed32':
    case 'sfixed32':
      if (typeof v !== 'number' || !Number.isInteger(v)) throw bad();
      w[f.scalar](v);
      return;
    case 'enum':
      if (typeof v !== 'number' || !Number.isInteger(v)) throw bad();
      w.int32(v);
      return;
    default:
      throw bad();
  }
}

function describe(v: unknown): string {
  if (typeof v === 'string') return `'${v}'`;
  if (typeof v === 'bigint') return `${v}n`;
  if (Array.isArray(v)) return 'an array';
  if (v instanceof Uint8Array) return 'bytes';
  return typeof v === 'object' ? 'an object' : String(v);
}

// ---- decoding ----

function readFields(r: BinaryReader, d: Descriptor, end: number): Msg {
  const out: Record<string, unknown> = {};
  while (r.pos < end) {
    const [no, wt] = r.tag();
    const f = d.byNo.get(no);
    if (f === undefined) {
      r.skip(wt, no);
      continue;
    }
    if (f.flag === 'map') {
      if (wt !== LEN) throw wireMismatch(d, f, wt);
      const entries = (out[f.name] ??= {}) as Record<string, unknown>;
      readMapEntry(r, d, f, entries);
    } else if (f.flag === 'repeated') {
      const list = (out[f.name] ??= []) as unknown[];
      if (f.packed && wt === LEN) {
        const stop = r.uint32() + r.pos;
        while (r.pos < stop) list.push(readScalar(r, f.scalar!));
      } else {
        if (wt !== wireType(f.scalar)) throw wireMismatch(d, f, wt);
        list.push(readValue(r, f));
      }
    } else {
      if (wt !== wireType(f.scalar)) throw wireMismatch(d, f, wt);
      out[f.name] = readValue(r, f);
    }
  }
  if (r.pos !== end) throw new Error(`Spark Connect proto: ${d.name} overran its length`);
  return out;
}

function readValue(r: BinaryReader, f: Field): unknown {
  if (f.scalar !== undefined) return readScalar(r, f.scalar);
  const len = r.uint32();
  return readFields(r, descriptor(f.type), r.pos + len);
}

function readMapEntry(r: BinaryReader, d: Descriptor, f: Field, into: Record<string, unknown>): void {
  const end = r.uint32() + r.pos;
  let key = '';
  let value: unknown;
  while (r.pos < end) {
    const [no, wt] = r.tag();
    if (no === 1 && wt === LEN) key = r.string();
    else if (no === 2 && wt === wireType(f.scalar)) value = readValue(r, f);
    else r.skip(wt, no);
  }
  // An absent value is the value type's default.
  into[key] = value ?? (f.scalar === undefined ? {} : scalarDefault(f.scalar));
  if (r.pos !== end) throw new Error(`Spark Connect proto: ${d.name}.${f.name} map entry overran its length`);
}

function scalarDefault(s: ScalarType): unknown {
  switch (s) {
    case 'string':
      return '';
    case 'bytes':
      return new Uint8Array(0);
    case 'bool':
      return false;
    case 'int64':
    case 'uint64':
    case 'sint64':
    case 'fixed64':
    case 'sfixed64':
      return 0n;
    default:
      return 0;
  }
}

function readScalar(r: BinaryReader, s: ScalarType): unknown {
  switch (s) {
    case 'string':
      return r.string();
    case 'bytes':
      return r.bytes();
    case 'bool':
      return r.bool();
    case 'double':
      return r.double();
    case 'float':
      return r.float();
    // The reader gives a string where BigInt is missing; Node always has it, BigInt() covers both.
    case 'int64':
    case 'uint64':
    case 'sint64':
    case 'fixed64':
    case 'sfixed64':
      return BigInt(r[s]());
    case 'enum':
      return r.int32();
    default:
      return r[s]();
  }
}

function wireMismatch(d: Descriptor, f: Field, wt: number): Error {
  return new Error(`Spark Connect proto: ${d.name}.${f.name} arrived with wire type ${wt}, expected ${wireType(f.scalar)}`);
}
