/**
 * The array, map and struct builders and accessors the Polars backend lowers natively (the delegated
 * collection functions are in collections.ts).
 */
import { typeOf } from '../../../expr/nodes.js';
import { ArrayType, DecimalType, MapType, StringType, StructType } from '../../../types/data-types.js';
import { delegate } from '../delegation.js';
import { i32, i64, ifElse, nullOf } from '../nx.js';
import { PL } from '../type-mapper.js';
import { mapLookup } from './operators.js';
import { arg, type FunctionTable, type ScalarLowering } from './types.js';
import { isFloatT, litInt, tr0 } from './scalar-args.js';

const arrayFn: ScalarLowering = (call, ctx) => {
  if (call.args.length === 0) delegate('empty array literal');
  const element = (call.dataType as ArrayType).elementType;
  // concat_list concatenates list arguments instead of nesting them
  if (element instanceof ArrayType || element instanceof MapType) delegate('array of arrays or maps');
  return ctx.pl.concatLst(call.args.map((a) => ctx.tr(a)));
};

const structFn: ScalarLowering = (call, ctx) => {
  const t = call.dataType as StructType;
  if (call.args.length === 0) delegate('empty struct');
  if (new Set(t.fields.map((f) => f.name)).size !== t.fields.length) delegate('struct with duplicate field names');
  return ctx.pl.asStruct(call.args.map((a, i) => ctx.tr(a).alias(t.fields[i]!.name)));
};

const size: ScalarLowering = (call, ctx) => {
  const x = tr0(call, ctx);
  return ifElse(x.isNull(), i32(-1), x.listLengths().cast(PL.Int32, true));
};

const elementAt: ScalarLowering = (call, ctx) => {
  const t = typeOf(arg(call, 0));
  const x = tr0(call, ctx);
  if (t instanceof MapType) return mapLookup(x, t, arg(call, 1), ctx);
  const idx = litInt(call, 1);
  if (idx === undefined || idx === 0) delegate('element_at with a non-literal or zero index');
  if (idx === null) return nullOf(call.dataType!);
  return x.listGet(i64(idx > 0 ? idx - 1 : idx), true);
};

const arrayMinMax =
  (max: boolean): ScalarLowering =>
  (call, ctx) => {
    const el = (typeOf(arg(call, 0)) as ArrayType).elementType;
    if (isFloatT(el) || el instanceof ArrayType || el instanceof MapType || el instanceof StructType || el instanceof DecimalType) {
      delegate(`${call.fn} of ${el.simpleString()} elements`);
    }
    const x = tr0(call, ctx);
    return max ? x.listMax() : x.listMin();
  };

const arrayJoin: ScalarLowering = (call, ctx) => {
  const el = (typeOf(arg(call, 0)) as ArrayType).elementType;
  if (!(el instanceof StringType) || call.args.length > 2) delegate('array_join with a null replacement or non-string elements');
  return tr0(call, ctx).listJoin(ctx.tr(arg(call, 1)), true);
};

const mapPart =
  (field: 'key' | 'value'): ScalarLowering =>
  (call, ctx) =>
    tr0(call, ctx).listEval(ctx.pl.element().structFieldByName(field), false);

export const collectionScalarFunctions: FunctionTable = {
  array: { scalar: arrayFn },
  struct: { scalar: structFn },
  create_map: { delegated: 'duplicate-key policy' },
  size: { scalar: size },
  array_contains: { delegated: 'null-element semantics' },
  element_at: { scalar: elementAt },
  array_max: { scalar: arrayMinMax(true) },
  array_min: { scalar: arrayMinMax(false) },
  array_distinct: { delegated: 'first-occurrence order' },
  sort_array: { delegated: 'null and NaN placement' },
  array_join: { scalar: arrayJoin },
  map_keys: { scalar: mapPart('key') },
  map_values: { scalar: mapPart('value') },
};
