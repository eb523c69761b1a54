/**
 * The shape of our hand-written message tables (one per proto file family).
 *
 * A message is `{ field_name: [number, type, flag?] }`. `type` is a scalar
 * name, `'enum'`, or a message's full name (anything containing a dot, e.g.
 * `spark.connect.Relation`). Oneof membership is not recorded as a group: a
 * oneof member that is a scalar carries the `oneof` flag because, like a
 * proto3 `optional`, it has explicit presence (a literal `integer: 0` must
 * still be written); oneof members that are messages need no flag.
 */
export type ScalarType =
  | 'double'
  | 'float'
  | 'int64'
  | 'uint64'
  | 'sint64'
  | 'fixed64'
  | 'sfixed64'
  | 'int32'
  | 'uint32'
  | 'sint32'
  | 'fixed32'
  | 'sfixed32'
  | 'bool'
  | 'string'
  | 'bytes'
  | 'enum';

/**
 * - `optional`: proto3 `optional` scalar (written when set, even if default)
 * - `oneof`: scalar member of a oneof (same presence rule as `optional`)
 * - `repeated`: a list (numeric scalars are written packed)
 * - `map`: `map<string, type>`, as a plain object
 */
export type FieldFlag = 'optional' | 'oneof' | 'repeated' | 'map';

export type FieldSpec = readonly [number: number, type: ScalarType | `${string}.${string}`, flag?: FieldFlag];

export type MessageSpec = { readonly [field: string]: FieldSpec };

export type MessageTable = { readonly [fullName: string]: MessageSpec };

// Short aliases keep the tables readable.
export const OPT = 'optional';
export const ONE = 'oneof';
export const REP = 'repeated';
export const MAP = 'map';

/** The type_variation_reference-only messages of types.proto and the many `{}` messages. */
export const EMPTY: MessageSpec = {};
