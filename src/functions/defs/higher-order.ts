/**
 * Higher-order functions: array and map functions taking a lambda
 * (`transform(a, x -> x + 1)`, `aggregate(a, 0, (acc, x) -> acc + x)`).
 * `lambdaParams` gives each lambda's variable types; the analyzer resolves
 * the lambda bodies (analyzer/resolve-lambda.ts) before `resolve` runs, so
 * a lambda argument arrives typed as its body.
 */
import { ArrayType, BooleanType, DataType, MapType, NullType, StructType, BOOLEAN, INT } from '../../types/data-types.js';
import { coerceArg, castsFor, unexpectedInputType } from '../define.js';
import { strictArg } from '../arg-checks.js';
import type { ArgInfo, FunctionDef, LambdaParam, ResolveContext } from '../registry.js';

const param = (dataType: DataType, nullable: boolean): LambdaParam => ({ dataType, nullable });

/** The array argument's element (NULL until the argument is known to be an array; `resolve` reports that). */
function element(a: ArgInfo | undefined): LambdaParam {
  const t = a?.dataType;
  return t instanceof ArrayType ? param(t.elementType, t.containsNull) : param(new NullType(), true);
}

function mapParams(a: ArgInfo | undefined): LambdaParam[] {
  const t = a?.dataType;
  return t instanceof MapType ? [param(t.keyType, false), param(t.valueType, t.valueContainsNull)] : [param(new NullType(), true), param(new NullType(), true)];
}

/** The lambda's result must be boolean (Spark's UNEXPECTED_INPUT_TYPE otherwise). */
function requireBooleanLambda(args: readonly ArgInfo[], i: number, ctx: ResolveContext): void {
  strictArg(args, i, ctx, '"BOOLEAN"', (t) => t instanceof BooleanType);
}

interface HofSpec {
  readonly min: number;
  readonly max: number;
  /** Variables of the function argument at `index` (undefined: not a function position). */
  readonly params: (args: readonly ArgInfo[], index: number, arity: number) => LambdaParam[] | undefined;
  readonly resolve: (args: readonly ArgInfo[], ctx: ResolveContext) => { dataType: DataType; nullable: boolean; argTypes?: (DataType | undefined)[] };
  readonly sql?: (argSql: readonly string[]) => string;
}

function hof(name: string, spec: HofSpec): FunctionDef {
  return {
    name,
    kind: 'scalar',
    minArgs: spec.min,
    maxArgs: spec.max,
    lambdaParams: spec.params,
    resolve: (args, _call, ctx) => spec.resolve(args, ctx),
    ...(spec.sql ? { sql: spec.sql } : {}),
  };
}

/** The first argument as an array (a NULL literal counts as an array of NULL). */
const arrayArg = (args: readonly ArgInfo[], ctx: ResolveContext): ArrayType => coerceArg(args, 0, 'array', ctx) as ArrayType;
const mapArg = (args: readonly ArgInfo[], ctx: ResolveContext): MapType => coerceArg(args, 0, 'map', ctx) as MapType;
const firstCast = (args: readonly ArgInfo[], t: DataType): (DataType | undefined)[] => castsFor(args.slice(0, 1), [t]);

/** transform(array, (x[, i]) -> y) → array of y. */
const transform = hof('transform', {
  min: 2,
  max: 2,
  params: (args, i, arity) => (i === 1 ? (arity === 2 ? [element(args[0]), param(INT, false)] : [element(args[0])]) : undefined),
  resolve: (args, ctx) => {
    const a = arrayArg(args, ctx);
    return { dataType: new ArrayType(args[1]!.dataType, args[1]!.nullable), nullable: args[0]!.nullable, argTypes: firstCast(args, a) };
  },
});

/** filter(array, (x[, i]) -> boolean). */
const filter = hof('filter', {
  min: 2,
  max: 2,
  params: (args, i, arity) => (i === 1 ? (arity === 2 ? [element(args[0]), param(INT, false)] : [element(args[0])]) : undefined),
  resolve: (args, ctx) => {
    const a = arrayArg(args, ctx);
    requireBooleanLambda(args, 1, ctx);
    return { dataType: a, nullable: args[0]!.nullable, argTypes: firstCast(args, a) };
  },
});

/** exists / forall(array, x -> boolean): three-valued over the elements. */
const quantifier = (name: string): FunctionDef =>
  hof(name, {
    min: 2,
    max: 2,
    params: (args, i) => (i === 1 ? [element(args[0])] : undefined),
    resolve: (args, ctx) => {
      const a = arrayArg(args, ctx);
      requireBooleanLambda(args, 1, ctx);
      return { dataType: BOOLEAN, nullable: args[0]!.nullable || args[1]!.nullable, argTypes: firstCast(args, a) };
    },
  });

/** Same type up to field names and nullability (Spark's equalsStructurally). */
function sameStructure(a: DataType, b: DataType): boolean {
  if (a instanceof ArrayType && b instanceof ArrayType) return sameStructure(a.elementType, b.elementType);
  if (a instanceof MapType && b instanceof MapType) return sameStructure(a.keyType, b.keyType) && sameStructure(a.valueType, b.valueType);
  if (a instanceof StructType && b instanceof StructType) {
    return a.fields.length === b.fields.length && a.fields.every((f, i) => sameStructure(f.dataType, b.fields[i]!.dataType));
  }
  return a.equals(b);
}

/** aggregate(array, zero, (acc, x) -> acc' [, acc -> result]): the merge must keep the zero's type. */
const aggregateDef = (name: string): FunctionDef =>
  hof(name, {
    min: 3,
    max: 4,
    params: (args, i) => (i === 2 ? [param(args[1]!.dataType, true), element(args[0])] : i === 3 ? [param(args[1]!.dataType, true)] : undefined),
    resolve: (args, ctx) => {
      const a = arrayArg(args, ctx);
      const zero = args[1]!.dataType;
      if (!sameStructure(zero, args[2]!.dataType)) throw unexpectedInputType(ctx, 2, `"${zero.simpleString().toUpperCase()}"`, args[2]!.dataType);
      const result = args[3] ? args[3].dataType : zero;
      return { dataType: result, nullable: true, argTypes: firstCast(args, a) };
    },
    // Spark names the call with its default finish (the identity).
    sql: (a) => `${name}(${[...a, ...(a.length === 3 ? ['lambdafunction(namedlambdavariable(), namedlambdavariable())'] : [])].join(', ')})`,
  });

/** zip_with(left, right, (x, y) -> z): the shorter array is padded with nulls. */
const zipWith = hof('zip_with', {
  min: 3,
  max: 3,
  params: (args, i) => (i === 2 ? [param(element(args[0]).dataType, true), param(element(args[1]).dataType, true)] : undefined),
  resolve: (args, ctx) => {
    const l = arrayArg(args, ctx);
    const r = coerceArg(args, 1, 'array', ctx);
    return {
      dataType: new ArrayType(args[2]!.dataType, args[2]!.nullable),
      nullable: args[0]!.nullable || args[1]!.nullable,
      argTypes: castsFor(args.slice(0, 2), [l, r]),
    };
  },
});

/** map_filter / transform_keys / transform_values(map, (k, v) -> ...). */
const mapFilter = hof('map_filter', {
  min: 2,
  max: 2,
  params: (args, i) => (i === 1 ? mapParams(args[0]) : undefined),
  resolve: (args, ctx) => {
    const m = mapArg(args, ctx);
    requireBooleanLambda(args, 1, ctx);
    return { dataType: m, nullable: args[0]!.nullable, argTypes: firstCast(args, m) };
  },
});

const transformKeys = hof('transform_keys', {
  min: 2,
  max: 2,
  params: (args, i) => (i === 1 ? mapParams(args[0]) : undefined),
  resolve: (args, ctx) => {
    const m = mapArg(args, ctx);
    return { dataType: new MapType(args[1]!.dataType, m.valueType, m.valueContainsNull), nullable: args[0]!.nullable, argTypes: firstCast(args, m) };
  },
});

const transformValues = hof('transform_values', {
  min: 2,
  max: 2,
  params: (args, i) => (i === 1 ? mapParams(args[0]) : undefined),
  resolve: (args, ctx) => {
    const m = mapArg(args, ctx);
    return { dataType: new MapType(m.keyType, args[1]!.dataType, args[1]!.nullable), nullable: args[0]!.nullable, argTypes: firstCast(args, m) };
  },
});

export const higherOrderDefs: readonly FunctionDef[] = [
  transform,
  filter,
  quantifier('exists'),
  quantifier('forall'),
  aggregateDef('aggregate'),
  aggregateDef('reduce'),
  zipWith,
  mapFilter,
  transformKeys,
  transformValues,
];
