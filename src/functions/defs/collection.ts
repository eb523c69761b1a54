/** Array, map and struct functions, and the generators (`explode` family). */
import {
  ArrayType,
  BooleanType,
  DataType,
  MapType,
  NullType,
  StructField,
  StructType,
  INT,
  STRING,
} from '../../types/data-types.js';
import { findWiderCommonTypeOf } from '../../types/coercion.js';
import { castsFor, coerceArg, dataDiffTypes, dataTypeMismatch, fn, nullableAs, sqlTypeName, unexpectedInputType } from '../define.js';
import type { ArgInfo, FunctionDef, ResolveContext } from '../registry.js';
import { arrayArg, elementNullable } from './array-set.js';
import { requireArrayOrMap } from '../arg-checks.js';
import { mapAndKey, refuseMapKeyType } from './map.js';

/** The common type of `args`, or `onMismatch`'s error (`array`'s DATA_DIFF_TYPES, `map`'s key/value classes). */
function commonElementType(args: readonly ArgInfo[], ctx: ResolveContext, onMismatch: (types: DataType[]) => Error): DataType {
  if (args.length === 0) return new NullType();
  const types = args.map((a) => a.dataType);
  const t = findWiderCommonTypeOf(types, ctx.ansi);
  if (!t) throw onMismatch(types);
  return t;
}

/** Spark's CREATE_MAP_KEY_DIFF_TYPES / CREATE_MAP_VALUE_DIFF_TYPES of `map(...)`. */
const mapDiffTypes = (ctx: ResolveContext, what: 'keys' | 'values') => (types: DataType[]) => {
  const dataType = `[${types.map(sqlTypeName).join(', ')}]`;
  return dataTypeMismatch(ctx, `CREATE_MAP_${what === 'keys' ? 'KEY' : 'VALUE'}_DIFF_TYPES`, `The given ${what} of function \`map\` should all be the same type, but they are ${dataType}`, {
    functionName: '`map`',
    dataType,
  });
};

const arrayFn: FunctionDef = {
  name: 'array',
  kind: 'scalar',
  minArgs: 0,
  maxArgs: Infinity,
  resolve(args, _call, ctx) {
    const t = commonElementType(args, ctx, (types) => dataDiffTypes(ctx, 'array', types, 'or'));
    return {
      // an element whose cast may fail (a string read as BIGINT under ANSI) may be NULL
      dataType: new ArrayType(t, args.some((a) => nullableAs(a, t))),
      nullable: false,
      argTypes: castsFor(args, args.map(() => t)),
    };
  },
};

/** struct(a, b): field names from column names/aliases, else `col1`, `col2`, ... */
const structFn: FunctionDef = {
  name: 'struct',
  kind: 'scalar',
  minArgs: 0,
  maxArgs: Infinity,
  resolve(args) {
    const fields = args.map((a, i) => new StructField(a.name ?? `col${i + 1}`, a.dataType, a.nullable));
    return { dataType: new StructType(fields), nullable: false };
  },
};

/** map(k1, v1, k2, v2, ...), named `map(...)` as in Spark. */
const createMap: FunctionDef = {
  name: 'create_map',
  kind: 'scalar',
  minArgs: 0,
  maxArgs: Infinity,
  resolve(args, _call, ctx) {
    if (args.length % 2 !== 0) {
      throw dataTypeMismatch(ctx, 'WRONG_NUM_ARGS', `The \`map\` requires 2n (n > 0) parameters but the actual number is ${args.length}`);
    }
    const keys = args.filter((_, i) => i % 2 === 0);
    const values = args.filter((_, i) => i % 2 === 1);
    const kt = commonElementType(keys, ctx, mapDiffTypes(ctx, 'keys'));
    refuseMapKeyType(ctx, kt);
    const vt = commonElementType(values, ctx, mapDiffTypes(ctx, 'values'));
    return {
      dataType: new MapType(kt, vt, values.some((v) => nullableAs(v, vt))),
      nullable: false,
      argTypes: castsFor(args, args.map((_, i) => (i % 2 === 0 ? kt : vt))),
    };
  },
  sql: (a) => `map(${a.join(', ')})`,
};

const size: FunctionDef = {
  name: 'size',
  kind: 'scalar',
  minArgs: 1,
  maxArgs: 1,
  resolve(args, _call, ctx) {
    requireArrayOrMap(args, 0, ctx);
    // spark.sql.legacy.sizeOfNull is true by default in 3.5: size(null) = -1.
    return { dataType: INT, nullable: false };
  },
};

/** element_at(array, 1-based index) or element_at(map, key). */
const elementAt: FunctionDef = {
  name: 'element_at',
  kind: 'scalar',
  minArgs: 2,
  maxArgs: 2,
  nullIntolerant: true,
  resolve(args, _call, ctx) {
    const t = args[0]!.dataType;
    if (t instanceof MapType) return { dataType: t.valueType, nullable: true, argTypes: mapAndKey('element_at', args, ctx).argTypes };
    const arr = arrayArg(args, 0, ctx);
    return { dataType: arr.elementType, nullable: elementNullable(args[0]!, args[1]!, 1), argTypes: castsFor(args, [arr, coerceArg(args, 1, INT, ctx)]) };
  },
};

/** explode/explode_outer/posexplode/posexplode_outer: arrays give `col`, maps `key`,`value`. */
function generator(name: string, withPos: boolean): FunctionDef {
  return {
    name,
    kind: 'generator',
    minArgs: 1,
    maxArgs: 1,
    resolve(args, _call, ctx) {
      requireArrayOrMap(args, 0, ctx, false);
      const t = args[0]!.dataType as ArrayType | MapType;
      return { dataType: t instanceof ArrayType ? t.elementType : t.valueType, nullable: true };
    },
    generatorOutput(args) {
      const t = args[0]!.dataType;
      const pos = withPos ? [{ name: 'pos', dataType: INT, nullable: name.endsWith('_outer') }] : [];
      if (t instanceof MapType) {
        return [...pos, { name: 'key', dataType: t.keyType, nullable: name.endsWith('_outer') }, { name: 'value', dataType: t.valueType, nullable: t.valueContainsNull || name.endsWith('_outer') }];
      }
      const a = t as ArrayType;
      return [...pos, { name: 'col', dataType: a.elementType, nullable: a.containsNull || name.endsWith('_outer') }];
    },
  };
}

const arrayToElement = (name: string): FunctionDef =>
  fn(name, { inputs: ['array'], returns: (t) => (t[0] as ArrayType).elementType, nullable: true, nullIntolerant: true });

export const collectionDefs: readonly FunctionDef[] = [
  arrayFn,
  structFn,
  createMap,
  size,
  elementAt,
  generator('explode', false),
  generator('explode_outer', false),
  generator('posexplode', true),
  generator('posexplode_outer', true),
  arrayToElement('array_max'),
  arrayToElement('array_min'),
  fn('array_distinct', { inputs: ['array'], returns: (t) => t[0]!, nullIntolerant: true }),
  fn('sort_array', {
    inputs: ['array', 'any'],
    min: 2,
    returns: (t) => t[0]!,
    nullIntolerant: true,
    // the order is a boolean literal in Spark: no implicit cast, no column
    check: (args, _types, ctx) => {
      const asc = args[1]!;
      if (!(asc.dataType instanceof BooleanType) || asc.literal === undefined) throw unexpectedInputType(ctx, 1, '"BOOLEAN"', asc.dataType);
    },
  }),
  fn('array_join', { inputs: ['array', 'string', 'string'], min: 2, returns: STRING, nullIntolerant: true }),
  fn('map_keys', {
    inputs: ['map'],
    // Spark's MapKeys/MapValues declare ArrayType(elementType) whose containsNull defaults to true
    returns: (t) => new ArrayType((t[0] as MapType).keyType, true),
    nullIntolerant: true,
  }),
  fn('map_values', {
    inputs: ['map'],
    returns: (t) => new ArrayType((t[0] as MapType).valueType, true),
    nullIntolerant: true,
  }),
];
