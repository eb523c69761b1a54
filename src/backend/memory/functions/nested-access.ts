/** Nested-field access as operators: array/map items, struct fields, withField and dropFields. */
import type { Call } from '../../../expr/nodes.js';
import { ArrayType, MapType, StructType, type DataType } from '../../../types/data-types.js';
import { InternalError } from '../../../errors/index.js';
import { hashKey, isPrimitiveKeyType } from '../runtime/compare.js';
import type { FunctionImpl, RowFn } from './types.js';
import { argType, binary, compiled, unary } from './util.js';
import { compileFieldUpdate, fieldUpdates, updatedType } from '../../../functions/defs/update-fields.js';

/** Looks a key up in a map value, comparing complex keys structurally. */
export function mapLookup(m: Map<unknown, unknown>, key: unknown, keyType: DataType): unknown {
  if (isPrimitiveKeyType(keyType)) {
    const v = m.get(key);
    return v === undefined ? null : v;
  }
  const target = hashKey(key, keyType);
  for (const [k, v] of m) if (hashKey(k, keyType) === target) return v ?? null;
  return null;
}

const getItem = compiled((args, call) => {
  const [a, b] = args as [RowFn, RowFn];
  const t = argType(call, 0);
  if (t instanceof ArrayType) {
    return binary(a, b, (arr: unknown[], idx: number) => {
      const v = idx >= 0 && idx < arr.length ? arr[idx] : null;
      return v === undefined ? null : v;
    });
  }
  if (t instanceof MapType) {
    const kt = t.keyType;
    return binary(a, b, (m: Map<unknown, unknown>, k: unknown) => mapLookup(m, k, kt));
  }
  throw new InternalError(`get_item on ${t.simpleString()}`);
});

function fieldIndex(call: Call, t: StructType, name: unknown): number {
  const idx = call.options?.index;
  if (typeof idx === 'number') return idx;
  const n = String(name);
  let i = t.fields.findIndex((f) => f.name === n);
  if (i < 0) i = t.fields.findIndex((f) => f.name.toLowerCase() === n.toLowerCase());
  if (i < 0) throw new InternalError(`struct field ${n} not found`);
  return i;
}

const getField = compiled((args, call) => {
  const a = argType(call, 0);
  const t = (a instanceof ArrayType ? a.elementType : a) as StructType;
  const i = fieldIndex(call, t, call.options?.field);
  const field = (s: unknown[] | null | undefined): unknown => (s === null || s === undefined ? null : (s[i] ?? null));
  // An array of structs gives each element's field (NULL for a NULL element).
  if (a instanceof ArrayType) return unary(args[0]!, (xs: (unknown[] | null)[]) => xs.map(field));
  return unary(args[0]!, field);
});

const withField = compiled((args, call) => {
  const [a, b] = args as [RowFn, RowFn];
  const update = compileFieldUpdate(argType(call, 0) as StructType, fieldUpdates(call)[0]!);
  return (i) => {
    const s = a(i) as unknown[] | null | undefined;
    return s === null || s === undefined ? null : update(s, b(i));
  };
});

const dropFields = compiled((args, call) => {
  let t = argType(call, 0) as StructType;
  const steps = fieldUpdates(call).map((u) => {
    const step = compileFieldUpdate(t, u);
    t = updatedType(t, u, undefined, '', '', true);
    return step;
  });
  return unary(args[0]!, (s: unknown[]) => steps.reduce<unknown[]>((row, step) => step(row, undefined), s));
});

export const nestedAccessImpls: Record<string, FunctionImpl> = {
  get_item: getItem,
  get_field: getField,
  with_field: withField,
  drop_fields: dropFields,
};
