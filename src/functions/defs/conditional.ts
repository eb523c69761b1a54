/** Null handling and conditional functions. */
import { BOOLEAN, DOUBLE, DataType, DoubleType, FloatType, NullType } from '../../types/data-types.js';
import { findWiderCommonTypeOf, findWiderCommonTypeWithoutStringPromotionOf } from '../../types/coercion.js';
import { callSql, castsFor, coerceArg, dataDiffTypes, fn, nullableAs } from '../define.js';

/** How Spark words nanvl's TypeCollection(DoubleType, FloatType). */
const FLOAT_OR_DOUBLE = '("DOUBLE" or "FLOAT")';
import type { ArgInfo, FunctionDef, ResolveContext } from '../registry.js';
import { withSql } from '../resolve-context.js';
import { comparison } from './operators.js';

/** All arguments cast to their wider common type (coalesce, greatest, least, nvl...). */
function commonOf(args: readonly ArgInfo[], ctx: ResolveContext, fnName: string, stringPromotion = true): DataType {
  const types = args.map((a) => a.dataType);
  const t = stringPromotion ? findWiderCommonTypeOf(types, ctx.ansi) : findWiderCommonTypeWithoutStringPromotionOf(types, ctx.ansi);
  // Spark's coalesce (nvl and ifnull are coalesce) words its types `("INT" or ...)`.
  if (!t) throw dataDiffTypes(ctx, fnName, types, fnName === 'coalesce' ? 'or' : 'list');
  return t;
}

function sameTypeFn(name: string, min: number, nullable: (args: readonly ArgInfo[]) => boolean, max = Infinity, stringPromotion = true): FunctionDef {
  return {
    name,
    kind: 'scalar',
    minArgs: min,
    maxArgs: max,
    resolve(args, _call, ctx) {
      const t = commonOf(args, ctx, name, stringPromotion);
      const castArgs = args.map((a) => ({ ...a, nullable: nullableAs(a, t) }));
      return { dataType: t, nullable: nullable(castArgs), argTypes: castsFor(args, args.map(() => t)) };
    },
  };
}

export const conditionalDefs: readonly FunctionDef[] = [
  sameTypeFn('coalesce', 1, (args) => args.every((a) => a.nullable)),
  // greatest/least compare values of one type: a string never wins (Spark's findWiderTypeWithoutStringPromotion)
  sameTypeFn('greatest', 2, (args) => args.every((a) => a.nullable), Infinity, false),
  sameTypeFn('least', 2, (args) => args.every((a) => a.nullable), Infinity, false),
  fn('isnan', { inputs: [DOUBLE], returns: BOOLEAN, nullable: false }),
  /** nvl / ifnull: coalesce of two values. */
  sameTypeFn('nvl', 2, (args) => args.every((a) => a.nullable), 2),
  sameTypeFn('ifnull', 2, (args) => args.every((a) => a.nullable), 2),
  /** nvl2(a, b, c): b when a is not null, else c (b and c widened to a common type). */
  {
    name: 'nvl2',
    kind: 'scalar',
    minArgs: 3,
    maxArgs: 3,
    resolve(args, _call, ctx) {
      // Spark rewrites nvl2 into If, whose type error it reports.
      const ifCtx = withSql(ctx, () => `(IF((${ctx.argSql[0]} IS NOT NULL), ${ctx.argSql[1]}, ${ctx.argSql[2]}))`);
      const t = commonOf(args.slice(1), ifCtx, 'if');
      return { dataType: t, nullable: nullableAs(args[1]!, t) || nullableAs(args[2]!, t), argTypes: castsFor(args, [args[0]!.dataType, t, t]) };
    },
  },
  /** nullif(a, b): null when a = b, else a; b is compared as a's type. */
  {
    name: 'nullif',
    kind: 'scalar',
    minArgs: 2,
    maxArgs: 2,
    resolve(args) {
      const t = args[0]!.dataType;
      return { dataType: t, nullable: true, argTypes: castsFor(args, [t, t]) };
    },
  },
  /** equal_null(a, b): `a <=> b` under its function name. */
  { ...comparison('equal_null', '<=>', true), sql: (a) => callSql('equal_null', a) },
  /**
   * nanvl(a, b): Spark's inputs are ("DOUBLE" or "FLOAT") each; any other number or a string is
   * read as a DOUBLE, a NULL `b` takes `a`'s type, and a FLOAT next to a DOUBLE is widened
   * (FunctionArgumentConversion). The result has `a`'s type: only two FLOATs stay FLOAT.
   */
  {
    name: 'nanvl',
    kind: 'scalar',
    minArgs: 2,
    maxArgs: 2,
    resolve(args, _call, ctx) {
      const fractional = (t: DataType): boolean => t instanceof FloatType || t instanceof DoubleType;
      const [left, right] = args as [ArgInfo, ArgInfo];
      const lt = fractional(left.dataType) ? left.dataType : coerceArg(args, 0, DOUBLE, ctx, FLOAT_OR_DOUBLE);
      const rt = right.dataType instanceof NullType ? lt : fractional(right.dataType) ? right.dataType : coerceArg(args, 1, DOUBLE, ctx, FLOAT_OR_DOUBLE);
      const t = lt.equals(rt) ? lt : DOUBLE;
      return { dataType: t, nullable: args.some((a) => nullableAs(a, t)), argTypes: castsFor(args, [t, t]) };
    },
  },
];
