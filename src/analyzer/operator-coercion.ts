/**
 * Spark 3.5's analyzer rewrites of binary operators that go beyond a common
 * operand type (non-ANSI): date arithmetic (ResolveBinaryArithmetic),
 * boolean-to-number equality (BooleanEquality) and the narrow decimal type of
 * integral literals next to decimals (DecimalPrecision). Common operand types
 * themselves are the operator definitions' job (types/coercion.ts).
 */
import type { Call, Expr, Literal } from '../expr/nodes.js';
import { E, typeOf } from '../expr/nodes.js';
import { exprSql } from '../expr/naming.js';
import { rewriteIntervalOperator } from './interval-arithmetic.js';
import { rewriteIntervalFunction } from './interval-functions.js';
import { ansiStringPromotion, castForcesNull, decimalForIntegralLiteral } from '../types/coercion.js';
import {
  BooleanType,
  ByteType,
  DateType,
  NullType,
  DecimalType,
  StringType,
  TimestampNTZType,
  TimestampType,
  DOUBLE,
  LONG,
  isIntegral,
  isNumeric,
  type DataType,
} from '../types/data-types.js';
import { castTo } from './resolve-call.js';
import { isIntervalType } from '../types/intervals.js';
import { integralVersusDecimalLiteral } from './decimal-comparison.js';

/**
 * Set by the SQL parser on the operators of `spark.sql` queries: Spark names
 * their output columns after analysis (`dt + 1` is `date_add(dt, 1)`, `b = 1`
 * is `b`), while the DataFrame API and `F.expr` keep the written form.
 */
export const ANALYZED_NAME = 'analyzedName';

/** Operators whose integral literal operands take the narrowest decimal type next to a decimal. */
const DECIMAL_LITERAL_OPERATORS = new Set([
  'add',
  'subtract',
  'multiply',
  'divide',
  'remainder',
  'eq',
  'eq_null_safe',
  'gt',
  'gte',
  'lt',
  'lte',
]);

type Resolve = (call: Call, args: readonly Expr[]) => Expr;

/**
 * The replacement of an operator call whose operands are resolved, or
 * `undefined` when no rewrite applies. `resolve` types the replacement's calls.
 */
export function rewriteOperator(call: Call, args: readonly Expr[], resolve: Resolve, ansi = false): Expr | undefined {
  // ANSI's PromoteStrings runs before the datetime rewrites (`'1' - ts` casts '1' to a timestamp);
  // next to an interval the interval rules below decide.
  if (ansi && args.length === 2 && !args.some((a) => isIntervalType(typeOf(a)))) {
    const promoted = ansiPromoteStrings(call.fn, args as [Expr, Expr]);
    if (promoted) {
      // The promoted operands go through the other rewrites: `'2020-01-01' - d` is a date difference.
      const typed = E.call(call.fn, promoted, call.options ? { options: call.options } : {});
      return rewriteOperator(typed, promoted, resolve, ansi) ?? resolve(typed, promoted);
    }
  }
  const interval = rewriteIntervalOperator(call, args, resolve, castImplicitly, call.options?.[ANALYZED_NAME] === true);
  if (interval) return interval;
  const intervalFn = rewriteIntervalFunction(call, args, resolve, castImplicitly, (c, a) => rewriteOperator(c, a, resolve, ansi));
  if (intervalFn) return intervalFn;
  if (args.length !== 2) return undefined;
  const [lt, rt] = [typeOf(args[0]!), typeOf(args[1]!)];
  if (!ansi && (call.fn === 'add' || call.fn === 'subtract') && (isIntervalType(lt) || isIntervalType(rt)) && (lt instanceof StringType || rt instanceof StringType)) {
    // PromoteStrings reads the string as a DOUBLE next to an interval it cannot be added to: the error names DOUBLE.
    const promoted = args.map((a) => (typeOf(a) instanceof StringType ? castImplicitly(a, DOUBLE) : a));
    return resolve(E.call(call.fn, promoted, call.options ? { options: call.options } : {}), promoted);
  }
  switch (call.fn) {
    case 'add':
    case 'subtract':
      return dateArithmetic(call, args as [Expr, Expr], resolve, ansi);
    case 'eq':
    case 'eq_null_safe':
      // ANSI's coercion has no BooleanEquality: `1 = true` is BINARY_OP_DIFF_TYPES.
      return ansi ? undefined : booleanEquality(call, args as [Expr, Expr], resolve);
    case 'div':
      return integralDivide(call, args as [Expr, Expr], resolve);
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      return call.options?.[ANALYZED_NAME] === true ? integralVersusDecimalLiteral(call, args as [Expr, Expr], resolve) : undefined;
    default:
      return undefined;
  }
}

/**
 * `date + n` / `n + date` is `date_add(date, n)`; `date - n` is `date_sub(date, n)`, a string n
 * read as a DOUBLE first (PromoteStrings), which date_add then rejects as Spark does.
 * `x - date` for any other x is Spark's SubtractDates: a string becomes a date, a number is refused.
 */
function dateArithmetic(call: Call, [l0, r0]: [Expr, Expr], resolve: Resolve, ansi: boolean): Expr | undefined {
  const [lt0, rt0] = [typeOf(l0), typeOf(r0)];
  if (call.fn === 'subtract' && rt0 instanceof DateType && !isDateTimeOrDate(lt0) && !isIntervalType(lt0)) {
    return resolve(E.call('subtract_dates', [l0, r0]), [l0, r0]);
  }
  const promote = (e: Expr, other: DataType): Expr => (!ansi && typeOf(e) instanceof StringType && other instanceof DateType ? castImplicitly(e, DOUBLE) : e);
  const [l, r] = [promote(l0, rt0), promote(r0, lt0)];
  const [lt, rt] = [typeOf(l), typeOf(r)];
  let fn: string;
  let args: [Expr, Expr];
  if (lt instanceof DateType && !(rt instanceof StringType) && (call.fn === 'add' || !isDateTimeOrDate(rt))) {
    fn = call.fn === 'add' ? 'date_add' : 'date_sub';
    args = [l, r];
  } else if (call.fn === 'add' && rt instanceof DateType && !(lt instanceof StringType)) {
    fn = 'date_add';
    args = [r, l];
  } else {
    return undefined;
  }
  // Date - date and timestamp differences are intervals, which are not modelled here.
  const display = call.options?.[ANALYZED_NAME] ? undefined : `(${exprSql(l0)} ${call.fn === 'add' ? '+' : '-'} ${exprSql(r0)})`;
  return resolve(E.call(fn, args, display ? { options: { displaySql: display } } : {}), args);
}

/**
 * `a DIV b` once Spark's type checks pass (the `div` definition): bigint
 * operands (integral ones widened) or decimals, `(a - a % b) / b` truncated to
 * a bigint — exact for integers, NULL for a zero divisor as in Spark.
 */
function integralDivide(call: Call, [l, r]: [Expr, Expr], resolve: Resolve): Expr {
  resolve(call, [l, r]);
  const widen = (e: Expr): Expr => (typeOf(e) instanceof DecimalType ? e : castTo(e, LONG, true));
  const [a, b] = [widen(l), widen(r)];
  const rem = resolve(E.call('remainder', [a, b]), [a, b]);
  const diff = resolve(E.call('subtract', [a, rem]), [a, rem]);
  return castTo(resolve(E.call('divide', [diff, b]), [diff, b]), LONG, false);
}

const isDateTimeOrDate = (t: DataType): boolean => t instanceof DateType || t instanceof TimestampType || t instanceof TimestampNTZType;

/**
 * `bool = number`: the boolean is compared as that number type. In SQL
 * queries a literal 1 or 0 simplifies the comparison to the boolean itself
 * (`b = 1` → `b`, `b = 0` → `NOT b`, `b <=> 1` → `b IS NOT NULL AND b`), which
 * is also the column name Spark gives it.
 */
function booleanEquality(call: Call, [l, r]: [Expr, Expr], resolve: Resolve): Expr | undefined {
  const boolLeft = typeOf(l) instanceof BooleanType && isNumeric(typeOf(r));
  const boolRight = typeOf(r) instanceof BooleanType && isNumeric(typeOf(l));
  if (!boolLeft && !boolRight) return undefined;
  const [bool, num] = boolLeft ? [l, r] : [r, l];
  if (call.options?.[ANALYZED_NAME] && num.kind === 'Literal') {
    const one = literalIs(num, 1);
    if (one || literalIs(num, 0)) {
      const value = one ? bool : resolve(E.call('not', [bool]), [bool]);
      if (call.fn === 'eq') return value;
      const notNull = resolve(E.call('is_not_null', [bool]), [bool]);
      return resolve(E.call('and', [notNull, value]), [notNull, value]);
    }
  }
  const asNumber = castImplicitly(bool, typeOf(num));
  const args = boolLeft ? [asNumber, num] : [num, asNumber];
  return resolve(E.call(call.fn, args, call.options ? { options: call.options } : {}), args);
}

/** Whether a numeric literal equals `n` (Spark's trueValues / falseValues). */
function literalIs(lit: Literal, n: 0 | 1): boolean {
  const v = lit.value;
  if (v === null || v === undefined) return false;
  if (lit.dataType instanceof DecimalType) return BigInt(v as bigint) === BigInt(n) * 10n ** BigInt(lit.dataType.scale);
  return typeof v === 'bigint' ? v === BigInt(n) : v === n;
}

/**
 * The operands with each integral literal next to a decimal operand cast to
 * its narrowest decimal type (`d * 2` → decimal(1,0) for the 2), as Spark's
 * DecimalPrecision does.
 */
export function narrowDecimalLiterals(fn: string, args: readonly Expr[]): readonly Expr[] {
  if (!(DECIMAL_LITERAL_OPERATORS.has(fn) || TRY_ARITHMETIC.has(fn)) || args.length !== 2) return args;
  const types = args.map(typeOf);
  return args.map((a, i) => {
    const other = types[1 - i]!;
    // A tinyint literal keeps its type's decimal(3,0): Spark narrows short, int and long literals only.
    if (a.kind !== 'Literal' || !(other instanceof DecimalType) || !isIntegral(a.dataType) || a.dataType instanceof ByteType || a.value === null) return a;
    return castImplicitly(a, decimalForIntegralLiteral(a.value as number | bigint));
  });
}

/** try_add / try_subtract / try_multiply / try_divide: typed as their operators (literals narrowed too). */
const TRY_ARITHMETIC = new Set(['try_add', 'try_subtract', 'try_multiply', 'try_divide']);

/** Binary operators ANSI's PromoteStrings rule applies to (arithmetic, comparisons, bitwise). */
const PROMOTE_STRINGS_OPERATORS = new Set([...DECIMAL_LITERAL_OPERATORS, 'div', 'pmod', ...TRY_ARITHMETIC, 'bitwise_and', 'bitwise_or', 'bitwise_xor']);

/**
 * Spark 3.5 AnsiTypeCoercion.PromoteStrings: a string operand next to an integral one
 * makes both BIGINT, next to a fractional (or decimal) one both DOUBLE, next to another
 * atomic type (date, timestamp, boolean, binary) that type; an invalid string then raises
 * CAST_INVALID_INPUT when the query runs (`a = '1.5'` for an INT `a`). Undefined when the
 * rule does not apply (no string, two strings, an interval).
 */
function ansiPromoteStrings(fn: string, [l, r]: [Expr, Expr]): [Expr, Expr] | undefined {
  if (!PROMOTE_STRINGS_OPERATORS.has(fn)) return undefined;
  const [lt, rt] = [typeOf(l), typeOf(r)];
  const other = lt instanceof StringType ? rt : rt instanceof StringType ? lt : undefined;
  if (!other || other instanceof StringType || other instanceof NullType) return undefined;
  const target = ansiStringPromotion(other);
  if (!target) return undefined;
  const promote = (e: Expr): Expr => (typeOf(e).equals(target) ? e : Object.freeze({ ...castImplicitly(e, target), ansiCoercion: true }));
  return [promote(l), promote(r)];
}

/** A resolved implicit cast (invisible in column names). */
function castImplicitly(e: Expr, to: DataType): Expr {
  const from = typeOf(e);
  if (from.equals(to)) return e;
  return Object.freeze({ ...E.cast(e, to, true), dataType: to, nullable: (e.nullable ?? true) || castForcesNull(from, to) });
}
