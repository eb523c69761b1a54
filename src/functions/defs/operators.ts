/**
 * Operators: what `Column` methods (`plus`, `eq`, `and`, `isNull`, ...) build.
 * Names and result types follow Spark 3.5's Catalyst expressions.
 */
import { AnalysisException } from '../../errors/index.js';
import { elementNullable } from './array-set.js';
import type { Call } from '../../expr/nodes.js';
import {
  ArrayType,
  DataType,
  DecimalType,
  MapType,
  NullType,
  StringType,
  StructType,
  BOOLEAN,
  DOUBLE,
  INT,
  STRING,
} from '../../types/data-types.js';
import {
  boundedDecimal,
  decimalForType,
  findCommonTypeForArithmetic,
  findCommonTypeForComparison,
  findTightestCommonType,
  findWiderCommonTypeOf,
} from '../../types/coercion.js';
import { castsFor, coerceArg, dataDiffTypes, dataTypeMismatch, fn, implicitCast, nullableAs, sqlTypeName, unexpectedInputType } from '../define.js';
import type { ArgInfo, FunctionDef, ResolveContext } from '../registry.js';
import { substringPredicateDefs } from './substring-predicates.js';
import { cannotDropAll, fieldUpdates, updatedType, updateFieldsSql } from './update-fields.js';

/** The length Spark gives `substring(s, pos)`: Int.MaxValue, i.e. to the end. */
export const SUBSTRING_TO_END = 2147483647;

const infix = (op: string) => (a: readonly string[]) => `(${a[0]} ${op} ${a[1]})`;

function binaryOpDiffTypes(ctx: ResolveContext, l: DataType, r: DataType): Error {
  return dataTypeMismatch(
    ctx,
    'BINARY_OP_DIFF_TYPES',
    `the left and right operands of the binary operator have incompatible types (${sqlTypeName(l)} and ${sqlTypeName(r)})`,
    { left: sqlTypeName(l), right: sqlTypeName(r) },
  );
}

/** The input types Spark names when a binary operator rejects its operands' type. */
export const OPERATOR_INPUT_TYPES: Readonly<Record<string, string>> = {
  add: '("NUMERIC" or "INTERVAL DAY TO SECOND" or "INTERVAL YEAR TO MONTH" or "INTERVAL")',
  subtract: '("NUMERIC" or "INTERVAL DAY TO SECOND" or "INTERVAL YEAR TO MONTH" or "INTERVAL")',
  multiply: '"NUMERIC"',
  remainder: '"NUMERIC"',
  divide: '("DOUBLE" or "DECIMAL")',
  div: '("BIGINT" or "DECIMAL" or "INTERVAL YEAR TO MONTH" or "INTERVAL DAY TO SECOND")',
  bitwise: '"INTEGRAL"',
};

/** Spark's DATATYPE_MISMATCH.BINARY_OP_WRONG_TYPE: the operands' common `actual` type is not one the operator takes. */
export function binaryOpWrongType(ctx: ResolveContext, inputType: string, actual: DataType): Error {
  return dataTypeMismatch(ctx, 'BINARY_OP_WRONG_TYPE', `the binary operator requires the input type ${inputType}, not ${sqlTypeName(actual)}`, {
    inputType,
    actualDataType: sqlTypeName(actual),
  });
}

/**
 * Under ANSI mode two string operands (or a string and a NULL) are not promoted to a
 * number (PromoteStrings needs a typed partner): Spark 3.5.7 rejects `'1' + '2'`.
 */
export function refuseAnsiStrings(args: readonly ArgInfo[], ctx: ResolveContext, inputType: string): void {
  if (!ctx.ansi) return;
  const types = args.map((a) => a.dataType);
  if (types.some((t) => t instanceof StringType) && types.every((t) => t instanceof StringType || t instanceof NullType)) {
    throw binaryOpWrongType(ctx, inputType, STRING);
  }
}

/**
 * Spark's DecimalPrecision result types for `+ - * / %` on decimals. With allowPrecisionLoss
 * (the default) a result wider than 38 digits gives up scale; without it the type is only
 * capped at 38, so a value that no longer fits is NULL (a quotient keeps half the excess digits).
 */
function decimalResult(op: string, a: DecimalType, b: DecimalType, allowPrecisionLoss: boolean): DecimalType {
  const [p1, s1, p2, s2] = [a.precision, a.scale, b.precision, b.scale];
  if (!allowPrecisionLoss && op !== 'remainder') return exactDecimalResult(op, p1, s1, p2, s2);
  switch (op) {
    case 'add':
    case 'subtract': {
      const scale = Math.max(s1, s2);
      return adjustPrecisionScale(Math.max(p1 - s1, p2 - s2) + scale + 1, scale);
    }
    case 'multiply':
      return adjustPrecisionScale(p1 + p2 + 1, s1 + s2);
    case 'divide': {
      const scale = Math.max(6, s1 + p2 + 1);
      return adjustPrecisionScale(p1 - s1 + s2 + scale, scale);
    }
    default: {
      const scale = Math.max(s1, s2);
      return adjustPrecisionScale(Math.min(p1 - s1, p2 - s2) + scale, scale);
    }
  }
}

/** The result types without precision loss: bounded to 38 digits, scale first. */
function exactDecimalResult(op: string, p1: number, s1: number, p2: number, s2: number): DecimalType {
  switch (op) {
    case 'add':
    case 'subtract': {
      const scale = Math.max(s1, s2);
      return boundedDecimal(Math.max(p1 - s1, p2 - s2) + scale + 1, scale);
    }
    case 'multiply':
      return boundedDecimal(p1 + p2 + 1, s1 + s2);
    default: {
      // divide: integral digits p1 - s1 + s2, scale max(6, s1 + p2 + 1), each at most 38;
      // past 38 digits in all, the scale gives up half the excess plus one.
      let intDigits = Math.min(38, p1 - s1 + s2);
      let scale = Math.min(38, Math.max(6, s1 + p2 + 1));
      const excess = intDigits + scale - 38;
      if (excess > 0) {
        scale -= Math.floor(excess / 2) + 1;
        intDigits = 38 - scale;
      }
      return boundedDecimal(intDigits + scale, scale);
    }
  }
}

/** Spark's DecimalType.adjustPrecisionScale: keep integral digits, cut scale down to at least 6. */
function adjustPrecisionScale(precision: number, scale: number): DecimalType {
  if (precision <= 38) return new DecimalType(precision, scale);
  const intDigits = precision - scale;
  const minScale = Math.min(scale, 6);
  const adjustedScale = Math.max(38 - intDigits, minScale);
  return boundedDecimal(38, adjustedScale);
}

/** Arithmetic: numeric widening (strings as double); decimals follow DecimalPrecision. */
export function arithmetic(name: string, op: string): FunctionDef {
  return {
    name,
    kind: 'scalar',
    minArgs: 2,
    maxArgs: 2,
    nullIntolerant: true,
    resolve(args, _call, ctx) {
      refuseAnsiStrings(args, ctx, OPERATOR_INPUT_TYPES[name]!);
      const [l, r] = [args[0]!.dataType, args[1]!.dataType];
      let common = findCommonTypeForArithmetic(l, r, ctx.ansi);
      // One type the operator does not take (`true + true`) is the wrong type, not two different ones;
      // without ANSI, PromoteStrings has already made a string operand DOUBLE when Spark reports it.
      if (!common) {
        if (l.equals(r)) throw binaryOpWrongType(ctx, OPERATOR_INPUT_TYPES[name]!, l);
        const promoted = (t: DataType): DataType => (!ctx.ansi && t instanceof StringType ? DOUBLE : t);
        throw binaryOpDiffTypes(ctx, promoted(l), promoted(r));
      }
      if (name === 'divide' && !(common instanceof DecimalType)) common = DOUBLE;
      if (common instanceof DecimalType) {
        const dl = decimalForType(l instanceof NullType ? common : implicitCast(l, 'numeric')!);
        const dr = decimalForType(r instanceof NullType ? common : implicitCast(r, 'numeric')!);
        // A decimal overflow is NULL without ANSI; under ANSI it throws, so + - * are as nullable as their operands.
        const nullable = !(ctx.ansi && (name === 'add' || name === 'subtract' || name === 'multiply')) || args.some((a) => a.nullable);
        return { dataType: decimalResult(name, dl, dr, ctx.conf?.('spark.sql.decimalOperations.allowPrecisionLoss')?.trim().toLowerCase() !== 'false'), nullable, argTypes: castsFor(args, [dl, dr]) };
      }
      // Integer `/ 0` and `% 0` give null, so those results are nullable whatever the inputs.
      const nullable = args.some((a) => a.nullable) || name === 'divide' || name === 'remainder';
      return { dataType: common, nullable, argTypes: castsFor(args, [common, common]) };
    },
    sql: infix(op),
  };
}

export function comparison(name: string, op: string, nullSafe = false): FunctionDef {
  return {
    name,
    kind: 'scalar',
    minArgs: 2,
    maxArgs: 2,
    nullIntolerant: !nullSafe,
    resolve(args, _call, ctx) {
      const [l, r] = [args[0]!.dataType, args[1]!.dataType];
      const common = findCommonTypeForComparison(l, r, ctx.ansi);
      if (!common) throw binaryOpDiffTypes(ctx, l, r);
      if (common instanceof MapType) {
        throw dataTypeMismatch(ctx, 'INVALID_ORDERING_TYPE', `The \`${op}\` does not support ordering on type ${sqlTypeName(common)}`);
      }
      return {
        dataType: BOOLEAN,
        nullable: nullSafe ? false : args.some((a) => a.nullable),
        argTypes: castsFor(args, [common, common]),
      };
    },
    sql: infix(op),
  };
}

function logical(name: string, op: string): FunctionDef {
  return fn(name, { inputs: ['boolean', 'boolean'], returns: BOOLEAN, sql: infix(op) });
}

function bitwise(name: string, op: string): FunctionDef {
  return {
    name,
    kind: 'scalar',
    minArgs: 2,
    maxArgs: 2,
    nullIntolerant: true,
    resolve(args, _call, ctx) {
      refuseAnsiStrings(args, ctx, OPERATOR_INPUT_TYPES.bitwise!);
      if (args.some((a) => a.dataType instanceof StringType)) {
        // Without ANSI a string operand is promoted to DOUBLE, which no bitwise operator takes.
        const [l, r] = args.map((a) => (a.dataType instanceof StringType ? DOUBLE : a.dataType)) as [DataType, DataType];
        throw l.equals(r) ? binaryOpWrongType(ctx, OPERATOR_INPUT_TYPES.bitwise!, l) : binaryOpDiffTypes(ctx, l, r);
      }
      const types = args.map((_, i) => coerceArg(args, i, 'integral', ctx));
      const common = findTightestCommonType(types[0]!, types[1]!)!;
      return { dataType: common, nullable: args.some((a) => a.nullable), argTypes: castsFor(args, [common, common]) };
    },
    sql: infix(op),
  };
}

const likeOp = (name: string, sql: (a: readonly string[]) => string): FunctionDef =>
  fn(name, { inputs: ['string', 'string'], returns: BOOLEAN, nullIntolerant: true, sql });

/**
 * `a IN (v1, v2, ...)`: all values cast to their wider common type (Spark's
 * InConversion), so `1 IN ('1.0')` compares strings and is false.
 */
const inOp: FunctionDef = {
  name: 'in',
  kind: 'scalar',
  minArgs: 1,
  maxArgs: Infinity,
  resolve(args, _call, ctx) {
    const common = findWiderCommonTypeOf(args.map((a) => a.dataType), ctx.ansi);
    if (!common) throw dataDiffTypes(ctx, 'in', args.map((x) => x.dataType), 'list');
    return {
      dataType: BOOLEAN,
      nullable: args.some((a) => nullableAs(a, common)),
      argTypes: castsFor(args, args.map(() => common)),
    };
  },
  sql: (a) => `(${a[0]} IN (${a.slice(1).join(', ')}))`,
};

const getItem: FunctionDef = {
  name: 'get_item',
  kind: 'scalar',
  minArgs: 2,
  maxArgs: 2,
  nullIntolerant: true,
  resolve(args, _call, ctx) {
    const t = args[0]!.dataType;
    if (t instanceof ArrayType) {
      const idx = coerceArg(args, 1, INT, ctx);
      return { dataType: t.elementType, nullable: elementNullable(args[0]!, args[1]!, 0), argTypes: castsFor(args, [t, idx]) };
    }
    if (t instanceof MapType) {
      const key = coerceArg(args, 1, t.keyType, ctx);
      return { dataType: t.valueType, nullable: true, argTypes: castsFor(args, [t, key]) };
    }
    throw unexpectedInputType(ctx, 0, '("ARRAY" or "MAP")', t);
  },
  sql: (a) => `${a[0]}[${a[1]}]`,
};

/** The first argument's struct type, or Spark's UNEXPECTED_INPUT_TYPE. */
const requireStruct = (args: readonly ArgInfo[], ctx: ResolveContext): StructType => coerceArg(args, 0, 'struct', ctx) as StructType;

/** `s.field`: the field name is `options.field`; resolved calls also carry `options.index`. */
const getField: FunctionDef = {
  name: 'get_field',
  kind: 'scalar',
  minArgs: 1,
  maxArgs: 1,
  nullIntolerant: true,
  resolve(args, call, ctx) {
    const a = args[0]!.dataType;
    // An array of structs gives the array of that field (Spark's GetArrayStructFields).
    const overArray = a instanceof ArrayType && a.elementType instanceof StructType ? a : undefined;
    const t = overArray ? (overArray.elementType as StructType) : requireStruct(args, ctx);
    const field = String(call.options?.field);
    const f = t.fields.find((x) => x.name === field) ?? t.fields.find((x) => x.name.toLowerCase() === field.toLowerCase());
    if (!f) {
      throw new AnalysisException(`No such struct field \`${field}\` in ${t.fields.map((x) => `\`${x.name}\``).join(', ')}.`, {
        errorClass: 'FIELD_NOT_FOUND',
        messageParameters: { fieldName: `\`${field}\``, fields: t.fields.map((x) => `\`${x.name}\``).join(', ') },
      });
    }
    if (overArray) return { dataType: new ArrayType(f.dataType, overArray.containsNull || f.nullable), nullable: args[0]!.nullable };
    return { dataType: f.dataType, nullable: args[0]!.nullable || f.nullable };
  },
  sql: (a, call: Call) => `${a[0]}.${String(call.options?.field)}`,
};

/** `withField(path, value)`: args = [struct, value], `options.field` the field path (update-fields.ts). */
const withField: FunctionDef = {
  name: 'with_field',
  kind: 'scalar',
  minArgs: 2,
  maxArgs: 2,
  resolve(args, call, ctx) {
    const t = requireStruct(args, ctx);
    const value = args[1]!;
    const [u] = fieldUpdates(call);
    const dataType = updatedType(t, u!, value, ctx.argSql[0]!, `WithField(${ctx.argSql[1]})`, args[0]!.nullable);
    return { dataType, nullable: args[0]!.nullable };
  },
  sql: updateFieldsSql,
};

/** `dropFields(...paths)`: `options.fields` lists the dropped paths, applied in order. */
const dropFields: FunctionDef = {
  name: 'drop_fields',
  kind: 'scalar',
  minArgs: 1,
  maxArgs: 1,
  resolve(args, call, ctx) {
    let t = requireStruct(args, ctx);
    for (const u of fieldUpdates(call)) t = updatedType(t, u, undefined, ctx.argSql[0]!, 'dropfield()', args[0]!.nullable);
    if (t.fields.length === 0) throw cannotDropAll(ctx.sql);
    return { dataType: t, nullable: args[0]!.nullable };
  },
  sql: updateFieldsSql,
};

/** Unary minus; an interval operand is rewritten to interval_negate first (interval-arithmetic.ts). */
const negate: FunctionDef = fn('negate', {
  inputs: ['numeric_or_interval'],
  returns: (t) => t[0]!,
  nullIntolerant: true,
  sql: (a) => `(- ${a[0]})`,
});

export const operatorDefs: readonly FunctionDef[] = [
  arithmetic('add', '+'),
  arithmetic('subtract', '-'),
  arithmetic('multiply', '*'),
  arithmetic('divide', '/'),
  arithmetic('remainder', '%'),
  negate,
  comparison('eq', '='),
  comparison('eq_null_safe', '<=>', true),
  comparison('gt', '>'),
  comparison('gte', '>='),
  comparison('lt', '<'),
  comparison('lte', '<='),
  logical('and', 'AND'),
  logical('or', 'OR'),
  fn('not', { inputs: ['boolean'], returns: BOOLEAN, nullIntolerant: true, sql: (a) => `(NOT ${a[0]})` }),
  fn('is_null', { inputs: ['any'], returns: BOOLEAN, nullable: false, sql: (a) => `(${a[0]} IS NULL)` }),
  fn('is_not_null', { inputs: ['any'], returns: BOOLEAN, nullable: false, sql: (a) => `(${a[0]} IS NOT NULL)` }),
  inOp,
  likeOp('like', (a) => `${a[0]} LIKE ${a[1]}`),
  likeOp('rlike', (a) => `RLIKE(${a[0]}, ${a[1]})`),
  likeOp('ilike', (a) => `ilike(${a[0]}, ${a[1]})`),
  ...substringPredicateDefs,
  fn('substring', {
    inputs: ['string_or_binary', INT, INT],
    min: 2,
    returns: (types) => types[0]!,
    nullIntolerant: true,
    // Spark fills a missing length with Int.MaxValue, and its column name shows it.
    sql: (a) => `substring(${a[0]}, ${a[1]}, ${a[2] ?? SUBSTRING_TO_END})`,
  }),
  bitwise('bitwise_and', '&'),
  bitwise('bitwise_or', '|'),
  bitwise('bitwise_xor', '^'),
  getItem,
  getField,
  withField,
  dropFields,
];

