/** Argument readers shared by the native scalar lowerings. */
import { typeOf, type Call } from '../../../expr/nodes.js';
import { DecimalType, DoubleType, FloatType } from '../../../types/data-types.js';
import { delegate } from '../delegation.js';
import type { NativeExpr } from '../native.js';
import { arg, type FnContext } from './types.js';

export const isFloatT = (t: unknown): boolean => t instanceof DoubleType || t instanceof FloatType;

/** The literal argument as a string; null for a NULL literal; undefined when not a string literal. */
export function litString(call: Call, i: number): string | null | undefined {
  const a = call.args[i];
  if (!a || a.kind !== 'Literal') return undefined;
  return a.value === null ? null : typeof a.value === 'string' ? a.value : undefined;
}
/** The literal argument as a number; null for a NULL literal; undefined when not a number literal. */
export function litInt(call: Call, i: number): number | null | undefined {
  const a = call.args[i];
  if (!a || a.kind !== 'Literal') return undefined;
  return a.value === null ? null : typeof a.value === 'number' ? a.value : undefined;
}
/** Decimals keep Spark's exact arithmetic in the interpreter. */
export function notDecimal(call: Call): void {
  for (const a of call.args) if (typeOf(a) instanceof DecimalType) delegate(`${call.fn} on decimals`);
}
export const tr0 = (call: Call, ctx: FnContext): NativeExpr => ctx.tr(arg(call, 0));
