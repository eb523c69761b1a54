/**
 * Helpers that keep function definitions one short declaration each:
 * Spark's implicit input casts (ImplicitCastInputTypes), DATATYPE_MISMATCH
 * errors worded as Spark words them, and a declarative `fn()` builder.
 */
import { AnalysisException } from '../errors/index.js';
import type { Call } from '../expr/nodes.js';
import {
  ByteType,
  IntegerType,
  ShortType,
  ArrayType,
  BinaryType,
  BooleanType,
  DataType,
  DateType,
  DecimalType,
  MapType,
  NullType,
  NumericType,
  StringType,
  StructType,
  TimestampNTZType,
  TimestampType,
  BINARY,
  BOOLEAN,
  DATE,
  DOUBLE,
  INT,
  LONG,
  STRING,
  TIMESTAMP,
  isIntegral,
  isNumeric,
} from '../types/data-types.js';
import { castForcesNull } from '../types/coercion.js';
import { isIntervalType } from '../types/intervals.js';
import type { ArgInfo, FunctionDef, FunctionKind, ResolveContext, Resolution } from './registry.js';

/** Spark's type name in messages: `"BIGINT"`, `"ARRAY<STRING>"`. */
export const sqlTypeName = (t: DataType): string => `"${t.sql()}"`;

/** Spark's `DATATYPE_MISMATCH.<sub>` error for the call being resolved. */
export function dataTypeMismatch(
  ctx: ResolveContext,
  sub: string,
  detail: string,
  params: Record<string, string> = {},
): AnalysisException {
  return new AnalysisException(`Cannot resolve "${ctx.sql}" due to data type mismatch: ${detail}.`, {
    errorClass: `DATATYPE_MISMATCH.${sub}`,
    messageParameters: { sqlExpr: `"${ctx.sql}"`, ...params },
  });
}

/**
 * Spark's DATATYPE_MISMATCH.DATA_DIFF_TYPES for `fnName` over argument `types`. Spark lists the
 * types two ways: coalesce, array, concat and map_concat as `("INT" or "ARRAY<INT>")`, the
 * others (greatest, least, in, if, casewhen) as `["INT", "ARRAY<INT>"]`.
 */
export function dataDiffTypes(ctx: ResolveContext, fnName: string, types: readonly DataType[], listing: 'or' | 'list'): AnalysisException {
  const names = types.map(sqlTypeName);
  const dataType = listing === 'or' ? `(${names.join(' or ')})` : `[${names.join(', ')}]`;
  return dataTypeMismatch(ctx, 'DATA_DIFF_TYPES', `Input to \`${fnName}\` should all be the same type, but it's ${dataType}`, {
    functionName: `\`${fnName}\``,
    dataType,
  });
}

/** Spark's DATATYPE_MISMATCH.VALUE_OUT_OF_RANGE: `The ${exprName} must be between ${range} (current value = ${current})`. */
export function valueOutOfRange(ctx: ResolveContext, exprName: string, range: string, current: string): AnalysisException {
  return dataTypeMismatch(ctx, 'VALUE_OUT_OF_RANGE', `The ${exprName} must be between ${range} (current value = ${current})`, {
    exprName,
    valueRange: range,
    currentValue: current,
  });
}

/**
 * Spark's DATATYPE_MISMATCH.NON_FOLDABLE_INPUT for argument `i`, whose `type` is
 * quoted as Spark quotes types (`"STRING"`); `quotedName`: the parameter shows as
 * an identifier (`` `json` ``), as most functions do, rather than bare (`nb`).
 */
export function nonFoldableInput(ctx: ResolveContext, i: number, name: string, type: string, quotedName = true): AnalysisException {
  return dataTypeMismatch(ctx, 'NON_FOLDABLE_INPUT', `the input ${name} should be a foldable ${type} expression; however, got "${ctx.argSql[i]}"`, {
    inputName: quotedName ? `\`${name}\`` : name,
    inputType: type,
    inputExpr: `"${ctx.argSql[i]}"`,
  });
}

/** An input type requirement: a concrete type or an abstract class of types. */
export type InputType =
  | DataType
  | 'numeric'
  /** Unary `+`/`-`: a number or any interval (Spark's NumericAndInterval); a string becomes a DOUBLE. */
  | 'numeric_or_interval'
  /** sum/avg: numeric, or a TIMESTAMP taken as seconds (Spark casts it to DOUBLE for these two). */
  | 'summable'
  | 'integral'
  | 'string'
  | 'any'
  | 'array'
  | 'map'
  | 'struct'
  | 'datetime'
  | 'orderable'
  | 'boolean'
  /** Spark's TypeCollection(IntegerType, ShortType, ByteType) (date_add's day count): no implicit narrowing. */
  | 'int_or_narrower'
  /** Spark's TypeCollection(StringType, BinaryType): a binary stays binary, anything else is cast to string. */
  | 'string_or_binary'
  /** unix_timestamp's TypeCollection(StringType, DateType, TimestampType, TimestampNTZType): no implicit cast but from null. */
  | 'string_or_datetime';

const describeInput = (t: InputType): string => {
  if (t instanceof DataType) return sqlTypeName(t);
  switch (t) {
    case 'numeric':
      return '"NUMERIC"';
    case 'numeric_or_interval':
      return '("NUMERIC" or "INTERVAL DAY TO SECOND" or "INTERVAL YEAR TO MONTH" or "INTERVAL")';
    case 'summable':
      return '"NUMERIC" or "ANSI INTERVAL"';
    case 'integral':
      return '"INTEGRAL"';
    case 'string':
      return '"STRING"';
    case 'array':
      return '"ARRAY"';
    case 'map':
      return '"MAP"';
    case 'struct':
      return '"STRUCT"';
    case 'datetime':
      return '("DATE" or "TIMESTAMP")';
    case 'boolean':
      return '"BOOLEAN"';
    case 'int_or_narrower':
      return '("INT" or "SMALLINT" or "TINYINT")';
    case 'string_or_binary':
      return '("STRING" or "BINARY")';
    case 'string_or_datetime':
      return '("STRING" or "DATE" or "TIMESTAMP" or "TIMESTAMP_NTZ")';
    default:
      return '"ANY"';
  }
};

const isAtomic = (t: DataType): boolean =>
  !(t instanceof ArrayType || t instanceof MapType || t instanceof StructType || t instanceof NullType);

/**
 * Spark's ImplicitTypeCasts.implicitCast: the type `from` is cast to so it
 * satisfies `target`, or undefined when no implicit cast exists. A string is
 * never cast to an "INTEGRAL" class (`~'1'`, `bit_and('3')` are
 * UNEXPECTED_INPUT_TYPE on Spark 3.5.7, ANSI or not). With `ansi`
 * (spark.sql.ansi.enabled) AnsiTypeCoercion's: a string also becomes a BOOLEAN.
 */
export function implicitCast(from: DataType, target: InputType, ansi = false): DataType | undefined {
  if (from instanceof StringType && target === 'integral') return undefined;
  if (ansi && from instanceof StringType && target === 'boolean') return BOOLEAN;
  if (target === 'any') return from instanceof NullType ? from : from;
  if (target === 'string_or_binary') return from instanceof BinaryType ? from : implicitCast(from, 'string', ansi);
  if (target === 'string_or_datetime') {
    const fits = from instanceof StringType || from instanceof DateType || from instanceof TimestampType || from instanceof TimestampNTZType;
    return fits ? from : from instanceof NullType ? STRING : undefined;
  }
  if (target instanceof DataType) {
    if (from.equals(target)) return from;
    if (from instanceof NullType) return target;
    if (target instanceof StringType) return isAtomic(from) ? STRING : undefined;
    if (isNumeric(target)) {
      if (isNumeric(from)) return target;
      if (from instanceof StringType) return target;
      return undefined;
    }
    if (target instanceof DateType) return from instanceof StringType || from instanceof TimestampType || from instanceof TimestampNTZType ? DATE : undefined;
    if (target instanceof TimestampType) return from instanceof StringType || from instanceof DateType || from instanceof TimestampNTZType ? TIMESTAMP : undefined;
    if (target instanceof TimestampNTZType) return from instanceof StringType || from instanceof DateType || from instanceof TimestampType ? target : undefined;
    if (target instanceof BinaryType) return from instanceof StringType ? BINARY : undefined;
    if (target instanceof BooleanType) return from instanceof StringType ? BOOLEAN : undefined;
    return undefined;
  }
  switch (target) {
    case 'numeric':
      if (isNumeric(from)) return from;
      return from instanceof StringType || from instanceof NullType ? DOUBLE : undefined;
    case 'numeric_or_interval':
      return isIntervalType(from) ? from : implicitCast(from, 'numeric', ansi);
    case 'summable':
      return from instanceof TimestampType ? DOUBLE : implicitCast(from, 'numeric', ansi);
    case 'integral':
      if (isIntegral(from)) return from;
      return from instanceof NullType ? LONG : undefined;
    case 'string':
      if (from instanceof StringType) return from;
      return isAtomic(from) || from instanceof NullType ? STRING : undefined;
    case 'boolean':
      if (from instanceof BooleanType) return from;
      return from instanceof NullType ? BOOLEAN : undefined;
    case 'array':
      return from instanceof ArrayType ? from : from instanceof NullType ? new ArrayType(new NullType()) : undefined;
    case 'map':
      return from instanceof MapType ? from : undefined;
    case 'struct':
      return from instanceof StructType ? from : undefined;
    case 'datetime':
      if (from instanceof DateType || from instanceof TimestampType || from instanceof TimestampNTZType) return from;
      return from instanceof StringType || from instanceof NullType ? TIMESTAMP : undefined;
    case 'orderable':
      return from instanceof MapType ? undefined : from;
    case 'int_or_narrower':
      if (from instanceof IntegerType || from instanceof ShortType || from instanceof ByteType) return from;
      // a string only under ANSI: without it only a constant string is read, at analysis (string-literal-coercion.ts)
      return (ansi && from instanceof StringType) || from instanceof NullType ? INT : undefined;
  }
}

/**
 * Spark's `DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE` for argument `i` (0-based) of
 * type `actual`; `requiredType` as Spark words it (`"STRUCT"`, `("ARRAY" or "MAP")`).
 */
export function unexpectedInputType(
  ctx: ResolveContext,
  i: number,
  requiredType: string,
  actual: DataType,
  inputSql: string | undefined = ctx.argSql[i],
): AnalysisException {
  return dataTypeMismatch(
    ctx,
    'UNEXPECTED_INPUT_TYPE',
    `Parameter ${i + 1} requires the ${requiredType} type, however "${inputSql}" has the type ${sqlTypeName(actual)}`,
    { paramIndex: String(i + 1), requiredType, inputSql: `"${inputSql}"`, inputType: sqlTypeName(actual) },
  );
}

/** Casts argument `i` to satisfy `target`, or throws Spark's UNEXPECTED_INPUT_TYPE (naming `requiredType`, by default `target`). */
export function coerceArg(args: readonly ArgInfo[], i: number, target: InputType, ctx: ResolveContext, requiredType = describeInput(target)): DataType {
  const arg = args[i]!;
  const to = implicitCast(arg.dataType, target, ctx.ansi);
  if (!to) throw unexpectedInputType(ctx, i, requiredType, arg.dataType);
  return to;
}

/** Argument-type casts to record: `undefined` where the argument already has the type. */
export function castsFor(args: readonly ArgInfo[], types: readonly DataType[]): (DataType | undefined)[] {
  return types.map((t, i) => (args[i] && args[i]!.dataType.equals(t) ? undefined : t));
}

export const anyNullable = (args: readonly ArgInfo[]): boolean => args.some((a) => a.nullable);

/**
 * A function that gives NULL for invalid input unless ANSI mode makes it raise (make_date, a
 * pattern parse): under ANSI only a nullable argument makes it nullable, as Spark's `failOnError` nullability.
 */
export const nullUnlessAnsi = (args: readonly ArgInfo[], ctx: ResolveContext): boolean => !ctx.ansi || anyNullable(args);

/** As nullUnlessAnsi for a parse with a pattern argument; without one it is a cast, nullable whatever the mode. */
export const patternNullUnlessAnsi = (args: readonly ArgInfo[], ctx: ResolveContext): boolean => args.length < 2 || nullUnlessAnsi(args, ctx);

/** Whether an argument is nullable once cast to `t` (a cast that can fail, `'1'` to BIGINT, can give null). */
export const nullableAs = (a: ArgInfo, t: DataType): boolean => a.nullable || castForcesNull(a.dataType, t);

/** Default auto-name: `name(a, b)`. */
export const callSql = (name: string, argSql: readonly string[]): string => `${name}(${argSql.join(', ')})`;

export interface FnSpec {
  readonly kind?: FunctionKind;
  readonly min?: number;
  readonly max?: number;
  /** Expected input types, per position (the last repeats for variadic functions). */
  readonly inputs?: readonly InputType[];
  /** Result type, fixed or computed from the coerced argument types. */
  readonly returns: DataType | ((types: readonly DataType[], args: readonly ArgInfo[], call: Call, ctx: ResolveContext) => DataType);
  /** Result nullability: default `true` when any argument is nullable once cast (or always for aggregates). */
  readonly nullable?: boolean | ((args: readonly ArgInfo[], ctx: ResolveContext) => boolean);
  readonly nullIntolerant?: boolean;
  readonly nondeterministic?: boolean;
  /** Column-name text. A string renames the function (`stddev` → `stddev_samp`). */
  readonly sql?: string | ((argSql: readonly string[], call: Call) => string);
  /** Extra validation after coercion. */
  readonly check?: (args: readonly ArgInfo[], types: readonly DataType[], ctx: ResolveContext, call: Call) => void;
}

/** Declares a function: arity, implicit casts, result type, nullability and name in one place. */
export function fn(name: string, spec: FnSpec): FunctionDef {
  const kind = spec.kind ?? 'scalar';
  const inputs = spec.inputs ?? [];
  const min = spec.min ?? inputs.length;
  const max = spec.max ?? Math.max(min, inputs.length);
  const sqlName = typeof spec.sql === 'string' ? spec.sql : name;
  return {
    name,
    kind,
    minArgs: min,
    maxArgs: max,
    nullIntolerant: spec.nullIntolerant ?? false,
    nondeterministic: spec.nondeterministic ?? false,
    resolve(args, call, ctx): Resolution {
      const types = args.map((_, i) => {
        const target = inputs.length === 0 ? 'any' : inputs[Math.min(i, inputs.length - 1)]!;
        return coerceArg(args, i, target, ctx);
      });
      spec.check?.(args, types, ctx, call);
      const dataType = typeof spec.returns === 'function' ? spec.returns(types, args, call, ctx) : spec.returns;
      const nullable =
        typeof spec.nullable === 'function'
          ? spec.nullable(args, ctx)
          : spec.nullable ?? (kind === 'aggregate' ? true : args.some((a, i) => nullableAs(a, types[i]!)));
      return { dataType, nullable, argTypes: castsFor(args, types) };
    },
    sql(argSql, call) {
      if (typeof spec.sql === 'function') return spec.sql(argSql, call);
      if (call.distinct && kind === 'aggregate') return `${sqlName}(DISTINCT ${argSql.join(', ')})`;
      return callSql(sqlName, argSql);
    },
  };
}

/** Numeric result helpers. */
export const firstType = (types: readonly DataType[]): DataType => types[0]!;
export { DOUBLE, LONG, INT, STRING, BOOLEAN, DATE, TIMESTAMP, NumericType, DecimalType };

/**
 * A one-argument function over a type collection of two (Spark's
 * TypeCollection): an argument of type `keeps` is taken as it is, any other is
 * implicitly cast to `otherwise`. `returns` gives the result type from the
 * argument's (cast) type. Used by reverse (string or array), bit_count
 * (integral or boolean), octet_length/bit_length (string or binary).
 */
export function unaryOverTypes(
  name: string,
  keeps: abstract new (...args: never[]) => DataType,
  otherwise: InputType,
  expected: string,
  returns: (argType: DataType) => DataType,
): FunctionDef {
  return {
    name,
    kind: 'scalar',
    minArgs: 1,
    maxArgs: 1,
    nullIntolerant: true,
    resolve(args, _call, ctx) {
      const t = args[0]!.dataType;
      const target = t instanceof keeps ? t : implicitCast(t, otherwise, ctx.ansi);
      if (!target) throw unexpectedInputType(ctx, 0, expected, t);
      return { dataType: returns(target), nullable: args[0]!.nullable, argTypes: castsFor(args, [target]) };
    },
  };
}
