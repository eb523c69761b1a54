/**
 * lpad/rpad(str, len[, pad]): over strings, or over binaries when the input
 * and the pad are both BINARY (Spark's BinaryPad; a binary input with a string
 * pad, or the reverse, pads the string form). The default pad is a space for
 * strings and X'00' for a binary, and Spark's name shows it:
 * `lpad(s, 5,  )`, `lpad(unhex(aabb), 5, X'00')`.
 */
import { BinaryType, BINARY, INT, STRING } from '../../types/data-types.js';
import { typeOf } from '../../expr/nodes.js';
import { castsFor, coerceArg, nullableAs } from '../define.js';
import type { ArgInfo, FunctionDef } from '../registry.js';

/** True when the call pads bytes: a binary input with a binary (or the default) pad. */
const padsBinary = (types: readonly unknown[]): boolean =>
  types[0] instanceof BinaryType && (types.length < 3 || types[2] instanceof BinaryType);

const padDef = (name: 'lpad' | 'rpad'): FunctionDef => ({
  name,
  kind: 'scalar',
  minArgs: 2,
  maxArgs: 3,
  nullIntolerant: true,
  resolve(args: readonly ArgInfo[], _call, ctx) {
    const binary = padsBinary(args.map((a) => a.dataType));
    const types = args.map((_, i) => (i === 1 ? coerceArg(args, i, INT, ctx) : binary ? BINARY : coerceArg(args, i, 'string', ctx)));
    return { dataType: binary ? BINARY : STRING, nullable: args.some((a, i) => nullableAs(a, types[i]!)), argTypes: castsFor(args, types) };
  },
  sql(argSql, call) {
    if (argSql.length === 3) return `${name}(${argSql.join(', ')})`;
    const first = call.args[0];
    const binary = first !== undefined && typeOf(first) instanceof BinaryType;
    return `${name}(${argSql.join(', ')}, ${binary ? "X'00'" : ' '})`;
  },
});

export const padDefs: readonly FunctionDef[] = [padDef('lpad'), padDef('rpad')];
