/** Window-only functions: ranking and offset functions. */
import { DataType, DOUBLE, INT } from '../../types/data-types.js';
import { castsFor, coerceArg, dataTypeMismatch, fn } from '../define.js';
import type { FunctionDef } from '../registry.js';

const ranking = (name: string, returns: DataType = INT, sql?: string): FunctionDef =>
  fn(name, { kind: 'window', returns, nullable: false, ...(sql ? { sql } : {}) });

/**
 * RANK, DENSE_RANK and PERCENT_RANK (named upper-case, `RANK() OVER (...)`):
 * Spark's SQL accepts any arguments and, once they resolve, replaces them
 * with the window's ORDER BY expressions, so they neither compute nor name.
 */
const rankByOrder = (name: string, returns: DataType): FunctionDef =>
  fn(name, { kind: 'window', returns, nullable: false, max: Infinity, sql: () => `${name.toUpperCase()}()` });

/** lag/lead(input, offset, default): the default is cast to the input's type. */
const offsetFn = (name: string): FunctionDef => ({
  name,
  kind: 'window',
  minArgs: 3,
  maxArgs: 3,
  resolve(args, _call, ctx) {
    const t = args[0]!.dataType;
    return {
      dataType: t,
      // Null only when the input or the default (for rows past the partition's edge) can be.
      nullable: args[0]!.nullable || args[2]!.nullable,
      argTypes: castsFor(args, [t, coerceArg(args, 1, INT, ctx), coerceArg(args, 2, t, ctx)]),
    };
  },
});

export const windowDefs: readonly FunctionDef[] = [
  ranking('row_number'),
  // row_number and cume_dist take no arguments and name themselves lower-case.
  rankByOrder('rank', INT),
  rankByOrder('dense_rank', INT),
  rankByOrder('percent_rank', DOUBLE),
  ranking('cume_dist', DOUBLE),
  fn('ntile', {
    kind: 'window',
    inputs: [INT],
    returns: INT,
    nullable: false,
    check(args, _types, ctx) {
      const lit = args[0]!.literal;
      const n = lit ? Number(lit.value) : undefined;
      if (n !== undefined && !(n > 0 && n <= 2147483647)) {
        throw dataTypeMismatch(ctx, 'VALUE_OUT_OF_RANGE', `The buckets must be between (0, 2147483647] (current value = ${String(lit!.value)})`, {
          exprName: 'buckets',
          valueRange: '(0, 2147483647]',
          currentValue: String(lit!.value),
        });
      }
    },
  }),
  offsetFn('lag'),
  offsetFn('lead'),
  /** nth_value(input, n): `options.ignoreNulls`. */
  fn('nth_value', { kind: 'window', inputs: ['any', INT], returns: (t) => t[0]!, nullable: true }),
];
