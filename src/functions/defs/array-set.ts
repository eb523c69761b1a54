/**
 * Array functions that compare elements: the set operations (`array_union`,
 * `array_intersect`, `array_except`, `arrays_overlap`) and the array-plus-value
 * functions (`array_append`, `array_prepend`, `array_insert`, `array_position`,
 * `array_remove`). Spark coerces the element types with its *tightest* common
 * type (no string promotion, no int/decimal widening beyond what is lossless),
 * and reports its own DATATYPE_MISMATCH sub-classes.
 */
import { ArrayType, DataType, DecimalType, IntegralType, NullType, BOOLEAN, INT, LONG } from '../../types/data-types.js';
import { decimalForType, findTightestCommonType } from '../../types/coercion.js';
import { castsFor, dataTypeMismatch, sqlTypeName, unexpectedInputType } from '../define.js';
import { strictInt } from '../arg-checks.js';
import type { ArgInfo, FunctionDef, ResolveContext, Resolution } from '../registry.js';

/** Decimal `d` holds every value of integral `i` (Spark's DecimalType.isWiderThan). */
function decimalHolds(d: DecimalType, i: DataType): boolean {
  const n = decimalForType(i);
  return d.precision - d.scale >= n.precision - n.scale && d.scale >= n.scale;
}

/**
 * Spark's findTightestCommonType: like the project's, but a decimal only
 * meets an integral type it holds (never a fractional type or another decimal).
 */
export function tightestCommonType(a: DataType, b: DataType): DataType | undefined {
  if (a.equals(b)) return a;
  if (a instanceof DecimalType || b instanceof DecimalType) {
    if (a instanceof NullType || b instanceof NullType) return a instanceof NullType ? b : a;
    if (a instanceof DecimalType && b instanceof IntegralType) return decimalHolds(a, b) ? a : undefined;
    if (b instanceof DecimalType && a instanceof IntegralType) return decimalHolds(b, a) ? b : undefined;
    return undefined;
  }
  if (a instanceof ArrayType && b instanceof ArrayType) {
    const e = tightestCommonType(a.elementType, b.elementType);
    return e && new ArrayType(e, a.containsNull || b.containsNull);
  }
  return findTightestCommonType(a, b);
}

/**
 * Nullability of `array(e0, e1, ...)[index]` with a literal index (Spark's
 * computeNullabilityFromArray): the chosen element's own nullability when the
 * array is built in place and the index falls inside it, else nullable.
 * `base` is 0 for get/[] and 1 for element_at (which also counts from the end).
 */
export function elementNullable(array: ArgInfo, index: ArgInfo, base: 0 | 1): boolean {
  const a = array.expr;
  const i = index.literal?.value;
  if (a.kind !== 'Call' || a.fn !== 'array' || typeof i !== 'number') return true;
  const n = a.args.length;
  const at = base === 0 ? i : i > 0 ? i - 1 : i < 0 ? n + i : -1;
  return at < 0 || at >= n ? true : (a.args[at]!.nullable ?? true);
}

/** The argument as an array, or Spark's UNEXPECTED_INPUT_TYPE (a NULL literal reads as an array of NULL). */
export function arrayArg(args: readonly ArgInfo[], i: number, ctx: ResolveContext, shownIndex = i): ArrayType {
  const t = args[i]!.dataType;
  if (t instanceof ArrayType) return t;
  if (t instanceof NullType) return new ArrayType(new NullType(), true);
  throw shownIndex === i ? unexpectedInputType(ctx, i, '"ARRAY"', t) : unexpectedAt(ctx, i, shownIndex, t);
}

/** UNEXPECTED_INPUT_TYPE with Spark's own (sometimes 0-based) parameter number. */
function unexpectedAt(ctx: ResolveContext, i: number, shown: number, actual: DataType): Error {
  const inputSql = ctx.argSql[i];
  return dataTypeMismatch(
    ctx,
    'UNEXPECTED_INPUT_TYPE',
    `Parameter ${shown + 1} requires the "ARRAY" type, however "${inputSql}" has the type ${sqlTypeName(actual)}`,
    { paramIndex: String(shown + 1), requiredType: '"ARRAY"', inputSql: `"${inputSql}"`, inputType: sqlTypeName(actual) },
  );
}

const typeList = (args: readonly ArgInfo[]): string => `[${args.map((a) => sqlTypeName(a.dataType)).join(', ')}]`;

/**
 * An array and a value of its element type (ArrayBinaryLike): the common
 * element type both are cast to, or ARRAY_FUNCTION_DIFF_TYPES.
 */
function arrayAndElement(name: string, args: readonly ArgInfo[], arr: ArrayType, v: number, ctx: ResolveContext): DataType {
  const t = tightestCommonType(arr.elementType, args[v]!.dataType);
  if (!t) {
    throw dataTypeMismatch(
      ctx,
      'ARRAY_FUNCTION_DIFF_TYPES',
      `Input to \`${name}\` should have been "ARRAY" followed by a value with same element type, but it's [${sqlTypeName(arr)}, ${sqlTypeName(args[v]!.dataType)}]`,
      { functionName: `\`${name}\``, dataType: '"ARRAY"', leftType: sqlTypeName(arr), rightType: sqlTypeName(args[v]!.dataType) },
    );
  }
  return t;
}

interface ElementFnSpec {
  /** Spark numbers the array parameter 0 for array_append/array_prepend (sic). */
  readonly arrayParamShown?: number;
  readonly result: (elem: DataType, arr: ArrayType, args: readonly ArgInfo[]) => { dataType: DataType; nullable: boolean };
  /**
   * Spark's NULL_TYPE refusal: a bare NULL array; a bare NULL value too (`'value'`, array_contains),
   * or a value whose common type with the elements is still NULL (`'element'`, array_position).
   */
  readonly refusesNull?: 'value' | 'element';
}

/** Spark's DATATYPE_MISMATCH.NULL_TYPE. */
const nullTypeArgs = (ctx: ResolveContext, name: string): Error =>
  dataTypeMismatch(ctx, 'NULL_TYPE', `Null typed values cannot be used as arguments of \`${name}\``, { functionName: `\`${name}\`` });

/** array_append / array_prepend / array_position / array_remove: (array, value). */
function arrayWithValue(name: string, spec: ElementFnSpec): FunctionDef {
  return {
    name,
    kind: 'scalar',
    minArgs: 2,
    maxArgs: 2,
    resolve(args, _call, ctx): Resolution {
      const refuses = spec.refusesNull;
      if (refuses && (args[0]!.dataType instanceof NullType || (refuses === 'value' && args[1]!.dataType instanceof NullType))) throw nullTypeArgs(ctx, name);
      const arr = arrayArg(args, 0, ctx, spec.arrayParamShown ?? 0);
      const elem = arrayAndElement(name, args, arr, 1, ctx);
      if (refuses === 'element' && elem instanceof NullType) throw nullTypeArgs(ctx, name);
      const castArr = new ArrayType(elem, arr.containsNull);
      return { ...spec.result(elem, arr, args), argTypes: castsFor(args, [castArr, elem]) };
    },
  };
}

/** array_insert(array, pos, value): `pos` must already be an INT (no implicit cast in Spark). */
const arrayInsert: FunctionDef = {
  name: 'array_insert',
  kind: 'scalar',
  minArgs: 3,
  maxArgs: 3,
  resolve(args, _call, ctx) {
    const arr = arrayArg(args, 0, ctx);
    strictInt(args, 1, ctx);
    const elem = arrayAndElement('array_insert', args, arr, 2, ctx);
    return {
      dataType: new ArrayType(elem, true),
      nullable: args[0]!.nullable || args[1]!.nullable,
      argTypes: castsFor(args, [new ArrayType(elem, arr.containsNull), INT, elem]),
    };
  },
};

type SetKind = 'union' | 'intersect' | 'except' | 'overlap';

/** Two arrays of one element type (BINARY_ARRAY_DIFF_TYPES otherwise). */
function arrayPair(name: string, kind: SetKind): FunctionDef {
  return {
    name,
    kind: 'scalar',
    minArgs: 2,
    maxArgs: 2,
    resolve(args, _call, ctx) {
      const [l, r] = args.map((a) => (a.dataType instanceof NullType ? new ArrayType(new NullType(), true) : a.dataType));
      const elem = l instanceof ArrayType && r instanceof ArrayType ? tightestCommonType(l.elementType, r.elementType) : undefined;
      if (!elem) {
        throw dataTypeMismatch(
          ctx,
          'BINARY_ARRAY_DIFF_TYPES',
          `Input to function \`${name}\` should have been two "ARRAY" with same element type, but it's ${typeList(args)}`,
          { functionName: `\`${name}\``, arrayType: '"ARRAY"', leftType: sqlTypeName(args[0]!.dataType), rightType: sqlTypeName(args[1]!.dataType) },
        );
      }
      const la = l as ArrayType;
      const ra = r as ArrayType;
      const nullable = args[0]!.nullable || args[1]!.nullable;
      const argTypes = castsFor(args, [new ArrayType(elem, la.containsNull), new ArrayType(elem, ra.containsNull)]);
      if (kind === 'overlap') return { dataType: BOOLEAN, nullable: nullable || la.containsNull || ra.containsNull, argTypes };
      const containsNull = kind === 'union' ? la.containsNull || ra.containsNull : kind === 'intersect' ? la.containsNull && ra.containsNull : la.containsNull;
      return { dataType: new ArrayType(elem, containsNull), nullable, argTypes };
    },
  };
}

export const arraySetDefs: readonly FunctionDef[] = [
  arrayWithValue('array_append', {
    arrayParamShown: -1,
    result: (elem, arr, args) => ({ dataType: new ArrayType(elem, arr.containsNull || args[1]!.nullable), nullable: args[0]!.nullable }),
  }),
  arrayWithValue('array_prepend', {
    arrayParamShown: -1,
    result: (elem, _arr, args) => ({ dataType: new ArrayType(elem, true), nullable: args[0]!.nullable }),
  }),
  // Spark's ArrayContains: NULL only from a NULL input or a NULL element that could have matched.
  arrayWithValue('array_contains', {
    refusesNull: 'value',
    result: (_e, arr, args) => ({ dataType: BOOLEAN, nullable: args[0]!.nullable || args[1]!.nullable || arr.containsNull }),
  }),
  arrayWithValue('array_position', { refusesNull: 'element', result: (_e, _a, args) => ({ dataType: LONG, nullable: args[0]!.nullable || args[1]!.nullable }) }),
  arrayWithValue('array_remove', {
    result: (elem, arr, args) => ({ dataType: new ArrayType(elem, arr.containsNull), nullable: args[0]!.nullable || args[1]!.nullable }),
  }),
  arrayInsert,
  arrayPair('array_union', 'union'),
  arrayPair('array_intersect', 'intersect'),
  arrayPair('array_except', 'except'),
  arrayPair('arrays_overlap', 'overlap'),
];
