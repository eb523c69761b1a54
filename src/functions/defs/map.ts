/**
 * Map functions: map_concat, map_contains_key, map_entries, map_from_arrays,
 * map_from_entries, map_zip_with (a lambda over the union of keys),
 * str_to_map, and named_struct (a struct built from name/value pairs).
 * Duplicate keys are resolved at run time by spark.sql.mapKeyDedupPolicy.
 */
import { wrongNumArgs } from '../../errors/analysis-errors.js';
import { ArrayType, DataType, MapType, NullType, StructField, StructType, BOOLEAN, STRING } from '../../types/data-types.js';
import { findWiderCommonTypeOf, findWiderCommonTypeWithoutStringPromotionOf } from '../../types/coercion.js';
import { E, mapChildren, type Expr } from '../../expr/nodes.js';
import { exprSql } from '../../expr/naming.js';
import { castsFor, dataDiffTypes, dataTypeMismatch, sqlTypeName, unexpectedInputType } from '../define.js';
import { requireString } from '../arg-checks.js';
import type { ArgInfo, FunctionDef, LambdaParam, ResolveContext } from '../registry.js';
import { withSql } from '../resolve-context.js';
import { arrayArg, tightestCommonType } from './array-set.js';

const mapOf = (args: readonly ArgInfo[], i: number, ctx: ResolveContext): MapType => {
  const t = args[i]!.dataType;
  if (t instanceof MapType) return t;
  throw unexpectedInputType(ctx, i, '"MAP"', t);
};

/** map_concat(m1, m2, ...): keys and values widened to common types (a string side wins, as in Spark). */
const mapConcat: FunctionDef = {
  name: 'map_concat',
  kind: 'scalar',
  minArgs: 0,
  maxArgs: Infinity,
  resolve(args, _call, ctx) {
    if (args.length === 0) return { dataType: new MapType(STRING, STRING, true), nullable: false };
    if (!args.every((a) => a.dataType instanceof MapType)) {
      throw dataTypeMismatch(ctx, 'MAP_CONCAT_DIFF_TYPES', `The \`map_concat\` should all be of type map, but it's [${args.map((a) => sqlTypeName(a.dataType)).join(', ')}]`, {
        functionName: '`map_concat`',
        dataType: `[${args.map((a) => sqlTypeName(a.dataType)).join(', ')}]`,
      });
    }
    // Spark widens the map types as wholes: a value cast that may fail makes values nullable.
    const common = findWiderCommonTypeOf(args.map((a) => a.dataType), ctx.ansi);
    if (!(common instanceof MapType)) {
      throw dataDiffTypes(ctx, 'map_concat', args.map((a) => a.dataType), 'or');
    }
    return {
      dataType: common,
      nullable: args.some((a) => a.nullable),
      argTypes: castsFor(args, args.map(() => common)),
    };
  },
};

/**
 * A map and a key (element_at, try_element_at, map_contains_key): both are
 * cast to the tightest common key type, else MAP_FUNCTION_DIFF_TYPES.
 */
export function mapAndKey(
  name: string,
  args: readonly ArgInfo[],
  ctx: ResolveContext,
  common: (a: DataType, b: DataType) => DataType | undefined = tightestCommonType,
): { map: MapType; argTypes: (DataType | undefined)[] } {
  const m = args[0]!.dataType;
  // a NULL key is cast to the map's key type (element_at(map, NULL) is NULL)
  const key = args[1]!.dataType;
  const k = m instanceof MapType ? (key instanceof NullType ? m.keyType : common(m.keyType, key)) : undefined;
  if (!(m instanceof MapType) || !k) {
    throw dataTypeMismatch(
      ctx,
      'MAP_FUNCTION_DIFF_TYPES',
      `Input to \`${name}\` should have been "MAP" followed by a value with same key type, but it's [${sqlTypeName(m)}, ${sqlTypeName(args[1]!.dataType)}]`,
      { functionName: `\`${name}\``, dataType: '"MAP"', leftType: sqlTypeName(m), rightType: sqlTypeName(args[1]!.dataType) },
    );
  }
  const map = new MapType(k, m.valueType, m.valueContainsNull);
  return { map, argTypes: castsFor(args, [map, k]) };
}

/** map_contains_key(map, key): unlike element_at, the key widens with the map's key type (a decimal next to INT keys). */
const mapContainsKey: FunctionDef = {
  name: 'map_contains_key',
  kind: 'scalar',
  minArgs: 2,
  maxArgs: 2,
  nullIntolerant: true,
  resolve(args, _call, ctx) {
    // Spark's MapContainsKey refuses a NULL-typed key before comparing types.
    if (args[1]!.dataType instanceof NullType) {
      throw dataTypeMismatch(ctx, 'NULL_TYPE', 'Null typed values cannot be used as arguments of `map_contains_key`', { functionName: '`map_contains_key`' });
    }
    const wider = (a: DataType, b: DataType) => findWiderCommonTypeWithoutStringPromotionOf([a, b]);
    return { dataType: BOOLEAN, nullable: true, argTypes: mapAndKey('map_contains_key', args, ctx, wider).argTypes };
  },
};

const entryStruct = (m: MapType): StructType =>
  new StructType([new StructField('key', m.keyType, false), new StructField('value', m.valueType, m.valueContainsNull)]);

const mapEntries: FunctionDef = {
  name: 'map_entries',
  kind: 'scalar',
  minArgs: 1,
  maxArgs: 1,
  nullIntolerant: true,
  resolve(args, _call, ctx) {
    const m = mapOf(args, 0, ctx);
    return { dataType: new ArrayType(entryStruct(m), false), nullable: args[0]!.nullable };
  },
};

/** Whether a type is or holds a MAP (no map key, grouping key or pivot column may). */
export function containsMap(t: DataType): boolean {
  if (t instanceof MapType) return true;
  if (t instanceof ArrayType) return containsMap(t.elementType);
  if (t instanceof StructType) return t.fields.some((f) => containsMap(f.dataType));
  return false;
}

/** Spark's DATATYPE_MISMATCH.INVALID_MAP_KEY_TYPE: a map's key type cannot be or contain a MAP. */
export function refuseMapKeyType(ctx: ResolveContext, keyType: DataType): void {
  if (containsMap(keyType)) {
    throw dataTypeMismatch(ctx, 'INVALID_MAP_KEY_TYPE', `The key of map cannot be/contain ${sqlTypeName(keyType)}`, { keyType: sqlTypeName(keyType) });
  }
}

const mapFromArrays: FunctionDef = {
  name: 'map_from_arrays',
  kind: 'scalar',
  minArgs: 2,
  maxArgs: 2,
  nullIntolerant: true,
  resolve(args, _call, ctx) {
    const k = arrayArg(args, 0, ctx);
    const v = arrayArg(args, 1, ctx);
    refuseMapKeyType(ctx, k.elementType);
    return { dataType: new MapType(k.elementType, v.elementType, v.containsNull), nullable: args.some((a) => a.nullable), argTypes: castsFor(args, [k, v]) };
  },
};

/** map_from_entries(array<struct<k, v>>): NULL when the array holds a null entry. */
const mapFromEntries: FunctionDef = {
  name: 'map_from_entries',
  kind: 'scalar',
  minArgs: 1,
  maxArgs: 1,
  nullIntolerant: true,
  resolve(args, _call, ctx) {
    const t = args[0]!.dataType;
    const s = t instanceof ArrayType ? t.elementType : undefined;
    if (!(s instanceof StructType) || s.fields.length !== 2) throw unexpectedInputType(ctx, 0, '"ARRAY" of pair "STRUCT"', t);
    const [kf, vf] = s.fields as [StructField, StructField];
    refuseMapKeyType(ctx, kf.dataType);
    return { dataType: new MapType(kf.dataType, vf.dataType, vf.nullable), nullable: args[0]!.nullable || (t as ArrayType).containsNull };
  },
};

/** A lambda body with its variables as the names written (`concat(v1, v2)`). */
const byName = (e: Expr): Expr => (e.kind === 'LambdaVar' ? E.col(e.name) : mapChildren(e, byName));

/** map_zip_with(m1, m2, (k, v1, v2) -> v): over the union of keys, a missing side's value is NULL. */
const mapZipWith: FunctionDef = {
  name: 'map_zip_with',
  kind: 'scalar',
  minArgs: 3,
  maxArgs: 3,
  lambdaParams(args, index): readonly LambdaParam[] | undefined {
    if (index !== 2) return undefined;
    const [a, b] = [args[0]?.dataType, args[1]?.dataType];
    const key = a instanceof MapType && b instanceof MapType ? findWiderCommonTypeOf([a.keyType, b.keyType]) ?? a.keyType : new NullType();
    const value = (t: DataType | undefined): DataType => (t instanceof MapType ? t.valueType : new NullType());
    return [
      { dataType: key, nullable: false },
      { dataType: value(a), nullable: true },
      { dataType: value(b), nullable: true },
    ];
  },
  resolve(args, call, ctx) {
    const l = mapOf(args, 0, ctx);
    const r = mapOf(args, 1, ctx);
    // Under ANSI a string key widens with no other type (`map(1, ..)` and `map('1', ..)` do not zip).
    const key = ctx.ansi ? findWiderCommonTypeWithoutStringPromotionOf([l.keyType, r.keyType]) : findWiderCommonTypeOf([l.keyType, r.keyType]);
    if (!key) {
      // Spark checks the key types before binding the lambda: its variables show by name.
      const lambda = call.args[2];
      const lambdaSql = lambda?.kind === 'Lambda' ? `lambdafunction(${exprSql(byName(lambda.body))}, ${lambda.params.join(', ')})` : ctx.argSql[2];
      throw dataTypeMismatch(
        withSql(ctx, `map_zip_with(${ctx.argSql[0]}, ${ctx.argSql[1]}, ${lambdaSql})`),
        'MAP_ZIP_WITH_DIFF_TYPES',
        `Input to the \`map_zip_with\` should have been two maps with compatible key types, but it's [${sqlTypeName(l.keyType)}, ${sqlTypeName(r.keyType)}]`,
        { functionName: '`map_zip_with`', leftType: sqlTypeName(l.keyType), rightType: sqlTypeName(r.keyType) },
      );
    }
    return {
      // a value is null only where the lambda can give null (its missing-side variables are nullable)
      dataType: new MapType(key, args[2]!.dataType, args[2]!.nullable),
      nullable: args[0]!.nullable || args[1]!.nullable,
      argTypes: castsFor(args.slice(0, 2), [new MapType(key, l.valueType, l.valueContainsNull), new MapType(key, r.valueType, r.valueContainsNull)]),
    };
  },
};

/** str_to_map(text[, pairDelim[, keyValueDelim]]): Spark shows the default delimiters in the name. */
const strToMap: FunctionDef = {
  name: 'str_to_map',
  kind: 'scalar',
  minArgs: 1,
  maxArgs: 3,
  nullIntolerant: true,
  resolve(args, _call, ctx) {
    args.forEach((_, i) => requireString(args, i, ctx));
    return { dataType: new MapType(STRING, STRING, true), nullable: args.some((a) => a.nullable), argTypes: castsFor(args, args.map(() => STRING)) };
  },
  sql: (a) => `str_to_map(${[...a, ',', ':'].slice(0, 3).join(', ')})`,
};

/** named_struct(name1, value1, ...): names must be foldable strings. */
const namedStruct: FunctionDef = {
  name: 'named_struct',
  kind: 'scalar',
  minArgs: 0,
  maxArgs: Infinity,
  resolve(args, _call, ctx) {
    if (args.length % 2 !== 0) {
      throw wrongNumArgs('named_struct', '2n (n > 0)', args.length);
    }
    const names = args.filter((_, i) => i % 2 === 0);
    const bad = names.filter((a) => !(a.literal && typeof a.literal.value === 'string'));
    if (bad.length > 0) {
      throw dataTypeMismatch(
        ctx,
        'CREATE_NAMED_STRUCT_WITHOUT_FOLDABLE_STRING',
        `Only foldable \`STRING\` expressions are allowed to appear at odd position, but they are [${bad.map((a) => `"${ctx.argSql[args.indexOf(a)]}"`).join(', ')}]`,
        { inputExprs: `[${bad.map((a) => `"${ctx.argSql[args.indexOf(a)]}"`).join(', ')}]` },
      );
    }
    const fields = names.map((n, k) => new StructField(n.literal!.value as string, args[2 * k + 1]!.dataType, args[2 * k + 1]!.nullable));
    return { dataType: new StructType(fields), nullable: false };
  },
};

export const mapDefs: readonly FunctionDef[] = [mapConcat, mapContainsKey, mapEntries, mapFromArrays, mapFromEntries, mapZipWith, strToMap, namedStruct];
