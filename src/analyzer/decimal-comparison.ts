/**
 * Spark 3.5's DecimalPrecision rewrite of an ordering comparison between an
 * integral value and a decimal literal: the literal becomes the bigint bound
 * that gives the same answer (`id > 1.1` is `id > 1`, `id >= 1.5` is
 * `id >= 2`, `1.1 < id` is `1 < id`), and a literal beyond the bigint range
 * makes the comparison a constant (`id > 1e20BD` is `false`, even for a NULL
 * id). Equality (`=`, `<=>`) is left alone. Spark names the column after the
 * rewrite, so it applies to SQL queries' operators (ANALYZED_NAME).
 */
import { E, typeOf, type Call, type Expr, type Literal } from '../expr/nodes.js';
import { BOOLEAN, DecimalType, isIntegral, LONG } from '../types/data-types.js';

const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;

/** The operator as seen from the integral side when the literal is written first. */
const MIRROR: Record<string, string> = { gt: 'lt', gte: 'lte', lt: 'gt', lte: 'gte' };

const decimalLiteral = (e: Expr): e is Literal & { value: bigint } =>
  e.kind === 'Literal' && e.dataType instanceof DecimalType && typeof e.value === 'bigint';

const floorDiv = (a: bigint, b: bigint): bigint => (a >= 0n ? a / b : -((-a + b - 1n) / b));

export function integralVersusDecimalLiteral(call: Call, [l, r]: [Expr, Expr], resolve: (call: Call, args: readonly Expr[]) => Expr): Expr | undefined {
  if (!(call.fn in MIRROR)) return undefined;
  let literalFirst: boolean;
  if (isIntegral(typeOf(l)) && decimalLiteral(r)) literalFirst = false;
  else if (decimalLiteral(l) && isIntegral(typeOf(r))) literalFirst = true;
  else return undefined;
  const lit = (literalFirst ? l : r) as Literal & { value: bigint };
  const op = literalFirst ? MIRROR[call.fn]! : call.fn;
  const unit = 10n ** BigInt((lit.dataType as DecimalType).scale);
  const floor = floorDiv(lit.value, unit);
  const ceil = -floorDiv(-lit.value, unit);
  // Beyond the bigint range no integral value reaches the literal.
  const aboveLong = lit.value > LONG_MAX * unit;
  const belowLong = lit.value < LONG_MIN * unit;
  if (aboveLong || belowLong) {
    const integralAbove = op === 'gt' || op === 'gte';
    return E.lit(aboveLong ? !integralAbove : integralAbove, BOOLEAN);
  }
  const bound = op === 'gt' || op === 'lte' ? floor : ceil;
  const boundLit = E.lit(bound >= BigInt(Number.MIN_SAFE_INTEGER) && bound <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(bound) : bound, LONG);
  const args = literalFirst ? [boundLit, r] : [l, boundLit];
  return resolve(E.call(call.fn, args, call.options ? { options: call.options } : {}), args);
}
