/** Math functions. Spark names most unary math functions in upper case (`SQRT(x)`). */
import { AnalysisException, ArithmeticException } from '../../errors/index.js';
import { DecimalType, DOUBLE, INT, IntegerType, isNumeric, LONG, NullType, StringType } from '../../types/data-types.js';
import { boundedDecimal, decimalForType } from '../../types/coercion.js';
import { castsFor, fn, unexpectedInputType } from '../define.js';
import type { ArgInfo, FunctionDef, ResolveContext, Resolution } from '../registry.js';

/** Spark declares its unary math expressions nullable whatever the input (checked on 3.5.7). */
const unaryDouble = (name: string, sqlName = name.toUpperCase()): FunctionDef =>
  fn(name, { inputs: [DOUBLE], returns: DOUBLE, nullable: true, nullIntolerant: true, sql: sqlName });

/** floor/ceil(x): integral and double inputs give bigint; decimals keep a scale-0 decimal. Always nullable in Spark. */
const floorCeilUnary = (name: string): FunctionDef =>
  fn(name, {
    inputs: ['numeric'],
    nullable: true,
    nullIntolerant: true,
    returns: (t) => {
      const x = t[0]!;
      if (x instanceof DecimalType) return boundedDecimal(x.precision - x.scale + 1, 0);
      return LONG;
    },
    sql: name.toUpperCase(),
  });

/**
 * floor/ceil(x, scale) is Spark's RoundFloor/RoundCeil: x is implicitly cast to a decimal, scale must
 * be an INT literal; the result is a decimal with room for one more integral digit, and
 * `min(s, scale)` fraction digits (none for a negative scale, which needs `1 - scale` digits).
 */
function floorCeilScaled(name: string, args: readonly ArgInfo[], ctx: ResolveContext): Resolution {
  const scale = args[1]!;
  if (!(scale.dataType instanceof IntegerType) || !scale.literal || scale.literal.value === null) {
    throw new AnalysisException(`The 'scale' parameter of function '${name}' needs to be a int literal.`, {
      errorClass: '_LEGACY_ERROR_TEMP_1100',
      messageParameters: { argName: 'scale', funcName: name, requiredType: 'int' },
    });
  }
  const t = args[0]!.dataType;
  const from =
    t instanceof NullType || t instanceof StringType ? new DecimalType(38, 18) : isNumeric(t) ? decimalForType(t) : undefined;
  if (!from) throw unexpectedInputType(ctx, 0, '"DECIMAL"', t);
  const s = Number(scale.literal.value);
  const integral = from.precision - from.scale + 1;
  const [precision, resultScale] = s < 0 ? [Math.max(integral, 1 - s), 0] : [integral + Math.min(from.scale, s), Math.min(from.scale, s)];
  if (precision > DecimalType.MAX_PRECISION) {
    throw new ArithmeticException(`Decimal precision ${precision} exceeds max precision ${DecimalType.MAX_PRECISION}.`, {
      errorClass: 'DECIMAL_PRECISION_EXCEEDS_MAX_PRECISION',
      messageParameters: { precision: String(precision), maxPrecision: String(DecimalType.MAX_PRECISION) },
    });
  }
  return { dataType: new DecimalType(precision, resultScale), nullable: true, argTypes: castsFor(args, [from, INT]) };
}

function floorCeil(name: string): FunctionDef {
  const unary = floorCeilUnary(name);
  return {
    ...unary,
    maxArgs: 2,
    resolve: (args, call, ctx) => (args.length === 1 ? unary.resolve(args, call, ctx) : floorCeilScaled(name, args, ctx)),
    // the one-argument form is named `CEIL(x)`, the scaled one `ceil(x, s)`
    sql: (argSql, call) => (argSql.length === 1 ? unary.sql!(argSql, call) : `${name}(${argSql.join(', ')})`),
  };
}

/** round/bround keep the input type (decimal scale adjusts); scale defaults to 0. Always nullable in Spark. */
const rounding = (name: string): FunctionDef =>
  fn(name, {
    inputs: ['numeric', INT],
    min: 1,
    nullable: true,
    nullIntolerant: true,
    returns: (t, args) => {
      const x = t[0]!;
      if (x instanceof DecimalType) {
        const scale = Number(args[1]?.literal?.value ?? 0);
        const s = Math.max(0, Math.min(scale, x.scale));
        return boundedDecimal(x.precision - x.scale + s + 1, s);
      }
      return x;
    },
    sql: (a) => `${name}(${a[0]}, ${a[1] ?? 0})`,
  });

export const mathDefs: readonly FunctionDef[] = [
  fn('abs', { inputs: ['numeric'], returns: (t) => t[0]!, nullIntolerant: true }),
  rounding('round'),
  rounding('bround'),
  floorCeil('floor'),
  floorCeil('ceil'),
  unaryDouble('sqrt'),
  unaryDouble('cbrt'),
  unaryDouble('exp'),
  unaryDouble('expm1'),
  unaryDouble('log10'),
  unaryDouble('log2'),
  unaryDouble('log1p'),
  unaryDouble('ln', 'ln'),
  unaryDouble('sin'),
  unaryDouble('cos'),
  unaryDouble('tan'),
  unaryDouble('asin'),
  unaryDouble('acos'),
  unaryDouble('atan'),
  unaryDouble('sinh'),
  unaryDouble('cosh'),
  unaryDouble('tanh'),
  unaryDouble('asinh'),
  unaryDouble('acosh'),
  unaryDouble('atanh'),
  unaryDouble('degrees'),
  unaryDouble('radians'),
  unaryDouble('signum'),
  unaryDouble('rint', 'rint'),
  fn('pow', { inputs: [DOUBLE, DOUBLE], returns: DOUBLE, nullIntolerant: true, sql: 'POWER' }),
  fn('atan2', { inputs: [DOUBLE, DOUBLE], returns: DOUBLE, nullIntolerant: true, sql: 'ATAN2' }),
  fn('hypot', { inputs: [DOUBLE, DOUBLE], returns: DOUBLE, nullIntolerant: true, sql: 'HYPOT' }),
  /** `log(base, x)`; the one-argument form is `ln` (built by the API). */
  fn('log', { inputs: [DOUBLE, DOUBLE], returns: DOUBLE, nullable: true, nullIntolerant: true, sql: 'LOG' }),
  fn('pi', { returns: DOUBLE, nullable: false, sql: 'PI' }),
  fn('e', { returns: DOUBLE, nullable: false, sql: 'E' }),
  fn('bitwise_not', {
    inputs: ['integral'],
    returns: (t) => t[0]!,
    nullIntolerant: true,
    sql: (a) => `~${a[0]}`,
  }),
  fn('factorial', { inputs: [INT], returns: LONG, nullable: true, nullIntolerant: true }),
  fn('rand', { inputs: [LONG], min: 0, returns: DOUBLE, nullable: false, nondeterministic: true }),
  fn('randn', { inputs: [LONG], min: 0, returns: DOUBLE, nullable: false, nondeterministic: true }),
];
