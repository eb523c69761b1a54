/**
 * Argument checks Spark makes without implicit casts (ExpectsInputTypes):
 * the argument keeps its type, and a wrong one is UNEXPECTED_INPUT_TYPE.
 * A NULL literal passes wherever Spark lets it.
 */
import { ArrayType, DataType, MapType, NullType, StringType, INT } from '../types/data-types.js';
import { unexpectedInputType } from './define.js';
import type { ArgInfo, ResolveContext } from './registry.js';

/** Argument `i` must pass `accepts` or be NULL; `required` is Spark's wording of the type (`"STRING"`). */
export function strictArg(args: readonly ArgInfo[], i: number, ctx: ResolveContext, required: string, accepts: (t: DataType) => boolean): void {
  const t = args[i]!.dataType;
  if (!(accepts(t) || t instanceof NullType)) throw unexpectedInputType(ctx, i, required, t);
}

/** A STRING argument without implicit casts; NULL literals pass. */
export function requireString(args: readonly ArgInfo[], i: number, ctx: ResolveContext): void {
  strictArg(args, i, ctx, '"STRING"', (t) => t instanceof StringType);
}

/** An argument that must already be an INT (Spark casts nothing here: array_repeat's count, array_insert's position). */
export function strictInt(args: readonly ArgInfo[], i: number, ctx: ResolveContext): void {
  strictArg(args, i, ctx, '"INT"', (t) => t.equals(INT));
}

/** An ARRAY or MAP argument (size, element_at, explode); `nullOk`: a NULL literal passes too. */
export function requireArrayOrMap(args: readonly ArgInfo[], i: number, ctx: ResolveContext, nullOk = true): void {
  const t = args[i]!.dataType;
  if (!(t instanceof ArrayType || t instanceof MapType || (nullOk && t instanceof NullType))) throw unexpectedInputType(ctx, i, '("ARRAY" or "MAP")', t);
}
