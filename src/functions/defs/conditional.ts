/** Null handling and conditional functions. */
import { BOOLEAN, DOUBLE, DataType } from '../../types/data-types.js';
import { findWiderCommonTypeOf } from '../../types/coercion.js';
import { castsFor, dataTypeMismatch, fn, sqlTypeName } from '../define.js';
import type { ArgInfo, FunctionDef, ResolveContext } from '../registry.js';

/** All arguments cast to their wider common type (coalesce, greatest, least, nvl...). */
function commonOf(args: readonly ArgInfo[], ctx: ResolveContext, fnName: string): DataType {
  const t = findWiderCommonTypeOf(args.map((a) => a.dataType));
  if (!t) {
    throw dataTypeMismatch(
      ctx,
      'DATA_DIFF_TYPES',
      `Input to \`${fnName}\` should all be the same type, but it's [${args.map((a) => sqlTypeName(a.dataType)).join(', ')}]`,
    );
  }
  return t;
}

function sameTypeFn(name: string, min: number, nullable: (args: readonly ArgInfo[]) => boolean): FunctionDef {
  return {
    name,
    kind: 'scalar',
    minArgs: min,
    maxArgs: Infinity,
    resolve(args, _call, ctx) {
      const t = commonOf(args, ctx, name);
      return { dataType: t, nullable: nullable(args), argTypes: castsFor(args, args.map(() => t)) };
    },
  };
}

export const conditionalDefs: readonly FunctionDef[] = [
  sameTypeFn('coalesce', 1, (args) => args.every((a) => a.nullable)),
  sameTypeFn('greatest', 2, (args) => args.every((a) => a.nullable)),
  sameTypeFn('least', 2, (args) => args.every((a) => a.nullable)),
  fn('isnan', { inputs: [DOUBLE], returns: BOOLEAN, nullable: false }),
  {
    name: 'nanvl',
    kind: 'scalar',
    minArgs: 2,
    maxArgs: 2,
    resolve(args, _call, ctx) {
      const t = commonOf(args, ctx, 'nanvl');
      return { dataType: t, nullable: args.some((a) => a.nullable), argTypes: castsFor(args, [t, t]) };
    },
  },
];
