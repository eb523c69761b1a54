/** Window-only functions: ranking and offset functions. */
import { DataType, DOUBLE, INT } from '../../types/data-types.js';
import { castsFor, coerceArg, fn } from '../define.js';
import type { FunctionDef } from '../registry.js';

const ranking = (name: string, returns: DataType = INT, sql?: string): FunctionDef =>
  fn(name, { kind: 'window', returns, nullable: false, ...(sql ? { sql } : {}) });

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
      nullable: true,
      argTypes: castsFor(args, [t, coerceArg(args, 1, INT, ctx), coerceArg(args, 2, t, ctx)]),
    };
  },
});

export const windowDefs: readonly FunctionDef[] = [
  ranking('row_number'),
  // Spark's RANK, DENSE_RANK and PERCENT_RANK name themselves upper-case (`RANK() OVER (...)`); row_number and cume_dist do not.
  ranking('rank', INT, 'RANK'),
  ranking('dense_rank', INT, 'DENSE_RANK'),
  ranking('percent_rank', DOUBLE, 'PERCENT_RANK'),
  ranking('cume_dist', DOUBLE),
  fn('ntile', { kind: 'window', inputs: [INT], returns: INT, nullable: false }),
  offsetFn('lag'),
  offsetFn('lead'),
  /** nth_value(input, n): `options.ignoreNulls`. */
  fn('nth_value', { kind: 'window', inputs: ['any', INT], returns: (t) => t[0]!, nullable: true }),
];
