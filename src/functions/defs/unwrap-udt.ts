/**
 * unwrap_udt(col): Spark's UnwrapUDT, reached only from the Column API (Spark's
 * SQL does not resolve the name; Spark Connect plans it by name). It requires
 * a user-defined type, which sparkless columns never have: every local call
 * is Spark's UNEXPECTED_INPUT_TYPE, as Spark answers for a non-UDT column.
 */
import { unexpectedInputType } from '../define.js';
import type { FunctionDef } from '../registry.js';

/** Registry functions Spark's SQL does not resolve (UNRESOLVED_ROUTINE there, left out of SHOW FUNCTIONS). */
export const COLUMN_API_ONLY_FUNCTIONS: ReadonlySet<string> = new Set(['unwrap_udt']);

export const unwrapUdtDefs: readonly FunctionDef[] = [
  {
    name: 'unwrap_udt',
    kind: 'scalar',
    minArgs: 1,
    maxArgs: 1,
    resolve(args, _call, ctx) {
      throw unexpectedInputType(ctx, 0, '"USERDEFINEDTYPE"', args[0]!.dataType);
    },
  },
];
