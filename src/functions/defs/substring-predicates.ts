/**
 * contains / startswith / endswith(left, right): over strings, or over bytes
 * when both sides are BINARY (Spark's ByteArray predicates, which it declares
 * nullable whatever the inputs). A binary beside a string is cast to string.
 */
import { BinaryType, BOOLEAN } from '../../types/data-types.js';
import { castsFor, coerceArg, nullableAs } from '../define.js';
import type { FunctionDef } from '../registry.js';

const predicate = (name: 'contains' | 'startswith' | 'endswith'): FunctionDef => ({
  name,
  kind: 'scalar',
  minArgs: 2,
  maxArgs: 2,
  nullIntolerant: true,
  resolve(args, _call, ctx) {
    if (args.every((a) => a.dataType instanceof BinaryType)) return { dataType: BOOLEAN, nullable: true, argTypes: [undefined, undefined] };
    const types = args.map((_, i) => coerceArg(args, i, 'string', ctx));
    return { dataType: BOOLEAN, nullable: args.some((a, i) => nullableAs(a, types[i]!)), argTypes: castsFor(args, types) };
  },
});

export const substringPredicateDefs: readonly FunctionDef[] = [predicate('startswith'), predicate('endswith'), predicate('contains')];
